"""No English left in the code that draws pages: every string with letters that reaches a Streamlit call
goes through the catalogue (_(), ngettext, pgettext), an AST scan of the files of each area.

The French engineers each list their files here; ALLOWED names the few literals that are not words
for a reader, with the reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Files scanned (the core area; the other pages are added as they are converted).
FILES = ("app.py", "pages/map.py", "ui/sidebar.py", "ui/state.py", "ui/find.py", "ui/legend.py", "ui/panels.py",
         "ui/publish.py", "ui/compare.py", "ui/widgets.py", "ui/page.py")
# Streamlit calls whose text a reader sees, and the keyword arguments that carry it.
TEXT_CALLS = {"title", "header", "subheader", "caption", "markdown", "write", "text", "button", "download_button",
              "link_button", "page_link", "selectbox", "radio", "multiselect", "text_input", "number_input", "slider",
              "toggle", "checkbox", "expander", "tabs", "info", "warning", "error", "success", "metric", "Page",
              "set_page_config", "TextColumn", "NumberColumn", "LinkColumn", "ListColumn", "DateColumn", "popover",
              "file_uploader", "segmented_control", "pills"}
TEXT_KEYWORDS = {"label", "help", "placeholder", "page_title", "title", "file_name", "display_text", "body"}
TRANSLATED = {"_", "ngettext", "pgettext", "ui_text", "label", "labelled", "count", "measure_text"}
# Calls that pass their arguments' text through to the reader (escaping it); other calls' literal arguments
# are column names, keys and the like (row["place"], _shown(row, "place")).
PASS_THROUGH = {"md", "escape", "markdown_text", "join", "format"}
# Literal text allowed in those places, with why.
ALLOWED = {
    "English": "each language's own name on the switch, never translated",
    "Français": "each language's own name on the switch, never translated",
}
LETTERS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _untranslated(node: ast.AST) -> list[str]:
    """String literals with words inside `node`, except inside a call that translates."""
    if isinstance(node, ast.Call) and _call_name(node) in TRANSLATED:
        return []
    if isinstance(node, ast.Call) and _call_name(node) not in PASS_THROUGH:
        return _untranslated(node.func.value) if isinstance(node.func, ast.Attribute) else []
    if isinstance(node, ast.Subscript):
        return _untranslated(node.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if LETTERS.search(node.value) and node.value not in ALLOWED else []
    found = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FormattedValue):  # the {value} of an f-string: scanned as an expression
            found += _untranslated(child.value)
        else:
            found += _untranslated(child)
    return found


def _scan(path: Path) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or _call_name(node) not in TEXT_CALLS:
            continue
        shown = list(node.args[:1]) + [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        if _call_name(node) == "tabs":
            shown = list(node.args)
        if _call_name(node) in ("Page", "page_link"):  # the first argument is the page's script
            shown = shown[1:]
        for argument in shown:
            problems += [f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}" for text in _untranslated(argument)]
    return problems


@pytest.mark.parametrize("name", FILES)
def test_no_english_literal_reaches_a_streamlit_call(name):
    assert _scan(ROOT / name) == []


def test_the_scan_finds_an_untranslated_label(tmp_path):
    """The scan itself: a literal label is caught, a translated one and a key are not."""
    source = tmp_path / "page.py"
    source.write_text('import streamlit as st\nst.button("Close panel", key="close")\nst.button(_("Close panel"))\n'
                      'st.caption(f"{n} rows match")\nst.markdown(f"**{_(TITLE)}**")\n', encoding="utf-8")
    found = [line.split(": ", 1)[1] for line in _scan_outside(source)]
    assert found == ["'Close panel'", "' rows match'"]


def _scan_outside(path: Path) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _call_name(node) in TEXT_CALLS:
            shown = list(node.args[:1]) + [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
            problems += [f"{node.lineno}: {text!r}" for argument in shown for text in _untranslated(argument)]
    return problems
