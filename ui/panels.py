"""Side panels: every engagement in a country, or every country of an operation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

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
    ui_text,
)

ENGAGEMENT_COLUMNS = {
    "operation": st.column_config.TextColumn("Operation"),
    "mission": st.column_config.TextColumn("Mission"),
    "place": st.column_config.TextColumn("Where"),
    "organization": st.column_config.TextColumn("Org."),
    "type": st.column_config.TextColumn("Type"),
    "period": st.column_config.TextColumn("Dates"),
    "personnel_text": st.column_config.TextColumn("Personnel (basis)"),
    "money_text": st.column_config.TextColumn("CAD (status)"),
    "source_url": st.column_config.LinkColumn("Source", display_text="open"),
}


def personnel_text(row: pd.Series) -> str:
    if pd.isna(row["personnel"]):
        return "not stated"
    return f"{int(row['personnel']):,} ({label('personnel_basis', row['personnel_basis'])}{_as_of(row)})"


def money_text(row: pd.Series) -> str:
    if pd.isna(row["amount_cad"]):
        return ""
    return f"{format_amount(float(row['amount_cad']))} ({label('amount_status', row['amount_status'])}{_as_of(row)})"


def _as_of(row: pd.Series) -> str:
    """", as of January 2025" when the row dates its figures; nothing otherwise."""
    return f", as of {format_partial_date(row['as_of'])}" if row.get("as_of") else ""


def engagement_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows shaped for display; all text stays text in st.dataframe."""
    table = rows.copy()
    table["type"] = table["mission_type"].map(lambda v: label("mission_type", v))
    table["period"] = [format_period(s, e) for s, e in zip(table["start_date"], table["end_date"])]
    table["personnel_text"] = table.apply(personnel_text, axis=1) if len(table) else []
    table["money_text"] = table.apply(money_text, axis=1) if len(table) else []
    return table[list(ENGAGEMENT_COLUMNS)]


def _engagement_card(row: dict, show_place: bool) -> None:
    with st.container(border=True):
        where = f" — {md(row['place'])}" if show_place else ""
        st.markdown(f"**{md(row['operation'])}**{where}")
        st.caption(f"{md(row['mission'])} · {md(row['organization'])} · {md(label('mission_type', row['mission_type']))}"
                   f" · {md(format_period(row['start_date'], row['end_date']))}")
        details = [f"Personnel: {md(personnel_text(row))}"]
        if not pd.isna(row["amount_cad"]):
            details.append(f"Money: {md(money_text(row))}")
        if row["location"]:
            details.append(f"Location: {md(row['location'])}")
        st.markdown("  \n".join(details))
        if row["description"]:
            st.text(row["description"])
        st.markdown(f"Source: [{md(row['source_title'])}]({markdown_link_target(row['source_url'])}) "
                    f"· verified {md(row['verified_on'])}")


def _lead(here: pd.DataFrame, show_operation: bool) -> None:
    """What a reader asks first: the size now (largest current figure, its basis and date), then money by status."""
    now = current_size(here)
    if now is not None:
        where = now["operation"] if show_operation else now["place"]
        size = ui_text("now_people", n=f"{int(now['personnel']):,}",
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
        st.markdown(f"{md(ui_text('money_by_status'))}: {md(format_money_by_status(money))}")


def country_panel(rows: pd.DataFrame, iso3: str, name: str, *, link_to_country_page: bool = True) -> None:
    """Every engagement in one country: the size now first, then ongoing rows, then the rest newest first."""
    here = current_first(rows[rows["iso3"] == iso3])
    st.subheader(name)
    _lead(here, show_operation=True)
    st.caption(f"{count(len(here), 'engagements')}, {count(here['operation_id'].nunique(), 'operations')} "
               "match the filters")
    if link_to_country_page:
        st.page_link("pages/country.py", label=f"Open the {name} profile", icon=":material/flag:")
    if here.empty:
        st.info("No engagement in this country matches the current filters.")
    for row in here.to_dict("records"):  # plain dicts: iterrows builds a Series per row
        _engagement_card(row, show_place=False)


def operation_panel(rows: pd.DataFrame, operation_id: str) -> None:
    """One operation: all its countries and sea areas."""
    here = rows[rows["operation_id"] == operation_id].sort_values("start_year")
    if here.empty:
        st.info("This operation has no rows that match the current filters.")
        return
    st.subheader(md(here["operation"].iloc[0]))
    _lead(here, show_operation=False)
    here = current_first(here)
    places = list(dict.fromkeys(here["place"]))
    st.caption(f"{count(len(here), 'engagements')} in {count(len(places), 'places')}: {md(', '.join(places))}")
    for row in here.to_dict("records"):
        _engagement_card(row, show_place=True)
