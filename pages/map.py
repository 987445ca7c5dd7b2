"""Map: countries coloured by the chosen measure, deployment markers, and a side panel.

Click a country for its engagements, a marker for its operation, the sea to close.
URL parameters: the shared filters (type, org, status, region, from, to, q),
measure, and the selection (country or op). With Streamlit's `embed=true` it shows
only the map, its legend and a link back to the full view (for an <iframe>).
"""

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from canada_abroad.assets import inline_leaflet
from canada_abroad.map_events import RETURNED_OBJECTS, interpret_click
from canada_abroad.map_picture import caption_html
from canada_abroad.map_view import base_map, country_styles, dynamic_layers, marker_features, standalone_html
from canada_abroad.measures import MEASURES, colour_classes, country_measure
from canada_abroad.safe_text import markdown_text as md
from canada_abroad.text import count, measure_text, ui_text
from canada_abroad.view_data import country_figures, rows_with_names
from canada_abroad.view_state import BY_NAME
from ui import cached
from ui.find import country_list, map_fit, render_twin, search_box
from ui.legend import render_legend
from ui.page import csv_download, open_page
from ui.panels import country_panel, operation_panel
from ui.publish import FULL_VIEW, is_embedded, map_link, picture_maker, render_map_downloads, view_words
from ui.state import current_view, set_view
from ui.widgets import draw_widget

MAP_KEY = "world_map"
MEASURE = BY_NAME["measure"]
PREVIOUS_EVENT_KEY = "world_map_previous_event"

page = open_page()
geography, dataset, view, rows = page.geography, page.dataset, page.view, page.rows


def on_map_event() -> None:
    """Runs before the page when the map reports a click; the panel then renders from state."""
    event = st.session_state.get(MAP_KEY)
    click = interpret_click(event, st.session_state.get(PREVIOUS_EVENT_KEY))
    st.session_state[PREVIOUS_EVENT_KEY] = event
    if click is None:
        return
    view = current_view()
    if click.operation:
        set_view(view.select_operation(click.operation))
    else:
        set_view(view.select_country(click.country))


def close_panel() -> None:
    set_view(current_view().select_country(None))


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
    values = country_measure(rows, view.measure, view.filters.year_from, view.filters.year_to)
    classes = colour_classes(values)
    styles = country_styles(values, classes, geography, selected_countries(),
                            lambda v: measure_text(view.measure, v))
    st_folium(base_map(geography, geometry_url=cached.geometry_url()), key=MAP_KEY,
              feature_group_to_add=dynamic_layers(styles, marker_features(rows, view.operation)).groups,
              returned_objects=RETURNED_OBJECTS, height=480, use_container_width=True)
    render_legend(classes, view.measure, set(rows["mission_type"].unique()))
    st.link_button(FULL_VIEW, map_link("map"))
    st.stop()

st.title("Canada's deployments and commitments abroad")
st.caption(f"{len(rows)} of {len(dataset.frame)} engagements and {count(rows['operation_id'].nunique(), 'operations')} "
           "match the filters. Click a country or a marker for details; click the sea to close the panel.")

search_box(dataset.frame, geography)

controls = st.columns([2, 1])
# The link's measure is the widget's default, never written into its state (see ui/widgets.py).
measure = draw_widget(MEASURE, view.measure, MEASURES, where=controls[0])
if measure != view.measure:
    set_view(replace(current_view(), measure=measure))
tiles = controls[1].toggle("Background tiles (needs internet)", key="w_tiles", value=False)

values = country_measure(rows, measure, view.filters.year_from, view.filters.year_to)
classes = colour_classes(values)

# app.py's style puts the panel above the map on a phone; it finds the columns by this container's key.
map_and_panel = st.container(key="map_and_panel")
map_column, panel_column = map_and_panel.columns([3, 2], gap="medium")
# The panel is written first although it shows on the right: after a click it reaches the reader
# before the map's larger message is built and sent.
with panel_column:
    if view.country:
        st.button("Close panel", on_click=close_panel, key="close_country")
        country_panel(rows, view.country, geography.country_name(view.country))
    elif view.operation:
        st.button("Close panel", on_click=close_panel, key="close_operation")
        operation_panel(rows, view.operation)
    else:
        st.subheader(ui_text("where_engaged"))
        if values.empty:
            st.info("No engagement matches the current filters.")
        else:
            # Every country, not a top ten; each opens its panel.
            country_list(values, lambda v: measure_text(measure, v), geography)

selected = selected_countries()
styles = country_styles(values, classes, geography, selected, lambda v: measure_text(measure, v))
layers = dynamic_layers(styles, marker_features(rows, view.operation), fit=map_fit())

with map_column:
    st_folium(
        base_map(geography, geometry_url=cached.geometry_url(), tiles=tiles),
        key=MAP_KEY,
        feature_group_to_add=layers.groups,
        returned_objects=RETURNED_OBJECTS,
        on_change=on_map_event,
        height=540,
        use_container_width=True,
    )
    render_legend(classes, measure, set(rows["mission_type"].unique()))
    render_twin(country_figures(rows, replace(view, measure=measure), geography), measure)
    render_map_downloads(rows, dataset, geography, selected)
    downloads = st.columns(2)
    picture = picture_maker(rows, dataset, geography, selected)
    csv_download("Download filtered rows (CSV)", lambda: rows_with_names(rows, geography),
                 "canada-abroad-filtered.csv", columns=None, where=downloads[0])
    downloads[1].download_button(
        # Fresh layers: st_folium renames the ones it was given in place, which would break the file.
        "Download this map (HTML)", lambda: standalone_html(
            geography, dynamic_layers(styles, marker_features(rows, view.operation)), inline_leaflet(),
            caption_html(picture())),
        file_name="canada-abroad-map.html", mime="text/html", on_click="ignore")
