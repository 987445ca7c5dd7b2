"""Links: parse, validate, fall back with notices, and stay short."""

from __future__ import annotations

from canada_abroad.filters import Filters
from canada_abroad.view_state import Options, ViewState, parse_view, to_params

OPTIONS = Options(types=("deterrence", "combat"), orgs=("NATO", "UN"), regions=("Europe",),
                  countries={"LVA", "AFG"}, operations={"reassurance"}, first_year=1915, last_year=2026)


def test_a_full_link_round_trips():
    view = ViewState(Filters(("deterrence",), ("NATO",), "ongoing", ("Europe",), 2000, 2020, "latvia"),
                     "personnel", "LVA", None)
    assert parse_view(to_params(view), OPTIONS) == (view, [])


def test_defaults_are_left_out_of_links():
    assert to_params(ViewState()) == {}


def test_lists_accept_commas_repeats_and_any_case():
    view, notices = parse_view({"type": ["Deterrence,combat", "combat"], "org": "nato"}, OPTIONS)
    assert view.filters.types == ("deterrence", "combat") and view.filters.orgs == ("NATO",)
    assert notices == []


def test_bad_values_fall_back_with_notices():
    """Unknown, malformed and oversized values never raise; each gives a notice."""
    params = {"country": "XXX", "op": "nope", "from": "19x5", "to": "3000", "measure": "gdp", "status": "maybe",
              "type": "war", "foo": "1", "q": "x" * 5000}
    view, notices = parse_view(params, OPTIONS)
    assert view == ViewState()
    assert len(notices) == 9


def test_repeated_single_parameters_use_the_first():
    view, notices = parse_view({"country": ["LVA", "AFG"]}, OPTIONS)
    assert view.country == "LVA" and "given 2 times" in notices[0]


def test_reversed_years_are_swapped():
    view, notices = parse_view({"from": "2020", "to": "2000"}, OPTIONS)
    assert (view.filters.year_from, view.filters.year_to) == (2000, 2020) and notices


def test_country_and_operation_together_keep_the_country():
    view, notices = parse_view({"country": "lva", "op": "reassurance"}, OPTIONS)
    assert view.country == "LVA" and view.operation is None and notices
