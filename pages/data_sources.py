"""data_sources placeholder."""
import streamlit as st

st.title("data_sources")
