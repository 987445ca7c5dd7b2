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
from dataclasses import dataclass

import folium
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from canada_abroad.assets import LEAFLET_URL
from canada_abroad.geography import Geography
from canada_abroad.measures import NO_DATA_COLOUR, ColourClass, colour_for

WORLD_CENTER = (25.0, 10.0)
WORLD_ZOOM = 2

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
MISSION_TYPE_COLOURS = {
    "peace_operation": "#0072B2",
    "combat": "#D55E00",
    "deterrence": "#CC79A7",
    "training": "#009E73",
    "maritime_security": "#56B4E9",
    "counter_narcotics": "#E69F00",
    "sanctions_monitoring": "#000000",
    "humanitarian": "#F0E442",
    "defence_cooperation": "#999999",
    "continental_defence": "#7F3C8D",
    "military_assistance": "#882255",
}

COUNTRY_LAYER_JS = "window.canadaAbroadCountries"
SMALL_STATES_LAYER_JS = "window.canadaAbroadSmallStates"


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


class CountryStyler(MacroElement):
    """Colour the base map's countries and set their tooltips, in place."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var styles = {{ this.styles_json }};
            var selected = {{ this.selected_json }};
            function restyle(layer) {
                if (!layer) { return; }
                layer.eachLayer(function (shape) {
                    var code = shape.feature.properties.iso3;
                    var style = styles[code] || {fill: "{{ this.no_data }}", tip: shape.feature.properties.name,
                                                 selected: selected.indexOf(code) >= 0};
                    shape.setStyle({
                        fillColor: style.fill, fillOpacity: 0.9,
                        color: style.selected ? "#b2182b" : "#ffffff",
                        weight: style.selected ? 2.5 : 0.6
                    });
                    if (style.selected && shape.bringToFront) { shape.bringToFront(); }
                    var tip = document.createElement("span");
                    tip.textContent = style.tip;
                    shape.unbindTooltip();
                    shape.bindTooltip(tip, {sticky: true});
                });
            }
            restyle({{ this.country_layer }});
            restyle({{ this.small_layer }});
        })();
        {% endmacro %}
    """)

    def __init__(self, styles: dict[str, dict], selected: list[str]):
        super().__init__()
        self._name = "CountryStyler"
        self.styles_json = _script_json(styles)
        self.selected_json = _script_json(selected)
        self.no_data = NO_DATA_COLOUR
        self.country_layer = COUNTRY_LAYER_JS
        self.small_layer = SMALL_STATES_LAYER_JS


def _script_json(value: object) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(value, ensure_ascii=True).replace("</", "<\\/")


def _use_local_assets(m: folium.Map, inline_assets: dict[str, str] | None) -> None:
    """Load only Leaflet, from the app itself (no CDN), or inline for a standalone file."""
    if inline_assets is None:
        m.default_js = [("leaflet", f"{LEAFLET_URL}/leaflet.js")]
        m.default_css = [("leaflet_css", f"{LEAFLET_URL}/leaflet.css")]
    else:
        m.default_js = []
        m.default_css = []
        m.get_root().header.add_child(folium.Element(f"<style>{inline_assets['css']}</style>"), name="leaflet_css")
        m.get_root().header.add_child(folium.Element(f"<script>{inline_assets['js']}</script>"), name="leaflet_js")


def base_map(geography: Geography, *, tiles: bool = False, inline_assets: dict[str, str] | None = None) -> folium.Map:
    """The map that never changes with filters: Leaflet, countries and small-state dots."""
    m = folium.Map(location=WORLD_CENTER, zoom_start=WORLD_ZOOM, min_zoom=1, max_zoom=8, tiles=None,
                   world_copy_jump=True, control_scale=False, prefer_canvas=False)
    _use_local_assets(m, inline_assets)
    # Sea in pale blue so unshaded (no engagement) countries read as land.
    m.get_root().header.add_child(folium.Element(
        "<style>.leaflet-container{background:#dbe8f1}</style>"), name="sea_colour")
    if tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", opacity=0.5).add_to(m)
    countries = folium.GeoJson(
        geography.countries_geojson,
        name="countries",
        style_function=lambda _feature: {"fillColor": NO_DATA_COLOUR, "fillOpacity": 0.9, "color": "#ffffff",
                                         "weight": 0.6},
        highlight_function=lambda _feature: {"weight": 2, "color": "#333333"},
        smooth_factor=1.0,
    )
    countries.add_child(_RegisterLayer(COUNTRY_LAYER_JS))
    countries.add_to(m)
    small = geography.countries[geography.countries["small"]]
    dots = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"iso3": iso3, "name": row["name"]},
             "geometry": {"type": "Point", "coordinates": [row["label_lon"], row["label_lat"]]}}
            for iso3, row in small.iterrows()
        ],
    }
    small_states = folium.GeoJson(
        dots,
        name="small states",
        marker=folium.CircleMarker(radius=4, fill=True, fill_opacity=0.9, weight=1),
        style_function=lambda _feature: {"fillColor": NO_DATA_COLOUR, "color": "#666666", "weight": 1},
    )
    small_states.add_child(_RegisterLayer(SMALL_STATES_LAYER_JS))
    small_states.add_to(m)
    return m


@dataclass(frozen=True)
class MapLayers:
    """The filter-dependent layers, ready for st_folium(feature_group_to_add=...)."""

    groups: list[folium.FeatureGroup]


def country_styles(values: pd.Series, classes: list[ColourClass], geography: Geography, label: str,
                   selected: set[str], format_value) -> tuple[dict[str, dict], list[str]]:
    """Fill, tooltip and selection flag of countries with a value, and the selected codes.

    Countries without a value keep the no-data fill and their own name as tooltip
    (the base layer carries the names, so they are not resent on every change).
    """
    styles = {}
    for iso3, value in values.items():
        name = geography.country_name(str(iso3))
        styles[str(iso3)] = {"fill": colour_for(value, classes), "tip": f"{name}: {format_value(value)} {label}",
                             "selected": iso3 in selected}
    return styles, sorted(selected)


def marker_features(rows: pd.DataFrame, highlighted_operation: str | None) -> dict:
    """One point per location; labels escaped because folium inserts them as HTML."""
    features = []
    for row in rows.itertuples(index=False):
        if pd.isna(row.lat) or pd.isna(row.lon):
            continue
        where = row.location or row.place
        label = f"{row.operation} ({row.mission}) - {where}, {row.start_date}-{row.end_date or 'ongoing'}"
        features.append({
            "type": "Feature",
            "properties": {
                "op": row.operation_id,
                "id": row.id,
                "label": html.escape(label),
                "colour": MISSION_TYPE_COLOURS.get(row.mission_type, "#444444"),
                "highlight": row.operation_id == highlighted_operation,
            },
            "geometry": {"type": "Point", "coordinates": [round(float(row.lon), 4), round(float(row.lat), 4)]},
        })
    return {"type": "FeatureCollection", "features": features}


def dynamic_layers(styles: tuple[dict, dict], markers: dict) -> MapLayers:
    """The feature groups streamlit-folium adds and replaces without remounting the map."""
    choropleth = folium.FeatureGroup(name="choropleth", control=False)
    choropleth.add_child(CountryStyler(*styles))
    marker_group = folium.FeatureGroup(name="deployment locations", control=False)
    if markers["features"]:
        folium.GeoJson(
            markers,
            name="markers",
            marker=folium.CircleMarker(radius=6, fill=True, fill_opacity=0.95, weight=1),
            style_function=lambda feature: {
                "fillColor": feature["properties"]["colour"],
                "color": "#b2182b" if feature["properties"]["highlight"] else "#ffffff",
                "weight": 3 if feature["properties"]["highlight"] else 1,
                "radius": 9 if feature["properties"]["highlight"] else 6,
            },
            tooltip=folium.GeoJsonTooltip(fields=["label"], labels=False),
        ).add_to(marker_group)
    return MapLayers([choropleth, marker_group])


def standalone_html(geography: Geography, layers: MapLayers, inline_assets: dict[str, str]) -> str:
    """A self-contained HTML file of the current map (Leaflet inlined, no network needed)."""
    m = base_map(geography, inline_assets=inline_assets)
    for group in layers.groups:
        group.add_to(m)
    return m.get_root().render()
