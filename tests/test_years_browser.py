"""Time on the map in a real browser (Debian's chromium): one year's colours, play, pause, step, type a year.

Two groups: tests on a small fixture table (CANADA_ABROAD_CSV), and a clearly separated group on the
bundled data (facts that hold in every version of the record: who was there in 1993 and in 2024).
"""

from __future__ import annotations

import pytest

from canada_abroad.palette import NO_DATA_COLOUR
from tests.browser_support import MAP_FRAME, map_frame, start_streamlit, stop, wait_until_idle
from tests.conftest import csv_text
from tests.test_years import FIXTURE, THIS_YEAR
from ui.cached import DATA_PATH_ENV

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = pytest.mark.browser

FILL_OF = """code => { let fill = null;
    window.canadaAbroadCountries.eachLayer(l => { if (l.feature.properties.iso3 === code) fill = l.options.fillColor; });
    return fill; }"""


def _server(env: dict[str, str] | None = None):
    url, process = start_streamlit("app.py", env=env, start_timeout=90)
    return url, process


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("years") / "fixture.csv"
    data.write_text(csv_text(FIXTURE), encoding="utf-8")
    url, process = _server({DATA_PATH_ENV: str(data)})
    yield url
    stop(process)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    yield context.new_page()
    context.close()


def fill(frame, iso3: str) -> str:
    return frame.locator("#map_div").evaluate(f"() => ({FILL_OF})({iso3!r})")


def shown_year(page) -> int | None:
    return page.frame_locator(MAP_FRAME).locator("#map_div").evaluate(
        "() => window.canadaAbroadYearShown")


def steps(frame) -> int:
    return frame.locator("#map_div").evaluate("() => window.canadaAbroadYearSteps || 0")


def test_play_advances_at_least_three_years_in_two_seconds_and_pause_leaves_the_year_in_the_link(fixture_url, page):
    """Play steps in the browser (no rerun per year); Pause writes the year shown back to the link."""
    page.goto(fixture_url + "/?year=1992")
    frame = map_frame(page)
    expect(frame.locator(".ca-years-big")).to_have_text("1992")
    before = steps(frame)
    frame.get_by_role("button", name="Play").click()
    frame.locator("#map_div").evaluate(f"() => new Promise((ok, no) => {{ const t0 = performance.now();"
                                       f" const tick = () => (window.canadaAbroadYearSteps || 0) >= {before + 3}"
                                       f" ? ok() : performance.now() - t0 > 2000 ? no('too slow') : setTimeout(tick, 20);"
                                       f" tick(); }})")
    frame.get_by_role("button", name="Pause").click()
    year = shown_year(page)
    assert year >= 1995
    page.wait_for_function(f"() => location.search.includes('year={year}')", timeout=30_000)
    expect(frame.locator(".ca-years-big")).to_have_text(str(year))
    expect(page.get_by_role("heading", name=f"Where Canada was engaged in {year}")).to_be_visible(timeout=30_000)


def test_play_in_the_range_view_opens_the_first_year_and_plays_on(fixture_url, page):
    """The range view sends no years; Play asks the app for the first year, then steps in the browser."""
    page.goto(fixture_url + "/")
    frame = map_frame(page)
    frame.get_by_role("button", name="Play").click()
    page.wait_for_function("() => location.search.includes('year=1992')", timeout=30_000)
    frame.locator("#map_div").evaluate("() => new Promise(ok => { const w = () => "
                                       "window.canadaAbroadYearShown >= 1994 ? ok() : setTimeout(w, 20); w(); })")
    frame.get_by_role("button", name="Pause").click()


def test_arrow_keys_step_and_a_typed_year_is_shown_and_linked(fixture_url, page):
    """Keyboard: Right arrow on the control steps a year; a year typed in its box is painted and linked."""
    page.goto(fixture_url + "/?year=1993")
    frame = map_frame(page)
    frame.get_by_role("button", name="Next year").focus()
    frame.get_by_role("button", name="Next year").press("ArrowRight")
    expect(frame.locator(".ca-years-big")).to_have_text("1994")
    page.wait_for_function("() => location.search.includes('year=1994')", timeout=30_000)
    wait_until_idle(page)
    box = frame.get_by_role("spinbutton", name="Year")
    box.fill("2020")
    expect(frame.locator(".ca-years-big")).to_have_text("2020")
    assert fill(frame, "SOM") == NO_DATA_COLOUR and fill(frame, "LVA") != NO_DATA_COLOUR
    page.wait_for_function("() => location.search.includes('year=2020')", timeout=30_000)


def test_the_sidebar_year_box_and_the_range_view(fixture_url, page):
    """No year: the range view with its own classes, said under the legend; the year box sets a year."""
    page.goto(fixture_url + "/")
    frame = map_frame(page)
    expect(frame.locator(".ca-years-big")).to_have_text(f"1992\u2013{THIS_YEAR}")
    expect(page.get_by_text("Classes from this view")).to_be_visible()
    page.get_by_role("spinbutton", name="One year").fill("1993")
    page.get_by_role("spinbutton", name="One year").press("Enter")
    page.wait_for_function("() => location.search.includes('year=1993')", timeout=30_000)
    expect(page.get_by_text("One colour scale for every year")).to_be_visible(timeout=30_000)
    expect(frame.locator(".ca-years-big")).to_have_text("1993")


# The bundled data: facts true of every version of the record.

@pytest.fixture(scope="module")
def bundled_url():
    url, process = _server()
    yield url
    stop(process)


@pytest.mark.parametrize("year, coloured, uncoloured", [
    (1993, ["SOM", "BIH", "HRV"], ["LVA"]),
    (2024, ["LVA"], ["SOM", "BIH", "HRV"]),
])
def test_bundled_data_a_year_link_colours_who_was_there(bundled_url, page, year, coloured, uncoloured):
    """/?year=1993: Somalia, Bosnia and Herzegovina and Croatia coloured, Latvia not; 2024 the reverse."""
    page.goto(f"{bundled_url}/?year={year}")
    frame = map_frame(page)
    expect(frame.locator(".ca-years-big")).to_have_text(str(year))
    for iso3 in coloured:
        assert fill(frame, iso3) != NO_DATA_COLOUR, iso3
    for iso3 in uncoloured:
        assert fill(frame, iso3) == NO_DATA_COLOUR, iso3


def test_a_click_on_a_year_in_the_footprint_chart_opens_the_map_as_of_that_year(fixture_url, page):
    """Over time page: a click on 1993's bar opens the Map page showing 1993, with the year in the link."""
    page.goto(fixture_url + "/footprint")
    chart = page.locator(".vega-embed").first
    bar = chart.locator('path[aria-label*="year: 1993"]').first  # Vega names each bar by its fields
    bar.click()
    page.wait_for_function("() => !location.pathname.endsWith('/footprint') && location.search.includes('year=1993')",
                           timeout=30_000)
    frame = map_frame(page)
    expect(frame.locator(".ca-years-big")).to_have_text("1993")
    expect(page.get_by_role("heading", name="Where Canada was engaged in 1993")).to_be_visible(timeout=30_000)


def test_compare_link_shows_two_maps_on_one_scale_and_the_lists(fixture_url, page):
    """?compare=1993,2020: two small maps above the main one (Somalia coloured in the first only, Latvia in the
    second only) and the countries that appear and disappear."""
    page.goto(fixture_url + "/?compare=1993,2020")
    expect(page.get_by_role("heading", name="Compare 1993 and 2020")).to_be_visible(timeout=60_000)
    frames = page.locator(MAP_FRAME)
    expect(frames).to_have_count(3, timeout=60_000)
    fills = []
    for index in range(2):
        frame = page.frame_locator(MAP_FRAME).nth(index)
        frame.locator("path.leaflet-interactive").nth(100).wait_for(state="attached", timeout=60_000)
        frame.locator("#map_div").evaluate("() => new Promise(ok => { const w = () => "
                                           "window.canadaAbroadStyleRuns > 0 ? ok() : setTimeout(w, 20); w(); })")
        fills.append((fill(frame, "SOM"), fill(frame, "LVA")))
    assert fills[0][0] != NO_DATA_COLOUR and fills[0][1] == NO_DATA_COLOUR
    assert fills[1][0] == NO_DATA_COLOUR and fills[1][1] != NO_DATA_COLOUR
    expect(page.get_by_text("New in 2020 (1): Latvia")).to_be_visible()
    expect(page.get_by_text("Gone by 2020 (2): Bosnia and Herzegovina, Somalia")).to_be_visible()
