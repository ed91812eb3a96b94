"""Reading the story's TOML files with errors that name the file and the field."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from game.paths import ASSETS

STORY_DIR = ASSETS / "story"


class StoryDataError(ValueError):
    """A story data file is missing something or has a wrong value; names file and field."""


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise StoryDataError(f"{path.name}: file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise StoryDataError(f"{path.name}: invalid TOML: {exc}") from exc


def field(table: dict[str, Any], name: str, kind: type, where: str, default: Any = ...) -> Any:
    """table[name] checked against kind; ``default`` makes it optional."""
    if name not in table:
        if default is ...:
            raise StoryDataError(f"{where}: missing field '{name}'")
        return default
    value = table[name]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if kind is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise StoryDataError(f"{where}: field '{name}' must be a list of strings")
        return value
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise StoryDataError(f"{where}: field '{name}' must be {kind.__name__}, got {value!r}")
    return value
