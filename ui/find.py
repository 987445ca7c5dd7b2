"""Ways to a panel besides clicking the map: the search box, the clickable list and the map's table twin.

Each selects through ui.state (the one owner of the view), like a click on the map does; the search box
also asks the map to move to what was found, once (see map.js, fitOnce).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from canada_abroad.engagements import Dataset
from canada_abroad.geography import Geography
from canada_abroad.i18n import N_, _, current_language, in_this_language, sort_key
from canada_abroad.safe_text import markdown_text as md
from canada_abroad.search import focus_bounds, parse_choice
from canada_abroad.text import label, labelled, ui_text
from ui import cached
from ui.state import current_view, set_view

# Headings of the map's table twin.
MONEY_HEADING = N_("CAD {status}")
COUNTRY, OPERATIONS, PERSONNEL_AT_ONE_TIME = N_("Country"), N_("Operations"), N_("Personnel at one time")
SEARCH_KEY = "w_find"
FIT_KEY = "map_fit"
# Selecting a row of a table opens a panel; the table then gets a fresh key so that, once the panel is
# closed, no stale row is shown selected and the same row can be chosen again.
TABLE_GENERATION_KEY = "table_generation"


def _on_search(frame: pd.DataFrame) -> None:
    iso3, operation = parse_choice(st.session_state.get(SEARCH_KEY))
    if not (iso3 or operation):
        return
    view = current_view()
    set_view(view.select_country(iso3) if iso3 else view.select_operation(operation))
    bounds = focus_bounds(frame, cached.country_bounds(), iso3, operation)
    if bounds:
        token = (st.session_state.get(FIT_KEY) or {}).get("token", 0) + 1
        st.session_state[FIT_KEY] = {"bounds": bounds, "token": token}
    st.session_state[SEARCH_KEY] = None  # ready for the next search; the panel now shows what was found


def search_box(dataset: Dataset) -> None:
    """A box that suggests countries and operations as the reader types; Enter opens the panel and moves the map.

    The choices are the dataset's, whatever the filters, so they are made once per dataset (ui/cached).
    """
    choices = cached.search_choices(dataset, current_language())
    st.selectbox(ui_text("search_label"), list(choices), index=None, key=SEARCH_KEY, format_func=choices.get,
                 placeholder=ui_text("search_placeholder"), on_change=_on_search, args=(dataset.frame,))


def map_fit() -> dict | None:
    """Where the map should move (bounds and a token that changes with each search), or None."""
    return st.session_state.get(FIT_KEY)


def _on_row_selected(key: str, codes: tuple[str, ...]) -> None:
    rows = st.session_state[key]["selection"]["rows"]
    if rows:
        set_view(current_view().select_country(codes[rows[0]]))
        st.session_state[TABLE_GENERATION_KEY] = st.session_state.get(TABLE_GENERATION_KEY, 0) + 1


def selectable_countries(table: pd.DataFrame, name: str, columns: dict, *, height: int | str = "auto") -> None:
    """A sortable table of countries (with an iso3 column) where selecting a row opens that country's panel."""
    key = f"{name}_{st.session_state.get(TABLE_GENERATION_KEY, 0)}"
    st.dataframe(table, key=key, hide_index=True, column_config=columns, column_order=list(columns),
                 on_select=partial(_on_row_selected, key, tuple(table["iso3"])), selection_mode="single-row",
                 height=height, width="stretch")


def _on_country_picked(key: str) -> None:
    iso3 = st.session_state.get(key)
    if iso3:
        set_view(current_view().select_country(iso3))
        st.session_state[TABLE_GENERATION_KEY] = st.session_state.get(TABLE_GENERATION_KEY, 0) + 1


def country_list(values: pd.Series, describe, geography: Geography) -> None:
    """Every country the map colours, largest first, in a scrolling list; choosing one opens its panel.

    A radio group rather than a table: the keyboard walks it with the arrow keys, a screen reader
    announces "3 of 27", and it costs no extra download on a first visit (the table grid's does).
    """
    ordered = sorted(values.index, key=lambda c: (-values[c], sort_key(geography.country_name(c))))
    key = f"where_{st.session_state.get(TABLE_GENERATION_KEY, 0)}"
    with st.container(height=420):
        st.radio(ui_text("where_engaged"), ordered, index=None, key=key, label_visibility="collapsed",
                 format_func=in_this_language(lambda c: labelled(geography.country_name(c), describe(values[c]))),
                 on_change=_on_country_picked, args=(key,))


def render_twin(figures: Callable[[], pd.DataFrame], measure: str) -> None:
    """The map as a table (view_data.country_figures): the same values as the choropleth, and the figures behind them.

    Drawn only when asked for: the table grid's code is a download a first visit does without, and the figures
    (`figures()`, a fifth of a map run's server time) are computed only then.
    """
    if not st.toggle(ui_text("twin_heading"), key="w_twin"):
        return
    figures = figures()
    st.caption(ui_text("twin_help"))
    # Streamlit's number formats are English ("$1,234"); "localized" follows the browser's locale instead.
    money = {f"cad_{status}": st.column_config.NumberColumn(_(MONEY_HEADING).format(status=label("amount_status", status)),
                                                            format=_money_format())
             for status in ("announced", "committed", "allocated", "delivered")}
    selectable_countries(figures, "twin", {
        "country": st.column_config.TextColumn(_(COUNTRY)),
        "map_value": st.column_config.NumberColumn(label("measure", measure),
                                                   format=_money_format() if measure.startswith("cad") else None),
        "operations": st.column_config.NumberColumn(_(OPERATIONS)),
        "personnel_at_one_time": st.column_config.NumberColumn(_(PERSONNEL_AT_ONE_TIME)),
        **money,
    })


def _money_format() -> str:
    """Dollars as the reader's language writes them in a table: "$1,234" in English; French writes the
    symbol after the number, which only the browser's locale formatting does ("localized")."""
    return "dollar" if current_language() == "en" else "localized"


def upload_notice(dataset: Dataset) -> None:
    """Every page says when it shows the reader's own file rather than the bundled data."""
    if st.session_state.get(cached.UPLOAD_KEY) is not None:
        st.info(ui_text("upload_notice", name=md(dataset.source_name)), icon=":material/upload_file:")
