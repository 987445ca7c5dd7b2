"""Run deploy/haproxy.cfg, as it is, in front of replicas given by address (for make cluster and the tests)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

HAPROXY_CFG = Path(__file__).with_name("haproxy.cfg")
HAPROXY = "/usr/sbin/haproxy"
COOKIE = "CANADA_ABROAD_REPLICA"
REPLICAS = 3  # server lines in haproxy.cfg


def haproxy_binary() -> str | None:
    return shutil.which("haproxy") or (HAPROXY if Path(HAPROXY).exists() else None)


def haproxy_env(bind: str, replicas: Sequence[str]) -> dict[str, str]:
    """The environment deploy/haproxy.cfg reads its addresses from."""
    if len(replicas) != REPLICAS:
        raise ValueError(f"deploy/haproxy.cfg has {REPLICAS} server lines; got {len(replicas)} addresses")
    return {"HAPROXY_BIND": bind, **{f"APP{i}": address for i, address in enumerate(replicas, start=1)}}


def check_config(bind: str, replicas: Sequence[str]) -> subprocess.CompletedProcess:
    return subprocess.run([haproxy_binary() or HAPROXY, "-c", "-f", str(HAPROXY_CFG)], capture_output=True, text=True,
                          env={**os.environ, **haproxy_env(bind, replicas)}, timeout=30)


def start_haproxy(port: int, replicas: Sequence[str], log=subprocess.DEVNULL,
                  timeout: float = 30) -> subprocess.Popen:
    """HAProxy in the foreground (-db) on 127.0.0.1:port; returns once it accepts connections."""
    binary = haproxy_binary()
    if binary is None:
        raise RuntimeError("haproxy is not installed: run `make haproxy`")
    process = subprocess.Popen([binary, "-db", "-f", str(HAPROXY_CFG)],
                               env={**os.environ, **haproxy_env(f"127.0.0.1:{port}", replicas)},
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("haproxy did not start listening") from None
            time.sleep(0.05)  # polling a process that is starting; there is nothing to wait on instead


def stop_haproxy(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
    process.wait(timeout=30)
