"""Screenshots of every page as a reader sees it, after the map is painted and no widget is a skeleton.

`make screenshots` writes docs/screenshots/<name>.png (`python -m bench.screenshots NAME ...` only
those). Streamlit scrolls inside its own container, so each shot is one viewport; the viewports are
tall enough for the map's legends.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import APP_IDLE, CHROMIUM, CHROMIUM_ARGS, PAINTED_JS, streamlit_server

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
DESKTOP, PHONE = (1400, 1150), (390, 844)
VIEWS = [  # name, link, viewport
    ("map", "/", DESKTOP),
    ("map-country-panel", "/?country=CIV", DESKTOP),
    ("map-operation-panel", "/?op=reassurance", DESKTOP),
    ("map-2000s-years", "/?from=2000&to=2009&measure=years", DESKTOP),
    ("map-phone", "/?country=LVA", PHONE),
    ("map-year-1956", "/?year=1956", DESKTOP),
    ("map-year-1993", "/?year=1993", DESKTOP),
    ("map-year-2010", "/?year=2010&measure=personnel", DESKTOP),
    ("map-year-2024", "/?year=2024", DESKTOP),
    ("map-compare-1993-2024", "/?compare=1993,2024", DESKTOP),
    ("over-time", "/footprint", DESKTOP),
    ("operations", "/operations?type=peace_operation&op=soprano", DESKTOP),
    ("commitments", "/commitments", DESKTOP),
    ("country", "/country?country=AFG", DESKTOP),
    ("data", "/data", DESKTOP),
]


def main(names: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with streamlit_server("app.py") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, link, (width, height) in VIEWS:
            if names and name not in names:
                continue
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url + link)
            if link.startswith("/?") or link == "/":
                page.wait_for_function(PAINTED_JS, timeout=60_000)  # outlines drawn and coloured
            if link.startswith("/footprint"):
                page.locator(".vega-embed svg").last.wait_for(timeout=60_000)
            page.locator(APP_IDLE).wait_for(timeout=60_000)
            page.wait_for_function("() => !document.querySelector('[data-testid^=stSkeleton]')", timeout=60_000)
            page.evaluate("() => document.fonts.ready")
            page.screenshot(path=str(OUT / f"{name}.png"))
            print(f"wrote {OUT / f'{name}.png'}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
