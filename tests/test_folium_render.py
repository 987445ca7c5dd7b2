"""Text from data inside the map is never run as a Jinja template (canada_abroad.folium_render)."""

from __future__ import annotations

import streamlit_folium

from canada_abroad.assets import inline_leaflet
from canada_abroad.map_view import base_map, dynamic_layers, standalone_html

TEMPLATE_TEXT = "Op {{ 6*7 }} {{ cycler.__init__.__globals__.os.getpid() }} {% if x %}"


def markers_labelled(label: str) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"op": "x", "id": "x", "label": label, "colour": "#000000",
                                           "highlight": False},
         "geometry": {"type": "Point", "coordinates": [10.0, 20.0]}}]}


def test_template_syntax_in_a_label_reaches_the_downloaded_map_as_text(geography):
    html = standalone_html(geography, dynamic_layers(({}, []), markers_labelled(TEMPLATE_TEXT)), inline_leaflet())
    assert TEMPLATE_TEXT in html
    assert "Op 42" not in html


def test_template_syntax_in_a_label_reaches_the_live_map_as_text(geography):
    m = base_map(geography, geometry_url="/app/static/geo/countries.test.json")
    m.get_root().render()
    m.render()
    layers = dynamic_layers(({}, []), markers_labelled(TEMPLATE_TEXT))
    script = "".join(streamlit_folium._get_feature_group_string(group, m, i) for i, group in enumerate(layers.groups))
    assert TEMPLATE_TEXT in script
