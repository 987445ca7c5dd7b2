"""The prepared country geometry and the sea areas that rows at sea refer to."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from canada_abroad.i18n import current_language

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES_PATH = ROOT / "geo" / "countries.geojson"
SEA_AREAS_PATH = ROOT / "data" / "sea_areas.csv"
# French short names as Global Affairs Canada writes them (source in geo/README.md).
COUNTRY_NAMES_FR_PATH = ROOT / "data" / "country_names_fr.csv"


@dataclass(frozen=True)
class Geography:
    """Country facts (no geometry) plus the raw GeoJSON text for the map."""

    countries: pd.DataFrame  # iso3 (index), name, name_fr, region, small, label_lat, label_lon
    seas: pd.DataFrame  # area (index), area_fr, region, lat, lon
    countries_geojson: dict

    @property
    def regions(self) -> list[str]:
        return sorted(set(self.countries["region"]) | set(self.seas["region"]))

    # Names by code as dicts, made on first use: `countries.at` cost 0.1 ms a name and a map run asks for hundreds.
    @cached_property
    def _names_en(self) -> dict[str, str]:
        return {iso3: str(name) for iso3, name in self.countries["name"].items()}

    @cached_property
    def _names_fr(self) -> dict[str, str]:
        return {iso3: str(name) for iso3, name in self.countries["name_fr"].items()}

    def country_name(self, iso3: str, language: str | None = None) -> str:
        """The country's short name in `language` (default: the reader's, see i18n); the code if unknown."""
        french = (language or current_language()) == "fr"
        return (self._names_fr if french else self._names_en).get(iso3, iso3)

    def sea_name(self, area: str, language: str | None = None) -> str:
        if (language or current_language()) == "fr" and area in self.seas.index:
            return str(self.seas.at[area, "area_fr"])
        return area


def load_geography(countries_path: Path = COUNTRIES_PATH, seas_path: Path = SEA_AREAS_PATH,
                   names_fr_path: Path = COUNTRY_NAMES_FR_PATH) -> Geography:
    """Read the prepared files. The GeoJSON is parsed once; callers cache the result."""
    geojson = json.loads(countries_path.read_text(encoding="utf-8"))
    countries = pd.DataFrame([feature["properties"] for feature in geojson["features"]]).set_index("iso3")
    names_fr = pd.read_csv(names_fr_path, dtype=str, keep_default_na=False).set_index("iso3")["name_fr"]
    # A country the names file lacks keeps its English name rather than none (a test keeps the file complete).
    countries.insert(1, "name_fr", names_fr.reindex(countries.index).fillna(countries["name"]))
    seas = pd.read_csv(seas_path, dtype={"area": str, "area_fr": str, "region": str},
                       keep_default_na=False).set_index("area")
    return Geography(countries, seas, geojson)
