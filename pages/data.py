"""Data & sources: data dictionary, methodology, validation report, sources, and your own CSV.

Upload a CSV of the same schema to see it on every page for this session; the
same validator as `make validate` reports each rejected row. URL parameters:
the shared filters (they do not change this page).
"""

import pandas as pd
import streamlit as st
from babel.numbers import format_percent

from canada_abroad.coverage import FIRST_DECADE, operations_by_start_decade, personnel_share, rows_by_region
from canada_abroad.i18n import LOCALES, N_, _, current_language, format_number, ngettext
from canada_abroad.licence import licence_markdown
from canada_abroad.localized import localized, untranslated_descriptions
from canada_abroad.safe_text import markdown_text
from canada_abroad.schema import COLUMN_NAMES, data_dictionary_markdown
from canada_abroad.text import count, format_partial_date, label
from ui import cached
from ui.page import csv_download, open_page
from ui.state import URL_READ_KEY

MAX_UPLOAD_BYTES = 5_000_000
MAX_UPLOAD_ROWS = 20_000

# One message per point, so a translator works on a paragraph at a time.
METHODOLOGY = (
    N_("**One row per engagement per place:** an operation in four countries is four rows. Operations at sea name a "
       "sea area instead of a country and are drawn as markers only."),
    N_("**Every row is sourced:** `source_url` is a page that supports the row, `verified_on` the day it was last "
       "checked."),
    N_("**No guesses:** figures no source states are blank. Where sources disagree the official one is used and the "
       "description says so."),
    N_("**Personnel** says what kind of figure it is: *authorized* cap, *peak*, *snapshot* on a date, or *cumulative* "
       "over the mission. The map's personnel measure shows the largest at-one-time figure (peak, cap or snapshot) in "
       "a country; cumulative totals are shown in panels but not on the map, and figures are never added up."),
    N_("**Money** is in Canadian dollars with its stage: *announced*, *committed*, *allocated* or *delivered*. The "
       "map has one money measure per stage, each summing the amounts of that stage in a country; amounts of "
       "different stages are never added, because a committed package often holds money announced earlier."),
    N_("**Years of presence** counts calendar years with at least one active engagement, within the chosen year "
       "range."),
    N_("**Borders and names** follow Canada's official positions: Crimea is drawn as part of Ukraine, the Golan "
       "Heights as part of Syria, Western Sahara as a territory separate from Morocco, northern Cyprus with Cyprus, "
       "Somaliland with Somalia, and Kosovo as a country. Geometry: Natural Earth 1:50m (public domain)."),
    N_("**French names** of countries are the short forms Global Affairs Canada and the Translation Bureau "
       "(TERMIUM Plus) use; operations are named as DND names them in French, and UN missions by their French "
       "acronyms where they differ."),
    N_("**Colour classes** are quantiles of the shown values with rounded bounds, in ColorBrewer's colour-blind-safe "
       "YlGnBu scheme; marker colours use the Okabe-Ito palette."),
)
SEVERITY = {"error": N_("error"), "warning": N_("warning")}

language = current_language()
dataset = open_page().dataset
validation = dataset.validation

st.title(_("Data & sources"))
using_upload = st.session_state.get(cached.UPLOAD_KEY) is not None
showing = (_("Showing your uploaded file ({name}): {rows}, {operations}, {first}–{last}.") if using_upload else
           _("Showing the bundled dataset ({name}): {rows}, {operations}, {first}–{last}."))
st.caption(showing.format(name=markdown_text(dataset.source_name), rows=count(len(dataset.frame), "rows"),
                          operations=count(dataset.frame["operation_id"].nunique(), "operations"),
                          first=dataset.first_year, last=dataset.last_year))

st.header(_("Bring your own CSV"))
st.write(_("Upload a file with the columns below (UTF-8 or Windows-1252; comma, semicolon or tab separated; at most "
           "{megabytes} MB and {rows} rows). Every page then uses it for this session only. Rows with problems are "
           "listed and left out; every other row is kept.").format(
    megabytes=format_number(MAX_UPLOAD_BYTES // 1_000_000), rows=format_number(MAX_UPLOAD_ROWS)))
upload = st.file_uploader(_("CSV file"), type=["csv", "txt"], key="csv_upload")
buttons = st.columns(2)
if upload is not None and buttons[0].button(_("Use this file"), type="primary"):
    data = upload.getvalue()
    st.session_state[cached.UPLOAD_KEY] = cached.uploaded_dataset(data, upload.name, MAX_UPLOAD_BYTES,
                                                                  MAX_UPLOAD_ROWS)
    st.session_state[URL_READ_KEY] = True
    st.rerun()
if using_upload and buttons[1].button(_("Back to the bundled dataset")):
    st.session_state[cached.UPLOAD_KEY] = None
    st.rerun()
# The template's column names are the file format's, the same in every language.
csv_download(_("Download an empty template"), pd.DataFrame(columns=list(COLUMN_NAMES)),
             _("engagements-template.csv"))

st.header(_("Validation report"))
errors = validation.errors
if not validation.problems:
    st.success(ngettext("The {n} row passed every check.", "All {n} rows passed every check.",
                        validation.rows_read).format(n=format_number(validation.rows_read)))
else:
    st.warning(ngettext("{kept} of {n} row kept; {errors} problems reject rows, {warnings} are warnings.",
                        "{kept} of {n} rows kept; {errors} problems reject rows, {warnings} are warnings.",
                        validation.rows_read).format(
        kept=format_number(len(dataset.frame)), n=format_number(validation.rows_read),
        errors=format_number(len(errors)), warnings=format_number(len(validation.problems) - len(errors))))
    # Messages are worded now, in the reader's language (the validated file is cached in none).
    report = pd.DataFrame({
        _("line"): [problem.line for problem in validation.problems],
        _("column"): [problem.column for problem in validation.problems],
        _("severity"): [_(SEVERITY.get(problem.severity, problem.severity)) for problem in validation.problems],
        _("message"): [problem.text() for problem in validation.problems],
    })
    st.dataframe(report, hide_index=True, width="stretch")
    csv_download(_("Download the validation report (CSV)"), report, _("validation-report.csv"), columns=None)
if language != "en" and (untranslated := untranslated_descriptions(dataset.frame)):
    st.info(ngettext("{n} row has no French description: its English one is shown.",
                     "{n} rows have no French description: their English one is shown.",
                     untranslated).format(n=format_number(untranslated)))

st.header(_("Data dictionary"))
st.markdown(data_dictionary_markdown())

st.header(_("Methodology"))
st.markdown("\n".join(f"- {_(point)}" for point in METHODOLOGY))

st.header(_("Licence"))
st.markdown(licence_markdown())

st.header(_("Sources"))
# Each source in the reader's language where a French page exists; an English page says so on a French page.
shown = localized(dataset.frame, language)
titles = shown["display_source_title"]
if language != "en":
    in_english = shown["source_language"] == "en"
    titles = titles.where(~in_english, titles.map(lambda title: _("{title} (in English)").format(title=title)))
sources = (shown.assign(title=titles).groupby(["title", "display_source_url"])
           .agg(rows=("id", "size"), verified=("verified_on", "max")).reset_index()
           .sort_values("rows", ascending=False))
sources["verified"] = sources["verified"].map(format_partial_date)
st.dataframe(sources, hide_index=True, width="stretch", column_config={
    "title": st.column_config.TextColumn(_("Title")),
    "display_source_url": st.column_config.LinkColumn(_("Address")),
    "rows": st.column_config.NumberColumn(_("Rows")),
    "verified": st.column_config.TextColumn(_("Last verified")),
})
# The dataset's own columns (English and French) in every language.
csv_download(_("Download the whole dataset (CSV)"), dataset.frame, _("canada-abroad-engagements.csv"))

st.header(_("Coverage"))
frame = dataset.frame
st.write(_("Personnel is stated on {share} of deployment rows. Operations are counted once, in the decade their "
           "first row starts.").format(share=format_percent(personnel_share(frame), locale=LOCALES[language])))
by_decade = operations_by_start_decade(frame)
by_decade["decade"] = [(_("before {year}").format(year=FIRST_DECADE) if decade == 0 else
                        _("{decade}s").format(decade=decade)) for decade in by_decade["decade"]]
by_region = rows_by_region(frame)
by_region["region"] = by_region["region"].map(lambda region: label("region", region))
coverage_columns = st.columns(2)
coverage_columns[0].dataframe(by_decade, hide_index=True, width="stretch", column_config={
    "decade": st.column_config.TextColumn(_("Decade of start")),
    "operations": st.column_config.NumberColumn(_("Operations")),
    "rows": st.column_config.NumberColumn(_("Rows")),
})
coverage_columns[1].dataframe(by_region, hide_index=True, width="stretch", column_config={
    "region": st.column_config.TextColumn(_("Region")),
    "rows": st.column_config.NumberColumn(_("Rows")),
    "operations": st.column_config.NumberColumn(_("Operations")),
})
