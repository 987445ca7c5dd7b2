"""`make load-protocol`: many readers of the map page without browsers, through HAProxy, for 1, 2 and 3 replicas.

Each simulated reader opens Streamlit's websocket (/_stcore/stream) through deploy/haproxy.cfg, as the
frontend does, and sends the same BackMsg `rerun_script` messages the frontend sends (protobuf classes
shipped with streamlit): the first run of the map page, then clicks on countries (the map component's
value, shaped as streamlit-folium sends it) and filter changes (the search box). Each reader waits for
`script_finished` and sends its next action at once (no think time), so the figures are what the
replicas can do at most. The load generator's own CPU is reported too: on a small machine it competes
with the replicas.

Per replica count it reports script runs per second, latency percentiles (send to script_finished) and
server CPU per run (the replicas' user+system time from /proc over the runs finished), first for clicks
only, then for a mix of clicks and filter changes. Results go to stdout and bench/protocol-load-results.md.

`--baseline REF` also measures a checkout of REF (e.g. a commit before a speed-up) in the same run, so
CPU per click can be compared on the same machine at the same moment.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from deploy.balancer import COOKIE, REPLICAS, start_haproxy, stop_haproxy
from tests.browser_support import ROOT, free_port, start_streamlit, stop

RESULTS = Path(__file__).with_name("protocol-load-results.md")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# A closed port: HAProxy's check finds it refused and leaves that server line out (for fewer than 3 replicas).
UNUSED_SERVER = "127.0.0.1:9"
# Countries clicked in turn: (ISO3, a point inside it).
CLICKS = [("LVA", (56.9, 24.6)), ("COD", (-3.0, 23.5)), ("AFG", (34.0, 66.0)), ("UKR", (49.0, 32.0)),
          ("HTI", (19.0, -72.5)), ("MLI", (17.0, -2.0))]
SEARCHES = ["latvia", "", "peace", ""]
WIDGET_SUFFIXES = {"search": "-w_q"}
MAP_COMPONENT = "component_instance"


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def click_geometry(iso3: str) -> dict:
    """The clicked country's outline as the browser would send it back (coordinates at 2 decimals)."""
    features = json.loads((ROOT / "geo" / "countries.geojson").read_text(encoding="utf-8"))["features"]
    for feature in features:
        if feature["properties"].get("iso3") == iso3:
            def rounded(value):
                return [rounded(v) for v in value] if isinstance(value, list) else round(value, 2)
            return {"type": feature["geometry"]["type"], "coordinates": rounded(feature["geometry"]["coordinates"])}
    raise KeyError(iso3)


@dataclass
class Outcome:
    kind: str  # "first", "click" or "search"
    seconds: float
    ok: bool


class Reader:
    """One simulated browser session on the map page."""

    def __init__(self, base: str, number: int, geometries: dict[str, dict]):
        self.base = base
        self.number = number
        self.geometries = geometries
        self.widgets: dict[str, str] = {}  # our name -> widget id, learnt from the elements the server sends
        self.states: dict[str, BackMsg] = {}
        self.page_script_hash = ""
        self.query = ""
        self.step = number  # readers start at different points of the cycle

    def cookie(self) -> str:
        """Ask the balancer once, as the page's first request does, for the replica cookie."""
        with urllib.request.urlopen(self.base + "/_stcore/health", timeout=30) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                if header.startswith(COOKIE + "="):
                    return header.split(";", 1)[0]
        return ""

    def message(self) -> bytes:
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_script_hash
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-CA"
        state.context_info.url = self.base + "/"
        for widget in self.states.values():
            state.widget_states.widgets.append(widget)
        return back.SerializeToString()

    def set_search(self, text: str) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState
        self.states["search"] = WidgetState(id=self.widgets["search"], string_value=text)

    def set_click(self, iso3: str, point: tuple[float, float]) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState
        self.step += 1
        lat, lng = point[0] + (self.step % 7) * 0.01, point[1]  # a new point each time, as real clicks are
        value = {"last_clicked": {"lat": lat, "lng": lng}, "last_object_clicked": {"lat": lat, "lng": lng},
                 "last_active_drawing": {"type": "Feature", "properties": {"iso3": iso3, "name": iso3},
                                         "geometry": self.geometries[iso3]}}
        self.states["map"] = WidgetState(id=self.widgets["map"], json_value=json.dumps(value, separators=(",", ":")))

    async def run_once(self, socket) -> bool:
        """Send the current state and read until the run finishes; learn widget ids on the way."""
        await socket.send(self.message())
        ok = True
        while True:
            message = ForwardMsg()
            message.ParseFromString(await socket.recv())
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = message.new_session.page_script_hash
            elif kind == "page_info_changed":
                self.query = message.page_info_changed.query_string
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                element_type = element.WhichOneof("type")
                if element_type == "exception":
                    ok = False
                inner = getattr(element, element_type)
                widget_id = getattr(inner, "id", "")
                if element_type == MAP_COMPONENT and widget_id:
                    self.widgets["map"] = widget_id
                for name, suffix in WIDGET_SUFFIXES.items():
                    if widget_id.endswith(suffix):
                        self.widgets[name] = widget_id
            elif kind == "script_finished":
                if message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return ok
                if message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return False  # e.g. a compile error; a rerun requested by the page (st.rerun) goes on

    async def run(self, deadline: float, actions: str, outcomes: list[Outcome]) -> None:
        cookie = await asyncio.to_thread(self.cookie)
        ws_url = self.base.replace("http://", "ws://") + "/_stcore/stream"
        async with connect(ws_url, subprotocols=["streamlit"], additional_headers={"Cookie": cookie},
                           max_size=None, open_timeout=60) as socket:
            start = time.perf_counter()
            outcomes.append(Outcome("first", time.perf_counter() - start, await self.run_once(socket)))
            while time.perf_counter() < deadline:
                self.step += 1
                if actions == "click" or self.step % 2:
                    iso3, point = CLICKS[self.step % len(CLICKS)]
                    self.set_click(iso3, point)
                    kind, expected = "click", f"country={iso3}"
                else:
                    text = SEARCHES[(self.step // 2) % len(SEARCHES)]
                    self.set_search(text)
                    kind, expected = "search", f"q={text}" if text else ""
                start = time.perf_counter()
                ok = await self.run_once(socket)
                seconds = time.perf_counter() - start
                # The page writes the view into the link: a click that did not select its country is an error.
                ok = ok and (expected in self.query.split("&") if expected else "q=" not in self.query)
                outcomes.append(Outcome(kind, seconds, ok))


@dataclass
class Phase:
    label: str
    replicas: int
    actions: str
    seconds: float
    outcomes: list[Outcome] = field(default_factory=list)
    server_cpu: float = 0.0
    generator_cpu: float = 0.0

    def timed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.kind != "first"]


async def drive(base: str, readers: int, seconds: float, warmup: float, actions: str,
                geometries: dict[str, dict], pids: list[int]) -> tuple[list[Outcome], float, float]:
    """Warm up, then measure for `seconds`: (outcomes inside the window, server CPU, generator CPU)."""
    loop_start = time.perf_counter()
    deadline = loop_start + warmup + seconds
    outcomes: list[Outcome] = []
    tasks = [asyncio.create_task(Reader(base, n, geometries).run(deadline, actions, outcomes)) for n in range(readers)]
    await asyncio.sleep(warmup)  # the load is running; this only waits for the measuring window
    counted = len(outcomes)
    cpu_before = sum(cpu_seconds(pid) for pid in pids)
    own_before = resource.getrusage(resource.RUSAGE_SELF)
    await asyncio.gather(*tasks)
    cpu_after = sum(cpu_seconds(pid) for pid in pids)
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    own = (own_after.ru_utime + own_after.ru_stime) - (own_before.ru_utime + own_before.ru_stime)
    # Runs finishing after the deadline are counted; their CPU is too (measured after the last one).
    return outcomes[counted:], cpu_after - cpu_before, own


@contextmanager
def replicas_behind_haproxy(count: int, root: Path, log_dir: Path) -> Iterator[tuple[str, list[int]]]:
    """`count` replicas of the app in `root` behind deploy/haproxy.cfg; (balancer URL, replica pids)."""
    processes, addresses = [], []
    try:
        for n in range(count):
            log = (log_dir / f"{root.name}-replica{n + 1}-of-{count}.log").open("w")
            url, process = start_streamlit("app.py", {"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"}, output=log,
                                           start_timeout=180, cwd=root)
            processes.append(process)
            addresses.append(url.removeprefix("http://"))
        addresses += [UNUSED_SERVER] * (REPLICAS - count)
        port = free_port()
        balancer = start_haproxy(port, addresses, log=(log_dir / f"haproxy-{count}.log").open("w"))
        try:
            yield f"http://127.0.0.1:{port}", [p.pid for p in processes]
        finally:
            stop_haproxy(balancer)
    finally:
        for process in processes:
            stop(process)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def summary_row(code: str, phase: Phase) -> str:
    timed = phase.timed()
    runs = len(timed)
    errors = sum(not o.ok for o in phase.outcomes)
    ms = [o.seconds * 1000 for o in timed]
    per_run = phase.server_cpu / runs * 1000 if runs else float("nan")
    return (f"| {code} | {phase.replicas} | {phase.actions} | {runs / phase.seconds:.1f} | {percentile(ms, 0.5):.0f} | "
            f"{percentile(ms, 0.9):.0f} | {percentile(ms, 0.99):.0f} | {per_run:.0f} | "
            f"{phase.generator_cpu / phase.seconds:.2f} | {errors} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=8, help="simulated sessions at once")
    parser.add_argument("--seconds", type=float, default=20, help="measuring window per phase")
    parser.add_argument("--warmup", type=float, default=5, help="seconds of load before each window")
    parser.add_argument("--replicas", default="1,2,3", help="replica counts to measure, e.g. 1,2,3")
    parser.add_argument("--actions", default="click,mixed", help="phases: click (clicks only), mixed")
    parser.add_argument("--baseline", help="also measure a checkout of this git ref (e.g. a commit before a change)")
    args = parser.parse_args()
    counts = [int(n) for n in args.replicas.split(",")]
    geometries = {iso3: click_geometry(iso3) for iso3, _ in CLICKS}
    log_dir = Path(tempfile.mkdtemp(prefix="canada-abroad-load-"))
    codes: dict[str, Path] = {"current": ROOT}
    if args.baseline:
        checkout = log_dir / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", str(checkout), args.baseline], cwd=ROOT, check=True,
                       capture_output=True)
        codes[f"baseline {args.baseline}"] = checkout
    rows = []
    try:
        for count in counts:
            for code, root in codes.items():
                with replicas_behind_haproxy(count, root, log_dir) as (base, pids):
                    for actions in args.actions.split(","):
                        phase = Phase(code, count, actions, args.seconds)
                        phase.outcomes, phase.server_cpu, phase.generator_cpu = asyncio.run(
                            drive(base, args.readers, args.seconds, args.warmup, actions, geometries, pids))
                        rows.append(summary_row(code, phase))
                        print(rows[-1], flush=True)
    finally:
        if args.baseline:
            subprocess.run(["git", "worktree", "remove", "--force", str(codes.popitem()[1])], cwd=ROOT,
                           capture_output=True)
    header = [
        "# Protocol-level load: runs per second, latency and CPU per run, by replica count",
        "",
        f"Run on {date.today().isoformat()} with `make load-protocol`: {platform.machine()}, {os.cpu_count()} cores "
        f"(shared with other work, so figures are noisy), Python {platform.python_version()}. {args.readers} "
        f"simulated readers on the map page through HAProxy (deploy/haproxy.cfg), each sending its next action as "
        f"soon as the last run finished; {args.warmup:.0f} s of warm-up, then {args.seconds:.0f} s measured per row. "
        "`click`: clicks on countries only; `mixed`: clicks and search changes alternating. Latency: from sending "
        "the rerun message to `script_finished`. CPU per run: the replicas' user+system CPU over the window "
        "divided by the runs finished in it. Generator cores: the load generator's own CPU (it shares the machine).",
        "",
        "| code | replicas | actions | runs/s | p50 ms | p90 ms | p99 ms | server CPU ms per run | generator cores "
        "| errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    text = "\n".join(header + rows) + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)} (replica logs in {log_dir})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
