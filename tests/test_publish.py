"""Take-away: the map as an image, the release, the citation and the licence, on tiny known data."""

from __future__ import annotations

import re
import struct
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest

from canada_abroad.citation import cite_view
from canada_abroad.engagements import load_engagements_bytes
from canada_abroad.filters import Filters
from canada_abroad.licence import LICENCE_MARKDOWN
from canada_abroad.map_image import PNG_DPI, projected_world, render_map
from canada_abroad.map_picture import picture_of_view
from canada_abroad.release import Release, load_release
from canada_abroad.view_state import ViewState
from canada_abroad.view_words import view_subtitle, view_title
from tests.conftest import csv_text, row

ROOT = Path(__file__).resolve().parent.parent
RELEASE = Release("9.9", date(2030, 1, 31))
URL = "http://example.test/map?type=peace_operation&from=1993&to=1993"


@pytest.fixture(scope="module")
def rows(geography):
    """Two countries: Latvia (deterrence, 2017-, $100 million) and Cyprus (peace operation, 1964-1993, $5 million)."""
    data = csv_text([
        row(amount_cad="100000000", amount_status="announced"),
        row(id="unficyp-cyp", operation="Operation SNOWGOOSE", mission="UNFICYP", organization="UN",
            mission_type="peace_operation", iso3="CYP", location="Nicosia", lat="35.17", lon="33.36",
            start_date="1964-03", end_date="1993-06", personnel="1100", amount_cad="5000000",
            amount_status="delivered"),
    ])
    return load_engagements_bytes(data.encode(), geography, "tiny.csv").frame


@pytest.fixture(scope="module")
def world(geography):
    return projected_world(geography.countries_geojson)


PEACE_1993 = ViewState(Filters(types=("peace_operation",), year_from=1993, year_to=1993))


def picture(rows, view=PEACE_1993, **kwargs):
    return picture_of_view(view, rows, RELEASE, URL, first_year=1964, last_year=2026,
                           selected=kwargs.pop("selected", set()), **kwargs)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def svg_text(data: bytes) -> str:
    """Every text element's words, one per line (the SVG keeps text as text, escaped as XML)."""
    root = ElementTree.fromstring(data)
    return "\n".join("".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text"))


def test_view_in_words_names_measure_filters_and_year():
    """The title says the measure; the subtitle the type filter and the single year."""
    assert view_title(PEACE_1993) == "Canada's deployments and commitments abroad: Deployments (operations that sent people)"
    assert view_subtitle(PEACE_1993, 1964, 2026) == "Peace operation · 1993"
    assert view_subtitle(ViewState(), 1964, 2026) == "all engagements · 1964–2026"
    latvia = ViewState(Filters(status="ongoing", year_from=2000), country="LVA")
    assert view_subtitle(latvia, 1964, 2026, "Latvia") == "ongoing · 2000–2026 · selected: Latvia"


def test_png_is_at_least_2000_pixels_wide(rows, world):
    """The PNG is a real PNG, print-sized, and taller than nothing."""
    width, height = png_size(render_map(world, picture(rows), "png"))
    assert width >= 2000 and 1000 < height < width
    assert width == round(10 * PNG_DPI)


def test_svg_has_title_legend_and_footer_as_text(rows, world):
    """Title, subtitle, every legend entry and the footer (source, release, link, licence) are text in the SVG."""
    svg = svg_text(render_map(world, picture(rows), "svg")).replace("\n", " ")  # a long title wraps
    for text in ["Canada's deployments and commitments abroad: Deployments (operations that sent people)",
                 "Peace operation · 1993", "Deployments (operations that sent people)", "none or not stated",
                 "Markers by type", "Source: Canada Abroad project",
                 "Data release 9.9, 31 January 2030", "This view: http://example.test/map?type=peace_operation",
                 "CC BY 4.0"]:
        assert text in svg, text


def test_image_of_money_shows_dollar_signs_as_text(rows, world):
    """A '$' pair in legend ranges is text, not a mathtext formula (matplotlib would eat the signs)."""
    announced = rows.assign(amount_status=rows["amount_status"].where(rows["amount_cad"].isna(), "announced"))
    svg = svg_text(render_map(world, picture(announced, ViewState(measure="cad_announced")), "svg"))
    assert "$5.0 million – $5.0 million" not in svg  # one class per amount here
    assert re.search(r"\$5\.0 million – \$\d", svg), svg


def test_image_draws_small_states_and_the_selection(rows, world):
    """Small states get dots (Malta is one); a selected country gets the red outline."""
    plain = render_map(world, picture(rows), "svg").decode("utf-8")
    outlined = render_map(world, picture(rows, selected={"LVA"}), "svg").decode("utf-8")
    assert "#b2182b" not in plain and "#b2182b" in outlined
    assert world.loc["MLT", "small"]


def test_unknown_image_format_is_refused(rows, world):
    with pytest.raises(ValueError, match="png, svg"):
        render_map(world, picture(rows), "gif")


def test_citation_has_author_title_release_url_and_access_date():
    """APA-style: author, year, title, release and its date, the view's URL and the date accessed."""
    text = cite_view("A title", "Peace operation · 1993", RELEASE, URL, date(2031, 2, 3))
    assert text.startswith("Canada Abroad project. (2030). A title — Peace operation · 1993 (Data release 9.9, "
                           "31 January 2030)")
    assert text.endswith(f"Retrieved 3 February 2031, from {URL}")


def test_bundled_release_has_its_changelog_section():
    """data/release.toml and data/CHANGELOG.md agree: the current release has a section of its own."""
    release = load_release()
    changelog = (ROOT / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## Release {release.version} ({release.date.isoformat()})" in changelog
    headings = re.findall(r"^## Release (\S+) \((\d{4}-\d\d-\d\d)\)", changelog, flags=re.MULTILINE)
    assert headings[-1] == (release.version, release.date.isoformat()), "the newest release comes last"


def test_malformed_release_file_names_the_file_and_the_fix(tmp_path):
    path = tmp_path / "release.toml"
    path.write_text('version = "1.0"\ndate = "2 December"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"release\.toml: needs .*YYYY-MM-DD"):
        load_release(path)


def test_licence_is_stated_in_readme_and_license_file():
    """The README carries the Data & sources page's licence text verbatim; LICENSE covers the code."""
    assert LICENCE_MARKDOWN in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def about(view=PEACE_1993, selection=None):
    from canada_abroad.view_data import ViewFiles

    return ViewFiles(view_title(view), view_subtitle(view, 1964, 2026, selection), URL, "A citation.", selection,
                     1964, 2026)


def test_rows_csv_carries_country_names_beside_codes(rows, geography):
    from canada_abroad.view_data import rows_with_names

    named = rows_with_names(rows, geography)
    assert list(named.columns[named.columns.get_loc("iso3"):][:2]) == ["iso3", "country_name"]
    assert dict(zip(named["iso3"], named["country_name"])) == {"LVA": "Latvia", "CYP": "Cyprus"}


def test_country_figures_keep_money_of_each_stage_apart(rows, geography):
    """Per country: the map's value, operations, personnel and money by stage; stages are never summed."""
    from canada_abroad.view_data import country_figures

    table = country_figures(rows, ViewState(measure="cad_announced"), geography).set_index("iso3")
    assert table.loc["LVA", "cad_announced"] == 100_000_000 and pd.isna(table.loc["LVA", "cad_delivered"])
    assert table.loc["CYP", "cad_delivered"] == 5_000_000 and pd.isna(table.loc["CYP", "cad_announced"])
    assert list(table.index) == ["LVA", "CYP"]  # largest map value first
    assert table.loc["CYP", "country"] == "Cyprus" and table.loc["CYP", "personnel_at_one_time"] == 1100
    assert table.loc["CYP", "operations"] == 1


def test_zip_readme_names_the_filters_years_language_release_and_licence(rows, geography):
    """The second file says what made the CSVs: filters in words and as link parameters, year, language, release."""
    import io
    import zipfile

    from canada_abroad.filters import apply_filters
    from canada_abroad.view_data import view_zip

    view = PEACE_1993
    chosen = apply_filters(rows, view.filters)
    archive = zipfile.ZipFile(io.BytesIO(view_zip(chosen, view, geography, about(), RELEASE, date(2031, 2, 3))))
    assert sorted(archive.namelist()) == ["README.txt", "countries.csv", "rows.csv"]
    readme = archive.read("README.txt").decode("utf-8-sig")
    for text in ["Filters: Peace operation\r\n", "Link parameters: type=peace_operation&from=1993&to=1993",
                 "Years: 1993\r\n", "Language: English (en)", "Data release: 9.9, 31 January 2030",
                 f"Made by: {URL}", "Licence: CC BY 4.0", "Cite as: A citation.", "Downloaded: 3 February 2031"]:
        assert text in readme, text
    assert archive.read("rows.csv").decode("utf-8-sig").count("unficyp-cyp") == 1
    assert "Latvia" not in archive.read("countries.csv").decode("utf-8-sig")


APP = str(ROOT / "app.py")
PAGES = ["pages/map.py", "pages/operations.py", "pages/commitments.py", "pages/country.py", "pages/data.py"]


def run_app(page: str | None = None, context: dict | None = None, **params):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.context = {"url": "http://example.test/map", **(context or {})}
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_data_as_of_and_offers_the_citation(page):
    """'Data as of' with the release on every page; the sidebar's citation ends with the view's link."""
    release = load_release()
    at = run_app(page, type="peace_operation")
    assert any(c.value.startswith(f"Data as of {release.date.day} ") and f"(release {release.version})" in c.value
               for c in at.caption)
    bodies = [element.proto.body for element in at.get("html")]
    citation = next(body for body in bodies if 'id="citation"' in body)
    assert "type=peace_operation&amp;lang=en</textarea>" in citation
    assert any('id="embed-code"' in body and "embed=true" in body for body in bodies)


def test_map_page_offers_image_and_data_downloads():
    from ui.publish import COUNTRIES_LABEL, PNG_LABEL, SVG_LABEL, ZIP_LABEL

    labels = [button.label for button in run_app().get("download_button")]
    assert {PNG_LABEL, SVG_LABEL, ZIP_LABEL, COUNTRIES_LABEL} <= set(labels)


def test_embedded_map_has_no_sidebar_and_links_back():
    """Opened with embed=true: nothing in the sidebar (no pages, filters or share box), a link back to the view."""
    from ui.publish import FULL_VIEW

    at = run_app(context={"is_embedded": True}, type="peace_operation")
    assert len(at.sidebar.children) == 0
    links = [element for element in at.get("link_button") if element.proto.label == FULL_VIEW]
    assert links and links[0].proto.url == "http://example.test/?type=peace_operation&lang=en"
    assert not at.get("download_button")


def test_html_download_caption_has_title_legend_and_source_as_inert_text(rows):
    """The HTML map's caption: title, legend, source line; a search for markup stays text."""
    from canada_abroad.map_picture import caption_html

    view = ViewState(Filters(query="<img src=x onerror=alert(1)>"))
    caption = caption_html(picture(rows, view))
    assert "Deployments (operations that sent people)</strong>" in caption and "none or not stated" in caption
    assert "Source: Canada Abroad project" in caption and "CC BY 4.0" in caption
    assert "<img" not in caption and "&lt;img src=x onerror=alert(1)&gt;" in caption


def test_html_download_caption_is_not_a_template(rows, geography):
    """A view whose words hold Jinja ('{{ 6*7 }}' searched for) is written as it is in the HTML map."""
    from canada_abroad.map_picture import caption_html
    from canada_abroad.map_view import dynamic_layers, standalone_html

    caption = caption_html(picture(rows, ViewState(Filters(query="{{ 6*7 }}"))))
    page = standalone_html(geography, dynamic_layers(({}, []), {"type": "FeatureCollection", "features": []}),
                           {"css": "", "js": "", "map_js": ""}, caption)
    assert "matching &quot;{{ 6*7 }}&quot;" in page and "matching &quot;42" not in page
