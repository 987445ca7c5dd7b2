"""Links: parse, validate, fall back with notices, and stay short."""

from __future__ import annotations

import pytest

from canada_abroad.filters import Filters
from canada_abroad.link_params import params_markdown
from canada_abroad.view_state import LINK_PARAMS, PARAMS, Options, ViewState, parse_view, to_params

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


# One link value per parameter with the view it must give: a parameter added to LINK_PARAMS
# without a case here fails test_every_parameter_has_a_case.
CASES = {
    "type": ("combat,DETERRENCE", {"filters": Filters(types=("combat", "deterrence"))}),
    "org": ("un", {"filters": Filters(orgs=("UN",))}),
    "status": ("Ended", {"filters": Filters(status="ended")}),
    "region": ("europe", {"filters": Filters(regions=("Europe",))}),
    "from": ("1915", {"filters": Filters(year_from=1915)}),
    "to": ("2026", {"filters": Filters(year_to=2026)}),
    "q": ("  c++ (a.b) ", {"filters": Filters(query="c++ (a.b)")}),
    "kind": ("Commitment", {"filters": Filters(kind="commitment")}),
    "year": ("1993", {"filters": Filters(year=1993)}),
    "compare": ("1993,2024", {"compare": (1993, 2024)}),
    "measure": ("CAD_Delivered", {"measure": "cad_delivered"}),
    "country": ("afg", {"country": "AFG"}),
    "op": ("REASSURANCE", {"operation": "reassurance"}),
    "lang": ("FR", {"language": "fr"}),
}


def test_a_link_always_carries_its_language_even_english():
    """Unlike other parameters, `lang` has no fixed default: a link opens in the language it was made in."""
    assert to_params(ViewState(language="en")) == {"lang": "en"}
    assert to_params(ViewState(language="fr", country="LVA")) == {"country": "LVA", "lang": "fr"}
    view, notices = parse_view({"lang": "de"}, OPTIONS)
    assert view.language is None and notices == ["Ignored unknown language 'de'; use en or fr."]


def test_every_parameter_has_a_case():
    assert set(CASES) == set(PARAMS) == {param.name for param in LINK_PARAMS}


@pytest.mark.parametrize("name", CASES)
def test_each_parameter_alone_parses_and_round_trips(name):
    text, expected = CASES[name]
    view, notices = parse_view({name: text}, OPTIONS)
    assert (view, notices) == (ViewState(**expected), [])
    assert list(to_params(view)) == [name]
    assert parse_view(to_params(view), OPTIONS) == (view, [])


@pytest.mark.parametrize(("name", "text"), [("from", "1915"), ("from", "2026"), ("to", "1915"), ("to", "2026")])
def test_first_and_last_years_of_the_data_are_accepted(name, text):
    view, notices = parse_view({name: text}, OPTIONS)
    assert notices == [] and getattr(view.filters, "year_" + name) == int(text)


@pytest.mark.parametrize(("name", "text"), [("from", "1914"), ("to", "2027"), ("from", "02000"), ("to", "200"),
                                            ("to", "２０００"), ("from", "")])
def test_years_outside_the_data_or_not_four_digits_are_refused(name, text):
    view, notices = parse_view({name: text}, OPTIONS)
    assert view == ViewState()
    assert notices == [f"Ignored year '{text}' for '{name}': use a year from 1915 to 2026."]


def test_a_range_of_one_year_is_kept():
    view, notices = parse_view({"from": "2000", "to": "2000"}, OPTIONS)
    assert (view.filters.year_from, view.filters.year_to, notices) == (2000, 2000, [])


def test_notices_say_exactly_what_was_ignored():
    _, notices = parse_view({"type": "war", "org": "Nato,WTO", "region": "Mars", "status": "maybe", "measure": "gdp",
                             "country": "xx", "op": "nope", "zzz": "1"}, OPTIONS)
    assert notices == [
        "Ignored unknown link parameter 'zzz'.",
        "Ignored unknown type 'war'.",
        "Ignored unknown org 'WTO'.",
        "Ignored unknown status 'maybe'; use ongoing or ended.",
        "Ignored unknown region 'Mars'.",
        "Ignored unknown measure 'gdp'.",
        "Ignored unknown country code 'XX'.",
        "Ignored unknown operation 'nope'.",
    ]


def test_a_too_long_value_is_refused_whole():
    view, notices = parse_view({"q": "x" * 301, "type": "combat," + "x" * 300}, OPTIONS)
    assert view == ViewState()
    assert notices == ["Ignored link parameter 'q': the value is too long.",
                       "Ignored link parameter 'type': the value is too long."]
    assert parse_view({"q": "x" * 300}, OPTIONS)[0].filters.query == "x" * 300


def test_an_empty_country_or_operation_is_no_selection_and_no_notice():
    assert parse_view({"country": "", "op": " "}, OPTIONS) == (ViewState(), [])


def test_a_list_drops_blanks_and_repeats():
    view, notices = parse_view({"type": ", combat,,Combat , "}, OPTIONS)
    assert view.filters.types == ("combat",) and notices == []


def test_links_follow_the_table_order_and_leave_out_defaults():
    view = ViewState(Filters(query=" ", status="all", year_to=2001), "deployments", None, "reassurance")
    assert list(to_params(view).items()) == [("to", "2001"), ("op", "reassurance")]


def test_selecting_a_country_clears_the_operation_and_back():
    view = ViewState(operation="reassurance")
    assert view.select_country("LVA") == ViewState(country="LVA")
    assert view.select_country("LVA").select_operation("x") == ViewState(operation="x")


def test_the_readme_table_lists_each_parameter_with_its_default_and_widget():
    table = params_markdown(LINK_PARAMS)
    assert "| `status` | `ongoing` or `ended` | `all` | sidebar: Status |" in table
    assert "| `type` | comma-separated mission types" in table and "| all | sidebar: Mission type |" in table
    assert ("| `measure` | `operations` or `personnel` or `cad_announced` or `cad_committed` or `cad_allocated` or "
            "`cad_delivered` or `years` | `deployments` | map page: Colour countries by |") in table
    assert "| `from` | a year, `YYYY` | none | sidebar: Active between |" in table


def test_reversed_years_and_two_selections_say_what_was_done():
    assert parse_view({"from": "2020", "to": "2000"}, OPTIONS)[1] == ["The year range was reversed; it has been swapped."]
    assert parse_view({"country": "LVA", "op": "reassurance"}, OPTIONS)[1] == [
        "A link can open a country or an operation, not both; the country is shown."]


def test_a_long_bad_value_is_quoted_cut_short():
    """Notices quote at most 40 characters of a name or value (20 of a year, 12 of a country code)."""
    long = "abcdefghij" * 6
    _, notices = parse_view({long: "1", "type": long, "from": long[:30], "country": long, "measure": long}, OPTIONS)
    assert notices == [f"Ignored unknown link parameter '{long[:40]}'.", f"Ignored unknown type '{long[:40]}'.",
                       f"Ignored year '{long[:20]}' for 'from': use a year from 1915 to 2026.",
                       f"Ignored unknown measure '{long[:40]}'.", f"Ignored unknown country code '{long[:12].upper()}'."]


def test_an_old_measure_name_opens_its_successor_with_a_notice():
    """measure=cad (money of every stage added up) opens money committed, and says so."""
    view, notices = parse_view({"measure": "CAD"}, OPTIONS)
    assert view == ViewState(measure="cad_committed")
    assert notices == ["The measure 'CAD' added money of different stages together; this link now shows money "
                       "committed. Other stages are under 'Colour countries by'."]
def test_year_and_compare_round_trip():
    view = ViewState(Filters(types=("deterrence",), year=1993), compare=(1993, 2024))
    assert to_params(view) == {"type": "deterrence", "year": "1993", "compare": "1993,2024"}
    assert parse_view(to_params(view), OPTIONS) == (view, [])


def test_a_year_wins_over_a_range_with_a_notice():
    view, notices = parse_view({"year": "1993", "from": "1990", "to": "2000"}, OPTIONS)
    assert view.filters == Filters(year=1993)
    assert notices == ["A link shows one year or a range of years, not both; the year 1993 is shown."]


def test_malformed_year_and_compare_fall_back_with_notices():
    """Out of range, not a year, one year, three years: each a notice and the default view."""
    for params in ({"year": "1800"}, {"year": "nineteen"}, {"year": "1993.5"}, {"compare": "1993"},
                   {"compare": "1993,2024,2025"}, {"compare": "1993,3000"}, {"compare": "a,b"}):
        view, notices = parse_view(params, OPTIONS)
        assert view == ViewState() and len(notices) == 1, params
