"""The record's cross-row checks and coverage counts, on small tables with known answers."""

from __future__ import annotations

from datetime import date

import pytest

from canada_abroad.coverage import operations_by_start_decade, personnel_share, rows_by_region
from canada_abroad.engagements import load_engagements_bytes
from canada_abroad.operations import money_by_status
from canada_abroad.quality import ongoing_rows_not_current, overlapping_phases, rows_missing_as_of
from canada_abroad.text import format_money_by_status
from tests.conftest import csv_text, row

TODAY = date(2026, 12, 2)


@pytest.fixture
def frame_of(geography):
    def build(*rows):
        dataset = load_engagements_bytes(csv_text(list(rows)).encode(), geography, "test.csv")
        assert dataset.validation.errors == []
        return dataset.frame
    return build


def phase(row_id, start, end, **changes):
    return row(id=row_id, start_date=start, end_date=end, as_of=end or "2025-01", **changes)


def test_phases_that_follow_each_other_do_not_overlap(frame_of):
    """A battle group to 2023-06, then a brigade from 2023-07: no overlap."""
    frame = frame_of(phase("a", "2017-06", "2023-06"), phase("b", "2023-07", ""))
    assert overlapping_phases(frame, TODAY).empty


@pytest.mark.parametrize(("first_end", "second_start"), [("2023-07", "2023-07"), ("2023", "2023-08"),
                                                        ("", "2024-01"), ("2023-07-01", "2023-07-01")])
def test_phases_sharing_a_day_overlap(frame_of, first_end, second_start):
    """Partial dates read at their widest; an ongoing phase runs to today."""
    frame = frame_of(phase("a", "2017-06", first_end), phase("b", second_start, ""))
    assert overlapping_phases(frame, TODAY).values.tolist() == [["a", "b"]]


def test_rows_of_other_missions_or_places_may_overlap(frame_of):
    """Two missions of one operation in one country, or one mission in two countries, are not phases."""
    frame = frame_of(phase("a", "2017", ""), phase("b", "2018", "", mission="Other mission"),
                     phase("c", "2018", "", iso3="LTU", lat="54.7", lon="25.3"))
    assert overlapping_phases(frame, TODAY).empty


def test_as_of_is_required_with_a_figure_or_an_ongoing_status(frame_of):
    frame = frame_of(row(id="ongoing", end_date="", personnel="", personnel_basis="", as_of=""),
                     row(id="figure", end_date="2019", personnel="100", as_of=""),
                     row(id="money", end_date="2019", personnel="", personnel_basis="", amount_cad="5",
                         amount_status="committed", as_of=""),
                     row(id="fine", end_date="2019", personnel="100", as_of="2019-03"),
                     row(id="no-figure", end_date="2019", personnel="", personnel_basis="", as_of=""))
    assert rows_missing_as_of(frame)["id"].tolist() == ["ongoing", "figure", "money"]


def test_ongoing_rows_need_a_recent_as_of(frame_of):
    frame = frame_of(row(id="old", end_date="", as_of="2019-05"), row(id="new", end_date="", as_of="2024-01"),
                     row(id="none", end_date="", as_of=""),
                     row(id="ended", start_date="2001", end_date="2010", as_of="2001"))
    assert ongoing_rows_not_current(frame, since_year=2024)["id"].tolist() == ["old", "none"]


def test_operations_are_counted_once_in_the_decade_they_started(frame_of):
    frame = frame_of(row(id="a1", operation="Operation A", start_date="1956", end_date="1967"),
                     row(id="a2", operation="Operation A", start_date="1973", end_date="1979"),
                     row(id="b", operation="Operation B", start_date="1999-12", end_date="2001"),
                     row(id="c", operation="Operation C", start_date="1915", end_date="1918"))
    table = operations_by_start_decade(frame).set_index("decade")
    assert table.loc[1950].tolist() == [1, 1]
    assert table.loc[1970].tolist() == [0, 1]
    assert table.loc[1990].tolist() == [1, 1]
    assert table.loc[0].tolist() == [1, 1]  # before 1940, one line
    assert table["operations"].sum() == 3


def test_personnel_share_counts_deployments_only(frame_of):
    frame = frame_of(row(id="a"), row(id="b", personnel="", personnel_basis=""),
                     row(id="c", kind="commitment", personnel="", personnel_basis="", amount_cad="1",
                         amount_status="committed"))
    assert personnel_share(frame) == 0.5


def test_rows_by_region(frame_of):
    frame = frame_of(row(id="a", operation="Operation A"), row(id="b", operation="Operation B"),
                     row(id="c", iso3="", area="Caribbean Sea", lat="15", lon="-75"))
    table = rows_by_region(frame).set_index("region")
    assert table.loc["Europe"].tolist() == [2, 2]
    assert table.loc["Latin America and the Caribbean"].tolist() == [1, 1]


def test_money_is_summed_per_status_never_across(frame_of):
    """Ukraine's committed package and allocated pledge stay two figures, in the order money moves."""
    frame = frame_of(row(id="a", kind="commitment", amount_cad="13300000000", amount_status="committed"),
                     row(id="b", kind="commitment", amount_cad="2000000000", amount_status="allocated"),
                     row(id="c", kind="commitment", amount_cad="1000000000", amount_status="committed"),
                     row(id="d", kind="commitment", amount_cad="500", amount_status="announced"))
    amounts = money_by_status(frame)
    assert amounts.to_dict() == {"announced": 500.0, "committed": 14_300_000_000.0, "allocated": 2_000_000_000.0}
    assert list(amounts.index) == ["announced", "committed", "allocated"]
    assert format_money_by_status(amounts) == "$500 announced · $14.30 billion committed · $2.00 billion allocated"
    assert format_money_by_status(money_by_status(frame.iloc[0:0])) == "not stated"


def test_years_count_to_this_year_not_to_a_planned_end(geography):
    """A 20-year funding window ending in 2042 counts to today (it stretched the year slider to 2042)."""
    from datetime import date as day

    from canada_abroad.engagements import enrich
    rows = [row(id="window", kind="commitment", start_date="2022-06", end_date="2042", personnel="", personnel_basis="",
                amount_cad="1", amount_status="announced", as_of="2022-06"),
            row(id="later", start_date="2030", end_date="2031", as_of="2030"),
            row(id="open", start_date="2017", end_date="", as_of="2025")]
    dataset = load_engagements_bytes(csv_text(rows).encode(), geography, "t.csv")
    frame = enrich(dataset.validation.frame, geography, today=day(2026, 12, 2)).set_index("id")
    assert frame["end_year"].to_dict() == {"window": 2026, "later": 2030, "open": 2026}
    assert frame.at["window", "end_date"] == "2042"


def test_money_measures_sum_one_stage_each(frame_of):
    """A country's committed and allocated money are two measures; no measure adds them."""
    from canada_abroad.measures import MONEY_MEASURES, country_measure
    frame = frame_of(row(id="a", kind="commitment", amount_cad="13300000000", amount_status="committed"),
                     row(id="b", kind="commitment", amount_cad="2000000000", amount_status="allocated"),
                     row(id="c", kind="commitment", amount_cad="1000000000", amount_status="committed",
                         iso3="POL", lat="52.2", lon="21.0"),
                     row(id="d", personnel="5"))
    values = {measure: country_measure(frame, measure).to_dict() for measure in MONEY_MEASURES}
    assert values == {"cad_announced": {}, "cad_committed": {"LVA": 13_300_000_000.0, "POL": 1_000_000_000.0},
                      "cad_allocated": {"LVA": 2_000_000_000.0}, "cad_delivered": {}}


def test_an_old_cad_link_opens_committed_money_with_a_notice():
    from canada_abroad.view_state import Options, parse_view
    options = Options(types=(), orgs=(), regions=(), countries=("LVA",), operations=(), first_year=1947,
                      last_year=2026)
    view, notices = parse_view({"measure": "CAD"}, options)
    assert view.measure == "cad_committed"
    assert len(notices) == 1 and "different stages" in notices[0]
    view, notices = parse_view({"measure": "cad_delivered"}, options)
    assert view.measure == "cad_delivered" and notices == []
