"""country placeholder."""
import streamlit as st

st.title("country")
