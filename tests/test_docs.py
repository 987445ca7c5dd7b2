"""Documentation that must not fall behind the code."""

from __future__ import annotations

from pathlib import Path

from canada_abroad.schema import data_dictionary_markdown
from canada_abroad.view_state import PARAMS

ROOT = Path(__file__).resolve().parent.parent


def test_readme_data_dictionary_matches_the_schema():
    """Regenerate it from canada_abroad.schema.data_dictionary_markdown() when this fails."""
    assert data_dictionary_markdown() in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_link_parameter():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in PARAMS)


def test_readme_gives_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
