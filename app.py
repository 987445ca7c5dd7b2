"""Canada abroad: the frame and router. Pages live in pages/; domain code in canada_abroad/."""

import streamlit as st

from canada_abroad.i18n import _, current_language, set_language
from canada_abroad.palette import CAPTION_COLOUR
from canada_abroad.text import ui_text
from ui import cached
from ui.frame import serve_default_page_at
from ui.phone import filters_toggle_style, label_filters_toggle
from ui.publish import is_embedded, render_data_as_of, render_take_away
from ui.run_timer import timed_run
from ui.sidebar import render_filters, render_share_box
from ui.state import link_language, read_url_once, reader_language, sync_url

# The link's language (or the browser's) first, so notices about the link are written in it.
set_language(link_language())
st.set_page_config(page_title=ui_text("app_name"), layout="wide")
cached.geometry_url()  # static files in place before any page asks for them
geography = cached.geography()
dataset = cached.current_dataset()
read_url_once(dataset, geography)
# Then the reader's: the sidebar switch once used, else the view's. Everything below is written in it.
set_language(reader_language())

# Page titles (the navigation and the browser tab) in the reader's language; url_path stays English (links).
PAGES = [
    st.Page("pages/map.py", title=_("Map"), url_path="map", default=True),
    st.Page("pages/footprint.py", title=_("Over time"), url_path="footprint"),
    st.Page("pages/operations.py", title=_("Operations"), url_path="operations"),
    st.Page("pages/commitments.py", title=_("Commitments"), url_path="commitments"),
    st.Page("pages/country.py", title=_("Country"), url_path="country"),
    st.Page("pages/data.py", title=_("Data & sources"), url_path="data"),
]
# Embedded (`?embed=true`): no sidebar at all, so no page list, filters or share box; the view comes from the link.
embedded = is_embedded()
serve_default_page_at("map")  # the Map's own path opens it too, as README says
page = st.navigation(PAGES, position="hidden" if embedded else "sidebar")
# Each page its own browser-tab title, so a reader with several tabs or a screen reader knows where they are.
st.set_page_config(page_title=ui_text("page_title", page=page.title))
# Streamlit fades captions to opacity 0.6, links in them too (#7c95d2 on white, 3:1); WCAG 2.1 AA asks 4.5:1.
# In the sidebar: a style element among the page's own elements was sometimes replaced by them
# (an embedded view has no sidebar, and writing to it would make one).
# On a phone the Map page's columns stack: the panel (or the country list) goes above the map, where a
# reader who tapped the map finds it on scrolling up, not 800 px below it (pages/map.py, container "map_and_panel").
PAGE_STYLE = (f"<style>[data-testid='stCaptionContainer']{{opacity:1;color:{CAPTION_COLOUR}}}"
              "@media (max-width: 640px) {.st-key-map_and_panel [data-testid='stHorizontalBlock']"
              "{flex-direction:column-reverse}}"
              # The Map page's skip link (pages/map.py): out of sight until the keyboard reaches it.
              ".skip-map:not(:focus){position:absolute;left:-9999px}"
              # The collapsed sidebar's toggle says "Filters" (ui/phone.py also names it so).
              + filters_toggle_style() + "</style>")
# The page's language for screen readers, spell checkers and translation tools (<html lang>); `language`
# is one of i18n.LANGUAGES, never text from the link.
LANG_SCRIPT = "<script>document.documentElement.lang = {language!r};</script>"
if embedded:
    st.html(PAGE_STYLE + LANG_SCRIPT.format(language=current_language()), unsafe_allow_javascript=True)
else:
    # On the Map, map.js names the toggle (the script is a file the browser keeps; its first visit is on a budget).
    st.sidebar.html(PAGE_STYLE + LANG_SCRIPT.format(language=current_language())
                    + ("" if page is PAGES[0] else label_filters_toggle()), unsafe_allow_javascript=True)

with timed_run(page.url_path):
    if not embedded:
        render_filters(dataset, geography)
    page.run()
    if not embedded:
        render_share_box()
        render_take_away(dataset, geography, page.url_path)
    render_data_as_of()
    sync_url()
