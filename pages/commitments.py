"""commitments placeholder."""
import streamlit as st

st.title("commitments")
