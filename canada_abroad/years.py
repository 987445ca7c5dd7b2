"""Time as a view: what was active in one year, measures year by year on one fixed scale,
Canada's footprint per year, and what changed between two years.

A row is active in year Y when its start year <= Y <= its end year (both inclusive; an
ongoing row runs to this year, see engagements.enrich). Everything here works on a
row-by-year expansion made with numpy (one entry per row and year it was active), so all
the years of 100,000 rows cost about as much as one pass over them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from canada_abroad.measures import MEASURE_COLUMNS, MONEY_MEASURES, ColourClass, colour_classes, money_status

AT_ONE_TIME_BASES = ("authorized", "peak", "snapshot")  # never "cumulative": it counts people over years


def active_in_year(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rows active at some time in `year` (start and end years inclusive)."""
    return rows[(rows["start_year"] <= year) & (rows["end_year"] >= year)]


def year_span(rows: pd.DataFrame, default: int) -> range:
    """Every year from the earliest start to the latest end of `rows` (just `default` when there are none)."""
    if rows.empty:
        return range(default, default + 1)
    return range(int(rows["start_year"].min()), int(rows["end_year"].max()) + 1)


def _row_years(rows: pd.DataFrame, years: range) -> tuple[np.ndarray, np.ndarray]:
    """For each (row, year) a row was active within `years`: the row's position and the year's index."""
    low = np.maximum(rows["start_year"].to_numpy(dtype=np.int64), years.start)
    high = np.minimum(rows["end_year"].to_numpy(dtype=np.int64), years.stop - 1)
    keep = np.flatnonzero(low <= high)
    lengths = (high - low + 1)[keep]
    positions = np.repeat(keep, lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return positions, np.repeat(low[keep], lengths) + offsets - years.start


def measure_by_year(rows: pd.DataFrame, measure: str, years: range) -> pd.DataFrame:
    """The map's measure for every country (index iso3) in every year (columns); NaN where it has none.

    The rules are the map's (measures.country_measure), applied to the rows active in each year:
    operations: distinct operations; personnel: the largest at-one-time figure (authorized, peak or
    snapshot, never cumulative, never added up); cad: stated amounts summed; years: years with a
    presence from the country's first row up to and including that year.
    """
    if measure not in MEASURE_COLUMNS:
        raise ValueError(f"unknown measure {measure!r}")
    land = rows.loc[rows["iso3"] != ""]
    countries, iso3 = pd.factorize(land["iso3"], sort=True)
    index = pd.Index(iso3, name="iso3")
    shape = (len(iso3), len(years))
    if measure == "years":
        return _years_by_year(land, countries, index, years)
    if measure == "personnel":
        usable = (land["personnel_basis"].isin(AT_ONE_TIME_BASES) & land["personnel"].notna()).to_numpy()
        land, countries = land[usable], countries[usable]
    elif measure in MONEY_MEASURES:
        usable = (land["amount_cad"].notna() & (land["amount_status"] == money_status(measure))).to_numpy()
        land, countries = land[usable], countries[usable]
    positions, year_index = _row_years(land, years)
    cells = countries[positions] * len(years) + year_index
    grid = np.full(shape[0] * shape[1], np.nan)
    if measure == "operations":
        operations = pd.factorize(land["operation_id"])[0][positions]
        pairs = np.unique(cells * (operations.max(initial=0) + 1) + operations)
        counts = np.bincount(pairs // (operations.max(initial=0) + 1), minlength=grid.size).astype("float64")
        grid = np.where(counts > 0, counts, np.nan)
    elif measure == "personnel":
        figures = land["personnel"].to_numpy(dtype="float64", na_value=np.nan)[positions]
        best = np.full(grid.size, -np.inf)
        np.maximum.at(best, cells, figures)
        grid = np.where(np.isfinite(best), best, np.nan)
    else:
        amounts = land["amount_cad"].to_numpy(dtype="float64", na_value=np.nan)[positions]
        sums = np.zeros(grid.size)
        np.add.at(sums, cells, amounts)
        stated = np.bincount(cells, minlength=grid.size) > 0
        grid = np.where(stated, sums, np.nan)
    return pd.DataFrame(grid.reshape(shape), index=index, columns=list(years))


def _years_by_year(land: pd.DataFrame, countries: np.ndarray, index: pd.Index, years: range) -> pd.DataFrame:
    """Years of presence up to each year, shown only in years the country had a row (counted from its first row)."""
    since = range(min(years.start, int(land["start_year"].min())) if len(land) else years.start, years.stop)
    positions, year_index = _row_years(land, since)
    present = np.zeros((len(index), len(since)), dtype=bool)
    present[countries[positions], year_index] = True
    running = np.cumsum(present, axis=1).astype("float64")
    running[~present] = np.nan
    offset = years.start - since.start
    return pd.DataFrame(running[:, offset:], index=index, columns=list(years))


def fixed_classes(by_year: pd.DataFrame) -> list[ColourClass]:
    """Colour classes from every year's values together: one scale, so any two years compare."""
    values = by_year.to_numpy().ravel()
    return colour_classes(pd.Series(values[~np.isnan(values)]))


def class_codes(by_year: pd.DataFrame, classes: list[ColourClass]) -> dict[str, str]:
    """Per country, one character per year: "0" for no value, "1".. for the class (as measures.colour_for).

    About 110 characters per country: the browser steps through years from this without asking the server.
    """
    if not classes or by_year.empty:
        return {}
    uppers = np.array([c.upper for c in classes])
    values = by_year.to_numpy()
    positive = ~np.isnan(values) & (values > 0)
    codes = np.minimum(np.searchsorted(uppers, np.where(positive, values, 0), side="left"), len(classes) - 1) + 1
    codes = np.where(positive, codes, 0)
    return {str(iso3): "".join(map(str, row)) for iso3, row in zip(by_year.index, codes) if row.any()}


@dataclass(frozen=True)
class Comparison:
    """Countries with a row in the first year only, the second only, and both (ISO3 codes, sorted)."""

    first: int
    second: int
    disappear: list[str]
    appear: list[str]
    stay: list[str]


def compare_years(rows: pd.DataFrame, first: int, second: int) -> Comparison:
    """Which countries appear, disappear and stay from `first` to `second`."""
    land = rows[rows["iso3"] != ""]
    before = set(active_in_year(land, first)["iso3"])
    after = set(active_in_year(land, second)["iso3"])
    return Comparison(first, second, sorted(before - after), sorted(after - before), sorted(before & after))


FOOTPRINT_COLUMNS = ["year", "countries", "deployments", "deployments_with_personnel", "personnel"]


def footprint_by_year(rows: pd.DataFrame, years: range) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Canada's footprint per year, from deployment rows only (money and materiel are not a footprint).

    Returns (totals, personnel by mission type). Totals: countries with a deployment active that
    year, deployments active, how many of them state an at-one-time personnel figure, and the
    personnel stated. Personnel: each operation in each place counts once per year with its largest
    authorized, peak or snapshot figure among the rows (phases) active that year, so two phases that
    meet in one year are not added; cumulative figures are left out; places with no stated figure
    add nothing (the column with figures says how many did).
    """
    deployments = rows[rows["kind"] == "deployment"]
    positions, year_index = _row_years(deployments, years)
    year_values = np.asarray(years)[year_index]
    active = pd.DataFrame({
        "year": year_values,
        "iso3": deployments["iso3"].to_numpy()[positions],
        "operation_id": deployments["operation_id"].to_numpy()[positions],
        "place": deployments["place"].to_numpy()[positions],
        "mission_type": deployments["mission_type"].to_numpy()[positions],
        "personnel": deployments["personnel"].to_numpy(dtype="float64", na_value=np.nan)[positions],
        "basis": deployments["personnel_basis"].to_numpy()[positions],
    })
    totals = pd.DataFrame({"year": list(years)}).set_index("year")
    on_land = active[active["iso3"] != ""]
    totals["countries"] = on_land.groupby("year")["iso3"].nunique()
    totals["deployments"] = active.groupby("year").size()
    stated = active[active["basis"].isin(AT_ONE_TIME_BASES) & active["personnel"].notna()]
    totals["deployments_with_personnel"] = stated.groupby("year").size()
    per_place = stated.groupby(["year", "operation_id", "place", "mission_type"])["personnel"].max().reset_index()
    by_type = per_place.groupby(["year", "mission_type"])["personnel"].sum().reset_index()
    totals["personnel"] = by_type.groupby("year")["personnel"].sum()
    totals = totals.fillna(0).astype("int64").reset_index()
    return totals[FOOTPRINT_COLUMNS], by_type.astype({"personnel": "int64"})


def footprint_table(totals: pd.DataFrame, by_type: pd.DataFrame) -> pd.DataFrame:
    """One row per year: the totals, then personnel per mission type (columns personnel_<type>), for the CSV."""
    wide = by_type.pivot(index="year", columns="mission_type", values="personnel")
    wide.columns = [f"personnel_{name}" for name in wide.columns]
    return totals.merge(wide.reset_index(), on="year", how="left").fillna(0).astype("int64")
