/*
 * Year by year on the map: play, pause and step through the years in the browser.
 *
 * Served at static/js/years.js; canada_abroad/map_view.py's year_stepper calls
 * canadaAbroadYears.update(data) on every run of the Map page. In the single-year view the
 * server sends every year's colour class of every country once (data.codes: per country the
 * index of its first year with a value and one character per year from there, "0" for none),
 * so a step repaints at once with no round trip; when play stops, or a moment after the last
 * step, the year is sent back to the app (as the map component's value), which updates the
 * side panel, the legend and the link. In the range view nothing per year is sent (a first
 * visit stays small): the first press asks the app for the single-year view and play goes on
 * once it has arrived.
 *
 * Globals for tests and the benchmark:
 *   window.canadaAbroadYearShown   the year the map shows (null in the range view)
 *   window.canadaAbroadYearSteps   how many years were painted in the browser
 *   window.canadaAbroadStepMs      per step, ms from the step to the second animation frame after it (painted)
 * Keyboard: the controls are buttons; Left and Right arrows step; the year box takes a typed
 * year (Up and Down step it too). Keys pressed in the control do not move the map.
 */
var canadaAbroadYears = (function () {
    "use strict";

    var WRITE_BACK_MS = 600;  // after the last step while paused: one rerun for a burst of steps
    var data = null, shown = null, playing = null, writeTimer = null, posted = null, requests = 0;
    var playWhenReady = false;  // Play pressed in the range view: play once the year view has arrived
    var control = null;

    function map() { return window.map; }  // streamlit-folium's map (the Map page has one)

    var CSS = ".ca-years{background:#fff;padding:6px 8px;border-radius:4px;box-shadow:0 1px 5px rgba(0,0,0,.4);" +
        "font:14px/1.3 sans-serif}.ca-years-big{font-size:40px;font-weight:700;line-height:1;color:#222;" +
        "margin-bottom:4px}.ca-years-row{display:flex;gap:4px;align-items:center}" +
        ".ca-years-button{min-width:36px;min-height:32px;font-size:14px;cursor:pointer;border:1px solid #888;" +
        "border-radius:3px;background:#f4f4f4}.ca-years-button:focus-visible,.ca-years-input:focus-visible{" +
        "outline:3px solid #1a5a96;outline-offset:1px}.ca-years-input{width:5em;font-size:14px;min-height:28px}";

    function addStyle() {
        var style = document.createElement("style");
        style.textContent = CSS;
        document.head.appendChild(style);
    }

    function post(year) {
        posted = year;
        requests += 1;
        if (!window.parent) { return; }
        window.parent.postMessage({isStreamlitMessage: true, type: "streamlit:setComponentValue",
                                   value: {year: year, year_request: requests}, dataType: "json"}, "*");
    }

    function writeBackSoon() {
        if (data.year === null) { return; }  // the range view posted its request at once
        clearTimeout(writeTimer);
        writeTimer = setTimeout(function () { writeTimer = null; post(shown); }, WRITE_BACK_MS);
    }

    function tipFor(shape, year, code) {
        var tip = document.createElement("span");
        tip.textContent = shape.feature.properties.name + ", " + year + ": " + data.classLabels[code];
        return tip;
    }

    function paintCountries(year) {
        var index = year - data.first;
        function restyle(layer) {
            if (!layer) { return; }
            layer.eachLayer(function (shape) {
                var entry = data.codes[shape.feature.properties.iso3];
                var code = entry ? +(entry[1][index - entry[0]] || "0") : 0;
                var style = shape.canadaAbroadStyle || {fillOpacity: 0.9, color: "#ffffff", weight: 0.6};
                style.fillColor = data.colours[code];
                shape.canadaAbroadStyle = style;
                shape.setStyle(style);
                if (year !== data.year) {  // the server's tooltips (exact figures) are for its own year
                    shape.unbindTooltip();
                    shape.bindTooltip(tipFor(shape, year, code), {sticky: true});
                }
            });
        }
        window.canadaAbroadGeometry.then(function (countries) {
            restyle(countries);
            restyle(window.canadaAbroadSmallStates);
        });
    }

    function paintMarkers(year) {
        var markers = window.canadaAbroadMarkers;
        if (!markers || !data.markerYears) { return; }
        if (!markers.canadaAbroadAll) { markers.canadaAbroadAll = markers.getLayers(); }
        markers.canadaAbroadAll.forEach(function (marker) {
            var p = marker.feature.properties, on = year === null || (p.y0 <= year && year <= p.y1);
            if (on && !markers.hasLayer(marker)) { markers.addLayer(marker); }
            if (!on && markers.hasLayer(marker)) { markers.removeLayer(marker); }
        });
    }

    function timeStep() {
        var start = performance.now();
        requestAnimationFrame(function () {
            requestAnimationFrame(function () {
                (window.canadaAbroadStepMs = window.canadaAbroadStepMs || []).push(performance.now() - start);
            });
        });
    }

    function show(year) {
        timeStep();
        shown = year;
        window.canadaAbroadYearShown = year;
        if (year !== null) {
            paintCountries(year);
            window.canadaAbroadYearSteps = (window.canadaAbroadYearSteps || 0) + 1;
        }
        paintMarkers(year);
        if (control) { control.refresh(); }
    }

    function clamp(year) { return Math.max(data.first, Math.min(data.last, year)); }

    function step(by) {
        var from = shown === null ? (by > 0 ? data.first - 1 : data.last + 1) : shown;
        if (data.year === null) {  // the range view: the app draws the year (and sends every year's classes)
            post(clamp(from + by));
            return;
        }
        show(clamp(from + by));
    }

    function pause() {
        if (playing === null) { return; }
        clearInterval(playing);
        playing = null;
        clearTimeout(writeTimer);
        post(shown);
        control.refresh();
    }

    function play() {
        if (playing !== null) { return; }
        if (data.year === null) {  // the range view has no years to step: ask for the first one
            playWhenReady = true;
            post(data.first);
            return;
        }
        clearTimeout(writeTimer);
        if (shown === null || shown >= data.last) { show(data.first); }
        playing = setInterval(function () {
            if (shown >= data.last) { pause(); return; }
            step(1);
        }, data.stepMs);
        control.refresh();
    }

    function button(parent, text, label, onClick) {
        var b = L.DomUtil.create("button", "ca-years-button", parent);
        b.type = "button";
        b.textContent = text;
        b.setAttribute("aria-label", label);
        b.title = label;
        L.DomEvent.on(b, "click", function (e) { L.DomEvent.stop(e); onClick(); });
        return b;
    }

    var YearControl = L.Control.extend({
        options: {position: "topright"},
        onAdd: function () {
            var words = data.words;
            var box = L.DomUtil.create("div", "ca-years");
            box.setAttribute("role", "group");
            box.setAttribute("aria-label", words.group);
            this.big = L.DomUtil.create("div", "ca-years-big", box);
            this.big.setAttribute("aria-live", "polite");
            var row = L.DomUtil.create("div", "ca-years-row", box);
            button(row, "\u25C0", words.previous, function () { pause(); step(-1); writeBackSoon(); });
            this.playButton = button(row, "", words.play, function () {
                if (playing === null) { play(); } else { pause(); }
            });
            button(row, "\u25B6", words.next, function () { pause(); step(1); writeBackSoon(); });
            var label = L.DomUtil.create("label", "ca-years-label", row);
            label.textContent = words.year + " ";
            this.input = L.DomUtil.create("input", "ca-years-input", label);
            this.input.type = "number";
            this.input.step = "1";
            var input = this.input;
            L.DomEvent.on(input, "input", function () {
                var year = parseInt(input.value, 10);
                if (/^\d{4}$/.test(input.value) && year >= data.first && year <= data.last) {
                    pause();
                    if (data.year === null) { post(year); return; }
                    show(year);
                    writeBackSoon();
                }
            });
            L.DomEvent.on(box, "keydown", function (e) {
                // Keys pressed here are for the years, not for Leaflet's keyboard panning.
                L.DomEvent.stopPropagation(e);
                if (e.target === input) { return; }
                if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
                    e.preventDefault();
                    pause();
                    step(e.key === "ArrowLeft" ? -1 : 1);
                    writeBackSoon();
                }
            });
            L.DomEvent.disableClickPropagation(box);  // a click here is not a click on the sea
            L.DomEvent.disableScrollPropagation(box);
            return box;
        },
        refresh: function () {
            var words = data.words;
            this.big.textContent = shown === null ? data.first + "\u2013" + data.last : String(shown);
            this.playButton.textContent = playing === null ? "\u25B6 " + words.play : "\u275A\u275A " + words.pause;
            this.playButton.setAttribute("aria-label", playing === null ? words.play : words.pause);
            this.playButton.setAttribute("aria-pressed", playing === null ? "false" : "true");
            this.input.min = String(data.first);
            this.input.max = String(data.last);
            if (document.activeElement !== this.input) { this.input.value = shown === null ? "" : String(shown); }
        }
    });

    /* Called on every run with the server's view of the years (see map_view.year_stepper). */
    function update(next) {
        data = next;
        if (!map()) { return; }
        if (!control) {
            addStyle();
            control = new YearControl();
            control.addTo(map());
        }
        // A run the reader has already moved past (an older year still on its way) is not shown;
        // while playing, the browser leads.
        var stale = playing !== null || writeTimer !== null || (posted !== null && posted !== data.year);
        if (!stale) { posted = null; }
        show(stale ? shown : data.year);
        if (playWhenReady && data.year !== null) {
            playWhenReady = false;
            play();
        }
    }

    return {update: update};
})();
