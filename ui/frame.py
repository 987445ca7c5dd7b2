"""Make sure every page runs inside app.py's frame (sidebar, filters, URL state).

Streamlit keeps a legacy mode for apps with a `pages/` folder: until the entry
script has called `st.navigation` once in the server process, a deep link such
as `/commitments` runs `pages/commitments.py` on its own, without app.py. A
shared link opened on a freshly started server would then lose its filters.
`st.navigation` turns that mode off for the process; a page that finds it still
on turns it off itself and reruns, so the run goes through app.py.

In that mode the browser also looks the path up among the `pages/` file names,
so each page file is named after its URL path (`/data` is `pages/data.py`);
otherwise a first visit shows a "Page not found" dialog before the rerun.
"""

from __future__ import annotations

import streamlit as st


def ensure_framed() -> None:
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the legacy mode
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def serve_default_page_at(url_path: str) -> None:
    """Let `/<url_path>` open the default page, as `/` does, without a "Page not found" dialog.

    Streamlit serves the default page at the root and gives it the URL path "" whatever its
    `url_path` says, so `/map` (the README's address of the Map, and what older links use) matched
    no page: Streamlit showed "Page not found" and fell back to the default page. Called before
    `st.navigation`: a request for that name is turned into a request for the default page.
    """
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx
    except ImportError:  # a Streamlit without this module: /map shows its notice, / still works
        return
    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    if manager is None or getattr(manager, "intended_page_script_hash", None):
        return
    if (getattr(manager, "intended_page_name", None) or "").strip("/") == url_path:
        manager.set_script_intent("", "")
