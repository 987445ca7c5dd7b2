"""`make cluster-test`: three replicas behind deploy/haproxy.cfg, a reader in real Chromium, one replica killed.

A reader opens a shared link, changes a filter, the replica serving them is killed (SIGKILL, as a crash),
and they change another filter. Both changes must hold, the view must match them, and a reader on
another replica must not notice anything. Run with -s to see each step.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from canada_abroad.engagements import load_engagements
from canada_abroad.filters import Filters, apply_filters
from canada_abroad.geography import load_geography
from deploy.balancer import COOKIE, haproxy_binary
from deploy.cluster import cluster
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, cut_off_internet, free_port, map_frame, wait_until_idle

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

pytestmark = [pytest.mark.cluster, pytest.mark.browser,
              pytest.mark.skipif(haproxy_binary() is None, reason="haproxy is not installed (make haproxy)")]

SHARED_LINK = "/?country=LVA&type=deterrence"
SEARCH_PLACEHOLDER = "operation, mission, place…"
TIMEOUT = 60_000


def say(text: str) -> None:
    print(f"[cluster-test] {text}", flush=True)


def replica_of(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == COOKIE), None)


def expect_no_error(page, who: str) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, f"{who} saw an exception"
    assert page.get_by_text("Connection error").count() == 0, f"{who} saw a connection error"


def caption_count(page) -> int:
    text = page.get_by_text(re.compile(r"^\d+ of \d+ engagements")).first.inner_text()
    return int(text.split(" of ", 1)[0])


def test_a_reader_keeps_both_filter_changes_across_the_loss_of_their_replica(tmp_path: Path):
    geography = load_geography()
    dataset = load_engagements(geography)
    expected = len(apply_filters(dataset.frame, Filters(types=("deterrence",), status="ongoing", query="reassurance")))
    with cluster(free_port(), tmp_path) as running, playwright_sync.sync_playwright() as p:
        say(f"3 replicas behind HAProxy at {running.url}: "
            + ", ".join(f"{r.name} pid {r.process.pid}" for r in running.replicas.values()))
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        reader_context = browser.new_context(viewport={"width": 1400, "height": 950})
        cut_off_internet(reader_context)
        reader = reader_context.new_page()
        reader.set_default_timeout(TIMEOUT)
        reader.goto(running.url + SHARED_LINK)
        reader.get_by_role("heading", name="Latvia").wait_for()
        map_frame(reader)
        serving = replica_of(reader_context)
        assert serving in running.replicas
        say(f"reader opened {SHARED_LINK} on {serving}")

        # Someone else, on another replica, reading at the same time.
        other = next(name for name in running.replicas if name != serving)
        bystander_context = browser.new_context(viewport={"width": 1400, "height": 950})
        cut_off_internet(bystander_context)
        bystander_context.add_cookies([{"name": COOKIE, "value": other, "url": running.url}])
        bystander = bystander_context.new_page()
        bystander.set_default_timeout(TIMEOUT)
        bystander.goto(running.url + "/")
        map_frame(bystander)
        assert replica_of(bystander_context) == other
        say(f"bystander reading / on {other}")

        sidebar = reader.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("Ongoing", exact=True).click()
        reader.wait_for_function("() => location.search.includes('status=ongoing')")
        wait_until_idle(reader)
        say(f"change 1 on {serving}: status Ongoing -> {reader.url.removeprefix(running.url)}")

        # The page notices the lost websocket and asks /_stcore/health until one answers: HAProxy sends that to a
        # live replica and writes it into the cookie.
        with reader.expect_response(lambda r: r.url.endswith("/_stcore/health") and r.status == 200):
            running.replicas[serving].kill()
            say(f"killed {serving} (SIGKILL, pid {running.replicas[serving].process.pid})")
        moved_to = replica_of(reader_context)
        assert moved_to in running.replicas and moved_to != serving
        box = reader.get_by_placeholder(SEARCH_PLACEHOLDER)
        expect(box).to_be_enabled()  # disabled while the page had no connection
        say(f"reader reconnected to {moved_to}; the page kept its view")

        box.fill("reassurance")
        box.press("Enter")
        try:
            reader.wait_for_function("() => location.search.includes('q=reassurance')", timeout=30_000)
        except playwright_sync.TimeoutError:
            raise AssertionError(f"the first change after failover was undone: link {reader.url}, "
                                 f"search box {box.input_value()!r}") from None
        wait_until_idle(reader)
        say(f"change 2 on {moved_to}: search 'reassurance' -> {reader.url.removeprefix(running.url)}")

        for part in ("country=LVA", "type=deterrence", "status=ongoing", "q=reassurance"):
            assert part in reader.url, f"{part} lost from the link: {reader.url}"
        expect(box).to_have_value("reassurance")
        expect(sidebar.get_by_role("radio", name="Ongoing")).to_be_checked()
        expect(sidebar.get_by_text("Deterrence and assurance").first).to_be_visible()
        reader.get_by_role("heading", name="Latvia").wait_for()
        assert caption_count(reader) == expected, "the rows shown do not match both filters"
        selected = map_frame(reader).locator("path.leaflet-interactive[stroke='#b2182b']")
        selected.first.wait_for(state="attached")
        expect_no_error(reader, "the reader")
        say(f"both changes kept: {expected} engagements shown, Latvia's panel open, Latvia outlined on the map")

        bystander_box = bystander.get_by_placeholder(SEARCH_PLACEHOLDER)
        bystander_box.fill("latvia")
        bystander_box.press("Enter")
        bystander.wait_for_function("() => location.search.includes('q=latvia')")
        wait_until_idle(bystander)
        expect_no_error(bystander, "the bystander")
        assert replica_of(bystander_context) == other
        say(f"bystander on {other} still served, no error")
        browser.close()
