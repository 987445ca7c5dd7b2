"""The downloadable map image (PNG) of three views, written to docs/map-images/ (`make map-images`).

Built with the same functions the Map page's PNG and SVG buttons call, on the bundled dataset,
with links to a local server in the footer.
"""

from __future__ import annotations

from pathlib import Path

from canada_abroad.engagements import load_engagements
from canada_abroad.filters import apply_filters
from canada_abroad.geography import ROOT, load_geography
from canada_abroad.map_image import projected_world, render_map
from canada_abroad.map_picture import picture_of_view
from canada_abroad.release import load_release
from canada_abroad.view_state import parse_view
from ui.state import link_options

OUT = ROOT / "docs" / "map-images"
BASE_URL = "http://localhost:8501/map"
VIEWS = {
    "default": "",
    "peace-operations-1993": "type=peace_operation&from=1993&to=1993",
    "latvia-personnel": "country=LVA&measure=personnel",
}


def main() -> None:
    geography = load_geography()
    dataset = load_engagements(geography)
    world = projected_world(geography.countries_geojson)
    release = load_release()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, query in VIEWS.items():
        params = dict(part.split("=", 1) for part in query.split("&") if part)
        view, notices = parse_view(params, link_options(dataset, geography))
        assert not notices, notices
        rows = apply_filters(dataset.frame, view.filters)
        selected = {view.country} if view.country else set()
        picture = picture_of_view(view, rows, release, f"{BASE_URL}?{query}" if query else BASE_URL,
                                  first_year=dataset.first_year, last_year=dataset.last_year, selected=selected,
                                  selection_name=geography.country_name(view.country) if view.country else None)
        for fmt in ("png",):  # the SVG is the same drawing (tests/test_publish.py checks its text)
            path = OUT / f"{name}.{fmt}"
            path.write_bytes(render_map(world, picture, fmt))
            print(Path(path).relative_to(ROOT), path.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
