"""Altair charts shared by the pages."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd
import streamlit as st

from canada_abroad.palette import MISSION_TYPE_COLOURS
from canada_abroad.text import label

# Height of a timeline: enough per operation that no label is dropped, plus the year axis and padding.
TIMELINE_ROW_PX, TIMELINE_AXIS_PX = 22, 80


def mission_type_colour(field: str, mission_types: Iterable[str], title: str) -> alt.Color:
    """Colour by a column of type labels with the map's marker colours, so a type looks the same everywhere.

    Only the types present get a legend entry, in the schema's order.
    """
    present = set(mission_types)
    shown = [t for t in MISSION_TYPE_COLOURS if t in present]
    return alt.Color(f"{field}:N", title=title, scale=alt.Scale(domain=[label("mission_type", t) for t in shown],
                                                                range=[MISSION_TYPE_COLOURS[t] for t in shown]))


def operation_timeline(frame: pd.DataFrame, *, colour_title: str, tooltip: list) -> None:
    """One bar per row from its start year through its end year, one line per operation, every line labelled.

    `frame` needs operation, mission_type, start_year and end_year, plus the tooltip's columns.
    """
    bars = frame.assign(end=frame["end_year"] + 1, type=frame["mission_type"].map(lambda v: label("mission_type", v)))
    chart = alt.Chart(bars).mark_bar(height=8).encode(
        x=alt.X("start_year:Q", title="Year", scale=alt.Scale(zero=False), axis=alt.Axis(format="d")),
        x2="end:Q",
        y=alt.Y("operation:N", sort=alt.EncodingSortField("start_year"), title=None,
                axis=alt.Axis(labelLimit=220, labelOverlap=False)),
        color=mission_type_colour("type", frame["mission_type"], colour_title),
        tooltip=tooltip,
    )
    # The height goes to st.altair_chart: a chart-level height was not applied on the Country page.
    lines = frame["operation"].nunique()
    st.altair_chart(chart, width="stretch", height=max(140, TIMELINE_ROW_PX * lines + TIMELINE_AXIS_PX))
