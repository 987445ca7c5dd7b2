"""The French edition of the interface: the Map page by a `lang=fr` link (AppTest), the browser's language
without one, and in Chromium the French labels, names, numbers, tab title and the share link.

The app reads the fixture rows (tests/fixture_tables.PAGE_ROWS, with French for some cells and not others)
through CANADA_ABROAD_CSV.
"""

from __future__ import annotations

import pytest

from canada_abroad import catalogue
from tests.browser_support import APP_IDLE, cut_off_internet
from tests.test_pages import open_app, texts, top_list, values
from ui.cached import DATA_PATH_ENV

NBSP = "\u00a0"
# Every label the sidebar shows in English: none may be left on a French page.
ENGLISH_SIDEBAR = ("Language", "Filters", "Mission type", "All types", "Organization", "Status", "Region",
                   "Active between", "One year", "What", "Search", "Reset filters", "Share this view",
                   "Link to this view", "Embed the map (HTML)", "Cite this view", "Citation (APA style)", "Map",
                   "Over time", "Operations", "Commitments", "Country", "Data & sources")


@pytest.fixture(autouse=True)
def fixture_dataset(page_csv, monkeypatch):
    monkeypatch.setenv(DATA_PATH_ENV, page_csv)


def sidebar_labels(at) -> list[str]:
    labels = []
    for kind in ("radio", "multiselect", "selectbox", "text_input", "number_input", "slider", "button"):
        labels += [element.label for element in at.sidebar.get(kind)]
    return labels + [element.value for element in at.sidebar.get("header")] + \
        [element.value for element in at.sidebar.get("subheader")]


def test_a_french_link_opens_the_map_and_latvias_panel_in_french():
    at = open_app(lang="fr", country="LVA")
    assert values(at.title) == ["Déploiements et engagements du Canada à l'étranger"]
    assert "Lettonie" in values(at.subheader)
    assert "4 activités, 2 opérations correspondent aux filtres" in values(at.caption)
    body = texts(at)
    # The size now, French number and basis; the money in French style; operation names from operation_fr.
    assert f"2{NBSP}200 militaires" in body and "plafond autorisé" in body
    assert f"2,60{NBSP}milliards de dollars annoncés" in body
    assert values(at.markdown).count("**Opération REASSURANCE**") == 3 and "**Opération KOBOLD**" in values(at.markdown)
    assert "Présence avancée renforcée de l'OTAN" in body and "OTAN" in body
    # A description with French shows it; one without shows its English, marked as English.
    assert "Groupement tactique en Lettonie." in [t.value for t in at.text]
    assert at.button(key="close_country").label == "Fermer le panneau"
    assert at.query_params["lang"] == "fr" and at.query_params["country"] == "LVA"


def test_the_french_map_has_no_english_sidebar_label():
    at = open_app(lang="fr")
    labels = sidebar_labels(at)
    assert "Langue" in labels and "Filtres" in labels and "Réinitialiser les filtres" in labels
    assert not [label for label in labels if label in ENGLISH_SIDEBAR], labels
    assert at.radio(key="w_lang").value == "fr"
    assert at.selectbox(key="w_measure").label == "Colorer les pays selon"
    assert at.selectbox(key="w_measure").options[:3] == [
        "Déploiements (opérations qui ont envoyé du personnel)", "Toutes les opérations (déploiements et engagements)",
        "Effectif à un moment donné (pic, plafond ou instantané le plus élevé)"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_language_switch_names_each_language_in_itself(lang):
    """A reader who does not read the page's language still finds their own: English | Français on both."""
    at = open_app(lang=lang)
    switch = at.radio(key="w_lang")
    assert [switch.format_func(option) for option in switch.options] == ["English", "Français"]


def test_the_french_country_list_names_countries_in_french_with_french_figures():
    at = open_app(lang="fr", measure="personnel")
    listed = top_list(at)
    assert listed[:4] == [f"Lettonie{NBSP}: 2{NBSP}200 militaires", f"Afghanistan{NBSP}: 2{NBSP}000 militaires",
                          f"Irak{NBSP}: 850 militaires", f"Koweït{NBSP}: 300 militaires"]


def test_without_lang_the_browsers_language_decides_and_the_link_then_carries_it(monkeypatch):
    import ui.state

    at = open_app()
    assert at.query_params["lang"] == "en" and values(at.title) == ["Canada's deployments and commitments abroad"]
    monkeypatch.setattr(ui.state, "language_from_locale", lambda locale: "fr")
    at = open_app()
    assert at.query_params["lang"] == "fr" and at.radio(key="w_lang").value == "fr"
    assert values(at.title) == ["Déploiements et engagements du Canada à l'étranger"]


def test_a_link_language_beats_the_browsers(monkeypatch):
    import ui.state

    monkeypatch.setattr(ui.state, "language_from_locale", lambda locale: "fr")
    at = open_app(lang="en", country="LVA")
    assert "Latvia" in values(at.subheader) and at.query_params["lang"] == "en"


def test_french_after_english_on_one_server_is_not_served_from_an_english_cache():
    """Caches are per process: a French reader after an English one must not get the English rows' text."""
    english = open_app(country="LVA")
    assert "**Operation REASSURANCE**" in values(english.markdown)
    french = open_app(lang="fr", country="LVA")
    assert "**Opération REASSURANCE**" in values(french.markdown)
    assert "**Operation REASSURANCE**" not in values(french.markdown)


def test_a_bad_link_in_french_gets_french_notices():
    at = open_app(lang="fr", measure="gdp", foo="bar")
    assert values(at.warning) == ["Paramètre de lien inconnu « foo » ignoré.", "Mesure inconnue « gdp » ignorée."]


def test_every_message_the_map_page_shows_is_in_the_catalogue():
    """The map page and its modules mark their words: each file in the core area has messages."""
    template = catalogue.extract()
    files = {filename for message in template for filename, _line in message.locations}
    for module in ("app.py", "pages/map.py", "ui/panels.py", "ui/find.py", "ui/publish.py", "ui/compare.py",
                   "ui/sidebar.py", "ui/widgets.py", "canada_abroad/view_words.py", "canada_abroad/citation.py",
                   "canada_abroad/legend_entries.py", "canada_abroad/map_picture.py"):
        assert module in files, module


# ---- In Chromium: what only a browser shows (the tab title, the link in the address bar and share box) ----


@pytest.fixture
def french_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="en-CA")
    cut_off_internet(context)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.browser
def test_a_french_link_in_a_browser_is_french_throughout(app_url, french_page):
    expect = pytest.importorskip("playwright.sync_api").expect
    page = french_page
    page.goto(app_url + "/?lang=fr&country=LVA")
    page.get_by_role("heading", name="Lettonie").wait_for(timeout=60_000)
    page.locator(APP_IDLE).wait_for(timeout=60_000)
    expect(page).to_have_title(f"Carte · Le Canada à l'étranger{NBSP}: déploiements et engagements", timeout=30_000)
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text("4 activités, 2 opérations correspondent aux filtres")).to_be_visible()
    assert f"2{NBSP}200 militaires" in main.inner_text()
    sidebar = page.locator("[data-testid='stSidebar']")
    text = sidebar.inner_text()
    assert "Filtres" in text and "Au fil des ans" in text and "Données et sources" in text
    for label in ENGLISH_SIDEBAR:
        assert sidebar.get_by_text(label, exact=True).count() == 0, label
    page.wait_for_function("() => document.documentElement.lang === 'fr'", timeout=30_000)
    share = sidebar.get_by_role("textbox", name="Lien vers cette vue")
    expect(share).to_have_value(f"{app_url}?country=LVA&lang=fr", timeout=30_000)
    page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'fr'", timeout=30_000)


@pytest.mark.browser
def test_the_language_switch_changes_the_page_and_the_link(app_url, french_page):
    expect = pytest.importorskip("playwright.sync_api").expect
    page = french_page
    page.goto(app_url + "/?country=LVA")  # a browser in English: English, and the link says so
    page.get_by_role("heading", name="Latvia").wait_for(timeout=60_000)
    page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'en'", timeout=30_000)
    page.locator(APP_IDLE).wait_for(timeout=60_000)
    page.locator("[data-testid='stSidebar']").get_by_text("Français", exact=True).click()
    page.get_by_role("heading", name="Lettonie").wait_for(timeout=60_000)
    page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'fr'", timeout=30_000)
    expect(page).to_have_title(f"Carte · Le Canada à l'étranger{NBSP}: déploiements et engagements", timeout=30_000)
    expect(page.get_by_role("button", name="Réinitialiser les filtres")).to_be_visible()
    page.wait_for_function("() => document.documentElement.lang === 'fr'", timeout=30_000)
    # The reader's other choices survive the switch.
    assert "country=LVA" in page.evaluate("location.search")


def test_french_outlines_name_countries_in_french_beside_the_english_file(tmp_path, geography):
    """A country with no value shows the outline's own name as its tooltip: French pages fetch French names."""
    from canada_abroad.assets import install_static_assets

    english = install_static_assets(geography, tmp_path)
    french = install_static_assets(geography, tmp_path, language="fr")
    assert english != french and install_static_assets(geography, tmp_path) == english  # both kept
    written = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "geo").glob("*.json")}
    assert len(written) == 2
    french_text = written[french.rsplit("/", 1)[-1]]
    assert '"LVA","Lettonie"' in french_text and '"KOR","Corée du Sud"' in french_text
    assert '"LVA","Latvia"' in written[english.rsplit("/", 1)[-1]]


@pytest.mark.parametrize("page", ["pages/map.py", "pages/operations.py", "pages/country.py"])
def test_a_french_page_survives_a_second_run(page):
    """AppTest (like Streamlit) may format a widget's value again outside the run: the labels must stay French
    (i18n.in_this_language), or the value is not among the options and the run fails."""
    at = open_app(page, lang="fr", country="LVA")
    assert at.radio(key="w_lang").value == "fr" and at.query_params["lang"] == "fr"
