"""The floor page, for `make bench` only: the least any page on this stack (Streamlit, streamlit-folium) can cost.

The same Streamlit shell as the product (wide layout, a title) and one st_folium map of 60 tiny squares
written inline in the map's script: no data to load, no outlines to fetch, no filters, no sidebar. Leaflet
is its only script (folium's CDN address, answered locally by the benchmark as for the naive page). What
the product's first paint costs beyond this page's is what the app itself adds.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

LEAFLET = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist"
SQUARES = 60
SIDE = 2.0  # degrees

st.set_page_config(page_title="Floor page", layout="wide")
st.title("Floor page")

m = folium.Map(location=[25, 10], zoom_start=2, tiles=None)
m.default_js = [("leaflet", f"{LEAFLET}/leaflet.js")]
m.default_css = [("leaflet_css", f"{LEAFLET}/leaflet.css")]
squares = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"iso3": f"S{n:02d}", "name": f"Square {n}"},
     "geometry": {"type": "Polygon", "coordinates": [[
         [lon, lat], [lon + SIDE, lat], [lon + SIDE, lat + SIDE], [lon, lat + SIDE], [lon, lat]]]}}
    for n, (lon, lat) in enumerate((-150.0 + 25 * (i % 12), -40.0 + 20 * (i // 12)) for i in range(SQUARES))]}
folium.GeoJson(squares, style_function=lambda _f: {"fillColor": "#2c7fb8", "fillOpacity": 0.9, "color": "#ffffff",
                                                   "weight": 0.6}).add_to(m)
out = st_folium(m, height=540, use_container_width=True, returned_objects=["last_active_drawing"])

clicked = (out.get("last_active_drawing") or {}).get("properties") or {}
if clicked.get("iso3"):
    st.subheader(clicked["name"])
