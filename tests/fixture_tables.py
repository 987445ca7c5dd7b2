"""Small tables with known answers, built in code: what the unit tests and page tests filter and measure.

`TINY_GEOGRAPHY` knows six countries and one sea area, so tables load without the prepared
geometry; `engagements(...)` runs rows through the same validation and enrichment as the app,
with today's date fixed. `FIXTURE_ROWS` is the page tests' dataset (written to a CSV file that
the app reads through CANADA_ABROAD_CSV): every answer a page test asserts can be read off it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from canada_abroad.csv_reader import read_table
from canada_abroad.engagements import enrich
from canada_abroad.geography import Geography
from canada_abroad.validation import validate_table
from tests.conftest import csv_text, row

TODAY = date(2026, 6, 15)

TINY_GEOGRAPHY = Geography(
    countries=pd.DataFrame(
        {"name": ["Latvia", "Afghanistan", "Cyprus", "Haiti", "Ukraine", "Mali"],
         "region": ["Europe", "Asia", "Asia", "North America", "Europe", "Africa"],
         "name_fr": ["Lettonie", "Afghanistan", "Chypre", "Haïti", "Ukraine", "Mali"],
         "small": [False] * 6, "label_lat": [56.9, 34.0, 35.0, 19.0, 49.0, 17.0],
         "label_lon": [24.6, 66.0, 33.0, -72.0, 31.0, -4.0]},
        index=pd.Index(["LVA", "AFG", "CYP", "HTI", "UKR", "MLI"], name="iso3")),
    seas=pd.DataFrame({"region": ["North America"], "area_fr": ["mer des Caraïbes"], "lat": [15.0], "lon": [-75.0]},
                      index=pd.Index(["Caribbean Sea"], name="area")),
    countries_geojson={"type": "FeatureCollection", "features": []},
)


def engagements(*rows: dict, today: date = TODAY) -> pd.DataFrame:
    """Rows (dicts of CSV cells) validated and enriched as the app loads them; a rejected row fails the test."""
    result = validate_table(read_table(csv_text(list(rows)).encode("utf-8")), set(TINY_GEOGRAPHY.countries.index),
                            set(TINY_GEOGRAPHY.seas.index))
    assert result.errors == [], result.errors
    return enrich(result.frame, TINY_GEOGRAPHY, today)


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["id"])


# One row per case the filters must tell apart. Dates are relative to TODAY (2026-06-15).
FILTER_ROWS = (
    row(id="lva-efp", operation="Operation REASSURANCE", mission="NATO enhanced Forward Presence", organization="NATO",
        mission_type="deterrence", iso3="LVA", location="Adazi", start_date="2017-06", end_date="",
        description="Battle group in Latvia."),
    row(id="afg-athena", operation="Operation ATHENA", mission="ISAF", organization="NATO", mission_type="combat",
        iso3="AFG", location="Kabul", lat="34.5", lon="69.2", start_date="2003-07", end_date="2011-12",
        personnel="2000", personnel_basis="peak", description="Kabul."),
    row(id="cyp-snowgoose", operation="Operation SNOWGOOSE", mission="UNFICYP", organization="UN",
        mission_type="peace_operation", iso3="CYP", location="Nicosia", lat="35.2", lon="33.4",
        start_date="1964", end_date="2010", personnel="", personnel_basis="", description="Green line."),
    row(id="hti-hamlet", kind="commitment", operation="Operation HAMLET", mission="MINUSTAH", organization="UN",
        mission_type="peace_operation", iso3="HTI", location="Port-au-Prince", lat="18.5", lon="-72.3",
        start_date="2004", end_date="2017-10", personnel="", personnel_basis="", description="Police."),
    row(id="sea-caribbe", operation="Operation CARIBBE", mission="Campaign MARTILLO", organization="Multinational",
        mission_type="counter_narcotics", iso3="", area="Caribbean Sea", location="", lat="15", lon="-75",
        start_date="2006-11", end_date="", personnel="", personnel_basis="", description="Interdiction."),
    row(id="ukr-ends-today", operation="Operation UNIFIER", mission="Training Ukraine", organization="Bilateral",
        mission_type="training", iso3="UKR", location="Yavoriv", lat="49.9", lon="23.4", start_date="2015-09",
        end_date="2026-06-15", personnel="", personnel_basis="", description="Ends today."),
    row(id="ukr-ended-yesterday", operation="Operation UNIFIER", mission="Training Ukraine", organization="Bilateral",
        mission_type="training", iso3="UKR", location="Lviv", lat="49.8", lon="24.0", start_date="2015-09",
        end_date="2026-06-14", personnel="", personnel_basis="", description="Ended yesterday."),
    row(id="mli-this-month", operation="Operation PRESENCE", mission="MINUSMA", organization="UN",
        mission_type="peace_operation", iso3="MLI", location="Gao", lat="16.3", lon="-0.04", start_date="2018-06",
        end_date="2026-06", personnel="", personnel_basis="", description="Ends this month."),
    row(id="mli-last-month", operation="Operation NAMBUL", mission="MINUSMA", organization="UN",
        mission_type="peace_operation", iso3="MLI", location="Bamako", lat="12.6", lon="-8.0", start_date="2013",
        end_date="2026-05", personnel="", personnel_basis="", description="Ended last month."),
    row(id="lva-literal", operation="Operation C++ (a.b)", mission="Test of literal text", organization="Bilateral",
        mission_type="defence_cooperation", iso3="LVA", location="Riga", start_date="2024", end_date="2024",
        personnel="", personnel_basis="", description="Brackets [x] and a star *."),
    row(id="lva-axb", operation="Operation AXB", mission="Not a regular expression match", organization="Bilateral",
        mission_type="defence_cooperation", iso3="LVA", location="Riga", start_date="2025", end_date="2025",
        personnel="", personnel_basis="", description="axb and cxx."),
)

# The page tests' dataset: fourteen rows in real countries of the prepared geometry. The app reads it
# through CANADA_ABROAD_CSV (ui/cached.py), so AppTests and browser tests assert exact counts and names
# whatever happens to data/engagements.csv. Dates are far from today so that no answer depends on it.
PAGE_ROWS = (
    row(id="lva-efp-riga", operation="Operation REASSURANCE", mission="NATO enhanced Forward Presence",
        organization="NATO", mission_type="deterrence", iso3="LVA", location="Riga", lat="56.95", lon="24.1",
        start_date="2017-06", end_date="", personnel="700", personnel_basis="peak"),
    row(id="lva-efp-adazi", operation="Operation REASSURANCE", mission="NATO enhanced Forward Presence",
        organization="NATO", mission_type="deterrence", iso3="LVA", location="Adazi", lat="57.08", lon="24.32",
        start_date="2023", end_date="", personnel="2200", personnel_basis="authorized"),
    row(id="lva-brigade-money", kind="commitment", operation="Operation REASSURANCE",
        mission="NATO enhanced Forward Presence", organization="NATO", mission_type="deterrence", iso3="LVA",
        location="", lat="56.95", lon="24.1", start_date="2023-07", end_date="", personnel="",
        personnel_basis="", amount_cad="2600000000", amount_status="announced"),
    row(id="lva-kobold", operation="Operation KOBOLD", mission="Baltic training", organization="Bilateral",
        mission_type="training", iso3="LVA", location="Liepaja", lat="56.5", lon="21.0", start_date="2019",
        end_date="2020", personnel="", personnel_basis=""),
    row(id="irq-impact", operation="Operation IMPACT", mission="Global Coalition against Daesh",
        organization="Coalition", mission_type="combat", iso3="IRQ", location="Baghdad", lat="33.31", lon="44.37",
        start_date="2014-10", end_date="", personnel="850", personnel_basis="authorized"),
    row(id="kwt-impact", operation="Operation IMPACT", mission="Global Coalition against Daesh",
        organization="Coalition", mission_type="combat", iso3="KWT", location="Ali Al Salem", lat="29.35",
        lon="47.52", start_date="2014-10", end_date="2023-12", personnel="300", personnel_basis="peak"),
    row(id="cod-crocodile", operation="Operation CROCODILE", mission="MONUSCO", organization="UN",
        mission_type="peace_operation", iso3="COD", location="Goma", lat="-1.68", lon="29.22", start_date="2000",
        end_date="", personnel="9", personnel_basis="authorized"),
    row(id="civ-safari", operation="Operation SAFARI", mission="UNOCI", organization="UN",
        mission_type="peace_operation", iso3="CIV", location="Abidjan", lat="5.35", lon="-4.01",
        start_date="2004", end_date="2017", personnel="", personnel_basis=""),
    row(id="ukr-unifier", operation="Operation UNIFIER", mission="Training Ukraine", organization="Bilateral",
        mission_type="training", iso3="UKR", location="Yavoriv", lat="49.94", lon="23.39", start_date="2015-09",
        end_date="", personnel="200", personnel_basis="snapshot"),
    row(id="ukr-aid-2022", kind="commitment", operation="Military aid to Ukraine",
        mission="Ukraine Defence Contact Group", organization="Multinational", mission_type="military_assistance",
        iso3="UKR", location="Kyiv", lat="50.45", lon="30.52", start_date="2022-02", end_date="2022-12",
        personnel="", personnel_basis="", amount_cad="4000000000", amount_status="committed"),
    row(id="ukr-aid-2023", kind="commitment", operation="Military aid to Ukraine",
        mission="Ukraine Defence Contact Group", organization="Multinational", mission_type="military_assistance",
        iso3="UKR", location="Kyiv", lat="50.45", lon="30.52", start_date="2023", end_date="2023",
        personnel="", personnel_basis="", amount_cad="500000000", amount_status="delivered"),
    row(id="sea-caribbe", operation="Operation CARIBBE", mission="Campaign MARTILLO", organization="Multinational",
        mission_type="counter_narcotics", iso3="", area="Caribbean Sea", location="", lat="15", lon="-75",
        start_date="2006-11", end_date="", personnel="", personnel_basis=""),
    row(id="afg-athena", operation="Operation ATHENA", mission="ISAF", organization="NATO", mission_type="combat",
        iso3="AFG", location="Kabul", lat="34.53", lon="69.17", start_date="2003-07", end_date="2005-10",
        personnel="2000", personnel_basis="peak"),
    row(id="kor-korea", operation="Korean War", mission="UN Command", organization="UN", mission_type="combat",
        iso3="KOR", location="Busan", lat="35.18", lon="129.08", start_date="1950-07", end_date="1953-07",
        personnel="26791", personnel_basis="cumulative"),
)


# The French of the page rows, as the bundled data writes it: operations translated, the NATO mission and one
# description in French; other cells empty, so the French pages show their English (cell by cell, localized.py).
PAGE_FRENCH = {
    "Operation REASSURANCE": ("Opération REASSURANCE", "Présence avancée renforcée de l'OTAN"),
    "Operation IMPACT": ("Opération IMPACT", ""),
    "Operation KOBOLD": ("Opération KOBOLD", ""),
}


def _in_french(page_row: dict) -> dict:
    operation_fr, mission_fr = PAGE_FRENCH.get(page_row["operation"], ("", ""))
    described = page_row["id"] == "lva-efp-adazi"
    return {**page_row, "operation_fr": operation_fr, "mission_fr": mission_fr,
            "description_fr": "Groupement tactique en Lettonie." if described else "",
            "description": "Battle group in Latvia." if described else "", "source_url_fr": "", "source_title_fr": ""}


PAGE_ROWS = tuple(_in_french(page_row) for page_row in PAGE_ROWS)


def write_page_csv(path) -> str:
    """The page tests' dataset written to `path`; returns the path as text (for CANADA_ABROAD_CSV)."""
    path.write_text(csv_text(list(PAGE_ROWS)), encoding="utf-8")
    return str(path)
