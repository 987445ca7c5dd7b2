"""The map's colours that carry meaning stand out at WCAG 2.1's 3:1 non-text contrast (success criterion 1.4.11).

Contrast is WCAG 2.1's relative-luminance ratio, computed by coloraide. A country is filled at FILL_OPACITY
over the sea, so the colour judged is that blend, as the browser draws it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from coloraide import Color

from canada_abroad.palette import (
    CLASS_COLOURS,
    COUNTRY_OUTLINE,
    FILL_OPACITY,
    NO_DATA_COLOUR,
    SEA_COLOUR,
    SELECTED_COLOUR,
)

MAP_JS = Path(__file__).resolve().parent.parent / "static" / "js" / "map.js"
NON_TEXT = 3.0


def contrast(a: str | Color, b: str | Color) -> float:
    return Color(a).contrast(Color(b), method="wcag21")


def as_drawn(colour: str) -> Color:
    """A fill as it shows on the map: FILL_OPACITY of it over the sea."""
    return Color.layer([Color(colour).set("alpha", FILL_OPACITY), SEA_COLOUR], space="srgb")


def test_contrast_is_wcag_21_relative_luminance():
    """The worked examples: black on white is 21:1, a colour with itself 1:1, #777777 on white about 4.48:1."""
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#21918c", "#21918c") == pytest.approx(1.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("colour", CLASS_COLOURS)
@pytest.mark.parametrize(("name", "other"), [("the sea", SEA_COLOUR), ("land with no engagement", None),
                                             ("the outline between countries", COUNTRY_OUTLINE)])
def test_every_class_stands_out_from_sea_empty_land_and_the_border(colour, name, other):
    """An engaged country is told from the sea, from a country without engagement and (by its white border)
    from any neighbour at 3:1 or more."""
    other = as_drawn(NO_DATA_COLOUR) if other is None else Color(other)
    ratio = contrast(as_drawn(colour), other)
    assert ratio >= NON_TEXT, f"class {colour} against {name}: {ratio:.2f}:1"


def test_classes_run_light_to_dark_and_each_step_is_visible():
    """Sequential: more is darker, and neighbouring classes differ by at least 1.25:1 (3:1 between all five is
    impossible: it needs a range of 3**4 = 81:1 and white to black is 21:1; the value is also written out)."""
    drawn = [as_drawn(colour) for colour in CLASS_COLOURS]
    luminances = [colour.luminance() for colour in drawn]
    assert luminances == sorted(luminances, reverse=True)
    steps = [contrast(a, b) for a, b in zip(drawn, drawn[1:])]
    assert min(steps) >= 1.25, steps


def test_selection_outline_stands_out_from_sea_and_empty_land():
    assert contrast(SELECTED_COLOUR, SEA_COLOUR) >= NON_TEXT
    assert contrast(SELECTED_COLOUR, as_drawn(NO_DATA_COLOUR)) >= NON_TEXT


def test_the_map_draws_with_these_outline_and_opacity():
    """map.js colours countries itself: its outline and fill opacity are the ones judged here."""
    script = MAP_JS.read_text(encoding="utf-8")
    assert re.findall(r"fillOpacity: ([0-9.]+)", script) and set(re.findall(r"fillOpacity: ([0-9.]+)", script)) == {
        str(FILL_OPACITY)}
    assert f'color: "{COUNTRY_OUTLINE}"' in script
