"""The naive reference: the same map built the straightforward way, for `make bench` only.

Full-detail 1:50m GeoJSON read and put into folium.GeoJson on every run,
folium's default page (CDN scripts), st_folium with its defaults (every
returned object), a new map for every filter change. The CSV is the same as
the product's and so is the search box, so both pages answer the same
questions and the benchmark compares like with like.
"""

import os

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from bench.naive_geometry import NAIVE_GEOMETRY

st.set_page_config(page_title="Naive reference", layout="wide")
CSV = os.environ.get("CANADA_ABROAD_CSV") or "data/engagements.csv"

world = gpd.read_file(NAIVE_GEOMETRY)
engagements = pd.read_csv(CSV, dtype=str, keep_default_na=False)

query = st.sidebar.text_input("Search", placeholder="operation, mission, place…")
rows = engagements
if query:
    rows = engagements[engagements.apply(lambda r: query.lower() in " ".join(r).lower(), axis=1)]
counts = rows[rows["iso3"] != ""].groupby("iso3")["operation"].nunique().reset_index()

st.title("Naive reference map")
m = folium.Map(location=[25, 10], zoom_start=2)
shades = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
by_country = dict(zip(counts["iso3"], counts["operation"]))
top = max(by_country.values(), default=1)
folium.GeoJson(
    world,
    style_function=lambda f: {"fillColor": shades[min(4, 5 * by_country[f["properties"]["iso3"]] // (top + 1))]
                              if f["properties"]["iso3"] in by_country else "#e6e6e6",
                              "fillOpacity": 0.9, "color": "#ffffff", "weight": 0.6},
    tooltip=folium.GeoJsonTooltip(fields=["name"]),
).add_to(m)
for r in rows.itertuples():
    if r.lat and r.lon:
        folium.CircleMarker([float(r.lat), float(r.lon)], radius=5, tooltip=f"{r.operation} ({r.mission})").add_to(m)
out = st_folium(m, width=900, height=540)

clicked = (out.get("last_active_drawing") or {}).get("properties") or {}
if clicked.get("iso3"):
    st.header(clicked.get("name", clicked["iso3"]))
    st.dataframe(engagements[engagements["iso3"] == clicked["iso3"]])
