"""What every drill's rules share: events, score, the end, the result."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.training.drills import DrillDef, DrillResult


@dataclass(frozen=True)
class DrillEvent:
    """Something the scene shows or plays: a judged hit, a miss, a trip, a burnout ...

    ``kind``: "hit", "miss", "stray", "combo", "trip", "trick", "burnout", "stumble", "step",
    "top", "call", "beat", "end". ``judgement`` is one of timing.JUDGEMENTS (or "glance"),
    ``power`` 0..1 drives the bag's swing and the sound.
    """

    kind: str
    t_s: float
    judgement: str | None = None
    move: str | None = None
    points: int = 0
    power: float = 0.0
    text: str = ""


class DrillRules:
    """Base for the rules of one drill kind."""

    #: Actions this drill listens to; other presses are ignored (not counted as strays).
    inputs: frozenset[str] = frozenset()

    def __init__(self, drill: DrillDef, *, seed: int = 1, **_: Any) -> None:
        self.drill = drill
        self.seed = seed
        self.score = 0
        self.done = False
        self.offset_s = 0.0  # the player's audio/input offset (Settings), taken off each press
        self.counts: dict[str, int] = {"perfect": 0, "good": 0, "ok": 0, "miss": 0}
        self.streak = 0
        self.best_streak = 0
        self._events: list[DrillEvent] = []

    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        """Validate the ``[params]`` table of a drill of this kind."""

    @classmethod
    def check_points(cls, points: dict[str, int], params: dict[str, Any], where: str) -> None:
        """Raise DrillDataError if [points] lacks a field this kind scores (most read only
        the judgements, checked by the loader)."""

    @property
    def duration_s(self) -> float:
        """How long the drill lasts at most (for the progress bar)."""
        return 60.0

    def press(self, action: str, t_s: float, held: frozenset[str] = frozenset()) -> None:
        """A button went down at ``t_s`` (seconds since the anchor, before the offset)."""

    def update(self, t_s: float) -> None:
        """Time moved on to ``t_s``: notes pass, stamina drains, the drill may end."""

    def take_events(self) -> list[DrillEvent]:
        out, self._events = self._events, []
        return out

    def emit(self, kind: str, t_s: float, **kw: Any) -> DrillEvent:
        event = DrillEvent(kind, t_s, **kw)
        self._events.append(event)
        return event

    def add_streak(self, hit: bool) -> None:
        if hit:
            self.streak += 1
            self.best_streak = max(self.best_streak, self.streak)
        else:
            self.streak = 0

    def result(self) -> DrillResult:
        score = max(0, int(self.score))
        return DrillResult(self.drill.id, score, self.drill.grade(score))
