"""Data & sources: data dictionary, methodology, validation report, sources, and your own CSV.

Upload a CSV of the same schema to see it on every page for this session; the
same validator as `make validate` reports each rejected row. URL parameters:
the shared filters (they do not change this page).
"""

import pandas as pd
import streamlit as st

from canada_abroad.coverage import operations_by_start_decade, personnel_share, rows_by_region
from canada_abroad.licence import LICENCE_MARKDOWN
from canada_abroad.safe_text import markdown_text
from canada_abroad.schema import COLUMN_NAMES, data_dictionary_markdown
from ui import cached
from ui.page import csv_download, open_page
from ui.state import URL_READ_KEY

MAX_UPLOAD_BYTES = 5_000_000
MAX_UPLOAD_ROWS = 20_000

dataset = open_page().dataset
validation = dataset.validation

st.title("Data & sources")
using_upload = st.session_state.get(cached.UPLOAD_KEY) is not None
st.caption(f"Showing {'your uploaded file' if using_upload else 'the bundled dataset'} "
           f"({markdown_text(dataset.source_name)}): {len(dataset.frame)} rows, "
           f"{dataset.frame['operation_id'].nunique()} operations, {dataset.first_year}–{dataset.last_year}.")

st.header("Bring your own CSV")
st.write(f"Upload a file with the columns below (UTF-8 or Windows-1252; comma, semicolon or tab separated; "
         f"at most {MAX_UPLOAD_BYTES // 1_000_000} MB and {MAX_UPLOAD_ROWS:,} rows). Every page then uses it for this "
         "session only. Rows with problems are listed and left out; every other row is kept.")
upload = st.file_uploader("CSV file", type=["csv", "txt"], key="csv_upload")
buttons = st.columns(2)
if upload is not None and buttons[0].button("Use this file", type="primary"):
    data = upload.getvalue()
    st.session_state[cached.UPLOAD_KEY] = cached.uploaded_dataset(data, upload.name, MAX_UPLOAD_BYTES,
                                                                  MAX_UPLOAD_ROWS)
    st.session_state[URL_READ_KEY] = True
    st.rerun()
if using_upload and buttons[1].button("Back to the bundled dataset"):
    st.session_state[cached.UPLOAD_KEY] = None
    st.rerun()
csv_download("Download an empty template", pd.DataFrame(columns=list(COLUMN_NAMES)), "engagements-template.csv")

st.header("Validation report")
errors = validation.errors
if not validation.problems:
    st.success(f"All {validation.rows_read} rows passed every check.")
else:
    st.warning(f"{len(dataset.frame)} of {validation.rows_read} rows kept; {len(errors)} problems reject rows, "
               f"{len(validation.problems) - len(errors)} are warnings.")
    report = pd.DataFrame([problem.as_dict() for problem in validation.problems])
    st.dataframe(report, hide_index=True, width="stretch")
    csv_download("Download the validation report (CSV)", report, "validation-report.csv", columns=None)

st.header("Data dictionary")
st.markdown(data_dictionary_markdown())

st.header("Methodology")
st.markdown("""
- **One row per engagement per place:** an operation in four countries is four rows. Operations at sea name a sea
  area instead of a country and are drawn as markers only.
- **Every row is sourced:** `source_url` is a page that supports the row, `verified_on` the day it was last checked.
- **No guesses:** figures no source states are blank. Where sources disagree the official one is used and the
  description says so.
- **Personnel** says what kind of figure it is: *authorized* cap, *peak*, *snapshot* on a date, or *cumulative* over
  the mission. The map's personnel measure shows the largest at-one-time figure (peak, cap or snapshot) in a country;
  cumulative totals are shown in panels but not on the map, and figures are never added up.
- **Money** is in Canadian dollars with its stage: *announced*, *committed*, *allocated* or *delivered*. The map
  has one money measure per stage, each summing the amounts of that stage in a country; amounts of different
  stages are never added, because a committed package often holds money announced earlier.
- **Years of presence** counts calendar years with at least one active engagement, within the chosen year range.
- **Borders and names** follow Canada's official positions: Crimea is drawn as part of Ukraine, the Golan Heights as
  part of Syria, Western Sahara as a territory separate from Morocco, northern Cyprus with Cyprus, Somaliland with
  Somalia, and Kosovo as a country. Geometry: Natural Earth 1:50m (public domain).
- **Colour classes** are quantiles of the shown values with rounded bounds, in ColorBrewer's colour-blind-safe
  YlGnBu scheme; marker colours use the Okabe-Ito palette.
""")

st.header("Licence")
st.markdown(LICENCE_MARKDOWN)

st.header("Sources")
sources = (dataset.frame.groupby(["source_title", "source_url"])
           .agg(rows=("id", "size"), verified=("verified_on", "max")).reset_index()
           .sort_values("rows", ascending=False))
st.dataframe(sources, hide_index=True, width="stretch", column_config={
    "source_title": st.column_config.TextColumn("Title"),
    "source_url": st.column_config.LinkColumn("Address"),
    "rows": st.column_config.NumberColumn("Rows"),
    "verified": st.column_config.TextColumn("Last verified"),
})
csv_download("Download the whole dataset (CSV)", dataset.frame, "canada-abroad-engagements.csv")

st.header("Coverage")
frame = dataset.frame
st.write(f"Personnel is stated on {personnel_share(frame):.0%} of deployment rows. Operations are counted once, "
         "in the decade their first row starts.")
by_decade = operations_by_start_decade(frame)
by_decade["decade"] = [("before 1940" if decade == 0 else f"{decade}s") for decade in by_decade["decade"]]
coverage_columns = st.columns(2)
coverage_columns[0].dataframe(by_decade, hide_index=True, width="stretch", column_config={
    "decade": st.column_config.TextColumn("Decade of start"),
    "operations": st.column_config.NumberColumn("Operations"),
    "rows": st.column_config.NumberColumn("Rows"),
})
coverage_columns[1].dataframe(rows_by_region(frame), hide_index=True, width="stretch", column_config={
    "region": st.column_config.TextColumn("Region"),
    "rows": st.column_config.NumberColumn("Rows"),
    "operations": st.column_config.NumberColumn("Operations"),
})
