"""The map component (ui/map_component.py): what it sends equals st_folium's, and a click renders little.

A click on a country reruns the Map page with only the selection changed. The base map and the markers are
then the same as the run before, so they are neither built nor rendered again; these budgets count builds
and renders with probes, not time, so they hold on any machine.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import folium
import pytest
import streamlit as st
import streamlit_folium
from streamlit.testing.v1 import AppTest
from streamlit_folium import st_folium

from canada_abroad import map_view, search, view_data
from canada_abroad.map_events import RETURNED_OBJECTS
from canada_abroad.map_view import (
    YearSteps,
    base_map,
    choropleth_layer,
    dynamic_layers,
    marker_features,
    marker_layer,
    year_stepper,
    years_layer,
)
from canada_abroad.view_state import ViewState
from tests.test_pages import fixture_dataset  # noqa: F401  (the Map page runs on the fixture rows)
from ui import cached
from ui.map_component import Layer, folium_map

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def sent(monkeypatch):
    """The arguments each call hands to streamlit-folium's component (which is not called: no app runs here)."""
    calls: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs))
    return calls


def _inputs(geography, dataset):
    rows = dataset.frame
    styles = ({"LVA": {"fill": "#253494", "tip": "Latvia: 2 operations", "selected": True}}, ["LVA"])
    markers = marker_features(rows, None, with_years=True)
    steps = YearSteps(first=1990, last=2025, year=2000, codes={"LVA": "0" * 36}, colours=["#eee", "#253494"],
                      class_labels=["none", "1"], marker_years=True, words={"play": "Play"})
    return styles, markers, steps


def test_the_component_gets_what_st_folium_would_send(sent, geography, dataset):
    styles, markers, steps = _inputs(geography, dataset)
    fit = {"bounds": [[55.0, 20.0], [58.0, 28.0]], "token": 1}
    st_folium(base_map(geography, geometry_url="../../app/static/geo/countries.test.json"), key="world",
              feature_group_to_add=dynamic_layers(styles, markers, fit=fit, stepper=year_stepper(steps)).groups,
              returned_objects=RETURNED_OBJECTS, height=540, use_container_width=True)
    st.cache_resource.clear()
    for _ in range(2):  # rendered, then from the caches
        folium_map(("test base",), lambda: base_map(geography, geometry_url="../../app/static/geo/countries.test.json"),
                   [Layer(lambda: choropleth_layer(styles, fit)), Layer(lambda: marker_layer(markers), key="test markers"),
                    Layer(lambda: years_layer(year_stepper(steps)))],
                   key="world", returned_objects=RETURNED_OBJECTS, height=540)
    theirs, *ours = sent
    assert len(ours) == 2
    for mine in ours:
        assert set(mine) == set(theirs)
        for name in theirs:
            if name != "on_change":  # a closure either way; what it does is checked below
                assert mine[name] == theirs[name], name
    assert "canadaAbroad.spreadMarkers" in ours[0]["feature_group"] and "LVA" in ours[0]["feature_group"]


def test_the_component_keeps_the_value_under_the_callers_key(sent, geography):
    """st_folium's on_change copies the component's value to the caller's key, then calls the caller's callback."""
    called = []
    folium_map(("test base",), lambda: base_map(geography, geometry_url="x"), [], key="world",
               returned_objects=RETURNED_OBJECTS, on_change=lambda: called.append(st.session_state["world"]))
    (kwargs,) = sent
    st.session_state[kwargs["key"]] = {"last_clicked": {"lat": 1, "lng": 2}}
    kwargs["on_change"]()
    assert called == [{"last_clicked": {"lat": 1, "lng": 2}}]


@pytest.fixture
def probes(monkeypatch):
    """Counts of base maps built, marker sets computed, folium GeoJson layers rendered, search choices listed and
    per-country tables made."""
    counts = {"base maps": 0, "marker sets": 0, "geojson renders": 0, "search choices": 0, "country tables": 0}

    def counting(name, real):
        def probe(*args, **kwargs):
            counts[name] += 1
            return real(*args, **kwargs)
        return probe

    monkeypatch.setattr(map_view, "base_map", counting("base maps", map_view.base_map))
    monkeypatch.setattr(cached, "marker_features", counting("marker sets", cached.marker_features))
    monkeypatch.setattr(folium.GeoJson, "render", counting("geojson renders", folium.GeoJson.render))
    monkeypatch.setattr(search, "search_choices", counting("search choices", search.search_choices))
    monkeypatch.setattr(view_data, "country_figures", counting("country tables", view_data.country_figures))
    return counts


def test_a_click_builds_no_base_map_and_renders_no_markers(probes):
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    first = dict(probes)
    # st_folium renders the base map twice (its figure, then the map), so its small-state dots twice, and the
    # markers' layer twice too (into the figure, unused, and as its script); the markers once here. The map's
    # table twin is off, so no per-country table is made (the downloads make theirs on click).
    assert first == {"base maps": 1, "marker sets": 1, "geojson renders": 3, "search choices": 1, "country tables": 0}
    # What a click on a country does (pages/map.py, on_map_event): the view selects it, the page reruns.
    view: ViewState = at.session_state["view"]
    at.session_state["view"] = view.select_country("LVA")
    at.run()
    assert not at.exception
    assert [s.value for s in at.subheader][:1] == ["Latvia"]
    assert probes == first, "a click rebuilt the base map, recomputed or re-rendered the markers or listed choices"


def test_streamlit_does_not_collect_garbage_after_every_run():
    """Streamlit's default full gc.collect() after each run was a third of a click's server CPU (README, Speed)."""
    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
