"""What a reader on a phone needs from the page around the map: a labelled way to the filters, and the panel
in sight after a tap.

Both are small scripts in the app's own page (st.html with JavaScript), because Streamlit draws neither
the sidebar's toggle nor the scroll position.
"""

from __future__ import annotations

import html
import json

import streamlit as st

from canada_abroad.text import ui_text

# The narrow layout of app.py's style (the panel above the map), where the panel needs bringing into view.
PHONE_WIDTH_PX = 640
SHOWN_FOR_KEY = "panel_shown_for"
PANEL_ANCHOR = "panel-top"

# Streamlit's toggle of a collapsed sidebar is an icon (>>) named "Expand sidebar": on a phone the filters
# hide behind it. It gets a visible word and the same word as its name (a name that contains the visible
# label, WCAG 2.5.3); the toggle is drawn again when the sidebar closes, so an observer names each new one.
_LABEL_JS = ("(function(){var n=NAME;function f(){document.querySelectorAll(\"[data-testid='stExpandSidebarButton']\")"
             ".forEach(function(b){if(b.getAttribute('aria-label')!==n)b.setAttribute('aria-label',n);});}f();"
             "if(!window.caLabel){window.caLabel=new MutationObserver(f);"
             "window.caLabel.observe(document.body,{childList:true,subtree:true});}})();")


# Scrolled when its top is hidden or in the lower half of the screen, where the answer below it would be cut off.
# The panel's elements arrive during the run, after this script, and the browser's scroll anchoring keeps
# the map in place as they grow above it: so the top of the panel is put in view again until the run is over.
_SCROLL_JS = """
(function () {
  if (!window.matchMedia("(max-width: WIDTHpx)").matches) { return; }
  var ticks = 0, idle = 0;
  var timer = setInterval(function () {
    var top = document.getElementById("ANCHOR");
    var running = document.querySelector("[data-testid='stApp'][data-test-script-state='running']");
    idle = running ? 0 : idle + 1;
    if (!top || idle > 2 || ++ticks > 60) { clearInterval(timer); return; }
    var y = top.getBoundingClientRect().top;
    if (y < 56 || y > window.innerHeight / 2) { top.scrollIntoView({block: "start"}); }
  }, 100);
})();
"""


def filters_toggle_style() -> str:
    """CSS that writes the word next to the toggle's icon (with the page's style, app.py)."""
    return f"[data-testid=stExpandSidebarButton]:after{{content:{json.dumps(ui_text('filters_toggle'))};margin-left:4px}}"


def label_filters_toggle() -> str:
    """The script that names the toggle (app.py writes it with the page's style, in one element)."""
    return f"<script>{_LABEL_JS.replace('NAME', json.dumps(ui_text('filters_toggle')))}</script>"


def panel_anchor(selection: str | None) -> None:
    """Mark the top of the panel; when the selection has just changed (a tap on the map, a list, the search),
    a phone scrolls it into view: the panel sits above the map there, out of sight of a reader who tapped it.

    A link that opens with a selection is not scrolled: its reader starts at the top of the page.
    """
    previous = st.session_state.get(SHOWN_FOR_KEY, selection)
    st.session_state[SHOWN_FOR_KEY] = selection
    if selection is None:
        return
    script = ""
    if selection != previous:
        script = f"<script>{_SCROLL_JS.replace('ANCHOR', PANEL_ANCHOR).replace('WIDTH', str(PHONE_WIDTH_PX))}</script>"
    # The selection is part of the element, so a new selection is a new element and its script runs again.
    # scroll-margin: Streamlit's header (64 px, with the Filters toggle) stays over the top of the page.
    anchor = f'<div id="{PANEL_ANCHOR}" style="scroll-margin-top:64px" data-selection="{html.escape(selection or "")}">'
    st.html(f"{anchor}</div>{script}", unsafe_allow_javascript=True)
