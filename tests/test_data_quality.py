"""Invariants of the bundled dataset: coverage, sourcing, places, vocabularies."""

from __future__ import annotations

import pytest

from canada_abroad.quality import points_outside_their_country


def test_bundled_file_has_no_rejected_rows(dataset):
    assert dataset.validation.errors == []


def test_size_and_breadth(dataset):
    """At least 150 rows and 60 operations."""
    assert len(dataset.frame) >= 150
    assert dataset.frame["operation_id"].nunique() >= 60


@pytest.mark.parametrize("decade", range(1950, 2030, 10))
def test_every_decade_since_1950_has_active_engagements(dataset, decade):
    frame = dataset.frame
    active = frame[(frame["start_year"] <= decade + 9) & (frame["end_year"] >= decade)]
    assert active["operation_id"].nunique() >= 5


def test_every_region_is_covered(dataset, geography):
    regions = set(dataset.frame["region"])
    assert set(geography.regions) - {"Antarctica"} <= regions


@pytest.mark.parametrize("iso3", [
    "AFG", "IRQ", "SYR", "JOR", "LBN", "KWT", "SDN", "SSD", "COD", "HTI", "MEX", "USA", "UKR", "LVA", "KOR",
    "BIH", "XKX", "TLS", "ETH", "ERI", "CYP", "EGY", "GBR", "POL", "ROU", "JPN", "CHL", "GRL",
])
def test_countries_the_seed_documents_name_are_present(dataset, iso3):
    assert iso3 in set(dataset.frame["iso3"])


@pytest.mark.parametrize("area", ["Caribbean Sea", "Eastern Pacific Ocean", "Arabian Sea", "East China Sea",
                                  "Mediterranean Sea", "Baltic Sea", "North Atlantic Ocean"])
def test_operations_at_sea_the_seeds_name_are_present(dataset, area):
    assert area in set(dataset.frame["area"])


def test_every_row_is_sourced_and_dated(dataset):
    frame = dataset.frame
    assert frame["source_url"].str.match(r"^https?://").all()
    assert frame["source_title"].str.len().gt(0).all()
    assert frame["verified_on"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()


def test_figures_say_what_kind_they_are(dataset):
    frame = dataset.frame
    assert (frame["personnel"].isna() | frame["personnel_basis"].ne("")).all()
    assert (frame["amount_cad"].isna() | frame["amount_status"].ne("")).all()


def test_places_lie_inside_or_next_to_their_country(dataset, geography):
    """lat/lon falls in the row's country (0.5 degree allowance for coasts and simplified borders)."""
    outside = points_outside_their_country(dataset.frame, geography)
    assert outside.empty, outside[["id", "iso3", "lat", "lon"]].to_string()


def test_ids_are_unique(dataset):
    assert dataset.frame["id"].is_unique
