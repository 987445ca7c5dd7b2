"""Keep text from data inert: as Markdown it is escaped, in CSV it cannot become a formula."""

from __future__ import annotations

import re

import pandas as pd

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])")
# Streamlit turns some patterns into links or icons after escapes are resolved: URLs, www. and e-mail
# addresses (GFM autolinks), :material/name:, :material_name: and :streamlit:. An invisible WORD JOINER
# (U+2060) inside each pattern keeps them as the text they are.
_AFTER_ESCAPES = re.compile(r"(?i)(?<=:)(?=//|material|streamlit)|(?<=www)(?=\\\.)|(?<=@)")
WORD_JOINER = "\u2060"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Line breaks and runs of spaces become one space (a line break would start a new Markdown block); the
# no-break spaces French puts in numbers and before colons ("1 900", "Source :") are kept.
_RUNS_OF_SPACE = re.compile(r"[^\S\u00a0\u202f]+")
_LINK_TARGET_SPECIALS = re.compile(r"([\\()])")


def markdown_text(text: object) -> str:
    """Escape every character Streamlit's Markdown (and its LaTeX) would interpret."""
    flat = _RUNS_OF_SPACE.sub(" ", str(text)).strip()
    return _AFTER_ESCAPES.sub(WORD_JOINER, _MARKDOWN_SPECIALS.sub(r"\\\1", flat))


def markdown_link_target(url: str) -> str:
    """A validated http(s) address as a Markdown link destination, unchanged once parsed.

    An unbalanced parenthesis or a trailing backslash would end the link early and show
    the raw Markdown (e.g. `.../Operation_(Canada)`), so they are backslash-escaped.
    """
    return _LINK_TARGET_SPECIALS.sub(r"\\\1", url)


def neutralise_formula(value: object) -> object:
    """Prefix a quote to cells a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV download: UTF-8 with BOM (so Excel reads accents) and no live formulas."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise_formula)
    # CR LF line ends make the writer quote any cell holding a lone CR, so a download uploads again intact.
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
