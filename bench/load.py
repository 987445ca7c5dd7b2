"""Load test: many concurrent browser sessions against one Streamlit server (`make load`).

Why browsers and not HTTP requests: a Streamlit session is a websocket plus a script rerun per
interaction, and the map is drawn by Leaflet inside a component iframe, so only a real browser
exercises what a reader costs the server. Each simulated reader is its own Playwright browser
context (own cookies, cache and websocket) in one shared chromium process, the lightest way to
hold 20+ sessions on a 2-core machine. Requests to anything but the app are cut, as offline.

The run: a warm-up reader fills the caches and times each action alone; then the readers arrive
0.5 s apart, wait for each other on the map (the server then holds them all at once) and act
together for --seconds, while the server's memory, CPU and sessions are sampled.

Usage: python -m bench.load [--sessions 20] [--seconds 90] [--timeout 180]
Writes bench/load-results.md and exits 1 when any error was seen.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from playwright.async_api import async_playwright

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "load-results.md"
# Every context is a reader looking at its own tab: no throttling of "background" pages.
ARGS = [*CHROMIUM_ARGS, "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows"]
MAP = "iframe[src*='streamlit_folium.st_folium']"
# Points well inside big countries and at least ~3 degrees from any marker (a marker would open an operation).
CLICK_TARGETS = [("Democratic Republic of the Congo", -3.0, 23.5), ("Mali", 20.0, -3.0), ("Sudan", 18.0, 29.0),
                 ("Libya", 27.0, 17.0)]
# Same test as bench/run.py: enough shapes, and the styler has run when the map has one (same-origin iframe).
MAP_PAINTED_JS = f"""() => {{
    const doc = document.querySelector("{MAP}")?.contentDocument;
    if (!doc || doc.querySelectorAll("path.leaflet-interactive").length < 230) return false;
    return !doc.defaultView.canadaAbroadGeometry || (doc.defaultView.canadaAbroadStyleRuns || 0) > 0;
}}"""
QUERIES = ["latvia", "cyprus", "kandahar", "unficyp", "reassurance"]
RAMP_SECONDS = 0.5  # between two readers' arrivals: 20 readers come in over 10 s, not in one instant
THINK_SECONDS = (2.0, 6.0)  # a reader's pause between actions (reading the panel, choosing the next thing)
# Only requests leaving 127.0.0.1 are intercepted (and cut), so the app's own requests cost no round trip.
OUTSIDE = re.compile(r"^(?!(http|ws)://127\.0\.0\.1[:/]|data:|blob:|about:)")
# Opened on /operations, Streamlit's client first probes /operations/_stcore/health and .../host-config (404)
# in case the app is served under that path, then uses /_stcore/...: streamlit/streamlit#7074, not this app.
# Those 404s are counted and reported apart; every other console error fails the run.
KNOWN_PROBE = re.compile(r"^http://127\.0\.0\.1:\d+/[\w-]+/_stcore/(health|host-config)$")
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Tally:
    """What all readers record; they share one event loop, so plain lists need no lock."""
    timings: dict = field(default_factory=lambda: defaultdict(list))  # action -> seconds
    alone: dict = field(default_factory=dict)  # action -> seconds for one reader on an idle server
    errors: list = field(default_factory=list)  # (who, action, what)
    known_probes: int = 0
    peak: dict = field(default_factory=lambda: {"rss": 0.0, "active": 0, "unanswered": 0})


# --- the server and what it costs --------------------------------------------------------------

def start_server(log, run_log: Path) -> tuple[str, subprocess.Popen]:
    """`streamlit run app.py` as `make run` would; CANADA_ABROAD_RUN_LOG makes app.py append each script
    run's server time to `run_log` (ui/run_timer.py), which tells the server's own time apart from the browsers'."""
    try:
        return start_streamlit("app.py", {"CANADA_ABROAD_RUN_LOG": str(run_log)}, output=log)
    except RuntimeError as error:
        sys.exit(str(error))


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants, from the parent ids in /proc/*/stat."""
    children = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            children[int(stat[stat.rfind(")") + 2:].split()[1])].append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo.extend(children[tree[-1]])
    return tree


def usage(pids: list[int]) -> tuple[float, float]:
    """(resident MiB, CPU seconds) of these processes, from /proc: no psutil needed."""
    rss_kib, ticks = 0, 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        rss_kib += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        fields = stat[stat.rfind(")") + 2:].split()
        ticks += sum(map(int, fields[11:15]))  # utime, stime, and of reaped children (renderers that exited)
    return rss_kib / 1024, ticks / TICK


def load_generator(server_pid: int) -> list[int]:
    """This script, its Playwright driver and chromium: every descendant of ours except the server's tree."""
    server = set(process_tree(server_pid))
    return [pid for pid in process_tree(os.getpid()) if pid not in server]


def machine_busy() -> float:
    """CPU seconds the whole machine has spent not idle (all cores), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(values) - values[3] - values[4]) / TICK  # minus idle and iowait


def server_sessions(url: str) -> tuple[int, int]:
    """(active sessions, websocket connects so far) from Streamlit's own /_stcore/metrics."""
    values = {}
    with urllib.request.urlopen(url + "/_stcore/metrics", timeout=5) as response:
        for line in response.read().decode().splitlines():
            if line and not line.startswith("#"):
                name, value = line.rsplit(" ", 1)
                values[name] = float(value)
    return int(values.get("active_sessions", 0)), int(values.get('session_events_total{type="connect"}', 0))


async def watch_server(url: str, pid: int, stop: asyncio.Event, tally: Tally) -> None:
    """Samples the server twice a second while readers are connected, keeps the highest values, shows progress."""
    peak, started = tally.peak, time.monotonic()
    shown = started
    while not stop.is_set():
        rss, _ = usage(process_tree(pid))
        peak["rss"] = max(peak["rss"], rss)
        try:
            peak["active"] = max(peak["active"], (await asyncio.to_thread(server_sessions, url))[0])
        except OSError:  # no answer within 5 s: the server's event loop was starved; the report says how often
            peak["unanswered"] += 1
        if time.monotonic() - shown >= 15:
            shown = time.monotonic()
            print(f"{shown - started:4.0f} s: {sum(map(len, tally.timings.values()))} actions done, "
                  f"{len(tally.errors)} errors, server {rss:.0f} MiB, {peak['active']} sessions at most", flush=True)
        try:
            await asyncio.wait_for(stop.wait(), 0.5)
        except TimeoutError:
            pass


# --- what a reader does --------------------------------------------------------------------------

async def goto(page, url: str) -> None:
    """A full page load; a missing or non-2xx answer is a failed load."""
    response = await page.goto(url, wait_until="domcontentloaded")
    if response is None or not response.ok:
        raise RuntimeError(f"page load {url} answered {response.status if response else 'nothing'}")


async def map_drawn(page) -> None:
    """Leaflet has drawn the country shapes (230+) and, where the map colours them in a second step, coloured them."""
    await page.wait_for_function(MAP_PAINTED_JS, polling=250)


async def open_map(page, base: str, rng: random.Random) -> None:
    await goto(page, base + "/")
    await map_drawn(page)


async def click_country(page, base: str, rng: random.Random) -> None:
    """Click inside a country (as tests/test_browser.py does) and wait for its side panel."""
    name, lat, lon = rng.choice(CLICK_TARGETS)
    point = await page.frame_locator(MAP).locator("#map_div").evaluate(
        f"() => {{ const p = window.map.latLngToContainerPoint([{lat}, {lon}]); return [p.x, p.y]; }}")
    box = await page.locator(MAP).bounding_box()
    await page.mouse.click(box["x"] + point[0], box["y"] + point[1])
    await page.get_by_role("heading", name=name, exact=True).wait_for()


async def search(page, base: str, rng: random.Random) -> None:
    """Type in the sidebar's search box; the rerun ends by writing the filter into the link."""
    query = rng.choice([q for q in QUERIES if f"q={q}" not in page.url])  # a new query: a real change
    box = page.get_by_placeholder("operation, mission, place…")
    await box.fill(query)
    await box.press("Enter")
    await page.wait_for_function(f"() => location.search.includes('q={query}')")


async def shared_link(page, base: str, rng: random.Random) -> None:
    await goto(page, base + "/?country=LVA&type=deterrence")
    await page.get_by_role("heading", name="Latvia", exact=True).wait_for()
    await map_drawn(page)


async def operations(page, base: str, rng: random.Random) -> None:
    """Through the sidebar's navigation, as a reader goes there: same session, the filters carry over."""
    await page.locator("[data-testid='stSidebarNavLink']", has_text="Operations").click()
    await page.wait_for_url("**/operations**")
    await page.get_by_role("heading", name="Timeline", exact=True).wait_for()


async def back_to_map(page, base: str, rng: random.Random) -> None:
    """Back to the map through the sidebar: the map component mounts again in the same session."""
    await page.locator("[data-testid='stSidebarNavLink']", has_text=re.compile(r"^Map$")).click()
    await page.wait_for_url(re.compile(r"^[^?]*://[^/]+/(map)?(\?.*)?$"))
    await map_drawn(page)


async def country(page, base: str, rng: random.Random) -> None:
    await goto(page, base + "/country?country=AFG")
    await page.get_by_role("heading", name="Afghanistan", exact=True).wait_for()
    await page.get_by_role("heading", name="Share this view").wait_for()  # drawn after the page: the script ran


# A reader arrives on the map (a full page load), then loops; the loop ends back on the map, where it starts.
ARRIVAL = ("open map (arrival)", open_map)
LOOP = [("click country", click_country), ("search filter", search), ("shared link", shared_link),
        ("operations page", operations), ("country page", country), ("map via sidebar", back_to_map)]
ACTIONS = [ARRIVAL, *LOOP]


async def page_problems(page) -> list[str]:
    """What a reader would see go wrong: a Python exception box or Streamlit's lost-connection notice."""
    problems = []
    shown = page.locator("[data-testid='stException']")
    if await shown.count():
        problems.append(f"exception shown in the page: {(await shown.first.inner_text())[:200]}")
    if await page.get_by_text("Connection error").count():
        problems.append("'Connection error' notice (websocket lost)")
    return problems


async def new_reader(browser, timeout: int, tally: Tally, who: str, doing: dict):
    """A fresh browser context whose outside requests are cut and whose browser-side errors are counted."""
    context = await browser.new_context(viewport={"width": 1400, "height": 950})
    context.set_default_timeout(timeout * 1000)

    async def cut(route) -> None:
        tally.errors.append((who, doing["action"], f"request outside the app: {route.request.url[:120]}"))
        await route.abort()

    def on_console(message) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "")
        if KNOWN_PROBE.match(where):
            tally.known_probes += 1
        else:
            tally.errors.append((who, doing["action"], f"console: {message.text[:200]} ({where})"))

    def on_request_failed(request) -> None:
        # ERR_ABORTED is the browser cancelling its own request (the reader navigated on or closed the tab).
        if request.failure != "net::ERR_ABORTED" and not OUTSIDE.match(request.url):
            tally.errors.append((who, doing["action"], f"request failed ({request.failure}): {request.url[:120]}"))

    await context.route(OUTSIDE, cut)
    page = await context.new_page()
    page.on("console", on_console)
    page.on("pageerror", lambda e: tally.errors.append((who, doing["action"], f"page error: {str(e)[:200]}")))
    page.on("requestfailed", on_request_failed)
    return context, page


async def act(page, base: str, rng: random.Random, name: str, action, who: str, tally: Tally) -> bool:
    """One timed action; anything going wrong (timeout, exception, broken page) is recorded as an error."""
    started = time.monotonic()
    try:
        await action(page, base, rng)
        problems = await page_problems(page)
    except Exception as error:
        problems = [f"{type(error).__name__}: {str(error).splitlines()[0][:200]} (at {page.url})"]
    tally.errors.extend((who, name, problem) for problem in problems)
    if not problems:
        if who == "warm-up":
            tally.alone[name] = time.monotonic() - started
        else:
            tally.timings[name].append(time.monotonic() - started)
    return not problems


@dataclass
class Arrivals:
    """Counts readers on the map; once all are in (or failed to get in), the load proper runs `seconds`."""
    expected: int
    seconds: float
    count: int = 0
    deadline: float = math.inf
    all_in: asyncio.Event = field(default_factory=asyncio.Event)

    def arrived(self) -> None:
        self.count += 1
        if self.count == self.expected:
            self.deadline = time.monotonic() + self.seconds
            self.all_in.set()


async def reader(browser, base: str, index: int, timeout: int, tally: Tally, arrivals: Arrivals) -> int:
    """One reader: arrives on the map, waits until all readers are in (so the server holds them all at once),
    then loops through the actions until the deadline; returns the loops completed."""
    await asyncio.sleep(index * RAMP_SECONDS)
    who, doing, rng, loops = f"session {index + 1}", {"action": ARRIVAL[0]}, random.Random(index), 0
    context, page = await new_reader(browser, timeout, tally, who, doing)
    try:
        arrived = await act(page, base, rng, *ARRIVAL, who, tally)
        arrivals.arrived()
        await arrivals.all_in.wait()
        # Readers start the loop at different actions (never at "back to the map": they are on it), so even a
        # short run times every action.
        first = index % (len(LOOP) - 1)
        while arrived and time.monotonic() < arrivals.deadline:
            for name, action in LOOP[first:] + LOOP[:first]:
                await asyncio.sleep(rng.uniform(*THINK_SECONDS))
                if time.monotonic() >= arrivals.deadline:
                    return loops
                doing["action"] = name
                if not await act(page, base, rng, name, action, who, tally):
                    return loops
            loops += 1
        return loops
    finally:
        doing["action"] = "closing"
        await context.close()


async def warm_up(browser, base: str, timeout: int, tally: Tally) -> None:
    """One reader goes through every action twice, each time in a fresh context, before the load: the first
    pass fills the server's caches, the second gives each action's time for a reader alone."""
    rng = random.Random(-1)
    for _ in range(2):
        doing = {"action": "warm-up"}
        context, page = await new_reader(browser, timeout, tally, "warm-up", doing)
        for name, action in [ARRIVAL, *LOOP]:
            doing["action"] = name
            if not await act(page, base, rng, name, action, "warm-up", tally):
                break
            await asyncio.sleep(1)
        await context.close()


# --- the run -----------------------------------------------------------------------------------

def script_runs(run_log: Path, start: int) -> dict[str, list[float]]:
    """Server seconds per script run, by page, from the run log written after byte `start`."""
    runs = defaultdict(list)
    text = run_log.read_bytes()[start:].decode() if run_log.exists() else ""
    for line in text.splitlines():
        page, _, seconds = line.partition("\t")
        runs[page].append(float(seconds))
    return runs


async def load(args, base: str, server_pid: int, run_log: Path) -> dict:
    """Warm up, take the baseline, run the readers while sampling the server, then sample once more."""
    tally, run = Tally(), {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        run["chromium"] = browser.version
        run["cold_rss"] = usage(process_tree(server_pid))[0]
        await warm_up(browser, base, args.timeout, tally)
        await asyncio.sleep(3)
        run["baseline_rss"], server_cpu = usage(process_tree(server_pid))
        own_cpu, busy, run["load_average"] = usage(load_generator(server_pid))[1], machine_busy(), os.getloadavg()[0]
        logged = run_log.stat().st_size if run_log.exists() else 0
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_server(base, server_pid, stop, tally))
        started, arrivals = time.monotonic(), Arrivals(args.sessions, args.seconds)

        async def sample_all_in() -> None:
            """The server with every reader connected and on the map: the clean memory-per-session point."""
            await arrivals.all_in.wait()
            run["all_in_at"], run["all_in_rss"] = time.monotonic() - started, usage(process_tree(server_pid))[0]
            run["all_in_active"] = (await asyncio.to_thread(server_sessions, base))[0]

        sampler = asyncio.create_task(sample_all_in())
        loops = await asyncio.gather(*(reader(browser, base, i, args.timeout, tally, arrivals)
                                       for i in range(args.sessions)))
        run["duration"] = time.monotonic() - started
        await sampler
        run["server_cpu"] = usage(process_tree(server_pid))[1] - server_cpu
        run["browser_cpu"] = usage(load_generator(server_pid))[1] - own_cpu
        run["machine_cpu"] = machine_busy() - busy
        run["script_runs"] = script_runs(run_log, logged)
        stop.set()
        await watcher
        await browser.close()
    await asyncio.sleep(args.settle)
    run["after_rss"] = usage(process_tree(server_pid))[0]
    run["after_active"], run["connects"] = server_sessions(base)
    run.update(timings=tally.timings, alone=tally.alone, errors=tally.errors, known_probes=tally.known_probes,
               loops=sum(loops), completed=sum(map(len, tally.timings.values())), peak_rss=tally.peak["rss"],
               peak_active=tally.peak["active"], unanswered=tally.peak["unanswered"])
    return run


# --- the report --------------------------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: an observed value, honest with few samples."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def latency_row(label: str, values: list[float], extra: str = "") -> str:
    """`| label | n | median | p90 | max |extra`, with dashes when nothing was measured."""
    if not values:
        return f"| {label} | 0 | – | – | – |{extra}"
    return (f"| {label} | {len(values)} | {percentile(values, 0.5):.2f} | {percentile(values, 0.9):.2f} "
            f"| {max(values):.2f} |{extra}")


def seconds_or_dash(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def report(run: dict) -> str:
    """The results as Markdown, with the scaling notes computed from this run's own numbers."""
    sessions, duration, timings = run["sessions"], run["duration"], run["timings"]
    per_session = (run["peak_rss"] - run["baseline_rss"]) / sessions
    cpu_per_action = run["server_cpu"] / max(1, run["completed"])
    others = max(0.0, run["machine_cpu"] - run["server_cpu"] - run["browser_cpu"])
    busy_share = run["machine_cpu"] / duration / os.cpu_count()
    all_runs = [seconds for values in run["script_runs"].values() for seconds in values]
    actions = [latency_row(name, timings[name], f" {seconds_or_dash(run['alone'].get(name))} | "
                                                f"{sum(1 for e in run['errors'] if e[1] == name)} |")
               for name, _ in ACTIONS]
    runs = [latency_row(f"`/{page}`" if page != "map" else "`/` (map)", values)
            for page, values in sorted(run["script_runs"].items())] or ["| (no run log: app.py has no run timer) |"]
    errors = [f"- {who}, {action}: {what}" for who, action, what in run["errors"][:30]] or ["- none"]
    if len(run["errors"]) > 30:
        errors.append(f"- … and {len(run['errors']) - 30} more")

    all_in = (f"{run['all_in_active']} sessions active on the server {run['all_in_at']:.0f} s into the load"
              if "all_in_rss" in run else "not reached before the deadline")

    def fits(megabytes: float) -> int:
        return int((megabytes - run["baseline_rss"]) / per_session) if per_session > 0 else 0

    def cores(seconds: float) -> str:
        return f"{seconds:.0f} | {seconds / duration:.2f}"

    def median(values: list[float]) -> str:
        return f"{percentile(values, 0.5):.2f} s" if values else "–"

    return "\n".join([
        "# Load test: concurrent browser sessions on one server",
        "",
        f"Written by `make load` (`python -m bench.load --sessions {sessions} --seconds {run['seconds']} "
        f"--timeout {run['timeout']}`).",
        "",
        f"- Date: {run['date']}",
        f"- Machine: {os.cpu_count()} cores, {run['ram_gib']:.1f} GiB RAM, {platform.platform()}, "
        f"Python {platform.python_version()}, Streamlit {version('streamlit')}; 1-minute load average "
        f"{run['load_average']:.1f} when the load started",
        f"- Browser: Debian chromium {run['chromium']}, one headless process, one browser context per session "
        "(own cache, cookies and websocket), requests outside 127.0.0.1 cut",
        f"- Sessions: {sessions}, arriving {RAMP_SECONDS} s apart; each opens the map (a full page load) and waits "
        f"until all {sessions} are in ({all_in}); then for {run['seconds']} s they all loop through: "
        + ", ".join(name for name, _ in LOOP) + f" (each reader starting at a different one), with "
        f"{THINK_SECONDS[0]:.0f}–{THINK_SECONDS[1]:.0f} s pauses before each action; an error ends that reader",
        f"- Duration: {duration:.0f} s of load in all (arrivals, {run['seconds']} s together, then the actions in "
        f"flight finish); timeout {run['timeout']} s for any one wait",
        f"- Actions completed: {run['completed']} ({run['loops']} full loops); websocket sessions opened on the "
        f"server: {run['connects']}; most sessions active at once (server's /_stcore/metrics): {run['peak_active']}",
        f"- Errors: **{len(run['errors'])}**",
        "",
        "## Response time per action, in the browser",
        "",
        "Seconds from the start of the action until its result is on screen; page loads include the browser "
        "booting Streamlit's frontend and Leaflet drawing 230+ shapes. 'alone' is the same action by a single "
        "reader in a fresh browser context just before the load, on a warm server.",
        "",
        "| action | n | median | p90 | max | alone | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *actions,
        "",
        "## Server time per script run",
        "",
        "Seconds the server spent in each script run during the load (app.py's run timer, "
        "`CANADA_ABROAD_RUN_LOG`): every page load, click and filter change is one or more runs.",
        "",
        "| page | runs | median | p90 | max |",
        "| --- | ---: | ---: | ---: | ---: |",
        *runs,
        "",
        "## Errors",
        "",
        "Counted: timeouts, exceptions shown in the page, console errors, page errors, failed page loads and "
        "requests, 'Connection error' notices, requests outside the app, tracebacks in the server's output.",
        "",
        *errors,
        "",
        f"Not counted: {run['known_probes']} × HTTP 404 on `<page>/_stcore/health` or `<page>/_stcore/host-config` "
        "when a page other than the map is opened directly: Streamlit's client probes the page's path as a "
        "possible base path before the root (streamlit/streamlit#7074); the page then loads normally. "
        f"The server's /_stcore/metrics did not answer within 5 s {run['unanswered']} times in the twice-a-second "
        "samples.",
        "",
        "## Server memory (the `streamlit run` process tree, VmRSS from /proc)",
        "",
        "| when | RSS (MiB) |",
        "| --- | ---: |",
        f"| just started | {run['cold_rss']:.0f} |",
        f"| baseline (after one warm-up reader filled the caches) | {run['baseline_rss']:.0f} |",
        *([f"| all {sessions} readers on the map ({run['all_in_active']} active sessions) | {run['all_in_rss']:.0f} |"]
          if "all_in_rss" in run else []),
        f"| peak during the load | {run['peak_rss']:.0f} |",
        f"| {run['settle']} s after all sessions closed ({run['after_active']} still active) | {run['after_rss']:.0f} |",
        "",
        f"Memory per session: ({run['peak_rss']:.0f} − {run['baseline_rss']:.0f}) / {sessions} = "
        f"**{per_session:.1f} MiB**. It stays near the peak after the sessions close: Streamlit keeps a "
        "disconnected session two minutes (up to 128) so a reader whose connection blips can resume, and CPython "
        "rarely hands freed memory back. Each full page load is a new session, so the peak also holds sessions "
        "left moments earlier, as in real use.",
        "",
        "## CPU during the load",
        "",
        "| who | CPU seconds | cores on average |",
        "| --- | ---: | ---: |",
        f"| server (`streamlit run app.py`) | {cores(run['server_cpu'])} |",
        f"| load generator (Playwright and chromium, {sessions} contexts) | {cores(run['browser_cpu'])} |",
        f"| other processes on this machine | {cores(others)} |",
        f"| whole machine ({os.cpu_count()} cores) | {cores(run['machine_cpu'])} |",
        "",
        f"Server CPU per completed action: **{cpu_per_action:.2f} s** (page loads included: the server also sends "
        f"each new browser Streamlit's frontend). The cores were {busy_share:.0%} busy and the browsers used "
        f"{run['browser_cpu'] / max(run['server_cpu'], 0.01):.1f}× the server's CPU on them, so every time above, "
        "the script runs' too, includes waiting for a core: they are what this machine shows, not what the "
        "server alone would do. The server's own cost is its CPU seconds and memory.",
        "",
        "## When one server is not enough",
        "",
        f"A Streamlit session is a long-lived websocket bound to the process that holds its state, so one server "
        f"process is the unit of capacity. Here one process held {sessions} concurrent readers with "
        f"{len(run['errors']) or 'no'} errors, at about {per_session:.1f} MiB per session above a "
        f"{run['baseline_rss']:.0f} MiB baseline, {cpu_per_action:.2f} CPU seconds per reader action and a median "
        f"script run of {median(all_runs)}. Sizing follows from those numbers:",
        "",
        f"- Memory: baseline + sessions × {per_session:.1f} MiB. A 1 GiB replica holds about {fits(1024)} "
        f"sessions by memory, 2 GiB about {fits(2048)}; leave headroom for uploads (a 5 MB CSV is parsed per "
        "session). Memory is not what runs out first.",
        f"- CPU: a replica is one Python process whose script reruns share one GIL, so it does at most about one "
        f"core of work: about {1 / max(cpu_per_action, 0.01):.1f} reader actions per second. If each reader acts "
        f"every 20 s, that is about {20 / max(cpu_per_action, 0.01):.0f} active readers per replica before their "
        "clicks queue. Run one replica per core rather than one big process.",
        "- Several replicas sit behind a load balancer with session affinity (sticky cookie or IP hash) and "
        "websocket upgrades, because a reconnecting reader must reach the replica that holds its session. Each "
        "replica has its own `st.cache_data`/`st.cache_resource` (geometry, dataset), paid once per replica, not "
        "per session; and since every view is a link (`?country=…&type=…`), a reader moved to another replica "
        "after a restart reopens the same view.",
        "- Static files (Streamlit's JavaScript bundle, `/app/static/`: Leaflet and the country outlines) are the "
        "same for every reader and can be served and cached by a reverse proxy or CDN in front of the replicas; "
        "the websockets cannot.",
        f"- Streamlit Community Cloud runs one container per app, with no replicas, documented (February 2024, "
        f"\"may change without notice\") as 0.078–2 cores and 690 MB–2.7 GB of memory: by memory roughly "
        f"{fits(690)}–{fits(2700)} sessions, but it is one process, so the CPU line above is the real limit, and "
        "lower when the container gets a fraction of a core. Beyond that, run the same repository as a container "
        "(`streamlit run app.py`) on a platform with several replicas and sticky sessions.",
        "",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--seconds", type=int, default=90,
                        help="how long all sessions act together, once all are in (default 90)")
    parser.add_argument("--timeout", type=int, default=180, help="seconds any one wait may take (default 180)")
    parser.add_argument("--settle", type=int, default=15, help="seconds after closing before the last sample")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: run `make chromium`")
    with tempfile.TemporaryDirectory() as scratch, open(Path(scratch) / "server.log", "w+") as log:
        run_log = Path(scratch) / "runs.tsv"
        base, process = start_server(log, run_log)
        try:
            run = asyncio.run(load(args, base, process.pid, run_log))
        finally:
            stop(process)
        log.seek(0)
        tracebacks = log.read().count("Traceback")
    if tracebacks:
        run["errors"].append(("server", "log", f"{tracebacks} Python traceback(s) in the server's output"))
    meminfo = Path("/proc/meminfo").read_text().split()
    run.update(sessions=args.sessions, seconds=args.seconds, timeout=args.timeout, settle=args.settle,
               date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
               ram_gib=int(meminfo[meminfo.index("MemTotal:") + 1]) / 2**20)
    text = report(run)
    RESULTS.write_text(text)
    print(text)
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 1 if run["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
