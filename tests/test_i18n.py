"""The French catalogue is whole and safe, and figures are written the way each language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from canada_abroad import catalogue
from canada_abroad.i18n import (
    _,
    current_language,
    format_date,
    format_money,
    format_number,
    language_from_locale,
    ngettext,
    set_language,
    translations,
    using_language,
)
from canada_abroad.text import count, format_amount, label, measure_text, ui_text

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def template():
    return catalogue.extract()


@pytest.fixture(scope="module")
def parts():
    return catalogue.catalogues("fr")


def _translations(parts):
    for area, catalog in parts.items():
        for message in catalog:
            if message.id:
                yield area, message


def test_every_message_of_the_code_has_a_french_translation(template, parts):
    """Run `make messages` to add the missing ones (empty) to their area's .po, then translate them."""
    missing = [message.id for message in catalogue.missing(template, parts)]
    assert not missing, f"messages with no French translation (run `make messages`): {missing}"
    untranslated = [(area, message.id) for area, message in _translations(parts)
                    if message.fuzzy or not message.string
                    or (isinstance(message.string, tuple) and not all(message.string))]
    assert not untranslated, f"empty or fuzzy French translations: {untranslated}"


def test_extraction_reads_app_ui_pages_and_domain_code(template):
    files = {filename.split("/")[0] for message in template for filename, _line in message.locations}
    assert {"app.py", "canada_abroad", "ui"} <= files
    assert ("{n} operation", "{n} operations") in {message.id for message in template}  # text.Nn_ pairs


def test_every_translation_has_the_placeholders_of_its_message(parts):
    """A missing {name} drops a figure; an extra one raises KeyError on screen."""
    wrong = [(area, message.id, message.string) for area, message in _translations(parts)
             if any(catalogue.placeholders(form) != catalogue.placeholders(message.id)
                    for form in (message.string if isinstance(message.string, tuple) else (message.string,)))]
    assert not wrong, wrong


def test_no_message_is_translated_two_ways_in_two_files(parts):
    seen: dict[tuple, tuple[str, object]] = {}
    clashes = []
    for area, message in _translations(parts):
        key = (message.id, message.context)
        if key in seen and seen[key][1] != message.string:
            clashes.append((message.id, seen[key][0], area))
        seen.setdefault(key, (area, message.string))
    assert not clashes, clashes


def test_every_po_uses_the_same_two_plural_forms(parts):
    assert {catalog.plural_forms for catalog in parts.values()} == {"nplurals=2; plural=(n > 1);"}


def test_the_french_catalogue_translates_and_english_needs_none():
    with using_language("fr"):
        assert _("Map") == "Carte"
        assert label("mission_type", "peace_operation") == "Opération de paix"
        assert ui_text("page_title", page=_("Map")) == f"Carte · Le Canada à l'étranger{NBSP}: déploiements et engagements"
        assert label("language", "fr") == "Français"
    assert _("Map") == "Map"
    assert label("mission_type", "peace_operation") == "Peace operation"


def test_a_message_with_no_translation_stays_english():
    with using_language("fr"):
        assert _("A sentence nobody translated") == "A sentence nobody translated"


def test_language_is_per_context_and_restored():
    assert current_language() == "en"
    with using_language("fr"):
        assert current_language() == "fr"
        with using_language("en"):
            assert _("Map") == "Map"
        assert _("Map") == "Carte"
    assert current_language() == "en"
    with pytest.raises(ValueError):
        set_language("de")


def test_browser_locale_decides_without_a_link():
    assert language_from_locale("fr-CA") == "fr"
    assert language_from_locale("FR") == "fr"
    assert language_from_locale("en-US") == "en"
    assert language_from_locale("de-DE") == "en"
    assert language_from_locale(None) == "en"


@pytest.mark.parametrize(("n", "english", "french"), [
    (0, "0 operations", "0 opération"),
    (1, "1 operation", "1 opération"),
    (2, "2 operations", "2 opérations"),
    (1900, "1,900 operations", f"1{NBSP}900 opérations"),
])
def test_counts_follow_each_languages_plural_rule(n, english, french):
    assert count(n, "operations") == english
    with using_language("fr"):
        assert count(n, "operations") == french
        assert ngettext("{n} year", "{n} years", n).format(n=n).endswith("an" if n < 2 else "ans")


def test_numbers():
    assert format_number(1900) == "1,900"
    assert format_number(1234567.891, 1) == "1,234,567.9"
    with using_language("fr"):
        assert format_number(1900) == f"1{NBSP}900"
        assert format_number(1234567.891, 1) == f"1{NBSP}234{NBSP}567,9"


@pytest.mark.parametrize(("value", "english", "french"), [
    (2.6e9, "$2.60 billion", f"2,60{NBSP}milliards de dollars"),
    (1.5e9, "$1.50 billion", f"1,50{NBSP}milliard de dollars"),
    (48e6, "$48.0 million", f"48,0{NBSP}millions de dollars"),
    (1.2e6, "$1.2 million", f"1,2{NBSP}million de dollars"),
    (150_000, "$150,000", f"150{NBSP}000{NBSP}$"),
    (None, "not stated", "non précisé"),
    (float("nan"), "not stated", "non précisé"),
])
def test_money_in_each_languages_style(value, english, french):
    assert format_money(value) == format_amount(value) == english
    with using_language("fr"):
        assert format_money(value) == format_amount(value) == french


def test_money_measures_name_the_currency():
    assert measure_text("cad_committed", 2.6e9) == "$2.60 billion CAD"
    assert measure_text("cad_committed", 150_000) == "$150,000 CAD"
    with using_language("fr"):
        assert measure_text("cad_committed", 2.6e9) == f"2,60{NBSP}milliards de dollars canadiens"
        assert measure_text("cad_committed", 150_000) == f"150{NBSP}000{NBSP}${NBSP}CA"
        assert measure_text("personnel", 1900) == f"1{NBSP}900 militaires"


@pytest.mark.parametrize(("given", "english", "french"), [
    ("2023-07-10", "10 July 2023", "10 juillet 2023"),
    ("2023-07-01", "1 July 2023", "1er juillet 2023"),
    ("2025-01", "January 2025", "janvier 2025"),
    ("2025", "2025", "2025"),
    (dt.date(2026, 12, 2), "2 December 2026", "2 décembre 2026"),
    ("2023-13", "2023-13", "2023-13"),
    ("not a date", "not a date", "not a date"),
])
def test_dates(given, english, french):
    assert format_date(given) == english
    with using_language("fr"):
        assert format_date(given) == french


def test_an_edited_catalogue_is_read_again(tmp_path, monkeypatch):
    """No .mo to rebuild: the .po files are compiled in memory, again when one changes."""
    from canada_abroad import i18n

    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    po = folder / "core.po"
    po.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
                  'msgid "Map"\nmsgstr "Carte"\n', encoding="utf-8")
    assert translations("fr").gettext("Map") == "Carte"
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Map"\nmsgstr "Plan"\n#, fuzzy\nmsgid "Legend"\nmsgstr "Légende"\n',
                  encoding="utf-8")
    import os
    os.utime(po, ns=(1, 10**18))
    assert translations("fr").gettext("Map") == "Plan"
    assert translations("fr").gettext("Legend") == "Legend"  # fuzzy: stays English


def test_a_function_made_in_french_runs_in_french_later():
    """Downloads are made on click, outside the run that drew the button (no language set there)."""
    from canada_abroad.i18n import in_this_language

    with using_language("fr"):
        later = in_this_language(lambda: (_("Map"), format_number(1900)))
    assert later() == ("Carte", f"1{NBSP}900")
    assert current_language() == "en"
