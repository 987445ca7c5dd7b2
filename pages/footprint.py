"""Over time: Canada's footprint year by year, and a click on a year opens the map as it was then.

Per year: countries with Canadian deployments, and personnel where sources state it, by mission
type (what is and is not counted is said under the title). The figures download as CSV.
URL parameters: the shared filters (type, org, status, region, from, to, q); `year` is marked on
the charts, which always show every year the other filters allow.
"""

from dataclasses import replace

import streamlit as st

from canada_abroad.filters import apply_filters
from canada_abroad.i18n import N_, _
from canada_abroad.text import label, ui_text
from canada_abroad.view_state import to_params
from canada_abroad.years import footprint_table
from ui import cached
from ui.charts import chart_as_table, footprint_charts
from ui.page import csv_download, open_page
from ui.sidebar import YEAR_KEY
from ui.state import current_view, set_view

TITLE = N_("Canada's footprint over time")
COUNTED = N_(
    "**What is counted.** Deployments only (people, ships and aircraft sent), not money or materiel. "
    "*Countries*: countries with at least one deployment active at some time in the year (operations at sea "
    "count for personnel, not as countries). *Personnel*: for each operation in each place, the largest "
    "figure a source states for a phase active that year, as an authorized cap, a peak or a snapshot; "
    "two phases meeting in one year count once. **Not counted**: cumulative totals (everyone who served "
    "over the years), and deployments with no stated figure, which add nothing: the tooltip says how many "
    "deployments of each year state one. Peaks of different operations are added although they may not "
    "fall on the same day, so a year's personnel is an upper mark, not a head count on one date."
)
CLICK_HINT = N_("Click a year on either chart to open the map as it was that year.")
EMPTY = N_("No deployment matches the current filters.")
OPEN_MAP_KEY = "footprint_open_map"
CHART_KEYS = ("footprint_countries", "footprint_personnel")
# Given to st.altair_chart (a chart-level height is not applied there); the second holds its legend below.
CHART_HEIGHTS = (240, 430)
PICK = "pick"

page = open_page()
dataset, view = page.dataset, page.view


def open_year_on_map(chart_key: str) -> None:
    """A click on a year: that year becomes the view's, and the next run opens the Map page."""
    picked = st.session_state[chart_key].selection.get(PICK) or []
    if not picked or "year" not in picked[0]:
        return
    year = int(picked[0]["year"])
    filters = replace(current_view().filters, year=year, year_from=None, year_to=None)
    set_view(replace(current_view(), filters=filters))
    st.session_state[YEAR_KEY] = year  # the sidebar's year box follows (a callback may write widget state)
    st.session_state[OPEN_MAP_KEY] = True


if st.session_state.pop(OPEN_MAP_KEY, False):
    st.switch_page("pages/map.py", query_params=to_params(current_view()))  # else the link loses the view

filters = replace(view.filters, year=None)  # every year the other filters allow
rows = apply_filters(dataset.frame, filters)
years = range(filters.year_from or dataset.first_year, (filters.year_to or dataset.last_year) + 1)
totals, by_type = cached.footprint(dataset, repr(filters), years, rows)

st.title(_(TITLE))
st.markdown(_(COUNTED))
if totals["deployments"].sum() == 0:
    st.info(_(EMPTY))
else:
    st.caption(_(CLICK_HINT))
    for chart, key, height in zip(footprint_charts(totals, by_type, view.filters.year, PICK), CHART_KEYS,
                                  CHART_HEIGHTS):
        st.altair_chart(chart, width="stretch", height=height, key=key,
                        on_select=lambda key=key: open_year_on_map(key), selection_mode=PICK)
    figures = footprint_table(totals, by_type)
    number = st.column_config.NumberColumn
    chart_as_table(figures, {
        "year": number(ui_text("column_year"), format="%d"), "countries": number(ui_text("column_countries")),
        "personnel": number(ui_text("column_personnel")),
        **{column: number(label("mission_type", column.removeprefix("personnel_")))
           for column in figures.columns if column.startswith("personnel_")},
        "deployments": number(ui_text("column_deployments")),
        "deployments_with_personnel": number(ui_text("column_deployments_stating")),
    }, ui_text("charts_as_table"))
# The file's column names stay the English ones, like the dataset's: scripts read them.
csv_download(_("Download these figures (CSV)"), lambda: footprint_table(totals, by_type),
             _("canada-abroad-footprint.csv"), columns=None)
