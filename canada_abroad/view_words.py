"""A view (measure, filters, selection) said in words: for image titles, citations and file metadata."""

from __future__ import annotations

from canada_abroad.filters import Filters
from canada_abroad.i18n import N_, _
from canada_abroad.text import label
from canada_abroad.view_state import ViewState

PRODUCT_TITLE = N_("Canada's deployments and commitments abroad")
ALL_ROWS = N_("all engagements")
SEARCH = N_('matching "{query}"')
SELECTED_COUNTRY = N_("selected: {name}")
SELECTED_OPERATION = N_("operation: {name}")
TITLE = N_("{product}: {measure}")


def years_in_words(filters: Filters, first_year: int, last_year: int) -> str:
    """'1993', '1990–1999', or the dataset's whole span when no range is set."""
    low = filters.first_active if filters.first_active is not None else first_year
    high = filters.last_active if filters.last_active is not None else last_year
    return str(low) if low == high else f"{low}–{high}"


def filters_in_words(filters: Filters) -> list[str]:
    """Each set filter as a short phrase, in the sidebar's order; empty when nothing is filtered."""
    parts = []
    if filters.types:
        parts.append(", ".join(label("mission_type", t) for t in filters.types))
    if filters.orgs:
        parts.append(", ".join(label("organization", org) for org in filters.orgs))
    if filters.status != "all":
        parts.append(label("status", filters.status).lower())
    if filters.regions:
        parts.append(", ".join(label("region", region) for region in filters.regions))
    if filters.query:
        parts.append(_(SEARCH).format(query=filters.query))
    return parts


def view_subtitle(view: ViewState, first_year: int, last_year: int, selection_name: str | None = None) -> str:
    """What the rows are: filters, then years, then the selection, e.g. 'Peace operation · 1993'."""
    parts = filters_in_words(view.filters) or [_(ALL_ROWS)]
    parts.append(years_in_words(view.filters, first_year, last_year))
    if selection_name:
        template = SELECTED_OPERATION if view.operation else SELECTED_COUNTRY
        parts.append(_(template).format(name=selection_name))
    return " · ".join(parts)


def view_title(view: ViewState) -> str:
    """What the map colours: 'Canada's deployments and commitments abroad: number of operations'."""
    return _(TITLE).format(product=_(PRODUCT_TITLE), measure=label("measure", view.measure))
