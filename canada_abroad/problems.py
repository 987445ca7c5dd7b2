"""One problem found in an input file, phrased for the person who has to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    line: int | None
    column: str | None
    message: str
    severity: str = "error"  # "error" rejects the row (or the file); "warning" keeps it

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column:
            where.append(f"column {self.column}")
        prefix = ", ".join(where) or "file"
        return f"{prefix}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "severity": self.severity, "message": self.message}
