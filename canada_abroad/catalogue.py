"""Keeping the French catalogue whole: extract the messages from the code, find those not yet in a .po,
and add them to their area's file (`make messages`; tests/test_i18n.py checks the same things).

Each area has its own .po so two translators never edit one file: AREAS says which source files
belong to which; every other file's messages go to core.po.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from canada_abroad.i18n import LOCALE_DIR, LOCALES, catalogue_files, new_catalogue

ROOT = LOCALE_DIR.parent
SOURCES = ("app.py", "canada_abroad", "ui", "pages")
# gettext's usual keywords (_, N_, ngettext, pgettext) and text.Nn_, a marked singular/plural pair.
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3), "Nn_": (1, 2)}
DEFAULT_AREA = "core"
AREAS = {
    "pages": ("pages/footprint.py", "pages/operations.py", "pages/commitments.py", "pages/country.py",
              "pages/data.py", "ui/charts.py"),
    "validation": ("canada_abroad/validation.py", "canada_abroad/problems.py", "canada_abroad/csv_reader.py",
                   "canada_abroad/quality.py", "canada_abroad/schema.py"),
}
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


def source_files() -> list[Path]:
    files = []
    for name in SOURCES:
        path = ROOT / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [path for path in files if path.name != "catalogue.py"]


def extract() -> Catalog:
    """Every marked message in the code, with where it is used (the template, messages.pot)."""
    template = Catalog(project="canada-abroad", domain="messages")
    for path in source_files():
        relative = path.relative_to(ROOT).as_posix()
        for line, message, comments, context in extract_from_file("python", path, keywords=KEYWORDS,
                                                                    comment_tags=("Translators:",)):
            template.add(message, None, [(relative, line)], auto_comments=comments, context=context)
    return template


def area_of(locations: list[tuple[str, int]]) -> str:
    for area, files in AREAS.items():
        if any(filename in files for filename, _line in locations):
            return area
    return DEFAULT_AREA


def read(path: Path, language: str = "fr") -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=LOCALES[language])


def catalogues(language: str = "fr") -> dict[str, Catalog]:
    """Each .po of a language by its area name (its file's stem)."""
    return {path.stem: read(path, language) for path in catalogue_files(language)}


def placeholders(text: str | tuple) -> set[str]:
    texts = text if isinstance(text, tuple) else (text,)
    return {name for part in texts if part for name in PLACEHOLDER.findall(part)}


def missing(template: Catalog, parts: dict[str, Catalog]) -> Iterator[Message]:
    """Messages of the code that no .po has yet."""
    known = {(m.id if not isinstance(m.id, tuple) else m.id[0], m.context)
             for catalog in parts.values() for m in catalog if m.id}
    for message in template:
        key = message.id if not isinstance(message.id, tuple) else message.id[0]
        if message.id and (key, message.context) not in known:
            yield message


def add_missing(language: str = "fr") -> dict[str, int]:
    """Write messages.pot, and add each message no .po has (empty, to translate) to its area's .po."""
    template = extract()
    with (LOCALE_DIR / "messages.pot").open("wb") as handle:
        write_po(handle, template, width=120, sort_output=False, omit_header=False)
    parts = catalogues(language)
    added: dict[str, int] = {}
    for message in list(missing(template, parts)):
        area = area_of(message.locations)
        catalog = parts.setdefault(area, new_catalogue(language))
        catalog.add(message.id, "" if not isinstance(message.id, tuple) else ("", ""), message.locations,
                    auto_comments=message.auto_comments, context=message.context)
        added[area] = added.get(area, 0) + 1
    for area in added:
        path = LOCALE_DIR / language / "LC_MESSAGES" / f"{area}.po"
        with path.open("wb") as handle:
            write_po(handle, parts[area], width=120, omit_header=False, include_previous=False)
    return added


if __name__ == "__main__":
    added = add_missing()
    print("locales/messages.pot written;",
          ", ".join(f"{n} new in {area}.po" for area, n in added.items()) or "every message is in a .po")
