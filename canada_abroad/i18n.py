"""The reader's language: gettext messages from the French catalogue, and Babel's numbers, money and dates.

How to use it (every user-facing string goes through here):
- `_("Filters")` translates a message into the current language. Messages are the English text
  (gettext's standard msgids), so English needs no catalogue.
- Placeholders are `{name}` and are filled AFTER translation: `_("{n} operations").format(n=...)`.
  Never build a sentence out of translated fragments: French word order differs.
- `ngettext("{n} operation", "{n} operations", n)` for counted nouns; `pgettext("status", "Ended")`
  when one English word needs two French ones.
- `N_("Mission type")` only marks a module-level string for extraction; translate it where it is
  shown (`_(LABELS[...])`).
- `format_number`, `format_money`, `format_date` write figures in the reader's locale (en_CA, fr_CA).

The language is a ContextVar: app.py sets it at the top of every script run (each Streamlit run has
its own thread, so two readers never see each other's language); tests and code run outside a
script (image rendering on click) use `using_language`.

Catalogues are `locales/fr/LC_MESSAGES/*.po`, one per area (core.po, pages.po, validation.po), merged
and compiled in memory with Babel (no .mo file to build or to go stale). An edited .po is read
again on the next run. `make messages` extracts `locales/messages.pot` for translators' tools.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from babel.dates import format_date as babel_format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
# Babel's locale for each language: Canadian English and Canadian French.
LOCALES = {"en": "en_CA", "fr": "fr_CA"}
# Each language's name in itself, for the switch (never translated: a reader looks for their own).
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
NBSP = "\u00a0"
T = TypeVar("T")


def catalogue_files(language: str) -> list[Path]:
    """The .po files of a language, in name order (core.po, pages.po, validation.po)."""
    return sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po"))


# gettext's usual French rule (0 and 1 singular), not CLDR's three forms (a third for exact millions,
# "1 000 000 d'opérations"), which translators' tools rarely offer.
PLURAL_FORMS = {"fr": (2, "(n > 1)")}


def new_catalogue(language: str) -> Catalog:
    """An empty catalogue of `language` with the plural rule every .po uses."""
    catalog = Catalog(locale=LOCALES[language], domain="messages", project="canada-abroad", version="1",
                      fuzzy=False)
    if language in PLURAL_FORMS:
        catalog._num_plurals, catalog._plural_expr = PLURAL_FORMS[language]  # Babel's only way to set them
    return catalog


def read_catalogue(language: str) -> Catalog:
    """Every .po of `language` merged into one catalogue (the first file's translation wins a clash,
    which tests/test_i18n.py forbids)."""
    merged = new_catalogue(language)
    for path in catalogue_files(language):
        with path.open("rb") as handle:
            part = read_po(handle, locale=LOCALES[language])
        for message in part:
            if not message.id or (message.id, message.context) in _keys(merged):
                continue
            merged.add(message.id, message.string, context=message.context, flags=message.flags)
    return merged


def _keys(catalog: Catalog) -> set:
    return {(message.id, message.context) for message in catalog if message.id}


@lru_cache(maxsize=8)
def _compiled(language: str, stamp: tuple) -> gettext.NullTranslations:
    """The language's catalogue compiled in memory (`stamp`: the files' names and times, so an edit is read)."""
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(language), use_fuzzy=False)  # fuzzy and empty messages stay English
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translations(language: str) -> gettext.NullTranslations:
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    stamp = tuple((path.name, path.stat().st_mtime_ns) for path in catalogue_files(language))
    return _compiled(language, stamp)


_current: ContextVar[tuple[str, gettext.NullTranslations] | None] = ContextVar("language", default=None)


def _state() -> tuple[str, gettext.NullTranslations]:
    return _current.get() or (DEFAULT_LANGUAGE, translations(DEFAULT_LANGUAGE))


def current_language() -> str:
    return _state()[0]


def set_language(language: str) -> None:
    """The language of everything this run (this thread) writes from now on."""
    _current.set((language, translations(language)))


@contextmanager
def using_language(language: str) -> Iterator[None]:
    """Another language for a block (tests; a download made later, outside the script run)."""
    token = _current.set((language, translations(language)))
    try:
        yield
    finally:
        _current.reset(token)


def in_this_language(function: Callable[..., T]) -> Callable[..., T]:
    """`function`, always run in the language current now: for callbacks Streamlit (or AppTest) may call
    outside this run, such as a widget's format_func."""
    language = current_language()

    def translated(*args, **kwargs) -> T:
        with using_language(language):
            return function(*args, **kwargs)

    return translated


def language_from_locale(locale: str | None) -> str:
    """The browser's language (st.context.locale, e.g. 'fr-CA') as one of LANGUAGES; English otherwise."""
    return "fr" if (locale or "").strip().lower()[:2] == "fr" else DEFAULT_LANGUAGE


def _(message: str) -> str:
    return _state()[1].gettext(message)


def ngettext(singular: str, plural: str, n: float) -> str:
    # gettext's plural rules take integers; French counts 0 and 1 as singular, English only 1.
    return _state()[1].ngettext(singular, plural, int(n) if float(n).is_integer() else 2)


def pgettext(context: str, message: str) -> str:
    return _state()[1].pgettext(context, message)


def sort_key(text: str) -> str:
    """For sorting names as a reader expects: accents and case ignored ("Égypte" beside "Érythrée", not after "Zambie")."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c)).casefold()


def N_(message: str) -> str:
    """Marks `message` for extraction; it is translated where it is shown."""
    return message


# ---- Numbers, money and dates (Babel, in the current language's locale) ----

def _locale() -> str:
    return LOCALES[current_language()]


def format_number(value: float, decimals: int = 0) -> str:
    """'1,900' in English, '1 900' in French (Babel's no-break space); `decimals` digits after the point."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale())


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))  # NaN
    except (TypeError, ValueError):  # pandas' NA refuses to be a bool
        return True


def format_money(value: float | None, canadian: bool = False) -> str:
    """Dollars as people write them; "not stated" when missing. `canadian` says the currency.

    English as before: "$2.60 billion", "$48.0 million", "$150,000" (+ " CAD").
    French, the Government of Canada's style for running text (figures and words, the symbol after
    the number): "2,60 milliards de dollars", "48,0 millions de dollars", "150 000 $"
    (+ " canadiens" / " CA"). Million and milliard are nouns: plural from 2 up.
    """
    if _missing(value):
        return _("not stated")
    value = float(value)
    if current_language() == "fr":
        for size, noun, decimals in ((1e9, "milliard", 2), (1e6, "million", 1)):
            if value >= size:
                scaled = value / size
                nouns = noun if round(scaled, decimals) < 2 else noun + "s"
                return f"{format_number(scaled, decimals)}{NBSP}{nouns} de dollars" + (" canadiens" if canadian else "")
        return f"{format_number(value)}{NBSP}$" + (f"{NBSP}CA" if canadian else "")
    suffix = " CAD" if canadian else ""
    if value >= 1e9:
        return f"${format_number(value / 1e9, 2)} billion{suffix}"
    if value >= 1e6:
        return f"${format_number(value / 1e6, 1)} million{suffix}"
    return f"${format_number(value)}{suffix}"


_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?")


def format_date(partial: str | dt.date) -> str:
    """A date, or a YYYY / YYYY-MM / YYYY-MM-DD text, as people write it: "10 July 2023" / "10 juillet 2023",
    "January 2025" / "janvier 2025", "2025". Text that is not such a date comes back as it was."""
    if isinstance(partial, dt.date):
        day = partial
        precision = 3
    else:
        match = _PARTIAL_DATE.fullmatch(partial.strip())
        if not match:
            return partial
        precision = 1 + (match[2] is not None) + (match[3] is not None)
        if precision == 1:
            return match[1]
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3] or 1))
        except ValueError:
            return partial
    if precision == 2:
        return babel_format_date(day, format="MMMM y", locale=_locale())
    if current_language() == "fr" and day.day == 1:  # "1er juillet", as French writes the first of a month
        return "1er " + babel_format_date(day, format="MMMM y", locale=_locale())
    return babel_format_date(day, format="d MMMM y", locale=_locale())
