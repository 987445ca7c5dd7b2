"""Files the browser fetches from the app itself: Leaflet, the map's own script and the country outlines.

Leaflet's JavaScript and CSS are served by the app so the map paints offline.
The map's own browser code is a committed file, `static/js/map.js`.

The files come from the PyPI package XStatic-Leaflet (BSD-2-Clause), which the
app's requirements install. They are copied into `static/leaflet/`, which
Streamlit serves at `<base path>/app/static/leaflet/` when `server.enableStaticServing`
is on. Copying at start-up (rather than committing the files) keeps
third-party code out of the repository and works on Streamlit Community Cloud,
which only installs requirements.txt.

The country outlines are written there too (see browser_geometry): a static
file is fetched in parallel with the page, gzipped by the server and kept by the
browser, where the same data inside the map's script would travel on every visit.
"""

from __future__ import annotations

import hashlib
import shutil
from functools import cache
from pathlib import Path

from xstatic.pkg import leaflet as xstatic_leaflet

from canada_abroad.browser_geometry import write_compact
from canada_abroad.geography import ROOT, Geography

STATIC_DIR = ROOT / "static"
# Where Streamlit serves STATIC_DIR (server.enableStaticServing): /app/static/, or /<base>/app/static/ when the
# app is served under a path (server.baseUrlPath, or a proxy's prefix). Written relative to the map's document,
# the component iframe at <base>/component/streamlit_folium.st_folium/index.html, so it is right under any base
# path; an absolute /app/static/ left the map blank there.
STATIC_URL = "../../app/static"
LEAFLET_URL = f"{STATIC_URL}/leaflet"
LEAFLET_FILES = ("leaflet.js", "leaflet.css")
MAP_JS_PATH = STATIC_DIR / "js" / "map.js"
YEARS_JS_PATH = STATIC_DIR / "js" / "years.js"


def leaflet_source_dir() -> Path:
    return Path(xstatic_leaflet.BASE_DIR)


def install_leaflet(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet into `static_dir/leaflet` unless an identical copy is there."""
    source = leaflet_source_dir()
    target = static_dir / "leaflet"
    target.mkdir(parents=True, exist_ok=True)
    for name in LEAFLET_FILES:
        wanted = (source / name).read_bytes()
        path = target / name
        if not path.exists() or path.read_bytes() != wanted:
            path.write_bytes(wanted)
    images = target / "images"
    if not images.exists():
        shutil.copytree(source / "images", images)
    return target


def install_static_assets(geography: Geography, static_dir: Path = STATIC_DIR, language: str = "en") -> str:
    """Leaflet and the compact country outlines into `static_dir`; returns the outlines' URL.

    The outlines carry each country's name (the tooltip of a country with no value): French names make
    a second file, fetched only by French pages."""
    install_leaflet(static_dir)
    if language == "en":
        return write_compact(geography.countries_geojson, static_dir)
    names = geography.countries["name_fr"].to_dict()
    return write_compact(geography.countries_geojson, static_dir, names, stem=f"countries-{language}")


@cache
def map_js_url() -> str:
    """Address of static/js/map.js; the content's hash in the query makes a browser fetch a changed file anew."""
    digest = hashlib.sha256(MAP_JS_PATH.read_bytes()).hexdigest()[:12]
    return f"{STATIC_URL}/js/map.js?v={digest}"


@cache
def years_js_url() -> str:
    """Address of static/js/years.js (play and step through years), versioned like map_js_url."""
    digest = hashlib.sha256(YEARS_JS_PATH.read_bytes()).hexdigest()[:12]
    return f"{STATIC_URL}/js/years.js?v={digest}"


def _script_text(text: str) -> str:
    """Text safe inside an inline <script> element."""
    return text.replace("</script", "<\\/script")


def inline_leaflet() -> dict[str, str]:
    """Leaflet's JS and CSS and the map's own script as text, for a standalone HTML export."""
    source = leaflet_source_dir()
    return {
        "js": _script_text((source / "leaflet.js").read_text(encoding="utf-8")),
        "css": (source / "leaflet.css").read_text(encoding="utf-8"),
        "map_js": _script_text(MAP_JS_PATH.read_text(encoding="utf-8")),
    }
