"""Full-detail Natural Earth 1:50m countries as GeoJSON, for the naive reference page only.

The naive page is what a first attempt looks like: the source geometry as
GeoJSON at full precision, joined by ISO code, nothing prepared. It is built
from the same npm package as geo/countries.geojson (fetched and checked by
geo/build_countries.py) and cached in bench/.cache, which git ignores.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import country_converter
import geopandas as gpd

from geo.build_countries import assign_codes, country_table, fetch_world_atlas

CACHE = Path(__file__).with_name(".cache")
NAIVE_GEOMETRY = CACHE / "countries-50m-full.geojson"


def ensure_naive_geometry() -> Path:
    if NAIVE_GEOMETRY.exists():
        return NAIVE_GEOMETRY
    CACHE.mkdir(exist_ok=True)
    table = country_table(Path(country_converter.__file__).with_name("country_data.tsv"))
    with tempfile.TemporaryDirectory() as tmp:
        world = gpd.read_file(fetch_world_atlas(Path(tmp)), layer="countries").set_crs(4326, allow_override=True)
    world = assign_codes(world, table)[["iso3", "name", "geometry"]]
    partial = NAIVE_GEOMETRY.with_suffix(".partial")
    partial.write_text(world.to_json(), encoding="utf-8")
    partial.replace(NAIVE_GEOMETRY)
    return NAIVE_GEOMETRY


if __name__ == "__main__":
    print(ensure_naive_geometry())
