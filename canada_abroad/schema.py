"""The engagements CSV contract: columns, closed vocabularies and the data dictionary.

This module is the single source of truth for the schema. The README's data
dictionary and the Data & sources page are generated from `COLUMNS`, and a test
fails when the README falls behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from canada_abroad.i18n import N_, _

KINDS = ("deployment", "commitment")

ORGANIZATIONS = ("UN", "NATO", "NORAD", "EU", "OSCE", "Coalition", "Multinational", "Bilateral", "National")

MISSION_TYPES = (
    "peace_operation",
    "combat",
    "deterrence",
    "training",
    "maritime_security",
    "counter_narcotics",
    "sanctions_monitoring",
    "humanitarian",
    "defence_cooperation",
    "continental_defence",
    "military_assistance",
)

PERSONNEL_BASES = ("authorized", "peak", "snapshot", "cumulative")

AMOUNT_STATUSES = ("announced", "committed", "allocated", "delivered")


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    meaning: str  # English, marked N_: the data dictionary shows it in the reader's language
    allowed: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("id", True, N_("Unique row id, a lowercase slug such as `op-reassurance-lva`.")),
    Column("kind", True, N_("`deployment` (people, ships, aircraft sent) or `commitment` (money or materiel)."), KINDS),
    Column("operation", True, N_("Canadian operation name as DND writes it (e.g. `Operation REASSURANCE`), "
           "or the mission's common name when there is none. Rows with the same operation form one operation.")),
    Column("mission", True, N_("The multinational mission or task the row serves (e.g. `UNFICYP`, "
           "`NATO enhanced Forward Presence`). Reused operation names stay distinct through this column.")),
    Column("organization", True, N_("Who leads the mission."), ORGANIZATIONS),
    Column("mission_type", True, N_("What kind of engagement it is."), MISSION_TYPES),
    Column("iso3", False, N_("ISO 3166-1 alpha-3 code of the country (Kosovo: `XKX`). "
           "Empty only for operations at sea, which name their `area`.")),
    Column("area", False, N_("Sea area for operations at sea (e.g. `Caribbean Sea`); empty on land rows.")),
    Column("location", False, N_("Base, headquarters or town.")),
    Column("lat", True, N_("Latitude of the location in decimal degrees (-90 to 90).")),
    Column("lon", True, N_("Longitude of the location in decimal degrees (-180 to 180).")),
    Column("start_date", True, N_("`YYYY`, `YYYY-MM` or `YYYY-MM-DD`.")),
    Column("end_date", False, N_("Same formats; empty means ongoing. Never before `start_date`.")),
    Column("personnel", False, N_("Whole number of Canadian personnel a source states; empty when unknown.")),
    Column("personnel_basis", False, N_("What kind of figure `personnel` is; required with it."), PERSONNEL_BASES),
    Column("amount_cad", False, N_("Money in Canadian dollars a source states; empty when unknown.")),
    Column("amount_status", False, N_("Stage of the money; required with `amount_cad`."), AMOUNT_STATUSES),
    Column("as_of", False, N_("Date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) that `personnel`, `amount_cad` or an ongoing "
           "status refers to, e.g. the date of a snapshot or of the source's last update.")),
    Column("description", False, N_("One or two plain sentences; notes where sources disagree.")),
    Column("source_url", True, N_("http(s) address of the page that supports the row.")),
    Column("source_title", True, N_("Title of that page.")),
    Column("verified_on", True, N_("Date (`YYYY-MM-DD`) the row was last checked against its source.")),
    # The French edition. Optional: a file without these columns loads as before and shows English.
    Column("operation_fr", False, N_("`operation` as DND writes it in French (e.g. `Opération REASSURANCE`; the "
           "code word is not translated); empty shows the English name.")),
    Column("mission_fr", False, N_("`mission` in French, UN missions by their French acronyms where they differ "
           "(e.g. `FINUL` for UNIFIL, `ONUST` for UNTSO); empty shows the English name.")),
    Column("description_fr", False, N_("`description` translated into French, nothing added or left out; "
           "a warning names rows of a file with French columns that have a description but no French one.")),
    Column("source_url_fr", False, N_("http(s) address of the French version of the source page, when there is one; "
           "empty shows the English page, marked as English.")),
    Column("source_title_fr", False, N_("Title of that French page.")),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
# English column -> its French counterpart; `localized` shows the French one when it is filled.
FRENCH_COLUMNS: dict[str, str] = {
    "operation": "operation_fr",
    "mission": "mission_fr",
    "description": "description_fr",
    "source_url": "source_url_fr",
    "source_title": "source_title_fr",
}
TEXT_COLUMNS: tuple[str, ...] = (
    "id", "operation", "mission", "area", "location", "description", "source_url", "source_title",
    *FRENCH_COLUMNS.values(),
)


def data_dictionary_markdown() -> str:
    """The data dictionary as a Markdown table in the current language (README: English; Data & sources page).

    Column names and allowed values are the file's own and stay as they are in every language.
    """
    lines = [_("| column | required | meaning | allowed values |"), "| --- | --- | --- | --- |"]
    for column in COLUMNS:
        allowed = ", ".join(f"`{value}`" for value in column.allowed)
        required = _("yes") if column.required else _("no")
        lines.append(f"| `{column.name}` | {required} | {_(column.meaning)} | {allowed} |")
    return "\n".join(lines)
