"""Country: the profile of one country - every engagement there over the years.

URL parameters: the shared filters, and country (ISO3) for the profile shown.
"""

import unicodedata

import altair as alt
import streamlit as st

from canada_abroad.i18n import _, current_language, format_number, ngettext
from canada_abroad.localized import in_language
from canada_abroad.operations import money_by_status
from canada_abroad.safe_text import markdown_text
from canada_abroad.text import format_money_by_status, format_period, label
from ui.charts import operation_timeline
from ui.page import csv_download, open_page
from ui.panels import ENGAGEMENT_COLUMNS, engagement_table
from ui.state import set_view

page = open_page()
geography, dataset, view, rows = page.geography, page.dataset, page.view, page.rows
language = current_language()


def country_name(iso3: str) -> str:
    return geography.country_name(iso3, language)


def alphabetical(iso3: str) -> str:
    """Sort key ignoring accents and case, as a reader looks a name up: Égypte among the E, not after Z."""
    return unicodedata.normalize("NFKD", country_name(iso3)).encode("ascii", "ignore").decode().casefold()


countries_with_rows = sorted(set(dataset.frame["iso3"]) - {""}, key=alphabetical)
if view.country and view.country not in countries_with_rows:
    countries_with_rows = [view.country, *countries_with_rows]


st.title(_("Country profile"))
# The view's country is the list's default, never written into its state (see ui/widgets.py).
picked = st.selectbox(_("Country"), countries_with_rows, key="country_pick",
                      index=countries_with_rows.index(view.country) if view.country else None,
                      format_func=country_name, placeholder=_("Choose a country"))
if picked != view.country:
    view = view.select_country(picked)
    set_view(view)

if not view.country:
    st.info(_("Choose a country above, or click one on the map."))
else:
    here = in_language(rows[rows["iso3"] == view.country], language)
    everything = dataset.frame[dataset.frame["iso3"] == view.country]
    st.header(country_name(view.country))
    st.caption(ngettext("Region: {region}. {shown} of {n} engagement here matches the filters.",
                        "Region: {region}. {shown} of {n} engagements here match the filters.", len(everything))
               .format(region=label("region", geography.countries.at[view.country, "region"]),
                       shown=format_number(len(here)), n=format_number(len(everything))))
    metrics = st.columns(3)
    metrics[0].metric(_("Operations"), format_number(here["operation_id"].nunique()))
    metrics[1].metric(_("First year"), str(int(here["start_year"].min())) if len(here) else "–")
    metrics[2].metric(_("Ongoing engagements"), format_number(int(here["ongoing"].sum())))
    # Per status, never one total: a committed package and an allocated pledge may hold the same dollars.
    st.markdown(_("**Money stated, by status:** {amounts}").format(
        amounts=markdown_text(format_money_by_status(money_by_status(here)))))
    if len(here):
        dated = here.assign(dates=[format_period(s, e) for s, e in zip(here["start_date"], here["end_date"])])
        operation_timeline(dated, colour_title=_("Type"), tooltip=[
            alt.Tooltip("operation:N", title=_("Operation")), alt.Tooltip("mission:N", title=_("Mission")),
            alt.Tooltip("dates:N", title=_("Dates"))])
    st.dataframe(engagement_table(here), hide_index=True, column_config=ENGAGEMENT_COLUMNS, width="stretch")
    # The file keeps the dataset's columns (English and French), whatever the page's language.
    csv_download(ngettext("Download {n} row (CSV)", "Download {n} rows (CSV)", len(here)).format(
                     n=format_number(len(here))),
                 rows[rows["iso3"] == view.country], _("canada-abroad-{country}.csv").format(country=view.country.lower()))
