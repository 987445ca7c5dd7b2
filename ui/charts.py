"""Altair charts shared by the pages, worded and numbered in the reader's language.

Vega formats numbers the English way whatever the page's language, so figures a reader sees in a
tooltip come pre-written (text.py / i18n) in columns of their own, and number axes rewrite Vega's
separators into the locale's (`number_axis`).
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd
import streamlit as st

from canada_abroad.i18n import N_, _, format_number
from canada_abroad.palette import MISSION_TYPE_COLOURS
from canada_abroad.text import label

# Height of a timeline: enough per operation that no label is dropped, plus the year axis and padding.
TIMELINE_ROW_PX, TIMELINE_AXIS_PX = 22, 80


def _separators() -> tuple[str, str]:
    """The current locale's grouping and decimal marks, as Babel writes them ("," "." / no-break space ",")."""
    written = format_number(1234.5, 1)
    return written[1], written[-2]


def number_expr(value: str = "datum.value", spec: str = ",~r") -> str:
    """A Vega expression writing `value` with d3's `spec` and the locale's separators."""
    group, decimal = _separators()
    written = f"format({value}, '{spec}')"
    if (group, decimal) == (",", "."):
        return written
    # Two steps through a mark no number contains, so "1,234.5" becomes "1 234,5" and not "1 234 5".
    return (f"replace(replace(replace({written}, regexp(',', 'g'), '\u0001'), regexp('\\\\.', 'g'), '{decimal}'),"
            f" regexp('\u0001', 'g'), '{group}')")


def number_axis(**options) -> alt.Axis:
    """A quantitative axis whose labels are written the reader's way ("10,000" / "10 000")."""
    if _separators() == (",", "."):
        return alt.Axis(**options)  # Vega's own labels are English already
    return alt.Axis(labelExpr=number_expr(), **options)


def mission_type_colour(field: str, mission_types: Iterable[str], title: str, legend: alt.Legend | None = None) -> alt.Color:
    """Colour by a column of type labels with the map's marker colours, so a type looks the same everywhere.

    Only the types present get a legend entry, in the schema's order.
    """
    present = set(mission_types)
    shown = [t for t in MISSION_TYPE_COLOURS if t in present]
    return alt.Color(f"{field}:N", title=title, scale=alt.Scale(domain=[label("mission_type", t) for t in shown],
                                                                range=[MISSION_TYPE_COLOURS[t] for t in shown]),
                     legend=legend if legend is not None else alt.Undefined)


def operation_timeline(frame: pd.DataFrame, *, colour_title: str, tooltip: list) -> None:
    """One bar per row from its start year through its end year, one line per operation, every line labelled.

    `frame` needs operation, mission_type, start_year and end_year, plus the tooltip's columns (with
    their titles translated by the caller).
    """
    bars = frame.assign(end=frame["end_year"] + 1, type=frame["mission_type"].map(lambda v: label("mission_type", v)))
    chart = alt.Chart(bars).mark_bar(height=8).encode(
        x=alt.X("start_year:Q", title=_("Year"), scale=alt.Scale(zero=False), axis=alt.Axis(format="d")),
        x2="end:Q",
        y=alt.Y("operation:N", sort=alt.EncodingSortField("start_year"), title=None,
                axis=alt.Axis(labelLimit=220, labelOverlap=False)),
        color=mission_type_colour("type", frame["mission_type"], colour_title),
        tooltip=tooltip,
    )
    # The height goes to st.altair_chart: a chart-level height was not applied on the Country page.
    lines = frame["operation"].nunique()
    st.altair_chart(chart, width="stretch", height=max(140, TIMELINE_ROW_PX * lines + TIMELINE_AXIS_PX))


def chart_as_table(table: pd.DataFrame, columns: dict, heading: str) -> None:
    """A chart's text alternative (WCAG 1.1.1): the numbers it draws, as a sortable table folded under it.

    `columns` maps the table's columns to st.column_config entries, in the order shown.
    """
    with st.expander(heading):
        st.dataframe(table, hide_index=True, column_config=columns, column_order=list(columns), width="stretch")


PERSONNEL_TITLE = N_("Personnel deployed where sources state it (peak, cap or snapshot)")
PERSONNEL_CUT = N_("The axis stops at {limit}: the world wars' bars (100,000 and more) run past it")
CUT_AFTER_YEAR = 1947


def footprint_charts(totals: pd.DataFrame, by_type: pd.DataFrame, marked_year: int | None,
                     pick: str) -> list[alt.Chart]:
    """Countries with deployments per year, and personnel stated per year stacked by mission type.

    Both carry a point selection named `pick` on the year (a click picks a year); `marked_year` is drawn solid,
    the other years lighter.
    """
    decades = [year for year in totals["year"] if year % 10 == 0]
    x = alt.X("year:O", title=None, axis=alt.Axis(values=decades, labelAngle=0))
    selection = alt.selection_point(name=pick, fields=["year"], on="click")
    opacity = (alt.condition(alt.datum.year == marked_year, alt.value(1.0), alt.value(0.55))
               if marked_year is not None else alt.value(0.9))
    written = {name: totals[name].map(format_number) for name in ("countries", "deployments",
                                                                  "deployments_with_personnel")}
    countries = alt.Chart(totals.assign(**{f"{name}_text": text for name, text in written.items()}),
                          title=_("Countries with Canadian deployments")).mark_bar(color="#2c7fb8").encode(
        x=x, y=alt.Y("countries:Q", title=_("countries"), axis=number_axis()), opacity=opacity,
        tooltip=[alt.Tooltip("year:O", title=_("Year")), alt.Tooltip("countries_text:N", title=_("Countries")),
                 alt.Tooltip("deployments_text:N", title=_("Deployments")),
                 alt.Tooltip("deployments_with_personnel_text:N", title=_("of which state personnel"))],
    ).add_params(selection).properties(height=200)
    stacked = by_type.assign(type=by_type["mission_type"].map(lambda v: label("mission_type", v))).merge(
        totals[["year", "deployments", "deployments_with_personnel"]], on="year")
    stacked = stacked.assign(**{f"{name}_text": stacked[name].map(format_number)
                                for name in ("personnel", "deployments", "deployments_with_personnel")})
    # The world wars (100,000+) would flatten every later year to a sliver: then the axis stops above the
    # largest year since 1947 and the taller bars are cut, as the title says.
    later = float(totals.loc[totals["year"] >= CUT_AFTER_YEAR, "personnel"].max()) if len(totals) else 0.0
    cut = later > 0 and float(totals["personnel"].max()) > 3 * later
    limit = round(later * 1.1, -2) if later >= 1000 else later * 1.1
    title = [_(PERSONNEL_TITLE)] + ([_(PERSONNEL_CUT).format(limit=format_number(limit))] if cut else [])
    y_scale = alt.Scale(domain=[0, limit]) if cut else alt.Scale()
    personnel = alt.Chart(stacked).mark_bar(clip=True).encode(
        x=alt.X("year:O", title=_("Year"), scale=alt.Scale(domain=list(totals["year"])),
                axis=alt.Axis(values=decades, labelAngle=0)),
        y=alt.Y("sum(personnel):Q", title=_("personnel"), scale=y_scale, axis=number_axis()),
        color=mission_type_colour("type", by_type["mission_type"], _("Mission type"), legend=alt.Legend(
            orient="bottom", columns=3, labelLimit=260)), opacity=opacity,
        tooltip=[alt.Tooltip("year:O", title=_("Year")), alt.Tooltip("type:N", title=_("Mission type")),
                 alt.Tooltip("personnel_text:N", title=_("Personnel")),
                 alt.Tooltip("deployments_with_personnel_text:N", title=_("Deployments stating a figure that year")),
                 alt.Tooltip("deployments_text:N", title=_("Deployments that year"))],
    ).add_params(selection).properties(height=260, title=alt.TitleParams(title, anchor="start"))
    return [countries, personnel]
