"""The map's streamlit-folium component, with what does not change between runs rendered once.

`st_folium` renders the whole base map (Leaflet set-up, the outline loader, the small-state dots) and
every feature group on every script run, and each feature group twice (once into the page, unused, once
as the script it sends). Here the base map's part of the message is rendered once per process for its
inputs, and each layer once per key (e.g. the markers once per dataset and filters), so a click, which
changes only the selection, renders only the small choropleth-styling layer.

What reaches the component is what `st_folium` would send for the same map and layers:
tests/test_map_component.py compares both, argument by argument, so a change in streamlit-folium (pinned in
requirements.txt) that breaks this shows there. It uses streamlit-folium's own helpers for every string.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

import branca
import folium
import folium.elements
import streamlit as st
import streamlit_folium
from streamlit_folium import _get_feature_group_string, _get_header, _get_html, _get_map_string, generate_js_hash

from ui import cached


@dataclass(frozen=True)
class BaseMapMessage:
    """The part of the component's arguments that the base map alone decides."""

    script: str
    header: str
    html: str
    map_id: str
    bounds: list
    zoom: object
    css_links: list[str]
    js_links: list[str]


def _links(m: folium.Map) -> tuple[list[str], list[str]]:
    """CSS and JS addresses every element of the map asks for, as st_folium collects them."""
    css: list[str] = []
    js: list[str] = []

    def walk(element):
        if isinstance(element, branca.colormap.ColorMap):  # st_folium adds d3 for colour maps
            js[:0] = ["https://d3js.org/d3.v4.min.js", "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"]
        if isinstance(element, (branca.colormap.ColorMap, folium.elements.JSCSSMixin)):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(m)
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def render_base(m: folium.Map) -> BaseMapMessage:
    """What st_folium sends for `m` itself (it renders and renames the map in place: use a fresh one)."""
    m.get_root().render()
    m.render()
    html, header = _get_html(m), _get_header(m)
    css, js = _links(m)  # before _get_map_string, as in st_folium (the walk is the same either way)
    script = _get_map_string(m)
    try:
        bounds = m.get_bounds()
    except AttributeError:
        bounds = [[None, None], [None, None]]
    return BaseMapMessage(script, header, html, streamlit_folium.get_full_id(m), bounds, m.options.get("zoom"),
                          css, js)


def render_layer(group: folium.FeatureGroup, index: int) -> str:
    """The script st_folium makes for the `index`-th feature group.

    On a throwaway map named as st_folium's base map is by then ("div"): the group's script names only its map.
    """
    scratch = folium.Map(tiles=None)
    scratch._id = "div"
    return _get_feature_group_string(group, map=scratch, idx=index)


@dataclass(frozen=True)
class Layer:
    """A feature group to add, built by `build` only when its `key` is new (None: built every run)."""

    build: Callable[[], folium.FeatureGroup]
    key: Hashable | None = None


def _bounds_dict(bounds: list) -> dict:
    (south, west), (north, east) = bounds
    return {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}}


def folium_map(base_key: Hashable, base: Callable[[], folium.Map], layers: Iterable[Layer], *, key: str,
               returned_objects: list[str], on_change: Callable[[], None] | None = None, height: int = 700):
    """st_folium(base(), key=key, feature_group_to_add=[layer.build() ...], returned_objects=...,
    on_change=..., height=height, use_container_width=True), with the base map rendered once per `base_key`
    (which must name everything the base map depends on) and each keyed layer once per key."""
    message = cached.base_map_message(base_key, base)
    scripts = [render_layer(layer.build(), index) if layer.key is None else cached.layer_script(layer.key, index,
                                                                                                 layer.build)
               for index, layer in enumerate(layers)]
    defaults = {"last_clicked": None, "last_object_clicked": None, "last_object_clicked_count": None,
                "last_object_clicked_tooltip": None, "last_object_clicked_popup": None, "all_drawings": None,
                "last_active_drawing": None, "bounds": _bounds_dict(message.bounds), "zoom": message.zoom,
                "last_circle_radius": None, "last_circle_polygon": None, "selected_layers": None,
                "selected_tags": None, "last_geocoder_result": None}
    hash_key = generate_js_hash(message.script, key, False)

    def changed() -> None:  # as st_folium: the value under the caller's key, then the caller's callback
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    return streamlit_folium._component_func(
        script=message.script, header=message.header, html=message.html, id=message.map_id, key=hash_key,
        height=height, width=None, returned_objects=returned_objects,
        default={name: value for name, value in defaults.items() if name in returned_objects},
        zoom=None, center=None, feature_group="".join(scripts), return_on_hover=False, layer_control=None,
        pixelated=False, css_links=message.css_links, js_links=message.js_links, on_change=changed,
        wrap_longitude=False)
