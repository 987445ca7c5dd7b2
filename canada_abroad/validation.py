"""Check every row of an engagements table against the contract in `schema`.

Every problem names the file line, the column and the fix. Rows with an error
are rejected; every other row is kept, typed, in a DataFrame.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from canada_abroad import schema
from canada_abroad.csv_reader import RawTable
from canada_abroad.i18n import N_
from canada_abroad.partial_dates import DateError, parse_partial_date
from canada_abroad.problems import Problem

MAX_CELL_CHARS = 4000
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEB_ADDRESS = re.compile(r"^https?://[^\s\"'<>]+$")
_VOCABULARIES = {
    "kind": schema.KINDS,
    "organization": schema.ORGANIZATIONS,
    "mission_type": schema.MISSION_TYPES,
    "personnel_basis": schema.PERSONNEL_BASES,
    "amount_status": schema.AMOUNT_STATUSES,
}


@dataclass
class ValidationResult:
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    rows_read: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def rejected_lines(self) -> list[int]:
        return sorted({p.line for p in self.errors if p.line is not None})

    def report(self) -> str:
        """Plain-text report, one problem per line, then a summary (make validate's, in English)."""
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.frame)} of {self.rows_read} rows kept, {self.rows_read - len(self.frame)} rejected")
        return "\n".join(lines)


def _number(text: str) -> float:
    value = float(text)
    if math.isnan(value) or math.isinf(value):
        raise ValueError
    return value


class _RowChecker:
    """Checks one record; collects problems instead of stopping at the first."""

    def __init__(self, line: int, cells: dict[str, str], known_iso3: Collection[str], sea_areas: Collection[str]):
        self.line = line
        self.cells = cells
        self.known_iso3 = known_iso3
        self.sea_areas = sea_areas
        self.problems: list[Problem] = []
        self.values: dict[str, object] = {}

    def fail(self, column: str, template: str, **values: object) -> None:
        """`template` is the English message marked with N_ (the catalogue translates it when shown)."""
        self.problems.append(Problem(self.line, column, template, values=values))

    def check(self) -> dict[str, object] | None:
        for name in schema.COLUMN_NAMES:
            text = self.cells.get(name, "").strip()
            if len(text) > MAX_CELL_CHARS:
                self.fail(name, N_("is {length} characters long; the limit is {limit}"), length=len(text),
                          limit=MAX_CELL_CHARS)
            self.values[name] = text
        for name in schema.REQUIRED_COLUMNS:
            if not self.values[name]:
                self.fail(name, N_("is empty; this column is required"))
        self._check_id()
        self._check_vocabularies()
        self._check_place()
        self._check_dates()
        self._check_figures()
        self._check_source()
        return None if self.problems else self.values

    def _check_id(self) -> None:
        value = str(self.values["id"])
        if value and not _ID_PATTERN.match(value):
            self.fail("id", N_("{value} is not a valid id; use letters, digits, '-', '_' or '.' (max 100)"),
                      value=repr(value[:40]))

    def _check_vocabularies(self) -> None:
        for name, allowed in _VOCABULARIES.items():
            value = str(self.values[name])
            if not value:
                continue
            canonical = {option.lower(): option for option in allowed}
            if value.lower() in canonical:
                self.values[name] = canonical[value.lower()]
            else:
                self.fail(name, N_("{value} is not allowed; use one of: {allowed}"), value=repr(value[:40]),
                          allowed=", ".join(allowed))

    def _check_place(self) -> None:
        iso3 = str(self.values["iso3"]).upper()
        area = str(self.values["area"])
        self.values["iso3"] = iso3
        if iso3:
            if iso3 not in self.known_iso3:
                self.fail("iso3", N_("{value} is not a country code in the map's geometry; "
                             "use an ISO 3166-1 alpha-3 code such as LVA (Kosovo is XKX)"), value=repr(iso3[:12]))
            if area:
                self.fail("area", N_("must be empty when iso3 is set; put the place in 'location'"))
        elif not area:
            self.fail("iso3", N_("is empty and so is 'area'; give a country code, or a sea area for operations at sea"))
        elif area not in self.sea_areas:
            self.fail("area", N_("{value} is not a known sea area; use one of: {allowed}"), value=repr(area[:40]),
                      allowed=", ".join(sorted(self.sea_areas)))
        for name, limit in (("lat", 90.0), ("lon", 180.0)):
            text = str(self.values[name])
            if not text:
                continue
            try:
                value = _number(text)
            except ValueError:
                self.fail(name, N_("{value} is not a number; write decimal degrees such as 56.95"), value=repr(text[:20]))
                continue
            if not -limit <= value <= limit:
                self.fail(name, N_("{value} is outside -{limit} to {limit}"), value=str(value), limit=f"{limit:g}")
            self.values[name] = value

    def _check_dates(self) -> None:
        bounds = {}
        for name in ("start_date", "end_date"):
            text = str(self.values[name])
            if not text:
                continue
            try:
                bounds[name] = parse_partial_date(text)
            except DateError as error:
                self.fail(name, error.template, **error.values)
        if "start_date" in bounds and "end_date" in bounds and bounds["end_date"][1] < bounds["start_date"][0]:
            self.fail("end_date", N_("{end} is before start_date {start}"), end=str(self.values["end_date"]),
                      start=str(self.values["start_date"]))
        # Kept so loading never parses the dates a second time; an empty end_date stays None (ongoing).
        self.values["start_year"] = bounds["start_date"][0].year if "start_date" in bounds else None
        self.values["end_year"] = bounds["end_date"][1].year if "end_date" in bounds else None
        as_of = str(self.values["as_of"])
        if as_of:
            try:
                parse_partial_date(as_of)
            except DateError as error:
                self.fail("as_of", error.template, **error.values)
        verified = str(self.values["verified_on"])
        if verified:
            try:
                if not _ISO_DATE.match(verified):
                    raise ValueError
                parse_partial_date(verified)
            except ValueError:
                self.fail("verified_on", N_("{value} is not a full date; write YYYY-MM-DD"), value=repr(verified[:20]))

    def _check_figures(self) -> None:
        personnel = str(self.values["personnel"])
        if personnel:
            if re.fullmatch(r"\d{1,7}", personnel):
                self.values["personnel"] = int(personnel)
            else:
                self.fail("personnel", N_("{value} is not a whole number; write digits only, e.g. 1200"),
                          value=repr(personnel[:20]))
        amount = str(self.values["amount_cad"])
        if amount:
            try:
                value = _number(amount)
                if value < 0 or "," in amount:
                    raise ValueError
                self.values["amount_cad"] = value
            except ValueError:
                self.fail("amount_cad", N_("{value} is not an amount; write plain digits in dollars, e.g. 9700000000"),
                          value=repr(amount[:20]))
        for figure, basis in (("personnel", "personnel_basis"), ("amount_cad", "amount_status")):
            if self.values[figure] != "" and not self.values[basis]:
                self.fail(basis, N_("is empty but {figure} is set; say what kind of figure it is"), figure=figure)
            if self.values[figure] == "" and self.values[basis]:
                self.fail(basis, N_("is set but {figure} is empty; clear it or add the figure"), figure=figure)

    def _check_source(self) -> None:
        for name in ("source_url", "source_url_fr"):
            url = str(self.values[name])
            if url and not _WEB_ADDRESS.match(url):
                self.fail(name, N_("must be a web address starting with http:// or https://, with no spaces"))

    def french_warnings(self) -> list[Problem]:
        """For a file with French columns: a kept row whose description has no French version."""
        if self.values["description"] and not self.values["description_fr"]:
            return [Problem(self.line, "description_fr", N_("is empty but description is set; the French edition "
                                                           "will show the English description until a translation "
                                                           "is added"), severity="warning")]
        return []


def validate_table(table: RawTable, known_iso3: Collection[str], sea_areas: Collection[str]) -> ValidationResult:
    """Validate every record of `table`; keep the good ones in a typed DataFrame."""
    problems = list(table.problems)
    if not table.header:
        return ValidationResult(empty_frame(), problems, 0)
    header = table.header
    at = table.header_line  # not always 1: blank lines may come before the header
    missing = [name for name in schema.REQUIRED_COLUMNS if name not in header]
    if missing:
        problems.append(Problem(at, ", ".join(missing), N_("required column missing from the header; add it "
                                                           "(expected columns: {expected})"),
                                values={"expected": ", ".join(schema.COLUMN_NAMES)}))
        return ValidationResult(empty_frame(), problems, len(table.records))
    extra = [name for name in header if name not in schema.COLUMN_NAMES]
    if extra:
        problems.append(Problem(at, ", ".join(extra)[:200], N_("unknown column ignored"), severity="warning"))
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        problems.append(Problem(at, ", ".join(duplicates), N_("column appears more than once; only the first is used"),
                                severity="warning"))

    # A file without any French column is an English-only file: it loads as before, with no
    # warning per row (the app shows its English text and says so once).
    has_french = any(name in header for name in schema.FRENCH_COLUMNS.values())
    kept: list[dict[str, object]] = []
    first_line_of_id: dict[str, int] = {}
    for line, record in zip(table.lines, table.records):
        if len(record) != len(header):
            problems.append(Problem(line, None, N_("has {fields} fields but the header has {expected}; check for a "
                                                   "missing or extra delimiter or an unclosed quote"),
                                    values={"fields": len(record), "expected": len(header)}))
            continue
        cells: dict[str, str] = {}
        for name, cell in zip(header, record):
            cells.setdefault(name, cell)
        checker = _RowChecker(line, cells, known_iso3, sea_areas)
        values = checker.check()
        row_id = str(checker.values.get("id", ""))
        if row_id and row_id in first_line_of_id:
            checker.fail("id", N_("{value} is already used on line {line}; ids must be unique"), value=repr(row_id),
                         line=str(first_line_of_id[row_id]))
            values = None
        problems.extend(checker.problems)
        if values is None:
            continue
        if has_french:
            problems.extend(checker.french_warnings())
        first_line_of_id[row_id] = line
        values["line"] = line
        kept.append(values)
    return ValidationResult(typed_frame(kept), problems, len(table.records))


def empty_frame() -> pd.DataFrame:
    return typed_frame([])


def typed_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Rows as a DataFrame with the schema's column types, plus file line and the dates' years."""
    frame = pd.DataFrame(rows, columns=[*schema.COLUMN_NAMES, "line", "start_year", "end_year"])
    for name in schema.COLUMN_NAMES:
        if name not in ("lat", "lon", "personnel", "amount_cad"):
            frame[name] = frame[name].fillna("").astype(str)
    frame["lat"] = pd.to_numeric(frame["lat"]).astype("float64")
    frame["lon"] = pd.to_numeric(frame["lon"]).astype("float64")
    frame["personnel"] = pd.to_numeric(frame["personnel"].replace("", None)).astype("Int64")
    frame["amount_cad"] = pd.to_numeric(frame["amount_cad"].replace("", None)).astype("Float64")
    frame["line"] = frame["line"].astype("int64")
    frame["start_year"] = frame["start_year"].astype("int64")
    frame["end_year"] = pd.to_numeric(frame["end_year"]).astype("Int64")
    return frame
