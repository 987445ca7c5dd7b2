"""Real browser (Debian's chromium via Playwright), network unplugged: what only a browser shows.

The server reads the fixture dataset (tests/fixture_tables.PAGE_ROWS) through CANADA_ABROAD_CSV,
so clicks and links land on rows with known answers whatever happens to data/engagements.csv.
"""

from __future__ import annotations

import pytest

from tests.browser_support import (
    APP_IDLE,
    click_map_at,
    cut_off_internet,
    map_frame,
    start_streamlit,
    stop,
)
from ui.cached import DATA_PATH_ENV

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = pytest.mark.browser


@pytest.fixture
def fresh_app_url(page_csv):
    """A server no one has visited yet (Streamlit's legacy pages/ mode is still on)."""
    url, process = start_streamlit("app.py", env={DATA_PATH_ENV: page_csv}, start_timeout=90)
    yield url
    stop(process)


@pytest.fixture
def offline_page(browser):
    """A fresh browser profile whose requests to anything but the app are cut, as with no internet."""
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    outside = cut_off_internet(context)
    page = context.new_page()
    page.outside_requests = outside
    yield page
    context.close()


def test_map_paints_country_shapes_with_no_internet(app_url, offline_page):
    """Leaflet comes from the app itself; hundreds of country shapes are drawn offline."""
    offline_page.goto(app_url + "/")
    frame = map_frame(offline_page)
    shapes = frame.locator("path.leaflet-interactive").count()
    assert shapes >= 230
    drawn = frame.locator("path.leaflet-interactive").first.get_attribute("d")
    assert drawn and len(drawn) > 10
    sources = frame.locator("script[src]").evaluate_all("els => els.map(e => e.src)")
    assert any(src.endswith("/app/static/leaflet/leaflet.js") for src in sources)
    assert offline_page.outside_requests == [], "the page asked the internet for something"


def test_click_on_a_country_opens_its_panel(app_url, offline_page):
    offline_page.goto(app_url + "/")
    frame = map_frame(offline_page)
    click_map_at(offline_page, frame, "window.map.latLngToContainerPoint([-3.0, 23.5])")
    offline_page.get_by_role("heading", name="Democratic Republic of the Congo").wait_for(timeout=30_000)
    expect(offline_page.get_by_text("Operation CROCODILE").first).to_be_visible(timeout=30_000)
    expect(offline_page.get_by_text("1 engagement, 1 operation match the filters")).to_be_visible(timeout=30_000)
    offline_page.wait_for_function("() => location.search.includes('country=COD')", timeout=10_000)


def test_click_on_a_marker_opens_the_operation_panel(app_url, offline_page):
    offline_page.goto(app_url + "/?type=combat")
    frame = map_frame(offline_page)
    frame.locator("path.leaflet-interactive").last.wait_for(state="attached")
    # At world zoom markers of neighbouring operations touch, so zoom to the IMPACT marker farthest from any other
    # operation's marker before clicking it (zooming sends nothing to the app).
    marker = """(() => { const markers = [];
        window.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.op && l.getLatLng) {
            markers.push({op: l.feature.properties.op, latlng: l.getLatLng()}); } });
        const gap = m => Math.min(...markers.filter(o => o.op !== m.op).map(o => m.latlng.distanceTo(o.latlng)));
        const target = markers.filter(m => m.op === 'impact').sort((a, b) => gap(b) - gap(a))[0];
        window.map.setView(target.latlng, 6, {animate: false});
        return window.map.latLngToContainerPoint(target.latlng); })()"""
    click_map_at(offline_page, frame, marker)
    offline_page.get_by_role("heading", name="Operation IMPACT").wait_for(timeout=30_000)
    expect(offline_page.get_by_text("2 engagements in 2 places: Iraq, Kuwait")).to_be_visible(timeout=30_000)
    offline_page.wait_for_function("() => location.search.includes('op=impact')", timeout=10_000)


def test_shared_link_reopens_the_panel_with_its_filter(app_url, offline_page):
    """A fresh browser opening ?country=LVA&type=deterrence sees Latvia's panel, filtered."""
    offline_page.goto(app_url + "/?country=LVA&type=deterrence")
    offline_page.get_by_role("heading", name="Latvia").wait_for(timeout=60_000)
    # The sidebar's type filter shows the link's value as a chip (waited for: the sidebar can land after the panel).
    sidebar = offline_page.locator("[data-testid='stSidebar']")
    expect(sidebar.get_by_text("Deterrence and assurance").first).to_be_visible(timeout=30_000)
    frame = map_frame(offline_page)
    selected = frame.locator("path.leaflet-interactive[stroke='#b2182b']")
    selected.first.wait_for(state="attached", timeout=30_000)
    assert "country=LVA" in offline_page.url and "type=deterrence" in offline_page.url


def test_malformed_link_shows_a_notice_and_the_default_view(app_url, offline_page):
    offline_page.goto(app_url + "/?country=%3Cscript%3E&from=19x0&measure=gdp&zzz=1")
    offline_page.get_by_text("Ignored unknown country code").wait_for(timeout=60_000)
    offline_page.get_by_role("heading", name="Where Canada is engaged").wait_for(timeout=30_000)
    map_frame(offline_page)
    assert offline_page.locator("[data-testid='stException']").count() == 0


def test_changing_a_filter_updates_the_link(app_url, offline_page):
    offline_page.goto(app_url + "/")
    box = offline_page.get_by_placeholder("operation, mission, place…")
    box.fill("latvia")
    box.press("Enter")
    offline_page.wait_for_function("() => location.search.includes('q=latvia')", timeout=30_000)
    expect(offline_page.get_by_text("4 of 14 engagements and 2 operations match")).to_be_visible(timeout=30_000)


def test_reset_puts_every_filter_back_and_empties_the_link(app_url, offline_page):
    """Reset writes each sidebar widget's default into its state (a callback may) and clears the view's filters."""
    offline_page.goto(app_url + "/?type=deterrence&org=NATO&status=ongoing&region=Europe&from=2000&q=riga")
    expect(offline_page.get_by_text("1 of 14 engagements and 1 operation match")).to_be_visible(timeout=60_000)
    offline_page.locator(APP_IDLE).wait_for(timeout=60_000)
    offline_page.get_by_role("button", name="Reset filters").click()
    offline_page.wait_for_function("() => location.search === '?lang=en'", timeout=30_000)
    expect(offline_page.get_by_text("14 of 14 engagements and 10 operations match")).to_be_visible(timeout=30_000)
    sidebar = offline_page.locator("[data-testid='stSidebar']")
    # Waits: the box is redrawn with its default a moment after the counts (it read 'riga' under load).
    expect(offline_page.get_by_placeholder("operation, mission, place…")).to_have_value("", timeout=30_000)
    assert sidebar.get_by_text("Deterrence and assurance").count() == 0 and sidebar.get_by_text("NATO").count() == 0


def test_deep_link_as_first_visit_to_a_fresh_server_keeps_the_frame(fresh_app_url, offline_page):
    """/commitments?type=... opened before anyone loaded / still gets the sidebar, filters and page."""
    offline_page.goto(fresh_app_url + "/commitments?type=military_assistance")
    offline_page.get_by_role("heading", name="Commitments").wait_for(timeout=60_000)
    offline_page.get_by_text("Share this view").wait_for(timeout=30_000)
    sidebar = offline_page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Military assistance", exact=False).first.wait_for(timeout=30_000)
    assert "/commitments" in offline_page.url and "type=military_assistance" in offline_page.url
