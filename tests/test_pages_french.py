"""AppTest: the Over time, Operations, Commitments, Country and Data & sources pages in French (?lang=fr).

Each page opens on the fixture dataset (tests/fixture_tables.PAGE_ROWS) with `lang=fr` and must show
its French headings, French names and numbers written the French way, and none of its own English
messages: the English msgids of the page and of ui/charts.py (extracted from the code as translators'
tools do) must not appear among the main area's texts, labels and chart titles.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from babel.messages.extract import extract_from_file
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from canada_abroad.i18n import using_language
from tests.conftest import csv_text, row
from ui.cached import DATA_PATH_ENV

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
NBSP = "\u00a0"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


@pytest.fixture(autouse=True)
def fixture_dataset(page_csv, monkeypatch):
    monkeypatch.setenv(DATA_PATH_ENV, page_csv)


def open_french(page: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "fr"
    for name, value in params.items():
        at.query_params[name] = value
    # AppTest calls widgets' format_func in this thread to send their values back on the next run:
    # in English here, "Nombre d'opérations" would not be found among the options.
    with using_language("fr"):
        at.run()
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _chart_titles(spec: object) -> list[str]:
    """Every title in a Vega-Lite spec (chart, axes, legends, tooltips)."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title":
                found += [value] if isinstance(value, str) else [t for t in value if isinstance(t, str)] \
                    if isinstance(value, list) else _chart_titles(value)
            else:
                found += _chart_titles(value)
    elif isinstance(spec, list):
        for value in spec:
            found += _chart_titles(value)
    return found


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.main.get("vega_lite_chart")]


def chart_data(at: AppTest) -> list[pd.DataFrame]:
    """The tables the charts draw (Streamlit sends them beside the spec, as Arrow)."""
    return [dataframe_util.convert_arrow_bytes_to_pandas_df(dataset.data.data)
            for chart in at.main.get("vega_lite_chart") for dataset in chart.proto.datasets]


def shown(at: AppTest) -> list[str]:
    """What a reader reads in the main area (the sidebar belongs to the shared frame)."""
    main = at.main
    texts = [str(e.value) for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                                       "success", "error") for e in getattr(main, kind)]
    texts += [m.label for m in main.metric] + [b.label for b in main.button] + [s.label for s in main.selectbox]
    texts += [d.proto.label for d in main.get("download_button")] + [d.proto.label for d in main.get("file_uploader")]
    texts += [title for spec in charts(at) for title in _chart_titles(spec)]
    return texts


@cache
def english_messages(*sources: str) -> frozenset[str]:
    """The English messages of these files that French writes differently (so "Type" or "Sources" are left out)."""
    messages = set()
    for source in sources:
        for _line, message, _comments, context in extract_from_file("python", ROOT / source, keywords=KEYWORDS):
            for english in (message if isinstance(message, tuple) else (message,)):
                with using_language("fr"):
                    from canada_abroad.i18n import _, pgettext
                    french = pgettext(context, english) if context else _(english)
                if french != english and "{" not in english:
                    messages.add(english)
                elif "{" in english:  # a template: its longest fixed piece must not be shown
                    piece = max(english.replace("}", "{").split("{")[::2], key=len).strip()
                    if len(piece) > 12:
                        messages.add(piece)
    return frozenset(messages)


def english_left(at: AppTest, page: str) -> list[str]:
    english = english_messages(page, "ui/charts.py")
    return sorted({m for text in shown(at) for m in english if text == m or (len(m) > 12 and m in text)})


PAGES = {
    "pages/footprint.py": "La présence du Canada au fil des ans",
    "pages/operations.py": "Opérations",
    "pages/commitments.py": "Engagements",
    "pages/country.py": "Profil de pays",
    "pages/data.py": "Données et sources",
}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_french_has_its_french_title_and_none_of_its_english(page):
    at = open_french(page, country="LVA")
    assert [t.value for t in at.main.title] == [PAGES[page]]
    assert english_left(at, page) == []


def test_over_time_in_french_explains_what_is_counted_and_titles_its_charts():
    at = open_french("pages/footprint.py")
    assert at.main.markdown[0].value.startswith("**Ce qui est compté.** Les déploiements seulement")
    titles = [title for spec in charts(at) for title in _chart_titles(spec)]
    assert {"Pays où le Canada a des militaires déployés", "Année", "Type de mission", "Effectif"} <= set(titles)
    assert "Year" not in titles and "Mission type" not in titles
    assert [d.proto.label for d in at.main.get("download_button")] == ["Télécharger ces chiffres (CSV)"]
    countries = chart_data(at)[0].set_index("year")
    assert countries.at[1950, "countries_text"] == "1"  # tooltips read these columns, written by Babel


def test_operations_in_french_counts_and_names_in_french():
    at = open_french("pages/operations.py", type="training")
    assert at.main.caption[0].value.startswith("2 opérations correspondent aux filtres.")
    table = at.main.dataframe[0].value
    assert list(table["places"]) == ["Lettonie", "Ukraine"]
    assert list(table["end_label"]) == ["2020", "en cours"]
    assert list(table["type"]) == ["Instruction et renforcement des capacités"] * 2


def test_commitments_in_french_writes_money_the_french_way():
    at = open_french("pages/commitments.py", q="ukraine")
    assert at.main.caption[0].value.startswith("2 engagements en fonds ou en matériel correspondent aux filtres.")
    (spec,) = charts(at)
    (bars,) = chart_data(at)
    assert f"4,00{NBSP}milliards de dollars" in list(bars["label"])  # written on the bar
    assert f"4{NBSP}000{NBSP}000{NBSP}000{NBSP}$" in list(bars["exact"])  # the tooltip's exact amount
    assert list(bars["status"]) == ["engagés", "versés"] and "Étape" in _chart_titles(spec)
    assert f"'{NBSP}G$'" in json.dumps(spec, ensure_ascii=False)  # the log axis: 1 G$, not $1B
    assert list(at.main.dataframe[0].value["place"]) == ["Ukraine", "Ukraine"]


def test_country_in_french_names_the_country_and_its_region_in_french():
    at = open_french("pages/country.py", country="LVA")
    assert [h.value for h in at.main.header] == ["Lettonie"]
    assert at.main.caption[0].value.startswith(f"Région{NBSP}: ")
    assert at.main.caption[0].value.endswith(f"Activités ici qui correspondent aux filtres{NBSP}: 4 sur 4.")
    assert [m.label for m in at.main.metric] == ["Opérations", "Première année", "Activités en cours"]
    assert f"**Sommes indiquées, par étape{NBSP}:** 2,60{NBSP}milliards de dollars annoncés" in \
        [m.value.replace("\\", "") for m in at.main.markdown]
    options = at.selectbox(key="country_pick").options
    assert options.index("Corée du Sud") < options.index("Côte d'Ivoire") < options.index("Irak")  # accents ignored
    assert [d.proto.label for d in at.main.get("download_button")] == ["Télécharger 4 lignes (CSV)"]


def test_data_page_in_french_writes_limits_and_dictionary_in_french():
    at = open_french("pages/data.py")
    assert [s.value for s in at.main.success] == ["Les 14 lignes ont réussi toutes les vérifications."]
    text = "\n".join(shown(at))
    assert f"au plus 5{NBSP}Mo et 20{NBSP}000 lignes" in text
    assert "| colonne | obligatoire | signification | valeurs permises |" in text
    assert "**Aucune supposition" in text and "https://ouvert.canada.ca/fr/licence-du-gouvernement-ouvert-canada" in text


def test_data_page_in_french_reports_problems_in_french(tmp_path, monkeypatch):
    """The validation report of a file: headings, severity and message in French, numbers the French way."""
    data = tmp_path / "bad.csv"
    data.write_text(csv_text([row(id="good-lva"), row(id="bad-iso", iso3="XXX"),
                              row(id="long-text", description="x" * 4001)]), encoding="utf-8")
    monkeypatch.setenv(DATA_PATH_ENV, str(data))
    at = open_french("pages/data.py")
    assert at.main.warning[0].value.startswith(f"Lignes conservées{NBSP}: 1 sur 3;")
    report = at.main.dataframe[0].value
    assert list(report.columns) == ["ligne", "colonne", "gravité", "message"]
    assert set(report["gravité"]) == {"erreur"}
    messages = list(report["message"])
    assert messages[0].startswith("'XXX' n'est pas un code de pays de la géométrie de la carte")
    assert messages[1] == f"compte 4{NBSP}001 caractères; la limite est de 4{NBSP}000"
