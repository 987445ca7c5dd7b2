"""Documentation that must not fall behind the code."""

from __future__ import annotations

from pathlib import Path

from canada_abroad.link_params import params_markdown
from canada_abroad.schema import data_dictionary_markdown
from canada_abroad.view_state import LINK_PARAMS

ROOT = Path(__file__).resolve().parent.parent


def test_readme_data_dictionary_matches_the_schema():
    """Regenerate it from canada_abroad.schema.data_dictionary_markdown() when this fails."""
    assert data_dictionary_markdown() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_the_link_parameters_of_the_table():
    """Regenerate it from canada_abroad.link_params.params_markdown(LINK_PARAMS) when this fails."""
    table = params_markdown(LINK_PARAMS)
    assert all(f"| `{param.name}` |" in table for param in LINK_PARAMS)
    assert table in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
