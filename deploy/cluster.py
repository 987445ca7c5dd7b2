"""`make cluster`: three replicas of the app and HAProxy (deploy/haproxy.cfg, as deployed) on this machine.

Prints the address, runs until Ctrl-C or SIGTERM, then stops every process it started.
CLUSTER_PORT (default 8080) is where readers connect.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from deploy.balancer import REPLICAS, start_haproxy, stop_haproxy
from tests.browser_support import start_streamlit, stop

# Nothing edits the scripts while a cluster runs: no file watcher on each replica.
REPLICA_ENV = {"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"}


@dataclass
class Replica:
    name: str  # the value of HAProxy's cookie for it (app1, app2, ...)
    url: str
    process: subprocess.Popen
    log: Path

    def kill(self) -> None:
        """As a crash: SIGKILL, no goodbye to its browsers."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)


@dataclass
class Cluster:
    url: str
    replicas: dict[str, Replica] = field(default_factory=dict)
    haproxy_log: Path | None = None


@contextmanager
def cluster(port: int, log_dir: Path, script: str = "app.py", env: dict[str, str] | None = None):
    """Replicas started in parallel (each takes seconds to boot), then HAProxy in front of them."""
    with ExitStack() as stack:
        started: dict[str, tuple[str, subprocess.Popen, Path]] = {}
        errors: list[BaseException] = []

        def boot(name: str) -> None:
            log = log_dir / f"{name}.log"
            try:
                url, process = start_streamlit(script, {**REPLICA_ENV, **(env or {})}, output=log.open("w"),
                                               start_timeout=180)
                started[name] = (url, process, log)
            except BaseException as error:  # reported below, after every boot has ended
                errors.append(error)

        names = [f"app{i}" for i in range(1, REPLICAS + 1)]
        threads = [threading.Thread(target=boot, args=(name,)) for name in names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for name in names:
            if name in started:
                stack.callback(stop, started[name][1])
        if errors:
            raise errors[0]
        haproxy_log = log_dir / "haproxy.log"
        balancer = start_haproxy(port, [started[name][0].removeprefix("http://") for name in names],
                                 log=haproxy_log.open("w"))
        stack.callback(stop_haproxy, balancer)
        result = Cluster(f"http://127.0.0.1:{port}", haproxy_log=haproxy_log)
        for name in names:
            url, process, log = started[name]
            result.replicas[name] = Replica(name, url, process, log)
        yield result


def main() -> int:
    port = int(os.environ.get("CLUSTER_PORT", "8080"))
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    log_dir = Path(tempfile.mkdtemp(prefix="canada-abroad-cluster-"))
    print(f"starting {REPLICAS} replicas and HAProxy (logs in {log_dir})", flush=True)
    with cluster(port, log_dir) as running:
        for replica in running.replicas.values():
            print(f"  {replica.name}: {replica.url} (pid {replica.process.pid})")
        print(f"\nOpen {running.url}/  (Ctrl-C stops everything)", flush=True)
        try:
            done.wait()
        except KeyboardInterrupt:
            pass
        print("stopping HAProxy and the replicas", flush=True)
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
