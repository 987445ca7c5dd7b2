"""Take-away in a real browser: the PNG download, the copy control, and the embedded map without a sidebar."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from tests.browser_support import cut_off_internet, map_frame, wait_until_idle
from ui.publish import COPIED, FULL_VIEW, PNG_LABEL, ZIP_LABEL

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = pytest.mark.browser

# The browser and a server of the app (conftest.py), started once for this module.


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 950}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    cut_off_internet(context)
    page = context.new_page()
    yield page
    context.close()


def download(page, label: str):
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def test_map_page_downloads_a_print_png_and_the_view_data(app_url, page):  # noqa: F811
    """The Map page's PNG is a PNG >= 2,000 px wide; the ZIP's README and the HTML map say which view made them.

    The files are made on click, outside the script run: what they say must have been read during the run.
    """
    page.goto(app_url + "/?type=peace_operation&from=1993&to=1993")
    map_frame(page)
    wait_until_idle(page)
    name, data = download(page, PNG_LABEL)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and name.endswith(".png")
    width, _height = struct.unpack(">II", data[16:24])
    assert width >= 2000
    _, data = download(page, ZIP_LABEL)
    readme = zipfile.ZipFile(io.BytesIO(data)).read("README.txt").decode("utf-8-sig")
    assert "Filters: Peace operation\r\n" in readme and "Years: 1993\r\n" in readme
    _, data = download(page, "Download this map (HTML)")
    assert "Deployments (operations that sent people)</strong><br>Peace operation · 1993" in data.decode("utf-8")


def test_citation_copy_button_puts_the_view_link_on_the_clipboard(app_url, page):  # noqa: F811
    """The sidebar's Copy button copies the citation, which ends with this view's link."""
    page.goto(app_url + "/?type=peace_operation&from=1993&to=1993")
    map_frame(page)
    wait_until_idle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.locator("button[data-copy='citation']").click()
    expect(sidebar.get_by_text(COPIED)).to_be_visible(timeout=10_000)
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.startswith("Canada Abroad project.") and "Peace operation · 1993" in copied
    assert copied.endswith("type=peace_operation&from=1993&to=1993&lang=en")


def test_embed_link_shows_the_map_and_legend_without_a_sidebar(app_url, page):  # noqa: F811
    """?embed=true: the map paints, the legend and the link back are there, and there is no sidebar at all."""
    page.goto(app_url + "/?type=peace_operation&embed=true")
    map_frame(page)
    wait_until_idle(page)
    expect(page.get_by_label("Legend", exact=True)).to_be_visible()
    back = page.get_by_role("link", name=FULL_VIEW)
    expect(back).to_be_visible()
    assert "type=peace_operation" in back.get_attribute("href") and "embed" not in back.get_attribute("href")
    assert page.locator("[data-testid='stSidebar']").count() == 0
    assert page.get_by_text("Page not found").count() == 0  # the snippet's link opens a page that exists
    assert page.get_by_role("button", name=PNG_LABEL).count() == 0
