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
from ui.state import current_view, set_view

page = open_page()
geography, dataset, view, rows = page.geography, page.dataset, page.view, page.rows

countries_with_rows = sorted(set(dataset.frame["iso3"]) - {""}, key=geography.country_name)
if view.country and view.country not in countries_with_rows:
    countries_with_rows = [view.country, *countries_with_rows]


def on_pick() -> None:
    set_view(current_view().select_country(st.session_state["country_pick"]))


st.title("Country profile")
st.session_state["country_pick"] = view.country
st.selectbox("Country", countries_with_rows, key="country_pick", on_change=on_pick, index=None,
             format_func=geography.country_name, placeholder="Choose a country")

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
