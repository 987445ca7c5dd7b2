"""Dates as precise as the source gives them: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import calendar
import re
from datetime import date

from canada_abroad.i18n import N_

# ASCII digits only: \d also matches other scripts' digits ("٢٠١٧", "２０１７"), which int() reads,
# so such dates passed and were kept and shown in that script, not as YYYY-MM-DD.
_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)


class DateError(ValueError):
    """Not a date: `template` (English, a catalogue msgid) and `values` say why, for the reader's language."""

    def __init__(self, template: str, **values: str) -> None:
        super().__init__(template.format(**values))
        self.template = template
        self.values = values


def parse_partial_date(text: str) -> tuple[date, date]:
    """Return the first and last day the text can mean; ValueError if it is not a date."""
    match = _PATTERN.match(text.strip())
    if not match:
        raise DateError(N_("{text} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"), text=repr(text))
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not 1800 <= year <= 2200:
        raise DateError(N_("year {year} is out of range"), year=str(year))
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        raise DateError(N_("month {month} does not exist"), month=f"{month:02d}")
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last_day)
    if not 1 <= day <= last_day:
        raise DateError(N_("{year_month} has no day {day}"), year_month=f"{year}-{month:02d}", day=f"{day:02d}")
    exact = date(year, month, day)
    return exact, exact
