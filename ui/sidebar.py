"""The filters every page shares, drawn once by app.py in the sidebar."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from canada_abroad.engagements import Dataset
from canada_abroad.filters import STATUSES, Filters
from canada_abroad.geography import Geography
from canada_abroad.schema import MISSION_TYPES, ORGANIZATIONS
from canada_abroad.text import label
from ui.state import NOTICES_KEY, current_view, set_view, share_link

WIDGET_KEYS = ("w_type", "w_org", "w_status", "w_region", "w_years", "w_q")


def _seed_widgets(filters: Filters, first_year: int, last_year: int) -> None:
    """Give the widgets the view's values when they are first drawn."""
    defaults = {
        "w_type": list(filters.types),
        "w_org": list(filters.orgs),
        "w_status": filters.status,
        "w_region": list(filters.regions),
        "w_years": (filters.year_from or first_year, filters.year_to or last_year),
        "w_q": filters.query,
    }
    for key, value in defaults.items():
        if key not in st.session_state:
            st.session_state[key] = value


def reset_filters() -> None:
    for key in WIDGET_KEYS:
        st.session_state.pop(key, None)
    set_view(replace(current_view(), filters=Filters()))


def render_filters(dataset: Dataset, geography: Geography) -> Filters:
    """Draw the filter widgets and store what they say in the view."""
    first, last = dataset.first_year, dataset.last_year
    _seed_widgets(current_view().filters, first, last)
    with st.sidebar:
        for notice in st.session_state.get(NOTICES_KEY, []):
            st.warning(notice, icon=":material/warning:")
        st.header("Filters")
        types = st.multiselect("Mission type", MISSION_TYPES, key="w_type",
                               format_func=lambda v: label("mission_type", v), placeholder="All types")
        orgs = st.multiselect("Organization", ORGANIZATIONS, key="w_org", placeholder="All organizations")
        status = st.radio("Status", STATUSES, key="w_status", horizontal=True,
                          format_func=lambda v: label("status", v))
        regions = st.multiselect("Region", geography.regions, key="w_region", placeholder="All regions")
        low, high = st.session_state["w_years"]
        st.session_state["w_years"] = (max(first, min(low, last)), min(last, max(high, first)))
        years = st.slider("Active between", min_value=first, max_value=last, key="w_years")
        query = st.text_input("Search", key="w_q", placeholder="operation, mission, place…", max_chars=200)
        st.button("Reset filters", on_click=reset_filters, width="stretch")
    filters = Filters(
        types=tuple(types), orgs=tuple(orgs), status=status, regions=tuple(regions),
        year_from=None if years[0] == first else years[0],
        year_to=None if years[1] == last else years[1],
        query=query.strip(),
    )
    set_view(replace(current_view(), filters=filters))
    return filters


def render_share_box() -> None:
    with st.sidebar:
        st.subheader("Share this view")
        # A text box, not st.code: st.code pulls in a 1.5 MB syntax highlighter on the first visit.
        # Written every run (the box is an output; what a reader types into it is discarded).
        st.session_state["share_link_box"] = share_link()
        st.text_input("Link to this view", key="share_link_box",
                      help="Opens exactly this view. The address bar shows the same link.")
