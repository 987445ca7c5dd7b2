"""Performance budgets that do not depend on timing: bytes, vertices, loads per rerun.

Timings live in the benchmark (`make bench`, bench/results.md); these limits
catch the regressions that make those timings bad, on any machine.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import streamlit as st
import streamlit_folium
from streamlit.testing.v1 import AppTest

from canada_abroad import browser_geometry
from canada_abroad.assets import map_js_url, years_js_url
from canada_abroad.engagements import load_engagements_bytes
from canada_abroad.map_view import MARKER_LIMIT, marker_features
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, open_page, streamlit_server
from tests.synthetic import synthetic_rows
from ui import cached

APP = str(Path(__file__).resolve().parent.parent / "app.py")

GEOMETRY_MAX_BYTES = 230_000  # compact outlines as stored
GEOMETRY_MAX_GZIP_BYTES = 90_000  # as sent (the server gzips static files)
MAX_VERTICES = 32_000  # 1:50m simplified at 0.05 degrees; the source has about 10 times more
BASE_SCRIPT_MAX_BYTES = 30_000  # Leaflet set-up, the outline loader and 77 small-state dots
# What st_folium sends per run: script + changing layers. The layers carry one marker and tooltip per located
# row (about 340 bytes each), so the budget grows with the record; outlines in the payload would add 200 KB.
MAP_PAYLOAD_BASE_BYTES = 40_000
MAP_PAYLOAD_BYTES_PER_ROW = 400
LAYERS_AT_SCALE_MAX_BYTES = 400_000


def test_outlines_sent_to_the_browser_are_small(geography):
    data = browser_geometry.compact_bytes(geography.countries_geojson)
    vertices = sum(len(ring) // 2 for _, _, polygons in json.loads(data)["countries"]
                   for polygon in polygons for ring in polygon)
    assert len(data) <= GEOMETRY_MAX_BYTES
    assert len(gzip.compress(data)) <= GEOMETRY_MAX_GZIP_BYTES
    assert vertices <= MAX_VERTICES
    # Small states are still there to click.
    codes = {country[0] for country in json.loads(data)["countries"]}
    assert {"BHR", "MLT", "SGP", "BRB", "GRD", "LCA"} <= codes


def test_compact_outlines_decode_to_the_prepared_geometry(geography):
    decoded = browser_geometry.decode_countries(json.loads(browser_geometry.compact_bytes(geography.countries_geojson)))
    source = geography.countries_geojson["features"]
    assert [f["properties"]["iso3"] for f in decoded["features"]] == [f["properties"]["iso3"] for f in source]
    for mine, theirs in zip(decoded["features"], source):
        polygons = theirs["geometry"]["coordinates"]
        if theirs["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        flat_theirs = [pt for polygon in polygons for ring in polygon for pt in ring]
        flat_mine = [pt for polygon in mine["geometry"]["coordinates"] for ring in polygon for pt in ring]
        assert len(flat_mine) == len(flat_theirs)
        assert max(abs(a - b) for p, q in zip(flat_mine, flat_theirs) for a, b in zip(p, q)) < 1e-9


def test_outline_file_name_changes_with_its_content(tmp_path, geography):
    url = browser_geometry.write_compact(geography.countries_geojson, tmp_path)
    assert url.startswith("../../app/static/geo/countries.") and (tmp_path / "geo" / url.rsplit("/", 1)[1]).exists()
    smaller = {"type": "FeatureCollection", "features": geography.countries_geojson["features"][:3]}
    other = browser_geometry.write_compact(smaller, tmp_path)
    assert other != url
    assert [p.name for p in (tmp_path / "geo").iterdir()] == [other.rsplit("/", 1)[1]]  # the stale file is gone


@pytest.fixture
def sent_to_map(monkeypatch):
    """Everything st_folium hands to its component, per run."""
    sent: list[dict] = []
    original = streamlit_folium._component_func

    def recording(**kwargs):
        sent.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(streamlit_folium, "_component_func", recording)
    return sent


def _payload(kwargs: dict) -> int:
    return sum(len(str(kwargs.get(name) or "").encode("utf-8")) for name in ("script", "header", "html", "feature_group"))


def test_map_payload_per_run_stays_small_and_carries_no_outlines(sent_to_map, dataset):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    (kwargs,) = sent_to_map
    rows = len(dataset.frame)
    assert _payload(kwargs) <= MAP_PAYLOAD_BASE_BYTES + MAP_PAYLOAD_BYTES_PER_ROW * rows
    # The outlines are fetched from a static file, not written into the script (which holds only small-state dots).
    assert "/app/static/geo/countries." in kwargs["script"] and len(kwargs["script"]) <= BASE_SCRIPT_MAX_BYTES
    assert "67.07,37.34" not in kwargs["script"]  # a point of Afghanistan's outline
    assert kwargs["js_links"] == ["../../app/static/leaflet/leaflet.js", map_js_url(), years_js_url()]
    assert sorted(kwargs["returned_objects"]) == ["last_active_drawing", "last_clicked", "last_object_clicked"]


def test_reruns_do_not_reload_the_geometry_or_the_csv(monkeypatch):
    st.cache_resource.clear()
    st.cache_data.clear()
    calls = {"geography": 0, "engagements": 0}
    real_geography, real_engagements = cached.load_geography, cached.load_engagements

    def counting_geography(*args, **kwargs):
        calls["geography"] += 1
        return real_geography(*args, **kwargs)

    def counting_engagements(*args, **kwargs):
        calls["engagements"] += 1
        return real_engagements(*args, **kwargs)

    monkeypatch.setattr(cached, "load_geography", counting_geography)
    monkeypatch.setattr(cached, "load_engagements", counting_engagements)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.run()
    at.run()
    assert not at.exception
    assert calls == {"geography": 1, "engagements": 1}


def test_markers_stay_bounded_when_the_data_grows(geography):
    frame = synthetic_rows(6_000)
    dataset = load_engagements_bytes(frame.to_csv(index=False).encode(), geography, "synthetic.csv")
    assert len(dataset.frame) == 6_000  # the generator's rows are valid
    markers = marker_features(dataset.frame, None)
    assert 0 < len(markers["features"]) <= MARKER_LIMIT
    assert sum(1 for f in markers["features"] if f["properties"].get("cell")) == len(markers["features"])
    located = dataset.frame["lat"].notna().sum()
    assert len(json.dumps(markers)) <= LAYERS_AT_SCALE_MAX_BYTES
    assert located > MARKER_LIMIT


def test_markers_below_the_limit_are_one_per_located_row(dataset):
    markers = marker_features(dataset.frame, "impact")
    assert len(markers["features"]) == dataset.frame["lat"].notna().sum()
    assert any(f["properties"]["highlight"] for f in markers["features"])


@pytest.mark.browser
def test_a_first_visit_sends_at_most_505_kb_besides_streamlit_itself():
    """Counted in real Chromium with an empty cache: HTTP bodies as sent plus websocket messages.

    500 KB until the French edition: the sidebar's language switch and `lang` in every link (the share
    box, citation, embed code) took a visit from just under 500 KB to 500.9 KB.
    """
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as playwright, streamlit_server("app.py") as url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context, page, visit = open_page(browser, url, "product", 90_000)
        shapes = page.frame_locator(MAP_FRAME).locator("path.leaflet-interactive").count()
        context.close()
        browser.close()
    assert shapes >= 230 + 70  # countries and the small-state dots are all on the map
    assert 50_000 < visit.page_bytes <= 505_000


def test_a_map_run_compiles_only_small_constant_templates(monkeypatch):
    """branca compiled every element's rendered output (styles, markers) as a template: a third of a map run.

    canada_abroad.folium_render keeps that output as text; what is left are the few fixed snippets
    (meta tags, the sea colour) that a new folium.Map adds to its page.
    """
    import jinja2

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()  # the first run imports folium, which compiles its class-level templates
    compiled: list[str] = []
    real = jinja2.Environment.from_string

    def counting(self, source, *args, **kwargs):
        compiled.append(str(source))
        return real(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "from_string", counting)
    at.query_params["country"] = "LVA"
    at.run()
    assert not at.exception
    assert len(compiled) <= 8 and sum(map(len, compiled)) <= 2_000, [text[:60] for text in compiled]
