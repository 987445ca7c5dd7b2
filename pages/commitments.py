"""Commitments: money and materiel by country and programme, each with its status.

Amounts are only those a source states; their status (announced, committed,
allocated, delivered) says how far the money has gone, so figures of different
status are shown side by side, not added into one total.
URL parameters: the shared filters.
"""

import math

import altair as alt
import streamlit as st

from canada_abroad.i18n import _, current_language, format_number, ngettext, pgettext
from canada_abroad.localized import in_language
from canada_abroad.operations import amounts_by_status, commitments
from canada_abroad.palette import AMOUNT_STATUS_COLOURS
from canada_abroad.schema import AMOUNT_STATUSES
from canada_abroad.text import format_amount, label, ui_text
from ui.charts import chart_as_table
from ui.page import csv_download, open_page
from ui.panels import ENGAGEMENT_COLUMNS, engagement_table

rows = commitments(open_page().rows)
shown = in_language(rows, current_language())  # places, operations and sources in the reader's language

st.title(_("Commitments"))
st.caption(ngettext(
    "{n} commitment of money or materiel matches the filters. Amounts are in Canadian dollars as sources state "
    "them; blank means no source gives a figure. Figures with different status overlap (a delivered amount is "
    "part of an earlier commitment), so they are not summed across status.",
    "{n} commitments of money or materiel match the filters. Amounts are in Canadian dollars as sources state "
    "them; blank means no source gives a figure. Figures with different status overlap (a delivered amount is "
    "part of an earlier commitment), so they are not summed across status.",
    len(rows)).format(n=format_number(len(rows))))


def amount_axis_labels() -> str:
    """Vega's labels of the log axis, powers of ten: "$10M", "$1B" in English; "10 M$", "1 G$" in French."""
    if current_language() == "fr":  # the Government of Canada's symbols: k$, M$, G$ after the number
        return ("datum.value < 1000 ? format(datum.value, '~d') + '\u00a0$' : "
                "replace(replace(replace(format(datum.value, '~s'), 'k', '\u00a0k$'), 'M', '\u00a0M$'), 'G', '\u00a0G$')")
    return "replace(format(datum.value, '$.2~s'), 'G', 'B')"


# A log scale has no place for $0 (a stated zero stays in the table below).
by_status = amounts_by_status(shown).query("amount_cad > 0")
if not by_status.empty:
    # Log scale: $38.6 billion for NORAD would otherwise flatten every million-dollar commitment to nothing.
    # Each bar carries its amount in words, and the right end leaves room for the longest label.
    low, high = float(by_status["amount_cad"].min()), float(by_status["amount_cad"].max())
    # French amounts are written longer ("38,60 milliards de dollars"), so their bars leave more room.
    room = 30 if current_language() == "fr" else 12
    x = alt.X("amount_cad:Q", title=_("CAD, stated amounts (log scale)"),
              scale=alt.Scale(type="log", domain=[low / 2, high * room], nice=False),
              # Powers of ten from the smallest amount to the first above the largest (not into the room
              # left for the labels, where a French "1T" had no French form).
              axis=alt.Axis(values=[10.0 ** k for k in range(math.ceil(math.log10(low / 2)),
                                                              math.floor(math.log10(high)) + 2)],
                            labelExpr=amount_axis_labels()))
    order = by_status.groupby("place")["amount_cad"].max().sort_values(ascending=False).index.tolist()
    y = alt.Y("place:N", sort=order, title=None)
    statuses = [label("amount_status", s) for s in AMOUNT_STATUSES]
    written = by_status.assign(
        label=by_status["amount_cad"].map(format_amount),
        status=by_status["amount_status"].map(lambda s: label("amount_status", s)),
        exact=by_status["amount_cad"].map(lambda v: _("${amount}").format(amount=format_number(v))))
    base = alt.Chart(written).encode(x=x, y=y, yOffset="status:N")
    bars = base.mark_bar().encode(
        x2=alt.datum(low / 2),  # a log scale has no zero to start a bar from
        color=alt.Color("status:N", title=pgettext("money", "Status"), scale=alt.Scale(domain=statuses,
                        range=[AMOUNT_STATUS_COLOURS[s] for s in AMOUNT_STATUSES]),
                        # Below the chart: on a phone a legend at the right sat on the amounts' labels.
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        tooltip=[alt.Tooltip("place:N", title=_("Where")), alt.Tooltip("status:N", title=pgettext("money", "Status")),
                 alt.Tooltip("exact:N", title=_("CAD"))],
    )
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(text="label:N")
    st.altair_chart((bars + labels).properties(height=max(160, 30 * len(by_status))), width="stretch")
    chart_as_table(by_status.assign(status=by_status["amount_status"].map(lambda s: label("amount_status", s))), {
        "place": st.column_config.TextColumn(ui_text("column_where")),
        "status": st.column_config.TextColumn(ui_text("column_status")),
        "amount_cad": st.column_config.NumberColumn(ui_text("column_cad"), format="dollar"),
    }, ui_text("chart_as_table"))

st.dataframe(engagement_table(shown), hide_index=True, column_config=ENGAGEMENT_COLUMNS, width="stretch")
# The file keeps the dataset's columns (English and French), whatever the page's language.
csv_download(_("Download these commitments (CSV)"), rows, _("canada-abroad-commitments.csv"))
