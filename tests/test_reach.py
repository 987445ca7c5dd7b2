"""Reach in a real browser: find by typing, keyboard only, markers above a selection, the table twin."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from canada_abroad.palette import NO_DATA_COLOUR
from tests.browser_support import (
    MAP_FRAME,
    ROOT,
    click_map_at,
    cut_off_internet,
    map_frame,
    start_streamlit,
    stop,
    wait_until_idle,
)

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = pytest.mark.browser

SEARCH_LABEL = "Find a country or an operation"
# The map's centre and zoom, read in its frame.
MAP_VIEW_JS = "() => { const c = window.map.getCenter(); return [c.lat, c.lng, window.map.getZoom()]; }"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    cut_off_internet(context)
    page = context.new_page()
    yield page
    context.close()


def test_typing_rwa_and_enter_opens_rwanda_and_zooms_to_it(bundled_app_url, page):
    """The search box suggests Rwanda for "Rwa"; Enter opens its panel and the map moves onto Rwanda."""
    page.goto(bundled_app_url + "/")
    frame = map_frame(page)
    _, _, world_zoom = frame.locator("#map_div").evaluate(MAP_VIEW_JS)
    box = page.get_by_role("combobox", name=SEARCH_LABEL)
    box.click()
    box.press_sequentially("Rwa")
    page.get_by_role("option", name="Rwanda").wait_for(timeout=30_000)
    box.press("Enter")
    page.get_by_role("heading", name="Rwanda").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('country=RWA')", timeout=30_000)
    frame_handle = page.locator("iframe[src*='streamlit_folium.st_folium']").element_handle().content_frame()
    frame_handle.wait_for_function("() => window.canadaAbroadFitToken >= 1", timeout=30_000)
    lat, lon, zoom = frame.locator("#map_div").evaluate(MAP_VIEW_JS)
    assert zoom >= world_zoom + 3, (zoom, world_zoom)
    assert -3.0 < lat < -1.0 and 28.8 < lon < 31.0, (lat, lon)


def test_marker_above_a_highlighted_country_still_opens_its_operation(bundled_app_url, page):
    """With Latvia selected (outlined, brought to the front), a click on a marker in Latvia opens its operation."""
    page.goto(bundled_app_url + "/?country=LVA")
    page.get_by_role("heading", name="Latvia").wait_for(timeout=60_000)
    frame = map_frame(page)
    frame.locator("path.leaflet-interactive[stroke='#b2182b']").first.wait_for(state="attached", timeout=30_000)
    marker = """(() => { let found = null;
        window.map.eachLayer(l => { const p = l.feature && l.feature.properties;
            if (!found && p && p.op === 'reassurance' && l.getLatLng) { found = l; } });
        window.map.setView(found.getLatLng(), 6, {animate: false});  // markers at one point spread again on zoom
        return window.map.latLngToContainerPoint(found.getLatLng()); })()"""
    click_map_at(page, frame, marker)
    page.get_by_role("heading", name="Operation REASSURANCE").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('op=reassurance')", timeout=10_000)


def test_tab_from_the_top_reaches_the_search_box_and_enter_opens_a_panel(bundled_app_url, page):
    """Keyboard only: Tab until the search box has focus, type, Enter: the panel opens."""
    page.goto(bundled_app_url + "/")
    map_frame(page)
    wait_until_idle(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # Tab starts at the top
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.getAttribute('aria-label')"
                         f" === {SEARCH_LABEL!r}"):
            break
    else:
        pytest.fail("60 presses of Tab never reached the search box")
    page.keyboard.type("Latv")
    page.get_by_role("option", name="Latvia").wait_for(timeout=30_000)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Latvia").wait_for(timeout=30_000)


def test_every_listed_country_opens_its_panel(bundled_app_url, page):
    """"Where Canada is engaged" lists every country the map colours; choosing one opens its panel."""
    page.goto(bundled_app_url + "/")
    page.get_by_role("heading", name="Where Canada is engaged").wait_for(timeout=60_000)
    wait_until_idle(page)
    page.get_by_text(re.compile(r"^Rwanda: ")).click()
    page.get_by_role("heading", name="Rwanda").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('country=RWA')", timeout=30_000)


def test_table_twin_row_opens_the_country_panel(bundled_app_url, page):
    """The map as a table, switched on under the map: selecting its first row opens that country's panel."""
    page.goto(bundled_app_url + "/")
    map_frame(page)
    wait_until_idle(page)
    page.get_by_text("The map as a table").click()
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=30_000)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # The first column of a selectable table holds the row checkboxes; the first data row is below the header.
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 18)
    page.wait_for_function("() => location.search.includes('country=')", timeout=30_000)
    page.get_by_role("button", name="Close panel").wait_for(timeout=30_000)


def test_markers_at_one_point_spread_apart_when_zoomed_in(bundled_app_url, page):
    """Several operations at one place (Kyiv, Riga...) become separate markers, each at least a marker apart."""
    page.goto(bundled_app_url + "/")
    frame = map_frame(page)
    spread = frame.locator("#map_div").evaluate("""() => {
        const byHome = {};
        window.map.eachLayer(l => { if (l.canadaAbroadHome) {
            const k = l.canadaAbroadHome.lat.toFixed(4) + ',' + l.canadaAbroadHome.lng.toFixed(4);
            (byHome[k] = byHome[k] || []).push(l); } });
        const crowded = Object.values(byHome).sort((a, b) => b.length - a.length)[0];
        window.map.setView(crowded[0].canadaAbroadHome, 6, {animate: false});
        const points = crowded.map(l => window.map.latLngToContainerPoint(l.getLatLng()));
        let closest = Infinity;
        points.forEach((p, i) => points.slice(i + 1).forEach(q => { closest = Math.min(closest, p.distanceTo(q)); }));
        return [crowded.length, closest]; }""")
    assert spread[0] >= 3 and spread[1] >= 12, spread


@pytest.fixture(scope="module")
def two_kinds_url(tmp_path_factory):
    """A server on two rows: Canadians deployed in Latvia, only money for Poland."""
    frame = pd.read_csv(ROOT / "data" / "engagements.csv", dtype=str, keep_default_na=False)
    deployed = frame[(frame["iso3"] == "LVA") & (frame["kind"] == "deployment")].head(1)
    money = deployed.assign(id="money-only-pol", kind="commitment", iso3="POL", location="Warsaw", lat="52.23",
                            lon="21.01", personnel="", personnel_basis="", amount_cad="1000000",
                            amount_status="committed", mission_type="military_assistance")
    path = tmp_path_factory.mktemp("kinds") / "two-kinds.csv"
    pd.concat([deployed, money]).to_csv(path, index=False)
    url, process = start_streamlit("app.py", env={"CANADA_ABROAD_CSV": str(path)}, start_timeout=90)
    yield url
    stop(process)


def test_kind_deployment_leaves_money_only_countries_uncoloured(two_kinds_url, page):
    """?kind=deployment, and the Map's default measure (deployments): a country Canada only sent money to keeps
    the no-data fill; the deployment is coloured."""
    fills_js = """() => { const fills = {};
        window.canadaAbroadCountries.eachLayer(l => { fills[l.feature.properties.iso3] = l.options.fillColor; });
        return fills; }"""
    page.goto(two_kinds_url + "/?measure=operations")
    map_frame(page)
    both = page.locator(MAP_FRAME).element_handle().content_frame().evaluate(fills_js)
    assert both["POL"] != NO_DATA_COLOUR and both["LVA"] != NO_DATA_COLOUR
    for link in ("/?measure=operations&kind=deployment", "/"):  # the filter, and the Map's default measure
        page.goto(two_kinds_url + link)
        map_frame(page)
        deployments = page.locator(MAP_FRAME).element_handle().content_frame().evaluate(fills_js)
        assert deployments["POL"] == NO_DATA_COLOUR and deployments["LVA"] != NO_DATA_COLOUR, link


def test_back_and_forward_move_between_views(bundled_app_url, page):
    """Choosing a country then pressing Back returns to the overview; Forward reopens the country."""
    page.goto(bundled_app_url + "/")
    page.get_by_role("heading", name="Where Canada is engaged").wait_for(timeout=60_000)
    wait_until_idle(page)
    page.get_by_text(re.compile(r"^Rwanda: ")).click()
    page.get_by_role("heading", name="Rwanda").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('country=RWA')", timeout=30_000)
    wait_until_idle(page)
    page.go_back()
    page.get_by_role("heading", name="Where Canada is engaged").wait_for(timeout=30_000)
    wait_until_idle(page)
    assert "country=" not in page.url
    page.go_forward()
    page.get_by_role("heading", name="Rwanda").wait_for(timeout=30_000)


FOCUS_JS = """() => { const e = document.activeElement;
    if (e.tagName !== 'IFRAME') return [false, e.className || e.tagName];
    const inner = e.contentDocument.activeElement;
    return [true, inner.tagName + '.' + (inner.getAttribute('class') || '')]; }"""


def test_the_map_is_one_tab_stop_and_a_skip_link_jumps_past_it(bundled_app_url, page):
    """Tab reaches a skip link just before the map, then the map itself (and its year control) once, then
    leaves the map: no country or marker shape is a stop. The skip link's Enter lands after the map."""
    page.goto(bundled_app_url + "/")
    map_frame(page)
    wait_until_idle(page)
    skip = page.locator("a.skip-map")
    skip.focus()
    page.keyboard.press("Tab")
    inside, what = page.evaluate(FOCUS_JS)
    assert inside and "leaflet-container" in what, what
    stops = []
    for _ in range(8):  # the map, play/previous/next and the year box; 525 shapes before the fix
        page.keyboard.press("Tab")
        inside, what = page.evaluate(FOCUS_JS)
        if not inside:
            break
        stops.append(what)
    else:
        pytest.fail(f"Tab stayed in the map: {stops}")
    assert not any(stop.startswith("path") for stop in stops), stops
    skip.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'after-the-map'")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "The map as a table"


def test_map_path_opens_the_map_like_the_root(bundled_app_url, page):
    """/map (the README's address of the Map) opens the Map with the link's view, and no "Page not found"."""
    page.goto(bundled_app_url + "/operations")
    page.locator("h1").first.wait_for(timeout=60_000)
    page.goto(bundled_app_url + "/map?country=LVA")
    page.get_by_role("heading", name="Latvia").wait_for(timeout=60_000)
    wait_until_idle(page)
    assert page.get_by_text("Page not found").count() == 0


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    cut_off_internet(context)
    page = context.new_page()
    yield page
    context.close()


UKRAINE_JS = """(() => { let found = null;
    window.canadaAbroadCountries.eachLayer(l => { if (l.feature.properties.iso3 === 'UKR') { found = l; } });
    return window.map.latLngToContainerPoint(found.getBounds().getCenter()); })()"""
AFTER_TEXT_JS = """() => getComputedStyle(document.querySelector("[data-testid='stExpandSidebarButton']"), '::after')
    .content"""


def test_phone_filters_have_a_labelled_control_and_a_tap_brings_the_panel_into_view(bundled_app_url, phone):
    """At 390x844 the sidebar's toggle is a button named and labelled "Filters" that opens the filters; a tap
    on the map opens a panel above the map, and the page scrolls so that its top is in sight."""
    phone.goto(bundled_app_url + "/")
    frame = map_frame(phone)
    wait_until_idle(phone)
    toggle = phone.get_by_role("button", name="Filters", exact=True)
    expect(toggle).to_be_visible()
    assert phone.evaluate(AFTER_TEXT_JS) == '"Filters"'
    click_map_at(phone, frame, UKRAINE_JS)
    close = phone.get_by_role("button", name="Close panel")
    close.wait_for(timeout=30_000)
    wait_until_idle(phone)
    phone.wait_for_function("""() => { const b = [...document.querySelectorAll('button')]
        .find(e => e.textContent.trim() === 'Close panel');
        const y = b && b.getBoundingClientRect().top; return y >= 56 && y < innerHeight - 40; }""", timeout=10_000)
    toggle.click()
    expect(phone.get_by_role("heading", name="Filters", exact=True)).to_be_in_viewport()
