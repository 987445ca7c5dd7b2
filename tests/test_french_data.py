"""The French edition's data: optional French columns, their validation, the English fallback,
and French names of countries and sea areas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from canada_abroad.csv_reader import read_table
from canada_abroad.engagements import load_engagements_bytes
from canada_abroad.localized import display_column, localized, untranslated_descriptions
from canada_abroad.schema import COLUMN_NAMES, FRENCH_COLUMNS
from canada_abroad.validation import validate_table

FIXTURES = Path(__file__).parent / "fixtures" / "french"
ENGLISH_COLUMNS = [name for name in COLUMN_NAMES if name not in FRENCH_COLUMNS.values()]


def check(name: str, geography):
    data = (FIXTURES / name).read_bytes()
    return validate_table(read_table(data), set(geography.countries.index), set(geography.seas.index))


def test_a_file_without_french_columns_loads_as_before(geography):
    """No warning, every row kept, the French columns empty: the English-only file of earlier releases."""
    result = check("english_only.csv", geography)
    assert result.problems == []
    assert list(result.frame["id"]) == ["op-test-lva", "op-test-sea"]
    assert (result.frame[list(FRENCH_COLUMNS.values())] == "").all().all()
    assert list(result.frame[ENGLISH_COLUMNS].columns) == ENGLISH_COLUMNS


def test_french_columns_are_read_and_checked(geography):
    """French text is kept; a missing French description warns (row kept); a bad French URL rejects the row."""
    result = check("with_french.csv", geography)
    messages = [str(p) for p in result.problems]
    assert list(result.frame["id"]) == ["op-test-lva", "op-test-untranslated", "op-test-no-description"]
    kept = result.frame.set_index("id")
    assert kept.at["op-test-lva", "operation_fr"] == "Opération TEST"
    assert kept.at["op-test-lva", "mission_fr"] == "Présence avancée renforcée de l'OTAN"
    assert kept.at["op-test-untranslated", "mission_fr"] == "FINUL"

    warnings = [p for p in result.problems if p.severity == "warning"]
    assert [(p.line, p.column) for p in warnings] == [(3, "description_fr")], messages
    assert str(warnings[0]).startswith("line 3, column description_fr: is empty but description is set")
    assert [str(p) for p in result.errors] == [
        "line 5, column source_url_fr: must be a web address starting with http:// or https://, with no spaces"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "https://a b", "www.canada.ca/fr"])
def test_a_french_source_must_be_a_web_address(geography, url):
    from tests.conftest import csv_text, row

    data = csv_text([row(source_url_fr=url)]).encode("utf-8")
    result = validate_table(read_table(data), set(geography.countries.index), set(geography.seas.index))
    assert result.frame.empty
    assert [p.column for p in result.errors] == ["source_url_fr"]


def test_french_places_come_with_the_rows(geography):
    """enrich adds place_fr from the names file: a country's and a sea area's French name."""
    dataset = load_engagements_bytes((FIXTURES / "english_only.csv").read_bytes(), geography, "english_only.csv")
    assert list(dataset.frame["place"]) == ["Latvia", "Caribbean Sea"]
    assert list(dataset.frame["place_fr"]) == ["Lettonie", "Mer des Caraïbes"]


# --- localized ---------------------------------------------------------------------------------------

def frame(**columns) -> pd.DataFrame:
    base = {"operation": ["Operation A", "Operation B"], "mission": ["UNIFIL", "UNFICYP"],
            "description": ["First.", "Second."], "source_url": ["https://e/1", "https://e/2"],
            "source_title": ["One", "Two"], "place": ["Lebanon", "Cyprus"]}
    return pd.DataFrame(base | columns)


def test_localized_french_uses_french_cells_and_falls_back_cell_by_cell():
    rows = frame(operation_fr=["Opération A", ""], mission_fr=["FINUL", None], description_fr=["", "Deuxième."],
                 source_url_fr=["https://f/1", ""], source_title_fr=["Un", "Deux"], place_fr=["Liban", "Chypre"])
    out = localized(rows, "fr")
    assert list(out["display_operation"]) == ["Opération A", "Operation B"]
    assert list(out["display_mission"]) == ["FINUL", "UNFICYP"]
    assert list(out["display_description"]) == ["First.", "Deuxième."]
    assert list(out["description_language"]) == ["en", "fr"]
    # No French page on row 2: its English address keeps its English title, marked as English.
    assert list(out["display_source_url"]) == ["https://f/1", "https://e/2"]
    assert list(out["display_source_title"]) == ["Un", "Two"]
    assert list(out["source_language"]) == ["fr", "en"]
    assert list(out["display_place"]) == ["Liban", "Chypre"]
    # The English columns are untouched: ids, links and search keep using them.
    assert list(out["operation"]) == ["Operation A", "Operation B"]
    assert "display_operation" not in rows.columns


def test_localized_on_a_frame_without_french_columns_shows_english():
    out = localized(frame(), "fr")
    for name in FRENCH_COLUMNS:
        assert list(out[display_column(name)]) == list(frame()[name])
    assert set(out["source_language"]) == {"en"} and set(out["description_language"]) == {"en"}


def test_localized_english_ignores_french_cells():
    out = localized(frame(operation_fr=["Opération A", "Opération B"], place_fr=["Liban", "Chypre"]), "en")
    assert list(out["display_operation"]) == ["Operation A", "Operation B"]
    assert list(out["display_place"]) == ["Lebanon", "Cyprus"]


def test_localized_french_page_without_french_title_keeps_the_english_title():
    out = localized(frame(source_url_fr=["https://f/1", ""], source_title_fr=["", ""]), "fr")
    assert list(out["display_source_title"]) == ["One", "Two"]


def test_localized_rejects_an_unknown_language():
    with pytest.raises(ValueError, match="'de'"):
        localized(frame(), "de")


def test_localized_keeps_an_empty_frame_empty():
    out = localized(frame().iloc[0:0], "fr")
    assert out.empty and "display_description" in out.columns


def test_untranslated_descriptions_counts_rows_the_french_edition_shows_in_english():
    assert untranslated_descriptions(frame()) == 2
    assert untranslated_descriptions(frame(description_fr=["Premier.", " "])) == 1
    assert untranslated_descriptions(frame(description=["", "Second."], description_fr=["", "Deuxième."])) == 0


# --- French names of places --------------------------------------------------------------------------

TRICKY_NAMES = {
    "LVA": "Lettonie", "CIV": "Côte d'Ivoire", "CZE": "Tchéquie", "MKD": "Macédoine du Nord", "XKX": "Kosovo",
    "COD": "République démocratique du Congo", "COG": "République du Congo", "SSD": "Soudan du Sud",
    "SWZ": "Eswatini", "MMR": "Myanmar", "TLS": "Timor-Leste", "USA": "États-Unis", "GBR": "Royaume-Uni",
    "KOR": "Corée du Sud", "PRK": "Corée du Nord", "TUR": "Türkiye", "BLR": "Bélarus", "MDA": "Moldova",
    "IRQ": "Irak", "CPV": "Cabo Verde", "NLD": "Pays-Bas", "BIH": "Bosnie-Herzégovine", "HTI": "Haïti",
    "CAF": "République centrafricaine", "ARE": "Émirats arabes unis", "SAU": "Arabie saoudite",
    "KGZ": "Kirghizistan", "NGA": "Nigéria", "LBR": "Libéria", "ESH": "Sahara occidental", "CYP": "Chypre",
    "UGA": "Ouganda", "DEU": "Allemagne", "EGY": "Égypte", "ERI": "Érythrée", "PSE": "Palestine",
}


@pytest.mark.parametrize("iso3, expected", sorted(TRICKY_NAMES.items()))
def test_tricky_country_names_in_french(geography, iso3, expected):
    assert geography.country_name(iso3, "fr") == expected


def test_every_country_of_the_geometry_has_its_own_french_name(geography):
    """Read straight from the names file: the loader's English fallback must not hide a gap."""
    names = pd.read_csv(Path(__file__).parent.parent / "data" / "country_names_fr.csv", dtype=str,
                        keep_default_na=False)
    assert names["iso3"].is_unique
    assert set(names["iso3"]) == set(geography.countries.index)
    assert (names["name_fr"].str.strip() != "").all()


def test_every_sea_area_has_a_french_name(geography):
    assert (geography.seas["area_fr"].str.strip() != "").all()
    assert geography.sea_name("Caribbean Sea", "fr") == "Mer des Caraïbes"
    assert geography.sea_name("Persian Gulf", "fr") == "Golfe Persique"
    assert geography.sea_name("South China Sea", "fr") == "Mer de Chine méridionale"
    assert geography.sea_name("Caribbean Sea") == "Caribbean Sea"
