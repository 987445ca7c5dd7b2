"""Read an engagements CSV from bytes into raw records that remember their line numbers.

Handles what people actually upload: UTF-8 with or without a byte-order mark,
Windows-1252 exports from Excel, comma, semicolon or tab delimiters, quoted
newlines inside cells, blank lines, and files that are too large.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from canada_abroad.i18n import N_
from canada_abroad.problems import Problem

DELIMITERS = (",", ";", "\t")
_BLANK_LINE_CHARS = re.compile(r'[",;\t]')  # a line of only these and whitespace is a blank row
EMPTY_FILE = N_("the file is empty; it needs a header line and at least one row")


@dataclass
class RawTable:
    """Header and records as strings; `lines[i]` is the file line where record i starts.

    Lines are counted as the csv module counts them: each LF, CR LF or lone CR ends one, and
    a record with a quoted newline is reported at the line where it starts.
    """

    header: list[str]
    records: list[list[str]]
    lines: list[int]
    encoding: str
    delimiter: str
    problems: list[Problem] = field(default_factory=list)
    header_line: int = 1  # blank lines may come before the header


def decode(data: bytes) -> tuple[str | None, str, list[Problem]]:
    """Decode as UTF-8 (BOM optional), else Windows-1252; say which was used."""
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        # A UTF-8 byte-order mark in a file that is otherwise not UTF-8 would become "ï»¿" in the first column name.
        text = data.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
    except UnicodeDecodeError:
        before = data[: utf8_error.start]
        # Count \r\n, \n and lone \r (Excel for Mac) as one line end each, as csv does for the
        # line numbers of rows; counting only \n put every error of a \r file on line 1.
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        return None, "unknown", [Problem(line, None, N_("the file is neither UTF-8 nor Windows-1252 text; "
                                                            "save it as 'CSV UTF-8' and upload it again"))]
    note = Problem(None, None, N_("the file is not UTF-8, so it was read as Windows-1252 (Excel's default); "
                                  "check accented names, or save it as 'CSV UTF-8'"), severity="warning")
    return text, "windows-1252", [note]


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header line into the most fields."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_table(data: bytes, *, max_bytes: int | None = None, max_rows: int | None = None) -> RawTable:
    """Parse CSV bytes. File-level problems (size, encoding, empty) come back in `problems`."""
    empty = RawTable([], [], [], "unknown", ",")
    if max_bytes is not None and len(data) > max_bytes:
        empty.problems.append(Problem(None, None, N_("the file is {size} bytes; the limit is {limit} bytes, "
                                                     "so split it into smaller files"),
                                      values={"size": len(data), "limit": max_bytes}))
        return empty
    text, encoding, problems = decode(data)
    empty.problems.extend(problems)
    if text is None:
        return empty
    if "\x00" in text:
        empty.problems.append(Problem(None, None, N_("the file contains NUL bytes, so it is not a CSV text file "
                                                     "(was it saved as .xlsx or UTF-16?); save it as 'CSV UTF-8'")))
        return empty
    if not text.strip():
        empty.problems.append(Problem(None, None, EMPTY_FILE))
        return empty

    # Sniff the header, not a blank line (or a row of only delimiters, Excel's empty row) above
    # it: text.splitlines()[0] gave "," for a semicolon file starting with a blank line, and
    # every column was then reported missing.
    lines = io.StringIO(text, newline="")
    delimiter = sniff_delimiter(next((line for line in lines if _BLANK_LINE_CHARS.sub("", line).strip()), ""))
    # csv refuses fields over 131,072 characters (its default limit) and that error ends the
    # read, so one long pasted cell lost every row after it. Let the field through; the
    # validator rejects that row alone (MAX_CELL_CHARS). max_bytes bounds the text anyway.
    if len(text) > csv.field_size_limit():
        csv.field_size_limit(len(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = RawTable([], [], [], encoding, delimiter, problems)
    previous_line = 0
    try:
        for record in reader:
            start_line = previous_line + 1
            previous_line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if not table.header:
                table.header = [name.strip().lower() for name in record]
                table.header_line = start_line
                continue
            if max_rows is not None and len(table.records) >= max_rows:
                table.problems.append(Problem(start_line, None, N_("the file has more than {limit} rows; rows from "
                                                                  "here on were not read, so split the file"),
                                              values={"limit": max_rows}))
                break
            table.records.append(record)
            table.lines.append(start_line)
    except csv.Error as error:
        # The csv module's own words stay English (they come from Python, not from the catalogue).
        table.problems.append(Problem(reader.line_num, None, N_("the CSV could not be parsed ({error}); "
                                                                "check the quoting on this line"),
                                      values={"error": str(error)}))
    if not table.header and not any(p.severity == "error" for p in table.problems):
        # Only blank lines and delimiters (",,,"): no header either, which needs saying; an
        # empty result with no problem listed left the reader guessing.
        table.problems.append(Problem(None, None, EMPTY_FILE))
    return table
