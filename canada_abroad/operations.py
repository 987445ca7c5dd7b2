"""Roll engagement rows up to one line per operation, and commitments up by country."""

from __future__ import annotations

import pandas as pd

from canada_abroad.schema import AMOUNT_STATUSES
from canada_abroad.text import period_end


def _joined(values: pd.Series) -> str:
    return ", ".join(dict.fromkeys(str(v) for v in values if str(v)))


def operation_summary(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per operation: its missions, organizations, places, years and largest figure."""
    if rows.empty:
        return pd.DataFrame(columns=["operation_id", "operation", "missions", "organizations", "mission_type", "places",
                                     "start_year", "end_year", "end_label", "ongoing", "max_personnel", "rows"])
    grouped = rows.sort_values("start_year").groupby("operation_id", sort=False)
    summary = pd.DataFrame({
        "operation": grouped["operation"].first(),
        "missions": grouped["mission"].agg(_joined),
        "organizations": grouped["organization"].agg(_joined),
        "mission_type": grouped["mission_type"].agg(lambda s: s.mode().iloc[0]),
        "places": grouped["place"].agg(_joined),
        "start_year": grouped["start_year"].min(),
        "end_year": grouped["end_year"].max(),
        "ongoing": grouped["ongoing"].any(),
        "max_personnel": grouped["personnel"].max(),
        "rows": grouped.size(),
    }).reset_index()
    summary["end_label"] = [period_end("" if ongoing else str(end)) for ongoing, end in
                            zip(summary["ongoing"], summary["end_year"])]
    return summary.sort_values(["start_year", "operation"], ascending=[False, True]).reset_index(drop=True)


def commitments(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows that carry money or materiel: commitments, and any row with an amount."""
    return rows[(rows["kind"] == "commitment") | rows["amount_cad"].notna()]


def amounts_by_status(rows: pd.DataFrame) -> pd.DataFrame:
    """Stated CAD per place and status (rows without an amount are left out)."""
    with_amount = rows[rows["amount_cad"].notna()]
    return (with_amount.groupby(["place", "amount_status"])["amount_cad"].sum().reset_index()
            .sort_values("amount_cad", ascending=False))


def money_by_status(rows: pd.DataFrame) -> pd.Series:
    """Stated CAD per status, in the order money moves (announced to delivered); statuses never added together.

    Amounts of different stages measure different things (a pledge, a signed commitment, money paid out) and
    one often contains another, so a total across statuses would count the same dollars twice.
    """
    with_amount = rows[rows["amount_cad"].notna()]
    sums = with_amount.groupby("amount_status")["amount_cad"].sum()
    return sums.reindex([s for s in AMOUNT_STATUSES if s in sums.index]).astype("float64")


def current_size(rows: pd.DataFrame) -> pd.Series | None:
    """The ongoing row with the largest at-one-time personnel figure (peak, cap or snapshot), or None.

    What a reader asks first of a place or an operation is "how many are there now": a cumulative total
    counts people over years, and an ended row is history, so neither answers it.
    """
    now = rows[rows["ongoing"] & rows["personnel"].notna() & (rows["personnel_basis"] != "cumulative")]
    if now.empty:
        return None
    return now.loc[now["personnel"].idxmax()]


def current_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Ongoing rows first (largest at-one-time figure first, as current_size), then the rest newest first."""
    at_one_time = rows["personnel"].where(rows["personnel_basis"] != "cumulative")
    order = rows.assign(_now=rows["ongoing"], _size=at_one_time.fillna(-1))
    return order.sort_values(["_now", "_size", "start_year"], ascending=[False, False, False]).drop(
        columns=["_now", "_size"])
