"""Every colour the app draws with, in one place, so a type or a class looks the same on every page."""

from __future__ import annotations

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies. Marker colours on the
# map, and the same colours in the Operations and Country timelines; the schema's order is the legend's.
MISSION_TYPE_COLOURS = {
    "peace_operation": "#0072B2",
    "combat": "#D55E00",
    "deterrence": "#CC79A7",
    "training": "#009E73",
    "maritime_security": "#56B4E9",
    "counter_narcotics": "#E69F00",
    "sanctions_monitoring": "#000000",
    "humanitarian": "#F0E442",
    "defence_cooperation": "#999999",
    "continental_defence": "#7F3C8D",
    "military_assistance": "#882255",
}
# A type an uploaded file may carry that the schema does not know (the validator rejects it, but a
# marker must never fail for want of a colour).
UNKNOWN_TYPE_COLOUR = "#444444"

# Viridis (matplotlib's) from 0.44 down to 0 in 5 steps: sequential, safe for the common colour-vision
# deficiencies, and every class at least 3:1 (WCAG 2.1 non-text contrast) against the sea, land with no
# engagement and the white outline that parts one country from its neighbour (tests/test_palette.py).
# ColorBrewer YlGnBu's light classes (#ffffcc on the pale sea: 1.2:1) did not. Neighbouring classes cannot
# also be 3:1 apart (five classes 3:1 apart need a range of 81:1; white to black is 21:1): they differ by
# about 1.3:1 each, and the value is written in the tooltip, the country list and the map's table.
CLASS_COLOURS = ("#26828e", "#31678e", "#3e4989", "#482878", "#440154")
NO_DATA_COLOUR = "#e6e6e6"

# Sea in pale blue so unshaded (no engagement) countries read as land; the live map and the image.
SEA_COLOUR = "#dbe8f1"

# The line between countries (map.js, map_view): the boundary each class contrasts with.
COUNTRY_OUTLINE = "#ffffff"
# Countries are filled at this opacity over the sea (map.js): what the reader sees is the blend.
FILL_OPACITY = 0.9

# Outline of the selected country and the highlighted operation's markers.
SELECTED_COLOUR = "#b2182b"

# Commitments chart: money's stages from announced (light) to delivered (dark), ColorBrewer Blues.
AMOUNT_STATUS_COLOURS = {"announced": "#c6dbef", "committed": "#6baed6", "allocated": "#2171b5",
                         "delivered": "#08306b"}


def mission_type_colour(mission_type: str) -> str:
    return MISSION_TYPE_COLOURS.get(mission_type, UNKNOWN_TYPE_COLOUR)

# Captions (Streamlit fades them with opacity, which this undoes in app.py): 7:1 on white.
CAPTION_COLOUR = "#595959"
