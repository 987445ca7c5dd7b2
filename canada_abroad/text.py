"""User-facing words shared by several modules, through the message catalogue (canada_abroad/i18n.py).

The tables hold English msgids marked with N_ and are translated when read (`label`, `ui_text`),
so a module-level table never freezes one language. Figures go through i18n's Babel formatting.
"""

from __future__ import annotations

from canada_abroad.i18n import LANGUAGE_NAMES, N_, _, format_date, format_money, format_number, ngettext
from canada_abroad.measures import MONEY_MEASURES


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular and plural message pair for extraction; translated with ngettext where shown."""
    return singular, plural


LABELS = {
    "mission_type": {
        "peace_operation": N_("Peace operation"),
        "combat": N_("Combat"),
        "deterrence": N_("Deterrence and assurance"),
        "training": N_("Training and capacity building"),
        "maritime_security": N_("Maritime security"),
        "counter_narcotics": N_("Counter-narcotics"),
        "sanctions_monitoring": N_("Sanctions monitoring"),
        "humanitarian": N_("Humanitarian and evacuation"),
        "defence_cooperation": N_("Defence cooperation"),
        "continental_defence": N_("Continental defence"),
        "military_assistance": N_("Military assistance (money, materiel)"),
    },
    "measure": {
        "deployments": N_("Deployments (operations that sent people)"),
        "operations": N_("All operations (deployments and commitments)"),
        "personnel": N_("Personnel at one time (largest peak, cap or snapshot)"),
        "cad_announced": N_("Money announced (CAD)"),
        "cad_committed": N_("Money committed (CAD)"),
        "cad_allocated": N_("Money allocated (CAD)"),
        "cad_delivered": N_("Money delivered (CAD)"),
        "years": N_("Years with any engagement"),
    },
    "status": {"all": N_("All"), "ongoing": N_("Ongoing"), "ended": N_("Ended")},
    "kind": {"all": N_("Both"), "deployment": N_("Deployments (people)"),
             "commitment": N_("Commitments (money, materiel)")},
    # The end of a period that has none yet ("2014 – ongoing"), wherever a period is written.
    "period": {"ongoing": N_("ongoing")},
    "personnel_basis": {
        "authorized": N_("authorized cap"),
        "peak": N_("peak"),
        "snapshot": N_("snapshot"),
        "cumulative": N_("cumulative"),
    },
    # Who leads a mission (schema.ORGANIZATIONS): French uses its own acronyms (ONU, OTAN, UE).
    "organization": {
        "UN": N_("UN"), "NATO": N_("NATO"), "NORAD": N_("NORAD"), "EU": N_("EU"), "OSCE": N_("OSCE"),
        "Coalition": N_("Coalition"), "Multinational": N_("Multinational"), "Bilateral": N_("Bilateral"),
        "National": N_("National"),
    },
    # Each language's own name, not marked for translation: "Français" stays "Français" on an English page.
    "language": LANGUAGE_NAMES,
    "amount_status": {
        "announced": N_("announced"),
        "committed": N_("committed"),
        "allocated": N_("allocated"),
        "delivered": N_("delivered"),
    },
    # Regions of the geometry and data/sea_areas.csv (the data keeps the English name; a test keeps this complete).
    "region": {
        "Asia-Pacific": N_("Asia-Pacific"),
        "Europe": N_("Europe"),
        "Latin America and the Caribbean": N_("Latin America and the Caribbean"),
        "Middle East and North Africa": N_("Middle East and North Africa"),
        "North America and the Arctic": N_("North America and the Arctic"),
        "South and Central Asia": N_("South and Central Asia"),
        "Sub-Saharan Africa": N_("Sub-Saharan Africa"),
    },
}

# Sentences of the interface shared by several modules, by key (English msgids, translated when read).
UI_TEXT = {
    "app_name": N_("Canada abroad"),
    "page_title": N_("{page} · Canada abroad: deployments and commitments"),
    "legend": N_("Legend"),
    "marker_legend_name": N_("Marker legend"),
    "marker_legend": N_("Markers by type"),
    "now_size": N_("Now: {size}, {where}"),
    "now_people": N_("{n} personnel ({basis})"),
    "now_unstated": N_("Ongoing: {n}, size not stated"),
    "now_none": N_("Nothing ongoing here; the last engagement ended in {year}"),
    "money_by_status": N_("Money stated, by status"),
    "search_label": N_("Find a country or an operation"),
    "search_placeholder": N_("Type a name, e.g. Latvia or IMPACT"),
    "where_engaged": N_("Where Canada is engaged"),
    "twin_heading": N_("The map as a table"),
    "twin_help": N_("Same values as the map. Sort by a column header; select a row to open its panel."),
    "upload_notice": N_("You are looking at your uploaded file ({name}), in this session only. Links you share "
                        "open the bundled dataset."),
    "share_opens_bundled": N_("This link opens the bundled dataset, not your uploaded file."),
    "map_frame_title": N_("Interactive map of Canada's deployments and commitments abroad"),
    "filters_toggle": N_("Filters"),
    "skip_map": N_("Skip the map"),
    "chart_as_table": N_("The chart as a table"),
    "charts_as_table": N_("The charts as a table"),
    "column_year": N_("Year"),
    "column_countries": N_("Countries"),
    "column_personnel": N_("Personnel (all types)"),
    "column_deployments": N_("Deployments"),
    "column_deployments_stating": N_("Deployments stating personnel"),
    "column_where": N_("Where"),
    "column_status": N_("Status"),
    "column_cad": N_("CAD stated"),
}


# A label and what it labels, "Legend: ..." (French puts a no-break space before the colon).
LABELLED = N_("{label}: {text}")


def labelled(label_text: str, text: str) -> str:
    return _(LABELLED).format(label=label_text, text=text)


def ui_text(key: str, **values: object) -> str:
    """An interface sentence in the current language, with `values` filled in (after translation)."""
    return _(UI_TEXT[key]).format(**values)


UNTRANSLATED_GROUPS = frozenset({"language"})


def label(group: str, key: str) -> str:
    """The display label of a vocabulary value in the current language; the value itself if it has none."""
    message = LABELS.get(group, {}).get(key)
    if message is None:
        return key
    # A language is named in itself ("English", "Français") on every page; the catalogue's "English"
    # is the word inside a French sentence ("anglais"), so these are not looked up.
    return message if group in UNTRANSLATED_GROUPS else _(message)


def format_amount(value: float | None) -> str:
    """Dollars for people ("$2.60 billion", "2,60 milliards de dollars"); "not stated" for a missing value
    (None, NaN or pandas' NA, as a sum of none gives)."""
    return format_money(value)


def format_money_by_status(amounts) -> str:
    """"$13.30 billion committed · $2.00 billion allocated"; "not stated" when there is none."""
    if amounts.empty:
        return _("not stated")
    return " · ".join(_("{amount} {status}").format(amount=format_amount(value),
                                                     status=label("amount_status", status))
                      for status, value in amounts.items())


def is_money(measure: str) -> bool:
    return measure in MONEY_MEASURES


def format_measure(measure: str, value: float) -> str:
    if is_money(measure):
        return format_amount(value)
    return format_number(value)


# The nouns counted on screen, singular and plural ("1 operation", "2 operations").
COUNTED = {
    "engagements": Nn_("{n} engagement", "{n} engagements"),
    "deployments": Nn_("{n} deployment", "{n} deployments"),
    "operations": Nn_("{n} operation", "{n} operations"),
    "places": Nn_("{n} place", "{n} places"),
    "years": Nn_("{n} year", "{n} years"),
    "commitments": Nn_("{n} commitment", "{n} commitments"),
    "rows": Nn_("{n} row", "{n} rows"),
    "personnel": Nn_("{n} personnel", "{n} personnel"),
    "countries": Nn_("{n} country", "{n} countries"),
}


def count(n: float, noun: str) -> str:
    """A number with its noun, given in the plural: count(1, "operations") -> "1 operation"."""
    forms = COUNTED.get(noun)
    if forms is None:  # a noun without a message: the number and the noun as given
        return f"{format_number(n)} {noun}"
    return ngettext(*forms, n).format(n=format_number(n))


def measure_text(measure: str, value: float) -> str:
    """A country's measure as a reader says it: "3 operations", "$1.2 billion CAD", "1 year"."""
    if is_money(measure):
        return format_money(value, canadian=True)
    return count(value, measure)


def format_partial_date(text: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD date as people write it: "2025", "January 2025", "10 July 2023"."""
    return format_date(text)


def period_end(end: str) -> str:
    """The end of a period as written: its date, or "ongoing" when it has none."""
    return end or label("period", "ongoing")


def format_period(start: str, end: str) -> str:
    return f"{start} – {period_end(end)}"
