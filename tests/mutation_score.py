"""`make mutation`'s report: mutmut's results per domain module, as a score.

Run from the repository root after `mutmut run` (it reads `mutmut results --all true`). The score of a
module is killed (or timed out) mutants over the mutants that tests could kill: survivors listed in
tests/mutation_equivalents.txt (one per line: `mutant name  # why it behaves like the original`) are
left out, and so are mutants no fast test runs ("no tests"), which are counted on their own.
Exits 1 when filters, measures or view_state score below 90%.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

EQUIVALENTS = Path(__file__).with_name("mutation_equivalents.txt")
TARGETS = {"canada_abroad.filters": 90.0, "canada_abroad.measures": 90.0, "canada_abroad.view_state": 90.0}
_LINE = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+)$")


def equivalents(path: Path = EQUIVALENTS) -> dict[str, str]:
    """Mutant name -> why it is equivalent (lines without a reason are an error: say why)."""
    found = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, reason = line.partition("#")
        if not reason.strip():
            raise SystemExit(f"{path.name} line {number}: say why {name.strip()} is equivalent (after a #)")
        found[name.strip()] = reason.strip()
    return found


def module_of(mutant: str) -> str:
    """canada_abroad.filters.x_apply_filters__mutmut_3 -> canada_abroad.filters (methods: xǁClassǁname)."""
    return re.split(r"\.x[_ǁ]", mutant, maxsplit=1)[0]


def scores(results: str, equivalent: dict[str, str]) -> dict[str, Counter]:
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in results.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        name, status = match["name"], match["status"].strip()
        if status == "survived" and name in equivalent:
            status = "equivalent"
        by_module[module_of(name)][status] += 1
    return by_module


def main() -> int:
    results = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True,
                             text=True, check=True).stdout
    by_module = scores(results, equivalents())
    failed = False
    print(f"{'module':38} {'killed':>7} {'survived':>9} {'equiv.':>7} {'no test':>8} {'score':>7}")
    for module in sorted(by_module):
        counts = by_module[module]
        if sum(counts.values()) == counts["not checked"]:  # outside this run's MUTANTS
            continue
        killed = counts["killed"] + counts["timeout"]
        testable = killed + counts["survived"] + counts["suspicious"]
        score = 100.0 * killed / testable if testable else 100.0
        target = TARGETS.get(module)
        mark = "" if target is None else (" (target 90%: met)" if score >= target else " (target 90%: NOT MET)")
        failed |= target is not None and score < target
        print(f"{module:38} {killed:7} {counts['survived']:9} {counts['equivalent']:7} {counts['no tests']:8} "
              f"{score:6.1f}%{mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
