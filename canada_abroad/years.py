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

from canada_abroad.measures import DEPLOYMENT, MEASURE_COLUMNS, MONEY_MEASURES, ColourClass, colour_classes, money_status

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
    deployments: distinct operations of kind deployment; operations: distinct operations; personnel: the
    largest at-one-time figure (authorized, peak or snapshot, never cumulative, never added up); cad_<status>:
    stated amounts of that status summed; years: years with a presence from the country's first row up to and
    including that year.
    """
    if measure not in MEASURE_COLUMNS:
        raise ValueError(f"unknown measure {measure!r}")
    land = rows.loc[rows["iso3"] != ""]
    if measure == "deployments":  # operations that sent people, ships or aircraft
        land, measure = land[land["kind"] == DEPLOYMENT], "operations"
    countries, iso3 = pd.factorize(land["iso3"], sort=True)
    index = pd.Index(iso3, name="iso3")
    shape = (len(iso3), len(years))
    if measure == "years":
        return _years_by_year(land, countries, index, years)
    if measure == "operations":
        grid = _distinct_per_country(land, countries, pd.factorize(land["operation_id"])[0], len(iso3), years)
        return pd.DataFrame(np.where(grid > 0, grid, np.nan), index=index, columns=list(years))
    if measure in MONEY_MEASURES:  # one stage only: amounts of different stages are never added
        usable = (land["amount_cad"].notna() & (land["amount_status"] == money_status(measure))).to_numpy()
        land, countries = land[usable], countries[usable]
        amounts = land["amount_cad"].to_numpy(dtype="float64")
        sums = _running(countries, len(iso3), land, years, amounts)
        stated = _presence(countries, len(iso3), land, years)
        # Rounded to cents: adding and taking away billions in floating point leaves crumbs.
        return pd.DataFrame(np.where(stated, np.round(sums, 2), np.nan), index=index, columns=list(years))
    # personnel: a maximum has no running-sum form, so rows with a figure are expanded year by year.
    usable = (land["personnel_basis"].isin(AT_ONE_TIME_BASES) & land["personnel"].notna()).to_numpy()
    land, countries = land[usable], countries[usable]
    positions, year_index = _row_years(land, years)
    best = np.full(shape[0] * shape[1], -np.inf)
    np.maximum.at(best, countries[positions] * len(years) + year_index,
                  land["personnel"].to_numpy(dtype="float64")[positions])
    grid = np.where(np.isfinite(best), best, np.nan)
    return pd.DataFrame(grid.reshape(shape), index=index, columns=list(years))


def _running(keys: np.ndarray, n_keys: int, rows: pd.DataFrame, years: range, weights: np.ndarray) -> np.ndarray:
    """keys-by-years sums of `weights` over the rows running through each year: +weight at a row's first
    year, -weight after its last, then a running sum (no per-year expansion of the rows)."""
    low = np.maximum(rows["start_year"].to_numpy(dtype=np.int64), years.start) - years.start
    high = np.minimum(rows["end_year"].to_numpy(dtype=np.int64), years.stop - 1) - years.start
    keep = low <= high
    steps = np.zeros(n_keys * (len(years) + 1), dtype=weights.dtype)
    width = len(years) + 1
    np.add.at(steps, keys[keep] * width + low[keep], weights[keep])
    np.add.at(steps, keys[keep] * width + high[keep] + 1, -weights[keep])
    return np.cumsum(steps.reshape(n_keys, width), axis=1)[:, :-1]


def _presence(keys: np.ndarray, n_keys: int, rows: pd.DataFrame, years: range) -> np.ndarray:
    """keys-by-years booleans: does any row of the key run through the year?"""
    return _running(keys, n_keys, rows, years, np.ones(len(rows), dtype=np.int64)) > 0


def _distinct_per_country(land: pd.DataFrame, countries: np.ndarray, things: np.ndarray, n_countries: int,
                          years: range) -> np.ndarray:
    """How many distinct things (operations) each country had in each year, as a countries-by-years array."""
    pairs, pair_index = pd.factorize(countries.astype(np.int64) * (int(things.max(initial=0)) + 1) + things)
    present = _presence(pairs, len(pair_index), land, years)
    owners = np.asarray(pair_index, dtype=np.int64) // (int(things.max(initial=0)) + 1)
    counts = pd.DataFrame(present).groupby(owners).sum()  # grouped in C; np.add.at on rows took 150 ms
    return counts.reindex(range(n_countries), fill_value=0).to_numpy(dtype="float64")


def _years_by_year(land: pd.DataFrame, countries: np.ndarray, index: pd.Index, years: range) -> pd.DataFrame:
    """Years of presence up to each year, shown only in years the country had a row (counted from its first row)."""
    since = range(min(years.start, int(land["start_year"].min())) if len(land) else years.start, years.stop)
    present = _presence(countries, len(index), land, since)
    running = np.cumsum(present, axis=1).astype("float64")
    running[~present] = np.nan
    offset = years.start - since.start
    return pd.DataFrame(running[:, offset:], index=index, columns=list(years))


def fixed_classes(by_year: pd.DataFrame) -> list[ColourClass]:
    """Colour classes from every year's values together: one scale, so any two years compare."""
    values = by_year.to_numpy().ravel()
    return colour_classes(pd.Series(values[~np.isnan(values)]))


def one_year_on_one_scale(all_years_rows: pd.DataFrame, measure: str, year: int,
                          years: range) -> tuple[pd.Series, list[ColourClass]]:
    """What the single-year map shows: `year`'s values (index iso3) and the classes of every year in `years`."""
    by_year = measure_by_year(all_years_rows, measure, years)
    values = by_year[year].dropna() if year in by_year.columns else pd.Series(dtype="float64")
    return values, fixed_classes(by_year)


def class_codes(by_year: pd.DataFrame, classes: list[ColourClass]) -> dict[str, tuple[int, str]]:
    """Per country with a value: (index of its first year with one, one character per year from there to its
    last) - "0" for no value, "1".. for the class (as measures.colour_for); years outside are "0".

    The browser steps through years from this without asking the server; trimming the years before and
    after a country's presence keeps it to a few KB.
    """
    if not classes or by_year.empty:
        return {}
    uppers = np.array([c.upper for c in classes])
    values = by_year.to_numpy()
    positive = ~np.isnan(values) & (values > 0)
    codes = np.minimum(np.searchsorted(uppers, np.where(positive, values, 0), side="left"), len(classes) - 1) + 1
    codes = np.where(positive, codes, 0)
    result = {}
    for iso3, row in zip(by_year.index, codes):
        present = np.flatnonzero(row)
        if len(present):
            first, last = int(present[0]), int(present[-1])
            result[str(iso3)] = (first, "".join(map(str, row[first:last + 1])))
    return result


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
    one_key = np.zeros(len(deployments), dtype=np.int64)
    on_land = (deployments["iso3"] != "").to_numpy()
    countries = pd.factorize(deployments["iso3"].to_numpy()[on_land])[0]
    n_countries = int(countries.max(initial=-1)) + 1
    present = _presence(countries, n_countries, deployments[on_land], years)
    stated = (deployments["personnel_basis"].isin(AT_ONE_TIME_BASES) & deployments["personnel"].notna()).to_numpy()
    totals = pd.DataFrame({
        "year": list(years),
        "countries": present.sum(axis=0),
        "deployments": _running(one_key, 1, deployments, years, np.ones(len(deployments), dtype=np.int64))[0],
        "deployments_with_personnel": _running(one_key[stated], 1, deployments[stated], years,
                                               np.ones(int(stated.sum()), dtype=np.int64))[0],
    })
    # Personnel: the largest figure per (operation, place, type) and year, then summed by type.
    with_figures = deployments[stated]
    keys, key_index = pd.factorize(pd.MultiIndex.from_arrays(
        [with_figures["operation_id"], with_figures["place"], with_figures["mission_type"]]))
    positions, year_index = _row_years(with_figures, years)
    best = np.zeros(len(key_index) * len(years))
    np.maximum.at(best, keys[positions] * len(years) + year_index,
                  with_figures["personnel"].to_numpy(dtype="float64")[positions])
    best = best.reshape(len(key_index), len(years))
    types, type_names = pd.factorize(key_index.get_level_values(2) if len(key_index) else pd.Index([]))
    by_type_grid = np.zeros((len(type_names), len(years)))
    np.add.at(by_type_grid, types, best)
    totals["personnel"] = by_type_grid.sum(axis=0).astype("int64")
    by_type = pd.DataFrame(by_type_grid.astype("int64"), index=pd.Index(type_names, name="mission_type"),
                           columns=pd.Index(list(years), name="year")).stack().rename("personnel").reset_index()
    by_type = by_type.loc[by_type["personnel"] > 0, ["year", "mission_type", "personnel"]].reset_index(drop=True)
    return totals[FOOTPRINT_COLUMNS].astype("int64"), by_type


def footprint_table(totals: pd.DataFrame, by_type: pd.DataFrame) -> pd.DataFrame:
    """One row per year: the totals, then personnel per mission type (columns personnel_<type>), for the CSV."""
    wide = by_type.pivot(index="year", columns="mission_type", values="personnel")
    wide.columns = [f"personnel_{name}" for name in wide.columns]
    return totals.merge(wide.reset_index(), on="year", how="left").fillna(0).astype("int64")
