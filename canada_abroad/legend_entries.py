"""The map's legend entries (colour, words), shared by the live map's legend and the downloadable image."""

from __future__ import annotations

from canada_abroad.i18n import N_, _
from canada_abroad.measures import ColourClass, class_ranges
from canada_abroad.palette import MISSION_TYPE_COLOURS, NO_DATA_COLOUR
from canada_abroad.text import format_measure, label

NO_DATA_LABEL = N_("none or not stated")


def legend_items(classes: list[ColourClass], measure: str) -> list[tuple[str, str]]:
    """Each colour class with the range of values it holds, then the no-data colour."""
    items = []
    for colour_class, (lower, upper) in zip(classes, class_ranges(classes, measure)):
        low, high = format_measure(measure, lower), format_measure(measure, upper)
        items.append((colour_class.colour, low if low == high else f"{low} – {high}"))
    items.append((NO_DATA_COLOUR, _(NO_DATA_LABEL)))
    return items


def marker_items(mission_types: set[str]) -> list[tuple[str, str]]:
    """Colour and label of each mission type present, in the schema's order (unknown types are grey)."""
    known = [t for t in MISSION_TYPE_COLOURS if t in mission_types]
    return [(MISSION_TYPE_COLOURS[t], label("mission_type", t)) for t in known]
