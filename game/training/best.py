"""Best scores per drill and fighter, kept in ``best_scores.json`` in the data folder.

A damaged file is moved aside (``game.paths.load_json_or_quarantine``) and the game goes on with
no best scores and a message for the screen, never a crash.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import paths

log = logging.getLogger(__name__)

BEST_VERSION = 1
BEST_FILE = "best_scores.json"


def best_path() -> Path:
    return paths.data_dir() / BEST_FILE


@dataclass
class BestScores:
    """drill id -> fighter id -> best score."""

    scores: dict[str, dict[str, int]] = field(default_factory=dict)

    def get(self, drill_id: str, fighter_id: str) -> int | None:
        """The best score, or None: a 0 (kept by older versions) is no best to show."""
        score = self.scores.get(drill_id, {}).get(fighter_id)
        return score if score is not None and score > 0 else None

    def record(self, drill_id: str, fighter_id: str, score: int) -> bool:
        """Keep ``score`` if it beats the best; True when it is a new best (never 0)."""
        old = self.get(drill_id, fighter_id)
        if score <= 0 or (old is not None and score <= old):
            return False
        self.scores.setdefault(drill_id, {})[fighter_id] = int(score)
        return True

    def to_json(self) -> dict[str, Any]:
        return {"version": BEST_VERSION, "scores": self.scores}

    @classmethod
    def from_json(cls, data: Any, source: str = BEST_FILE) -> BestScores:
        if not isinstance(data, dict):
            raise paths.BadFile(f"{source}: top level must be an object")
        if data.get("version") != BEST_VERSION:
            raise paths.BadFile(f"{source}: version: expected {BEST_VERSION}, "
                                f"got {data.get('version')!r}")
        raw = data.get("scores", {})
        if not isinstance(raw, dict):
            raise paths.BadFile(f"{source}: scores: must be an object")
        out = cls()
        for drill_id, per in raw.items():
            if not isinstance(per, dict):
                raise paths.BadFile(f"{source}: scores.{drill_id}: must be an object")
            for fighter_id, score in per.items():
                if isinstance(score, bool) or not isinstance(score, int) or score < 0:
                    raise paths.BadFile(f"{source}: scores.{drill_id}.{fighter_id}: must be a "
                                        f"whole number >= 0, got {score!r}")
                out.scores.setdefault(drill_id, {})[fighter_id] = score
        return out


def load_best(path: Path | None = None) -> tuple[BestScores, str | None]:
    """Best scores, or none and a message when the file was damaged (and moved aside)."""
    best, message = paths.load_json_or_quarantine(path or best_path(), BestScores.from_json)
    if message:
        message += " Best scores start fresh."
    return best or BestScores(), message


def save_best(best: BestScores, path: Path | None = None) -> str | None:
    """Save atomically; an error message instead of raising."""
    path = path or best_path()
    try:
        paths.write_json_atomic(path, best.to_json())
    except OSError as exc:
        log.error("could not save best scores to %s: %s", path, exc)
        return f"Could not save best scores: {exc.strerror or exc}"
    return None
