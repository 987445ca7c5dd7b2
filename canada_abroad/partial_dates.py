"""Dates as precise as the source gives them: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import calendar
import re
from datetime import date

# ASCII digits only: \d also matches other scripts' digits ("٢٠١٧", "２０１７"), which int() reads,
# so such dates passed and were kept and shown in that script, not as YYYY-MM-DD.
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)


def parse_partial_date(text: str) -> tuple[date, date]:
    """Return the first and last day the text can mean; ValueError if it is not a date."""
    match = _PATTERN.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not 1800 <= year <= 2200:
        raise ValueError(f"year {year} is out of range")
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        raise ValueError(f"month {month:02d} does not exist")
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last_day)
    if not 1 <= day <= last_day:
        raise ValueError(f"{year}-{month:02d} has no day {day:02d}")
    exact = date(year, month, day)
    return exact, exact
