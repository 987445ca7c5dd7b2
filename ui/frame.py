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
