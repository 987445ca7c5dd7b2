"""Widgets drawn from the link parameter table (canada_abroad.link_params): one function for every parameter.

Link values reach a widget as its default (value=, default=, index=), never by writing
st.session_state: when a reader's server dies, the browser reconnects to another with an empty
session and sends its widgets' newer values, and a value seeded into session_state from the link
would override them, undoing the reader's last change. A widget's key identifies it (Streamlit's
key-based identity), so a default that changes later does not reset it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

import streamlit as st

from canada_abroad.i18n import N_, _, in_this_language
from canada_abroad.link_params import MULTISELECT, RADIO, SELECTBOX, TEXT_INPUT, YEAR_RANGE, LinkParam, Widget
from canada_abroad.text import label

MAX_QUERY_CHARS = 200


def _format(param: LinkParam):
    # In this run's language even when called later (AppTest formats a widget's value again after the run).
    return in_this_language(lambda value: label(param.labels, value)) if param.labels else str


def draw_widget(param: LinkParam, value: object, allowed: Collection[str], where=st) -> object:
    """Draw a one-parameter widget showing `value` at first; returns what the reader has chosen."""
    widget = replace(param.widget, label=_(param.widget.label),
                     placeholder=_(param.widget.placeholder) if param.widget.placeholder else "")
    options = list(allowed)
    if widget.kind == MULTISELECT:
        return tuple(where.multiselect(widget.label, options, default=[v for v in value if v in options],
                                       key=widget.key, format_func=_format(param), placeholder=widget.placeholder))
    if widget.kind in (RADIO, SELECTBOX):
        draw = where.radio if widget.kind == RADIO else where.selectbox
        extra = {"horizontal": True} if widget.kind == RADIO else {}
        return draw(widget.label, options, index=options.index(value) if value in options else 0, key=widget.key,
                    format_func=_format(param), **extra)
    if widget.kind == TEXT_INPUT:
        return where.text_input(widget.label, value=value, key=widget.key, placeholder=widget.placeholder,
                                max_chars=MAX_QUERY_CHARS).strip()
    raise ValueError(f"widget {widget.kind!r} of link parameter {param.name} sets more than one parameter")


def draw_year_range(widget: Widget, low: int | None, high: int | None, first: int, last: int,
                    where=st, disabled: bool = False) -> tuple[int | None, int | None]:
    """A range slider over the data's years; an end at the data's first or last year means no limit (None)."""
    start = max(first, min(low if low is not None else first, last))
    end = min(last, max(high if high is not None else last, first))
    chosen = where.slider(_(widget.label), min_value=first, max_value=last, value=(start, end), key=widget.key,
                          disabled=disabled, help=_(YEAR_RANGE_HELP) if disabled else None)
    return (None if chosen[0] == first else chosen[0]), (None if chosen[1] == last else chosen[1])


YEAR_HELP = N_("Show what was active in this year. Type it, or step with the arrow keys; leave empty for a range.")
YEAR_RANGE_HELP = N_("Used when no single year is set.")


def draw_year_input(widget: Widget, value: int | None, first: int, last: int, where=st) -> int | None:
    """A number box for one year (a slider gave 2 px per year); empty means no single year (None)."""
    shown = None if value is None else max(first, min(value, last))
    held = st.session_state.get(widget.key)
    if held is not None and not first <= held <= last:  # another dataset (an upload) covers other years
        st.session_state[widget.key] = max(first, min(int(held), last))
    chosen = where.number_input(_(widget.label), min_value=first, max_value=last, value=shown, step=1,
                                key=widget.key, placeholder=f"{_(widget.placeholder)} ({first}–{last})",
                                help=_(YEAR_HELP))
    return None if chosen is None else int(chosen)


def widget_default(param: LinkParam, first: int, last: int) -> object:
    """What a widget shows for its parameter's default (Reset writes it into the widget's state)."""
    if param.widget.kind == MULTISELECT:
        return list(param.default)
    if param.widget.kind == YEAR_RANGE:
        return (first, last)
    return param.default
