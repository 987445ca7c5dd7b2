"""AppTest: every page, opened by a link, on the fixture dataset (tests/fixture_tables.PAGE_ROWS).

The app reads the fixture through CANADA_ABROAD_CSV, so each test asserts the exact counts and
names a reader would see for these fourteen rows, whatever happens to data/engagements.csv (the
bundled data has its own tests: test_data_quality.py, test_bundled_record.py).

AppTest drops the entrypoint's sidebar on a second run of an st.navigation app
(reproduced with a two-line app), so interactions that need reruns - changing a
filter and seeing the URL follow - are tested in the browser (test_browser.py).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from canada_abroad.text import count
from tests.conftest import csv_text, row
from ui.cached import DATA_PATH_ENV

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/map.py", "pages/footprint.py", "pages/operations.py", "pages/commitments.py", "pages/country.py",
         "pages/data.py"]


@pytest.fixture(autouse=True)
def fixture_dataset(page_csv, monkeypatch):
    """Every test in this module runs the app on the fixture rows unless it sets its own file."""
    monkeypatch.setenv(DATA_PATH_ENV, page_csv)


def open_app(page: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [h.value for h in at.subheader] + [h.value for h in at.header]
    parts += [c.value for c in at.caption] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def values(elements) -> list[str]:
    return [str(element.value) for element in elements]


def top_list(at: AppTest) -> list[str]:
    """The map's side list of countries (ui/find.country_list: a radio group, largest first)."""
    lists = [radio for radio in at.radio if str(radio.key or "").startswith("where_")]
    return list(lists[0].options) if lists else []


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(page):
    open_app(page)


def test_map_opens_on_deployments_where_canadians_serve():
    """The default measure counts operations that sent people: Ukraine's money-only operation is not counted."""
    at = open_app()
    assert at.selectbox(key="w_measure").value == "deployments"
    assert top_list(at) == ["Latvia: 2 deployments", "Afghanistan: 1 deployment", "Côte d'Ivoire: 1 deployment",
                            "Democratic Republic of the Congo: 1 deployment", "Iraq: 1 deployment",
                            "Kuwait: 1 deployment", "South Korea: 1 deployment", "Ukraine: 1 deployment"]


def test_charts_have_their_numbers_as_a_table_below():
    """Commitments: place, status and amount of each bar; Over time: one row per year with the charts' figures."""
    money = open_app("pages/commitments.py", q="ukraine").dataframe[0].value
    assert money[["place", "status", "amount_cad"]].values.tolist() == [["Ukraine", "committed", 4e9],
                                                                       ["Ukraine", "delivered", 5e8]]
    years = open_app("pages/footprint.py").dataframe[0].value.set_index("year")
    assert {"countries", "personnel", "personnel_deterrence"} <= set(years.columns)
    assert years["countries"].max() > 0 and len(years) == years.index.max() - years.index.min() + 1


def test_map_counts_every_row_and_lists_countries_by_operations():
    at = open_app(measure="operations")
    assert at.caption[0].value.startswith("14 of 14 engagements and 10 operations match the filters.")
    assert top_list(at)[:2] in (["Latvia: 2 operations", "Ukraine: 2 operations"],
                                ["Ukraine: 2 operations", "Latvia: 2 operations"])
    assert sorted(top_list(at)[2:]) == ["Afghanistan: 1 operation", "Côte d'Ivoire: 1 operation",
                                        "Democratic Republic of the Congo: 1 operation", "Iraq: 1 operation",
                                        "Kuwait: 1 operation", "South Korea: 1 operation"]


@pytest.mark.parametrize(("params", "engagements", "operations"), [
    ({"type": "combat"}, 4, 3),
    ({"org": "UN"}, 3, 3),
    ({"status": "ended"}, 7, 6),
    ({"region": "Sub-Saharan Africa"}, 2, 2),
    ({"from": "2020", "to": "2021"}, 7, 6),
    ({"q": "unifier"}, 1, 1),
    ({"type": "deterrence,training", "status": "ongoing", "region": "Europe"}, 4, 2),
    ({"type": "humanitarian"}, 0, 0),
])
def test_map_caption_counts_the_rows_the_link_selects(params, engagements, operations):
    at = open_app(**params)
    assert at.caption[0].value.startswith(
        f"{engagements} of 14 engagements and {count(operations, 'operations')} match the filters.")


def test_map_personnel_lists_the_largest_at_one_time_figures():
    """Korea's only figure is cumulative, so Korea is not listed."""
    assert top_list(open_app(measure="personnel")) == [
        "Latvia: 2,200 personnel", "Afghanistan: 2,000 personnel", "Iraq: 850 personnel", "Kuwait: 300 personnel",
        "Ukraine: 200 personnel", "Democratic Republic of the Congo: 9 personnel"]


@pytest.mark.parametrize(("measure", "listed"), [
    ("cad_committed", ["Ukraine: $4.00 billion CAD"]),
    ("cad_delivered", ["Ukraine: $500.0 million CAD"]),
    ("cad_announced", ["Latvia: $2.60 billion CAD"]),
    ("cad_allocated", []),
])
def test_map_money_sums_the_amounts_of_one_stage_per_country(measure, listed):
    at = open_app(measure=measure)
    assert top_list(at) == listed
    assert at.selectbox(key="w_measure").value == measure and at.query_params["measure"] == measure


def test_map_years_counts_years_of_presence_within_the_range():
    at = open_app(measure="years", **{"from": "2020", "to": "2021"})
    assert "Latvia: 2 years" in top_list(at) and "Afghanistan: 0 years" not in top_list(at)


def test_map_link_with_country_and_filter_opens_that_panel():
    """?country=LVA&type=deterrence opens Latvia's panel with the filter applied: three REASSURANCE rows."""
    at = open_app(country="LVA", type="deterrence")
    assert "Latvia" in values(at.subheader)
    assert at.multiselect(key="w_type").value == ["deterrence"]
    assert "3 engagements, 1 operation match the filters" in values(at.caption)
    assert values(at.markdown).count("**Operation REASSURANCE**") == 3 and "KOBOLD" not in texts(at)
    assert at.query_params["country"] == "LVA" and at.query_params["type"] == "deterrence"


def test_map_link_with_operation_opens_the_operation_panel():
    at = open_app(op="impact")
    assert "Operation IMPACT" in values(at.subheader)
    assert "2 engagements in 2 places: Iraq, Kuwait" in values(at.caption)


def test_bad_link_shows_notices_and_the_default_view():
    at = open_app(country="XXX", measure="gdp", foo="bar", **{"from": "18x0"})
    assert values(at.warning) == [
        "Ignored unknown link parameter 'foo'.",
        f"Ignored year '18x0' for 'from': use a year from 1950 to {date.today().year}.",
        "Ignored unknown measure 'gdp'.",
        "Ignored unknown country code 'XXX'.",
    ]
    assert "Where Canada is engaged" in values(at.subheader)
    assert dict(at.query_params) == {"lang": "en"}  # a link always says its language


def test_a_link_with_hundreds_of_junk_parameters_gets_a_short_list_of_notices():
    at = open_app(**{f"junk{i}": "x" for i in range(300)})
    warnings = values(at.warning)
    assert len(warnings) == 6 and "295 more" in warnings[-1]
    assert "Where Canada is engaged" in values(at.subheader)


def test_sidebar_widgets_show_the_link_values():
    at = open_app(type="combat", org="UN", status="ended", region="Asia-Pacific", q="korea",
                  **{"from": "1950", "to": "1960"})
    assert at.multiselect(key="w_type").value == ["combat"] and at.multiselect(key="w_org").value == ["UN"]
    assert at.radio(key="w_status").value == "ended" and at.multiselect(key="w_region").value == ["Asia-Pacific"]
    assert at.slider(key="w_years").value == (1950, 1960) and at.text_input(key="w_q").value == "korea"
    assert at.caption[0].value.startswith("1 of 14 engagements and 1 operation match")
    assert top_list(at) == ["South Korea: 1 deployment"]


def test_operations_page_lists_the_operations_the_filters_keep():
    at = open_app("pages/operations.py", type="training")
    assert at.caption[0].value.startswith("2 operations match the filters.")
    table = at.dataframe[0].value
    assert list(table["operation"]) == ["Operation KOBOLD", "Operation UNIFIER"]
    assert list(table["end_label"]) == ["2020", "ongoing"] and list(table["places"]) == ["Latvia", "Ukraine"]


def test_operations_page_with_op_shows_every_country_of_it():
    at = open_app("pages/operations.py", op="impact")
    assert "Operation IMPACT" in values(at.subheader)
    assert "2 engagements in 2 places: Iraq, Kuwait" in values(at.caption)


def test_commitments_page_lists_money_with_status():
    at = open_app("pages/commitments.py", q="ukraine")
    assert at.caption[0].value.startswith("2 commitments of money or materiel match the filters.")
    assert list(at.dataframe[-1].value["money_text"]) == ["$4.00 billion (committed)", "$500.0 million (delivered)"]


def test_commitments_page_without_filters_has_every_commitment():
    assert len(open_app("pages/commitments.py").dataframe[-1].value) == 3


def test_country_page_profile_from_link():
    at = open_app("pages/country.py", country="LVA")
    assert values(at.header)[0] == "Latvia"
    assert "Region: Europe. 4 of 4 engagements here match the filters." in values(at.caption)
    assert [(m.label, m.value) for m in at.metric] == [
        ("Operations", "2"), ("First year", "2017"), ("Ongoing engagements", "3")]
    assert "**Money stated, by status:** \\$2\\.60 billion announced" in values(at.markdown)  # escaped Markdown
    assert at.selectbox(key="country_pick").value == "LVA"


@pytest.mark.parametrize(("params", "caption"), [
    ({"country": "CIV"}, "Region: Sub-Saharan Africa. 1 of 1 engagement here matches the filters."),  # no money
    ({"country": "AFG", "type": "sanctions_monitoring"},  # the filter leaves no row here
     "Region: South and Central Asia. 0 of 1 engagement here matches the filters."),
    ({"country": "MNG"}, "Region: Asia-Pacific. 0 of 0 engagements here match the filters."),  # no row at all
])
def test_country_page_renders_countries_without_money_or_rows(params, caption):
    at = open_app("pages/country.py", **params)
    assert caption in values(at.caption)
    assert "**Money stated, by status:** not stated" in values(at.markdown)


def test_data_page_shows_dictionary_and_a_clean_report():
    at = open_app("pages/data.py")
    assert values(at.success) == ["All 14 rows passed every check."]
    assert f"14 rows, 10 operations, 1950–{date.today().year}." in at.caption[0].value
    assert "personnel_basis" in texts(at)


def test_map_legend_explains_marker_colours_of_the_types_shown():
    at = open_app(type="peace_operation")
    legends = [m.value for m in at.markdown if "Markers by type" in m.value]
    assert len(legends) == 1
    assert "Peace operation" in legends[0] and "Combat" not in legends[0]


def test_each_page_file_is_named_after_its_url_path():
    """A first visit to a fresh server looks the path up among pages/ file names (see ui/frame.py)."""
    source = Path(APP).read_text(encoding="utf-8")
    pages = re.findall(r'st\.Page\("pages/(\w+)\.py".*?url_path="(\w+)"', source)
    assert len(pages) == len(PAGES)
    assert all(file_stem == url_path for file_stem, url_path in pages), pages


def test_commitments_chart_survives_a_stated_zero(tmp_path, monkeypatch):
    """A log-scale chart cannot place $0; the zero row stays in the table and nothing crashes."""
    data = tmp_path / "zero.csv"
    data.write_text(csv_text([
        row(id="zero-lva", kind="commitment", amount_cad="0", amount_status="announced"),
        row(id="some-lva", kind="commitment", amount_cad="5000000", amount_status="committed"),
    ]), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_ENV, str(data))
    at = open_app("pages/commitments.py")
    assert len(at.dataframe[-1].value) == 2



@pytest.fixture
def years_fixture(tmp_path, monkeypatch):
    """The fixture table of tests/test_years.py as the bundled file: Somalia and Bosnia 1992-1995, Latvia since 2017."""
    from tests.test_years import FIXTURE
    data = tmp_path / "years.csv"
    data.write_text(csv_text(FIXTURE), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_ENV, str(data))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_honours_a_year_link(years_fixture, page):
    """?year=1993 on any page: the year box shows it, the link keeps it, no notice."""
    at = open_app(page, year="1993")
    assert at.number_input(key="w_year").value == 1993
    assert at.query_params["year"] == "1993"
    assert not at.warning


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", [{"year": "19x3"}, {"year": "1800"}, {"compare": "1993"}, {"compare": "1993,x"}])
def test_every_page_turns_a_malformed_year_or_compare_into_a_notice_and_the_default_view(years_fixture, page, params):
    at = open_app(page, **params)
    assert len(at.warning) == 1 and list(params)[0] in at.warning[0].value
    assert at.number_input(key="w_year").value is None
    assert dict(at.query_params) == {"lang": "en"}  # a link always says its language


def test_map_year_link_lists_the_countries_of_that_year(years_fixture):
    """1993: Somalia and Bosnia in the panel, not Latvia; the scale note says one scale for every year."""
    at = open_app(year="1993")
    assert "Where Canada was engaged in 1993" in [s.value for s in at.subheader]
    listed = " ".join(str(option) for radio in at.radio for option in radio.options)
    assert "Somalia" in listed and "Bosnia and Herzegovina" in listed and "Latvia" not in listed
    assert any("One colour scale for every year" in c.value for c in at.caption)


def test_a_year_link_with_a_range_shows_the_year_with_a_notice(years_fixture):
    at = open_app(year="1993", **{"from": "1992", "to": "1995"})
    assert [w.value for w in at.warning] == ["A link shows one year or a range of years, not both; the year 1993 "
                                             "is shown."]
    assert dict(at.query_params) == {"year": "1993", "lang": "en"}


def test_the_range_view_says_its_classes_are_its_own(years_fixture):
    at = open_app(**{"from": "1992", "to": "1995"})
    assert any("Classes from this view (1992–1995)" in c.value for c in at.caption)


def test_map_table_twin_gives_the_numbers_the_map_draws_for_one_year():
    """In a single year the map counts years of presence up to that year (Latvia from 2017: 7 in 2023);
    the table twin and its CSV take the map's numbers, not the year's own rows' (which say 1)."""
    at = open_app(year="2023", measure="years")
    assert "Latvia: 7 years" in top_list(at)
    at.toggle(key="w_twin").set_value(True).run()
    twin = at.dataframe[0].value.set_index("country")
    assert twin.loc["Latvia", "map_value"] == 7
