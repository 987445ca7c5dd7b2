"""Altair pieces shared by the pages' charts."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt

from canada_abroad.map_view import MISSION_TYPE_COLOURS
from canada_abroad.text import label


def mission_type_colour(field: str, mission_types: Iterable[str], title: str) -> alt.Color:
    """Colour by a column of type labels with the map's marker colours, so a type looks the same everywhere.

    Only the types present get a legend entry, in the schema's order.
    """
    present = set(mission_types)
    shown = [t for t in MISSION_TYPE_COLOURS if t in present]
    return alt.Color(f"{field}:N", title=title, scale=alt.Scale(domain=[label("mission_type", t) for t in shown],
                                                                range=[MISSION_TYPE_COLOURS[t] for t in shown]))
