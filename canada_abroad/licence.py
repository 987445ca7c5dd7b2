"""What readers may do with the code and the data, in the words every page, image and download uses."""

from __future__ import annotations

from canada_abroad.i18n import N_, _

DATA_LICENCE = "CC BY 4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENCE = "MIT"
# The licence's page in the reader's language (the catalogue gives the French page's address).
OGL_CANADA_URL = N_("https://open.canada.ca/en/open-government-licence-canada")

# One line for image footers and file headers (messages: translate with _() where shown, then .format()).
LICENCE_LINE = N_("Data: {licence} ({url}); map outlines: Natural Earth (public domain)")
SOURCE_LINE = N_("Source: Canada Abroad project, compiled from Government of Canada (DND, Global Affairs Canada), "
                 "UN, NATO and news pages; each row names its source")


def licence_line() -> str:
    return _(LICENCE_LINE).format(licence=DATA_LICENCE, url=DATA_LICENCE_URL)


def source_line() -> str:
    return _(SOURCE_LINE)


# The Data & sources page and the README say the same (tests/test_publish.py checks the README).
# A catalogue message (its French in locales/fr/LC_MESSAGES/pages.po); the names and addresses fill it.
LICENCE_TEMPLATE = N_("""\
- **The compiled dataset** (`data/engagements.csv`, `data/sea_areas.csv`: the rows, their figures, dates,
  descriptions and classification) is under the
  [Creative Commons Attribution 4.0 International licence ({data_licence})]({data_licence_url}): share and adapt
  it, also commercially, crediting "Canada Abroad project" and the release (the "Cite this view" box gives the text).
- **Facts and figures taken from Government of Canada pages** (DND, Global Affairs Canada and others; each row's
  `source_url` says which) are reproduced under the
  [Open Government Licence - Canada]({ogl_url}), which asks the same attribution of the source.
  Pages of other publishers are cited, not copied: rows state facts and link to them.
- **Country outlines** come from Natural Earth, in the public domain (`geo/README.md`).
- **The code** is under the {code_licence} licence (`LICENSE`).
""")
_LICENCE_VALUES = {"data_licence": DATA_LICENCE, "data_licence_url": DATA_LICENCE_URL, "ogl_url": OGL_CANADA_URL,
                   "code_licence": CODE_LICENCE}
LICENCE_MARKDOWN = LICENCE_TEMPLATE.format(**_LICENCE_VALUES)  # English, as the README has it


def licence_markdown() -> str:
    """The licence terms in the current language, linking the Open Government Licence in that language."""
    return _(LICENCE_TEMPLATE).format(**{**_LICENCE_VALUES, "ogl_url": _(OGL_CANADA_URL)})
