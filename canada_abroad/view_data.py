"""The data of a view as files: rows with country names, per-country figures, and what made them.

Spreadsheets, pandas, R and this app's own upload read a CSV's first line as its header, so a
block of notes above it would break sorting, filtering and re-upload. The CSVs stay plain, and
what made them (filters, years, language, release, source, licence, citation) travels as a
second file, README.txt, in one ZIP with them: the convention of Our World in Data's downloads
and Statistics Canada's full-table files (data files plus a metadata file).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date

import pandas as pd

from canada_abroad.citation import long_date
from canada_abroad.geography import Geography
from canada_abroad.i18n import N_, _, current_language
from canada_abroad.licence import DATA_LICENCE, DATA_LICENCE_URL, source_line
from canada_abroad.measures import MONEY_MEASURES, country_measure
from canada_abroad.release import Release
from canada_abroad.safe_text import csv_bytes
from canada_abroad.schema import AMOUNT_STATUSES, COLUMN_NAMES
from canada_abroad.text import label
from canada_abroad.view_state import ViewState, to_params
from canada_abroad.view_words import filters_in_words, years_in_words

ROWS_FILE = "rows.csv"
COUNTRIES_FILE = "countries.csv"
README_FILE = "README.txt"
LANGUAGE_NAMES = {"en": N_("English"), "fr": N_("French")}
NO_FILTER = N_("none (all engagements)")
NONE = N_("none")

# One message, translated whole (French word order); the file names in it stay as they are.
README = N_("""\
{title}
{subtitle}

Made by: {view_url}
Filters: {filters}
Link parameters: {params}
Years: {years}
Map measure: {measure} ({measure_key})
Selection: {selection}
Language: {language}
Data release: {version}, {released}
Downloaded: {downloaded}
{source}
Licence: {licence} ({licence_url}). Government of Canada facts under the Open Government Licence - Canada;
country outlines from Natural Earth (public domain).
Cite as: {citation}

Files
- {rows_file}: the {n_rows} engagement rows of this view, one per engagement per country or sea area, in the
  columns of the bundled dataset (see its data dictionary) plus country_name beside iso3.
- {countries_file}: one line per country of this view ({n_countries}): country, iso3, map_value (the map's
  measure, as coloured), operations (distinct operations), personnel_at_one_time (largest peak, cap or
  snapshot a row states; cumulative totals are left out and figures are never added up) and the money stated
  in Canadian dollars by stage (cad_announced, cad_committed, cad_allocated, cad_delivered; amounts of
  different stages are never added together). Blank means not stated.
""")


def rows_with_names(rows: pd.DataFrame, geography: Geography) -> pd.DataFrame:
    """The schema's columns with country_name beside iso3 (blank for rows at sea, which name their area)."""
    out = rows[list(COLUMN_NAMES)].copy()
    names = [geography.country_name(iso3) if iso3 else "" for iso3 in out["iso3"]]
    out.insert(out.columns.get_loc("iso3") + 1, "country_name", names)
    return out


def country_figures(rows: pd.DataFrame, view: ViewState, geography: Geography,
                    map_values: pd.Series | None = None) -> pd.DataFrame:
    """The table twin of the map: per country, the map's value and the figures behind it, largest first.

    `map_values` (index iso3) are the values the map draws, when the page has them: a single year on the
    every-year scale counts years of presence up to that year, which the year's own rows cannot tell, so
    the table and the CSV take the map's numbers rather than recomputing different ones.
    """
    land = rows[rows["iso3"] != ""]
    f = view.filters
    if map_values is None:
        map_values = country_measure(land, view.measure, f.first_active, f.last_active)
    table = pd.DataFrame({
        "map_value": map_values,
        "operations": land.groupby("iso3")["operation_id"].nunique(),
        "personnel_at_one_time": country_measure(land, "personnel"),
    })
    money = land.dropna(subset=["amount_cad"]).pivot_table(index="iso3", columns="amount_status",
                                                            values="amount_cad", aggfunc="sum")
    for status in AMOUNT_STATUSES:
        table[f"cad_{status}"] = money[status] if status in money.columns else float("nan")
    table.index.name = "iso3"
    table = table.reset_index()
    table.insert(0, "country", [geography.country_name(iso3) for iso3 in table["iso3"]])
    for column in ["operations", "personnel_at_one_time", *[f"cad_{s}" for s in AMOUNT_STATUSES]]:
        table[column] = table[column].astype("Int64")
    if view.measure not in MONEY_MEASURES:  # money sums stay whole dollars; other measures are counts
        table["map_value"] = table["map_value"].astype("Int64")
    return table.sort_values(["map_value", "country"], ascending=[False, True], na_position="last",
                             ignore_index=True)


@dataclass(frozen=True)
class ViewFiles:
    """What the README says about the view; the page fills it from state, the release and the link."""

    title: str
    subtitle: str
    view_url: str
    citation: str
    selection: str | None
    first_year: int
    last_year: int


def readme_text(view: ViewState, about: ViewFiles, release: Release, n_rows: int, n_countries: int,
                downloaded: date) -> str:
    params = to_params(view)
    return _(README).format(
        title=about.title, subtitle=about.subtitle, view_url=about.view_url,
        filters="; ".join(filters_in_words(view.filters)) or _(NO_FILTER),
        params="&".join(f"{name}={value}" for name, value in params.items()) or _(NONE),
        years=years_in_words(view.filters, about.first_year, about.last_year),
        measure=label("measure", view.measure), measure_key=view.measure,
        selection=about.selection or _(NONE),
        language=f"{_(LANGUAGE_NAMES[current_language()])} ({current_language()})",
        version=release.version, released=long_date(release.date), downloaded=long_date(downloaded),
        source=source_line() + ".", licence=DATA_LICENCE, licence_url=DATA_LICENCE_URL, citation=about.citation,
        rows_file=ROWS_FILE, countries_file=COUNTRIES_FILE, n_rows=n_rows, n_countries=n_countries)


def view_zip(rows: pd.DataFrame, view: ViewState, geography: Geography, about: ViewFiles, release: Release,
             downloaded: date, map_values: pd.Series | None = None) -> bytes:
    """One ZIP: rows.csv, countries.csv and README.txt (what made them). CSVs as every other download.

    `map_values`: the values the map draws (see country_figures)."""
    countries = country_figures(rows, view, geography, map_values)
    readme = readme_text(view, about, release, len(rows), len(countries), downloaded)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(ROWS_FILE, csv_bytes(rows_with_names(rows, geography)))
        archive.writestr(COUNTRIES_FILE, csv_bytes(countries))
        # CR LF so Notepad shows the lines; UTF-8 with BOM like the CSVs.
        archive.writestr(README_FILE, readme.replace("\n", "\r\n").encode("utf-8-sig"))
    return out.getvalue()
