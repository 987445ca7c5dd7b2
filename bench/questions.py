"""Everyday questions asked of the app in Debian's chromium, at desktop and phone size, with a screenshot each.

`python -m bench.questions` writes docs/screenshots/q<N>-<size>.png and prints how many actions each took.
The answers are read from the screenshots by a person; this only drives the app the way a reader would.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser_support import APP_IDLE, CHROMIUM, CHROMIUM_ARGS, map_frame, start_streamlit, stop, wait_until_idle

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZES = {"desktop": (1400, 900), "phone": (390, 844)}
SEARCH = "Find a country or an operation"


def search(page, text: str, option: str) -> None:
    box = page.get_by_role("combobox", name=SEARCH)
    box.click()
    box.press_sequentially(text)
    page.get_by_role("option", name=option).first.wait_for(timeout=30_000)
    box.press("Enter")


def only_ongoing(page) -> int:
    """The sidebar's Status: Ongoing. On a phone the sidebar opens by its "Filters" toggle and closes again: 3 taps."""
    toggle = page.get_by_role("button", name="Filters", exact=True)
    if toggle.is_visible():
        toggle.click()
        page.get_by_text("Ongoing", exact=True).click()
        page.locator(APP_IDLE).wait_for(timeout=60_000)
        page.get_by_role("button", name="Collapse sidebar").click()
        return 3
    page.get_by_text("Ongoing", exact=True).click()
    return 1


def go_to(name: str):
    """A page of the sidebar's list; on a phone the "Filters" toggle opens the sidebar first and it is closed after
    (3 taps)."""
    def action(page) -> int:
        toggle = page.get_by_role("button", name="Filters", exact=True)
        phone = toggle.is_visible()
        if phone:
            toggle.click()
        page.get_by_role("link", name=name, exact=True).click()
        if phone:  # the sidebar stays open over the page on a phone
            page.locator(APP_IDLE).wait_for(timeout=60_000)
            page.get_by_role("button", name="Collapse sidebar").click()
        return 3 if phone else 1
    return action


def ask(page, url: str, number: int, question: str, actions: list, heading, size: str) -> None:
    """`heading`: the name of the heading that answers, or a function giving the locator of what answers."""
    page.goto(url)
    page.locator("h1").first.wait_for(timeout=60_000)
    if "/map" in url or url.endswith("/") or "/?" in url:
        map_frame(page)
    wait_until_idle(page)
    taken = 0
    for action in actions:
        done = action(page)  # how many taps or keystroke-and-Enter it took; None: one
        taken += 1 if done is None else done
    answer = heading(page) if callable(heading) else page.get_by_role("heading", name=heading).first
    answer.wait_for(timeout=30_000)
    wait_until_idle(page)
    answer.evaluate("e => { e.style.scrollMarginTop = '72px'; e.scrollIntoView({block: 'start'}); }")  # below the header
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    path = OUT / f"q{number}-{size}.png"
    page.screenshot(path=str(path))
    print(f"q{number} {size}: {question} -> {taken} action(s) after opening the page; {path.name}")


def main() -> None:
    base, process = start_streamlit("app.py", start_timeout=90)
    questions = [
        (1, "Where are Canadians deployed now?", "/", [only_ongoing], "Where Canada is engaged"),
        (2, "How many Canadians are in Latvia?", "/", [lambda p: search(p, "Lat", "Latvia")], "Latvia"),
        (3, "What did Canada do in Rwanda?", "/", [lambda p: search(p, "Rwa", "Rwanda")], "Rwanda"),
        (4, "Where is Operation IMPACT?", "/", [lambda p: search(p, "IMPACT", "Operation IMPACT")],
         "Operation IMPACT"),
        (5, "How much money has Canada given Ukraine?", "/", [lambda p: search(p, "Ukra", "Ukraine")], "Ukraine"),
        (6, "Which operations are in Kosovo?", "/", [lambda p: search(p, "Koso", "Kosovo")], "Kosovo"),
        (7, "Which countries have had the most operations?", "/", [], "Where Canada is engaged"),
        (8, "The map as a table", "/", [lambda p: p.get_by_text("The map as a table").click()],
         lambda p: p.locator("[data-testid='stDataFrame']").first),
        (9, "Lebanon, then back to the world view", "/",
         [lambda p: search(p, "Leban", "Lebanon"),
          lambda p: p.wait_for_function("() => location.search.includes('country=LBN')") and 0,
          lambda p: p.go_back()], "Where Canada is engaged"),
        (10, "Commitments of money and materiel", "/", [go_to("Commitments")], "Commitments"),
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
