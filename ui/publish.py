"""Take a view away: "data as of", the citation and embed code with copy controls, and the Map page's downloads."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from canada_abroad.citation import cite_view, long_date
from canada_abroad.engagements import Dataset
from canada_abroad.filters import apply_filters
from canada_abroad.geography import Geography
from canada_abroad.i18n import N_, _, current_language, using_language
from canada_abroad.licence import DATA_LICENCE, DATA_LICENCE_URL
from canada_abroad.map_picture import MapPicture, picture_of_view
from canada_abroad.measures import ColourClass
from canada_abroad.view_data import ViewFiles, country_figures, view_zip
from canada_abroad.view_state import ViewState, to_params
from canada_abroad.view_words import view_subtitle, view_title
from canada_abroad.years import one_year_on_one_scale
from ui import cached
from ui.page import csv_download
from ui.state import current_view, share_link

# Messages (English msgids): translated with _() where drawn.
DATA_AS_OF = N_("Data as of {date} (release {version}) · data licence [{licence}]({licence_url})")
CITE_HEADING = N_("Cite this view")
CITE_LABEL = N_("Citation (APA style)")
EMBED_LABEL = N_("Embed the map (HTML)")
EMBED_HELP = N_("Paste into a web page: the map and its legend, with a link back to the full view.")
EMBED_TITLE = N_("Map of Canada's deployments and commitments abroad")
COPY, COPIED = N_("Copy"), N_("Copied")
FULL_VIEW = N_("Open the full view")
DOWNLOADS = N_("Take this view away")
PNG_LABEL, SVG_LABEL = N_("Map image (PNG, for print)"), N_("Map image (SVG, editable)")
ZIP_LABEL = N_("Data of this view (ZIP: rows, per-country figures, README)")
COUNTRIES_LABEL = N_("Per-country figures (CSV)")
# Downloaded files are named in the reader's language too (plain ASCII: every system's file names take it).
PNG_FILE, SVG_FILE = N_("canada-abroad-map.png"), N_("canada-abroad-map.svg")
ZIP_FILE, COUNTRIES_FILE = N_("canada-abroad-view.zip"), N_("canada-abroad-countries.csv")
MAP_PATH = "map"
EMBED_HEIGHT = 620


def is_embedded() -> bool:
    """Opened with Streamlit's `?embed=true` (kept out of st.query_params, so only the context says)."""
    return bool(st.context.is_embedded)


def render_data_as_of() -> None:
    release = cached.data_release()
    st.caption(_(DATA_AS_OF).format(date=long_date(release.date), version=release.version, licence=DATA_LICENCE,
                                 licence_url=DATA_LICENCE_URL))


def selection_name(view: ViewState, dataset: Dataset, geography: Geography) -> str | None:
    if view.country:
        return geography.country_name(view.country)
    if view.operation:
        frame = cached.display_frame(dataset, current_language())
        names = frame.loc[frame["operation_id"] == view.operation, "display_operation"]
        return str(names.iloc[0]) if len(names) else view.operation
    return None


def view_words(dataset: Dataset, geography: Geography) -> tuple[str, str]:
    """The current view's title and subtitle, as the image and the citation say them."""
    view = current_view()
    return view_title(view), view_subtitle(view, dataset.first_year, dataset.last_year,
                                           selection_name(view, dataset, geography))


def map_link(current_path: str, embed: bool = False) -> str:
    """Link to the Map page (the app's root) with the current view, from the page at `current_path`."""
    page_link = share_link().split("?")[0].rstrip("/")
    # The default page's path is "" in st.navigation although the browser may show /map.
    suffix = next((f"/{path}" for path in (current_path, MAP_PATH) if path and page_link.endswith(f"/{path}")), "")
    root = page_link.removesuffix(suffix)
    params = to_params(current_view())
    if embed:
        params["embed"] = "true"
    query = urlencode(params)
    # The Map is the default page, served at the root (its own path, /map, is turned into the root by
    # ui/frame.serve_default_page_at).
    return f"{root}/" + (f"?{query}" if query else "")


def citation(dataset: Dataset, geography: Geography, url: str | None = None) -> str:
    title, subtitle = view_words(dataset, geography)
    return cite_view(title, subtitle, cached.data_release(), url or share_link(), date.today())


def embed_code(current_path: str) -> str:
    return (f'<iframe src="{html.escape(map_link(current_path, embed=True))}" title="{html.escape(_(EMBED_TITLE))}" '
            f'width="100%" '
            f'height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>')


# Streamlit strips inline event handlers, so one script binds every copy button it has not bound yet.
# Without the Clipboard API (plain http on a LAN address) the box is selected and execCommand("copy") used.
# Written compact: it goes with every run of every page, and the Map's first visit has a byte budget.
COPY_JS = """
document.querySelectorAll("button[data-copy]").forEach(function (button) {
if (button.dataset.bound) { return; }
button.dataset.bound = "1";
button.addEventListener("click", function () {
var box = document.getElementById(button.dataset.copy), note = button.nextElementSibling;
var done = function () { note.textContent = COPIED; };
if (navigator.clipboard && window.isSecureContext) {
navigator.clipboard.writeText(box.value).then(done, function () { box.select(); });
} else {
box.select();
if (document.execCommand("copy")) { done(); }
}
});
});
"""


def _copy_js() -> str:
    return COPY_JS.replace("COPIED", json.dumps(_(COPIED)))


def copy_box(label: str, text: str, element_id: str, rows: int = 4, bind: bool = True) -> None:
    """A read-only text box with a Copy button (Streamlit's own st.code would pull in a 1.5 MB highlighter).

    The text may hold names from an uploaded file: it is HTML-escaped into the textarea and copied
    from the textarea's value, never placed in the script. `bind`: carry the script that binds every Copy button
    drawn so far (the last box of a run carries it, so it is sent once: the Map page's first visit has a byte budget).
    """
    st.html(f"""
<div style="font-family:inherit;font-size:0.875rem">
  <label for="{element_id}">{html.escape(label)}</label>
  <textarea id="{element_id}" readonly rows="{rows}"
    style="width:100%;box-sizing:border-box;font-size:0.8rem;resize:vertical;margin-top:4px">{html.escape(text)}</textarea>
  <button type="button" data-copy="{element_id}"
    style="padding:2px 10px;border:1px solid #bbb;border-radius:6px;background:#fff;cursor:pointer"
    >{html.escape(_(COPY))}</button>
  <span role="status" aria-live="polite" style="margin-left:6px"></span>
</div>
{f"<script>{_copy_js()}</script>" if bind else ""}""", unsafe_allow_javascript=True)


def render_take_away(dataset: Dataset, geography: Geography, current_path: str) -> None:
    """The sidebar's embed code (in the share box) and citation, on every page."""
    with st.sidebar:
        copy_box(_(EMBED_LABEL), embed_code(current_path), "embed-code", rows=3, bind=False)
        st.caption(_(EMBED_HELP))
        st.subheader(_(CITE_HEADING))
        copy_box(_(CITE_LABEL), citation(dataset, geography), "citation", rows=5)


def picture_maker(rows: pd.DataFrame, dataset: Dataset, geography: Geography,
                  selected: set[str]) -> Callable[[], MapPicture]:
    """What the image and the HTML download show for the current view, built when a download is clicked.

    The view, link and names are read now (the click's callable runs outside the script run, without
    session state or the page's context); measures and markers are computed only on click, so a map
    rerun costs no more than before.
    """
    view, url, name = current_view(), share_link(), selection_name(current_view(), dataset, geography)
    release = cached.data_release()
    language = current_language()  # the click runs outside this run, where the language is not set

    def scale() -> tuple[pd.Series, list[ColourClass]] | None:
        """A single year is coloured on the scale of every year, as on the live map."""
        if view.filters.year is None:
            return None
        all_years = apply_filters(dataset.frame, replace(view.filters, year=None))
        return one_year_on_one_scale(all_years, view.measure, view.filters.year,
                                     range(dataset.first_year, dataset.last_year + 1))

    def picture() -> MapPicture:
        with using_language(language):
            return picture_of_view(view, rows, release, url, first_year=dataset.first_year,
                                   last_year=dataset.last_year, selected=selected, selection_name=name,
                                   scale=scale())

    return picture


def render_map_downloads(rows: pd.DataFrame, dataset: Dataset, geography: Geography, selected: set[str],
                         map_values: pd.Series) -> None:
    """PNG, SVG, the view's data as a ZIP and the per-country CSV: each file made only when its button is clicked.

    `map_values` are the values the map draws, so the files give the same numbers as the map."""
    view = current_view()
    url = share_link()
    name = selection_name(view, dataset, geography)
    title, subtitle = view_words(dataset, geography)
    picture = picture_maker(rows, dataset, geography, selected)
    release = cached.data_release()
    # Read now: the click's callable runs outside the script run (no session state there).
    about = ViewFiles(title, subtitle, url, citation(dataset, geography, url), name, dataset.first_year,
                      dataset.last_year)

    language = current_language()  # the files are made on click, outside this run: in the language shown now

    def zip_file() -> bytes:
        with using_language(language):
            return view_zip(rows, view, geography, about, release, date.today(), map_values)

    def countries() -> pd.DataFrame:
        with using_language(language):
            return country_figures(rows, view, geography, map_values)

    st.markdown(f"**{_(DOWNLOADS)}**")
    first, second = st.columns(2), st.columns(2)
    first[0].download_button(_(PNG_LABEL), lambda: cached.map_image(picture(), "png"), file_name=_(PNG_FILE),
                             mime="image/png", on_click="ignore", width="stretch")
    first[1].download_button(_(SVG_LABEL), lambda: cached.map_image(picture(), "svg"), file_name=_(SVG_FILE),
                             mime="image/svg+xml", on_click="ignore", width="stretch")
    second[0].download_button(_(ZIP_LABEL), zip_file, file_name=_(ZIP_FILE), mime="application/zip",
                              on_click="ignore", width="stretch")
    csv_download(_(COUNTRIES_LABEL), countries, _(COUNTRIES_FILE), columns=None, where=second[1])

