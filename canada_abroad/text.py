"""User-facing words in one place, so a French edition is a data change, not a code change."""

from __future__ import annotations

import pandas as pd

from canada_abroad.measures import MONEY_MEASURES

LABELS = {
    "en": {
        "mission_type": {
            "peace_operation": "Peace operation",
            "combat": "Combat",
            "deterrence": "Deterrence and assurance",
            "training": "Training and capacity building",
            "maritime_security": "Maritime security",
            "counter_narcotics": "Counter-narcotics",
            "sanctions_monitoring": "Sanctions monitoring",
            "humanitarian": "Humanitarian and evacuation",
            "defence_cooperation": "Defence cooperation",
            "continental_defence": "Continental defence",
            "military_assistance": "Military assistance (money, materiel)",
        },
        "measure": {
            "operations": "Number of operations",
            "personnel": "Personnel at one time (largest peak, cap or snapshot)",
            "cad_announced": "Money announced (CAD)",
            "cad_committed": "Money committed (CAD)",
            "cad_allocated": "Money allocated (CAD)",
            "cad_delivered": "Money delivered (CAD)",
            "years": "Years of presence",
        },
        "measure_unit": {
            "operations": "operations",
            "personnel": "personnel",
            **{measure: "CAD" for measure in MONEY_MEASURES},
            "years": "years",
        },
        "status": {"all": "All", "ongoing": "Ongoing", "ended": "Ended"},
        "kind": {"all": "Both", "deployment": "Deployments (people)", "commitment": "Commitments (money, materiel)"},
        # The end of a period that has none yet ("2014 – ongoing"), wherever a period is written.
        "period": {"ongoing": "ongoing"},
        "personnel_basis": {
            "authorized": "authorized cap",
            "peak": "peak",
            "snapshot": "snapshot",
            "cumulative": "cumulative",
        },
        "amount_status": {
            "announced": "announced",
            "committed": "committed",
            "allocated": "allocated",
            "delivered": "delivered",
        },
    }
}

LANGUAGE = "en"

# Sentences of the interface itself (not vocabulary), by key.
UI_TEXT = {
    "en": {
        "app_name": "Canada abroad",
        "page_title": "{page} · Canada abroad: deployments and commitments",
        "legend": "Legend",
        "marker_legend_name": "Marker legend",
        "marker_legend": "Markers by type",
        "now_size": "Now: {size}, {where}",
        "now_people": "{n} personnel ({basis})",
        "now_unstated": "Ongoing: {n}, size not stated",
        "now_none": "Nothing ongoing here; the last engagement ended in {year}",
        "money_by_status": "Money stated, by status",
        "search_label": "Find a country or an operation",
        "search_placeholder": "Type a name, e.g. Latvia or IMPACT",
        "where_engaged": "Where Canada is engaged",
        "twin_heading": "The map as a table",
        "twin_help": "Same values as the map. Sort by a column header; select a row to open its panel.",
        "upload_notice": "You are looking at your uploaded file ({name}), in this session only. Links you share "
                         "open the bundled dataset.",
        "share_opens_bundled": "This link opens the bundled dataset, not your uploaded file.",
        "map_frame_title": "Interactive map of Canada's deployments and commitments abroad",
    }
}


def ui_text(key: str, **values: object) -> str:
    """An interface sentence in the current language, with `values` filled in."""
    return UI_TEXT[LANGUAGE][key].format(**values)


def label(group: str, key: str) -> str:
    """The display label of a vocabulary value; the value itself if it has none."""
    return LABELS[LANGUAGE].get(group, {}).get(key, key)


def format_amount(value: float | None) -> str:
    """Dollars for people; "not stated" for a missing value (None, NaN or pandas' NA, as a sum of none gives)."""
    if value is None or pd.isna(value):
        return "not stated"
    value = float(value)
    if value >= 1e9:
        return f"${value / 1e9:,.2f} billion"
    if value >= 1e6:
        return f"${value / 1e6:,.1f} million"
    return f"${value:,.0f}"


def format_money_by_status(amounts: pd.Series) -> str:
    """"$13.30 billion committed · $2.00 billion allocated"; "not stated" when there is none."""
    if amounts.empty:
        return "not stated"
    return " · ".join(f"{format_amount(value)} {label('amount_status', status)}" for status, value in amounts.items())


def is_money(measure: str) -> bool:
    return measure in MONEY_MEASURES


def format_measure(measure: str, value: float) -> str:
    if is_money(measure):
        return format_amount(value)
    return f"{value:,.0f}"


# Singular forms of the nouns counted on screen ("1 operation", "2 operations").
SINGULAR = {"engagements": "engagement", "operations": "operation", "places": "place", "years": "year",
            "commitments": "commitment", "rows": "row"}


def count(n: float, noun: str) -> str:
    """A number with its noun, given in the plural: count(1, "operations") -> "1 operation"."""
    return f"{n:,.0f} {SINGULAR.get(noun, noun) if n == 1 else noun}"


def measure_text(measure: str, value: float) -> str:
    """A country's measure as a reader says it: "3 operations", "$1.2 billion CAD", "1 year"."""
    if is_money(measure):
        return f"{format_amount(value)} CAD"
    return count(value, label("measure_unit", measure))


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def format_partial_date(text: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as people write it: "2025", "January 2025", "10 July 2023"."""
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return text


def period_end(end: str) -> str:
    """The end of a period as written: its date, or "ongoing" when it has none."""
    return end or label("period", "ongoing")


def format_period(start: str, end: str) -> str:
    return f"{start} – {period_end(end)}"
