"""Find a country or an operation by typing: the choices a search box offers, and where the map should go.

A choice is a key the page can act on ("country:LVA", "op:reassurance") and the words a reader types
to find it (the country's name; the operation's name, with its mission when two operations share a
name). The search box filters these as the reader types ("Lat" finds Latvia, "IMPACT" Operation IMPACT).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from canada_abroad.geography import Geography
from canada_abroad.i18n import sort_key
from canada_abroad.localized import display_column

COUNTRY_PREFIX = "country:"
OPERATION_PREFIX = "op:"


def search_choices(frame: pd.DataFrame, geography: Geography) -> dict[str, str]:
    """Every country and operation with at least one row, as {key: label}; countries first, by name.

    Names in the reader's language: countries from the geography, operations and missions from the
    frame's `display_` columns when it has them (see localized.py)."""
    countries = sorted(set(frame["iso3"]) - {""}, key=lambda iso3: sort_key(geography.country_name(iso3)))
    choices = {f"{COUNTRY_PREFIX}{iso3}": geography.country_name(iso3) for iso3 in countries}
    shown = {name: display_column(name) if display_column(name) in frame.columns else name
             for name in ("operation", "mission")}
    operations = frame.drop_duplicates("operation_id")[["operation_id", shown["operation"], shown["mission"]]]
    operations.columns = ["operation_id", "operation", "mission"]
    shared = operations["operation"].duplicated(keep=False)
    for op_id, name, mission, needs_mission in sorted(
            zip(operations["operation_id"], operations["operation"], operations["mission"], shared),
            key=lambda item: sort_key(item[1])):
        choices[f"{OPERATION_PREFIX}{op_id}"] = f"{name} ({mission})" if needs_mission else name
    return choices


def parse_choice(key: str | None) -> tuple[str | None, str | None]:
    """(iso3, None) for a country key, (None, operation id) for an operation key, (None, None) otherwise."""
    if not key:
        return None, None
    if key.startswith(COUNTRY_PREFIX):
        return key[len(COUNTRY_PREFIX):] or None, None
    if key.startswith(OPERATION_PREFIX):
        return None, key[len(OPERATION_PREFIX):] or None
    return None, None


def _points(coordinates) -> Iterable[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield float(coordinates[0]), float(coordinates[1])
        return
    for part in coordinates:
        yield from _points(part)


def country_bounds(countries_geojson: dict) -> dict[str, list[list[float]]]:
    """Each country's outline bounds as Leaflet wants them: {iso3: [[south, west], [north, east]]}."""
    bounds = {}
    for feature in countries_geojson["features"]:
        points = list(_points(feature["geometry"]["coordinates"]))
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        bounds[feature["properties"]["iso3"]] = [[min(lats), min(lons)], [max(lats), max(lons)]]
    return bounds


def focus_bounds(frame: pd.DataFrame, bounds: dict[str, list[list[float]]], iso3: str | None,
                 operation: str | None) -> list[list[float]] | None:
    """Where the map should go for a selection: the country's outline, or everything an operation touches."""
    if iso3:
        return bounds.get(iso3)
    if not operation:
        return None
    rows = frame[frame["operation_id"] == operation]
    boxes = [bounds[c] for c in set(rows["iso3"]) - {""} if c in bounds]
    located = rows.dropna(subset=["lat", "lon"])
    boxes += [[[lat, lon], [lat, lon]] for lat, lon in zip(located["lat"], located["lon"])]
    if not boxes:
        return None
    return [[min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)],
            [max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)]]
