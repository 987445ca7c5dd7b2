"""Operations: a searchable, sortable table of operations and a timeline of them over the years.

Selecting a row opens the operation's panel (same as clicking its marker on the map).
URL parameters: the shared filters, and op (the selected operation).
"""

import altair as alt
import streamlit as st

from canada_abroad.operations import operation_summary
from canada_abroad.text import count, label
from ui.charts import operation_timeline
from ui.page import csv_download, open_page
from ui.panels import operation_panel
from ui.state import current_view, set_view

page = open_page()
view, rows = page.view, page.rows
summary = operation_summary(rows)

st.title("Operations")
st.caption(f"{count(len(summary), 'operations')} match the filters. Select a row to see every country of the operation; "
           "click a column header to sort.")


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
            "operation": st.column_config.TextColumn("Operation"),
            "missions": st.column_config.TextColumn("Mission(s)"),
            "organizations": st.column_config.TextColumn("Org."),
            "type": st.column_config.TextColumn("Main type"),
            "places": st.column_config.TextColumn("Countries and seas"),
            "start_year": st.column_config.NumberColumn("From", format="%d"),
            "end_label": st.column_config.TextColumn("To"),
            "max_personnel": st.column_config.NumberColumn("Largest personnel figure", format="%d"),
        },
    )
    csv_download("Download these operations (CSV)", lambda: display.drop(columns=["type"]),
                 "canada-abroad-operations.csv", columns=None)
with panel_column:
    if view.operation:
        operation_panel(rows, view.operation)
    else:
        st.info("Select an operation in the table to see its countries, figures and sources.")

st.subheader("Timeline")
if summary.empty:
    st.info("No operation matches the filters.")
else:
    operation_timeline(summary, colour_title="Main type", tooltip=[
        alt.Tooltip("operation:N", title="Operation"), alt.Tooltip("start_year:Q", title="From"),
        alt.Tooltip("end_label:N", title="To"), alt.Tooltip("places:N", title="Where")])
