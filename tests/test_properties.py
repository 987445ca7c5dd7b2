"""Property-based tests (hypothesis) for what strangers send us: uploaded CSV files and links.

Uploads: no input makes the reader or validator raise; every valid row is kept and every
invalid row rejected, whatever the encoding, delimiter, column order or blank lines; every
error names the physical line (a line ends at LF, CR LF or a lone CR, as Python's csv module
counts them; a row with a quoted newline is reported at the line where it starts) and a schema
column, or is about the whole file or its header.

Links: any query parameters parse into a valid view with a notice for whatever was ignored, the
notices are inert when shown as Markdown, and every valid view survives a round trip.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canada_abroad.csv_reader import decode, read_table
from canada_abroad.engagements import Dataset, load_engagements_bytes
from canada_abroad.filters import ROW_KINDS, STATUSES, Filters
from canada_abroad.measures import MEASURES
from canada_abroad.problems import Problem
from canada_abroad.safe_text import markdown_text
from canada_abroad.schema import (
    AMOUNT_STATUSES,
    COLUMN_NAMES,
    KINDS,
    MISSION_TYPES,
    ORGANIZATIONS,
    PERSONNEL_BASES,
    REQUIRED_COLUMNS,
)
from canada_abroad.validation import MAX_CELL_CHARS
from canada_abroad.view_state import MAX_PARAM_CHARS, PARAMS, Options, ViewState, parse_view, to_params
from tests.conftest import csv_text, row

# Fixtures are session- or module-scoped, so hypothesis may reuse them across examples.
FIXTURES_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


def examples(n: int) -> settings:
    return settings(max_examples=n, deadline=None, suppress_health_check=FIXTURES_OK)


LINE_BREAK = re.compile(r"\r\n|\r|\n")
LINE_BREAK_BYTES = re.compile(rb"\r\n|\r|\n")
DELIMITERS = (",", ";", "\t")
NEWLINES = ("\n", "\r\n", "\r")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")


@dataclass(frozen=True, repr=False)
class Places:
    iso3: tuple[str, ...]
    seas: tuple[str, ...]

    def __repr__(self) -> str:
        return f"<{len(self.iso3)} countries, {len(self.seas)} sea areas>"

    def _repr_pretty_(self, printer, cycle) -> None:  # what hypothesis prints for a failing example
        printer.text(repr(self))


class Geo:
    """The session's geography, with a short repr for hypothesis's falsifying examples."""

    def __init__(self, geography):
        self.geography = geography

    def __repr__(self) -> str:
        return "<bundled geography>"


@pytest.fixture(scope="module")
def geo(geography) -> Geo:
    return Geo(geography)


@pytest.fixture(scope="module")
def places(geography) -> Places:
    iso3 = tuple(sorted(geography.countries.index))
    assert "LVA" in iso3 and "XYZ" not in iso3 and "Lake Ontario" not in geography.seas.index  # used by BREAKERS
    return Places(iso3, tuple(sorted(geography.seas.index)))


# ---------------------------------------------------------------------------------------------
# Checks that hold for any input at all
# ---------------------------------------------------------------------------------------------

def load(data: bytes, geo: Geo, **limits) -> tuple[Dataset, object]:
    """The upload path as the app runs it, plus the raw table to check line numbers against."""
    return load_engagements_bytes(data, geo.geography, "upload.csv", **limits), read_table(data, **limits)


def check_sane(data: bytes, geo: Geo, **limits) -> Dataset:
    """Whatever the bytes: a result, never an exception; every error locatable; nothing kept that is bad."""
    dataset, table = load(data, geo, **limits)
    result = dataset.validation
    assert result.rows_read == len(table.records)
    text, _, _ = decode(data)
    physical = LINE_BREAK.split(text) if text is not None else LINE_BREAK_BYTES.split(data)
    record_lines = set(table.lines)
    assert table.lines == sorted(record_lines)
    for line in table.lines:  # a record starts on a real, non-empty physical line
        assert physical[line - 1] != "", line
    for problem in result.problems:
        assert isinstance(problem, Problem) and problem.severity in ("error", "warning") and problem.message
        assert problem.line is None or 1 <= problem.line <= len(physical), problem
    for problem in result.errors:
        if "neither UTF-8 nor Windows-1252" in problem.message:  # points at a line with the bad bytes
            with pytest.raises(UnicodeDecodeError):
                physical[problem.line - 1].decode("utf-8")
        if problem.column is None:
            continue  # about the whole file, or a whole record (field count) at its first line
        assert set(problem.column.split(", ")) <= set(COLUMN_NAMES), problem
        assert problem.line in record_lines or problem.line == table.header_line, problem

    frame = dataset.frame
    assert frame["id"].is_unique
    assert set(frame["line"]) <= record_lines and not set(frame["line"]) & set(result.rejected_lines)
    assert frame["kind"].isin(KINDS).all() and frame["organization"].isin(ORGANIZATIONS).all()
    assert frame["mission_type"].isin(MISSION_TYPES).all()
    assert frame["lat"].between(-90, 90).all() and frame["lon"].between(-180, 180).all()
    assert ((frame["iso3"] != "") != (frame["area"] != "")).all()
    assert (frame["end_year"] >= frame["start_year"]).all()
    for name in REQUIRED_COLUMNS:
        assert (frame[name].astype(str) != "").all(), name

    rejected = {p.line for p in result.errors if p.line in record_lines}
    if any("required column missing" in p.message for p in result.errors):
        assert frame.empty
    else:  # every record read is either kept or rejected with a reason on its own line
        assert len(frame) + len(rejected) == result.rows_read
    if not result.problems:  # silence only for a correct table
        assert table.header and set(REQUIRED_COLUMNS) <= set(table.header)
    return dataset


TOKENS = (
    ",", ";", "\t", '"', '""', "\n", "\r\n", "\r", " ", "\ufeff", "\x00", "é", "\x81", "’", "\u2028",
    *COLUMN_NAMES, "ID", "Kind ", "notes", "LVA", "NATO", "deterrence", "2017", "2017-02-30", "-90", "1e400",
    "https://x.ca", "<script>alert(1)</script>", "=1+1", "x" * 300,
)


@st.composite
def csvish_bytes(draw) -> bytes:
    """Text made of CSV syntax, schema words and junk (unbalanced quotes, only delimiters, NUL, BOM ...)."""
    text = "".join(draw(st.lists(st.sampled_from(TOKENS), max_size=80)))
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "cp1252", "utf-16")))
    return text.encode(encoding, errors="replace")


JUNK_CELLS = st.one_of(
    st.sampled_from(("", " ", "LVA", "lva", "Caribbean Sea", "NATO", "peak", "2017", "2017-06-31", "56.95", "nan",
                     '"', 'a"b', "\ufeff", "<script>", "٢٠١٧", "x" * 5000)),
    st.text(max_size=20),
)


@st.composite
def messy_files(draw) -> bytes:
    """A header of schema and stray names (missing, repeated, reordered), rows of random width and cells."""
    header = draw(st.lists(st.sampled_from((*COLUMN_NAMES, *COLUMN_NAMES, "ID", " Kind", "notes", "")), max_size=26))
    if draw(st.booleans()):
        header = draw(st.permutations(COLUMN_NAMES)) + header[:2]
    delimiter = draw(st.sampled_from((*DELIMITERS, "|")))
    newline = draw(st.sampled_from(NEWLINES))
    lines = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 5))):
        width = max(0, len(header) + draw(st.integers(-2, 2)))
        cells = draw(st.lists(JUNK_CELLS, min_size=width, max_size=width))
        lines.append(delimiter.join(draw(st.sampled_from((c, f'"{c}"', f'"{c}'))) for c in cells))
    text = draw(st.sampled_from(("", newline, " " + newline))) + newline.join(lines) + draw(st.sampled_from(("", newline)))
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


@examples(40)
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(geo, data):
    check_sane(data, geo)


@examples(40)
@given(data=csvish_bytes())
def test_csv_syntax_soup_never_raises(geo, data):
    check_sane(data, geo)


@examples(40)
@given(data=messy_files())
def test_messy_headers_and_rows_never_raise(geo, data):
    check_sane(data, geo, max_bytes=5_000_000, max_rows=4)


@examples(40)
@given(text=st.text(st.characters(codec="cp1252"), max_size=400) | st.text(max_size=400),
       encoding=st.sampled_from(ENCODINGS))
def test_arbitrary_text_never_raises(geo, text, encoding):
    check_sane(text.encode(encoding, errors="replace"), geo)


@examples(20)
@given(data=csvish_bytes(), extra=st.integers(1, 50))
def test_oversized_files_are_refused_at_file_level(geo, data, extra):
    """Over max_bytes: one error about the whole file and nothing read; at the limit: no size complaint."""
    result = check_sane(data, geo, max_bytes=max(0, len(data) - extra)).validation
    if data:
        assert len(result.errors) == 1 and result.errors[0].line is None and "limit is" in result.errors[0].message
        assert result.rows_read == 0 and result.frame.empty
    at_limit = check_sane(data, geo, max_bytes=len(data)).validation
    assert not any("limit is" in p.message and p.column is None for p in at_limit.problems)


@examples(3)
@given(size=st.integers(131_073, 300_000), char=st.sampled_from("xé\",;"))
def test_one_huge_cell_rejects_only_its_row(geo, size, char):
    """A cell over csv's default field limit (131,072) but within 5 MB must not end the file there."""
    text = csv_text([row(id="before"), row(id="huge", description=char * size), row(id="after")])
    result = check_sane(text.encode(), geo, max_bytes=5_000_000, max_rows=20_000).validation
    assert list(result.frame["id"]) == ["before", "after"]
    huge_errors = [p for p in result.errors if p.line == 3]
    assert huge_errors and {p.column for p in huge_errors} == {"description"}
    assert "limit is 4,000" in huge_errors[0].message


@examples(10)
@given(position=st.integers(0, 10_000))
def test_nul_anywhere_refuses_the_file(geo, position):
    text = csv_text([row(id="a"), row(id="b")]).encode()
    position %= len(text) + 1
    result = check_sane(text[:position] + b"\x00" + text[position:], geo).validation
    assert result.frame.empty and any("NUL" in p.message and p.line is None for p in result.errors)


@examples(15)
@given(newline=st.sampled_from(NEWLINES), before=st.integers(0, 5), after=st.integers(0, 3),
       bad=st.sampled_from((b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")))
def test_bytes_neither_utf8_nor_cp1252_are_reported_on_their_line(geo, newline, before, after, bad):
    """The encoding refusal names the line of the bad byte, whatever the line ends (Excel for Mac: CR)."""
    lines = [b"id,kind", *[b"a,b"] * before, b"caf" + bad + b",x", *[b"c,d"] * after]
    errors = check_sane(newline.encode().join(lines), geo).validation.errors
    assert [(p.line, p.column) for p in errors] == [(before + 2, None)]


# ---------------------------------------------------------------------------------------------
# Generated files of the real schema: the oracle knows which rows are valid and where they start
# ---------------------------------------------------------------------------------------------

UTF8_TRICKY = ",;\t\"'\r\n =+-@<>&é’–\u2028\x85\xa0\ufeff"
CP1252_TRICKY = ",;\t\"'\r\n =+-@<>&é’–\xa0€"


def alphabet(codec: str) -> st.SearchStrategy[str]:
    tricky = UTF8_TRICKY if codec == "utf-8" else CP1252_TRICKY
    return st.characters(codec=codec, exclude_characters="\x00") | st.sampled_from(tricky)


def cased(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    """A vocabulary word as people type it: any case (the validator accepts that)."""
    return st.sampled_from(values).flatmap(lambda v: st.sampled_from((v, v.lower(), v.upper(), v.title(), f" {v} ")))


@st.composite
def partial_date(draw, precision: int | None = None) -> tuple[str, date, date]:
    year = draw(st.integers(1800, 2200))
    precision = draw(st.integers(0, 2)) if precision is None else precision
    if precision == 0:
        return f"{year}", date(year, 1, 1), date(year, 12, 31)
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    if precision == 1:
        return f"{year}-{month:02d}", date(year, month, 1), date(year, month, last)
    day = draw(st.integers(1, last))
    return f"{year}-{month:02d}-{day:02d}", date(year, month, day), date(year, month, day)


def coordinate(limit: int) -> st.SearchStrategy[str]:
    number = st.floats(-limit, limit, allow_nan=False)
    return st.one_of(st.integers(-limit, limit).map(str), number.map(repr), number.map(lambda x: f" {x:.5f} "))


URLS = st.builds("{}://{}{}".format, st.sampled_from(("http", "https")),
                 st.from_regex(r"[a-z0-9]{1,12}(\.[a-z0-9-]{1,12})?\.[a-z]{2,4}", fullmatch=True),
                 st.from_regex(r"(/[A-Za-z0-9._~%?=&#,;-]{0,12}){0,3}", fullmatch=True))


@st.composite
def valid_row(draw, places: Places, chars: st.SearchStrategy[str], present: frozenset[str]) -> dict[str, str]:
    """A row the contract accepts; columns not in the header are left empty."""
    def text(min_size: int = 0, max_size: int = 30) -> str:
        body = draw(st.text(chars, max_size=max_size))
        return draw(st.sampled_from("ABCxyzÉ")) + body if min_size else body

    start, end = sorted([draw(partial_date()), draw(partial_date())], key=lambda d: d[1])
    values = {
        "kind": draw(cased(KINDS)), "operation": text(1), "mission": text(1),
        "organization": draw(cased(ORGANIZATIONS)), "mission_type": draw(cased(MISSION_TYPES)),
        "location": text(), "lat": draw(coordinate(90)), "lon": draw(coordinate(180)),
        "start_date": start[0], "end_date": draw(st.sampled_from(("", end[0]))),
        "description": text(max_size=120), "source_url": draw(URLS), "source_title": text(1),
        "verified_on": draw(partial_date(2))[0],
    }
    if draw(st.booleans()):
        values |= {"iso3": "", "area": draw(st.sampled_from(places.seas))}
    else:
        values |= {"iso3": draw(cased(places.iso3)), "area": ""}
    if draw(st.booleans()):
        values |= {"personnel": str(draw(st.integers(0, 9_999_999))), "personnel_basis": draw(cased(PERSONNEL_BASES))}
    if draw(st.booleans()):
        amount = draw(st.one_of(st.integers(0, 10**12).map(str), st.floats(0, 1e12).map(lambda x: f"{x:.2f}")))
        values |= {"amount_cad": amount, "amount_status": draw(cased(AMOUNT_STATUSES))}
    return {name: values.get(name, "") if name in present else "" for name in COLUMN_NAMES}


# Each breaker makes a valid row invalid in one way; the error must name this column (None: field count).
BREAKERS: tuple[tuple[str | None, dict[str, str]], ...] = (
    ("id", {"id": ""}), ("id", {"id": "has space"}), ("id", {"id": "-leading-dash"}), ("id", {"id": "x" * 101}),
    ("id", {"id": "café"}), ("id", {"id": "<script>"}),
    ("kind", {"kind": "thing"}), ("kind", {"kind": ""}), ("operation", {"operation": "  "}), ("mission", {"mission": ""}),
    ("organization", {"organization": "NATO!"}), ("mission_type", {"mission_type": "war"}),
    ("iso3", {"iso3": "XYZ", "area": ""}), ("iso3", {"iso3": "", "area": ""}), ("iso3", {"iso3": "LV", "area": ""}),
    ("area", {"iso3": "LVA", "area": "Caribbean Sea"}), ("area", {"iso3": "", "area": "Lake Ontario"}),
    ("lat", {"lat": "95"}), ("lat", {"lat": "north"}), ("lat", {"lat": "nan"}), ("lat", {"lat": "56,95"}),
    ("lat", {"lat": ""}), ("lon", {"lon": "-180.5"}), ("lon", {"lon": "1e400"}), ("lon", {"lon": "inf"}),
    ("start_date", {"start_date": "2017-13"}), ("start_date", {"start_date": "spring 2017"}),
    ("start_date", {"start_date": "1799"}), ("start_date", {"start_date": "2017-02-30"}),
    ("start_date", {"start_date": "٢٠١٧-٠٦"}), ("start_date", {"start_date": "２０１７"}),  # digits of other scripts
    ("start_date", {"start_date": ""}),
    ("end_date", {"start_date": "2017-06", "end_date": "2017-05"}), ("end_date", {"end_date": "2017/06"}),
    ("personnel", {"personnel": "1,200", "personnel_basis": "peak"}),
    ("personnel", {"personnel": "-5", "personnel_basis": "peak"}),
    ("personnel", {"personnel": "12345678", "personnel_basis": "peak"}),
    ("personnel_basis", {"personnel": "100", "personnel_basis": ""}),
    ("personnel_basis", {"personnel": "", "personnel_basis": "peak"}),
    ("personnel_basis", {"personnel": "100", "personnel_basis": "guess"}),
    ("amount_cad", {"amount_cad": "1,000", "amount_status": "committed"}),
    ("amount_cad", {"amount_cad": "-1", "amount_status": "committed"}),
    ("amount_cad", {"amount_cad": "inf", "amount_status": "committed"}),
    ("amount_status", {"amount_cad": "5", "amount_status": ""}),
    ("amount_status", {"amount_cad": "", "amount_status": "announced"}),
    ("source_url", {"source_url": "javascript:alert(1)"}), ("source_url", {"source_url": "https://a b"}),
    ("source_url", {"source_url": "<script>alert(1)</script>"}), ("source_url", {"source_url": ""}),
    ("source_url_fr", {"source_url_fr": "javascript:alert(1)"}),
    ("source_title", {"source_title": " "}),
    ("verified_on", {"verified_on": "2026"}), ("verified_on", {"verified_on": "2026-02-30"}),
    ("verified_on", {"verified_on": ""}),
    ("description", {"description": "x" * (MAX_CELL_CHARS + 1)}),
    ("id", {}),  # duplicate: takes the id of a valid row placed earlier
    (None, {}),  # a record with one field too many or too few
)
OPTIONAL_GROUPS = (("location",), ("description",), ("end_date",), ("personnel", "personnel_basis"),
                   ("amount_cad", "amount_status"),
                   ("operation_fr", "mission_fr", "description_fr", "source_url_fr", "source_title_fr"))


@dataclass(frozen=True)
class Record:
    """One data row: its cells in header order, and what the validator must do with it."""

    row_id: str
    cells: tuple[str, ...]
    valid: bool
    column: str | None  # for an invalid row, the column its error names
    values: dict


@dataclass(frozen=True)
class Case:
    header: tuple[str, ...]  # as written in the file (any case, padded)
    records: tuple[Record, ...]
    blanks_before: tuple[int, ...]  # blank lines before the header and before each record
    blank_style: str  # "", " " or "delimiters": what a blank line holds
    quote_all: bool
    trailing_newline: bool


@st.composite
def cases(draw, places: Places, chars: st.SearchStrategy[str]) -> Case:
    dropped = {name for group in draw(st.sets(st.sampled_from(OPTIONAL_GROUPS))) for name in group}
    present = frozenset(name for name in COLUMN_NAMES if name not in dropped)
    columns: list[str | None] = list(draw(st.permutations(sorted(present))))  # None: junk column
    written = [draw(st.sampled_from((name, name.upper(), f" {name} ", name.title()))) for name in columns]
    for name in draw(st.lists(st.sampled_from(("notes", "Notes 2", "", "line", "start_year", "région")), max_size=3)):
        position = draw(st.integers(0, len(columns)))
        columns.insert(position, None)
        written.insert(position, name)
    for name in draw(st.lists(st.sampled_from(sorted(present)), max_size=2)):  # repeated after the real one
        position = draw(st.integers(columns.index(name) + 1, len(columns)))
        columns.insert(position, None)
        written.insert(position, draw(st.sampled_from((name, name.upper()))))

    kinds = draw(st.lists(st.booleans(), max_size=9))  # True: valid row
    breakers = [b for b in BREAKERS if set(b[1]) <= present]
    records: list[Record] = []
    for index, valid in enumerate(kinds):
        values = draw(valid_row(places, chars, present))
        values["id"] = draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,15}", fullmatch=True)) + f"-{index}"
        column, change = (None, {}) if valid else draw(st.sampled_from(breakers))
        earlier = [r.row_id for r in records if r.valid]
        if not valid and column == "id" and not change:
            if not earlier:
                column, change = "kind", {"kind": "thing"}
            else:
                change = {"id": draw(st.sampled_from(earlier))}
        values |= change
        cells = [values[name] if name else draw(st.text(chars, max_size=10)) for name in columns]
        if not valid and column is None:
            cells = cells[:-1] if draw(st.booleans()) else [*cells, "extra"]
        records.append(Record(values["id"].strip(), tuple(cells), valid, column, values))
    return Case(tuple(written), tuple(records),
                tuple(draw(st.lists(st.sampled_from((0, 0, 0, 1, 2)), min_size=len(records) + 1,
                                    max_size=len(records) + 1))),
                draw(st.sampled_from(("", " ", "delimiters"))), draw(st.booleans()), draw(st.booleans()))


def serialise(case: Case, delimiter: str, newline: str) -> tuple[str, list[int]]:
    """The file's text and the physical line each record starts on (counted independently of the reader)."""
    def field(value: str) -> str:
        if case.quote_all or any(ch in value for ch in (delimiter, '"', "\r", "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    blank = {"": "", " ": " ", "delimiters": delimiter * 3}[case.blank_style]
    parts: list[str] = []
    starts: list[int] = []
    for index, cells in enumerate([case.header, *(r.cells for r in case.records)]):
        parts.extend([blank + newline] * case.blanks_before[index])
        if index:
            starts.append(len(LINE_BREAK.findall("".join(parts))) + 1)
        parts.append(delimiter.join(field(c) for c in cells) + newline)
    text = "".join(parts)
    return (text if case.trailing_newline else text[: -len(newline)]), starts


def check_oracle(case: Case, text: str, starts: list[int], result) -> None:
    """Valid rows kept, at their line, with their values; invalid rows rejected at their line, naming the column."""
    kept = result.frame.set_index("id")
    expected_ids = [r.row_id for r in case.records if r.valid]
    assert list(result.frame["id"]) == expected_ids, result.report()
    errors_by_line: dict[int, set] = {}
    for problem in result.errors:
        errors_by_line.setdefault(problem.line, set()).add(problem.column)
    for record, line in zip(case.records, starts):
        if record.valid:
            assert line not in errors_by_line, (line, errors_by_line)
            assert kept.at[record.row_id, "line"] == line
            for name in ("operation", "mission", "location", "area", "description", "source_url", "source_title"):
                assert kept.at[record.row_id, name] == record.values[name].strip(), name
            assert kept.at[record.row_id, "iso3"] == record.values["iso3"].strip().upper()
        else:
            assert record.column in errors_by_line.get(line, set()), (record, line, result.report())
    assert set(errors_by_line) <= set(starts), result.report()  # no error on a line no record starts on
    # File-level warnings sit on the header; the only row warning is a kept row with no French description.
    warned = {p.line for p in result.problems if p.severity == "warning" and p.line not in (None, 1 + case.blanks_before[0])}
    assert all(p.column == "description_fr" for p in result.problems
               if p.severity == "warning" and p.line in warned), result.report()
    assert warned <= set(result.frame["line"]), result.report()
    physical = LINE_BREAK.split(text)
    assert all(physical[line - 1].strip(" ,;\t") for line in starts)  # each record really starts there


@examples(35)
@given(data=st.data(), delimiter=st.sampled_from(DELIMITERS), newline=st.sampled_from(NEWLINES),
       encoding=st.sampled_from(("utf-8", "utf-8-sig")))
def test_valid_rows_kept_and_invalid_rows_rejected_at_their_line(geo, places, data, delimiter, newline, encoding):
    case = data.draw(cases(places, alphabet("utf-8")))
    text, starts = serialise(case, delimiter, newline)
    check_oracle(case, text, starts, check_sane(text.encode(encoding), geo).validation)


@examples(8)
@given(data=st.data())
def test_encoding_and_delimiter_do_not_change_the_result(geo, places, data):
    """The same rows as UTF-8, UTF-8 with BOM or Windows-1252, split by , ; or tab: the same result."""
    case = data.draw(cases(places, alphabet("cp1252")))
    base = None
    for delimiter in DELIMITERS:
        text, starts = serialise(case, delimiter, "\r\n")
        for encoding in ENCODINGS:
            try:
                raw = text.encode(encoding)
            except UnicodeEncodeError:
                continue  # a breaker written in another script ("٢٠١٧"): not representable in cp1252
            result = check_sane(raw, geo).validation
            if encoding == "cp1252" and raw.decode("utf-8", errors="replace") != text and not any(
                    "Windows-1252" in p.message for p in result.problems):
                continue  # cp1252 bytes that happen to be valid UTF-8 are (rightly) read as UTF-8
            check_oracle(case, text, starts, result)
            problems = [p for p in result.problems if "Windows-1252" not in p.message]
            if base is None:
                base = (result.frame, problems)
            else:
                assert result.frame.equals(base[0]) and problems == base[1], (delimiter, encoding)


@examples(12)
@given(data=st.data(), limit=st.integers(0, 8))
def test_row_limit_reads_the_first_rows_and_names_the_next_line(geo, places, data, limit):
    case = data.draw(cases(places, alphabet("utf-8")))
    text, starts = serialise(case, ",", "\n")
    result = check_sane(text.encode(), geo, max_rows=limit).validation
    assert result.rows_read == min(limit, len(case.records))
    over = [p for p in result.errors if "more than" in p.message]
    if len(case.records) > limit:
        assert len(over) == 1 and over[0].line == starts[limit]
    else:
        assert not over


# ---------------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, repr=False)
class BundledOptions(Options):
    def __repr__(self) -> str:
        return "<link options of the bundled data>"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


@pytest.fixture(scope="module")
def options(dataset, geography) -> Options:
    """What ui.state.link_options builds for the bundled data."""
    return BundledOptions(types=MISSION_TYPES, orgs=ORGANIZATIONS, regions=tuple(geography.regions),
                          countries=frozenset(geography.countries.index),
                          operations=frozenset(dataset.frame["operation_id"]),
                          first_year=dataset.first_year, last_year=dataset.last_year)


KNOWN_VALUES = (*MISSION_TYPES, *ORGANIZATIONS, "Europe", "europe", "Sub-Saharan Africa", *STATUSES, *MEASURES,
                "LVA", "lva", "AFG", "reassurance", "IMPACT", "1915", "1947", "2000", "2026", "2099")
NASTY_VALUES = ("", " ", ",", ",,,", "NATO,,un, ", "<script>alert(1)</script>", "[log in](https://evil.example)",
                "**bold** _it_ `code`", "$x^2$", ":red[alert]", ":material/home:", "# heading", "\x00", "\x1b[31m",
                "\u202egnp.exe", "line\nbreak", "２０２０", "٢٠٢٠", "-1", "0000", "19x5", "%00", "javascript:alert(1)",
                "\ufeffLVA", "İ", "ß")
VALUES = st.one_of(
    st.sampled_from(KNOWN_VALUES + NASTY_VALUES),
    st.text(max_size=40),
    st.lists(st.sampled_from(KNOWN_VALUES + NASTY_VALUES), max_size=5).map(",".join),
    st.builds(lambda unit, n: unit * n, st.sampled_from(("x", "é", "<a>", "NATO,", "\x00")), st.integers(60, 3000)),
)
NAMES = st.one_of(st.sampled_from(PARAMS), st.sampled_from(("TYPE", "type ", "Country", "", "utm_source", "x" * 500,
                                                          "country[]", "<script>", "[a](https://evil.example)")),
                  st.text(max_size=30))
QUERIES = st.dictionaries(NAMES, VALUES | st.lists(VALUES, max_size=4), max_size=12)

# Characters Markdown (and Streamlit's directives) would act on; the notice templates use none of them.
MARKDOWN_ACTIVE = set("\\`*_{}[]()#+-!|<>~$&=")


def assert_valid_view(view: ViewState, options: Options) -> None:
    f = view.filters
    for chosen, allowed in ((f.types, options.types), (f.orgs, options.orgs), (f.regions, options.regions)):
        assert isinstance(chosen, tuple) and set(chosen) <= set(allowed) and len(set(chosen)) == len(chosen)
    assert f.status in STATUSES and view.measure in MEASURES and f.kind in ROW_KINDS
    for year in (f.year_from, f.year_to, f.year, *(view.compare or ())):
        assert year is None or (type(year) is int and options.first_year <= year <= options.last_year)
    assert f.year_from is None or f.year_to is None or f.year_from <= f.year_to
    assert f.year is None or (f.year_from is None and f.year_to is None)
    assert isinstance(f.query, str) and f.query == f.query.strip() and len(f.query) <= MAX_PARAM_CHARS
    assert view.country is None or view.country in options.countries
    assert view.operation is None or view.operation in options.operations
    assert view.country is None or view.operation is None


def _two_years(value: str, options: Options) -> bool:
    parts = value.split(",")
    return len(parts) == 2 and all(re.fullmatch(r"\d{4}", p.strip()) and
                                   options.first_year <= int(p) <= options.last_year for p in parts)


def ignored(params: dict, options: Options) -> int:
    """How many things a link asks for that the app cannot honour (each deserves a notice)."""
    count = 0
    allowed = {"type": options.types, "org": options.orgs, "region": options.regions}
    for name, raw in params.items():
        values = [raw] if isinstance(raw, str) else list(raw)
        if name not in PARAMS or any(len(v) > MAX_PARAM_CHARS for v in values):
            count += 1
        elif name in allowed:
            lowered = {option.lower() for option in allowed[name]}
            count += sum(1 for v in values for item in v.split(",") if item.strip() and item.strip().lower() not in lowered)
        elif values:
            count += len(values) > 1
            value = values[0].strip()
            year = re.fullmatch(r"\d{4}", value) and options.first_year <= int(value) <= options.last_year
            count += not {"status": value.lower() in STATUSES, "measure": value.lower() in MEASURES,
                          "kind": value.lower() in ROW_KINDS, "lang": value.lower() in ("en", "fr"),
                          "from": year, "to": year, "year": year, "q": True,
                          "compare": _two_years(value, options),
                          "country": not value or value.upper() in options.countries,
                          "op": not value or value.lower() in options.operations}[name]
    return count


@examples(250)
@given(params=QUERIES)
def test_any_link_gives_a_valid_view_and_a_notice_per_ignored_thing(options, params):
    view, notices = parse_view(params, options)
    assert_valid_view(view, options)
    assert ignored(params, options) <= len(notices) <= ignored(params, options) + 3  # swapped years, country+op, year+range
    for name in params:
        if name not in PARAMS:
            assert any(f"'{markdown_text(name[:40])}'" in notice for notice in notices), name
    for notice in notices:
        assert isinstance(notice, str) and len(notice) <= 200 and "\n" not in notice and "\r" not in notice
        assert not MARKDOWN_ACTIVE & set(re.sub(r"\\.", "", notice, flags=re.S)), notice  # user text is escaped
    assert parse_view(to_params(view), options) == (view, [])  # what the app writes back is clean


@st.composite
def valid_views(draw, options: Options) -> ViewState:
    def some(values) -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(sorted(values)), unique=True, max_size=4)))

    years = sorted(draw(st.lists(st.integers(options.first_year, options.last_year), min_size=2, max_size=2)))
    year_from, year_to = (draw(st.sampled_from((None, years[0]))), draw(st.sampled_from((None, years[1]))))
    query = draw(st.text(max_size=MAX_PARAM_CHARS) | st.sampled_from(NASTY_VALUES)).strip()
    place = draw(st.sampled_from(("none", "country", "op")))
    return ViewState(
        Filters(some(options.types), some(options.orgs), draw(st.sampled_from(STATUSES)), some(options.regions),
                year_from, year_to, query),
        draw(st.sampled_from(MEASURES)),
        draw(st.sampled_from(sorted(options.countries))) if place == "country" else None,
        draw(st.sampled_from(sorted(options.operations))) if place == "op" else None,
    )


@examples(120)
@given(data=st.data())
def test_valid_views_round_trip_through_a_link(options, data):
    view = data.draw(valid_views(options))
    params = to_params(view)
    assert all(value and len(value) <= MAX_PARAM_CHARS for value in params.values())
    assert parse_view(params, options) == (view, [])
    from_url = parse_qs(urlencode(params), keep_blank_values=True)  # as a browser sends it back
    assert parse_view(from_url, options) == (view, [])
