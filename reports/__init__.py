"""Renderers from a scored result (the `ipready.result/1` dict) to downloads. No Streamlit here."""
