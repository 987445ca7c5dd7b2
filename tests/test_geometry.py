"""The prepared country file: codes, small states, Canada's positions, size."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, shape

from canada_abroad.geography import COUNTRIES_PATH


def _country_at(geography, lon: float, lat: float) -> list[str]:
    point = Point(lon, lat)
    return [f["properties"]["iso3"] for f in geography.countries_geojson["features"]
            if shape(f["geometry"]).contains(point)]


def test_every_feature_has_a_unique_iso3_code(geography):
    """Every country carries a three-letter ISO code, once."""
    codes = [f["properties"]["iso3"] for f in geography.countries_geojson["features"]]
    assert all(len(code) == 3 and code.isupper() for code in codes)
    assert len(codes) == len(set(codes)) >= 230


@pytest.mark.parametrize("iso3", ["FRA", "NOR", "XKX", "PSE", "ESH", "TWN", "UKR", "LVA", "USA"])
def test_countries_natural_earth_codes_wrongly_are_present(geography, iso3):
    """France, Norway and Kosovo (-99 in Natural Earth's ISO_A3) join by code."""
    assert iso3 in geography.countries.index


@pytest.mark.parametrize("iso3", ["BHR", "MLT", "SGP", "ATG", "KNA", "BRB", "GRD", "LCA", "VCT", "DMA"])
def test_small_states_are_kept_and_get_a_clickable_dot(geography, iso3):
    """Small states survive simplification and are flagged for a dot marker."""
    assert iso3 in geography.countries.index
    assert bool(geography.countries.at[iso3, "small"])


@pytest.mark.parametrize("place, lon, lat, iso3", [
    ("Simferopol, Crimea", 34.10, 44.95, "UKR"),
    ("Sevastopol, Crimea", 33.52, 44.60, "UKR"),
    ("Katzrin, Golan Heights", 35.69, 32.99, "SYR"),
    ("Laayoune, Western Sahara", -13.20, 27.15, "ESH"),
    ("Kyrenia, northern Cyprus", 33.32, 35.34, "CYP"),
    ("Hargeisa, Somaliland", 44.06, 9.56, "SOM"),
    ("Pristina, Kosovo", 21.16, 42.66, "XKX"),
    ("Tiberias, Israel", 35.53, 32.79, "ISR"),
    ("Rabat, Morocco", -6.84, 34.02, "MAR"),
])
def test_borders_follow_canadas_official_positions(geography, place, lon, lat, iso3):
    """Disputed areas are drawn as Canada recognises them."""
    assert _country_at(geography, lon, lat) == [iso3], place


@pytest.mark.parametrize("iso3, name", [("TUR", "Türkiye"), ("CZE", "Czechia"), ("MKD", "North Macedonia"),
                                        ("COD", "Democratic Republic of the Congo"), ("CIV", "Côte d'Ivoire"),
                                        ("PSE", "Palestine"), ("XKX", "Kosovo"), ("SWZ", "Eswatini")])
def test_names_are_canadian_short_names(geography, iso3, name):
    """Country names follow Global Affairs Canada's usage."""
    assert geography.country_name(iso3) == name


def test_no_polygon_streaks_across_the_antimeridian(geography):
    """Fiji and Chukotka are cut at 180 degrees, so Leaflet draws no line across the world."""
    for feature in geography.countries_geojson["features"]:
        geometry = shape(feature["geometry"])
        for part in getattr(geometry, "geoms", [geometry]):
            west, _, east, _ = part.bounds
            assert east - west <= 180, feature["properties"]["iso3"]


def test_prepared_file_stays_small():
    """The file the map sends stays under 500 KB (budget, not timing)."""
    assert COUNTRIES_PATH.stat().st_size < 500_000


def test_every_country_has_a_region(geography):
    assert geography.countries["region"].ne("").all()
