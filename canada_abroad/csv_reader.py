"""Read an engagements CSV from bytes into raw records that remember their line numbers.

Handles what people actually upload: UTF-8 with or without a byte-order mark,
Windows-1252 exports from Excel, comma, semicolon or tab delimiters, quoted
newlines inside cells, blank lines, and files that are too large.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from canada_abroad.problems import Problem

DELIMITERS = (",", ";", "\t")


@dataclass
class RawTable:
    """Header and records as strings; `lines[i]` is the file line where record i starts."""

    header: list[str]
    records: list[list[str]]
    lines: list[int]
    encoding: str
    delimiter: str
    problems: list[Problem] = field(default_factory=list)


def decode(data: bytes) -> tuple[str | None, str, list[Problem]]:
    """Decode as UTF-8 (BOM optional), else Windows-1252; say which was used."""
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        return None, "unknown", [Problem(line, None, "the file is neither UTF-8 nor Windows-1252 text; "
                                         "save it as 'CSV UTF-8' and upload it again")]
    note = Problem(None, None, "the file is not UTF-8, so it was read as Windows-1252 (Excel's default); "
                   "check accented names, or save it as 'CSV UTF-8'", severity="warning")
    return text, "windows-1252", [note]


def sniff_delimiter(header_line: str) -> str:
    """The delimiter that splits the header line into the most fields."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in DELIMITERS}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_table(data: bytes, *, max_bytes: int | None = None, max_rows: int | None = None) -> RawTable:
    """Parse CSV bytes. File-level problems (size, encoding, empty) come back in `problems`."""
    empty = RawTable([], [], [], "unknown", ",")
    if max_bytes is not None and len(data) > max_bytes:
        empty.problems.append(Problem(None, None, f"the file is {len(data):,} bytes; the limit is {max_bytes:,} "
                                      "bytes, so split it into smaller files"))
        return empty
    text, encoding, problems = decode(data)
    empty.problems.extend(problems)
    if text is None:
        return empty
    if "\x00" in text:
        empty.problems.append(Problem(None, None, "the file contains NUL bytes, so it is not a CSV text file "
                                      "(was it saved as .xlsx or UTF-16?); save it as 'CSV UTF-8'"))
        return empty
    if not text.strip():
        empty.problems.append(Problem(None, None, "the file is empty; it needs a header line and at least one row"))
        return empty

    delimiter = sniff_delimiter(text.splitlines()[0])
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
                continue
            if max_rows is not None and len(table.records) >= max_rows:
                table.problems.append(Problem(start_line, None, f"the file has more than {max_rows:,} rows; "
                                              "rows from here on were not read, so split the file"))
                break
            table.records.append(record)
            table.lines.append(start_line)
    except csv.Error as error:
        table.problems.append(Problem(reader.line_num, None, f"the CSV could not be parsed ({error}); "
                                      "check the quoting on this line"))
    return table
