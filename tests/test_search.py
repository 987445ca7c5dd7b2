"""Finding a country or an operation by typing: the choices, their keys, and where the map goes."""

from __future__ import annotations

import pandas as pd

from canada_abroad.geography import Geography
from canada_abroad.search import country_bounds, focus_bounds, parse_choice, search_choices

GEOJSON = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"iso3": "LVA", "name": "Latvia"},
     "geometry": {"type": "Polygon", "coordinates": [[[21.0, 55.7], [28.2, 55.7], [28.2, 58.1], [21.0, 58.1]]]}},
    {"type": "Feature", "properties": {"iso3": "RWA", "name": "Rwanda"},
     "geometry": {"type": "MultiPolygon", "coordinates": [[[[28.9, -2.8], [30.9, -2.8], [30.9, -1.0]]]]}},
]}


def _geography() -> Geography:
    countries = pd.DataFrame({"name": ["Latvia", "Rwanda"], "region": ["Europe", "Africa"], "small": [False, False],
                              "label_lat": [57.0, -2.0], "label_lon": [25.0, 30.0]}, index=pd.Index(["LVA", "RWA"],
                                                                                                  name="iso3"))
    seas = pd.DataFrame({"region": [], "lat": [], "lon": []}, index=pd.Index([], name="area"))
    return Geography(countries, seas, GEOJSON)


FRAME = pd.DataFrame({
    "iso3": ["LVA", "RWA", "", "LVA"],
    "operation_id": ["reassurance", "lance", "caribbe", "impact-lva"],
    "operation": ["Operation REASSURANCE", "Operation LANCE", "Operation CARIBBE", "Operation IMPACT"],
    "mission": ["NATO eFP", "UNAMIR", "Caribbean interdiction", "Coalition"],
    "lat": [56.9, -1.9, 15.0, 56.9],
    "lon": [24.1, 30.1, -75.0, 24.1],
})


def test_choices_list_countries_by_name_then_operations():
    """Countries with rows come first by name, then every operation by name; keys say which is which."""
    choices = search_choices(FRAME, _geography())
    assert list(choices)[:2] == ["country:LVA", "country:RWA"]
    assert choices["op:impact-lva"] == "Operation IMPACT"
    assert set(choices) >= {"op:reassurance", "op:lance", "op:caribbe"}


def test_operations_sharing_a_name_are_told_apart_by_mission():
    second = FRAME[FRAME["operation_id"] == "lance"].assign(operation_id="lance-2", mission="UNMISS")
    choices = search_choices(pd.concat([FRAME, second], ignore_index=True), _geography())
    assert choices["op:lance"] == "Operation LANCE (UNAMIR)" and choices["op:lance-2"] == "Operation LANCE (UNMISS)"


def test_parse_choice():
    assert parse_choice("country:RWA") == ("RWA", None)
    assert parse_choice("op:impact") == (None, "impact")
    assert parse_choice(None) == (None, None) and parse_choice("junk") == (None, None)


def test_focus_is_the_country_outline_or_everything_an_operation_touches():
    bounds = country_bounds(GEOJSON)
    assert bounds["RWA"] == [[-2.8, 28.9], [-1.0, 30.9]]
    assert focus_bounds(FRAME, bounds, "LVA", None) == [[55.7, 21.0], [58.1, 28.2]]
    assert focus_bounds(FRAME, bounds, None, "caribbe") == [[15.0, -75.0], [15.0, -75.0]]
    assert focus_bounds(FRAME, bounds, None, None) is None


def test_every_country_and_operation_has_a_choice_that_opens_it():
    """Every panel is reachable by keyboard through the search box: each country with a row and each operation
    is a choice, and its key opens exactly that one (the filter tests' fixture table)."""
    from tests.fixture_tables import FILTER_ROWS, TINY_GEOGRAPHY, engagements

    frame = engagements(*FILTER_ROWS)
    choices = search_choices(frame, TINY_GEOGRAPHY)
    opened = [parse_choice(key) for key in choices]
    assert {iso3 for iso3, _ in opened if iso3} == set(frame["iso3"]) - {""}
    assert {op for _, op in opened if op} == set(frame["operation_id"])
    assert len(set(choices.values())) == len(choices), "two choices read the same"
