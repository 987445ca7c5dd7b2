"""Domain text in French: validation messages worded when shown, the data dictionary, the licence,
rows shown in the reader's language, and French figures kept whole in Markdown."""

from __future__ import annotations

import pandas as pd
import pytest

from canada_abroad.csv_reader import read_table
from canada_abroad.i18n import using_language
from canada_abroad.licence import LICENCE_MARKDOWN, licence_markdown
from canada_abroad.localized import in_language
from canada_abroad.partial_dates import DateError, parse_partial_date
from canada_abroad.problems import Problem
from canada_abroad.safe_text import markdown_text
from canada_abroad.schema import data_dictionary_markdown
from canada_abroad.validation import validate_table
from tests.conftest import csv_text, row

NBSP = "\u00a0"


def validate(rows, geography):
    data = csv_text(rows).encode("utf-8")
    return validate_table(read_table(data), set(geography.countries.index), set(geography.seas.index))


def test_a_problem_is_worded_in_the_language_it_is_read_in(geography):
    """The same validated file (cached once) reads in English and in French, numbers the reader's way."""
    result = validate([row(id="long", description="x" * 4001), row(id="bad-date", start_date="2023-02-30")],
                      geography)
    long, bad_date = result.errors
    assert long.message == "is 4,001 characters long; the limit is 4,000"
    assert bad_date.message == "2023-02 has no day 30"
    with using_language("fr"):
        assert long.message == f"compte 4{NBSP}001 caractères; la limite est de 4{NBSP}000"
        assert bad_date.text() == "2023-02 n'a pas de jour 30"
        assert str(long).startswith("line 2, column description: compte")  # the CLI's frame stays English
    assert str(long) == "line 2, column description: is 4,001 characters long; the limit is 4,000"


def test_file_level_problems_are_translated_too():
    (problem,) = read_table(b"", max_bytes=10).problems
    with using_language("fr"):
        assert problem.text() == "le fichier est vide; il lui faut une ligne d'en-tête et au moins une ligne de données"
    (too_big,) = read_table(b"x" * 20_000, max_bytes=10_000).problems
    with using_language("fr"):
        assert too_big.text().startswith(f"le fichier fait 20{NBSP}000 octets; la limite est de 10{NBSP}000 octets")


def test_a_value_meant_literally_is_not_regrouped():
    problem = Problem(3, "id", "{value} is already used on line {line}; ids must be unique",
                      values={"value": "'a'", "line": "1200"})
    with using_language("fr"):
        assert "à la ligne 1200;" in problem.text()


def test_a_bad_date_says_why_in_both_languages():
    with pytest.raises(DateError) as caught:
        parse_partial_date("2023-13")
    assert str(caught.value) == "month 13 does not exist"
    with using_language("fr"):
        assert Problem(1, "start_date", caught.value.template, values=caught.value.values).text() == \
            "le mois 13 n'existe pas"


def test_the_data_dictionary_and_licence_in_french_keep_names_codes_and_addresses():
    english = data_dictionary_markdown()
    with using_language("fr"):
        french = data_dictionary_markdown()
        licence = licence_markdown()
    assert english.startswith("| column | required | meaning | allowed values |")
    assert french.startswith("| colonne | obligatoire | signification | valeurs permises |")
    assert "| `personnel_basis` | non | Type de chiffre que donne `personnel`; obligatoire avec lui. |" in french
    assert "`authorized`, `peak`, `snapshot`, `cumulative`" in french  # the file's values are not translated
    assert licence_markdown() == LICENCE_MARKDOWN
    assert "(https://ouvert.canada.ca/fr/licence-du-gouvernement-ouvert-canada)" in licence
    assert "(https://creativecommons.org/licenses/by/4.0/)" in licence and "licence MIT" in licence


def test_rows_shown_in_french_keep_their_ids_and_fall_back_to_english():
    frame = pd.DataFrame({"operation_id": ["reassurance", "kobold"], "operation": ["Operation REASSURANCE", "KOBOLD"],
                          "operation_fr": ["Opération REASSURANCE", ""], "place": ["Latvia", "Caribbean Sea"],
                          "place_fr": ["Lettonie", "mer des Caraïbes"]})
    shown = in_language(frame, "fr")
    assert list(shown["operation"]) == ["Opération REASSURANCE", "KOBOLD"]
    assert list(shown["place"]) == ["Lettonie", "mer des Caraïbes"]
    assert list(shown["operation_id"]) == ["reassurance", "kobold"]
    assert in_language(frame, "en") is frame
    # Rows that already carry their display_* columns (ui/page.open_page) are not localized again.
    from canada_abroad.localized import localized
    ready = localized(frame, "fr").assign(display_operation=["Opération déjà prête", "KOBOLD"])
    assert list(in_language(ready, "fr")["operation"]) == ["Opération déjà prête", "KOBOLD"]


def test_markdown_keeps_french_no_break_spaces():
    """'1 900' and '2,60 milliards' must not break at the end of a line; other whitespace still flattens."""
    assert markdown_text(f"2,60{NBSP}milliards\n\nde  dollars") == f"2,60{NBSP}milliards de dollars"
    assert markdown_text(f"Région{NBSP}: 1\u202f900") == f"Région{NBSP}\\: 1\u202f900"


def test_every_region_has_a_french_name(geography):
    from canada_abroad.text import LABELS, label

    assert set(LABELS["region"]) == set(geography.regions)
    with using_language("fr"):
        assert label("region", "Sub-Saharan Africa") == "Afrique subsaharienne"
