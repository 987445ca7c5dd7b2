"""The filters shared by every page: one entry each in FILTER_PARAMS, and how they select rows."""

from __future__ import annotations

from dataclasses import field, make_dataclass

import numpy as np
import pandas as pd

from canada_abroad.i18n import N_
from canada_abroad.link_params import (
    CHOICE,
    LIST,
    MULTISELECT,
    RADIO,
    TEXT,
    TEXT_INPUT,
    YEAR,
    YEAR_INPUT,
    YEAR_RANGE,
    LinkParam,
    Widget,
)

STATUSES = ("all", "ongoing", "ended")
# What Canada sent: deployments (people, ships, aircraft) or commitments (money, materiel); the schema's `kind`.
ROW_KINDS = ("all", "deployment", "commitment")
# Joined into the frame's `search_text` column when the data is loaded (engagements.enrich).
SEARCH_COLUMNS = ("operation", "mission", "organization", "place", "location", "description", "mission_type")


def _is_in(column: str):
    def selects(frame: pd.DataFrame, values: tuple[str, ...]) -> pd.Series:
        return frame[column].isin(values)
    return selects


def _status(frame: pd.DataFrame, status: str) -> pd.Series:
    return frame["ongoing"] if status == "ongoing" else ~frame["ongoing"]


def _kind(frame: pd.DataFrame, kind: str) -> pd.Series:
    return frame["kind"] == kind


def _active_since(frame: pd.DataFrame, year: int) -> pd.Series:
    """Active in `year` or later: an engagement matches a year range if it was active in it."""
    return frame["end_year"] >= year


def _active_until(frame: pd.DataFrame, year: int) -> pd.Series:
    return frame["start_year"] <= year


def _active_in(frame: pd.DataFrame, year: int) -> pd.Series:
    """Active at some time in `year` (start and end years inclusive; an ongoing row runs to this year)."""
    return (frame["start_year"] <= year) & (frame["end_year"] >= year)


def _text_search(frame: pd.DataFrame, query: str) -> np.ndarray:
    """Rows whose searched columns contain the text, as literal text and in any case."""
    # search_text is categorical: scan each distinct text once, then look the rows up by code.
    texts = frame["search_text"].cat
    found = np.append(np.asarray(texts.categories.str.contains(query.lower(), regex=False), dtype=bool), False)
    return found[texts.codes.to_numpy()]  # code -1 (no text) picks the appended False


YEARS = Widget(YEAR_RANGE, "w_years", N_("Active between"))

FILTER_PARAMS = (
    LinkParam("type", "types", LIST, "rows of these mission types", allowed="types",
              allowed_doc="mission types (`mission_type` values)", default=(),
              widget=Widget(MULTISELECT, "w_type", N_("Mission type"), N_("All types")),
              selects=_is_in("mission_type"),
              labels="mission_type", unknown=N_("Ignored unknown type '{value}'.")),
    LinkParam("org", "orgs", LIST, "rows led by these organizations", allowed="orgs",
              allowed_doc="organizations (`organization` values)", default=(),
              widget=Widget(MULTISELECT, "w_org", N_("Organization"), N_("All organizations")),
              selects=_is_in("organization"), labels="organization", unknown=N_("Ignored unknown org '{value}'.")),
    LinkParam("status", "status", CHOICE, "ongoing rows (no end date) or ended ones", allowed=STATUSES,
              default="all", widget=Widget(RADIO, "w_status", N_("Status")), selects=_status,
              labels="status",
              unknown=N_("Ignored unknown status '{value}'; use ongoing or ended.")),
    LinkParam("region", "regions", LIST, "rows in these regions", allowed="regions",
              allowed_doc="regions (`Europe`, `Africa`, ...)", default=(),
              widget=Widget(MULTISELECT, "w_region", N_("Region"), N_("All regions")), selects=_is_in("region"),
              labels="region",
              unknown=N_("Ignored unknown region '{value}'.")),
    LinkParam("from", "year_from", YEAR, "rows active in this year or later", default=None, widget=YEARS,
              selects=_active_since, echo=20),
    LinkParam("to", "year_to", YEAR, "rows active in this year or earlier", default=None, widget=YEARS,
              selects=_active_until, echo=20),
    LinkParam("q", "query", TEXT, "rows whose operation, mission, organization, place, location, description or "
              "type contains this text (any case, taken literally)", allowed_doc="text", default="",
              widget=Widget(TEXT_INPUT, "w_q", N_("Search"), N_("operation, mission, place…")),
              selects=_text_search),
    # Last, so Filters built by position (tests, older callers) keep their meaning.
    LinkParam("kind", "kind", CHOICE, "deployments (people, ships, aircraft) or commitments (money, materiel). "
              "One default on every page, so a link selects the same rows wherever it opens: the Map answers "
              "where Canadians serve through its default measure (`deployments`), not a filter of its own",
              allowed=ROW_KINDS, default="all", widget=Widget(RADIO, "w_kind", N_("What")), selects=_kind,
              labels="kind",
              unknown=N_("Ignored unknown kind '{value}'; use deployment or commitment.")),
    # Last, so that Filters' positional order (types ... query) stays as it was.
    LinkParam("year", "year", YEAR, "rows active in this year; the map shows it on one colour scale for all years "
              "and its control plays and steps through years. A link gives `year` or `from`/`to`: with both, "
              "`year` is shown and the range ignored (with a notice)", default=None,
              widget=Widget(YEAR_INPUT, "w_year", N_("One year"), N_("any year")), selects=_active_in, echo=20),
)


def _is_default(self) -> bool:
    return self == type(self)()


def _first_active(self) -> int | None:
    """The earliest year a row may be active in to match (the year itself in the single-year view)."""
    return self.year if self.year is not None else self.year_from


def _last_active(self) -> int | None:
    return self.year if self.year is not None else self.year_to


# What the reader asked for: one field per FILTER_PARAMS entry, named by its `field`, its default
# meaning 'any'. Made from the table, so a new filter is one entry there and nothing here.
Filters = make_dataclass(
    "Filters", [(p.field, p.python_type, field(default=p.default)) for p in FILTER_PARAMS], frozen=True,
    namespace={"__module__": __name__, "is_default": property(_is_default),
               "first_active": property(_first_active), "last_active": property(_last_active)},
)


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows that match every filter whose value is not its default."""
    mask = np.ones(len(frame), dtype=bool)
    for param in FILTER_PARAMS:
        value = getattr(filters, param.field)
        if param.kind == TEXT:
            value = value.strip()
        if value != param.default:
            mask &= np.asarray(param.selects(frame, value), dtype=bool)
    return frame[mask]
