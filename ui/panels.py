"""Side panels: every engagement in a country, or every country of an operation."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from canada_abroad.i18n import N_, _, current_language, format_number, pgettext
from canada_abroad.localized import display_column
from canada_abroad.operations import current_first, current_size, money_by_status
from canada_abroad.safe_text import markdown_link_target
from canada_abroad.safe_text import markdown_text as md
from canada_abroad.text import (
    count,
    format_amount,
    format_money_by_status,
    format_partial_date,
    format_period,
    label,
    labelled,
    ui_text,
)

# Column headings of the engagement table, translated when the table is drawn.
ENGAGEMENT_HEADINGS = {
    "operation": N_("Operation"),
    "mission": N_("Mission"),
    "place": N_("Where"),
    "organization": N_("Org."),
    "type": N_("Type"),
    "period": N_("Dates"),
    "personnel_text": N_("Personnel (basis)"),
    "money_text": N_("CAD (status)"),
    "source_url": N_("Source"),
}
OPEN_SOURCE = N_("open")
PERSONNEL, MONEY, LOCATION = N_("Personnel: {text}"), N_("Money: {text}"), N_("Location: {text}")
SOURCE = N_("Source: {link} · verified {date}")
# A French reader is told when a description or a source page is English (no French one in the data).
IN_ENGLISH = N_("(in English)")
BASIS = N_("{n} ({basis})")
MATCH = N_("{engagements}, {operations} match the filters")
IN_PLACES = N_("{engagements} in {places}: {names}")
PROFILE = N_("Open the {name} profile")
NOTHING_HERE = N_("No engagement in this country matches the current filters.")
NOTHING_IN_OPERATION = N_("This operation has no rows that match the current filters.")


def engagement_columns() -> dict:
    """st.dataframe's column_config for engagement_table, in the reader's language."""
    columns = {name: st.column_config.TextColumn(_(heading)) for name, heading in ENGAGEMENT_HEADINGS.items()}
    columns["source_url"] = st.column_config.LinkColumn(_(ENGAGEMENT_HEADINGS["source_url"]), display_text=_(OPEN_SOURCE))
    return columns


class _Columns(Mapping):
    """ENGAGEMENT_COLUMNS: read when a table is drawn, so its headings are in that run's language."""

    def __getitem__(self, name: str):
        return engagement_columns()[name]

    def __iter__(self):
        return iter(ENGAGEMENT_HEADINGS)

    def __len__(self) -> int:
        return len(ENGAGEMENT_HEADINGS)


ENGAGEMENT_COLUMNS = _Columns()


def _shown(row: pd.Series, name: str) -> str:
    """A row's text in the reader's language (the `display_` column pages get from ui/page.open_page)."""
    return row.get(display_column(name), row[name])


def personnel_text(row: pd.Series) -> str:
    if pd.isna(row["personnel"]):
        return _("not stated")
    return _(BASIS).format(n=format_number(row["personnel"]),
                           basis=label("personnel_basis", row["personnel_basis"]) + _as_of(row))


def money_text(row: pd.Series) -> str:
    if pd.isna(row["amount_cad"]):
        return ""
    return _(BASIS).format(n=format_amount(float(row["amount_cad"])),
                           basis=label("amount_status", row["amount_status"]) + _as_of(row))


def _as_of(row: pd.Series) -> str:
    """", as of January 2025" when the row dates its figures; nothing otherwise. French says a day
    ("en date du 10 juillet 2023"), a month ("en date de janvier 2025") and a year ("en 2025") differently."""
    as_of = row.get("as_of")
    if not as_of:
        return ""
    date = format_partial_date(as_of)
    precision = as_of.count("-")
    if precision == 2:
        return pgettext("day", ", as of {date}").format(date=date)
    if precision == 1:
        return pgettext("month", ", as of {date}").format(date=date)
    return pgettext("year", ", as of {date}").format(date=date)


def engagement_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows shaped for display; all text stays text in st.dataframe."""
    table = rows.copy()
    table["type"] = table["mission_type"].map(lambda v: label("mission_type", v))
    table["period"] = [format_period(s, e) for s, e in zip(table["start_date"], table["end_date"])]
    table["personnel_text"] = table.apply(personnel_text, axis=1) if len(table) else []
    table["money_text"] = table.apply(money_text, axis=1) if len(table) else []
    for name in ("operation", "mission", "place", "source_url"):
        table[name] = table.get(display_column(name), table[name])
    return table[list(ENGAGEMENT_HEADINGS)]


def _engagement_card(row: dict, show_place: bool) -> None:
    with st.container(border=True):
        where = f" — {md(_shown(row, 'place'))}" if show_place else ""
        st.markdown(f"**{md(_shown(row, 'operation'))}**{where}")
        st.caption(f"{md(_shown(row, 'mission'))} · {md(label('organization', row['organization']))} · "
                   f"{md(label('mission_type', row['mission_type']))} · "
                   f"{md(format_period(row['start_date'], row['end_date']))}")
        details = [_(PERSONNEL).format(text=md(personnel_text(row)))]
        if not pd.isna(row["amount_cad"]):
            details.append(_(MONEY).format(text=md(money_text(row))))
        if row["location"]:
            details.append(_(LOCATION).format(text=md(row["location"])))
        st.markdown("  \n".join(details))
        description = _shown(row, "description")
        if description:
            english = current_language() != "en" and row.get("description_language") == "en"
            st.text(f"{description} {_(IN_ENGLISH)}" if english else description)
        title = md(_shown(row, "source_title"))
        if current_language() != "en" and row.get("source_language") == "en":
            title = f"{title} {md(_(IN_ENGLISH))}"
        link = f"[{title}]({markdown_link_target(_shown(row, 'source_url'))})"
        st.markdown(_(SOURCE).format(link=link, date=md(format_partial_date(row["verified_on"]))))


def _lead(here: pd.DataFrame, show_operation: bool) -> None:
    """What a reader asks first: the size now (largest current figure, its basis and date), then money by status."""
    now = current_size(here)
    if now is not None:
        where = _shown(now, "operation") if show_operation else _shown(now, "place")
        size = ui_text("now_people", n=format_number(now["personnel"]),
                       basis=label("personnel_basis", now["personnel_basis"]) + _as_of(now))
        st.markdown(f"**{md(ui_text('now_size', size=size, where=where))}**")
    elif here["ongoing"].any():
        ongoing = count(here.loc[here["ongoing"], "operation_id"].nunique(), "operations")
        st.markdown(f"**{md(ui_text('now_unstated', n=ongoing))}**")
    elif len(here):
        st.markdown(f"**{md(ui_text('now_none', year=int(here['end_year'].max())))}**")
    money = money_by_status(here)
    if not money.empty:
        # Per status, never one total: a committed package and an allocated pledge may hold the same dollars.
        st.markdown(md(labelled(ui_text("money_by_status"), format_money_by_status(money))))


def country_panel(rows: pd.DataFrame, iso3: str, name: str, *, link_to_country_page: bool = True) -> None:
    """Every engagement in one country: the size now first, then ongoing rows, then the rest newest first."""
    here = current_first(rows[rows["iso3"] == iso3])
    st.subheader(name)
    _lead(here, show_operation=True)
    st.caption(_(MATCH).format(engagements=count(len(here), "engagements"),
                               operations=count(here["operation_id"].nunique(), "operations")))
    if link_to_country_page:
        st.page_link("pages/country.py", label=_(PROFILE).format(name=name), icon=":material/flag:")
    if here.empty:
        st.info(_(NOTHING_HERE))
    for row in here.to_dict("records"):  # plain dicts: iterrows builds a Series per row
        _engagement_card(row, show_place=False)


def operation_panel(rows: pd.DataFrame, operation_id: str) -> None:
    """One operation: all its countries and sea areas."""
    here = rows[rows["operation_id"] == operation_id].sort_values("start_year")
    if here.empty:
        st.info(_(NOTHING_IN_OPERATION))
        return
    st.subheader(md(_shown(here.iloc[0], "operation")))
    _lead(here, show_operation=False)
    here = current_first(here)
    places = list(dict.fromkeys(here[display_column("place")] if display_column("place") in here else here["place"]))
    st.caption(_(IN_PLACES).format(engagements=count(len(here), "engagements"), places=count(len(places), "places"),
                                   names=md(", ".join(places))))
    for row in here.to_dict("records"):  # plain dicts: iterrows builds a Series per row
        _engagement_card(row, show_place=True)
