"""Commitments: money and materiel by country and programme, each with its status.

Amounts are only those a source states; their status (announced, committed,
allocated, delivered) says how far the money has gone, so figures of different
status are shown side by side, not added into one total.
URL parameters: the shared filters.
"""

import math

import altair as alt
import streamlit as st

from canada_abroad.operations import amounts_by_status, commitments
from canada_abroad.palette import AMOUNT_STATUS_COLOURS
from canada_abroad.schema import AMOUNT_STATUSES
from canada_abroad.text import count, format_amount
from ui.page import csv_download, open_page
from ui.panels import ENGAGEMENT_COLUMNS, engagement_table

rows = commitments(open_page().rows)

st.title("Commitments")
st.caption(f"{count(len(rows), 'commitments')} of money or materiel match the filters. Amounts are in Canadian dollars as "
           "sources state them; blank means no source gives a figure. Figures with different status overlap "
           "(a delivered amount is part of an earlier commitment), so they are not summed across status.")

# A log scale has no place for $0 (a stated zero stays in the table below).
by_status = amounts_by_status(rows).query("amount_cad > 0")
if not by_status.empty:
    # Log scale: $38.6 billion for NORAD would otherwise flatten every million-dollar commitment to nothing.
    # Each bar carries its amount in words, and the right end leaves room for the longest label.
    low, high = float(by_status["amount_cad"].min()), float(by_status["amount_cad"].max())
    x = alt.X("amount_cad:Q", title="CAD, stated amounts (log scale)",
              scale=alt.Scale(type="log", domain=[low / 2, high * 12], nice=False),
              axis=alt.Axis(values=[10.0 ** k for k in range(math.ceil(math.log10(low / 2)), 13)],
                            labelExpr="replace(format(datum.value, '$.2~s'), 'G', 'B')"))
    order = by_status.groupby("place")["amount_cad"].max().sort_values(ascending=False).index.tolist()
    y = alt.Y("place:N", sort=order, title=None)
    base = alt.Chart(by_status.assign(label=by_status["amount_cad"].map(format_amount))).encode(
        x=x, y=y, yOffset="amount_status:N")
    bars = base.mark_bar().encode(
        x2=alt.datum(low / 2),  # a log scale has no zero to start a bar from
        color=alt.Color("amount_status:N", title="Status", scale=alt.Scale(domain=list(AMOUNT_STATUSES),
                        range=[AMOUNT_STATUS_COLOURS[s] for s in AMOUNT_STATUSES])),
        tooltip=[alt.Tooltip("place:N", title="Where"), alt.Tooltip("amount_status:N", title="Status"),
                 alt.Tooltip("amount_cad:Q", title="CAD", format="$,.0f")],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(text="label:N")
    st.altair_chart((bars + labels).properties(height=max(160, 30 * len(by_status))), width="stretch")

st.dataframe(engagement_table(rows), hide_index=True, column_config=ENGAGEMENT_COLUMNS, width="stretch")
csv_download("Download these commitments (CSV)", rows, "canada-abroad-commitments.csv")
