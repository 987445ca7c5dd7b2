"""Two years side by side (the `compare` link parameter): two small maps on one colour scale, and the
countries that appear, disappear and stay between them. Drawn by the Map page."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from canada_abroad.engagements import Dataset
from canada_abroad.filters import apply_filters
from canada_abroad.geography import Geography
from canada_abroad.i18n import N_, _, current_language, sort_key
from canada_abroad.map_view import base_map, country_styles, dynamic_layers, marker_features
from canada_abroad.safe_text import markdown_text as md
from canada_abroad.text import measure_text
from canada_abroad.years import active_in_year, compare_years
from ui import cached
from ui.legend import render_legend
from ui.state import current_view, set_view

HEADING = N_("Compare {first} and {second}")
SCALE_NOTE = N_("Both maps use one colour scale for every year from {first} to {last}.")
APPEAR, DISAPPEAR, STAY = N_("New in {second}"), N_("Gone by {second}"), N_("In both years")
NONE = N_("none")
BACK = N_("Back to the map")
PICKER = N_("Compare two years")
PICK_FIRST, PICK_SECOND, PICK_BUTTON = N_("First year"), N_("Second year"), N_("Compare")
SMALL_MAP_PX = 320


def _set_compare(pair: tuple[int, int] | None) -> None:
    set_view(replace(current_view(), compare=pair))


def _pick() -> None:
    _set_compare((int(st.session_state["w_compare_first"]), int(st.session_state["w_compare_second"])))


def compare_picker(dataset: Dataset) -> None:
    """Two year boxes and a button that open the comparison (defaults: the first and last years)."""
    with st.expander(_(PICKER)):
        first, last = dataset.first_year, dataset.last_year
        columns = st.columns([1, 1, 1], vertical_alignment="bottom")
        columns[0].number_input(_(PICK_FIRST), min_value=first, max_value=last, value=first, step=1,
                                key="w_compare_first")
        columns[1].number_input(_(PICK_SECOND), min_value=first, max_value=last, value=last, step=1,
                                key="w_compare_second")
        columns[2].button(_(PICK_BUTTON), on_click=_pick, key="compare_open")


def _names(codes: list[str], geography: Geography) -> str:
    return ", ".join(sorted((md(geography.country_name(code)) for code in codes), key=sort_key)) or _(NONE)


def render_comparison(dataset: Dataset, geography: Geography, measure: str) -> None:
    """The two years of the view's `compare`, on the scale of every year the filters (but a range) allow."""
    view = current_view()
    first, second = view.compare
    filters = replace(view.filters, year=None, year_from=None, year_to=None)
    rows = apply_filters(cached.display_frame(dataset, current_language()), filters)
    span = range(dataset.first_year, dataset.last_year + 1)
    by_year, scale = cached.years_of_measure(dataset, repr(filters), measure, span, rows)
    st.subheader(_(HEADING).format(first=first, second=second))
    st.button(_(BACK), on_click=_set_compare, args=(None,), key="compare_close")
    for column, year in zip(st.columns(2), (first, second)):
        with column:
            st.markdown(f"**{year}**")
            values = by_year[year].dropna()
            styles = country_styles(values, scale, geography, set(), lambda v: measure_text(measure, v))
            layers = dynamic_layers(styles, marker_features(active_in_year(rows, year), None))
            outlines = cached.geometry_url(current_language())
            st_folium(base_map(geography, geometry_url=outlines), key=f"compare_map_{year}_{first}",
                      feature_group_to_add=layers.groups, returned_objects=[], height=SMALL_MAP_PX,
                      use_container_width=True)
    render_legend(scale, measure, set(rows["mission_type"].unique()))
    st.caption(_(SCALE_NOTE).format(first=span.start, last=span.stop - 1))
    change = compare_years(rows, first, second)
    lists = st.columns(3)
    lists[0].markdown(f"**{_(APPEAR).format(second=second)}** ({len(change.appear)}): "
                      f"{_names(change.appear, geography)}")
    lists[1].markdown(f"**{_(DISAPPEAR).format(second=second)}** ({len(change.disappear)}): "
                      f"{_names(change.disappear, geography)}")
    lists[2].markdown(f"**{_(STAY)}** ({len(change.stay)}): {_names(change.stay, geography)}")
