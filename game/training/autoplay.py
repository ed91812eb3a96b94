"""Scripted players for the drills: "perfect", "sloppy" and "idle".

They press buttons through the drill scene exactly as a person's keys would, so tests and
``still-a-fighter train DRILL --headless --autoplay MODE`` play the real thing. "perfect" answers
every note on the tick nearest its beat (within half a tick, 8.3 ms, of perfect) and paces the
stamina drills; "sloppy" skips some notes, presses wrong ones and is often late or early;
"idle" never presses anything. Seeded, so a run is repeatable.
"""
from __future__ import annotations

import random

from game.training.rules.base import DrillRules
from game.training.rules.locker import LockerRules
from game.training.rules.rhythm import MOVES, Note, RhythmRules
from game.training.rules.steps import StepsRules
from game.training.timing import TICK_S

MODES = ("perfect", "sloppy", "idle")
Press = tuple[str, frozenset[str]]  # (action, actions held with it)


class Autoplayer:
    """Decides each tick which buttons a scripted player presses."""

    def __init__(self, mode: str, seed: int = 7) -> None:
        if mode not in MODES:
            raise ValueError(f"autoplay mode must be one of {MODES}, got {mode!r}")
        self.mode = mode
        self.rng = random.Random(seed)
        self._plans: dict[float, tuple[float, str | None]] = {}  # note time -> (press, move)
        self._next_s = 0.0
        self._foot = "right"

    def presses(self, rules: DrillRules, t_s: float) -> list[Press]:
        """What to press at ``t_s`` (one call per tick)."""
        if self.mode == "idle" or rules.done:
            return []
        if isinstance(rules, RhythmRules):
            return self._rhythm(rules, t_s)
        if isinstance(rules, LockerRules):
            return self._locker(rules, t_s)
        if isinstance(rules, StepsRules):
            return self._steps(rules, t_s)
        return []

    @staticmethod
    def _now(t_s: float, target_s: float) -> bool:
        """True on the tick nearest ``target_s``."""
        return t_s - TICK_S / 2 <= target_s < t_s + TICK_S / 2

    # -- rhythm drills ----------------------------------------------------------------------
    def _plan(self, rules: RhythmRules, note: Note) -> tuple[float, str | None]:
        plan = self._plans.get(note.t_s)
        if plan is None:
            if self.mode == "perfect":
                plan = (note.t_s, note.move)
            else:
                roll = self.rng.random()
                if roll < 0.15:
                    plan = (note.t_s, None)  # skipped
                elif roll < 0.23:
                    wrong = sorted(rules.move_set() - {note.move}) or [note.move]
                    plan = (note.t_s + self.rng.uniform(-0.05, 0.05), self.rng.choice(wrong))
                else:
                    plan = (note.t_s + self.rng.uniform(-0.12, 0.12), note.move)
            self._plans[note.t_s] = plan
        return plan

    def _rhythm(self, rules: RhythmRules, t_s: float) -> list[Press]:
        out: list[Press] = []
        for note in rules.upcoming(t_s, ahead_s=0.5):
            when_s, move = self._plan(rules, note)
            if move is not None and self._now(t_s, when_s + rules.offset_s):
                action, mod = MOVES[move]
                out.append((action, frozenset({mod}) if mod else frozenset()))
        return out

    # -- meat locker ------------------------------------------------------------------------
    def _locker(self, rules: LockerRules, t_s: float) -> list[Press]:
        punches = rules.drill.params["punches"]
        if self.mode == "perfect":
            k = rules.swing_index(t_s)
            if k < 0 or not self._now(t_s, rules.sweet_time(k) + rules.offset_s):
                return []
            if rules.burnt_out(t_s):
                return []
            reserve = 0.3  # never let the cold take the last of it
            for name in sorted(punches, key=lambda n: -punches[n][0]):
                if punches[name][1] <= rules.stamina - reserve:
                    return [(name, frozenset())]
            return []
        if t_s >= self._next_s:  # sloppy: swings at anything, any time
            self._next_s = t_s + self.rng.uniform(0.5, 1.3)
            return [(self.rng.choice(sorted(punches)), frozenset())]
        return []

    # -- museum steps -----------------------------------------------------------------------
    def _steps(self, rules: StepsRules, t_s: float) -> list[Press]:
        if t_s < 0:
            return []
        period = rules.period_s
        if self.mode == "perfect":
            k = round(t_s / period)
            on_beat = self._now(t_s, k * period + rules.offset_s)
            half = self._now(t_s, (k + 0.5) * period + rules.offset_s) and rules.stamina > 0.55
            if not (on_beat or half):
                return []
        else:
            if t_s < self._next_s:
                return []
            self._next_s = t_s + period * self.rng.uniform(0.9, 1.6)
            if self.rng.random() < 0.12:  # the same foot twice: a stumble
                return [(self._foot, frozenset())]
        self._foot = "left" if self._foot == "right" else "right"
        return [(self._foot, frozenset())]


class SparringControl:
    """A scripted boxer for sparring, as a bout-layer control (``buttons(session, side)``).

    "perfect" walks in behind a low guard and works the body, jab and cross, as fast as the
    model lets a punch follow a punch; "sloppy" wanders in and throws at random, head or body,
    often out of range; "idle" stands there.
    """

    def __init__(self, mode: str, seed: int = 7) -> None:
        if mode not in MODES:
            raise ValueError(f"autoplay mode must be one of {MODES}, got {mode!r}")
        self.mode = mode
        self.rng = random.Random(seed)
        self._i = 0

    def buttons(self, session: object, side: int) -> int:
        from game.combat.inputs import Button
        from game.combat.step import FREE_MAX

        if self.mode == "idle":
            return 0
        s = session.state  # type: ignore[attr-defined]
        toward = int(Button.RIGHT if side == 0 else Button.LEFT)
        gap = abs(float(s.x[1][0] - s.x[0][0]))
        reach = float(s.table.move["reach_px"][1]) + float(s.reach_bonus[side][0]) - 8
        free = int(s.act[side][0]) <= FREE_MAX
        punch_bits = int(Button.JAB | Button.CROSS | Button.HOOK | Button.UPPERCUT)
        was_punch = int(s.prev_btn[side][0]) & punch_bits
        if self.mode == "perfect":
            if gap > reach:
                return toward
            if free and not was_punch:
                self._i += 1
                return int(Button.DOWN) | int(Button.JAB if self._i % 2 else Button.CROSS)
            return int(Button.GUARD | Button.DOWN)
        roll = self.rng.random()  # sloppy
        if gap > reach and roll < 0.5:
            return toward
        if free and not was_punch and roll < 0.25:
            punch = self.rng.choice((Button.JAB, Button.CROSS, Button.HOOK))
            return int(punch) | (int(Button.DOWN) if self.rng.random() < 0.4 else 0)
        return int(Button.GUARD) if roll < 0.6 else 0
