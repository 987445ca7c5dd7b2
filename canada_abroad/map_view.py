"""Build the folium map: a stable base and the layers that change with filters.

The base map (Leaflet, country shapes, dots for small states) does not depend on
filters, so streamlit-folium keeps it mounted and the reader's zoom and position
survive reruns. Everything that does depend on filters - country colours,
tooltips with figures, the selection outline and the markers - travels as a
small feature group that streamlit-folium swaps in place.

Text from the data only ever reaches the browser as text: tooltips are set with
`textContent`, and marker labels are HTML-escaped before folium puts them into
its own HTML templates.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from canada_abroad import folium_render
from canada_abroad.assets import LEAFLET_URL, map_js_url, years_js_url
from canada_abroad.browser_geometry import encode_countries
from canada_abroad.geography import Geography
from canada_abroad.i18n import N_, _, current_language, format_number
from canada_abroad.localized import display_column
from canada_abroad.map_events import RETURNED_OBJECTS
from canada_abroad.measures import ColourClass, colour_for
from canada_abroad.palette import NO_DATA_COLOUR, SEA_COLOUR, SELECTED_COLOUR, mission_type_colour
from canada_abroad.text import labelled, period_end, ui_text

folium_render.install()  # data text in the map is never run as a template, and no run compiles it (see the module)

WORLD_CENTER = (25.0, 10.0)
WORLD_ZOOM = 2
# Fitted on load (fractional zoom) so that the Americas and East Asia are both in view whatever the
# map's width: a fixed zoom 2 cut off South Korea and the Pacific coast in the 520 px desktop column.
WORLD_BOUNDS = [[-45.0, -118.0], [72.0, 146.0]]

# More located rows than this are drawn as counts per grid cell (see marker_features).
MARKER_LIMIT = 1000
MARKER_COLUMNS = ["id", "operation", "operation_id", "mission", "mission_type", "iso3", "location", "place", "lat",
                  "lon", "start_date", "end_date", "start_year", "end_year"]


class _MapScript(MacroElement):
    """One call into static/js/map.js with the map and JSON arguments: the browser code lives there, not here."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.call }}({% if this.with_map %}{{ this._parent.get_name() }}, {% endif %}{{ this.arguments }});
        {% endmacro %}
    """)

    def __init__(self, name: str, call: str, *arguments: object, with_map: bool = True):
        super().__init__()
        self._name = name
        self.call = call
        self.with_map = with_map
        self.arguments = ", ".join(_script_json(argument) for argument in arguments)


class _RegisterLayer(MacroElement):
    """Expose a layer under a fixed global name so later scripts can restyle it."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.global_name }} = {{ this._parent.get_name() }};
        {% endmacro %}
    """)

    def __init__(self, global_name: str):
        super().__init__()
        self._name = "RegisterLayer"
        self.global_name = global_name


def country_shapes(url: str | None = None, inline: dict | None = None) -> MacroElement:
    """The countries layer, filled from the compact outlines (fetched from `url`, or `inline`) once they arrive."""
    if (url is None) == (inline is None):
        raise ValueError("give the outlines as a URL or inline, not both")
    return _MapScript("CountryShapes", "canadaAbroad.countryShapes",
                      {"url": url, "inline": inline, "noData": NO_DATA_COLOUR})


def instant_clicks() -> MacroElement:
    """Clicks reported to Streamlit at once, not after streamlit-folium's 250 ms debounce (see map.js)."""
    return _MapScript("InstantClicks", "canadaAbroad.instantClicks", RETURNED_OBJECTS)


def country_styler(styles: dict[str, dict], selected: list[str], fit: dict | None = None) -> MacroElement:
    """Colour the base map's countries and set their tooltips, in place, on every filter change.

    `fit` ({"bounds": [[s, w], [n, e]], "token": n}) moves the map there once per token (a search).
    """
    return _MapScript("CountryStyler", "canadaAbroad.styleCountries", styles, selected,
                      {"noData": NO_DATA_COLOUR, "selectedColour": SELECTED_COLOUR, "fit": fit}, with_map=False)


def accessible_frame(title: str, filters: str = "") -> MacroElement:
    """The frame titled for screen readers and zoomable on phones (see map.js, accessibleFrame)."""
    return _MapScript("AccessibleFrame", "canadaAbroad.accessibleFrame", {"title": title, "filters": filters})


def _script_json(value: object) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(value, ensure_ascii=True).replace("</", "<\\/")


def _use_local_assets(m: folium.Map, inline_assets: dict[str, str] | None) -> None:
    """Load only Leaflet and static/js/map.js, from the app itself (no CDN), or inline for a standalone file."""
    if inline_assets is None:
        m.default_js = [("leaflet", f"{LEAFLET_URL}/leaflet.js"), ("canada_abroad_map", map_js_url()),
                        ("canada_abroad_years", years_js_url())]
        m.default_css = [("leaflet_css", f"{LEAFLET_URL}/leaflet.css")]
    else:
        m.default_js = []
        m.default_css = []
        header = m.get_root().header
        header.add_child(folium.Element(f"<style>{inline_assets['css']}</style>"), name="leaflet_css")
        header.add_child(folium.Element(f"<script>{inline_assets['js']}</script>"), name="leaflet_js")
        header.add_child(folium.Element(f"<script>{inline_assets['map_js']}</script>"), name="canada_abroad_map")


def base_map(geography: Geography, *, geometry_url: str | None = None, tiles: bool = False,
             inline_assets: dict[str, str] | None = None) -> folium.Map:
    """The map that never changes with filters: Leaflet, countries and small-state dots.

    In the app the outlines are fetched from `geometry_url`; with `inline_assets`
    (the standalone file) Leaflet and the outlines are written into the page.
    """
    m = folium.Map(location=WORLD_CENTER, zoom_start=WORLD_ZOOM, min_zoom=1, max_zoom=8, tiles=None,
                   world_copy_jump=True, control_scale=False, prefer_canvas=False, zoom_snap=0.25)
    fit = folium.FitBounds(WORLD_BOUNDS)
    fit.options["animate"] = False  # straight to the fitted view, not a zoom animation from WORLD_ZOOM
    m.add_child(fit)
    _use_local_assets(m, inline_assets)
    m.get_root().header.add_child(folium.Element(
        f"<style>.leaflet-container{{background:{SEA_COLOUR}}}</style>"), name="sea_colour")
    if tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", opacity=0.5).add_to(m)
    m.add_child(accessible_frame(ui_text("map_frame_title"), ui_text("filters_toggle")))
    if inline_assets is None:
        m.add_child(country_shapes(url=geometry_url))
        m.add_child(instant_clicks())
    else:
        names = geography.countries["name_fr"].to_dict() if current_language() == "fr" else None
        m.add_child(country_shapes(inline=encode_countries(geography.countries_geojson, names)))
    small = geography.countries[geography.countries["small"]]
    dots = {
        "type": "FeatureCollection",
        "features": [  # columns zipped, not iterrows: a Series per row made this a tenth of a map run
            {"type": "Feature", "properties": {"iso3": iso3, "name": name},
             "geometry": {"type": "Point", "coordinates": [lon, lat]}}
            for iso3, name, lon, lat in zip(small.index, small["name_fr" if current_language() == "fr" else "name"],
                                            small["label_lon"], small["label_lat"])
        ],
    }
    small_states = folium.GeoJson(
        dots,
        name="small states",
        marker=folium.CircleMarker(radius=4, fill=True, fill_opacity=0.9, weight=1),
        style_function=lambda _feature: {"fillColor": NO_DATA_COLOUR, "color": "#666666", "weight": 1},
    )
    small_states.add_child(_RegisterLayer("window.canadaAbroadSmallStates"))
    small_states.add_to(m)
    return m


@dataclass(frozen=True)
class MapLayers:
    """The filter-dependent layers, ready for st_folium(feature_group_to_add=...)."""

    groups: list[folium.FeatureGroup]


def country_styles(values: pd.Series, classes: list[ColourClass], geography: Geography,
                   selected: set[str], describe: Callable[[float], str]) -> tuple[dict[str, dict], list[str]]:
    """Fill, tooltip and selection flag of countries with a value, and the selected codes.

    Countries without a value keep the no-data fill and their own name as tooltip
    (the base layer carries the names, so they are not resent on every change).
    """
    styles = {}
    for iso3, value in values.items():
        name = geography.country_name(str(iso3))
        styles[str(iso3)] = {"fill": colour_for(value, classes), "tip": labelled(name, describe(value)),
                             "selected": iso3 in selected}
    return styles, sorted(selected)


CELL_LABEL = N_("{rows} engagements of {operations} operations near here; filter or click for details")


def marker_features(rows: pd.DataFrame, highlighted_operation: str | None, limit: int = MARKER_LIMIT,
                    with_years: bool = False) -> dict:
    """One point per located row, or per grid cell when there are more than `limit`.

    Labels are escaped because folium inserts them as HTML. Beyond `limit`
    points the map would be unreadable and the payload large, so rows are
    counted per grid cell instead; a cell's point opens the country most of
    its rows are in.
    """
    # Only the columns markers read: selecting rows copies every column, and long text columns cost the most.
    has_place = rows["lat"].notna() & rows["lon"].notna()
    if has_place.sum() > limit:
        return _cell_features(rows.loc[has_place, ["lat", "lon", "operation_id", "iso3", "mission_type"]], limit)
    # The reader's language where the rows have it (display_ columns, see localized.py).
    shown = [column for column in map(display_column, ("operation", "mission", "place")) if column in rows.columns]
    located = rows.loc[has_place, MARKER_COLUMNS + shown]
    operation, mission, place = (located.get(display_column(name), located[name])
                                 for name in ("operation", "mission", "place"))
    where = located["location"].where(located["location"] != "", place)
    labels = (operation + " (" + mission + ") - " + where + ", " + located["start_date"] + "-"
              + located["end_date"].map(period_end))
    features = [
        {"type": "Feature",
         "properties": {"op": op, "id": row_id, "label": html.escape(text),
                        "colour": mission_type_colour(mission_type),
                        "highlight": op == highlighted_operation, **({"y0": int(y0), "y1": int(y1)} if with_years else {})},
         "geometry": {"type": "Point", "coordinates": [round(float(lon), 4), round(float(lat), 4)]}}
        for op, row_id, text, mission_type, lat, lon, y0, y1 in zip(
            located["operation_id"], located["id"], labels, located["mission_type"], located["lat"], located["lon"],
            located["start_year"], located["end_year"])
    ]
    return {"type": "FeatureCollection", "features": features}


def _cell_features(located: pd.DataFrame, limit: int) -> dict:
    """Count rows per grid cell, doubling the cell size until at most `limit` cells remain.

    Works on integer codes (cells, operations, countries, types): grouping strings is what
    made this slow at 100,000 rows.
    """
    lon, lat = located["lon"].to_numpy(), located["lat"].to_numpy()
    size = 1.0
    while True:
        cell_x, cell_y = np.floor(lon / size).astype(np.int64), np.floor(lat / size).astype(np.int64)
        cells, _uniques = pd.factorize((cell_x + 1000) * 10_000 + (cell_y + 1000))
        if cells.max(initial=-1) < limit:
            break
        size *= 2
    codes = pd.DataFrame({"cell": cells, "lat": lat, "lon": lon,
                          "operation": pd.factorize(located["operation_id"])[0]})
    summary = codes.groupby("cell").agg(lat=("lat", "mean"), lon=("lon", "mean"), rows=("lat", "size"),
                                        operations=("operation", "nunique"))
    summary["iso3"] = _most_common(cells, located["iso3"])
    summary["mission_type"] = _most_common(cells, located["mission_type"])
    features = [
        {"type": "Feature",
         "properties": {"iso3": cell.iso3, "cell": True,
                        "label": html.escape(_(CELL_LABEL).format(rows=format_number(cell.rows),
                                                                  operations=format_number(cell.operations))),
                        "colour": mission_type_colour(cell.mission_type), "highlight": False},
         "geometry": {"type": "Point", "coordinates": [round(float(cell.lon), 4), round(float(cell.lat), 4)]}}
        for cell in summary.itertuples(index=False)
    ]
    return {"type": "FeatureCollection", "features": features}


def _most_common(cells: np.ndarray, values: pd.Series) -> pd.Series:
    """Each cell's most frequent non-empty value (index: cell code; "" when a cell has none).

    Counts on a cells-by-values grid of integers (at most 1,000 cells by a few hundred values):
    grouping the strings themselves took 10 ms per column at 100,000 rows.
    """
    n_cells = int(cells.max(initial=-1)) + 1
    codes, uniques = pd.factorize(values)
    uniques = np.asarray(uniques, dtype=object)
    counts = np.bincount(cells * len(uniques) + codes, minlength=n_cells * len(uniques)).reshape(
        n_cells, len(uniques)) if len(uniques) else np.zeros((n_cells, 0), dtype=np.int64)
    counts[:, uniques == ""] = 0
    best = counts.argmax(axis=1) if len(uniques) else np.zeros(n_cells, dtype=np.int64)
    has_value = counts.max(axis=1, initial=0) > 0
    return pd.Series(np.where(has_value, uniques[best] if len(uniques) else "", ""), index=range(n_cells))


def choropleth_layer(styles: tuple[dict, dict], fit: dict | None = None) -> folium.FeatureGroup:
    """Country colours, tooltips and the selection, applied in place to the base map's countries."""
    choropleth = folium.FeatureGroup(name="choropleth", control=False)
    choropleth.add_child(country_styler(*styles, fit=fit))
    return choropleth


def marker_layer(markers: dict) -> folium.FeatureGroup:
    """The markers (marker_features), coloured by mission type, the highlighted operation's ringed."""
    marker_group = folium.FeatureGroup(name="deployment locations", control=False)
    if markers["features"]:
        folium.GeoJson(
            markers,
            name="markers",
            marker=folium.CircleMarker(radius=6, fill=True, fill_opacity=0.95, weight=1),
            style_function=lambda feature: {
                "fillColor": feature["properties"]["colour"],
                "color": SELECTED_COLOUR if feature["properties"]["highlight"] else "#ffffff",
                "weight": 3 if feature["properties"]["highlight"] else 1,
                "radius": 9 if feature["properties"]["highlight"] else 6,
            },
            tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        ).add_child(_MapScript("SpreadMarkers", "canadaAbroad.spreadMarkers")).add_child(
            _RegisterLayer("window.canadaAbroadMarkers")).add_to(marker_group)
    return marker_group


def years_layer(stepper: MacroElement) -> folium.FeatureGroup:
    """The year control; added last, so that the markers it shows and hides exist."""
    group = folium.FeatureGroup(name="years", control=False)
    group.add_child(stepper)
    return group


def dynamic_layers(styles: tuple[dict, dict], markers: dict, fit: dict | None = None,
                   stepper: MacroElement | None = None) -> MapLayers:
    """The feature groups streamlit-folium adds and replaces without remounting the map."""
    groups = [choropleth_layer(styles, fit), marker_layer(markers)]
    if stepper is not None:
        groups.append(years_layer(stepper))
    return MapLayers(groups)


@dataclass(frozen=True)
class YearSteps:
    """What the browser needs to step through years alone (see static/js/years.js)."""

    first: int
    last: int
    year: int | None  # the year the app shows; None in the range view
    codes: dict[str, str]  # per country, one class digit per year (years.class_codes)
    colours: list[str]  # no-data colour, then the classes' colours
    class_labels: list[str]  # the legend's words for each entry of `colours`
    marker_years: bool  # markers carry their years (y0, y1); False when they are counted per grid cell
    words: dict[str, str]
    step_ms: int = 250  # 4 years a second


def year_stepper(steps: YearSteps) -> MacroElement:
    """The in-map year control, updated on every run without remounting the map."""
    return _MapScript("YearStepper", "canadaAbroadYears.update", {
        "first": steps.first, "last": steps.last, "year": steps.year, "codes": steps.codes, "colours": steps.colours,
        "classLabels": steps.class_labels, "markerYears": steps.marker_years, "words": steps.words,
        "stepMs": steps.step_ms}, with_map=False)


def standalone_html(geography: Geography, layers: MapLayers, inline_assets: dict[str, str],
                    caption_html: str = "") -> str:
    """A self-contained HTML file of the current map (Leaflet inlined, no network needed).

    `caption_html` (title, legend and source line; map_picture.caption_html, already escaped) is laid
    over the map.
    """
    m = base_map(geography, inline_assets=inline_assets)
    for group in layers.groups:
        group.add_to(m)
    if caption_html:
        # Placed as it is: folium.Element would compile the text (a search for "{{ 6*7 }}") as Jinja.
        m.get_root().html.add_child(folium_render.RenderedText(caption_html), name="caption")
    return m.get_root().render()
