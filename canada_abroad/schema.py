"""The engagements CSV contract: columns, closed vocabularies and the data dictionary.

This module is the single source of truth for the schema. The README's data
dictionary and the Data & sources page are generated from `COLUMNS`, and a test
fails when the README falls behind.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    meaning: str
    allowed: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("id", True, "Unique row id, a lowercase slug such as `op-reassurance-lva`."),
    Column("kind", True, "`deployment` (people, ships, aircraft sent) or `commitment` (money or materiel).", KINDS),
    Column("operation", True, "Canadian operation name as DND writes it (e.g. `Operation REASSURANCE`), "
           "or the mission's common name when there is none. Rows with the same operation form one operation."),
    Column("mission", True, "The multinational mission or task the row serves (e.g. `UNFICYP`, "
           "`NATO enhanced Forward Presence`). Reused operation names stay distinct through this column."),
    Column("organization", True, "Who leads the mission.", ORGANIZATIONS),
    Column("mission_type", True, "What kind of engagement it is.", MISSION_TYPES),
    Column("iso3", False, "ISO 3166-1 alpha-3 code of the country (Kosovo: `XKX`). "
           "Empty only for operations at sea, which name their `area`."),
    Column("area", False, "Sea area for operations at sea (e.g. `Caribbean Sea`); empty on land rows."),
    Column("location", False, "Base, headquarters or town."),
    Column("lat", True, "Latitude of the location in decimal degrees (-90 to 90)."),
    Column("lon", True, "Longitude of the location in decimal degrees (-180 to 180)."),
    Column("start_date", True, "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`."),
    Column("end_date", False, "Same formats; empty means ongoing. Never before `start_date`."),
    Column("personnel", False, "Whole number of Canadian personnel a source states; empty when unknown."),
    Column("personnel_basis", False, "What kind of figure `personnel` is; required with it.", PERSONNEL_BASES),
    Column("amount_cad", False, "Money in Canadian dollars a source states; empty when unknown."),
    Column("amount_status", False, "Stage of the money; required with `amount_cad`.", AMOUNT_STATUSES),
    Column("as_of", False, "Date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) that `personnel`, `amount_cad` or an ongoing "
           "status refers to, e.g. the date of a snapshot or of the source's last update."),
    Column("description", False, "One or two plain sentences; notes where sources disagree."),
    Column("source_url", True, "http(s) address of the page that supports the row."),
    Column("source_title", True, "Title of that page."),
    Column("verified_on", True, "Date (`YYYY-MM-DD`) the row was last checked against its source."),
    # The French edition. Optional: a file without these columns loads as before and shows English.
    Column("operation_fr", False, "`operation` as DND writes it in French (e.g. `Opération REASSURANCE`; the "
           "code word is not translated); empty shows the English name."),
    Column("mission_fr", False, "`mission` in French, UN missions by their French acronyms where they differ "
           "(e.g. `FINUL` for UNIFIL, `ONUST` for UNTSO); empty shows the English name."),
    Column("description_fr", False, "`description` translated into French, nothing added or left out; "
           "a warning names rows of a file with French columns that have a description but no French one."),
    Column("source_url_fr", False, "http(s) address of the French version of the source page, when there is one; "
           "empty shows the English page, marked as English."),
    Column("source_title_fr", False, "Title of that French page."),
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
    """The data dictionary as a Markdown table (README and Data & sources page)."""
    lines = ["| column | required | meaning | allowed values |", "| --- | --- | --- | --- |"]
    for column in COLUMNS:
        allowed = ", ".join(f"`{value}`" for value in column.allowed)
        lines.append(f"| `{column.name}` | {'yes' if column.required else 'no'} | {column.meaning} | {allowed} |")
    return "\n".join(lines)
