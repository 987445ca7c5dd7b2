"""One problem found in an input file, phrased for the person who has to fix it.

A problem keeps its English message as a template (a gettext msgid, marked with N_ where it is
made) and the values that fill it, and is worded in the reader's language only when shown
(`text()`): a validated upload is cached once and read in English or French.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from canada_abroad.i18n import _, format_number


@dataclass(frozen=True)
class Problem:
    line: int | None
    column: str | None
    template: str  # English, with {placeholders}; the catalogue has its French
    severity: str = "error"  # "error" rejects the row (or the file); "warning" keeps it
    # Numbers (int or float) are written the reader's way ("4,000" / "4 000"); a value meant
    # literally (a year, a quoted cell) is given as text.
    values: Mapping[str, object] = field(default_factory=dict, hash=False)

    def text(self) -> str:
        """The message in the current language."""
        values = {name: format_number(value) if isinstance(value, int | float) and not isinstance(value, bool)
                  else value for name, value in self.values.items()}
        return _(self.template).format(**values)

    @property
    def message(self) -> str:
        return self.text()

    def __str__(self) -> str:
        # "line N, column C: ..." is the command line's report (make validate), which stays English:
        # the page shows line, column and message in a table with headings of its own.
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column:
            where.append(f"column {self.column}")
        prefix = ", ".join(where) or "file"
        return f"{prefix}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "severity": self.severity, "message": self.message}
