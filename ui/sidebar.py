"""The filters every page shares, drawn once by app.py in the sidebar from canada_abroad.filters.FILTER_PARAMS."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from canada_abroad.engagements import Dataset
from canada_abroad.filters import FILTER_PARAMS, Filters
from canada_abroad.geography import Geography
from canada_abroad.i18n import LANGUAGES, _
from canada_abroad.link_params import YEAR_INPUT, YEAR_RANGE
from canada_abroad.text import ui_text
from canada_abroad.view_state import BY_NAME, allowed_values
from ui import cached
from ui.state import NOTICES_KEY, current_view, link_options, set_view, share_link
from ui.widgets import draw_widget, draw_year_input, draw_year_range, widget_default

SIDEBAR_PARAMS = tuple(param for param in FILTER_PARAMS if param.widget and param.widget.where == "sidebar")
YEAR = next(param for param in SIDEBAR_PARAMS if param.widget.kind == YEAR_INPUT)
YEAR_KEY = YEAR.widget.key
LANGUAGE = BY_NAME["lang"]


def reset_filters(first_year: int, last_year: int) -> None:
    """Every sidebar widget back to its default (a callback may write widget state), and the view's filters."""
    for param in SIDEBAR_PARAMS:
        st.session_state[param.widget.key] = widget_default(param, first_year, last_year)
    set_view(replace(current_view(), filters=Filters()))


def render_filters(dataset: Dataset, geography: Geography) -> Filters:
    """Draw the filter widgets, showing the view's filters at first, and store what they say in the view."""
    first, last = dataset.first_year, dataset.last_year
    options = link_options(dataset, geography)
    shown = current_view().filters
    chosen: dict[str, object] = {}
    with st.sidebar:
        language = draw_widget(LANGUAGE, current_view().language, LANGUAGES)
        for notice in st.session_state.get(NOTICES_KEY, []):
            st.warning(notice, icon=":material/warning:")
        st.header(_("Filters"))
        for param in SIDEBAR_PARAMS:
            if param.field in chosen:  # the second parameter of a widget that sets two
                continue
            if param.widget.kind == YEAR_RANGE:
                # One year first: when it is set, the range is not used (and greyed out).
                chosen[YEAR.field] = draw_year_input(YEAR.widget, shown.year, first, last)
                low, high = (p for p in SIDEBAR_PARAMS if p.widget == param.widget)
                chosen[low.field], chosen[high.field] = draw_year_range(
                    param.widget, getattr(shown, low.field), getattr(shown, high.field), first, last,
                    disabled=chosen[YEAR.field] is not None)
                if chosen[YEAR.field] is not None:
                    chosen[low.field] = chosen[high.field] = None
            else:
                chosen[param.field] = draw_widget(param, getattr(shown, param.field), allowed_values(param, options))
        st.button(_("Reset filters"), on_click=reset_filters, args=(first, last), width="stretch")
    filters = replace(shown, **chosen)
    set_view(replace(current_view(), filters=filters, language=language))
    return filters


def render_share_box() -> None:
    with st.sidebar:
        st.subheader(_("Share this view"))
        # A text box, not st.code: st.code pulls in a 1.5 MB syntax highlighter on the first visit.
        # Written every run (the box is an output; what a reader types into it is discarded).
        st.session_state["share_link_box"] = share_link()
        st.text_input(_("Link to this view"), key="share_link_box",
                      help=_("Opens exactly this view, in the same language. The address bar shows the same link."))
        if st.session_state.get(cached.UPLOAD_KEY) is not None:
            st.warning(ui_text("share_opens_bundled"), icon=":material/warning:")
