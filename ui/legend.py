"""The map's legends: choropleth classes and marker colours (numbers and vocabulary labels, no data text)."""

from __future__ import annotations

import html

import streamlit as st

from canada_abroad.legend_entries import legend_items, marker_items
from canada_abroad.measures import ColourClass
from canada_abroad.text import label, labelled, ui_text


def _swatches(name: str, title: str, items: list[tuple[str, str]], radius: str, anchor: str = "") -> str:
    """A legend as text a screen reader reads out: a titled list whose colour squares are decoration."""
    # Colours come from our own tables and labels from text.LABELS, never from the data.
    entries = "".join(
        f'<li style="display:inline-flex;align-items:center;margin-right:14px">'
        f'<span aria-hidden="true" style="width:14px;height:14px;background:{colour};border:1px solid #595959;'
        f'border-radius:{radius};margin-right:5px"></span>{html.escape(text)}</li>'
        for colour, text in items
    )
    target = f' id="{anchor}" tabindex="-1"' if anchor else ""  # where the Map page's skip link lands
    return (f'<div role="group" aria-label="{html.escape(name)}"{target}>{html.escape(labelled(title, ""))}'
            f'<ul aria-label="{html.escape(title)}" '
            f'style="display:inline;list-style:none;margin:0;padding:0">{entries}</ul></div>')


def render_legend(classes: list[ColourClass], measure: str, mission_types: set[str], anchor: str = "") -> None:
    st.markdown(_swatches(ui_text("legend"), label("measure", measure), legend_items(classes, measure), "0", anchor),
                unsafe_allow_html=True)
    markers = marker_items(mission_types)
    if markers:
        st.markdown(_swatches(ui_text("marker_legend_name"), ui_text("marker_legend"), markers, "50%"),
                    unsafe_allow_html=True)
