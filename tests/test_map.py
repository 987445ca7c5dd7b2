"""The map: no CDN, data text escaped, clicks become selections, layers sized sensibly."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as hst
from streamlit_folium import _get_feature_group_string, _get_map_string

from canada_abroad.assets import map_js_url, years_js_url
from canada_abroad.filters import Filters, apply_filters
from canada_abroad.map_events import interpret_click
from canada_abroad.map_view import (
    _most_common,
    base_map,
    country_styles,
    dynamic_layers,
    marker_features,
    standalone_html,
)
from canada_abroad.measures import class_ranges, colour_classes, colour_for, country_measure
from canada_abroad.text import count, measure_text

GEOMETRY_URL = "/app/static/geo/countries.test.json"
HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def test_map_loads_only_leaflet_and_its_own_script_from_the_app_itself(geography):
    """No CDN: the only JS and CSS are Leaflet's, static/js/map.js and static/js/years.js, under /app/static."""
    m = base_map(geography, geometry_url=GEOMETRY_URL)
    assert m.default_js == [("leaflet", "../../app/static/leaflet/leaflet.js"), ("canada_abroad_map", map_js_url()),
                            ("canada_abroad_years", years_js_url())]
    assert re.fullmatch(r"\.\./\.\./app/static/js/map\.js\?v=[0-9a-f]{12}", map_js_url())
    assert re.fullmatch(r"\.\./\.\./app/static/js/years\.js\?v=[0-9a-f]{12}", years_js_url())
    assert m.default_css == [("leaflet_css", "../../app/static/leaflet/leaflet.css")]
    html = m.get_root().render()
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html and "bootstrap" not in html


def test_base_map_script_is_the_same_every_run(geography):
    """A stable base script means streamlit-folium never remounts the map on reruns."""
    first = _get_map_string(base_map(geography, geometry_url=GEOMETRY_URL))
    second = _get_map_string(base_map(geography, geometry_url=GEOMETRY_URL))
    assert first == second


def test_marker_labels_are_escaped(dataset):
    rows = dataset.frame.head(1).assign(operation=HOSTILE)
    label = marker_features(rows, None)["features"][0]["properties"]["label"]
    assert "<img" not in label and "&lt;img" in label


def test_country_tooltips_cannot_break_out_of_the_script(dataset, geography):
    values = pd.Series({"LVA": 1.0})
    styles = country_styles(values, colour_classes(values), geography, {"LVA"}, lambda _: "</script><b>")
    html = standalone_html(geography, dynamic_layers(styles, {"type": "FeatureCollection", "features": []}),
                           {"js": "", "css": "", "map_js": ""})
    assert "</script><b>" not in html


def test_filter_dependent_layers_are_small(dataset, geography):
    """What is resent on a filter change (colours, tooltips, markers) stays far below the geometry's size."""
    rows = apply_filters(dataset.frame, Filters())
    values = country_measure(rows, "operations")
    layers = dynamic_layers(country_styles(values, colour_classes(values), geography, set(), str),
                            marker_features(rows, None))
    m = base_map(geography, geometry_url=GEOMETRY_URL)
    sent = sum(len(_get_feature_group_string(group, map=m, idx=i)) for i, group in enumerate(layers.groups))
    assert 0 < sent < 400 * len(rows)  # about 340 bytes per marker and tooltip; the geometry is 10 times more


def test_personnel_measure_takes_the_largest_figure_not_a_sum(dataset):
    """Largest at-one-time figure; cumulative totals are left out of the map."""
    rows = pd.DataFrame({"iso3": ["AFG", "AFG", "AFG"], "personnel": pd.array([100, 2500, 40000], dtype="Int64"),
                         "personnel_basis": ["snapshot", "peak", "cumulative"], "operation_id": ["a", "b", "c"]})
    assert country_measure(rows, "personnel")["AFG"] == 2500


def test_click_on_a_country_selects_it():
    event = {"last_clicked": {"lat": 1, "lng": 2}, "last_object_clicked": {"lat": 1, "lng": 2},
             "last_active_drawing": {"properties": {"iso3": "LVA"}}}
    assert interpret_click(event, None).country == "LVA"


def test_click_on_a_marker_selects_its_operation():
    event = {"last_clicked": {"lat": 1, "lng": 2}, "last_object_clicked": {"lat": 1, "lng": 2},
             "last_active_drawing": {"properties": {"op": "reassurance", "iso3": None}}}
    assert interpret_click(event, None).operation == "reassurance"


def test_click_on_the_sea_clears_the_selection():
    before = {"last_clicked": {"lat": 1, "lng": 2}, "last_object_clicked": {"lat": 1, "lng": 2},
              "last_active_drawing": {"properties": {"iso3": "LVA"}}}
    sea = {**before, "last_clicked": {"lat": 30, "lng": -40}}
    assert interpret_click(sea, before).clears


def test_same_report_twice_is_not_a_new_click():
    event = {"last_clicked": {"lat": 1, "lng": 2}, "last_object_clicked": {"lat": 1, "lng": 2},
             "last_active_drawing": {"properties": {"iso3": "LVA"}}}
    assert interpret_click(event, event) is None


def test_every_mission_type_has_a_marker_colour():
    from canada_abroad.palette import MISSION_TYPE_COLOURS
    from canada_abroad.schema import MISSION_TYPES

    assert set(MISSION_TYPE_COLOURS) == set(MISSION_TYPES)


def test_downloads_round_trip_through_the_validator(dataset, geography):
    """The filtered-rows CSV the app offers is a valid upload: same schema, nothing lost."""
    from canada_abroad.engagements import load_engagements_bytes
    from canada_abroad.safe_text import csv_bytes
    from canada_abroad.schema import COLUMN_NAMES

    again = load_engagements_bytes(csv_bytes(dataset.frame[list(COLUMN_NAMES)]), geography, "download.csv")
    assert again.validation.errors == [] and len(again.frame) == len(dataset.frame)


def test_a_download_with_a_lone_carriage_return_uploads_again_intact(dataset, geography):
    """Mac-style line breaks inside a cell stay inside that cell (the writer quotes them)."""
    from canada_abroad.engagements import load_engagements_bytes
    from canada_abroad.safe_text import csv_bytes
    from canada_abroad.schema import COLUMN_NAMES

    rows = dataset.frame.head(3)[list(COLUMN_NAMES)].copy()
    rows["description"] = ["first\rsecond", "plain", "a\r\nb"]
    again = load_engagements_bytes(csv_bytes(rows), geography, "download.csv")
    assert again.validation.errors == [] and list(again.frame["id"]) == list(rows["id"])


# The vectorised measures and grid-cell summaries against the plain loops they replaced.
ROWS = hst.lists(hst.tuples(hst.sampled_from(["", "AFG", "CYP", "LVA"]), hst.integers(1940, 2030),
                            hst.integers(0, 40)), max_size=40)
BOUND = hst.one_of(hst.none(), hst.integers(1930, 2040))


def years_present_by_loop(rows, year_from, year_to) -> dict[str, float]:
    years: dict[str, set[int]] = {}
    for iso3, start, length in rows:
        if iso3 == "":
            continue
        low = max(start, year_from) if year_from is not None else start
        high = min(start + length, year_to) if year_to is not None else start + length
        years.setdefault(iso3, set()).update(range(low, high + 1))
    return {iso3: float(len(found)) for iso3, found in years.items()}


@settings(max_examples=300, deadline=None)
@given(ROWS, BOUND, BOUND)
def test_years_measure_counts_each_calendar_year_once(rows, year_from, year_to):
    frame = pd.DataFrame(rows, columns=["iso3", "start_year", "length"], dtype=object).astype(
        {"iso3": "str", "start_year": "int64", "length": "int64"})
    frame["end_year"] = frame["start_year"] + frame["length"]
    measured = country_measure(frame, "years", year_from, year_to)
    assert measured.to_dict() == years_present_by_loop(rows, year_from, year_to)


@settings(max_examples=300, deadline=None)
@given(hst.lists(hst.tuples(hst.integers(0, 5), hst.sampled_from(["", "a", "b", "c"])), min_size=1, max_size=60))
def test_grid_cell_takes_its_most_common_non_empty_value(pairs):
    cells = pd.Series([cell for cell, _ in pairs])
    values = pd.Series([value for _, value in pairs], dtype="str")
    found = _most_common(cells.to_numpy(), values)
    for cell in range(cells.max() + 1):
        counts = values[(cells == cell) & (values != "")].value_counts()
        if counts.empty:
            assert found[cell] == ""
        else:
            assert counts[found[cell]] == counts.max()


@settings(max_examples=200, deadline=None)
@given(hst.lists(hst.one_of(hst.integers(1, 12), hst.integers(1, 5000)), min_size=1, max_size=60),
       hst.sampled_from(["operations", "years", "personnel"]))
def test_legend_ranges_of_whole_numbers_do_not_overlap_and_hold_their_values(values, measure):
    """A count of 2 belongs to exactly one legend range, the one whose colour it gets."""
    series = pd.Series(values, dtype="float64")
    classes = colour_classes(series)
    ranges = class_ranges(classes, measure)
    for (_, upper), (lower, _) in zip(ranges, ranges[1:]):
        assert lower == upper + 1
    for value in values:
        holding = [c.colour for c, (low, high) in zip(classes, ranges) if low <= value <= high]
        assert holding == [colour_for(value, classes)]


def test_counts_and_measures_read_as_english():
    assert count(1, "operations") == "1 operation"
    assert count(0, "operations") == "0 operations"
    assert count(1200, "engagements") == "1,200 engagements"
    assert measure_text("years", 1) == "1 year"
    assert measure_text("operations", 3) == "3 operations"
    assert measure_text("personnel", 1) == "1 personnel"
    assert measure_text("cad_committed", 5_000_000) == "$5.0 million CAD"


def test_the_outlines_are_served_beside_the_other_static_files():
    """Both are written relative to the map's iframe, which is what keeps them right under a base path."""
    from canada_abroad.assets import STATIC_URL
    from canada_abroad.browser_geometry import URL_PREFIX

    assert URL_PREFIX == f"{STATIC_URL}/geo" and not STATIC_URL.startswith("/")
