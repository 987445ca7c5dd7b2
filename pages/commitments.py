"""Commitments: money and materiel by country and programme, each with its status.

Amounts are only those a source states; their status (announced, committed,
allocated, delivered) says how far the money has gone, so figures of different
status are shown side by side, not added into one total.
URL parameters: the shared filters.
"""

import altair as alt
import streamlit as st

from canada_abroad.filters import apply_filters
from canada_abroad.operations import amounts_by_status, commitments
from canada_abroad.safe_text import csv_bytes
from canada_abroad.schema import AMOUNT_STATUSES, COLUMN_NAMES
from canada_abroad.text import count
from ui import cached
from ui.frame import ensure_framed
from ui.panels import ENGAGEMENT_COLUMNS, engagement_table
from ui.state import current_view

ensure_framed()

dataset = cached.current_dataset()
rows = commitments(apply_filters(dataset.frame, current_view().filters))

st.title("Commitments")
st.caption(f"{count(len(rows), 'commitments')} of money or materiel match the filters. Amounts are in Canadian dollars as "
           "sources state them; blank means no source gives a figure. Figures with different status overlap "
           "(a delivered amount is part of an earlier commitment), so they are not summed across status.")

by_status = amounts_by_status(rows)
if not by_status.empty:
    chart = alt.Chart(by_status).mark_bar().encode(
        x=alt.X("amount_cad:Q", title="CAD (stated amounts)", axis=alt.Axis(format="$,.2s")),
        y=alt.Y("place:N", sort="-x", title=None),
        color=alt.Color("amount_status:N", title="Status", scale=alt.Scale(domain=list(AMOUNT_STATUSES),
                        range=["#c6dbef", "#6baed6", "#2171b5", "#08306b"])),
        yOffset="amount_status:N",
        tooltip=[alt.Tooltip("place:N", title="Where"), alt.Tooltip("amount_status:N", title="Status"),
                 alt.Tooltip("amount_cad:Q", title="CAD", format="$,.0f")],
    ).properties(height=max(160, 26 * by_status["place"].nunique()))
    st.altair_chart(chart, width="stretch")

st.dataframe(engagement_table(rows), hide_index=True, column_config=ENGAGEMENT_COLUMNS, width="stretch")
st.download_button("Download these commitments (CSV)", lambda: csv_bytes(rows[list(COLUMN_NAMES)]),
                   file_name="canada-abroad-commitments.csv", mime="text/csv", on_click="ignore")
