"""AppTest: the Data & sources page states the record's coverage, counted on a fixture file."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.conftest import csv_text, row
from ui.cached import DATA_PATH_ENV

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_coverage_by_decade_and_region_and_personnel_share(tmp_path, monkeypatch):
    data = tmp_path / "fixture.csv"
    data.write_text(csv_text([
        row(id="a1", operation="UNEF I", start_date="1956", end_date="1967", as_of="1967"),
        row(id="a2", operation="UNEF I", start_date="1973", end_date="1979", personnel="", personnel_basis=""),
        row(id="b", operation="Operation DELIVERANCE", start_date="1992-12", end_date="1993-06", iso3="", area="Red Sea",
            lat="20", lon="38.5", as_of="1993"),
    ]), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_ENV, str(data))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/data.py")
    at.run()
    assert not at.exception
    assert any("Personnel is stated on 67% of deployment rows" in m.value for m in at.markdown)
    by_decade = at.dataframe[-2].value.set_index("decade")
    assert by_decade.loc["1950s"].tolist() == [1, 1]
    assert by_decade.loc["1970s"].tolist() == [0, 1]
    assert by_decade.loc["1990s"].tolist() == [1, 1]
    by_region = at.dataframe[-1].value.set_index("region")
    assert by_region.loc["Europe"].tolist() == [2, 1]
    assert by_region.loc["Middle East and North Africa"].tolist() == [1, 1]
