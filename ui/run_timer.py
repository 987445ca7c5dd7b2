"""Server time of each script run, written to a file only when the benchmark asks for it.

`make bench` starts the app with CANADA_ABROAD_RUN_LOG=<file>; every run then
appends `<page url path>\t<seconds>` to that file. Without the variable this
costs one environment lookup per run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

RUN_LOG_ENV = "CANADA_ABROAD_RUN_LOG"


@contextmanager
def timed_run(page_path: str) -> Iterator[None]:
    log = os.environ.get(RUN_LOG_ENV)
    if not log:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        # Also on st.rerun()/st.stop(), which end a run by raising.
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{page_path or 'map'}\t{time.perf_counter() - start:.6f}\n")
