"""The country outlines as the browser gets them: small, cacheable, fetched once.

The prepared GeoJSON (geo/countries.geojson) spells every coordinate out in
decimal text, 455 KB for 29,000 vertices. The browser only needs the outline,
the ISO code and the name, so this module writes a compact form instead:

    {"scale": 100, "countries": [[iso3, name, [polygon, ...]], ...]}

where each polygon is a list of rings and each ring a flat list of integers
``[x0, y0, dx1, dy1, ...]``: coordinates in hundredths of a degree (the
precision the prepared file already has), each point stored as the step from
the previous one. Steps are short numbers, so the file is about 45% of the
GeoJSON and gzips to about half as much again. The map's JavaScript turns it
back into GeoJSON (``canadaAbroad.decodeCountries`` in ``static/js/map.js``).

The file name carries a hash of its content so browsers can keep it, and a
changed outline gets a new address.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

SCALE = 100  # hundredths of a degree, the precision of geo/countries.geojson
# assets.STATIC_URL + "/geo" (relative to the map's iframe, so right under any base path); a test keeps them equal.
URL_PREFIX = "../../app/static/geo"

def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    raise ValueError(f"country outlines must be polygons, got {geometry['type']}")


def _encode_ring(ring: list) -> list[int]:
    steps: list[int] = []
    x = y = 0
    for lon, lat in ring:
        qx, qy = round(lon * SCALE), round(lat * SCALE)
        steps += [qx - x, qy - y]
        x, y = qx, qy
    return steps


def encode_countries(geojson: dict, names: dict[str, str] | None = None) -> dict:
    """The compact form described in the module docstring; `names` (iso3 -> name) replace the English ones."""
    names = names or {}
    return {
        "scale": SCALE,
        "countries": [
            [feature["properties"]["iso3"], names.get(feature["properties"]["iso3"], feature["properties"]["name"]),
             [[_encode_ring(ring) for ring in polygon] for polygon in _polygons(feature["geometry"])]]
            for feature in geojson["features"]
        ],
    }


def decode_countries(data: dict) -> dict:
    """Python twin of decodeCountries in static/js/map.js, used by tests to prove the round trip."""
    scale = data["scale"]

    def ring(steps: list[int]) -> list[list[float]]:
        points, x, y = [], 0, 0
        for dx, dy in zip(steps[::2], steps[1::2]):
            x, y = x + dx, y + dy
            points.append([x / scale, y / scale])
        return points

    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"iso3": iso3, "name": name},
         "geometry": {"type": "MultiPolygon", "coordinates": [[ring(r) for r in polygon] for polygon in polygons]}}
        for iso3, name, polygons in data["countries"]
    ]}


def compact_bytes(geojson: dict, names: dict[str, str] | None = None) -> bytes:
    return json.dumps(encode_countries(geojson, names), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def write_compact(geojson: dict, static_dir: Path, names: dict[str, str] | None = None, stem: str = "countries") -> str:
    """Write the compact file under `static_dir/geo` and return the URL the browser fetches it from.

    Another `stem` with other `names` is another file (the French edition's outlines name countries in French)."""
    data = compact_bytes(geojson, names)
    name = f"{stem}.{hashlib.sha256(data).hexdigest()[:12]}.json"
    target = static_dir / "geo"
    target.mkdir(parents=True, exist_ok=True)
    path = target / name
    if not path.exists() or path.read_bytes() != data:
        # Write then rename, so a browser never fetches half a file while another process writes it.
        partial = path.with_name(f"{name}.{os.getpid()}.partial")
        partial.write_bytes(data)
        partial.replace(path)
    for old in target.glob(f"{stem}.*.json"):
        if old != path:  # an outline from an older build
            old.unlink(missing_ok=True)
    return f"{URL_PREFIX}/{name}"
