"""Everything a shared link carries, and its translation to and from URL parameters.

Parameter names are part of the product's contract (links must keep working):
type, org, status, region, from, to, q, measure, country, op. Lists are
comma-separated. Defaults are left out so links stay short. Anything unknown,
repeated or malformed is dropped with a notice; parsing never raises. Notices are
Markdown, with the link's own text in them escaped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from canada_abroad.filters import STATUSES, Filters
from canada_abroad.measures import MEASURES
from canada_abroad.safe_text import markdown_text

PARAMS = ("type", "org", "status", "region", "from", "to", "q", "measure", "country", "op")
MAX_PARAM_CHARS = 300
DEFAULT_MEASURE = "operations"


@dataclass(frozen=True)
class ViewState:
    filters: Filters = field(default_factory=Filters)
    measure: str = DEFAULT_MEASURE
    country: str | None = None
    operation: str | None = None

    def select_country(self, iso3: str | None) -> ViewState:
        return replace(self, country=iso3, operation=None)

    def select_operation(self, op: str | None) -> ViewState:
        return replace(self, operation=op, country=None)


@dataclass(frozen=True)
class Options:
    """The values a link may use, from the loaded data and geometry."""

    types: Collection[str]
    orgs: Collection[str]
    regions: Collection[str]
    countries: Collection[str]
    operations: Collection[str]
    first_year: int
    last_year: int


def _values(raw: Sequence[str] | str) -> list[str]:
    return [raw] if isinstance(raw, str) else list(raw)


def _echo(text: str, limit: int) -> str:
    """Link text quoted in a notice: cut short, and escaped because the sidebar shows notices as
    Markdown (st.warning), where `?[Log in here](https://evil.example)=1` became a real link in
    the app's own warning box (also headings, LaTeX, :material: icons, line breaks)."""
    return markdown_text(text[:limit])


def parse_view(params: Mapping[str, Sequence[str] | str], options: Options) -> tuple[ViewState, list[str]]:
    """Read a ViewState from query parameters; return it with notices for what was ignored."""
    notices: list[str] = []
    single: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    for name, raw in params.items():
        values = _values(raw)
        if name not in PARAMS:
            notices.append(f"Ignored unknown link parameter '{_echo(name, 40)}'.")
            continue
        if any(len(value) > MAX_PARAM_CHARS for value in values):
            notices.append(f"Ignored link parameter '{name}': the value is too long.")
            continue
        if name in ("type", "org", "region"):
            lists[name] = [item.strip() for value in values for item in value.split(",") if item.strip()]
            continue
        if len(values) > 1:
            notices.append(f"Link parameter '{name}' was given {len(values)} times; the first value is used.")
        if values:
            single[name] = values[0].strip()

    def choose(name: str, allowed: Collection[str]) -> tuple[str, ...]:
        chosen = []
        for item in lists.get(name, []):
            match = next((option for option in allowed if option.lower() == item.lower()), None)
            if match is None:
                notices.append(f"Ignored unknown {name} '{_echo(item, 40)}'.")
            elif match not in chosen:
                chosen.append(match)
        return tuple(chosen)

    types, orgs, regions = choose("type", options.types), choose("org", options.orgs), choose("region", options.regions)

    status = single.get("status", "all").lower()
    if status not in STATUSES:
        notices.append(f"Ignored unknown status '{_echo(status, 40)}'; use ongoing or ended.")
        status = "all"

    years: dict[str, int | None] = {"from": None, "to": None}
    for name in ("from", "to"):
        if name in single:
            text = single[name]
            if re.fullmatch(r"\d{4}", text) and options.first_year <= int(text) <= options.last_year:
                years[name] = int(text)
            else:
                notices.append(f"Ignored year '{_echo(text, 20)}' for '{name}': use a year from "
                               f"{options.first_year} to {options.last_year}.")
    if years["from"] is not None and years["to"] is not None and years["from"] > years["to"]:
        notices.append("The year range was reversed; it has been swapped.")
        years["from"], years["to"] = years["to"], years["from"]

    measure = single.get("measure", DEFAULT_MEASURE).lower()
    if measure not in MEASURES:
        notices.append(f"Ignored unknown measure '{_echo(measure, 40)}'.")
        measure = DEFAULT_MEASURE

    country = single.get("country", "").upper() or None
    if country is not None and country not in options.countries:
        notices.append(f"Ignored unknown country code '{_echo(country, 12)}'.")
        country = None
    operation = single.get("op", "").lower() or None
    if operation is not None and operation not in options.operations:
        notices.append(f"Ignored unknown operation '{_echo(operation, 40)}'.")
        operation = None
    if country and operation:
        notices.append("A link can open a country or an operation, not both; the country is shown.")
        operation = None

    filters = Filters(types, orgs, status, regions, years["from"], years["to"], single.get("q", ""))
    return ViewState(filters, measure, country, operation), notices


def to_params(view: ViewState) -> dict[str, str]:
    """Query parameters for a view, defaults left out, in a stable order."""
    f = view.filters
    params = {
        "type": ",".join(f.types),
        "org": ",".join(f.orgs),
        "status": "" if f.status == "all" else f.status,
        "region": ",".join(f.regions),
        "from": "" if f.year_from is None else str(f.year_from),
        "to": "" if f.year_to is None else str(f.year_to),
        "q": f.query.strip(),
        "measure": "" if view.measure == DEFAULT_MEASURE else view.measure,
        "country": view.country or "",
        "op": view.operation or "",
    }
    return {name: value for name, value in params.items() if value}
