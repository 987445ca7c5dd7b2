"""AppTest: every page renders, with its state seeded through the link's query parameters.

AppTest drops the entrypoint's sidebar on a second run of an st.navigation app
(reproduced with a two-line app), so interactions that need reruns - changing a
filter and seeing the URL follow - are tested in the browser (test_browser.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import csv_text, row
from ui.cached import DATA_PATH_ENV

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ["pages/map.py", "pages/operations.py", "pages/commitments.py", "pages/country.py", "pages/data.py"]


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


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(page):
    open_app(page)


def test_map_link_with_country_and_filter_opens_that_panel():
    """?country=LVA&type=deterrence opens Latvia's panel with the filter applied."""
    at = open_app(country="LVA", type="deterrence")
    assert "Latvia" in [s.value for s in at.subheader]
    assert at.multiselect(key="w_type").value == ["deterrence"]
    assert "Operation REASSURANCE" in texts(at)
    assert at.query_params["country"] == "LVA"


def test_map_link_with_operation_opens_the_operation_panel():
    at = open_app(op="impact")
    assert "Operation IMPACT" in [s.value for s in at.subheader]


def test_bad_link_shows_notices_and_the_default_view():
    at = open_app(country="XXX", measure="gdp", foo="bar", **{"from": "18x0"})
    warnings = [w.value for w in at.warning]
    assert any("XXX" in w for w in warnings) and any("foo" in w for w in warnings)
    assert "Where Canada is engaged" in [s.value for s in at.subheader]
    assert dict(at.query_params) == {}


def test_a_link_with_hundreds_of_junk_parameters_gets_a_short_list_of_notices():
    at = open_app(**{f"junk{i}": "x" for i in range(300)})
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 6 and "295 more" in warnings[-1]
    assert "Where Canada is engaged" in [s.value for s in at.subheader]


def test_measure_is_kept_in_the_url():
    at = open_app(measure="years")
    assert at.selectbox(key="w_measure").value == "years"
    assert at.query_params["measure"] == "years"


def test_operations_page_with_op_shows_every_country_of_it():
    at = open_app("pages/operations.py", op="impact")
    assert "Operation IMPACT" in [s.value for s in at.subheader]
    assert "Iraq" in texts(at) and "Kuwait" in texts(at)


def test_country_page_profile_from_link():
    at = open_app("pages/country.py", country="AFG")
    assert "Afghanistan" in [h.value for h in at.header]


def test_commitments_page_lists_money_with_status():
    at = open_app("pages/commitments.py", q="ukraine")
    listed = at.dataframe[0].value
    assert len(listed) >= 3
    assert listed["money_text"].str.contains(r"\((?:announced|committed|allocated|delivered)[,)]").any()


def test_data_page_shows_dictionary_and_a_clean_report():
    at = open_app("pages/data.py")
    assert "All " in "\n".join(s.value for s in at.success)
    assert "personnel_basis" in texts(at)


def test_each_page_file_is_named_after_its_url_path():
    """A first visit to a fresh server looks the path up among pages/ file names (see ui/frame.py)."""
    source = Path(APP).read_text(encoding="utf-8")
    pages = re.findall(r'st\.Page\("pages/(\w+)\.py".*?url_path="(\w+)"', source)
    assert len(pages) == len(PAGES)
    assert all(file_stem == url_path for file_stem, url_path in pages), pages


@pytest.mark.parametrize("params", [
    {"country": "CIV"},  # no money stated: the sum of none is pandas' NA, which crashed the metric
    {"country": "AFG", "type": "sanctions_monitoring"},  # the filter leaves no row here
    {"country": "MNG"},  # no row at all in the data
])
def test_country_page_renders_countries_without_money_or_rows(params):
    at = open_app("pages/country.py", **params)
    assert at.header[0].value
    assert any(m.value == "**Money stated, by status:** not stated" for m in at.markdown)


def test_commitments_chart_survives_a_stated_zero(tmp_path, monkeypatch):
    """A log-scale chart cannot place $0; the zero row stays in the table and nothing crashes."""
    data = tmp_path / "zero.csv"
    data.write_text(csv_text([
        row(id="zero-lva", kind="commitment", amount_cad="0", amount_status="announced"),
        row(id="some-lva", kind="commitment", amount_cad="5000000", amount_status="committed"),
    ]), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_ENV, str(data))
    at = open_app("pages/commitments.py")
    assert len(at.dataframe[0].value) == 2


def test_map_legend_explains_marker_colours_of_the_types_shown():
    at = open_app(type="peace_operation")
    legends = [m.value for m in at.markdown if "Markers by type" in m.value]
    assert len(legends) == 1
    assert "Peace operation" in legends[0] and "Combat" not in legends[0]
