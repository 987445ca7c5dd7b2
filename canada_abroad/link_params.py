"""How a link parameter or filter is declared: one entry per parameter, read by everything that needs it.

The entries themselves are in `filters.FILTER_PARAMS` (parameters that select rows) and
`view_state.VIEW_PARAMS` (the rest of a view: measure, selection); `view_state.LINK_PARAMS` is both,
in link order. From them come parsing a link and writing one (`view_state`), the `Filters` and
`ViewState` values, how rows are selected (`filters.apply_filters`), the sidebar's and the map's
widgets (`ui/widgets.py`) and the README's list of parameters (`params_markdown`, checked by
tests/test_docs.py). Adding a parameter - a year, a kind, a language, a map view - is one entry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

# What a parameter's value is, and how it reads in a link.
LIST = "list"  # comma-separated values from `allowed`, any case; value: a tuple in the order given
CHOICE = "choice"  # one value from `allowed`, any case; value: that value
YEAR = "year"  # a four-digit year between the data's first and last; value: an int, or None
TEXT = "text"  # free text, trimmed; value: a string
CODE = "code"  # an id from `allowed` (a country code, an operation id); value: the id, or None
YEAR_PAIR = "year_pair"  # two years, `YYYY,YYYY`, each as YEAR; value: a tuple of two ints, or None
KINDS = (LIST, CHOICE, YEAR, TEXT, CODE, YEAR_PAIR)

# Widgets a parameter can be drawn with (ui/widgets.py draws them).
MULTISELECT, RADIO, SELECTBOX, TEXT_INPUT, YEAR_RANGE = "multiselect", "radio", "selectbox", "text_input", "year_range"
YEAR_INPUT = "year_input"  # a number box for one year: typed, or stepped with the arrow keys


@dataclass(frozen=True)
class Widget:
    """The control that sets a parameter. Two parameters may share one (a year range sets `from` and `to`)."""

    kind: str
    key: str  # its st.session_state key
    label: str
    placeholder: str = ""
    where: str = "sidebar"  # the sidebar, or the page that draws it ("map")


@dataclass(frozen=True)
class LinkParam:
    name: str  # in the link; part of the product's contract, never renamed
    field: str  # attribute of Filters (a filter) or of ViewState (the rest of a view)
    kind: str  # one of KINDS
    doc: str  # what it does, for the README
    allowed: str | tuple[str, ...] = ()  # fixed values, or the name of a view_state.Options attribute
    allowed_doc: str = ""  # the allowed values in words, for the README (fixed values are listed)
    default: object = None
    default_doc: str = ""  # the default in words for the README, when it is not a fixed value
    widget: Widget | None = None  # None: set by clicking (the map, a table), not by a widget
    set_by: str = "a click"  # for the README, when there is no widget
    # How a filter selects rows: (frame, value) -> boolean mask, applied when the value is not the default.
    selects: Callable[[pd.DataFrame, object], object] | None = field(default=None, compare=False)
    labels: str = ""  # text.LABELS group that names the allowed values on screen
    case: str = "as_allowed"  # CODE only: "upper" or "lower", how an id is written
    echo: int = 40  # characters of a bad value quoted back in a notice
    unknown: str = ""  # notice for a value not allowed; {value} is the value as given, escaped
    # Values older links carry that now read as another value (old -> new), with a notice saying so:
    # a link is a contract, so a retired value is translated rather than dropped.
    aliases: tuple[tuple[str, str], ...] = ()
    alias_notice: str = ""  # {value}: the old value, {new}: what it now reads as

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"link parameter {self.name}: unknown kind {self.kind!r}")

    @property
    def python_type(self) -> object:
        return {LIST: tuple[str, ...], CHOICE: str, YEAR: int | None, TEXT: str, CODE: str | None,
                YEAR_PAIR: tuple[int, int] | None}[self.kind]


def _default_text(param: LinkParam) -> str:
    if param.default_doc:
        return param.default_doc
    if param.kind == LIST:
        return "all"
    if param.default in (None, ""):
        return "none"
    return f"`{param.default}`"


def _value_text(param: LinkParam) -> str:
    fixed = isinstance(param.allowed, tuple) and param.allowed
    if param.kind == LIST:
        return f"comma-separated {param.allowed_doc}"
    if param.kind == CHOICE and fixed:
        return " or ".join(f"`{value}`" for value in param.allowed if value != param.default)
    if param.kind == YEAR:
        return "a year, `YYYY`"
    return param.allowed_doc or "text"


def _widget_text(param: LinkParam) -> str:
    if param.widget is None:
        return param.set_by
    where = "sidebar" if param.widget.where == "sidebar" else f"{param.widget.where} page"
    return f"{where}: {param.widget.label}"


def params_markdown(params: Sequence[LinkParam]) -> str:
    """The README's table of link parameters."""
    lines = ["| parameter | value | default | set by | what it does |", "| --- | --- | --- | --- | --- |"]
    for param in params:
        lines.append(f"| `{param.name}` | {_value_text(param)} | {_default_text(param)} | {_widget_text(param)} "
                     f"| {param.doc} |")
    return "\n".join(lines) + "\n"
