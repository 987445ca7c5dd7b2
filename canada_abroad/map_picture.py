"""What the map image shows for a view, as plain values: built on click, cheap, and the image cache's key.

Kept apart from map_image.py so that pages import it without geopandas and matplotlib (their import
would add a second to a fresh server's first page).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from canada_abroad.citation import long_date
from canada_abroad.i18n import N_, _
from canada_abroad.legend_entries import legend_items, marker_items
from canada_abroad.licence import licence_line, source_line
from canada_abroad.map_view import marker_features
from canada_abroad.measures import ColourClass, colour_classes, colour_for, country_measure
from canada_abroad.release import Release
from canada_abroad.text import label
from canada_abroad.view_state import ViewState
from canada_abroad.view_words import view_subtitle, view_title

RELEASE_LINE = N_("Data release {version}, {date} · This view: {url}")
MARKERS_TITLE = N_("Markers by type")


@dataclass(frozen=True)
class MapPicture:
    """Everything the image shows, as plain values (hashable, so a cache can key on it)."""

    title: str
    subtitle: str
    fills: tuple[tuple[str, str], ...]  # (iso3, colour) for countries with a value
    selected: tuple[str, ...]
    legend_title: str
    legend: tuple[tuple[str, str], ...]  # (colour, words)
    markers: tuple[tuple[float, float, str, bool], ...]  # (lon, lat, colour, highlighted)
    marker_legend: tuple[tuple[str, str], ...]
    footer: tuple[str, ...]
    marker_title: str = MARKERS_TITLE  # in the view's language, like every text here


def picture_markers(features: dict) -> tuple[tuple[float, float, str, bool], ...]:
    """The live map's marker features (map_view.marker_features) as plain points."""
    return tuple((float(f["geometry"]["coordinates"][0]), float(f["geometry"]["coordinates"][1]),
                  str(f["properties"]["colour"]), bool(f["properties"].get("highlight")))
                 for f in features["features"])


def picture_of_view(view: ViewState, rows: pd.DataFrame, release: Release, url: str, *, first_year: int,
                    last_year: int, selected: set[str], selection_name: str | None = None,
                    scale: tuple[pd.Series, list[ColourClass]] | None = None) -> MapPicture:
    """What the live map shows for this view (same measure, classes, legend and markers), with words around it.

    `scale`: the values and classes when they are not the view's own (one year on the scale of every year,
    years.one_year_on_one_scale).
    """
    if scale is None:
        values = country_measure(rows, view.measure, view.filters.first_active, view.filters.last_active)
        classes = colour_classes(values)
    else:
        values, classes = scale
    return MapPicture(
        title=view_title(view),
        subtitle=view_subtitle(view, first_year, last_year, selection_name),
        fills=tuple((str(iso3), colour_for(value, classes)) for iso3, value in values.items()),
        selected=tuple(sorted(selected)),
        legend_title=label("measure", view.measure),
        legend=tuple(legend_items(classes, view.measure)),
        markers=picture_markers(marker_features(rows, view.operation)),
        marker_legend=tuple(marker_items(set(rows["mission_type"]))),
        footer=(source_line(), _(RELEASE_LINE).format(version=release.version, date=long_date(release.date), url=url),
                licence_line()),
        marker_title=_(MARKERS_TITLE),
    )


BOX = ("position:absolute;z-index:1000;left:10px;background:rgba(255,255,255,0.92);padding:6px 10px;"
       "border-radius:4px;font:12px/1.4 system-ui,sans-serif;color:#222;max-width:calc(100% - 80px)")
SWATCH = "display:inline-block;width:11px;height:11px;margin:0 4px -1px 10px;border:1px solid #999;"


def _swatches(items: tuple[tuple[str, str], ...], round_: bool) -> str:
    radius = "border-radius:50%;" if round_ else ""
    return "".join(f'<span style="{SWATCH}{radius}background:{html.escape(colour)}"></span>{html.escape(text)}'
                   for colour, text in items)


def caption_html(picture: MapPicture) -> str:
    """Title, legend and source line for the HTML download, laid over the map; every text HTML-escaped."""
    markers = (f"<div>{html.escape(picture.marker_title)}:{_swatches(picture.marker_legend, True)}</div>"
               if picture.marker_legend else "")
    footer = "<br>".join(html.escape(line) for line in picture.footer)
    return (f'<div style="{BOX};top:10px;left:60px"><strong style="font-size:15px">{html.escape(picture.title)}'
            f"</strong><br>{html.escape(picture.subtitle)}</div>"
            f'<div style="{BOX};bottom:10px"><div>{html.escape(picture.legend_title)}:'
            f"{_swatches(picture.legend, False)}</div>{markers}"
            f'<div style="color:#555;font-size:11px;margin-top:4px">{footer}</div></div>')
