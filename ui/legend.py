"""The choropleth legend: class bounds and colours (numbers only, no data text)."""

from __future__ import annotations

import streamlit as st

from canada_abroad.measures import NO_DATA_COLOUR, ColourClass, class_ranges
from canada_abroad.text import format_measure, label


def legend_items(classes: list[ColourClass], measure: str) -> list[tuple[str, str]]:
    items = []
    for colour_class, (lower, upper) in zip(classes, class_ranges(classes, measure)):
        low, high = format_measure(measure, lower), format_measure(measure, upper)
        items.append((colour_class.colour, low if low == high else f"{low} – {high}"))
    items.append((NO_DATA_COLOUR, "none or not stated"))
    return items


def render_legend(classes: list[ColourClass], measure: str) -> None:
    swatches = "".join(
        f'<span style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span style="width:14px;height:14px;background:{colour};border:1px solid #999;margin-right:5px"></span>'
        f"{text}</span>"
        for colour, text in legend_items(classes, measure)
    )
    st.markdown(f'<div role="img" aria-label="Legend">{label("measure", measure)}: {swatches}</div>',
                unsafe_allow_html=True)
