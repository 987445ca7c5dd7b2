"""A row's text in the reader's language, falling back to English cell by cell.

The French columns are optional (an uploaded file may have none, or translate only some
rows), so every French value falls back to its English counterpart when it is empty.
The English columns are never overwritten: ids, links and searches keep using them, and
pages show the `display_*` columns this module adds.
"""

from __future__ import annotations

import pandas as pd

from canada_abroad.schema import FRENCH_COLUMNS

LANGUAGES = ("en", "fr")
DISPLAY_PREFIX = "display_"
# A French title with the English page's address (or the reverse) would mislabel the link,
# so the address and its title fall back together.
_SOURCE_PAIR = ("source_url", "source_title")


def display_column(name: str) -> str:
    """The column `localized` adds for an English column: 'operation' -> 'display_operation'."""
    return DISPLAY_PREFIX + name


def _french(frame: pd.DataFrame, name: str) -> pd.Series:
    """The French counterpart of `name`, stripped; empty where the frame has no such column."""
    column = FRENCH_COLUMNS[name]
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[column].fillna("").astype(str).str.strip()


def localized(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """A copy of `frame` with `display_<column>` for each translatable column, in `language`.

    Also adds `source_language` ('fr' or 'en': the language of the page `display_source_url`
    opens, so the French edition can mark an English page) and `description_language`
    (the language `display_description` is in). `place` (country or sea name) is localized
    too when the frame has `place_fr` (see `engagements.enrich`).
    """
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    out = frame.copy()
    english = {name: frame[name].fillna("").astype(str) for name in FRENCH_COLUMNS if name in frame.columns}
    if language == "en":
        for name, values in english.items():
            out[display_column(name)] = values
        if "source_url" in english:
            out["source_language"] = "en"
        if "description" in english:
            out["description_language"] = "en"
        if "place" in frame.columns:
            out[display_column("place")] = frame["place"]
        return out

    for name, values in english.items():
        if name in _SOURCE_PAIR:
            continue
        french = _french(frame, name)
        out[display_column(name)] = french.where(french != "", values)
    if "description" in english:
        has_french = _french(frame, "description") != ""
        out["description_language"] = has_french.map({True: "fr", False: "en"}).astype(object)
    if "source_url" in english:
        french_url = _french(frame, "source_url")
        french_page = french_url != ""
        out[display_column("source_url")] = french_url.where(french_page, english["source_url"])
        if "source_title" in english:
            french_title = _french(frame, "source_title")
            # A French page with no French title keeps the English title rather than no title.
            title = french_title.where(french_title != "", english["source_title"])
            out[display_column("source_title")] = title.where(french_page, english["source_title"])
        out["source_language"] = french_page.map({True: "fr", False: "en"}).astype(object)
    if "place" in frame.columns:
        place_fr = frame["place_fr"].fillna("").astype(str) if "place_fr" in frame.columns else frame["place"]
        out[display_column("place")] = place_fr.where(place_fr != "", frame["place"])
    return out


def untranslated_descriptions(frame: pd.DataFrame) -> int:
    """How many rows have an English description and no French one (for the French edition's notice)."""
    if "description" not in frame.columns or frame.empty:
        return 0
    english = frame["description"].fillna("").astype(str).str.strip() != ""
    return int((english & (_french(frame, "description") == "")).sum())


def in_language(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """`frame` with its translatable text (operation, mission, description, source, place) in `language`.

    For pages that show rows through code written against the English column names (tables,
    summaries, charts): each such column holds its display_* value. Ids, codes, dates and figures
    are untouched, so grouping by operation_id and links keep working. English returns the frame as is.
    """
    if language == "en":
        return frame
    # Rows from ui/page.open_page already carry their display_* columns, in the reader's language.
    has_display = all(display_column(name) in frame.columns for name in FRENCH_COLUMNS if name in frame.columns)
    shown = frame.copy() if has_display else localized(frame, language)
    for name in [*FRENCH_COLUMNS, "place"]:
        if name in frame.columns and display_column(name) in shown.columns:
            shown[name] = shown[display_column(name)]
    return shown
