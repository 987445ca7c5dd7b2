"""The map's legends: choropleth classes and marker colours (numbers and vocabulary labels, no data text)."""

from __future__ import annotations

import streamlit as st

from canada_abroad.map_view import MISSION_TYPE_COLOURS
from canada_abroad.measures import NO_DATA_COLOUR, ColourClass, class_ranges
from canada_abroad.text import format_measure, label


def legend_items(classes: list[ColourClass], measure: str) -> list[tuple[str, str]]:
    items = []
    for colour_class, (lower, upper) in zip(classes, class_ranges(classes, measure)):
        low, high = format_measure(measure, lower), format_measure(measure, upper)
        items.append((colour_class.colour, low if low == high else f"{low} – {high}"))
    items.append((NO_DATA_COLOUR, "none or not stated"))
    return items


def marker_items(mission_types: set[str]) -> list[tuple[str, str]]:
    """Colour and label of each mission type present, in the schema's order (unknown types are grey)."""
    known = [t for t in MISSION_TYPE_COLOURS if t in mission_types]
    return [(MISSION_TYPE_COLOURS[t], label("mission_type", t)) for t in known]


def _swatches(items: list[tuple[str, str]], radius: str) -> str:
    # Colours come from our own tables and labels from text.LABELS, never from the data.
    return "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:14px;height:14px;background:{colour};border:1px solid #999;border-radius:{radius};'
        f'margin-right:5px"></span>{text}</span>'
        for colour, text in items
    )


def render_legend(classes: list[ColourClass], measure: str, mission_types: set[str]) -> None:
    st.markdown(f'<div role="img" aria-label="Legend">{label("measure", measure)}: '
                f'{_swatches(legend_items(classes, measure), "0")}</div>', unsafe_allow_html=True)
    markers = marker_items(mission_types)
    if markers:
        st.markdown(f'<div role="img" aria-label="Marker legend">Markers by type: {_swatches(markers, "50%")}</div>',
                    unsafe_allow_html=True)
