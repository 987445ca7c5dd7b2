"""Everyday questions asked of the app in Debian's chromium, at desktop and phone size, with a screenshot each.

`python -m bench.questions` writes docs/screenshots/q<N>-<size>.png and prints how many actions each took.
The answers are read from the screenshots by a person; this only drives the app the way a reader would.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, map_frame, start_streamlit, stop, wait_until_idle

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZES = {"desktop": (1400, 900), "phone": (390, 844)}
SEARCH = "Find a country or an operation"


def search(page, text: str, option: str) -> None:
    box = page.get_by_role("combobox", name=SEARCH)
    box.click()
    box.press_sequentially(text)
    page.get_by_role("option", name=option).first.wait_for(timeout=30_000)
    box.press("Enter")


def ask(page, url: str, number: int, question: str, actions: list, heading: str, size: str) -> None:
    page.goto(url)
    page.locator("h1").first.wait_for(timeout=60_000)
    if "/map" in url or url.endswith("/") or "/?" in url:
        map_frame(page)
    wait_until_idle(page)
    for action in actions:
        action(page)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
    wait_until_idle(page)
    page.get_by_role("heading", name=heading).first.scroll_into_view_if_needed()
    path = OUT / f"q{number}-{size}.png"
    page.screenshot(path=str(path))
    print(f"q{number} {size}: {question} -> {len(actions)} action(s) after opening the page; {path.name}")


def main() -> None:
    base, process = start_streamlit("app.py", start_timeout=90)
    questions = [
        (1, "Where are Canadians deployed now?", "/?kind=deployment&status=ongoing", [], "Where Canada is engaged"),
        (2, "How many Canadians are in Latvia?", "/", [lambda p: search(p, "Lat", "Latvia")], "Latvia"),
        (3, "What did Canada do in Rwanda?", "/", [lambda p: search(p, "Rwa", "Rwanda")], "Rwanda"),
        (4, "Where is Operation IMPACT?", "/", [lambda p: search(p, "IMPACT", "Operation IMPACT")],
         "Operation IMPACT"),
        (5, "How much money has Canada given Ukraine?", "/", [lambda p: search(p, "Ukra", "Ukraine")], "Ukraine"),
        (6, "Which operations are in Kosovo?", "/", [lambda p: search(p, "Koso", "Kosovo")], "Kosovo"),
        (7, "Which countries have had the most operations?", "/", [], "Where Canada is engaged"),
        (8, "The map as a table", "/", [lambda p: p.get_by_text("The map as a table").click()],
         "Where Canada is engaged"),
        (9, "Lebanon, then back to the world view", "/",
         [lambda p: search(p, "Leban", "Lebanon"),
          lambda p: p.wait_for_function("() => location.search.includes('country=LBN')"),
          lambda p: p.go_back()], "Where Canada is engaged"),
        (10, "Commitments of money and materiel", "/commitments?kind=commitment", [], "Commitments"),
    ]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for size, (width, height) in SIZES.items():
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for number, question, path, actions, heading in questions:
                    ask(page, base + path, number, question, actions, heading, size)
                context.close()
            browser.close()
    finally:
        stop(process)


if __name__ == "__main__":
    main()
