"""Panels lead with the size now: the largest at-one-time figure of an ongoing row, never a cumulative total."""

from __future__ import annotations

import pandas as pd

from canada_abroad.operations import current_first, current_size

ROWS = pd.DataFrame({
    "id": ["old-peak", "now-cap", "now-snapshot", "now-cumulative", "now-unstated"],
    "ongoing": [False, True, True, True, True],
    "personnel": [5000.0, 1900.0, 800.0, 40000.0, None],
    "personnel_basis": ["peak", "authorized", "snapshot", "cumulative", ""],
    "start_year": [2001, 2017, 2023, 2015, 2024],
})


def test_current_size_is_the_largest_ongoing_at_one_time_figure():
    assert current_size(ROWS)["id"] == "now-cap"


def test_no_current_size_without_an_ongoing_figure():
    assert current_size(ROWS[ROWS["id"].isin(["old-peak", "now-unstated", "now-cumulative"])]) is None


def test_ongoing_rows_come_first_largest_first_then_the_rest():
    assert list(current_first(ROWS)["id"]) == ["now-cap", "now-snapshot", "now-unstated", "now-cumulative",
                                               "old-peak"]
