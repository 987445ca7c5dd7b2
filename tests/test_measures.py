"""Every measure and the colour classes, on small tables whose answers are worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from canada_abroad.measures import (
    MEASURE_COLUMNS,
    MEASURES,
    ColourClass,
    class_ranges,
    colour_classes,
    colour_for,
    country_measure,
)
from canada_abroad.palette import CLASS_COLOURS, NO_DATA_COLOUR
from tests.conftest import row
from tests.fixture_tables import engagements

NO_MONEY = {"amount_cad": "", "amount_status": ""}
NO_PEOPLE = {"personnel": "", "personnel_basis": ""}

TABLE = engagements(
    # Latvia: two rows of one operation and one of another; 100 peak, 2,200 authorized, 1,900 snapshot.
    row(id="lva-1", operation="Operation REASSURANCE", iso3="LVA", start_date="2017", end_date="2019",
        personnel="100", personnel_basis="peak"),
    row(id="lva-2", operation="Operation REASSURANCE", iso3="LVA", start_date="2018", end_date="2021",
        personnel="2200", personnel_basis="authorized"),
    row(id="lva-3", operation="Operation KOBOLD", iso3="LVA", start_date="2024", end_date="2024",
        personnel="1900", personnel_basis="snapshot", kind="commitment", amount_cad="5000000",
        amount_status="committed"),
    # Afghanistan: a cumulative 40,000 (never on the map) beside a snapshot of 950; two amounts summed.
    row(id="afg-1", operation="Operation ATHENA", iso3="AFG", start_date="2003", end_date="2011",
        personnel="40000", personnel_basis="cumulative"),
    row(id="afg-2", operation="Operation ATTENTION", iso3="AFG", start_date="2011", end_date="2014",
        personnel="950", personnel_basis="snapshot", amount_cad="1500000", amount_status="delivered"),
    row(id="afg-3", operation="Operation ATTENTION", iso3="AFG", start_date="2014", end_date="2014",
        kind="commitment", amount_cad="2500000", amount_status="delivered", **NO_PEOPLE),
    # Cyprus: only a cumulative figure, no money; Haiti: a stated amount of zero and no personnel.
    row(id="cyp-1", operation="Operation SNOWGOOSE", iso3="CYP", start_date="1964", end_date="1993",
        personnel="25000", personnel_basis="cumulative"),
    row(id="hti-1", operation="Operation HAMLET", iso3="HTI", start_date="2004", end_date="2004", kind="commitment",
        amount_cad="0", amount_status="announced", **NO_PEOPLE),
    # At sea: never a country's figure.
    row(id="sea-1", operation="Operation CARIBBE", iso3="", area="Caribbean Sea", lat="15", lon="-75",
        start_date="2006", end_date="2007", personnel="300", personnel_basis="peak", amount_cad="900",
        amount_status="delivered"),
)


def measure(name: str, **years) -> dict[str, float]:
    return country_measure(TABLE, name, **years).to_dict()


def test_operations_counts_distinct_operations_per_country():
    assert measure("operations") == {"AFG": 2.0, "CYP": 1.0, "HTI": 1.0, "LVA": 2.0}


def test_deployments_count_only_operations_that_sent_people():
    """Latvia's KOBOLD and Afghanistan's 2014 ATTENTION row are commitments; Haiti had only money: it drops out."""
    assert measure("deployments") == {"AFG": 2.0, "CYP": 1.0, "LVA": 1.0}


def test_personnel_is_the_largest_at_one_time_figure_and_leaves_cumulative_totals_out():
    """Peak, authorized cap and snapshot compete; cumulative totals and figures at sea do not count."""
    assert measure("personnel") == {"AFG": 950.0, "LVA": 2200.0}


@pytest.mark.parametrize(("name", "expected"), [
    ("cad_delivered", {"AFG": 4_000_000.0}),  # two delivered amounts summed; the sea's 900 left out
    ("cad_committed", {"LVA": 5_000_000.0}),
    ("cad_announced", {"HTI": 0.0}),  # a stated zero is a value, not "not stated"
    ("cad_allocated", {}),
])
def test_money_sums_the_amounts_of_one_stage_only(name, expected):
    assert measure(name) == expected


def test_years_counts_calendar_years_with_a_row_once():
    """LVA: 2017-2021 (overlapping rows counted once) and 2024; AFG 2003-2014 inclusive."""
    assert measure("years") == {"AFG": 12.0, "CYP": 30.0, "HTI": 1.0, "LVA": 6.0}


def test_years_within_a_range_count_only_the_range_inclusively():
    assert measure("years", year_from=2011, year_to=2018) == {"AFG": 4.0, "CYP": 0.0, "HTI": 0.0, "LVA": 2.0}
    assert measure("years", year_from=2024) == {"AFG": 0.0, "CYP": 0.0, "HTI": 0.0, "LVA": 1.0}
    assert measure("years", year_to=1964) == {"AFG": 0.0, "CYP": 1.0, "HTI": 0.0, "LVA": 0.0}


def test_years_of_rows_all_outside_the_range_are_zero():
    values = country_measure(TABLE, "years", year_from=1900, year_to=1910)
    assert values.to_dict() == {"AFG": 0.0, "CYP": 0.0, "HTI": 0.0, "LVA": 0.0} and values.index.name == "iso3"


@pytest.mark.parametrize("name", MEASURES)
def test_every_measure_reads_only_its_columns_and_gives_floats(name):
    """Each measure runs on exactly the columns MEASURE_COLUMNS names (a renamed measure would crash here)."""
    values = country_measure(TABLE[MEASURE_COLUMNS[name]], name)
    assert values.dtype == "float64" and values.index.name == "iso3" and "" not in values.index


@pytest.mark.parametrize("name", MEASURES)
def test_every_measure_of_no_rows_is_empty(name):
    assert country_measure(TABLE.iloc[0:0], name).empty


def test_an_unknown_measure_is_refused():
    with pytest.raises(ValueError, match="gdp"):
        country_measure(TABLE, "gdp")


def bounds(values: list[float]) -> list[tuple[float, float, str]]:
    return [(c.lower, c.upper, c.colour) for c in colour_classes(pd.Series(values, dtype="float64"))]


def test_five_classes_from_quantiles_with_whole_number_bounds_for_counts():
    assert bounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == [
        (1, 3, CLASS_COLOURS[0]), (3, 5, CLASS_COLOURS[1]), (5, 7, CLASS_COLOURS[2]), (7, 9, CLASS_COLOURS[3]),
        (9, 10, CLASS_COLOURS[4])]


def test_bounds_of_amounts_keep_two_significant_figures():
    """Quantiles 3.9M, 48M, 0.967B and 9.56B rounded up to two figures (48M, not 49M for a float's 48.000000001M)."""
    classes = bounds([1.5e6, 4.5e6, 7.7e7, 2.3e9, 3.86e10])
    assert [upper for _, upper, _ in classes] == [3.9e6, 4.8e7, 9.7e8, 9.6e9, 3.9e10]
    assert [lower for lower, _, _ in classes] == [1.5e6, 3.9e6, 4.8e7, 9.7e8, 9.6e9]
    assert [colour for _, _, colour in classes] == list(CLASS_COLOURS)


def test_fractional_bounds_are_exact_decimals():
    classes = bounds([0.5, 1.5, 2.5, 1234.0])
    assert [upper for _, upper, _ in classes] == [1.1, 1.7, 2.3, 500, 1300]


def test_fewer_distinct_bounds_take_the_darkest_colours():
    """Three distinct bounds: the three darkest colours, so the largest value is always the darkest."""
    classes = bounds([1, 1, 1, 1, 2, 2, 3])
    assert [(lower, upper) for lower, upper, _ in classes] == [(1, 1), (1, 2), (2, 3)]
    assert [colour for _, _, colour in classes] == list(CLASS_COLOURS[2:])


def test_one_value_is_one_class_in_the_darkest_colour():
    assert bounds([7.0]) == [(7.0, 7.0, CLASS_COLOURS[-1])]
    assert bounds([5.0, 5.0, 5.0]) == [(5.0, 5.0, CLASS_COLOURS[-1])]


def test_no_positive_value_gives_no_class():
    assert bounds([]) == [] and bounds([0.0, -3.0]) == []


def test_zeros_and_negatives_do_not_shape_the_classes():
    assert bounds([0.0, 0.0, 4.0]) == bounds([4.0])


def test_every_value_gets_the_colour_of_the_class_that_holds_it():
    values = [1.0, 2, 3, 5, 8, 13, 40]
    classes = colour_classes(pd.Series(values))
    # Quantiles 3, 3.8, 6.8 and 12 (not 13: 12.000000000000002 is a float's 12).
    assert [c.upper for c in classes] == [3, 4, 7, 12, 40]
    counts = {c.colour: sum(1 for v in values if colour_for(v, classes) == c.colour) for c in classes}
    assert counts == {CLASS_COLOURS[0]: 3, CLASS_COLOURS[1]: 0, CLASS_COLOURS[2]: 1, CLASS_COLOURS[3]: 1,
                      CLASS_COLOURS[4]: 2}
    for value in values:
        holders = [c for c in classes if c.contains(value)]
        assert colour_for(value, classes) == holders[0].colour


@pytest.mark.parametrize("value", [None, math.nan, pd.NA, 0, -1.0])
def test_no_value_zero_or_negative_gets_the_no_data_colour(value):
    assert colour_for(value, [ColourClass(1, 10, "#123456")]) == NO_DATA_COLOUR


def test_a_value_above_every_class_takes_the_last_colour_and_no_classes_give_no_data():
    classes = [ColourClass(1, 2, "#000001"), ColourClass(2, 5, "#000002"), ColourClass(5, 8, "#000003")]
    assert colour_for(2, classes) == "#000001" and colour_for(2.5, classes) == "#000002"
    assert colour_for(9, classes) == "#000003" and colour_for(3, []) == NO_DATA_COLOUR


def test_a_class_contains_both_its_bounds():
    assert ColourClass(1, 3, "#000000").contains(1) and ColourClass(1, 3, "#000000").contains(3)
    assert not ColourClass(1, 3, "#000000").contains(3.5) and not ColourClass(1, 3, "#000000").contains(0.5)


def test_legend_ranges_of_whole_numbers_start_after_the_previous_class():
    classes = [ColourClass(1, 3, "a"), ColourClass(3, 5, "b"), ColourClass(5, 10, "c")]
    assert class_ranges(classes, "operations") == [(1, 3), (4, 5), (6, 10)]
    assert class_ranges(classes, "years") == [(1, 3), (4, 5), (6, 10)]
    assert class_ranges(classes, "personnel") == [(1, 3), (4, 5), (6, 10)]
    assert class_ranges(classes, "cad_committed") == [(1, 3), (3, 5), (5, 10)]  # money is not whole numbers
    assert class_ranges([], "operations") == []
