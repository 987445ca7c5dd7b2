"""The filters shared by every page, as a plain value, and how they select rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

STATUSES = ("all", "ongoing", "ended")
# Joined into the frame's `search_text` column when the data is loaded (engagements.enrich).
SEARCH_COLUMNS = ("operation", "mission", "organization", "place", "location", "description", "mission_type")


@dataclass(frozen=True)
class Filters:
    """What the reader asked for. Empty tuples mean 'any'."""

    types: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    status: str = "all"
    regions: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    query: str = ""

    @property
    def is_default(self) -> bool:
        return self == Filters()


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows that match every filter; an engagement matches a year range if it was active in it."""
    mask = pd.Series(True, index=frame.index)
    if filters.types:
        mask &= frame["mission_type"].isin(filters.types)
    if filters.orgs:
        mask &= frame["organization"].isin(filters.orgs)
    if filters.regions:
        mask &= frame["region"].isin(filters.regions)
    if filters.status == "ongoing":
        mask &= frame["ongoing"]
    elif filters.status == "ended":
        mask &= ~frame["ongoing"]
    if filters.year_from is not None:
        mask &= frame["end_year"] >= filters.year_from
    if filters.year_to is not None:
        mask &= frame["start_year"] <= filters.year_to
    query = filters.query.strip().lower()
    if query:
        # search_text is categorical: scan each distinct text once, then look the rows up by code.
        texts = frame["search_text"].cat
        found = np.append(np.asarray(texts.categories.str.contains(query, regex=False), dtype=bool), False)
        mask &= found[texts.codes.to_numpy()]  # code -1 (no text) picks the appended False
    return frame[mask]
