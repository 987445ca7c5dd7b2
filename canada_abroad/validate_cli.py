"""`make validate CSV=path`: print the validation report; exit 1 if any row is rejected."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from canada_abroad.engagements import load_engagements
from canada_abroad.geography import load_geography


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv", type=Path, help="engagements CSV to check")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"{args.csv}: no such file", file=sys.stderr)
        return 2
    dataset = load_engagements(load_geography(), args.csv)
    print(f"{args.csv}: {dataset.validation.report()}")
    return 1 if dataset.validation.errors else 0


if __name__ == "__main__":
    sys.exit(main())
