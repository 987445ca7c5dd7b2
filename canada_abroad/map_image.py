"""The map as a print image (PNG, SVG), drawn on the server with geopandas and matplotlib.

It uses the live map's prepared geometry (geo/countries.geojson), colour classes,
legend entries and marker colours, so the picture matches the screen. The
projection is Equal Earth rather than the live map's Web Mercator: on paper a
world choropleth should not show Greenland the size of Africa. Small states get a
dot in their class colour, as on the live map, so they stay visible.

Matplotlib objects are built per call (no pyplot state), so concurrent sessions
do not share a figure. Text never runs as markup: mathtext is off on every text
(a "$" in an amount or a search would otherwise start a formula).
"""

from __future__ import annotations

import io
import textwrap

import geopandas as gpd
import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from shapely.geometry import Polygon

from canada_abroad.map_picture import MapPicture
from canada_abroad.palette import NO_DATA_COLOUR, SEA_COLOUR, SELECTED_COLOUR

# SVG text stays <text> (searchable, editable, small) instead of glyph outlines. Set once for the
# process, not per call: rc_context changes global state and sessions render in parallel threads.
matplotlib.rcParams["svg.fonttype"] = "none"

PROJECTION = "EPSG:8857"  # Equal Earth
FORMATS = ("png", "svg")
WIDTH_INCHES = 10.0
PNG_DPI = 220  # 2,200 px wide: enough for a full-width print figure
BORDER_COLOUR = "#ffffff"
TEXT_COLOUR = "#222222"
CLASS_COLUMNS, MARKER_COLUMNS = 3, 4
LEGEND_TITLE_H, LEGEND_ROW_H = 0.3, 0.2  # inches, at the legends' 8.5 pt
TITLE_LINE_H = 0.3  # inches per line of the 15 pt title
FONT = "DejaVu Sans"  # ships with matplotlib: the same letters on every machine


def projected_world(countries_geojson: dict) -> gpd.GeoDataFrame:
    """The prepared outlines in the print projection, with each small state's label point (call once, cache)."""
    world = gpd.GeoDataFrame.from_features(countries_geojson["features"], crs="EPSG:4326")
    points = gpd.GeoSeries(gpd.points_from_xy(world["label_lon"], world["label_lat"]), crs="EPSG:4326")
    world["label_point"] = points.to_crs(PROJECTION).values
    return world.to_crs(PROJECTION).set_index("iso3")


def _points(lon_lat: list[tuple[float, float]]) -> np.ndarray:
    series = gpd.GeoSeries(gpd.points_from_xy(*zip(*lon_lat)), crs="EPSG:4326").to_crs(PROJECTION)
    return np.column_stack([series.x, series.y])


def _globe_outline() -> Polygon:
    """The whole globe's edge, densified so it bends with the projection: the sea behind the land."""
    lats = np.linspace(-90, 90, 181)
    lons = np.linspace(-180, 180, 361)
    ring = ([(-180, lat) for lat in lats] + [(lon, 90) for lon in lons] + [(180, lat) for lat in lats[::-1]]
            + [(lon, -90) for lon in lons[::-1]])
    return Polygon(ring)


def _legend_height(entries: int, columns: int) -> float:
    """Inches a legend of this many entries takes (none when empty)."""
    return LEGEND_TITLE_H + LEGEND_ROW_H * -(-entries // columns) if entries else 0.0


def _plain(text_artist) -> None:
    text_artist.set_parse_math(False)


def render_map(world: gpd.GeoDataFrame, picture: MapPicture, fmt: str) -> bytes:
    """The picture as PNG (>= 2,000 px wide) or SVG (text kept as text, so it stays searchable and editable)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}: use one of {', '.join(FORMATS)}")
    fills = dict(picture.fills)
    colours = [fills.get(iso3, NO_DATA_COLOUR) for iso3 in world.index]
    map_height = WIDTH_INCHES / 2.2
    footer_lines = [line for text in picture.footer for line in textwrap.wrap(text, 150)]
    class_h = _legend_height(len(picture.legend), CLASS_COLUMNS)
    marker_h = _legend_height(len(picture.marker_legend), MARKER_COLUMNS)
    # About 72 characters of 15 pt bold fit across 10 inches; a longer title (a long measure) wraps.
    title_lines = textwrap.wrap(picture.title, 72) or [""]
    title_h = TITLE_LINE_H * len(title_lines)
    top = title_h + 0.6
    legend_h, footer_h = 0.15 + class_h + marker_h, 0.15 + 0.16 * len(footer_lines)
    height = top + map_height + legend_h + footer_h
    figure = Figure(figsize=(WIDTH_INCHES, height), facecolor="white")
    FigureCanvasAgg(figure)

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / height

    _plain(figure.text(0.02, y(0.15), "\n".join(title_lines), linespacing=1.25, fontsize=15, fontweight="bold",
                       color=TEXT_COLOUR, family=FONT, va="top", gid="title"))
    _plain(figure.text(0.02, y(title_h + 0.33), picture.subtitle, fontsize=10.5, color="#444444", family=FONT,
                       va="baseline", gid="subtitle"))

    ax = figure.add_axes((0.0, y(top + map_height), 1.0, map_height / height))
    ax.set_axis_off()
    ax.set_aspect("equal")
    world.plot(ax=ax, color=colours, edgecolor=BORDER_COLOUR, linewidth=0.25, zorder=1)
    small = world[world["small"]]
    if len(small):
        xs = [p.x for p in small["label_point"]]
        ys = [p.y for p in small["label_point"]]
        ax.scatter(xs, ys, s=9, c=[fills.get(i, NO_DATA_COLOUR) for i in small.index], edgecolors="#666666",
                   linewidths=0.4, zorder=3)
    selected = world.loc[world.index.intersection(list(picture.selected))]
    if len(selected):
        selected.boundary.plot(ax=ax, color=SELECTED_COLOUR, linewidth=1.1, zorder=4)
        # A ring at each selected country's label point: an outline alone is lost among markers at print size.
        ax.scatter([p.x for p in selected["label_point"]], [p.y for p in selected["label_point"]], s=260,
                   facecolors="none", edgecolors=SELECTED_COLOUR, linewidths=1.4, zorder=6)
    if picture.markers:
        xy = _points([(lon, lat) for lon, lat, _, _ in picture.markers])
        highlighted = np.array([h for *_, h in picture.markers])
        ax.scatter(xy[:, 0], xy[:, 1], s=np.where(highlighted, 30, 12), c=[m[2] for m in picture.markers],
                   edgecolors=np.where(highlighted, SELECTED_COLOUR, "#ffffff"), linewidths=np.where(highlighted, 1, 0.4),
                   zorder=5)
    sea = gpd.GeoSeries([_globe_outline()], crs="EPSG:4326").to_crs(PROJECTION)
    sea.plot(ax=ax, color=SEA_COLOUR, edgecolor="none", zorder=0)
    x0, y0, x1, y1 = world.total_bounds
    ax.set_xlim(x0 - 3e5, x1 + 3e5)
    ax.set_ylim(y0 - 3e5, y1 + 3e5)

    legend_top = y(top + map_height + 0.05)
    class_handles = [Patch(facecolor=c, edgecolor="#999999", linewidth=0.5, label=t) for c, t in picture.legend]
    classes = figure.legend(handles=class_handles, title=picture.legend_title, loc="upper left",
                            bbox_to_anchor=(0.02, legend_top), ncols=CLASS_COLUMNS, frameon=False, fontsize=8.5,
                            title_fontsize=9, alignment="left", handlelength=1.2, columnspacing=1.2,
                            prop={"family": FONT, "size": 8.5})
    for text in [*classes.get_texts(), classes.get_title()]:
        _plain(text)
    if picture.marker_legend:
        marker_handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor=c, markeredgecolor="#ffffff",
                                 markersize=6, label=t) for c, t in picture.marker_legend]
        markers = figure.legend(handles=marker_handles, title=picture.marker_title, loc="upper left",
                                bbox_to_anchor=(0.02, legend_top - class_h / height), ncols=MARKER_COLUMNS, frameon=False,
                                fontsize=8.5, title_fontsize=9, alignment="left", handlelength=1,
                                columnspacing=1.2, prop={"family": FONT, "size": 8.5})
        for text in [*markers.get_texts(), markers.get_title()]:
            _plain(text)

    for index, line in enumerate(footer_lines):
        _plain(figure.text(0.02, (footer_h - 0.12 - 0.16 * index) / height, line, fontsize=7, color="#555555",
                           family=FONT, va="top", gid=f"footer-{index}"))

    out = io.BytesIO()
    options = {"dpi": PNG_DPI} if fmt == "png" else {"metadata": {"Date": None}}
    figure.savefig(out, format=fmt, facecolor="white", **options)
    return out.getvalue()
