"""Map: countries coloured by the chosen measure, deployment markers, and a side panel.

Click a country for its engagements, a marker for its operation, the sea to close.
URL parameters: the shared filters (type, org, status, region, from, to, year, q),
measure, the selection (country or op) and compare (two years side by side, above the
map). With `year` the map shows that year on one colour scale for all years; the control
on the map plays and steps through years. With Streamlit's `embed=true` it shows only the
map, its legend and a link back to the full view (for an <iframe>).
"""

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from canada_abroad.assets import inline_leaflet
from canada_abroad.filters import apply_filters
from canada_abroad.i18n import N_, _, current_language, in_this_language
from canada_abroad.legend_entries import legend_items
from canada_abroad.map_events import RETURNED_OBJECTS, interpret_click, requested_year
from canada_abroad.map_picture import caption_html
from canada_abroad.map_view import (
    YearSteps,
    base_map,
    choropleth_layer,
    country_styles,
    dynamic_layers,
    marker_features,
    marker_layer,
    standalone_html,
    year_stepper,
    years_layer,
)
from canada_abroad.measures import MEASURES
from canada_abroad.palette import NO_DATA_COLOUR
from canada_abroad.safe_text import markdown_text as md
from canada_abroad.text import count, format_number, measure_text, ui_text
from canada_abroad.view_data import country_figures, rows_with_names
from canada_abroad.view_state import BY_NAME
from canada_abroad.view_words import PRODUCT_TITLE
from canada_abroad.years import class_codes
from ui import cached
from ui.compare import compare_picker, render_comparison
from ui.find import country_list, map_fit, render_twin, search_box
from ui.legend import render_legend
from ui.map_component import Layer, folium_map
from ui.page import csv_download, open_page
from ui.panels import country_panel, operation_panel
from ui.phone import panel_anchor
from ui.publish import FULL_VIEW, is_embedded, map_link, picture_maker, render_map_downloads, view_words
from ui.sidebar import YEAR_KEY
from ui.state import current_view, set_view
from ui.widgets import draw_widget

MAP_KEY = "world_map"
MEASURE = BY_NAME["measure"]
PREVIOUS_EVENT_KEY = "world_map_previous_event"
AFTER_MAP = "after-the-map"  # where the skip link lands

# The words of the map's year control (static/js/years.js), translated each run.
YEAR_WORDS = {"group": N_("Year"), "play": N_("Play"), "pause": N_("Pause"), "previous": N_("Previous year"),
              "next": N_("Next year"), "year": N_("Year")}
ONE_SCALE = N_("One colour scale for every year from {first} to {last}, so any two years compare.")
VIEW_SCALE = N_("Classes from this view ({first}–{last}); choose one year to compare years on one scale.")
PLAY_HINT = N_("Play, pause or step through the years with the control on the map, or type a year in it.")
MATCHING = N_("{rows} of {total} engagements and {operations} match the filters. Click a country or a marker for "
              "details; click the sea to close the panel.")
TILES = N_("Background tiles (needs internet)")
CLOSE = N_("Close panel")
ENGAGED_IN = N_("Where Canada was engaged in {year}")
NOTHING = N_("No engagement matches the current filters.")
ROWS_LABEL = N_("Download filtered rows (CSV)")
HTML_LABEL = N_("Download this map (HTML)")
# Translated too, so a French reader's files have French names (the stems stay plain ASCII).
ROWS_FILE = N_("canada-abroad-filtered.csv")
HTML_FILE = N_("canada-abroad-map.html")

page = open_page()
geography, dataset, view, rows = page.geography, page.dataset, page.view, page.rows
all_years_rows = apply_filters(dataset.frame, replace(view.filters, year=None))  # what the year control steps in


def on_map_event() -> None:
    """Runs before the page when the map reports a click; the panel then renders from state."""
    event = st.session_state.get(MAP_KEY)
    previous = st.session_state.get(PREVIOUS_EVENT_KEY)
    click = interpret_click(event, previous)
    st.session_state[PREVIOUS_EVENT_KEY] = event
    year = requested_year(event, dataset.first_year, dataset.last_year)
    if year is not None and event != previous:
        view = current_view()
        set_view(replace(view, filters=replace(view.filters, year=year, year_from=None, year_to=None)))
        st.session_state[YEAR_KEY] = year  # the sidebar's year box follows (callbacks run before widgets)
    if click is None:
        return
    view = current_view()
    if click.operation:
        set_view(view.select_operation(click.operation))
    else:
        set_view(view.select_country(click.country))


def close_panel() -> None:
    set_view(current_view().select_country(None))


def measure_view(measure: str):
    """The map's values and classes; in the single-year view also every year's values and their one scale.

    Every year the filters allow is measured once (cached) for the single-year view, which colours its
    year on that one scale and sends every year to the map's year control. The range view keeps classes
    of its own values and measures no other year (a filter change at 100,000 rows stays one pass).
    """
    filters = view.filters
    span = range(filters.year_from or dataset.first_year, (filters.year_to or dataset.last_year) + 1)
    if filters.year is None:
        values, classes = cached.view_measure(dataset, repr(filters), measure, filters.year_from, filters.year_to, rows)
        return values, classes, None, [], span
    by_year, one_scale = cached.years_of_measure(dataset, repr(replace(filters, year=None)), measure, span,
                                                 all_years_rows)
    values = by_year[filters.year].dropna() if filters.year in by_year.columns else by_year.iloc[:0, 0]
    return values, one_scale, by_year, one_scale, span


def year_steps(by_year, one_scale, span: range, markers: dict, measure: str) -> YearSteps:
    """What the map's year control needs; every year's classes only in the single-year view (the range view
    asks for that view first, so a first visit does not carry them)."""
    entries = legend_items(one_scale, measure)  # the classes, then "none or not stated"
    one_year = view.filters.year is not None
    with_years = bool(markers["features"]) and "y0" in markers["features"][0]["properties"]
    return YearSteps(first=span.start, last=span.stop - 1, year=view.filters.year,
                     codes=class_codes(by_year, one_scale) if one_year else {},  # by_year is None otherwise
                     colours=[NO_DATA_COLOUR] + [c.colour for c in one_scale],
                     class_labels=[entries[-1][1]] + [text for _colour, text in entries[:-1]], marker_years=with_years,
                     words={key: _(word) for key, word in YEAR_WORDS.items()})


def year_markers() -> dict:
    """In the single-year view the markers of every year go to the browser, which shows a year's own;
    beyond the marker limit they are counted per grid cell, which has no years: then they are the year's."""
    if view.filters.year is None:
        return cached.markers(dataset, repr(view.filters), view.operation, rows)
    markers = cached.markers(dataset, repr(replace(view.filters, year=None)), view.operation, all_years_rows,
                             with_years=True)
    if markers["features"] and markers["features"][0]["properties"].get("cell"):
        return cached.markers(dataset, repr(view.filters), view.operation, rows)
    return markers


embedded = is_embedded()


def selected_countries() -> set[str]:
    if view.country:
        return {view.country}
    if view.operation:
        return set(dataset.frame.loc[dataset.frame["operation_id"] == view.operation, "iso3"]) - {""}
    return set()


if embedded:
    title, subtitle = view_words(dataset, geography)
    st.markdown(f"**{md(title)}**  \n{md(subtitle)}")
    values, classes, *_others = measure_view(view.measure)
    styles = country_styles(values, classes, geography, selected_countries(),
                            lambda v: measure_text(view.measure, v))
    st_folium(base_map(geography, geometry_url=cached.geometry_url(current_language())), key=MAP_KEY,
              feature_group_to_add=dynamic_layers(styles, cached.markers(dataset, repr(view.filters), view.operation,
                                                                         rows)).groups,
              returned_objects=RETURNED_OBJECTS, height=480, use_container_width=True)
    render_legend(classes, view.measure, set(rows["mission_type"].unique()))
    st.link_button(_(FULL_VIEW), map_link("map"))
    st.stop()

st.title(_(PRODUCT_TITLE))
st.caption(_(MATCHING).format(rows=format_number(len(rows)), total=format_number(len(dataset.frame)),
                              operations=count(rows["operation_id"].nunique(), "operations")))

search_box(dataset)

controls = st.columns([2, 1])
# The link's measure is the widget's default, never written into its state (see ui/widgets.py).
measure = draw_widget(MEASURE, view.measure, MEASURES, where=controls[0])
if measure != view.measure:
    set_view(replace(current_view(), measure=measure))
tiles = controls[1].toggle(_(TILES), key="w_tiles", value=False)

filters = view.filters
values, classes, by_year, one_scale, span = measure_view(measure)
if view.compare:
    render_comparison(dataset, geography, measure)
else:
    compare_picker(dataset)

# app.py's style puts the panel above the map on a phone; it finds the columns by this container's key.
map_and_panel = st.container(key="map_and_panel")
map_column, panel_column = map_and_panel.columns([3, 2], gap="medium")
# The panel is written first although it shows on the right: after a click it reaches the reader
# before the map's larger message is built and sent.
with panel_column:
    panel_anchor(view.country or view.operation)  # on a phone, a new panel is scrolled into view
    if view.country:
        st.button(_(CLOSE), on_click=close_panel, key="close_country")
        country_panel(rows, view.country, geography.country_name(view.country))
    elif view.operation:
        st.button(_(CLOSE), on_click=close_panel, key="close_operation")
        operation_panel(rows, view.operation)
    else:
        st.subheader(ui_text("where_engaged") if filters.year is None else _(ENGAGED_IN).format(year=filters.year))
        if values.empty:
            st.info(_(NOTHING))
        else:
            # Every country, not a top ten; each opens its panel.
            country_list(values, lambda v: measure_text(measure, v), geography)

selected = selected_countries()
styles = country_styles(values, classes, geography, selected, lambda v: measure_text(measure, v))
markers = year_markers()
steps = year_steps(by_year, one_scale, span, markers, measure)
# Rendered once and reused while only the selection changes (ui/map_component.py): the base map per outline file,
# tiles and frame title (its only inputs besides the process-wide geography), the markers per dataset, filters
# and highlighted operation (what year_markers reads). The choropleth (selection) and year control every run.
layers = [Layer(lambda: choropleth_layer(styles, map_fit())),
          Layer(lambda: marker_layer(markers), key=("markers", cached.dataset_key(dataset), repr(view.filters),
                                                    view.operation, current_language())),
          Layer(lambda: years_layer(year_stepper(steps)))]

with map_column:
    # The map is one tab stop (map.js); keyboard readers may jump past it to the legend and the table.
    st.html(f'<a class="skip-map" href="#{AFTER_MAP}">{ui_text("skip_map")}</a>')
    folium_map(("base", cached.geometry_url(current_language()), tiles, ui_text("map_frame_title"),
               ui_text("filters_toggle")),
               lambda: base_map(geography, geometry_url=cached.geometry_url(current_language()), tiles=tiles), layers,
               key=MAP_KEY, returned_objects=RETURNED_OBJECTS, on_change=on_map_event, height=540)
    render_legend(classes, measure, set(rows["mission_type"].unique()), anchor=AFTER_MAP)
    scale_note = ONE_SCALE if filters.year is not None else VIEW_SCALE
    st.caption(_(scale_note).format(first=span.start, last=span.stop - 1) + " " + _(PLAY_HINT))
    render_twin(lambda: country_figures(rows, replace(view, measure=measure), geography, values), measure)
    render_map_downloads(rows, dataset, geography, selected, values)
    downloads = st.columns(2)
    picture = picture_maker(rows, dataset, geography, selected)
    # Files are made on click, outside this run: in_this_language keeps them in the language shown.
    csv_download(_(ROWS_LABEL), in_this_language(lambda: rows_with_names(rows, geography)), _(ROWS_FILE),
                 columns=None, where=downloads[0])
    downloads[1].download_button(
        # Fresh layers: st_folium renames the ones it was given in place, which would break the file.
        _(HTML_LABEL), in_this_language(lambda: standalone_html(
            geography, dynamic_layers(styles, marker_features(rows, view.operation)), inline_leaflet(),
            caption_html(picture()))),
        file_name=_(HTML_FILE), mime="text/html", on_click="ignore")
