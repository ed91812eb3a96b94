"""Read-only snapshots of a bout for renderers, sound and menus.

``view(state, lane)`` copies one lane of the batched arrays into frozen dataclasses of plain
Python values, so nothing outside the model can change the fight by accident. ``StepEvents``
keeps the tick's event masks as arrays (cheap for B = 10,000) and builds ``Event`` records only
when a lane is asked for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from game.combat.state import BoutState

MOVE_NAMES = ("jab", "cross", "hook", "uppercut")
TARGET_NAMES = ("head", "body")
EVENT_KINDS = (
    "punch_thrown", "punch_landed", "punch_blocked", "punch_whiffed", "counter", "knockdown",
    "count", "getup", "round_start", "round_end", "bout_end", "clinch", "break",
)


@dataclass(frozen=True)
class FighterView:
    """One fighter at one tick, in renderer terms."""

    x_px: float  # ring floor coordinates: 0 = ring centre, + = right
    facing: int  # +1 faces right, -1 faces left
    action: str  # see ACTION_NAMES in game.combat.state
    target: str | None  # "head" | "body" while punching, else None
    phase: str | None  # "startup" | "active" | "recovery" while punching, else None
    phase_progress: float  # 0..1 within the phase (or within a timed action)
    action_ticks: int  # ticks since the action started
    health_head: float  # 0..1
    health_body: float  # 0..1
    stamina: float  # 0..1
    hurt: bool
    knockdowns: int  # in the whole bout
    punches_thrown: int
    punches_landed: int


@dataclass(frozen=True)
class Result:
    """How a bout ended. scorecards[judge][round] = (points side 0, points side 1)."""

    winner: int | None  # 0, 1, or None for a draw
    method: str  # "KO" | "TKO" | "UD" | "SD" | "MD" | "DRAW"
    round: int  # 1-based round the bout ended in
    time_seconds: float  # fight-clock seconds elapsed in that round
    scorecards: tuple[tuple[tuple[int, int], ...], ...]


@dataclass(frozen=True)
class FightView:
    """The whole bout at one tick."""

    fighters: tuple[FighterView, FighterView]
    round: int  # 1-based
    rounds: int
    clock_seconds_left: float  # fight clock of the current round
    between_rounds: bool  # corner break: recovery already applied, see state docstring
    count: int | None  # referee's count (1..10) while a fighter is down, else None
    downed_side: int | None
    getup_progress: float | None  # 0..1 of the get-up challenge while down
    over: bool
    result: Result | None
    tick: int


@dataclass(frozen=True)
class Event:
    """Something that happened on a tick, for effects, sound and commentary."""

    kind: str  # one of EVENT_KINDS
    side: int  # the fighter who did it (the thrower for punches, the downed one for knockdown)
    move: str | None = None  # "jab" | "cross" | "hook" | "uppercut"
    target: str | None = None  # "head" | "body"
    damage: float = 0.0  # health points taken by the other fighter (0..1 scale of a full bar)
    x_px: float = 0.0  # where it happened on the ring floor


@dataclass
class StepEvents:
    """The events of one step for every lane, kept as (2, B) masks until a lane is read.

    Each record is (kind, mask[2, B] bool, move_id[2, B] or None, damage[2, B] or None).
    move_id = punch * 2 + (1 if body else 0). ``x_px`` is the (2, B) position after the step.
    """

    records: list[tuple[str, np.ndarray, np.ndarray | None, np.ndarray | None]] = field(
        default_factory=list)
    x_px: np.ndarray | None = None

    enabled = True

    def add(self, kind: str, mask: np.ndarray, move_id: np.ndarray | None = None,
            damage: np.ndarray | None = None) -> None:
        self.records.append((kind, mask, move_id, damage))


    def for_lane(self, lane: int) -> list[Event]:
        """The events of one lane, in the order the model produced them."""
        out: list[Event] = []
        for kind, mask, move_id, damage in self.records:
            row = mask[:, lane]
            for side in (0, 1):
                if not row[side]:
                    continue
                move = target = None
                if move_id is not None:
                    mid = int(move_id[side, lane])
                    move, target = MOVE_NAMES[mid >> 1], TARGET_NAMES[mid & 1]
                dmg = float(damage[side, lane]) if damage is not None else 0.0
                x = float(self.x_px[side, lane]) if self.x_px is not None else 0.0
                out.append(Event(kind, side, move, target, dmg, x))
        return out

    def count(self, kind: str) -> np.ndarray:
        """How many events of a kind each lane had this step, shape (B,)."""
        total: np.ndarray | None = None
        for k, mask, _m, _d in self.records:
            if k == kind:
                c = mask.sum(axis=0)
                total = c if total is None else total + c
        if total is None:
            n = 0 if self.x_px is None else self.x_px.shape[1]
            return np.zeros(n, dtype=np.int64)
        return total


class NoEvents(StepEvents):
    """Drops every event: the batch simulator does not read them."""

    enabled = False

    def add(self, kind: str, mask: np.ndarray, move_id: np.ndarray | None = None,
            damage: np.ndarray | None = None) -> None:
        return None

def view(state: BoutState, lane: int = 0) -> FightView:
    """A frozen snapshot of one lane (see game.combat.state.snapshot)."""
    from game.combat.state import snapshot

    return snapshot(state, lane)
