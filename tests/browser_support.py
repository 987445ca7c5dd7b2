"""Helpers for tests and benchmarks that drive the app in a real browser.

Start and stop a `streamlit run` server, Debian's chromium with its flags, a browser context that
cannot reach the internet, waiting for the map to be painted and for a script run to end, and a
first visit with its bytes counted. The benchmark (bench/) imports these; tests never import bench/.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from canada_abroad.assets import leaflet_source_dir

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The app's root once the last script run has finished and its elements have arrived.
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
# By its address: the map gives its frame a title for screen readers (map.js), so the title is no handle.
MAP_FRAME = "iframe[src*='streamlit_folium.st_folium']"
MIN_SHAPES = 230
# Requests a browser with no internet may still make: the app itself and what the page makes up.
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")

# The benchmark's floor page (bench/floor_app.py) draws only this many shapes.
FLOOR_SHAPES = 60


def shapes_js(min_shapes: int = MIN_SHAPES) -> str:
    """JavaScript run in the app's page: it reaches into the map iframe (same origin). The fills of the
    countries once at least `min_shapes` outlines are drawn and coloured, else null."""
    return f"""() => {{
    const frame = document.querySelector("{MAP_FRAME}");
    const doc = frame && frame.contentDocument;
    if (!doc) return null;
    const paths = doc.querySelectorAll("path.leaflet-interactive");
    if (paths.length < {min_shapes}) return null;
    // The product colours countries in a second step; the naive and floor pages draw them coloured.
    const styled = !doc.defaultView.canadaAbroadGeometry || (doc.defaultView.canadaAbroadStyleRuns || 0) > 0;
    return styled ? Array.from(paths, p => p.getAttribute("fill")).join() : null;
}}"""


SHAPES_JS = shapes_js()
PAINTED_JS = f"() => ({SHAPES_JS})() !== null"
NEXT_FRAME_JS = "() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(script: str, env: dict[str, str] | None = None, output=subprocess.DEVNULL,
                    start_timeout: float = 120, cwd: Path = ROOT, base_path: str = "") -> tuple[str, subprocess.Popen]:
    """`streamlit run <script>` from `cwd` (the repo root, or another checkout of it) on a free port, in its own
    process group; (base URL, process). With `base_path` (server.baseUrlPath) the URL ends with it."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, f"--server.port={port}", "--server.address=127.0.0.1",
         "--server.headless=true", "--browser.gatherUsageStats=false",
         *([f"--server.baseUrlPath={base_path}"] if base_path else [])],
        cwd=cwd, env={**os.environ, "PYTHONPATH": str(cwd), **(env or {})},
        stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}" + (f"/{base_path.strip('/')}" if base_path else "")
    deadline = time.monotonic() + start_timeout
    while True:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).status == 200:
                return url, process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(process)
                raise RuntimeError(f"streamlit run {script} did not answer /_stcore/health") from None
            time.sleep(0.2)  # polling a process that is starting; there is nothing to wait on instead


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


@contextmanager
def streamlit_server(script: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Iterator[str]:
    """A running `streamlit run <script>` (in `cwd`, the repo or another checkout of it) for the duration of a
    with-block; yields its base URL."""
    url, process = start_streamlit(script, env, cwd=cwd)
    try:
        yield url
    finally:
        stop(process)


def chromium_version() -> str:
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except OSError:
        return "unknown"


def cut_off_internet(context) -> list[str]:
    """Abort every request that leaves the app, as with no internet; returns the list of what was asked for."""
    outside: list[str] = []

    def only_localhost(route):
        if route.request.url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_localhost)
    return outside


def map_frame(page):
    """The map's iframe, once its country outlines are drawn and coloured (clicks before that hit the sea)."""
    page.wait_for_selector(MAP_FRAME, timeout=60_000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.leaflet-interactive").nth(100).wait_for(state="attached", timeout=60_000)
    page.wait_for_function(f"""() => {{ const f = document.querySelector("{MAP_FRAME}");
        return !!(f && f.contentWindow && f.contentWindow.canadaAbroadStyleRuns > 0); }}""", timeout=60_000)
    return frame


def wait_until_idle(page) -> None:
    """Wait until the script run the last action started has finished and its elements have arrived.

    A download button's file is made on click from a callable that Streamlit registers per run; a click
    on the button drawn by the previous run, while a new run is replacing it, asks for a revoked file
    and no download happens. Call this after something that became visible during a run (a heading).
    """
    page.locator(APP_IDLE).wait_for(timeout=60_000)


def click_map_at(page, frame, js_point: str) -> None:
    """Click the map iframe at the container point the given JS expression returns."""
    handle = page.locator(MAP_FRAME)
    # Wholly in view first: a click on a frame that is partly below the fold scrolls the page, and the
    # click would land above the point asked for.
    handle.scroll_into_view_if_needed()
    point = frame.locator("#map_div").evaluate(f"() => {{ const p = {js_point}; return [p.x, p.y]; }}")
    box = handle.bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])


@dataclass
class Visit:
    seconds: float
    framework_bytes: int = 0
    page_bytes: int = 0
    boot_seconds: float = float("nan")  # navigation to the websocket opening: Streamlit's shell, before any app code


def _answer_cdn(route, counted: list[int]) -> None:
    """Stand in for the internet on the naive page: Leaflet from the local copy, anything else empty."""
    url = route.request.url
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if name in ("leaflet.js", "leaflet.css"):
        body = (leaflet_source_dir() / name).read_bytes()
        counted.append(len(body))
        route.fulfill(status=200, body=body, content_type="text/css" if name.endswith(".css") else "text/javascript")
    elif name.endswith(".css"):
        route.fulfill(status=200, body="", content_type="text/css")
    elif name.endswith(".js"):
        route.fulfill(status=200, body="", content_type="text/javascript")
    else:  # map tiles: offline, as for the product
        route.abort()


def open_page(browser, url: str, kind: str, timeout_ms: int):
    """A fresh profile (empty cache) on `url`; returns (context, page, Visit) once the map is painted.

    `kind` "naive" and "floor" answer their pages' CDN requests locally (bench/naive_app.py, bench/floor_app.py;
    the floor page is painted with its FLOOR_SHAPES squares); "product" (and a baseline checkout of it) cuts them.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    context.set_default_timeout(timeout_ms)
    cdn_bytes: list[int] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(LOCAL_PREFIXES) else
                  (_answer_cdn(route, cdn_bytes) if kind in ("naive", "floor") else route.abort()))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    http: dict[str, int] = {}
    websocket = [0]
    moments: dict[str, float] = {}
    cdp.on("Network.requestWillBeSent", lambda e: (urls.__setitem__(e["requestId"], e["request"]["url"]),
                                                   moments.setdefault("navigation", e["timestamp"])))
    cdp.on("Network.webSocketWillSendHandshakeRequest", lambda e: moments.setdefault("websocket", e["timestamp"]))
    cdp.on("Network.loadingFinished", lambda e: http.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived", lambda e: websocket.__setitem__(
        0, websocket[0] + len(e["response"]["payloadData"].encode("utf-8"))))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    painted = f"() => ({shapes_js(FLOOR_SHAPES)})() !== null" if kind == "floor" else PAINTED_JS
    page.wait_for_function(painted, polling="raf")
    page.evaluate(NEXT_FRAME_JS)
    seconds = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    framework = sum(size for rid, size in http.items() if urls.get(rid, "").split("127.0.0.1", 1)[-1].split(
        "/", 1)[-1].startswith("static/"))
    rest = sum(http.values()) - framework + websocket[0] + sum(cdn_bytes)
    boot = moments["websocket"] - moments["navigation"] if len(moments) == 2 else float("nan")
    return context, page, Visit(seconds, framework, rest, boot)
