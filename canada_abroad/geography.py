"""The prepared country geometry and the sea areas that rows at sea refer to."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES_PATH = ROOT / "geo" / "countries.geojson"
SEA_AREAS_PATH = ROOT / "data" / "sea_areas.csv"


@dataclass(frozen=True)
class Geography:
    """Country facts (no geometry) plus the raw GeoJSON text for the map."""

    countries: pd.DataFrame  # iso3 (index), name, region, small, label_lat, label_lon
    seas: pd.DataFrame  # area (index), region, lat, lon
    countries_geojson: dict

    @property
    def regions(self) -> list[str]:
        return sorted(set(self.countries["region"]) | set(self.seas["region"]))

    def country_name(self, iso3: str) -> str:
        return str(self.countries.at[iso3, "name"]) if iso3 in self.countries.index else iso3


def load_geography(countries_path: Path = COUNTRIES_PATH, seas_path: Path = SEA_AREAS_PATH) -> Geography:
    """Read the prepared files. The GeoJSON is parsed once; callers cache the result."""
    geojson = json.loads(countries_path.read_text(encoding="utf-8"))
    countries = pd.DataFrame([feature["properties"] for feature in geojson["features"]]).set_index("iso3")
    seas = pd.read_csv(seas_path, dtype={"area": str, "region": str}).set_index("area")
    return Geography(countries, seas, geojson)
