"""Every cached loader in one place. Cache data (and the map's rendered strings), never widgets or folium objects;
filter outside."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable
from pathlib import Path

import folium
import pandas as pd
import streamlit as st

from canada_abroad import search
from canada_abroad.assets import install_static_assets
from canada_abroad.engagements import ENGAGEMENTS_PATH, Dataset, load_engagements, load_engagements_bytes
from canada_abroad.geography import Geography, load_geography
from canada_abroad.i18n import current_language, using_language
from canada_abroad.localized import localized
from canada_abroad.map_picture import MapPicture
from canada_abroad.map_view import marker_features
from canada_abroad.measures import ColourClass, colour_classes, country_measure
from canada_abroad.release import RELEASE_PATH, Release, load_release
from canada_abroad.years import fixed_classes, footprint_by_year, measure_by_year

UPLOAD_KEY = "uploaded_dataset"
# Another bundled file for the whole server, e.g. the benchmark's 100,000 synthetic rows.
DATA_PATH_ENV = "CANADA_ABROAD_CSV"


@st.cache_resource(show_spinner=False)
def geometry_url(language: str = "en") -> str:
    """Leaflet and the compact outlines (country names in `language`) written to static/ once per server
    process and language; the outlines' URL."""
    return install_static_assets(geography(), language=language)


@st.cache_resource(show_spinner=False)
def country_bounds() -> dict[str, list[list[float]]]:
    """Each country's outline bounds, for moving the map to a search result; once per process, read-only."""
    return search.country_bounds(geography().countries_geojson)


@st.cache_resource(show_spinner=False)
def geography() -> Geography:
    """Parsed once per server process and shared read-only by all sessions."""
    return load_geography()


@st.cache_resource(show_spinner=False)
def bundled_dataset(path: str, mtime_key: float) -> Dataset:
    """The bundled CSV; `mtime_key` makes an edited file reload without a restart."""
    return load_engagements(geography(), Path(path))


@st.cache_data(show_spinner=False, max_entries=32)
def _uploaded(digest: str, _data: bytes, name: str, max_bytes: int, max_rows: int) -> Dataset:
    """Keyed by the file's sha256; the leading underscore stops Streamlit hashing 5 MB again."""
    return load_engagements_bytes(_data, geography(), name, max_bytes=max_bytes, max_rows=max_rows)


def uploaded_dataset(data: bytes, name: str, max_bytes: int, max_rows: int) -> Dataset:
    return _uploaded(hashlib.sha256(data).hexdigest(), data, name, max_bytes, max_rows)


def current_dataset() -> Dataset:
    """The reader's uploaded file for this session if any, else the bundled file."""
    uploaded = st.session_state.get(UPLOAD_KEY)
    if uploaded is not None:
        return uploaded
    path = Path(os.environ.get(DATA_PATH_ENV) or ENGAGEMENTS_PATH)
    return bundled_dataset(str(path), path.stat().st_mtime)


@st.cache_resource(show_spinner=False)
def _release(path: str, mtime_key: float) -> Release:
    return load_release(Path(path))


def data_release() -> Release:
    """data/release.toml, read again only when the file changes."""
    return _release(str(RELEASE_PATH), RELEASE_PATH.stat().st_mtime)


@st.cache_resource(show_spinner=False)
def print_world():
    """The outlines projected for the image download (a GeoDataFrame), once per process, read-only afterwards.

    geopandas and matplotlib are imported here, on the first image asked for, not when the app starts.
    """
    from canada_abroad.map_image import projected_world

    return projected_world(geography().countries_geojson)


@st.cache_data(show_spinner=False, max_entries=32)
def map_image(picture: MapPicture, fmt: str) -> bytes:
    """The map image of one view (the picture holds everything drawn, so it is the key); made on click only."""
    from canada_abroad.map_image import render_map

    return render_map(print_world(), picture, fmt)


@st.cache_data(show_spinner=False, max_entries=64)
def _years_of_measure(dataset_key: str, filters_key: str, measure: str, first: int, last: int,
                      _rows: pd.DataFrame) -> tuple[pd.DataFrame, list[ColourClass]]:
    by_year = measure_by_year(_rows, measure, range(first, last + 1))
    return by_year, fixed_classes(by_year)


def years_of_measure(dataset: Dataset, filters_key: str, measure: str, years: range,
                     rows: pd.DataFrame) -> tuple[pd.DataFrame, list[ColourClass]]:
    """Every year's measure for `rows` (the dataset under filters without a single year) and its one scale.

    Keyed by the dataset's identity and the filters' repr: stepping through years reruns the page with
    the same filters, and at 100,000 rows this takes a few hundred ms the first time.
    """
    return _years_of_measure(_dataset_key(dataset), filters_key, measure, years.start, years.stop - 1, rows)


@st.cache_resource(show_spinner=False, max_entries=8)
def _display_frame(dataset_key: str, language: str, _frame: pd.DataFrame) -> pd.DataFrame:
    return localized(_frame, language)


def display_frame(dataset: Dataset, language: str) -> pd.DataFrame:
    """The dataset's frame with `display_*` columns in `language` (localized.localized), made once per dataset and
    language and shared read-only (cache_resource: no copy per run, unlike cache_data)."""
    return _display_frame(_dataset_key(dataset), language, dataset.frame)


def _dataset_key(dataset: Dataset) -> str:
    """Which loaded dataset (the bundled file and uploads are each loaded once and kept, see above)."""
    return f"{dataset.source_name}:{id(dataset)}:{len(dataset.frame)}"


@st.cache_data(show_spinner=False, max_entries=32)
def _footprint(dataset_key: str, filters_key: str, first: int, last: int,
               _rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    return footprint_by_year(_rows, range(first, last + 1))


def footprint(dataset: Dataset, filters_key: str, years: range, rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Canada's footprint per year for `rows` (years.footprint_by_year), keyed like years_of_measure."""
    return _footprint(_dataset_key(dataset), filters_key, years.start, years.stop - 1, rows)


# What the Map page draws for one view's filters, computed once and reused while only the selection changes
# (a click on a country reruns the page with the same filters). Keyed like years_of_measure: the dataset's
# identity and the filters' repr; the rows themselves (those filters applied to that dataset) are not hashed.

@st.cache_data(show_spinner=False, max_entries=64)
def _view_measure(dataset_key: str, filters_key: str, measure: str, year_from: int | None, year_to: int | None,
                  _rows: pd.DataFrame) -> tuple[pd.Series, list[ColourClass]]:
    values = country_measure(_rows, measure, year_from, year_to)
    return values, colour_classes(values)


def view_measure(dataset: Dataset, filters_key: str, measure: str, year_from: int | None, year_to: int | None,
                 rows: pd.DataFrame) -> tuple[pd.Series, list[ColourClass]]:
    """The map's value per country for `rows` (the dataset under the filters `filters_key` names) and its classes."""
    return _view_measure(_dataset_key(dataset), filters_key, measure, year_from, year_to, rows)


@st.cache_data(show_spinner=False, max_entries=64)
def _markers(dataset_key: str, filters_key: str, operation: str | None, with_years: bool, language: str,
             _rows: pd.DataFrame) -> dict:
    with using_language(language):  # labels name operations and "ongoing" in the reader's language
        return marker_features(_rows, operation, with_years=with_years)


def markers(dataset: Dataset, filters_key: str, operation: str | None, rows: pd.DataFrame,
            with_years: bool = False) -> dict:
    """The map's markers (map_view.marker_features) for `rows`, named by dataset, filters and language."""
    return _markers(_dataset_key(dataset), filters_key, operation, with_years, current_language(), rows)


@st.cache_data(show_spinner=False, max_entries=32)
def _search_choices(dataset_key: str, language: str, _frame: pd.DataFrame) -> dict[str, str]:
    with using_language(language):  # country names in the reader's language
        return search.search_choices(_frame, geography())


def search_choices(dataset: Dataset, language: str) -> dict[str, str]:
    """What the search box offers: every country and operation of the dataset (not of the filters), named in
    `language` (operations from the display_ columns)."""
    return _search_choices(_dataset_key(dataset), language, display_frame(dataset, language))


# The map component's unchanging parts (ui/map_component.py): strings, shared read-only by every session.

@st.cache_resource(show_spinner=False, max_entries=16)
def _base_map_message(key: Hashable, _build: Callable[[], folium.Map]):
    from ui.map_component import render_base

    return render_base(_build())


def base_map_message(key: Hashable, build: Callable[[], folium.Map]):
    """What the map component is sent for the base map `build()` makes; `key` names everything it depends on."""
    return _base_map_message(key, build)


@st.cache_resource(show_spinner=False, max_entries=256)
def _layer_script(key: Hashable, index: int, _build: Callable[[], folium.FeatureGroup]) -> str:
    from ui.map_component import render_layer

    return render_layer(_build(), index)


def layer_script(key: Hashable, index: int, build: Callable[[], folium.FeatureGroup]) -> str:
    """The script of the `index`-th layer `build()` makes (e.g. the markers), once per `key` (its inputs)."""
    return _layer_script(key, index, build)


def dataset_key(dataset: Dataset) -> str:
    """Names a loaded dataset in other cache keys (see _dataset_key)."""
    return _dataset_key(dataset)


@st.cache_resource(show_spinner=False, max_entries=64)
def _once_per_dataset(name: str, dataset_key: str, _make: Callable[[], object]) -> object:
    return _make()


def once_per_dataset(name: str, dataset: Dataset, make: Callable[[], object]) -> object:
    """`make()` once per loaded dataset and `name`, shared read-only (e.g. the values a link may use)."""
    return _once_per_dataset(name, _dataset_key(dataset), make)
