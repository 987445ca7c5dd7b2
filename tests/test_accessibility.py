"""axe-core (WCAG 2.1 AA rules) finds no violation on any page, nor inside the map's frame, at desktop and phone sizes.

axe-core's own file comes from the axe-playwright-python package that `make test` installs: nothing is
downloaded when the test runs.
"""

from __future__ import annotations

from importlib import resources

import pytest

from tests.browser_support import (
    MAP_FRAME,
    cut_off_internet,
    map_frame,
    wait_until_idle,
)

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

AXE_SOURCE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The map frame is checked on its own (axe would otherwise wait for an answer from a frame without axe).
RUN_AXE_JS = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, iframes: false})
    .then(r => r.violations.map(v => ({id: v.id, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + n.failureSummary)})))"""

CAPTIONS_STYLED_JS = """() => Array.from(document.querySelectorAll("[data-testid='stCaptionContainer']"))
    .every(e => getComputedStyle(e).opacity === "1")"""
SIZES = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}
# At phone size only the pages whose layout differs most (the map with and without a panel, a wide
# table, the upload form): each check costs a page load, and make test should stay quick.
PHONE_PAGES = {"map", "map with a country panel", "operations", "data"}
PAGES = {
    "map": "/",
    "map with a country panel": "/?country=LVA",
    "map with an operation panel": "/?op=reassurance",
    "over time": "/footprint",
    "operations": "/operations",
    "commitments": "/commitments",
    "country": "/country?country=UKR",
    "data": "/data",
}


def _violations(target) -> list[dict]:
    target.evaluate(AXE_SOURCE + "\n;0")
    return target.evaluate(RUN_AXE_JS, WCAG_21_AA)


def _report(where: str, violations: list[dict]) -> str:
    return "\n".join(f"{where}: {v['id']} ({v['help']})\n    " + "\n    ".join(v["nodes"]) for v in violations)


CASES = [(name, size) for size in SIZES for name in PAGES if size == "desktop" or name in PHONE_PAGES]


@pytest.mark.parametrize(("name", "size"), CASES)
def test_axe_finds_no_wcag_21_aa_violation(bundled_app_url, browser, name, size):
    """Every page, and the map frame where there is one, passes axe-core's WCAG 2.1 AA rules."""
    context = browser.new_context(viewport=SIZES[size])
    cut_off_internet(context)
    page = context.new_page()
    try:
        page.goto(bundled_app_url + PAGES[name])
        page.locator("h1").first.wait_for(timeout=60_000)
        on_map = PAGES[name].startswith("/?") or PAGES[name] == "/"
        if on_map:
            map_frame(page)
        # Checked once the run is over: Streamlit fades elements while a run replaces them.
        wait_until_idle(page)
        page.locator("[data-stale='true']").first.wait_for(state="detached", timeout=30_000)
        # A first visit may run the script twice (the link is rewritten); app.py's caption style comes
        # with each run, so wait until it applies rather than judge the frame in between.
        page.wait_for_function(CAPTIONS_STYLED_JS, timeout=30_000)
        found = {"page": _violations(page)}
        if on_map:
            found["map frame"] = _violations(page.locator(MAP_FRAME).element_handle().content_frame())
        problems = "\n".join(_report(f"{name} ({size}) {where}", v) for where, v in found.items() if v)
        assert not problems, problems
    finally:
        context.close()
