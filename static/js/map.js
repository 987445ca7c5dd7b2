/*
 * The map's own browser code (canada_abroad/map_view.py calls it; Leaflet loads first).
 *
 * Served by the app at /app/static/js/map.js and inlined into the standalone HTML export.
 * Globals other code relies on:
 *   window.canadaAbroadCountries   the countries layer (GeoJSON, filled once the outlines arrive)
 *   window.canadaAbroadGeometry    a promise of that layer, filled
 *   window.canadaAbroadSmallStates the layer of dots for small states
 *   window.canadaAbroadStyleRuns   how many times countries were restyled (tests and the benchmark wait on it)
 * accessibleFrame also renames the iframe this page runs in (window.frameElement, same origin).
 * Text from the data only ever becomes text here (textContent), never HTML.
 */
var canadaAbroad = (function () {
    "use strict";

    /* Inverse of canada_abroad.browser_geometry.encode_countries (its Python twin is decode_countries). */
    function decodeCountries(data) {
        var scale = data.scale;
        function ring(steps) {
            var x = 0, y = 0, points = new Array(steps.length / 2);
            for (var i = 0; i < steps.length; i += 2) {
                x += steps[i]; y += steps[i + 1];
                points[i / 2] = [x / scale, y / scale];
            }
            return points;
        }
        return {type: "FeatureCollection", features: data.countries.map(function (c) {
            return {type: "Feature", properties: {iso3: c[0], name: c[1]},
                    geometry: {type: "MultiPolygon", coordinates: c[2].map(function (p) { return p.map(ring); })}};
        })};
    }

    /*
     * The countries layer, filled from the compact outlines once they arrive.
     *
     * The layer exists (empty) as soon as the map does, so streamlit-folium hooks its click
     * handler on it; shapes added later pass their clicks up to it. The outlines come from
     * options.url (the app) or options.inline (the standalone file).
     */
    function countryShapes(map, options) {
        var base = {fillColor: options.noData, fillOpacity: 0.9, color: "#ffffff", weight: 0.6};
        var layer = L.geoJson(null, {style: function () { return base; }, smoothFactor: 1}).addTo(map);
        layer.on("mouseover", function (e) { e.layer.setStyle({weight: 2, color: "#333333"}); });
        layer.on("mouseout", function (e) { e.layer.setStyle(e.layer.canadaAbroadStyle || base); });
        window.canadaAbroadCountries = layer;
        var source = options.url ? fetch(options.url).then(function (r) {
            if (!r.ok) { throw new Error("country outlines: HTTP " + r.status); }
            return r.json();
        }) : Promise.resolve(options.inline);
        window.canadaAbroadGeometry = source.then(function (data) {
            layer.addData(decodeCountries(data));
            layer.bringToBack();
            return layer;
        });
    }

    /*
     * Report a click to Streamlit at once instead of after streamlit-folium's 250 ms debounce.
     *
     * streamlit-folium records a click in window.__GLOBAL_DATA__ and sends the component value
     * 250 ms later (debounced for map moves). For a click the wait is pure latency, so this sends
     * the same value, built the same way and with the same keys (`keys`, in streamlit-folium's
     * order), as soon as the click handlers have run, and records it as sent; the debounced call
     * then finds nothing new and sends nothing. If streamlit-folium's internals change, the guards
     * leave its own path working as before.
     */
    function instantClicks(map, keys) {
        map.on("click", function () {
            setTimeout(function () {  // after streamlit-folium's own click handlers
                var data = window.__GLOBAL_DATA__, leaflet = window.map;
                if (!data || !leaflet || !Array.isArray(data.returned_objects) || !window.parent) { return; }
                var wrap = function (ll) { return ll && data.wrap_longitude ? leaflet.wrapLatLng(ll) : ll; };
                var all = {last_clicked: wrap(data.lat_lng_clicked), last_object_clicked: wrap(data.last_object_clicked),
                           last_active_drawing: data.last_active_drawing};
                var value = {};
                keys.forEach(function (key) {
                    if (data.returned_objects.indexOf(key) >= 0) { value[key] = all[key]; }
                });
                if (Object.keys(value).length !== data.returned_objects.length) { return; }
                if (JSON.stringify(value) === JSON.stringify(data.previous_data)) { return; }
                data.previous_data = value;
                window.parent.postMessage({isStreamlitMessage: true, type: "streamlit:setComponentValue",
                                           value: value, dataType: "json"}, "*");
            }, 0);
        });
    }

    /*
     * Colour the countries and small-state dots and set their tooltips, in place.
     *
     * styles: {iso3: {fill, tip, selected}} for countries with a value; others get options.noData
     * and their own name. Runs again on every filter change. options.fit: {bounds, token} to move to.
     */
    function styleCountries(styles, selected, options) {
        function restyle(layer) {
            layer.eachLayer(function (shape) {
                var code = shape.feature.properties.iso3;
                var style = styles[code] || {fill: options.noData, tip: shape.feature.properties.name,
                                             selected: selected.indexOf(code) >= 0};
                shape.canadaAbroadStyle = {
                    fillColor: style.fill, fillOpacity: 0.9,
                    color: style.selected ? options.selectedColour : "#ffffff",
                    weight: style.selected ? 2.5 : 0.6
                };
                shape.setStyle(shape.canadaAbroadStyle);
                if (style.selected && shape.bringToFront) { shape.bringToFront(); }
                var tip = document.createElement("span");
                tip.textContent = style.tip;
                shape.unbindTooltip();
                shape.bindTooltip(tip, {sticky: true});
            });
        }
        window.canadaAbroadGeometry.then(function (countries) {
            restyle(countries);
            restyle(window.canadaAbroadSmallStates);
            markersOnTop();
            fitOnce(options.fit);
            window.canadaAbroadStyleRuns = (window.canadaAbroadStyleRuns || 0) + 1;
        });
    }

    /* Markers above the countries: a selected country is brought to the front and would cover its own markers. */
    function markersOnTop() {
        if (!window.map) { return; }
        window.map.eachLayer(function (layer) {
            var p = layer.feature && layer.feature.properties;
            if (p && (p.op || p.cell) && layer.bringToFront) { layer.bringToFront(); }
        });
    }

    /*
     * Move the map to a place the reader searched for, once per search (fit.token): later reruns with
     * the same token leave the reader's own panning alone.
     */
    function fitOnce(fit) {
        if (!fit || !window.map || window.canadaAbroadFitToken === fit.token) { return; }
        window.canadaAbroadFitToken = fit.token;
        window.map.fitBounds(fit.bounds, {maxZoom: 6, padding: [24, 24], animate: false});
    }

    /*
     * Markers at one point (five operations in Kyiv) spread on a small ring, in screen pixels, once the
     * reader has zoomed in (SPREAD_FROM_ZOOM) so each can be seen and clicked; their tooltips still name
     * the place. At world zoom a ring would put Kigali's markers over the Congo, so they stay stacked there.
     */
    var SPREAD_FROM_ZOOM = 4;

    function spreadMarkers(layer) {
        var map = window.map;
        if (!map) { return; }
        var groups = {};
        layer.eachLayer(function (marker) {
            if (!marker.getLatLng) { return; }
            var home = marker.getLatLng();
            marker.canadaAbroadHome = home;
            var key = home.lat.toFixed(4) + "," + home.lng.toFixed(4);
            (groups[key] = groups[key] || []).push(marker);
        });
        function place() {
            var spread = map.getZoom() >= SPREAD_FROM_ZOOM;
            Object.keys(groups).forEach(function (key) {
                var group = groups[key];
                if (group.length < 2) { return; }
                if (!spread) {
                    group.forEach(function (marker) { marker.setLatLng(marker.canadaAbroadHome); });
                    return;
                }
                var centre = map.latLngToLayerPoint(group[0].canadaAbroadHome), radius = Math.max(9, 2.2 * group.length + 2);
                group.forEach(function (marker, i) {
                    var angle = 2 * Math.PI * i / group.length - Math.PI / 2;
                    marker.setLatLng(map.layerPointToLatLng(
                        centre.add(L.point(radius * Math.cos(angle), radius * Math.sin(angle)))));
                });
            });
        }
        if (window.canadaAbroadSpread) { map.off("zoomend", window.canadaAbroadSpread); }
        window.canadaAbroadSpread = place;
        map.on("zoomend", place);
        place();
    }

    /*
     * What a screen reader and a zooming reader need from the map's frame (WCAG 2.1 AA):
     * the frame gets a meaningful title instead of the component's name, the map a label, and
     * pinch-zoom is allowed again (folium's page sets user-scalable=no, which axe-core flags).
     */
    function accessibleFrame(map, options) {
        document.querySelectorAll("meta[name=viewport]").forEach(function (viewport) {
            viewport.setAttribute("content", "width=device-width, initial-scale=1.0");
        });
        document.title = options.title;
        var container = map.getContainer();
        container.setAttribute("role", "region");
        container.setAttribute("aria-label", options.title);
        try {
            if (window.frameElement) { window.frameElement.setAttribute("title", options.title); }
        } catch (e) { /* another origin (an embed): the frame keeps its own title */ }
        oneTabStop(container);
        labelFiltersToggle(options.filters);
    }

    /* The page's sidebar toggle gets its visible word as its name (ui/phone.py does it on other pages). */
    function labelFiltersToggle(name) {
        var page;
        try { page = window.parent.document; } catch (e) { return; }
        if (!name || page === document) { return; }
        function f() {
            page.querySelectorAll("[data-testid='stExpandSidebarButton']").forEach(function (b) {
                b.setAttribute("aria-label", name);
            });
        }
        f();
        var watch = new MutationObserver(f);
        watch.observe(page.body, {childList: true, subtree: true});
        window.addEventListener("pagehide", function () { watch.disconnect(); });
    }

    /* The map is one tab stop (Chromium stopped on each of 525 shapes); the README says why. */
    var NOT_STOPS = "path, .leaflet-marker-icon, .leaflet-control-zoom a, .leaflet-control-attribution a";

    function oneTabStop(container) {
        function leaveOut() {
            container.querySelectorAll(NOT_STOPS).forEach(function (e) { e.setAttribute("tabindex", "-1"); });
        }
        leaveOut();
        new MutationObserver(leaveOut).observe(container, {childList: true, subtree: true});
    }

    return {decodeCountries: decodeCountries, countryShapes: countryShapes, instantClicks: instantClicks,
            styleCountries: styleCountries, accessibleFrame: accessibleFrame, spreadMarkers: spreadMarkers};
})();
