"""Build geo/countries.geojson, the only geometry file the app reads.

Source: Natural Earth 1:50m admin-0 countries, version 4.1.0 (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as redistributed in the
npm package ``world-atlas`` 2.0.2 (ISC licence, Mike Bostock). The package is
fetched with ``npm pack`` into a temporary folder; none of it is committed.

Country codes, short names and UN M49 sub-regions come from the data table of
the PyPI package ``country_converter`` (GPL-3.0; only its facts are used here).

The script then applies Canada's official positions where Natural Earth's
default view differs (see geo/README.md), dissolves features by ISO 3166-1
alpha-3, simplifies each outline and writes compact GeoJSON.

Run it with ``make geo`` (needs node/npm and the dev requirements).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.affinity
from shapely.geometry import Point, box

WORLD_ATLAS = "world-atlas@2.0.2"
# sha256 of the npm tarball; a different file means a different source, so stop.
WORLD_ATLAS_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
OUTPUT = Path(__file__).with_name("countries.geojson")

# Features without an ISO numeric id in world-atlas, and what Canada's
# position makes of them.
UNCODED_FEATURES = {
    "Kosovo": "XKX",  # Canada recognised Kosovo in 2008; XKX is the code in common use
    "N. Cyprus": "CYP",  # not recognised by Canada: part of Cyprus
    "Somaliland": "SOM",  # not recognised by Canada: part of Somalia
    "Indian Ocean Ter.": "AUS",  # Christmas and Cocos Islands, Australian territory
    "Siachen Glacier": "",  # disputed between India and Pakistan; left unassigned
}

# Short names as Global Affairs Canada writes them where the table differs.
CANADIAN_NAMES = {
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "BRN": "Brunei",
    "MAC": "Macao",
    "BLM": "Saint-Barthélemy",
    "LCA": "Saint Lucia",
    "SHN": "Saint Helena",
    "VCT": "Saint Vincent and the Grenadines",
    "KNA": "Saint Kitts and Nevis",
    "STP": "São Tomé and Príncipe",
    "FSM": "Micronesia",
    "XKX": "Kosovo",
    "PSE": "Palestine",
    "TWN": "Taiwan",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "CIV": "Côte d'Ivoire",
    "CZE": "Czechia",
    "TUR": "Türkiye",
    "MKD": "North Macedonia",
    "SWZ": "Eswatini",
    "CPV": "Cabo Verde",
    "TLS": "Timor-Leste",
    "VAT": "Vatican City",
    "USA": "United States",
    "HMD": "Heard Island and McDonald Islands",
    "SGS": "South Georgia and the South Sandwich Islands",
}

# Regions used by the app's filter. Built from UN M49 sub-regions, adjusted to
# how Canada's defence and foreign-policy documents group countries: Sudan with
# sub-Saharan Africa, Iran with the Middle East, the Caucasus, Türkiye and
# Cyprus with Europe.
REGION_BY_M49 = {
    "Northern Europe": "Europe",
    "Western Europe": "Europe",
    "Southern Europe": "Europe",
    "Eastern Europe": "Europe",
    "Northern Africa": "Middle East and North Africa",
    "Western Asia": "Middle East and North Africa",
    "Eastern Africa": "Sub-Saharan Africa",
    "Middle Africa": "Sub-Saharan Africa",
    "Southern Africa": "Sub-Saharan Africa",
    "Western Africa": "Sub-Saharan Africa",
    "Southern Asia": "South and Central Asia",
    "Central Asia": "South and Central Asia",
    "Eastern Asia": "Asia-Pacific",
    "South-eastern Asia": "Asia-Pacific",
    "Australia and New Zealand": "Asia-Pacific",
    "Melanesia": "Asia-Pacific",
    "Micronesia": "Asia-Pacific",
    "Polynesia": "Asia-Pacific",
    "Caribbean": "Latin America and the Caribbean",
    "Central America": "Latin America and the Caribbean",
    "South America": "Latin America and the Caribbean",
    "Northern America": "North America and the Arctic",
}
REGION_OVERRIDES = {
    "SDN": "Sub-Saharan Africa",
    "IRN": "Middle East and North Africa",
    "ARM": "Europe",
    "AZE": "Europe",
    "GEO": "Europe",
    "CYP": "Europe",
    "TUR": "Europe",
    "XKX": "Europe",
    "TWN": "Asia-Pacific",
}

# Countries smaller than this (square degrees) get a clickable dot so they stay
# visible and clickable at world zoom (Bahrain is ~0.06, Malta ~0.03).
SMALL_AREA_SQ_DEG = 1.5
SIMPLIFY_TOLERANCE_DEG = 0.05
COORDINATE_DECIMALS = 2

# The Morocco / Western Sahara boundary is the parallel 27°40'N. Natural Earth's
# default view gives Morocco the area west of the berm; Canada does not
# recognise Moroccan sovereignty over Western Sahara.
WESTERN_SAHARA_NORTH = 27 + 40 / 60
# The Golan Heights are Syrian territory occupied by Israel in Canada's view.
# Natural Earth draws them inside Israel; this line follows the 1923 boundary
# (upper Jordan River, east shore of Lake Tiberias, Yarmouk) closely enough for
# 1:50m, and everything of "Israel" east of it becomes Syria.
GOLAN_WEST_EDGE = [(35.665, 33.36), (35.66, 33.2), (35.64, 33.1), (35.64, 32.88), (35.65, 32.68)]
# Crimea is Ukrainian territory illegally annexed by Russia (Canada's position).
CRIMEA_POINT = Point(34.10, 44.95)


def fetch_world_atlas(workdir: Path) -> Path:
    """Download and unpack the world-atlas npm package; return its countries-50m.json."""
    out = subprocess.run(
        ["npm", "pack", WORLD_ATLAS, "--silent"], cwd=workdir, check=True, capture_output=True, text=True
    )
    tarball = workdir / out.stdout.strip().splitlines()[-1]
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != WORLD_ATLAS_SHA256:
        raise SystemExit(f"{tarball.name}: sha256 {digest} is not the pinned {WORLD_ATLAS_SHA256}")
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package" / "countries-50m.json"


def country_table(path: Path) -> pd.DataFrame:
    """country_converter's table: ISO numeric, ISO3, short name and UN sub-region."""
    table = pd.read_csv(path, sep="\t", keep_default_na=False, dtype=str)
    table["ISOnumeric"] = table["ISOnumeric"].str.zfill(3)
    return table[["ISOnumeric", "ISO3", "name_short", "UNregion"]]


def split_at_antimeridian(geometry):
    """Cut polygons that cross 180 degrees into an east and a west part.

    world-atlas stores Fiji and Chukotka as single spherical polygons (d3-geo
    draws them right); on Leaflet's flat map they would streak across the world.
    """
    parts = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        west, _, east, _ = polygon.bounds
        if east - west <= 180:
            parts.append(polygon)
            continue
        def shift_west_half_east(xy):
            return np.column_stack([np.where(xy[:, 0] < 0, xy[:, 0] + 360, xy[:, 0]), xy[:, 1]])

        unwrapped = shapely.transform(polygon, shift_west_half_east)
        unwrapped = unwrapped.buffer(0)
        parts.append(shapely.intersection(unwrapped, box(0, -90, 180, 90)))
        parts.append(shapely.affinity.translate(shapely.intersection(unwrapped, box(180, -90, 360, 90)), xoff=-360))
    return shapely.union_all([p for p in parts if not p.is_empty])


def assign_codes(world: gpd.GeoDataFrame, table: pd.DataFrame) -> gpd.GeoDataFrame:
    """Give every feature its ISO3 code, from its numeric id or its name."""
    by_numeric = dict(zip(table["ISOnumeric"], table["ISO3"]))
    codes = []
    for numeric, name in zip(world["id"], world["name"]):
        if isinstance(numeric, str) and numeric in by_numeric:
            codes.append(by_numeric[numeric])
        elif name in UNCODED_FEATURES:
            codes.append(UNCODED_FEATURES[name])
        else:
            raise ValueError(f"no ISO3 code for feature {name!r} (id {numeric!r})")
    world = world.assign(iso3=codes)
    return world[world["iso3"] != ""]


def move_part(world: gpd.GeoDataFrame, donor: str, receiver: str, part) -> gpd.GeoDataFrame:
    """Move the area `part` from the donor country's geometry to the receiver's."""
    donor_idx = world.index[world["iso3"] == donor]
    receiver_idx = world.index[world["iso3"] == receiver]
    moved = shapely.intersection(world.loc[donor_idx, "geometry"].union_all(), part)
    if moved.is_empty:
        raise ValueError(f"nothing of {donor} lies in the area meant for {receiver}")
    world.loc[donor_idx, "geometry"] = world.loc[donor_idx, "geometry"].difference(part)
    world.loc[receiver_idx[0], "geometry"] = shapely.union(world.loc[receiver_idx[0], "geometry"], moved)
    return world


def apply_canadian_positions(world: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Redraw the areas where Natural Earth's default view differs from Canada's."""
    world = world.copy()
    russia = world.loc[world["iso3"] == "RUS", "geometry"].iloc[0]
    crimea = next(p for p in russia.geoms if p.contains(CRIMEA_POINT))
    world = move_part(world, "RUS", "UKR", crimea.buffer(0.001))
    golan = shapely.Polygon([*GOLAN_WEST_EDGE, (36.2, 32.68), (36.2, 33.36)])
    world = move_part(world, "ISR", "SYR", golan)
    south_of_parallel = box(-20.0, 20.0, -8.0, WESTERN_SAHARA_NORTH)
    world = move_part(world, "MAR", "ESH", south_of_parallel)
    return world


def simplify(world: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Simplify each country on its own, keeping rings valid.

    Topological simplification (shared arcs) was tried and dropped: it joined
    rings across the antimeridian (Fiji, Chukotka), drawing lines across the map.
    At 0.05 degrees, any sliver between neighbours is under a pixel at world zoom.
    """
    return world.set_geometry(world.geometry.simplify(SIMPLIFY_TOLERANCE_DEG, preserve_topology=True))


def build(countries_json: Path, table_path: Path) -> gpd.GeoDataFrame:
    """Return the prepared country table: iso3, name, region, small, label point, geometry."""
    world = gpd.read_file(countries_json, layer="countries").set_crs(4326, allow_override=True)
    table = country_table(table_path)
    world = assign_codes(world, table)
    # Antarctica hosts no Canadian operation and would fill a third of a
    # Web Mercator map; leave it out.
    world = world[world["iso3"] != "ATA"]
    world["geometry"] = world["geometry"].map(split_at_antimeridian)
    world["geometry"] = world["geometry"].make_valid()
    world = world.dissolve(by="iso3", as_index=False)[["iso3", "geometry"]]
    world = apply_canadian_positions(world)
    world["geometry"] = world["geometry"].make_valid()

    names = dict(zip(table["ISO3"], table["name_short"])) | CANADIAN_NAMES
    m49 = dict(zip(table["ISO3"], table["UNregion"]))
    world["name"] = world["iso3"].map(names)
    world["region"] = [REGION_OVERRIDES.get(code) or REGION_BY_M49[m49[code]] for code in world["iso3"]]
    world["small"] = world.geometry.area < SMALL_AREA_SQ_DEG
    world = simplify(world)
    # Tiny islands can vanish under simplification; keep the original then.
    world["geometry"] = world["geometry"].make_valid()
    points = world.geometry.representative_point()
    world["label_lat"] = points.y.round(3)
    world["label_lon"] = points.x.round(3)
    return world[["iso3", "name", "region", "small", "label_lat", "label_lon", "geometry"]].sort_values("iso3")


def polygons_only(geometry):
    """Drop the stray lines and points that make_valid and precision snapping can leave."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def write_compact(world: gpd.GeoDataFrame, path: Path) -> None:
    """Write GeoJSON with rounded coordinates and no whitespace."""
    rounded = world.set_geometry(shapely.set_precision(world.geometry, 10**-COORDINATE_DECIMALS))
    rounded = rounded.set_geometry(rounded.geometry.map(polygons_only))
    rounded = rounded[~rounded.geometry.is_empty]
    data = json.loads(rounded.to_json(drop_id=True))
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    import country_converter

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="countries-50m.json already on disk (skips npm)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    table_path = Path(country_converter.__file__).with_name("country_data.tsv")
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_world_atlas(Path(tmp))
        world = build(source, table_path)
        write_compact(world, args.output)
    print(f"wrote {args.output}: {len(world)} countries, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
