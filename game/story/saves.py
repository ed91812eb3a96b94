"""Three save slots: versioned JSON in the data folder, written atomically, with migrations.

File ``saves/story_<n>.json``: ``{"version": N, "saved_at": "...", "state": {...}}``.
A damaged file (bad JSON, wrong fields, a version from the future, a name this build does not
have: ``game.story.save_check``) is moved aside with a message; the other slots are never
touched.

Version history:
- 1: ``flags`` was a table of name -> true/false; ``gains`` a list of [attribute, points];
  no ``fatigue`` (the first camp prototype).
- 2: ``flags`` a list of names, ``gains`` a table, ``fatigue`` 0..100.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.paths import load_json_or_quarantine, saves_dir, write_json_atomic
from game.story.save_check import check_state
from game.story.state import StoryState

VERSION = 2
SLOTS = (1, 2, 3)


def slot_path(slot: int) -> Path:
    if slot not in SLOTS:
        raise ValueError(f"no save slot {slot}")
    return saves_dir() / f"story_{slot}.json"


def _v1_to_v2(state: dict[str, Any]) -> dict[str, Any]:
    flags = state.get("flags", {})
    if isinstance(flags, dict):
        state["flags"] = sorted(k for k, v in flags.items() if v)
    gains = state.get("gains", [])
    if isinstance(gains, list):
        state["gains"] = {str(k): int(v) for k, v in gains}
    state.setdefault("fatigue", 0)
    return state


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def parse_save(data: Any, name: str) -> StoryState:
    if not isinstance(data, dict) or not isinstance(data.get("state"), dict):
        raise ValueError(f"{name}: field 'state' is missing")  # noqa: TRY004 - a bad file, not a bad call
    version = data.get("version")
    if not isinstance(version, int) or not 1 <= version <= VERSION:
        raise ValueError(f"{name}: field 'version' is {version!r}; this game reads 1..{VERSION}")
    state = dict(data["state"])
    while version < VERSION:
        state = MIGRATIONS[version](state)
        version += 1
    try:
        return check_state(StoryState.from_json(state))
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from exc


def load_slot(slot: int) -> tuple[StoryState | None, str | None]:
    """(state, None), (None, None) for an empty slot, or (None, message) if it was damaged."""
    return load_json_or_quarantine(slot_path(slot), parse_save)


def save_slot(slot: int, state: StoryState) -> str | None:
    """Write the slot; returns an error message instead of raising (disk full, read-only)."""
    data = {"version": VERSION, "saved_at": time.strftime("%Y-%m-%d %H:%M"),
            "state": state.to_json()}
    try:
        write_json_atomic(slot_path(slot), data)
    except OSError as exc:
        return f"Could not save slot {slot}: {exc.strerror or exc}"
    return None


def latest_slot() -> int | None:
    """The slot saved last (for Continue), by file time."""
    best: tuple[float, int] | None = None
    for s in SLOTS:
        p = slot_path(s)
        if p.exists():
            t = p.stat().st_mtime
            if best is None or t > best[0]:
                best = (t, s)
    return best[1] if best else None
