"""Leaflet's JavaScript and CSS, served by the app itself so the map paints offline.

The files come from the PyPI package XStatic-Leaflet (BSD-2-Clause), which the
app's requirements install. They are copied into `static/leaflet/`, which
Streamlit serves at `/app/static/leaflet/` when `server.enableStaticServing`
is on. Copying at start-up (rather than committing the files) keeps
third-party code out of the repository and works on Streamlit Community Cloud,
which only installs requirements.txt.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from xstatic.pkg import leaflet as xstatic_leaflet

from canada_abroad.geography import ROOT

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


def inline_leaflet() -> dict[str, str]:
    """Leaflet's JS and CSS as text, for a standalone HTML export."""
    source = leaflet_source_dir()
    return {
        "js": (source / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        "css": (source / "leaflet.css").read_text(encoding="utf-8"),
    }
