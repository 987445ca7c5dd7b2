"""The CSV reader and validator: every problem names line, column and fix; good rows are kept."""

from __future__ import annotations

import subprocess
import sys

import pytest

from canada_abroad.csv_reader import read_table
from canada_abroad.engagements import load_engagements_bytes
from canada_abroad.validation import validate_table
from tests.conftest import csv_text, row


def check(text: str | bytes, geography, **limits):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return validate_table(read_table(data, **limits), set(geography.countries.index), set(geography.seas.index))


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_a_good_row_is_kept_typed(geography):
    """A valid row comes back with numbers as numbers and its file line."""
    result = check(csv_text([row()]), geography)
    assert result.problems == []
    kept = result.frame.iloc[0]
    assert kept["lat"] == 56.95 and kept["personnel"] == 100 and kept["line"] == 2


@pytest.mark.parametrize("changes, expected", [
    ({"iso3": "XYZ"}, "line 2, column iso3: 'XYZ' is not a country code"),
    ({"iso3": "", "area": ""}, "line 2, column iso3: is empty and so is 'area'"),
    ({"iso3": "", "area": "Lake Ontario"}, "line 2, column area: 'Lake Ontario' is not a known sea area"),
    ({"start_date": "2017-13"}, "line 2, column start_date: month 13 does not exist"),
    ({"start_date": "spring 2017"}, "line 2, column start_date: 'spring 2017' is not a date"),
    ({"end_date": "2016"}, "line 2, column end_date: 2016 is before start_date 2017-06"),
    ({"lat": "95"}, "line 2, column lat: 95.0 is outside -90 to 90"),
    ({"lon": "east"}, "line 2, column lon: 'east' is not a number"),
    ({"personnel": "1,200"}, "line 2, column personnel: '1,200' is not a whole number"),
    ({"personnel_basis": ""}, "line 2, column personnel_basis: is empty but personnel is set"),
    ({"amount_cad": "5000"}, "line 2, column amount_status: is empty but amount_cad is set"),
    ({"mission_type": "war"}, "line 2, column mission_type: 'war' is not allowed; use one of: peace_operation"),
    ({"kind": "thing"}, "line 2, column kind: 'thing' is not allowed"),
    ({"source_url": "javascript:alert(1)"}, "line 2, column source_url: must be a web address"),
    ({"verified_on": "2026"}, "line 2, column verified_on: '2026' is not a full date"),
    ({"operation": ""}, "line 2, column operation: is empty; this column is required"),
])
def test_each_problem_is_reported_with_line_column_and_fix(geography, changes, expected):
    """One broken cell gives one message that names where and what to do."""
    result = check(csv_text([row(**changes)]), geography)
    assert any(message.startswith(expected) for message in messages(result)), messages(result)
    assert result.frame.empty


def test_good_rows_survive_bad_neighbours(geography):
    """A bad row is rejected and reported; the good rows around it are kept."""
    rows = [row(id="a"), row(id="b", lat="north"), row(id="c")]
    result = check(csv_text(rows), geography)
    assert list(result.frame["id"]) == ["a", "c"]
    assert result.rejected_lines == [3]


def test_an_end_before_its_start_is_rejected_not_clipped(geography):
    """A 2010-2001 row is refused with its line and column; loading never turns it into a one-year row.

    (Replaces a check on the loaded frame that could not fail: loading clips an end year up to the start.)
    """
    result = check(csv_text([row(id="ok"), row(id="reversed", start_date="2010", end_date="2001")]), geography)
    assert messages(result) == ["line 3, column end_date: 2001 is before start_date 2010"]
    assert list(result.frame["id"]) == ["ok"]
    loaded = load_engagements_bytes(csv_text([row(id="reversed", start_date="2010", end_date="2001")]).encode(),
                                    geography, "reversed.csv")
    assert loaded.frame.empty and loaded.validation.rejected_lines == [2]


def test_an_end_in_the_same_month_or_year_as_the_start_is_kept(geography):
    rows = [row(id="a", start_date="2010-05-20", end_date="2010-05"), row(id="b", start_date="2010-05", end_date="2010")]
    assert check(csv_text(rows), geography).problems == []


def test_duplicate_ids_name_the_first_line(geography):
    result = check(csv_text([row(id="same"), row(id="same")]), geography)
    assert "line 3, column id: 'same' is already used on line 2; ids must be unique" in messages(result)
    assert len(result.frame) == 1


def test_line_numbers_count_quoted_newlines(geography):
    """A description spanning lines does not shift later line numbers."""
    rows = [row(id="a", description="first\nsecond\nthird"), row(id="b", lat="x")]
    result = check(csv_text(rows), geography)
    assert result.rejected_lines == [5]


def test_vocabularies_accept_any_case(geography):
    result = check(csv_text([row(organization="nato", mission_type="Deterrence")]), geography)
    assert result.frame.iloc[0]["organization"] == "NATO"


def test_bom_semicolons_and_windows_1252_are_read(geography):
    """Excel exports (BOM, semicolons, cp1252 accents) load without losing rows."""
    text = csv_text([row(location="Camp Ādaži")], delimiter=";")
    assert len(check("\ufeff" + text, geography).frame) == 1
    cp1252 = csv_text([row(location="Québec")], delimiter=";").encode("cp1252")
    result = check(cp1252, geography)
    assert result.frame.iloc[0]["location"] == "Québec"
    assert any("Windows-1252" in m for m in messages(result))


def test_missing_required_column_rejects_the_file_clearly(geography):
    columns = [c for c in csv_text([]).strip().split(",") if c != "lat"]
    result = check(csv_text([row()], columns=columns), geography)
    assert messages(result)[0].startswith("line 1, column lat: required column missing")


def test_extra_columns_warn_and_missing_optional_columns_are_fine(geography):
    columns = [c for c in csv_text([]).strip().split(",") if c not in ("description", "location")] + ["notes"]
    result = check(csv_text([row(notes="x")], columns=columns), geography)
    assert len(result.frame) == 1
    assert result.problems[0].severity == "warning"


@pytest.mark.parametrize("data, expected", [
    (b"", "the file is empty"),
    (b"\n\n", "the file is empty"),
    (b"\x00\x01\x02", "NUL bytes"),
])
def test_empty_and_binary_files_get_a_file_level_message(geography, data, expected):
    assert expected in messages(check(data, geography))[0]


def test_size_and_row_limits_refuse_clearly(geography):
    text = csv_text([row(id=f"r{i}") for i in range(5)])
    assert "limit is 100 bytes" in messages(check(text, geography, max_bytes=100))[0]
    result = check(text, geography, max_rows=3)
    assert len(result.frame) == 3 and "more than 3 rows" in messages(result)[-1]


def test_make_validate_command_exits_non_zero_on_a_broken_copy(tmp_path):
    """`python -m canada_abroad.validate_cli` prints line-numbered messages and exits 1."""
    broken = tmp_path / "broken.csv"
    broken.write_text(csv_text([row(id="a"), row(id="b", iso3="ZZZ"), row(id="c", end_date="1990")]))
    done = subprocess.run([sys.executable, "-m", "canada_abroad.validate_cli", str(broken)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "line 3, column iso3" in done.stdout and "line 4, column end_date" in done.stdout
    assert "1 of 3 rows kept, 2 rejected" in done.stdout


def test_make_validate_passes_on_the_bundled_file():
    done = subprocess.run([sys.executable, "-m", "canada_abroad.validate_cli", "data/engagements.csv"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_a_byte_order_mark_on_a_windows_1252_file_is_not_part_of_the_first_column():
    from canada_abroad.csv_reader import read_table

    table = read_table(b"\xef\xbb\xbf" + "id,operation\nx,Op\xe9ration\n".encode("latin-1"))
    assert table.header[0] == "id" and table.encoding == "windows-1252"
