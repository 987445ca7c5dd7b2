"""Operations: a searchable, sortable table of operations and a timeline of them over the years.

Selecting a row opens the operation's panel (same as clicking its marker on the map).
URL parameters: the shared filters, and op (the selected operation).
"""

import altair as alt
import streamlit as st

from canada_abroad.i18n import _, current_language, format_number, ngettext
from canada_abroad.localized import in_language
from canada_abroad.operations import operation_summary
from canada_abroad.text import label
from ui.charts import operation_timeline
from ui.page import csv_download, open_page
from ui.panels import operation_panel
from ui.state import current_view, set_view

page = open_page()
view, rows = page.view, page.rows
# Names, missions and places in the reader's language; ids stay, so a selected row is the same operation.
summary = operation_summary(in_language(rows, current_language()))

st.title(_("Operations"))
st.caption(ngettext("{n} operation matches the filters. Select a row to see every country of the operation; "
                    "click a column header to sort.",
                    "{n} operations match the filters. Select a row to see every country of the operation; "
                    "click a column header to sort.", len(summary)).format(n=format_number(len(summary))))


def on_select() -> None:
    picked = st.session_state["operations_table"]["selection"]["rows"]
    if picked:
        set_view(current_view().select_operation(str(summary.iloc[picked[0]]["operation_id"])))
    else:
        set_view(current_view().select_operation(None))


table_column, panel_column = st.columns([3, 2], gap="medium")
with table_column:
    display = summary.assign(type=summary["mission_type"].map(lambda v: label("mission_type", v)))
    st.dataframe(
        display[["operation", "missions", "organizations", "type", "places", "start_year", "end_label",
                 "max_personnel"]],
        key="operations_table", on_select=on_select, selection_mode="single-row", hide_index=True,
        height=420,
        column_config={
            "operation": st.column_config.TextColumn(_("Operation")),
            "missions": st.column_config.TextColumn(_("Mission(s)")),
            "organizations": st.column_config.TextColumn(_("Org.")),
            "type": st.column_config.TextColumn(_("Main type")),
            "places": st.column_config.TextColumn(_("Countries and seas")),
            "start_year": st.column_config.NumberColumn(_("From"), format="%d"),
            "end_label": st.column_config.TextColumn(_("To")),
            # Plain digits in both languages: "localized" would group by the browser's locale, not the page's
            # (1,900 on a French page in an English browser), and text would sort "250" after "1 900".
            "max_personnel": st.column_config.NumberColumn(_("Largest personnel figure"), format="%d"),
        },
    )
    csv_download(_("Download these operations (CSV)"), lambda: display.drop(columns=["type"]),
                 _("canada-abroad-operations.csv"), columns=None)
with panel_column:
    if view.operation:
        operation_panel(rows, view.operation)
    else:
        st.info(_("Select an operation in the table to see its countries, figures and sources."))

st.subheader(_("Timeline"))
if summary.empty:
    st.info(_("No operation matches the filters."))
else:
    operation_timeline(summary, colour_title=_("Main type"), tooltip=[
        alt.Tooltip("operation:N", title=_("Operation")), alt.Tooltip("start_year:Q", title=_("From"), format="d"),
        alt.Tooltip("end_label:N", title=_("To")), alt.Tooltip("places:N", title=_("Where"))])
