"""Load the engagements CSV: read, validate, and add the columns every page uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from canada_abroad.csv_reader import read_table
from canada_abroad.filters import SEARCH_COLUMNS
from canada_abroad.geography import ROOT, Geography
from canada_abroad.partial_dates import parse_partial_date
from canada_abroad.validation import ValidationResult, validate_table

ENGAGEMENTS_PATH = ROOT / "data" / "engagements.csv"


@dataclass(frozen=True)
class Dataset:
    """Valid rows with derived columns, and the validation result they came from."""

    frame: pd.DataFrame
    validation: ValidationResult
    source_name: str

    # Computed once per dataset (pages ask several times a run); the frame is never changed after loading.
    @cached_property
    def first_year(self) -> int:
        return int(self.frame["start_year"].min()) if len(self.frame) else date.today().year

    @cached_property
    def last_year(self) -> int:
        return int(self.frame["end_year"].max()) if len(self.frame) else date.today().year


def operation_id(operation: str) -> str:
    """Stable URL id of an operation name: 'Operation REASSURANCE' -> 'reassurance'."""
    slug = re.sub(r"[^a-z0-9]+", "-", operation.lower()).strip("-")
    return re.sub(r"^operation-", "", slug) or "unnamed"


def enrich(frame: pd.DataFrame, geography: Geography, today: date | None = None) -> pd.DataFrame:
    """Add operation_id, place (and place_fr), region, end_year (ongoing: this year), ongoing and search_text.

    `today` (default: the real date) decides what is ongoing: a row with no end date, or with one
    not yet past - an end of "2026-06" is ongoing through 30 June 2026, and a row ending today is
    ongoing today.
    """
    today = today or date.today()
    this_year = today.year
    frame = frame.copy()
    frame["operation_id"] = frame["operation"].map(operation_id)
    country_names = geography.countries["name"].to_dict()
    frame["place"] = [country_names.get(iso3, iso3) if iso3 else area for iso3, area in zip(frame["iso3"], frame["area"])]
    names_fr = geography.countries["name_fr"].to_dict()
    seas_fr = geography.seas["area_fr"].to_dict()
    frame["place_fr"] = [names_fr.get(iso3, iso3) if iso3 else seas_fr.get(area, area)
                         for iso3, area in zip(frame["iso3"], frame["area"])]
    country_regions = geography.countries["region"].to_dict()
    sea_regions = geography.seas["region"].to_dict()
    frame["region"] = [country_regions.get(iso3, "") if iso3 else sea_regions.get(area, "")
                       for iso3, area in zip(frame["iso3"], frame["area"])]
    last_days = {text: parse_partial_date(text)[1] for text in set(frame["end_date"]) if text}
    frame["ongoing"] = np.fromiter((not text or last_days[text] >= today for text in frame["end_date"]), dtype=bool,
                                   count=len(frame))
    # The search box looks in these columns; joined and lower-cased once here, not on every keystroke.
    # str.cat, not agg(" ".join, axis=1): on a frame with no rows (an upload where every row is
    # rejected, an empty file) agg returns a DataFrame and `.str` raised AttributeError.
    texts = frame[list(SEARCH_COLUMNS)].astype(str)
    joined = texts[SEARCH_COLUMNS[0]].str.cat([texts[c] for c in SEARCH_COLUMNS[1:]], sep=" ").str.lower()
    # Categorical: rows of one operation often share their text, so a search scans each distinct text once.
    frame["search_text"] = joined.astype("category")
    # Validation already parsed the dates; an ongoing engagement runs to this year, or to its
    # start year when it is announced to start later (else end_year < start_year: reversed
    # timeline bars, zero years present). A planned end after this year (a 20-year funding window)
    # is kept in end_date for the panels but counts only to this year: years not yet lived are not
    # years of presence, and they stretched the year slider to 2042.
    last_lived = frame["start_year"].clip(lower=this_year)
    frame["end_year"] = (frame["end_year"].fillna(this_year).astype("int64")
                         .clip(upper=last_lived).clip(lower=frame["start_year"]))
    return frame


def load_engagements_bytes(data: bytes, geography: Geography, source_name: str, *,
                           max_bytes: int | None = None, max_rows: int | None = None) -> Dataset:
    """Validate CSV bytes against the geography and return the usable rows."""
    table = read_table(data, max_bytes=max_bytes, max_rows=max_rows)
    result = validate_table(table, set(geography.countries.index), set(geography.seas.index))
    return Dataset(enrich(result.frame, geography), result, source_name)


def load_engagements(geography: Geography, path: Path = ENGAGEMENTS_PATH) -> Dataset:
    """The bundled (or given) CSV file as a Dataset."""
    return load_engagements_bytes(path.read_bytes(), geography, path.name)
