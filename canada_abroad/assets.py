"""Files the browser fetches from the app itself: Leaflet and the country outlines.

Leaflet's JavaScript and CSS are served by the app so the map paints offline.

The files come from the PyPI package XStatic-Leaflet (BSD-2-Clause), which the
app's requirements install. They are copied into `static/leaflet/`, which
Streamlit serves at `/app/static/leaflet/` when `server.enableStaticServing`
is on. Copying at start-up (rather than committing the files) keeps
third-party code out of the repository and works on Streamlit Community Cloud,
which only installs requirements.txt.

The country outlines are written there too (see browser_geometry): a static
file is fetched in parallel with the page, gzipped by the server and kept by the
browser, where the same data inside the map's script would travel on every visit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from xstatic.pkg import leaflet as xstatic_leaflet

from canada_abroad.browser_geometry import write_compact
from canada_abroad.geography import ROOT, Geography

STATIC_DIR = ROOT / "static"
# Where Streamlit serves STATIC_DIR / "leaflet" (server.enableStaticServing).
LEAFLET_URL = "/app/static/leaflet"
LEAFLET_FILES = ("leaflet.js", "leaflet.css")


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


def install_static_assets(geography: Geography, static_dir: Path = STATIC_DIR) -> str:
    """Leaflet and the compact country outlines into `static_dir`; returns the outlines' URL."""
    install_leaflet(static_dir)
    return write_compact(geography.countries_geojson, static_dir)


def inline_leaflet() -> dict[str, str]:
    """Leaflet's JS and CSS as text, for a standalone HTML export."""
    source = leaflet_source_dir()
    return {
        "js": (source / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        "css": (source / "leaflet.css").read_text(encoding="utf-8"),
    }
