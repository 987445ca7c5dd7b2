"""Turn what streamlit-folium reports about a click into a selection.

The component returns the last click anywhere (`last_clicked`), the last click
on a shape or marker (`last_object_clicked`) and that shape as GeoJSON
(`last_active_drawing`). Comparing with the previous report tells a click on a
country or marker from a click on the sea.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

RETURNED_OBJECTS = ["last_clicked", "last_object_clicked", "last_active_drawing"]


@dataclass(frozen=True)
class MapClick:
    """What a click means: a country, an operation, or nothing (the sea)."""

    country: str | None = None
    operation: str | None = None

    @property
    def clears(self) -> bool:
        return self.country is None and self.operation is None


def interpret_click(event: Mapping | None, previous: Mapping | None) -> MapClick | None:
    """The selection a new component value asks for; None when it is not a new click."""
    if not event or not event.get("last_clicked"):
        return None
    previous = previous or {}
    if event.get("last_clicked") == previous.get("last_clicked") and \
            event.get("last_object_clicked") == previous.get("last_object_clicked"):
        return None
    object_click_is_new = event.get("last_object_clicked") is not None and (
        event.get("last_object_clicked") != previous.get("last_object_clicked")
        or event.get("last_object_clicked") == event.get("last_clicked")
    )
    if not object_click_is_new:
        return MapClick()
    properties = ((event.get("last_active_drawing") or {}).get("properties")) or {}
    if properties.get("op"):
        return MapClick(operation=str(properties["op"]))
    if properties.get("iso3"):
        return MapClick(country=str(properties["iso3"]))
    return MapClick()


def requested_year(event: Mapping | None, first_year: int, last_year: int) -> int | None:
    """The year the map's year control asks for (static/js/years.js sends {year, year_request}); None otherwise."""
    if not event or "year_request" not in event:
        return None
    year = event.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not first_year <= year <= last_year:
        return None
    return year
