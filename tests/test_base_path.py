"""The app served under a path (--server.baseUrlPath=canada-abroad), as departments and newsrooms serve it
behind one host name: the map paints offline, its outlines load, and links keep the path."""

from __future__ import annotations

import pytest

from tests.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
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

BASE_PATH = "canada-abroad"


@pytest.fixture(scope="module")
def base_url():
    url, process = start_streamlit("app.py", start_timeout=90, base_path=BASE_PATH)
    assert url.endswith("/" + BASE_PATH)
    yield url
    stop(process)


@pytest.fixture
def offline_page():
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 950})
        page = context.new_page()
        page.outside_requests = cut_off_internet(context)
        yield page
        browser.close()


def test_under_a_base_path_the_map_paints_offline_and_links_keep_the_path(base_url, offline_page):
    failed: list[str] = []
    offline_page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    offline_page.goto(base_url + "/?type=deterrence")
    frame = map_frame(offline_page)  # outlines fetched, drawn and coloured
    assert frame.locator("path.leaflet-interactive").count() >= 230
    sources = frame.locator("script[src]").evaluate_all("els => els.map(e => e.src)")
    assert f"{base_url}/app/static/leaflet/leaflet.js" in sources
    click_map_at(offline_page, frame, "window.map.latLngToContainerPoint([-3.0, 23.5])")
    offline_page.get_by_role("heading", name="Democratic Republic of the Congo").wait_for(timeout=30_000)
    offline_page.wait_for_function("() => location.search.includes('country=COD')", timeout=30_000)
    assert offline_page.url.startswith(base_url + "/")
    wait_until_idle(offline_page)
    share = offline_page.get_by_role("textbox", name="Link to this view")
    expect(share).to_have_value(f"{base_url}?type=deterrence&country=COD&lang=en", timeout=30_000)
    offline_page.locator("[data-testid='stSidebarNav']").get_by_text("Operations").click()
    offline_page.wait_for_url(f"{base_url}/operations*", timeout=30_000)
    assert failed == [], failed
    assert offline_page.outside_requests == []
