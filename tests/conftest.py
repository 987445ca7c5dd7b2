"""Shared fixtures: the prepared geometry, the bundled dataset and tiny CSV builders."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright import sync_api as playwright_sync

from canada_abroad.engagements import load_engagements
from canada_abroad.geography import load_geography
from canada_abroad.schema import COLUMN_NAMES
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop
from ui.cached import DATA_PATH_ENV

GOOD_ROW = {
    "id": "op-test-lva", "kind": "deployment", "operation": "Operation TEST", "mission": "Test mission",
    "organization": "NATO", "mission_type": "deterrence", "iso3": "LVA", "area": "", "location": "Riga",
    "lat": "56.95", "lon": "24.1", "start_date": "2017-06", "end_date": "", "personnel": "100",
    "personnel_basis": "peak", "amount_cad": "", "amount_status": "", "description": "A test row.",
    "source_url": "https://www.canada.ca/en/department-national-defence.html", "source_title": "DND",
    "verified_on": "2026-11-21",
    "operation_fr": "Opération TEST", "mission_fr": "Mission d'essai", "description_fr": "Une ligne d'essai.",
    "source_url_fr": "https://www.canada.ca/fr/ministere-defense-nationale.html", "source_title_fr": "MDN",
}


@pytest.fixture(scope="session")
def geography():
    return load_geography()


@pytest.fixture(scope="session")
def dataset(geography):
    return load_engagements(geography)


def csv_text(rows: list[dict], columns=COLUMN_NAMES, delimiter: str = ",") -> str:
    """A CSV file's text from row dicts (missing keys become empty cells)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return out.getvalue()


def row(**changes) -> dict:
    return {**GOOD_ROW, **changes}


@pytest.fixture(scope="session")
def page_csv(tmp_path_factory) -> str:
    """The page tests' dataset (tests/fixture_tables.PAGE_ROWS) as a CSV file, for CANADA_ABROAD_CSV."""
    from tests.fixture_tables import write_page_csv  # imports this module: not at the top

    return write_page_csv(tmp_path_factory.mktemp("pages") / "pages.csv")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium for one test module (modules that drive their own playwright keep theirs apart)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium`")
    with playwright_sync.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def app_url(page_csv):
    """The app on the fixture dataset (tests/fixture_tables.PAGE_ROWS), one server per test module."""
    url, process = start_streamlit("app.py", env={DATA_PATH_ENV: page_csv}, start_timeout=90)
    yield url
    stop(process)


@pytest.fixture(scope="module")
def bundled_app_url():
    """The app on the bundled data/engagements.csv, for tests about what readers of the real record meet."""
    url, process = start_streamlit("app.py", start_timeout=90)
    yield url
    stop(process)
