"""Canada abroad: the frame and router. Pages live in pages/; domain code in canada_abroad/."""

import streamlit as st

from canada_abroad.assets import install_leaflet
from ui import cached
from ui.sidebar import render_filters, render_share_box
from ui.state import link_options, read_url_once, sync_url

st.set_page_config(page_title="Canada abroad: deployments and commitments", layout="wide")
install_leaflet()

PAGES = [
    st.Page("pages/map.py", title="Map", icon=":material/public:", url_path="map", default=True),
    st.Page("pages/operations.py", title="Operations", icon=":material/table_view:", url_path="operations"),
    st.Page("pages/commitments.py", title="Commitments", icon=":material/payments:", url_path="commitments"),
    st.Page("pages/country.py", title="Country", icon=":material/flag:", url_path="country"),
    st.Page("pages/data_sources.py", title="Data & sources", icon=":material/menu_book:", url_path="data"),
]
page = st.navigation(PAGES)

geography = cached.geography()
dataset = cached.current_dataset()
read_url_once(link_options(dataset, geography))
render_filters(dataset, geography)
page.run()
render_share_box()
sync_url()
