"""No English reaches the screen around the catalogue: a scan of the page and UI code (issue 14).

Every string literal with letters that is passed to a Streamlit element (title, caption, button,
column label, help...) or to an Altair title (axes, legends, tooltips) must go through `_()`,
`ngettext()` or `pgettext()`, directly or through a module-level constant (`TITLE = N_("...")` shown
as `_(TITLE)`). `N_()` alone does not translate, so `st.title(TITLE)` is caught too.

Files not converted yet are listed in UNCONVERTED with their owner: the test checks they still
leak (so the list shrinks as files are converted) and that every other file leaks nothing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANNED = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")])

# Streamlit calls whose first argument (label or body) and text keywords a reader sees.
ELEMENTS = {
    "title", "header", "subheader", "caption", "markdown", "write", "text", "button", "download_button",
    "link_button", "page_link", "form_submit_button", "selectbox", "radio", "multiselect", "text_input",
    "text_area", "number_input", "slider", "select_slider", "checkbox", "toggle", "segmented_control", "pills",
    "file_uploader", "expander", "popover", "tabs", "info", "warning", "error", "success", "toast", "metric",
    "set_page_config", "Page", "TextColumn", "NumberColumn", "LinkColumn", "Column", "SelectboxColumn",
    "CheckboxColumn", "DateColumn", "ListColumn", "ProgressColumn",
}
# Names other objects use too (a file's write): only st.write / st.sidebar.write count.
AMBIGUOUS = {"write", "text"}
TEXT_KEYWORDS = {"label", "help", "placeholder", "title", "page_title", "display_text", "body", "caption"}
# Altair: titles of charts, axes, legends and tooltips.
ALTAIR = {"Chart", "X", "Y", "Color", "Tooltip", "Axis", "Legend", "TitleParams", "Size", "Shape", "Opacity"}
ALTAIR_KEYWORDS = {"title", "text", "subtitle"}
# Calls that return text in the reader's language (their own arguments are keys, ids or msgids).
TRANSLATING = {"_", "ngettext", "pgettext", "ui_text", "label", "count", "measure_text", "format_amount",
               "format_money", "format_money_by_status", "format_number", "format_date", "format_partial_date",
               "format_period", "period_end", "labelled", "_shown"}
LETTERS = re.compile(r"[A-Za-z]{2,}")

# File -> (owner, why it is not converted yet). Remove a file once its strings go through the catalogue.
UNCONVERTED: dict[str, tuple[str, str]] = {}


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _on_streamlit(node: ast.Call) -> bool:
    return isinstance(node.func, ast.Attribute) and ast.unparse(node.func.value) in ("st", "st.sidebar")


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    constants = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0],
                                                                                              ast.Name):
            constants[statement.targets[0].id] = statement.value
    return constants


def leaks(node: ast.AST | None, constants: dict[str, ast.expr], seen: frozenset = frozenset()) -> list[str]:
    """The English literals in an expression that reach the reader untranslated."""
    if node is None:
        return []
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) and LETTERS.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        found = [part.value for part in node.values
                 if isinstance(part, ast.Constant) and LETTERS.search(str(part.value))]
        return found + [text for part in node.values if isinstance(part, ast.FormattedValue)
                        for text in leaks(part.value, constants, seen)]
    if isinstance(node, ast.Name):
        if node.id in constants and node.id not in seen:
            return leaks(constants[node.id], constants, seen | {node.id})
        return []
    if isinstance(node, ast.Call):
        if _call_name(node) in TRANSLATING:
            return []
        found = []
        if isinstance(node.func, ast.Attribute):  # "Hello {x}".format(...), ", ".join(...)
            found += leaks(node.func.value, constants, seen)
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            found += leaks(argument, constants, seen)
        return found
    if isinstance(node, ast.IfExp):
        return leaks(node.body, constants, seen) + leaks(node.orelse, constants, seen)
    if isinstance(node, ast.BinOp):
        return leaks(node.left, constants, seen) + leaks(node.right, constants, seen)
    if isinstance(node, ast.BoolOp):
        return [text for value in node.values for text in leaks(value, constants, seen)]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [text for element in node.elts for text in leaks(element, constants, seen)]
    return []  # subscripts, attributes, comprehensions: values from data or state, not literals


def scan_source(source: str) -> list[tuple[int, str]]:
    """(line, literal) for every untranslated English literal shown by Streamlit or Altair in `source`."""
    tree = ast.parse(source)
    constants = _module_constants(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        shown: list[ast.expr] = []
        if name in ELEMENTS and (name not in AMBIGUOUS or _on_streamlit(node)):
            # st.Page's and st.page_link's first argument is the script's path; every other element's is its
            # label or body.
            shown = ([] if name in ("Page", "page_link") else node.args[:1]) + [k.value for k in node.keywords
                                                                 if k.arg in TEXT_KEYWORDS]
        elif name in ALTAIR and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == "alt":
            shown = [k.value for k in node.keywords if k.arg in ALTAIR_KEYWORDS]
        for expression in shown:
            found += [(node.lineno, text) for text in leaks(expression, constants)]
    return found


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", [path for path in SCANNED if relative(path) not in UNCONVERTED], ids=relative)
def test_converted_files_show_no_untranslated_english(path):
    found = scan_source(path.read_text(encoding="utf-8"))
    assert not found, f"wrap these in _() / ngettext() (see canada_abroad/i18n.py): {found}"


@pytest.mark.parametrize("name", sorted(UNCONVERTED))
def test_the_list_of_unconverted_files_only_shrinks(name):
    """A listed file that no longer leaks must leave the list, so the scan covers it from then on."""
    path = ROOT / name
    assert path.exists(), f"{name} is gone: remove it from UNCONVERTED"
    assert scan_source(path.read_text(encoding="utf-8")), (
        f"{name} shows no untranslated English any more: remove it from UNCONVERTED ({UNCONVERTED[name][0]})")


@pytest.mark.parametrize(("source", "caught"), [
    ('st.title("Operations")', ["Operations"]),
    ('st.caption(f"{n} rows match")', [" rows match"]),
    ('st.metric("First year", 3)', ["First year"]),
    ('st.download_button(_("Get"), data, file_name="x.csv", help="Opens a file")', ["Opens a file"]),
    ('TITLE = N_("Over time")\nst.title(TITLE)', ["Over time"]),  # marked but never translated
    ('st.info("Hello {x}".format(x=1))', ["Hello {x}"]),
    ('st.warning(a if b else "Nothing here")', ["Nothing here"]),
    ('st.markdown(md("**Money:** ") + md(text))', ["**Money:** "]),
    ('alt.X("year:O", title="Year")', ["Year"]),
    ('alt.Tooltip("place:N", title=f"Where {x}")', ["Where "]),
    ('{"a": st.column_config.TextColumn("Operation")}', ["Operation"]),
    ('st.Page("pages/map.py", title="Map", url_path="map")', ["Map"]),
    ('st.sidebar.write("Hello")', ["Hello"]),
])
def test_the_scan_catches_english_literals(source, caught):
    assert [text for _line, text in scan_source(source)] == caught


@pytest.mark.parametrize("source", [
    'st.title(_("Operations"))',
    'st.caption(ngettext("{n} row", "{n} rows", n).format(n=n))',
    'TITLE = N_("Over time")\nst.title(_(TITLE))',
    'st.caption(pgettext("money", "Status"))',
    'st.markdown(f"**{md(row[\'operation\'])}**")',  # data, not interface text
    'st.download_button(_("Get"), data, file_name=_("x.csv"), mime="text/csv", key="get_csv")',
    'st.metric(_("First year"), "–")',
    'alt.X("start_year:Q", title=_("Year"), axis=alt.Axis(format="d"))',
    'st.button(label("status", "ongoing"), type="primary", icon=":material/flag:")',
    'out.write(f"{page or \'map\'}\\t{seconds}\\n")',  # a file, not the page
])
def test_the_scan_lets_translated_text_keys_and_data_through(source):
    assert scan_source(source) == []
