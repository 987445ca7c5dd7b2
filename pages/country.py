"""Country: the profile of one country - every engagement there over the years.

URL parameters: the shared filters, and country (ISO3) for the profile shown.
"""

import streamlit as st

from canada_abroad.operations import money_by_status
from canada_abroad.safe_text import markdown_text
from canada_abroad.text import count, format_money_by_status
from ui.charts import operation_timeline
from ui.page import csv_download, open_page
from ui.panels import ENGAGEMENT_COLUMNS, engagement_table
from ui.state import set_view

page = open_page()
geography, dataset, view, rows = page.geography, page.dataset, page.view, page.rows

countries_with_rows = sorted(set(dataset.frame["iso3"]) - {""}, key=geography.country_name)
if view.country and view.country not in countries_with_rows:
    countries_with_rows = [view.country, *countries_with_rows]


st.title("Country profile")
# The view's country is the list's default, never written into its state (see ui/widgets.py).
picked = st.selectbox("Country", countries_with_rows, key="country_pick",
                      index=countries_with_rows.index(view.country) if view.country else None,
                      format_func=geography.country_name, placeholder="Choose a country")
if picked != view.country:
    view = view.select_country(picked)
    set_view(view)

if not view.country:
    st.info("Choose a country above, or click one on the map.")
else:
    here = rows[rows["iso3"] == view.country]
    everything = dataset.frame[dataset.frame["iso3"] == view.country]
    name = geography.country_name(view.country)
    st.header(name)
    st.caption(f"Region: {geography.countries.at[view.country, 'region']}. "
               f"{len(here)} of {len(everything)} engagements here match the filters.")
    metrics = st.columns(3)
    metrics[0].metric("Operations", here["operation_id"].nunique())
    metrics[1].metric("First year", int(here["start_year"].min()) if len(here) else "–")
    metrics[2].metric("Ongoing engagements", int(here["ongoing"].sum()))
    # Per status, never one total: a committed package and an allocated pledge may hold the same dollars.
    st.markdown(f"**Money stated, by status:** {markdown_text(format_money_by_status(money_by_status(here)))}")
    if len(here):
        operation_timeline(here, colour_title="Type",
                           tooltip=["operation:N", "mission:N", "start_date:N", "end_date:N"])
    st.dataframe(engagement_table(here), hide_index=True, column_config=ENGAGEMENT_COLUMNS, width="stretch")
    csv_download(f"Download {count(len(here), 'rows')} (CSV)", here, f"canada-abroad-{view.country.lower()}.csv")
