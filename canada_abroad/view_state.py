"""Everything a shared link carries, and its translation to and from URL parameters.

Each parameter is one entry of LINK_PARAMS (the filters' from canada_abroad.filters, then the
view's own below); parsing, writing links, the widgets and the README's list all follow it.
Parameter names are part of the product's contract (links must keep working). Lists are
comma-separated. Defaults are left out so links stay short. Anything unknown, repeated or
malformed is dropped with a notice; parsing never raises. Notices are Markdown, with the link's
own text in them escaped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, make_dataclass, replace

from canada_abroad.filters import FILTER_PARAMS, STATUSES, Filters
from canada_abroad.i18n import LANGUAGES, N_, _
from canada_abroad.link_params import CHOICE, CODE, LIST, RADIO, SELECTBOX, TEXT, YEAR, YEAR_PAIR, LinkParam, Widget
from canada_abroad.measures import MEASURES
from canada_abroad.safe_text import markdown_text

__all__ = ["LINK_PARAMS", "PARAMS", "STATUSES", "Options", "ViewState", "parse_view", "to_params"]

MAX_PARAM_CHARS = 300
DEFAULT_MEASURE = "deployments"  # the Map answers "where are Canadians serving" first

VIEW_PARAMS = (
    LinkParam("measure", "measure", CHOICE, "what colours the countries. The Map opens on deployments, "
              "to answer where Canadians serve: a country Canada only sent money or materiel to stays uncoloured "
              "until another measure or `kind` is chosen; `operations` counts both kinds",
              allowed=MEASURES, default=DEFAULT_MEASURE,
              widget=Widget(SELECTBOX, "w_measure", N_("Colour countries by"), where="map"), labels="measure",
              unknown=N_("Ignored unknown measure '{value}'."),
              # measure=cad added money of every stage together; money is now one measure per stage.
              aliases=(("cad", "cad_committed"),),
              alias_notice=N_("The measure '{value}' added money of different stages together; this link now shows "
                           "money committed. Other stages are under 'Colour countries by'.")),
    LinkParam("country", "country", CODE, "opens this country's panel (Map) or profile (Country)",
              allowed="countries", allowed_doc="ISO 3166-1 alpha-3 code, e.g. `LVA`", case="upper", echo=12,
              set_by="a click on the map; the Country page's list",
              unknown=N_("Ignored unknown country code '{value}'.")),
    LinkParam("op", "operation", CODE, "opens this operation's panel (Map, Operations)", allowed="operations",
              allowed_doc="operation id, e.g. `reassurance`", case="lower",
              set_by="a click on a marker or an Operations table row",
              unknown=N_("Ignored unknown operation '{value}'.")),
    LinkParam("compare", "compare", YEAR_PAIR, "two years side by side on the Map page: two small maps on one "
              "colour scale, and the countries that appear, disappear and stay", allowed_doc="two years, `YYYY,YYYY`",
              set_by="Map page: Compare two years", echo=20,
              unknown=N_("Ignored '{value}' for 'compare': give two years such as 1993,2024.")),
    # No fixed default: without it the browser's language decides (ui/state.py), and a link written by
    # the app always carries it (the view's language is never None by then), so it opens as it was made.
    LinkParam("lang", "language", CHOICE, "the language of the whole interface; a shared link always carries it",
              allowed=LANGUAGES, default_doc="the browser's language (`fr` for French, otherwise `en`)",
              widget=Widget(RADIO, "w_lang", N_("Language")), labels="language",
              unknown=N_("Ignored unknown language '{value}'; use en or fr.")),
)
LINK_PARAMS = FILTER_PARAMS + VIEW_PARAMS
PARAMS = tuple(param.name for param in LINK_PARAMS)
BY_NAME = {param.name: param for param in LINK_PARAMS}
_FILTER_NAMES = frozenset(param.name for param in FILTER_PARAMS)


def _select_country(self, iso3: str | None):
    return replace(self, country=iso3, operation=None)


def _select_operation(self, op: str | None):
    return replace(self, operation=op, country=None)


# A whole view: the filters, then one field per VIEW_PARAMS entry (made from the table, like Filters).
ViewState = make_dataclass(
    "ViewState",
    [("filters", Filters, field(default_factory=Filters))]
    + [(p.field, p.python_type, field(default=p.default)) for p in VIEW_PARAMS],
    frozen=True,
    namespace={"__module__": __name__, "select_country": _select_country, "select_operation": _select_operation},
)


@dataclass(frozen=True)
class Options:
    """The values a link may use, from the loaded data and geometry."""

    types: Collection[str]
    orgs: Collection[str]
    regions: Collection[str]
    countries: Collection[str]
    operations: Collection[str]
    first_year: int
    last_year: int


def allowed_values(param: LinkParam, options: Options) -> Collection[str]:
    return getattr(options, param.allowed) if isinstance(param.allowed, str) else param.allowed


def _values(raw: Sequence[str] | str) -> list[str]:
    return [raw] if isinstance(raw, str) else list(raw)


def _echo(text: str, limit: int) -> str:
    """Link text quoted in a notice: cut short, and escaped because the sidebar shows notices as
    Markdown (st.warning), where `?[Log in here](https://evil.example)=1` became a real link in
    the app's own warning box (also headings, LaTeX, :material: icons, line breaks)."""
    return markdown_text(text[:limit])


def _match(item: str, allowed: Collection[str]) -> str | None:
    """The allowed value equal to `item` in any case."""
    return next((option for option in allowed if option.lower() == item.lower()), None)


def _parse_one(param: LinkParam, text: str, options: Options, notices: list[str]) -> object:
    """A single value (not a list) from its link text; the default, with a notice, when it is not valid."""
    if param.kind == TEXT:
        return text
    if param.kind == YEAR:
        # [0-9], not \d: \d also takes other scripts' digits ("２０００"), which int() reads.
        if re.fullmatch(r"[0-9]{4}", text) and options.first_year <= int(text) <= options.last_year:
            return int(text)
        notices.append(_("Ignored year '{value}' for '{name}': use a year from {first} to {last}.").format(
            value=_echo(text, param.echo), name=param.name, first=options.first_year, last=options.last_year))
        return param.default
    if param.kind == YEAR_PAIR:
        parts = [part.strip() for part in text.split(",")]
        if len(parts) != 2 or not all(re.fullmatch(r"\d{4}", part) for part in parts):
            notices.append(_(param.unknown).format(value=_echo(text, param.echo)))
            return param.default
        years = [_parse_one(replace(param, kind=YEAR, default=None), part, options, notices) for part in parts]
        return param.default if None in years else (years[0], years[1])
    allowed = allowed_values(param, options)
    renamed = dict(param.aliases).get(text.lower())
    if renamed is not None:
        notices.append(_(param.alias_notice).format(value=_echo(text, param.echo), new=renamed))
        return renamed
    if param.kind == CODE:
        if not text:
            return param.default
        value = text.upper() if param.case == "upper" else text.lower()
        if value in allowed:
            return value
    else:
        value = _match(text, allowed)
        if value is not None:
            return value
        value = text.lower()
    notices.append(_(param.unknown).format(value=_echo(value, param.echo)))
    return param.default


def _parse_list(param: LinkParam, items: list[str], options: Options, notices: list[str]) -> tuple[str, ...]:
    chosen: list[str] = []
    allowed = allowed_values(param, options)
    for item in items:
        match = _match(item, allowed)
        if match is None:
            notices.append(_(param.unknown).format(value=_echo(item, param.echo)))
        elif match not in chosen:
            chosen.append(match)
    return tuple(chosen)


def parse_view(params: Mapping[str, Sequence[str] | str], options: Options) -> tuple[ViewState, list[str]]:
    """Read a ViewState from query parameters; return it with notices for what was ignored."""
    notices: list[str] = []
    single: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    for name, raw in params.items():
        values = _values(raw)
        if name not in BY_NAME:
            notices.append(_("Ignored unknown link parameter '{name}'.").format(name=_echo(name, 40)))
            continue
        if any(len(value) > MAX_PARAM_CHARS for value in values):
            notices.append(_("Ignored link parameter '{name}': the value is too long.").format(name=name))
            continue
        if BY_NAME[name].kind == LIST:
            lists[name] = [item.strip() for value in values for item in value.split(",") if item.strip()]
            continue
        if len(values) > 1:
            notices.append(_("Link parameter '{name}' was given {n} times; the first value is used.").format(
                name=name, n=len(values)))
        if values:
            single[name] = values[0].strip()

    chosen: dict[str, object] = {}
    for param in LINK_PARAMS:
        if param.kind == LIST:
            chosen[param.field] = _parse_list(param, lists.get(param.name, []), options, notices)
        elif param.name in single:
            chosen[param.field] = _parse_one(param, single[param.name], options, notices)
        else:
            chosen[param.field] = param.default

    if chosen["year_from"] is not None and chosen["year_to"] is not None and chosen["year_from"] > chosen["year_to"]:
        notices.append(_("The year range was reversed; it has been swapped."))
        chosen["year_from"], chosen["year_to"] = chosen["year_to"], chosen["year_from"]
    if chosen["year"] is not None and (chosen["year_from"] is not None or chosen["year_to"] is not None):
        notices.append(_("A link shows one year or a range of years, not both; the year {year} is shown.").format(
            year=chosen["year"]))
        chosen["year_from"] = chosen["year_to"] = None
    if chosen["country"] and chosen["operation"]:
        notices.append(_("A link can open a country or an operation, not both; the country is shown."))
        chosen["operation"] = None

    filters = Filters(**{p.field: chosen[p.field] for p in FILTER_PARAMS})
    return ViewState(filters, **{p.field: chosen[p.field] for p in VIEW_PARAMS}), notices


def _link_text(param: LinkParam, value: object) -> str:
    """A value as the link writes it; "" for the default, which links leave out."""
    if param.kind == TEXT:
        value = value.strip()
    if value == param.default or value is None:
        return ""
    if param.kind == LIST:
        return ",".join(value)
    if param.kind == YEAR_PAIR:
        return f"{value[0]},{value[1]}"
    return str(value)


def to_params(view: ViewState) -> dict[str, str]:
    """Query parameters for a view, defaults left out, in LINK_PARAMS order."""
    params = {}
    for param in LINK_PARAMS:
        owner = view.filters if param.name in _FILTER_NAMES else view
        text = _link_text(param, getattr(owner, param.field))
        if text:
            params[param.name] = text
    return params
