"""The one owner of shared view state: read from the URL once, kept in session state,
written back to the URL by `sync_url`."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from canada_abroad.engagements import Dataset
from canada_abroad.geography import Geography
from canada_abroad.i18n import LANGUAGES, _, language_from_locale
from canada_abroad.schema import MISSION_TYPES, ORGANIZATIONS
from canada_abroad.view_state import BY_NAME, LINK_PARAMS, Options, ViewState, parse_view, to_params
from ui import cached

VIEW_KEY = "view"
NOTICES_KEY = "link_notices"
URL_READ_KEY = "url_read"
# The query this session last wrote into the address bar: a different one means Back or Forward.
URL_WRITTEN_KEY = "url_written"
MAX_NOTICES = 5
LANGUAGE_KEY = BY_NAME["lang"].widget.key


def link_options(dataset: Dataset, geography: Geography) -> Options:
    """What a link may name in this dataset; made once per dataset (the sidebar asks every run: at 100,000 rows,
    listing the operations took most of a second)."""
    return cached.once_per_dataset("link options", dataset, lambda: _link_options(dataset, geography))


def _link_options(dataset: Dataset, geography: Geography) -> Options:
    frame = dataset.frame
    return Options(
        types=MISSION_TYPES,
        orgs=ORGANIZATIONS,
        regions=geography.regions,
        countries=set(geography.countries.index),
        operations=set(frame["operation_id"]),
        first_year=dataset.first_year,
        last_year=dataset.last_year,
    )


def _present_params() -> dict[str, str]:
    return {name: st.query_params.get(name) for name in st.query_params.keys()}


def read_url_once(dataset: Dataset, geography: Geography) -> None:
    """On a session's first run, turn the link it was opened with into the view; again after Back or Forward.

    Each change of view writes a new address (Streamlit pushes it onto the browser's history). Back and
    Forward bring an older address with a rerun: it differs from the one this session last wrote, so it
    is read as a link again, and the widgets are let go so that they show its values (their defaults).
    """
    written = st.session_state.get(URL_WRITTEN_KEY)
    present = _present_params()
    if written is not None and "lang" not in present:
        # Some reruns (a table row selected after a page change) come with the address the page was opened
        # with, which had no `lang` yet: that is not Back or Forward, and reading it dropped the selection.
        written = {name: value for name, value in written.items() if name != "lang"}
    moved = written is not None and present != written
    if st.session_state.get(URL_READ_KEY) and not moved:
        return
    if moved:
        for param in LINK_PARAMS:
            if param.widget is not None:
                st.session_state.pop(param.widget.key, None)
    params = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    view, notices = parse_view(params, link_options(dataset, geography))
    if view.language is None:  # no `lang` in the link: the browser's language, written into every link from now on
        view = replace(view, language=browser_language())
    st.session_state[VIEW_KEY] = view
    if len(notices) > MAX_NOTICES:  # a link with hundreds of junk parameters gets a short sidebar, not hundreds of boxes
        notices = [*notices[:MAX_NOTICES], _("…and {n} more parts of the link were ignored.").format(
            n=len(notices) - MAX_NOTICES)]
    st.session_state[NOTICES_KEY] = notices
    st.session_state[URL_READ_KEY] = True


def browser_language() -> str:
    return language_from_locale(st.context.locale)


def link_language() -> str:
    """The language a run starts in, before the link is read: its `lang` if valid, else the browser's."""
    given = (st.query_params.get("lang") or "").strip().lower()
    return given if given in LANGUAGES else browser_language()


def reader_language() -> str:
    """This run's language: the sidebar switch once the reader has one, else the view's (from the link)."""
    chosen = st.session_state.get(LANGUAGE_KEY)
    if chosen in LANGUAGES:
        return chosen
    return current_view().language or link_language()


def current_view() -> ViewState:
    return st.session_state.get(VIEW_KEY, ViewState())


def set_view(view: ViewState) -> None:
    st.session_state[VIEW_KEY] = view


def sync_url() -> None:
    """Make the address bar show the current view (only when it differs)."""
    wanted = to_params(current_view())
    st.session_state[URL_WRITTEN_KEY] = wanted
    if _present_params() != wanted:
        st.query_params.from_dict(wanted)


def share_link() -> str:
    """Absolute link to the current page and view."""
    base = (st.context.url or "").split("?")[0]
    query = urlencode(to_params(current_view()))
    return f"{base}?{query}" if query else base
