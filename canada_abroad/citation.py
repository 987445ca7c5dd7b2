"""A citation of a view in APA 7th edition's form for data sets, with the date accessed and the view's link.

APA puts the retrieval date in for works that change over time, as this map does between releases.
"""

from __future__ import annotations

from datetime import date

from canada_abroad.i18n import N_, _, format_date
from canada_abroad.release import Release

AUTHOR = N_("Canada Abroad project")
KIND = N_("Interactive map and data set")
# French: APA's French adaptation ("Consulté le ..., à l'adresse ...").
CITATION = N_("{author}. ({year}). {title} — {subtitle} (Data release {version}, {released}) [{kind}]. "
              "Retrieved {accessed}, from {url}")


def long_date(day: date) -> str:
    """'2 December 2026' / '2 décembre 2026', as the Government of Canada writes dates."""
    return format_date(day)


def cite_view(title: str, subtitle: str, release: Release, url: str, accessed: date) -> str:
    """One line of plain text to paste into a reference list."""
    return _(CITATION).format(author=_(AUTHOR), year=release.date.year, title=title, subtitle=subtitle,
                              version=release.version, released=long_date(release.date), kind=_(KIND),
                              accessed=long_date(accessed), url=url)
