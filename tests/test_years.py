"""Unit tests for time as a view (canada_abroad/years.py) on a small fixture table with known answers."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from canada_abroad.engagements import load_engagements_bytes
from canada_abroad.measures import colour_for
from canada_abroad.years import (
    active_in_year,
    class_codes,
    compare_years,
    fixed_classes,
    footprint_by_year,
    footprint_table,
    measure_by_year,
    year_span,
)
from tests.conftest import csv_text, row

THIS_YEAR = date.today().year
FIXTURE = [
    # Ongoing: runs to this year.
    row(id="alpha-lva", operation="Operation ALPHA", iso3="LVA", start_date="2017-06", end_date="",
        personnel="100", personnel_basis="peak", as_of="2025"),
    # Two phases of one operation that meet in 1993: counted once there (the larger figure), not added.
    row(id="bravo-som-1", operation="Operation BRAVO", mission_type="peace_operation", organization="UN",
        iso3="SOM", location="Mogadishu", lat="2.05", lon="45.3", start_date="1992-12", end_date="1993-06",
        personnel="900", personnel_basis="peak"),
    row(id="bravo-som-2", operation="Operation BRAVO", mission_type="peace_operation", organization="UN",
        iso3="SOM", location="Mogadishu", lat="2.05", lon="45.3", start_date="1993-07", end_date="1995",
        personnel="500", personnel_basis="peak"),
    # A cumulative total counts people over years: never a footprint or a measure.
    row(id="charlie-som", operation="Operation CHARLIE", mission_type="peace_operation", organization="UN",
        iso3="SOM", location="Baidoa", lat="3.1", lon="43.6", start_date="1993", end_date="1993",
        personnel="2000", personnel_basis="cumulative"),
    # A deployment with no stated figure: counts as a deployment and a country, adds no personnel.
    row(id="delta-bih", operation="Operation DELTA", mission_type="peace_operation", organization="UN",
        iso3="BIH", location="Visoko", lat="44.0", lon="18.2", start_date="1992", end_date="1995",
        personnel="", personnel_basis=""),
    # At sea: personnel counts, but it is no country.
    row(id="echo-sea", operation="Operation ECHO", mission_type="maritime_security", organization="NATO",
        iso3="", area="Caribbean Sea", location="", lat="15.0", lon="-75.0", start_date="1993", end_date="1994",
        personnel="200", personnel_basis="snapshot"),
    # Money is a commitment, not a footprint.
    row(id="foxtrot-ukr", kind="commitment", operation="Military assistance to Ukraine", mission="Aid",
        organization="Bilateral", mission_type="military_assistance", iso3="UKR", location="Kyiv", lat="50.45",
        lon="30.52", start_date="2022", end_date="2023", personnel="", personnel_basis="",
        amount_cad="1000000000", amount_status="committed"),
]


@pytest.fixture(scope="module")
def frame(geography):
    dataset = load_engagements_bytes(csv_text(FIXTURE).encode(), geography, "fixture.csv")
    assert not dataset.validation.rejected_lines, dataset.validation.problems
    return dataset.frame


def test_active_in_year_includes_start_and_end_years_and_ongoing_rows_run_to_this_year(frame):
    """1993 holds rows ending or starting in 1993; an ongoing row is active this year."""
    assert set(active_in_year(frame, 1993)["id"]) == {"bravo-som-1", "bravo-som-2", "charlie-som", "delta-bih",
                                                      "echo-sea"}
    assert set(active_in_year(frame, 1992)["id"]) == {"bravo-som-1", "delta-bih"}
    assert set(active_in_year(frame, THIS_YEAR)["id"]) == {"alpha-lva"}
    assert active_in_year(frame, 1950).empty


def test_year_span_runs_from_first_start_to_last_end(frame):
    assert year_span(frame, 2000) == range(1992, THIS_YEAR + 1)
    assert year_span(frame.iloc[0:0], 2000) == range(2000, 2001)


def test_operations_by_year_counts_distinct_operations_per_country(frame):
    """Somalia 1993: BRAVO (two phases) and CHARLIE are two operations; nothing before 1992."""
    grid = measure_by_year(frame, "operations", range(1990, 1997))
    assert grid.loc["SOM"].tolist()[2:6] == [1.0, 2.0, 1.0, 1.0]
    assert np.isnan(grid.loc["SOM", 1990]) and np.isnan(grid.loc["SOM", 1996])
    assert grid.loc["BIH", 1995] == 1.0


def test_personnel_by_year_takes_the_largest_at_one_time_figure_never_cumulative(frame):
    """Somalia 1993: phases of 900 and 500 give 900 (not 1,400); the 2,000 cumulative is ignored."""
    grid = measure_by_year(frame, "personnel", range(1992, 1996))
    assert grid.loc["SOM"].tolist() == [900.0, 900.0, 500.0, 500.0]
    assert "BIH" not in grid.index or grid.loc["BIH"].isna().all()


def test_cad_by_year_sums_amounts_of_rows_active_that_year(frame):
    grid = measure_by_year(frame, "cad_committed", range(2021, 2025))
    assert grid.loc["UKR"].tolist()[1:3] == [1e9, 1e9]
    assert np.isnan(grid.loc["UKR", 2021]) and np.isnan(grid.loc["UKR", 2024])


def test_years_by_year_counts_presence_up_to_that_year_only_in_years_present(frame):
    """Latvia since 2017: 1 in 2017, 3 in 2019; Somalia's count starts in 1992 even when asked from 1994."""
    grid = measure_by_year(frame, "years", range(2016, 2020))
    assert np.isnan(grid.loc["LVA", 2016])
    assert grid.loc["LVA"].tolist()[1:] == [1.0, 2.0, 3.0]
    somalia = measure_by_year(frame, "years", range(1994, 1997)).loc["SOM"]
    assert somalia.tolist()[:2] == [3.0, 4.0] and np.isnan(somalia[1996])


def test_a_year_measure_matches_the_map_measure_of_that_year(frame):
    """For one year, measure_by_year agrees with the map's own rules on the rows active then."""
    from canada_abroad.measures import country_measure
    for measure in ("deployments", "operations", "personnel", "cad_committed"):
        grid = measure_by_year(frame, measure, range(1993, 1994))[1993].dropna()
        expected = country_measure(active_in_year(frame, 1993), measure)
        pd.testing.assert_series_equal(grid.sort_index(), expected[expected > 0].sort_index(), check_names=False)


def test_fixed_classes_use_every_year_and_codes_follow_colour_for(frame):
    """One scale over all years: 1995's 500 and 1993's 900 are classed on the same bounds."""
    grid = measure_by_year(frame, "personnel", year_span(frame, 2000))
    classes = fixed_classes(grid)
    assert classes[-1].upper >= 900 and classes[0].lower <= 100
    codes = class_codes(grid, classes)
    colours = ["#e6e6e6"] + [c.colour for c in classes]
    for iso3 in grid.index:
        first, text = codes.get(iso3, (0, ""))
        for index, year in enumerate(grid.columns):
            code = text[index - first] if first <= index < first + len(text) else "0"
            assert colours[int(code)] == colour_for(grid.loc[iso3, year], classes), (iso3, year)
    assert set(codes) == {"LVA", "SOM"}
    assert codes["SOM"] == (0, codes["SOM"][1]) and len(codes["SOM"][1]) == 4  # 1992-1995 only


def test_unknown_measure_is_refused(frame):
    with pytest.raises(ValueError, match="unknown measure"):
        measure_by_year(frame, "bananas", range(2000, 2001))


def test_footprint_counts_countries_deployments_and_personnel_per_phase_once(frame):
    """1993: Somalia and Bosnia (the sea is no country); personnel 900 (Somalia) + 200 (sea), not 1,400 or 3,100."""
    totals, by_type = footprint_by_year(frame, range(1992, 1996))
    year = totals.set_index("year").loc[1993]
    assert year["countries"] == 2
    assert year["deployments"] == 5
    assert year["deployments_with_personnel"] == 3  # two BRAVO phases and the sea; not CHARLIE (cumulative)
    assert year["personnel"] == 1100
    types = by_type[by_type["year"] == 1993].set_index("mission_type")["personnel"].to_dict()
    assert types == {"peace_operation": 900, "maritime_security": 200}
    assert totals.set_index("year").loc[1995, "personnel"] == 500


def test_footprint_leaves_commitments_out_and_fills_empty_years_with_zero(frame):
    totals, _ = footprint_by_year(frame, range(2021, 2024))
    assert totals["countries"].tolist() == [1, 1, 1]  # Latvia only: Ukraine's row is money
    assert totals.dtypes.unique().tolist() == [np.dtype("int64")]


def test_footprint_table_has_a_column_per_mission_type(frame):
    totals, by_type = footprint_by_year(frame, range(1992, 1995))
    table = footprint_table(totals, by_type)
    assert list(table.columns) == ["year", "countries", "deployments", "deployments_with_personnel", "personnel",
                                   "personnel_maritime_security", "personnel_peace_operation"]
    assert table.set_index("year").loc[1992, "personnel_maritime_security"] == 0


def test_compare_lists_countries_that_appear_disappear_and_stay(frame):
    result = compare_years(frame, 1993, THIS_YEAR)
    assert result.disappear == ["BIH", "SOM"]
    assert result.appear == ["LVA"]
    assert result.stay == []
    assert compare_years(frame, 1993, 1995).stay == ["BIH", "SOM"]


def test_one_year_on_one_scale_gives_the_year_and_the_scale_of_every_year(frame):
    """What the single-year map and its image show: 1995's values, classed with 1993's 900 in view."""
    from canada_abroad.years import one_year_on_one_scale
    values, classes = one_year_on_one_scale(frame, "personnel", 1995, year_span(frame, 2000))
    assert values.to_dict() == {"SOM": 500.0}
    assert classes == fixed_classes(measure_by_year(frame, "personnel", year_span(frame, 2000)))


def test_the_map_reads_a_year_only_from_the_year_control():
    """map_events.requested_year: the control's {year, year_request}; clicks, junk and years out of range are not."""
    from canada_abroad.map_events import requested_year
    assert requested_year({"year": 1993, "year_request": 3}, 1914, 2026) == 1993
    assert requested_year({"year": 1993}, 1914, 2026) is None  # not from the control
    assert requested_year({"year": "1993", "year_request": 1}, 1914, 2026) is None
    assert requested_year({"year": True, "year_request": 1}, 1914, 2026) is None
    assert requested_year({"year": 3000, "year_request": 1}, 1914, 2026) is None
    assert requested_year({"last_clicked": {"lat": 1, "lng": 2}}, 1914, 2026) is None
    assert requested_year(None, 1914, 2026) is None
