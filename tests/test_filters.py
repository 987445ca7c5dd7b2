"""Every filter alone and combined, on a small table whose answers are written out (tests/fixture_tables.py)."""

from __future__ import annotations

import pytest

from canada_abroad.filters import FILTER_PARAMS, Filters, apply_filters
from tests.fixture_tables import FILTER_ROWS, engagements, ids

TABLE = engagements(*FILTER_ROWS)
EVERYTHING = ids(TABLE)
ONGOING = {"lva-efp", "sea-caribbe", "ukr-ends-today", "mli-this-month"}


def chosen(**filters) -> set[str]:
    return ids(apply_filters(TABLE, Filters(**filters)))


def test_no_filter_keeps_every_row():
    assert chosen() == EVERYTHING and len(EVERYTHING) == len(FILTER_ROWS)


@pytest.mark.parametrize(("types", "expected"), [
    (("deterrence",), {"lva-efp"}),
    (("peace_operation",), {"cyp-snowgoose", "hti-hamlet", "mli-this-month", "mli-last-month"}),
    (("combat", "counter_narcotics"), {"afg-athena", "sea-caribbe"}),
    (("humanitarian",), set()),
])
def test_type(types, expected):
    assert chosen(types=types) == expected


@pytest.mark.parametrize(("orgs", "expected"), [
    (("NATO",), {"lva-efp", "afg-athena"}),
    (("UN", "Multinational"), {"cyp-snowgoose", "hti-hamlet", "mli-this-month", "mli-last-month", "sea-caribbe"}),
    (("EU",), set()),
])
def test_organization(orgs, expected):
    assert chosen(orgs=orgs) == expected


@pytest.mark.parametrize(("regions", "expected"), [
    (("Asia",), {"afg-athena", "cyp-snowgoose"}),
    (("North America",), {"hti-hamlet", "sea-caribbe"}),  # a sea area's region counts like a country's
    (("Europe", "Africa"), {"lva-efp", "ukr-ends-today", "ukr-ended-yesterday", "lva-literal", "lva-axb",
                            "mli-this-month", "mli-last-month"}),
])
def test_region(regions, expected):
    assert chosen(regions=regions) == expected


def test_status_at_the_edges_of_today():
    """Ongoing: no end date, or one not yet past (today's date and this month count); ended: the rest."""
    assert chosen(status="ongoing") == ONGOING
    assert chosen(status="ended") == EVERYTHING - ONGOING
    assert chosen(status="all") == EVERYTHING


@pytest.mark.parametrize(("year_from", "year_to", "expected"), [
    (2011, None, EVERYTHING - {"cyp-snowgoose"}),  # ATHENA ends in 2011: still in
    (2012, None, EVERYTHING - {"cyp-snowgoose", "afg-athena"}),
    (None, 2003, {"cyp-snowgoose", "afg-athena"}),  # ATHENA starts in 2003: in
    (None, 2002, {"cyp-snowgoose"}),
    (2010, 2010, {"afg-athena", "cyp-snowgoose", "hti-hamlet", "sea-caribbe"}),  # a range of one year
    (2024, 2024, {"lva-efp", "sea-caribbe", "ukr-ends-today", "ukr-ended-yesterday", "mli-this-month",
                  "mli-last-month", "lva-literal"}),
    (1900, 1963, set()),
])
def test_years_are_inclusive_at_both_ends(year_from, year_to, expected):
    assert chosen(year_from=year_from, year_to=year_to) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("battle group", {"lva-efp"}),  # in the description
    ("BaTtLe GROUP", {"lva-efp"}),  # any case
    ("  battle group ", {"lva-efp"}),  # surrounding spaces ignored
    ("latvia", {"lva-efp", "lva-literal", "lva-axb"}),  # the country's name
    ("c++", {"lva-literal"}),  # literal text, not a regular expression
    ("a.b", {"lva-literal"}),  # "." is a dot: "axb" does not match
    ("[x]", {"lva-literal"}),
    ("minusma", {"mli-this-month", "mli-last-month"}),  # mission
    ("caribbean", {"sea-caribbe"}),  # place of a row at sea
    ("adazi", {"lva-efp"}),  # location
    ("multinational", {"sea-caribbe"}),  # organization
    ("counter_narcotics", {"sea-caribbe"}),  # mission type
    ("nothing like this", set()),
    ("", EVERYTHING),
    ("   ", EVERYTHING),
])
def test_text_search(query, expected):
    assert chosen(query=query) == expected


def test_filters_combine_as_and():
    """Each added filter narrows the rows; none widens them."""
    assert chosen(types=("peace_operation",), regions=("Africa",)) == {"mli-this-month", "mli-last-month"}
    assert chosen(types=("peace_operation",), regions=("Africa",), status="ongoing") == {"mli-this-month"}
    assert chosen(orgs=("UN",), year_to=2004) == {"cyp-snowgoose", "hti-hamlet"}
    assert chosen(orgs=("UN",), year_to=2004, query="police") == {"hti-hamlet"}
    assert chosen(orgs=("NATO",), year_from=2012, status="ended") == set()
    assert chosen(types=("training",), orgs=("Bilateral",), regions=("Europe",), status="ended",
                  year_from=2015, year_to=2026, query="yesterday") == {"ukr-ended-yesterday"}


# One value per filter that keeps some rows and drops others: a filter added to FILTER_PARAMS
# without a case here fails test_every_filter_narrows_the_table.
NARROWING = {"types": ("combat",), "orgs": ("UN",), "status": "ended", "regions": ("Asia",), "year_from": 2020,
             "year_to": 2005, "query": "unifier", "kind": "commitment", "year": 2010}


def test_every_filter_narrows_the_table():
    assert set(NARROWING) == {param.field for param in FILTER_PARAMS}
    for field, value in NARROWING.items():
        kept = chosen(**{field: value})
        assert kept and kept != EVERYTHING, field


@pytest.mark.parametrize("fields", [("types", "orgs"), ("status", "year_from", "query"), tuple(NARROWING),
                                    ("regions", "year_to"), ("orgs", "status")])
def test_a_combination_is_the_intersection_of_its_filters(fields):
    """Combined filters keep exactly the rows every one of them keeps alone."""
    alone = [chosen(**{field: NARROWING[field]}) for field in fields]
    assert chosen(**{field: NARROWING[field] for field in fields}) == set.intersection(*alone)


def test_default_filters_know_they_are_default():
    assert Filters().is_default and not Filters(status="ongoing").is_default


def test_filtering_an_empty_table_gives_an_empty_table():
    assert apply_filters(TABLE.iloc[0:0], Filters(**NARROWING)).empty


def test_kind_keeps_deployments_or_commitments():
    """What: people, ships and aircraft sent, or money and materiel; both by default."""
    assert chosen(kind="commitment") == {"hti-hamlet"}
    assert chosen(kind="deployment") == EVERYTHING - {"hti-hamlet"}
    assert chosen(kind="all") == EVERYTHING
