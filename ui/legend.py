"""The map's legends: choropleth classes and marker colours (numbers and vocabulary labels, no data text)."""

from __future__ import annotations

import streamlit as st

from canada_abroad.legend_entries import legend_items, marker_items
from canada_abroad.measures import ColourClass
from canada_abroad.text import label


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
