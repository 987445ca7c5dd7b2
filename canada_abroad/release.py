"""The data release: one version and date, read from data/release.toml, shown and cited everywhere."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from canada_abroad.geography import ROOT

RELEASE_PATH = ROOT / "data" / "release.toml"


@dataclass(frozen=True)
class Release:
    version: str
    date: date


def load_release(path: Path = RELEASE_PATH) -> Release:
    """The release file's version and date; a clear error naming the file when either is missing or malformed."""
    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
        version = str(values["version"]).strip()
        released = values["date"]
        released = released if isinstance(released, date) else date.fromisoformat(str(released))
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"{path}: needs `version = \"1.2\"` and `date = \"YYYY-MM-DD\"` ({error})") from error
    if not version:
        raise ValueError(f"{path}: `version` is empty")
    return Release(version, released)
