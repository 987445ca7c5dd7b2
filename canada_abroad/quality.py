"""Data-quality checks that go beyond one row: places off their country, overlapping phases, undated figures."""

from __future__ import annotations

from datetime import date

import pandas as pd
from shapely.geometry import Point, shape

from canada_abroad.geography import Geography
from canada_abroad.partial_dates import parse_partial_date

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


def _day_bounds(frame: pd.DataFrame, today: date) -> tuple[pd.Series, pd.Series]:
    """First day each row can have started and last day it can have ended (ongoing: today)."""
    starts = frame["start_date"].map(lambda text: parse_partial_date(text)[0])
    ends = frame["end_date"].map(lambda text: parse_partial_date(text)[1] if text else today)
    return starts, ends


def overlapping_phases(frame: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Pairs of rows of one operation and mission in one place whose periods overlap.

    Phases of an operation in a place (e.g. a battle group, then a brigade) must follow one another,
    or a view of one year would show two sizes for the same people. Partial dates are read at their
    widest: a phase ending "2003" overlaps one starting "2003-08".
    """
    starts, ends = _day_bounds(frame, today or date.today())
    place = frame["iso3"].where(frame["iso3"] != "", frame["area"])
    work = frame.assign(phase_start=starts, phase_end=ends, place_key=place)
    pairs = []
    for _, group in work.groupby(["operation", "mission", "place_key"]):
        ordered = group.sort_values("phase_start")
        records = list(ordered[["id", "phase_start", "phase_end"]].itertuples(index=False))
        for i, first in enumerate(records):
            for second in records[i + 1:]:
                if second.phase_start <= first.phase_end:
                    pairs.append((first.id, second.id))
    return pd.DataFrame(pairs, columns=["first_id", "second_id"])


def rows_missing_as_of(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with a figure, or ongoing, that do not say which date the figure or status refers to."""
    needs = frame["personnel"].notna() | frame["amount_cad"].notna() | (frame["end_date"] == "")
    return frame[needs & (frame["as_of"] == "")]


def ongoing_rows_not_current(frame: pd.DataFrame, since_year: int) -> pd.DataFrame:
    """Ongoing rows whose `as_of` is older than `since_year` (or missing): they may have ended."""
    ongoing = frame[frame["end_date"] == ""]
    as_of_year = ongoing["as_of"].str[:4].replace("", "0").astype(int)
    return ongoing[as_of_year < since_year]
