"""One bout being fought, for every mode: the model's state, the views drawn from it, one path
for each side's buttons, the events of each step and the input log that makes a replay.

No pygame here: the ring scene feeds human buttons in (`tap` for presses since the last step,
`step(held=...)` for held buttons) and decides how often to step (hit-stop and slow motion are
presentation timing, owned by the scene). A recorded replay drives the same session through the
same path, so a replay is the very same fight, bit for bit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from game.bout.setup import BoutSetup, Modifier

EVENTS_KEPT = 400  # recent (tick, event) pairs kept for tests and debugging

#: Modifier attribute -> (model factor in BoutState, True when a bigger factor is *worse*)
_MODIFIER_FIELDS = {
    "power": ("pow_f", False),
    "hand_speed": ("spd_f", True),  # spd_f scales startup/recovery ticks: lower is faster
    "foot_speed": ("walk_px", False),
    "chin": ("chin_f", True),  # chin_f scales head damage taken
    "defense": ("def_f", True),  # def_f scales damage that gets through
    "recovery": ("regen", False),
}


class ReplayMismatch(RuntimeError):
    """A replay's recorded buttons disagree with what the model and the CPU do now."""


def state_hash(state: Any) -> str:
    """SHA-256 over every array and counter of a bout state (names sorted), so two runs compare
    with one string. Read-only caches (`ai_params`) and the shared tables are left out."""
    h = hashlib.sha256()
    h.update(f"tick={int(state.tick)}".encode())
    for name in sorted(vars(state)):
        value = getattr(state, name)
        if isinstance(value, np.ndarray):
            arr = np.ascontiguousarray(value)
            h.update(f"|{name}:{arr.dtype.str}:{arr.shape}|".encode())
            h.update(arr.tobytes())
    return h.hexdigest()


def apply_modifier(state: Any, mod: Modifier) -> None:
    """Scale one side's model factor in place (every lane of the state)."""
    name, inverse = _MODIFIER_FIELDS[mod.attribute]
    row = getattr(state, name)
    factor = np.float32(1.0 / mod.scale if inverse else mod.scale)
    row[mod.side] = (row[mod.side] * factor).astype(row.dtype)


class CpuControl:
    """The model's CPU at a difficulty (its memory lives in the bout state)."""

    def __init__(self, difficulty: str) -> None:
        self.difficulty = difficulty

    def buttons(self, session: BoutSession, side: int) -> int:
        from game.combat import cpu_buttons

        return int(cpu_buttons(session.state, side, self.difficulty)[0])


class HumanControl:
    """A player's held buttons plus the punches tapped since the last step."""

    def __init__(self, player: int) -> None:
        self.player = player

    def buttons(self, session: BoutSession, side: int) -> int:
        return int(session.held[self.player]) | int(session.taps[self.player])


class RecordedControl:
    """Buttons from a recording. Where the side was a CPU, the CPU still thinks (its memory is
    part of the state) and must agree with the recording, or the replay is not this game's."""

    def __init__(self, stream: Sequence[int], cpu: CpuControl | None = None) -> None:
        self.stream = stream
        self.cpu = cpu

    def buttons(self, session: BoutSession, side: int) -> int:
        t = session.ticks
        recorded = int(self.stream[t]) if t < len(self.stream) else 0
        if self.cpu is not None:
            now = self.cpu.buttons(session, side)
            if now != recorded:
                raise ReplayMismatch(
                    f"the CPU in the {'red' if side == 0 else 'blue'} corner does something "
                    f"else at tick {t}: this replay was recorded by another version of the game"
                )
        return recorded


class BoutSession:
    """A bout from the first bell to the result (or to a stop the mode asks for)."""

    def __init__(self, setup: BoutSetup, *, controls: Sequence[Any] | None = None,
                 length_ticks: int | None = None) -> None:
        from game.combat import new_bout, view

        self.setup = setup
        self.state = new_bout(setup.stats(0), setup.stats(1), setup.rules(),
                              np.array([setup.seed], dtype=np.uint64))
        self.view = self.prev_view = view(self.state)
        self.controls = list(controls) if controls is not None else [
            CpuControl(s.difficulty) if s.is_cpu else HumanControl(s.player or 0)
            for s in setup.sides
        ]
        self.held = [0, 0]  # per input player, set by step(held=...)
        self.taps = [0, 0]  # per input player, punches pressed since the last step
        self.log: tuple[list[int], list[int]] = ([], [])  # each side's buttons, per step
        self.ticks = 0  # model steps taken
        self.length_ticks = length_ticks  # a replay ends when its recording does
        self.stopped = False  # ended early by the mode (sparring goals), not by the model
        self.events_seen: list[tuple[int, Any]] = []
        self.knockdown_ticks: list[int] = []  # step index of every knockdown, for "skip to"
        self._landed = np.zeros((2, 3), dtype=np.int64)  # side x (head, body, all)
        self._mods_left = sorted(setup.modifiers, key=lambda m: m.from_round)
        self._apply_due_modifiers()

    # -- input ------------------------------------------------------------------------------
    def tap(self, player: int, bits: int) -> None:
        """A punch (or any button) pressed since the last step: it reaches the next step even
        when it was released within the same frame."""
        if player in (0, 1):
            self.taps[player] |= int(bits)

    # -- the fight --------------------------------------------------------------------------
    @property
    def over(self) -> bool:
        if self.stopped or self.view.over:
            return True
        return self.length_ticks is not None and self.ticks >= self.length_ticks

    @property
    def result(self) -> Any:
        return self.view.result

    def step(self, held: Sequence[int] = (0, 0)) -> list[Any]:
        """One model tick: gather both sides' buttons (one path), step, log, return events."""
        from game.combat import step, view

        if self.over:
            return []
        self.held = [int(held[0]), int(held[1])] if len(held) >= 2 else [int(held[0]), 0]
        bits = [int(c.buttons(self, side)) & 0xFFFF for side, c in enumerate(self.controls)]
        self.taps = [0, 0]
        events = step(self.state, np.array([bits[0]], dtype=np.uint16),
                      np.array([bits[1]], dtype=np.uint16))
        self.log[0].append(bits[0])
        self.log[1].append(bits[1])
        self.ticks += 1
        self.prev_view = self.view
        self.view = view(self.state)
        lane = events.for_lane(0)
        for e in lane:
            if e.kind == "punch_landed":
                t = 1 if e.target == "body" else 0
                self._landed[e.side, t] += 1
                self._landed[e.side, 2] += 1
            elif e.kind == "knockdown":
                self.knockdown_ticks.append(self.ticks)
            elif e.kind == "round_start":
                self._apply_due_modifiers()
        if lane:
            self.events_seen.extend((self.ticks, e) for e in lane)
            del self.events_seen[:-EVENTS_KEPT]
        return lane

    def run(self, until: Callable[[BoutSession], bool] | None = None,
            max_ticks: int = 60 * 60 * 60) -> None:
        """Step with no human input until the bout is over (or `until` says so)."""
        for _ in range(max_ticks):
            if self.over or (until is not None and until(self)):
                return
            self.step()
        raise RuntimeError(f"bout did not finish in {max_ticks} ticks")

    def stop(self) -> None:
        """End the bout here for the mode's own reason (a sparring goal reached)."""
        self.stopped = True

    def _apply_due_modifiers(self) -> None:
        rnd = int(self.state.rnd[0])
        while self._mods_left and self._mods_left[0].from_round <= rnd:
            apply_modifier(self.state, self._mods_left.pop(0))

    # -- what modes read --------------------------------------------------------------------
    def landed(self, side: int, target: str | None = None) -> int:
        """Punches `side` has landed so far ("head", "body" or None for all)."""
        col = {"head": 0, "body": 1, None: 2}[target]
        return int(self._landed[side, col])

    def points(self) -> tuple[int, int]:
        """Judges' points so far, summed over the three cards (the corner's "who's ahead")."""
        s = self.state.scores[0].sum(axis=(0, 1))
        return int(s[0]), int(s[1])

    def state_hash(self) -> str:
        return state_hash(self.state)

    def replay(self) -> Any:
        """The bout so far as a Replay (see game.bout.replay)."""
        from game.bout.replay import Replay, data_hash

        return Replay(self.setup, data_hash(self.setup), (tuple(self.log[0]), tuple(self.log[1])),
                      self.state_hash(), _result_dict(self.result))


def _result_dict(result: Any) -> dict[str, Any] | None:
    if result is None:
        return None
    return {"winner": result.winner, "method": result.method, "round": result.round,
            "time_seconds": round(float(result.time_seconds), 3),
            "scorecards": [[list(r) for r in card] for card in result.scorecards]}
