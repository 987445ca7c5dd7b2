"""How complete the record is: operations by decade of start, rows by region, figures stated."""

from __future__ import annotations

import pandas as pd

FIRST_DECADE = 1940


def operations_by_start_decade(frame: pd.DataFrame) -> pd.DataFrame:
    """Per decade: operations whose first row starts in it, and rows starting in it.

    An operation is counted once, in the decade of its earliest row, so the column sums to the
    number of distinct operations.
    """
    first_start = frame.groupby("operation_id")["start_year"].min()
    decades = range(FIRST_DECADE, max([FIRST_DECADE, *first_start.tolist(), *frame["start_year"].tolist()]) + 1, 10)
    operations = (first_start // 10 * 10).value_counts()
    rows = (frame["start_year"] // 10 * 10).value_counts()
    table = pd.DataFrame({"decade": list(decades)})
    table["operations"] = table["decade"].map(operations).fillna(0).astype(int)
    table["rows"] = table["decade"].map(rows).fillna(0).astype(int)
    earlier = (first_start < FIRST_DECADE).sum(), (frame["start_year"] < FIRST_DECADE).sum()
    if earlier[1]:
        table = pd.concat([pd.DataFrame({"decade": [0], "operations": [earlier[0]], "rows": [earlier[1]]}), table])
    return table.reset_index(drop=True)


def personnel_share(frame: pd.DataFrame) -> float:
    """Share of deployment rows that state a personnel figure (0 when there are none)."""
    deployments = frame[frame["kind"] == "deployment"]
    return float(deployments["personnel"].notna().mean()) if len(deployments) else 0.0


def rows_by_region(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows and distinct operations per region, largest first."""
    grouped = frame.groupby("region")
    return (pd.DataFrame({"rows": grouped.size(), "operations": grouped["operation_id"].nunique()})
            .sort_values("rows", ascending=False).reset_index())
