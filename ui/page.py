"""What every page script starts with, and the CSV download button every page offers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from canada_abroad.engagements import Dataset
from canada_abroad.filters import apply_filters
from canada_abroad.geography import Geography
from canada_abroad.i18n import current_language
from canada_abroad.safe_text import csv_bytes
from canada_abroad.schema import COLUMN_NAMES
from canada_abroad.view_state import ViewState
from ui import cached
from ui.find import upload_notice
from ui.frame import ensure_framed
from ui.state import current_view


@dataclass(frozen=True)
class PageData:
    """The reader's data, view and the rows that match the view's filters (with `display_*` columns in the
    reader's language: pages show those, see canada_abroad/localized.py)."""

    geography: Geography
    dataset: Dataset
    view: ViewState
    rows: pd.DataFrame


def open_page() -> PageData:
    """Run inside app.py's frame (see ui/frame.py), then read the data and the view and filter once."""
    ensure_framed()
    dataset = cached.current_dataset()
    upload_notice(dataset)
    view = current_view()
    frame = cached.display_frame(dataset, current_language())
    return PageData(cached.geography(), dataset, view, apply_filters(frame, view.filters))


def csv_download(label: str, table: pd.DataFrame | Callable[[], pd.DataFrame], file_name: str, *,
                 columns: Sequence[str] | None = COLUMN_NAMES, where=st) -> None:
    """A button that downloads `table` as CSV, spreadsheet formulas neutralised (safe_text.csv_bytes).

    The file is made only when the button is clicked (a callable, for tables costly to build), with
    the schema's columns in order unless `columns` is None. `where` is a column or container to draw in.
    """
    def data() -> bytes:
        frame = table() if callable(table) else table
        return csv_bytes(frame if columns is None else frame[list(columns)])

    where.download_button(label, data, file_name=file_name, mime="text/csv", on_click="ignore")
