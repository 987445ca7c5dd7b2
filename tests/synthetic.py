"""Synthetic engagements for scale runs: valid rows of the real schema, clearly not real.

Each synthetic row copies a real row of data/engagements.csv (so the mix of
countries, sea areas, mission types and text lengths stays realistic), then
gets its own id, an operation name marked SYNTHETIC with a running number,
shifted dates, a scaled personnel figure and a nudged location. The output
passes the same validator as the bundled file; `make bench` checks that.

    .venv/bin/python -m tests.synthetic 100000 /tmp/synthetic.csv
"""

from __future__ import annotations

import argparse
import random
from datetime import date
from pathlib import Path

import pandas as pd

from canada_abroad.engagements import ENGAGEMENTS_PATH
from canada_abroad.schema import COLUMN_NAMES

OPERATIONS_PER_TEMPLATE = 40  # each real operation name is reused for this many synthetic operations


def _shift_date(text: str, years: int, last_year: int) -> str:
    """Move a YYYY[-MM[-DD]] date by whole years, keeping its precision."""
    if not text:
        return ""
    year = min(int(text[:4]) + years, last_year)
    rest = text[4:]
    if rest == "-02-29":  # not every year has one
        rest = "-02-28"
    return f"{year:04d}{rest}"


def synthetic_rows(count: int, seed: int = 1947, source: Path = ENGAGEMENTS_PATH) -> pd.DataFrame:
    """`count` synthetic rows built from the real rows in `source`."""
    templates = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    rng = random.Random(seed)
    this_year = date.today().year
    records = templates.to_dict("records")
    rows = []
    for number in range(count):
        template = records[number % len(records)]
        row = dict(template)
        row["id"] = f"synthetic-{number:06d}"
        row["operation"] = f"{template['operation']} SYNTHETIC {rng.randrange(OPERATIONS_PER_TEMPLATE):02d}"
        start_year = int(template["start_date"][:4])
        shift = rng.randint(max(1947 - start_year, -30), max(0, this_year - start_year))
        row["start_date"] = _shift_date(template["start_date"], shift, this_year)
        row["end_date"] = _shift_date(template["end_date"], shift, this_year)
        if row["end_date"] and row["end_date"] < row["start_date"]:
            row["end_date"] = row["start_date"]
        if template["personnel"]:
            row["personnel"] = str(max(1, round(int(template["personnel"]) * rng.uniform(0.5, 1.5))))
        if template["lat"] and template["lon"]:
            row["lat"] = f"{float(template['lat']) + rng.uniform(-0.05, 0.05):.4f}"
            row["lon"] = f"{float(template['lon']) + rng.uniform(-0.05, 0.05):.4f}"
        row["description"] = f"SYNTHETIC test row copied from {template['id']}. {template['description']}"
        rows.append(row)
    return pd.DataFrame(rows, columns=list(COLUMN_NAMES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=1947)
    args = parser.parse_args()
    synthetic_rows(args.count, args.seed).to_csv(args.output, index=False)
    print(f"wrote {args.count:,} synthetic rows to {args.output}")


if __name__ == "__main__":
    main()
