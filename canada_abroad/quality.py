"""Data-quality checks that go beyond one row: places that do not match their country."""

from __future__ import annotations

import pandas as pd
from shapely.geometry import Point, shape

from canada_abroad.geography import Geography

# Prepared borders are simplified to ~5 km and coastal bases sit on the shore,
# so a point may be a little outside its country's polygon.
COASTAL_TOLERANCE_DEG = 0.5


def points_outside_their_country(frame: pd.DataFrame, geography: Geography,
                                 tolerance_deg: float = COASTAL_TOLERANCE_DEG) -> pd.DataFrame:
    """Land rows whose lat/lon is farther than the tolerance from the row's country."""
    shapes = {f["properties"]["iso3"]: shape(f["geometry"]) for f in geography.countries_geojson["features"]}
    land = frame[frame["iso3"] != ""]
    outside = [
        index for index, iso3, lat, lon in zip(land.index, land["iso3"], land["lat"], land["lon"])
        if iso3 in shapes and shapes[iso3].distance(Point(lon, lat)) > tolerance_deg
    ]
    return land.loc[outside]
