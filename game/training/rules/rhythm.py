"""Rhythm drills: notes on beats, answered by presses judged in ms windows.

Heavy bag (called combinations), speed bag (alternating hands as the tempo climbs), jump rope
(alternating feet; a miss trips you, tricks at high streaks) and the trainer's mitts (he calls
fewer moves the better you read his mitts) are one engine: a list of beat times, a move for
each beat (or a rest) chosen shortly before it comes, and a judge.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from game.training.drills import DrillDataError, DrillDef, get_field, get_number
from game.training.rules.base import DrillRules
from game.training.timing import beat_times, judge

#: move -> (action that answers it, action that must be held with it or None)
MOVES: dict[str, tuple[str, str | None]] = {
    "jab": ("jab", None), "cross": ("cross", None), "hook": ("hook", None),
    "uppercut": ("uppercut", None), "body_jab": ("jab", "down"), "body_cross": ("cross", "down"),
    "body_hook": ("hook", "down"), "body_uppercut": ("uppercut", "down"),
    "left": ("left", None), "right": ("right", None), "up": ("up", None),
    "duck": ("dodge", None), "block": ("guard", None),
}
LOOKAHEAD_S = 2.5  # moves are chosen this long before their beat (the scene shows them)


@dataclass
class Note:
    """One beat the player must answer."""

    t_s: float
    move: str
    group: int = 0  # combination number (heavy bag)
    last_in_group: bool = False
    called: bool = True  # the trainer said it out loud (mitts)
    trick: bool = False  # a rope trick, worth double
    judged: str | None = None


def _check_tempo(params: dict[str, Any], where: str) -> None:
    get_number(params, "bpm_start", 30, 400, where)
    get_number(params, "bpm_end", 30, 400, where)
    get_number(params, "beats", 4, 1000, where, int)
    get_number(params, "lead_in_beats", 0, 16, where, int)
    get_number(params, "streak_every", 1, 100, where, int)
    get_number(params, "max_multiplier", 1, 8, where)


def _check_moves(moves: Any, where: str, key: str) -> None:
    for m in moves:
        if m not in MOVES:
            raise DrillDataError(f"{where}: field '{key}': unknown move {m!r}; known: "
                                 f"{sorted(MOVES)}")


class RhythmRules(DrillRules):
    """Notes on a tempo; subclasses choose the move of each beat in ``choose``."""

    def __init__(self, drill: DrillDef, *, seed: int = 1, **kw: Any) -> None:
        super().__init__(drill, seed=seed, **kw)
        p = drill.params
        self.lead_in_beats = int(p["lead_in_beats"])
        self.beats = beat_times(float(p["bpm_start"]), float(p["bpm_end"]),
                                int(p["beats"]) + self.lead_in_beats)
        self.rng = random.Random(seed)
        self.notes: list[Note] = []
        self._next_beat = self.lead_in_beats  # first beat without a move yet
        self._first_open = 0  # notes before this index are all judged
        self.windows = drill.windows_ms
        self.inputs = frozenset(MOVES[m][0] for m in self.move_set())

    @property
    def duration_s(self) -> float:
        return self.beats[-1] + self.windows["ok"] / 1000.0 + 0.5

    def move_set(self) -> set[str]:
        return set(MOVES)

    def choose(self, k: int) -> Note | None:
        """The note on beat k (None = a rest): each drill's rules (combo, speed bag, rope, mitts)
        answer this; RhythmRules itself is never played."""
        raise NotImplementedError

    @property
    def multiplier(self) -> float:
        p = self.drill.params
        step = self.streak // int(p["streak_every"])
        return min(float(p["max_multiplier"]), 1.0 + 0.25 * step)

    # -- time -------------------------------------------------------------------------------
    def update(self, t_s: float) -> None:
        if self.done:
            return
        while self._next_beat < len(self.beats) and self.beats[self._next_beat] <= t_s + LOOKAHEAD_S:
            note = self.choose(self._next_beat)
            if note is not None:
                self.notes.append(note)
            self._next_beat += 1
        late_s = self.windows["ok"] / 1000.0
        for note in self.notes[self._first_open:]:
            if note.t_s + late_s >= t_s - self.offset_s:
                break
            if note.judged is None:
                self._miss(note, t_s)
        while self._first_open < len(self.notes) and self.notes[self._first_open].judged:
            self._first_open += 1
        if t_s >= self.duration_s:
            self.done = True
            self.emit("end", t_s, points=self.score)

    # -- presses ----------------------------------------------------------------------------
    def press(self, action: str, t_s: float, held: frozenset[str] = frozenset()) -> None:
        if self.done or action not in self.inputs:
            return
        t = t_s - self.offset_s
        best: Note | None = None
        for note in self.notes[self._first_open:]:
            if (note.judged is None and judge(t - note.t_s, self.windows)
                    and (best is None or abs(t - note.t_s) < abs(t - best.t_s))):
                best = note
            if note.t_s > t + 1.0:
                break
        if best is None:
            self._stray(action, t_s)
            return
        need, mod = MOVES[best.move]
        if action != need or (mod is not None and mod not in held):
            best.judged = "miss"
            self.counts["miss"] += 1
            self.add_streak(False)
            self.emit("miss", t_s, move=best.move, text="WRONG")
            self.on_miss(best, t_s)
            return
        j = judge(t - best.t_s, self.windows)
        assert j is not None
        best.judged = j
        self.counts[j] += 1
        self.add_streak(True)
        pts = round(self.drill.points[j] * self.multiplier * self.note_factor(best))
        self.score += pts
        power = {"perfect": 1.0, "good": 0.7, "ok": 0.4}[j]
        self.emit("hit", t_s, judgement=j, move=best.move, points=pts, power=power,
                  text=f"{(t - best.t_s) * 1000:+.0f} ms")
        self.on_hit(best, t_s)

    def note_factor(self, note: Note) -> float:
        return 1.0

    def on_hit(self, note: Note, t_s: float) -> None:
        """After a good answer (combos, tricks)."""

    def on_miss(self, note: Note, t_s: float) -> None:
        """After a miss (the rope trips you)."""

    def _miss(self, note: Note, t_s: float) -> None:
        note.judged = "miss"
        self.counts["miss"] += 1
        self.add_streak(False)
        self.emit("miss", t_s, move=note.move, text="MISS")
        self.on_miss(note, t_s)

    def _stray(self, action: str, t_s: float) -> None:
        """A press with no beat near it: it breaks the streak (no mashing), costs no points."""
        if self.streak:
            self.emit("stray", t_s, move=action, text="OFF BEAT")
        self.add_streak(False)

    # -- for the scene ----------------------------------------------------------------------
    def upcoming(self, t_s: float, ahead_s: float = LOOKAHEAD_S) -> list[Note]:
        """Notes not yet judged that come within ``ahead_s`` (for the call strip)."""
        return [n for n in self.notes[self._first_open:]
                if n.judged is None and n.t_s <= t_s + ahead_s]

    def beat_index(self, t_s: float) -> int:
        """The last beat at or before t_s (-1 before the first)."""
        k = -1
        for i, b in enumerate(self.beats):
            if b > t_s:
                break
            k = i
        return k


class ComboRules(RhythmRules):
    """Heavy bag: called combinations, one punch a beat, rests between; a clean combination
    (every punch good or better) earns a bonus."""

    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        _check_tempo(params, where)
        combos = get_field(params, "combos", list, where)
        if not combos or not all(isinstance(c, list) and c for c in combos):
            raise DrillDataError(f"{where}: field 'combos' must be a list of non-empty lists")
        for c in combos:
            _check_moves(c, where, "combos")
        get_number(params, "rest_beats", 0, 8, where, int)

    def __init__(self, drill: DrillDef, *, seed: int = 1, **kw: Any) -> None:
        super().__init__(drill, seed=seed, **kw)
        # the whole chart is known up front: combos in order, cycling, with rests between
        self._chart: dict[int, Note] = {}
        p = drill.params
        combos, rest = p["combos"], int(p["rest_beats"])
        k, g = self.lead_in_beats, 0
        while k < len(self.beats):
            combo = combos[g % len(combos)]
            if k + len(combo) > len(self.beats):
                break
            for i, move in enumerate(combo):
                self._chart[k + i] = Note(self.beats[k + i], move, g, i == len(combo) - 1)
            k += len(combo) + rest
            g += 1
        self.groups = g

    def move_set(self) -> set[str]:
        return {m for c in self.drill.params["combos"] for m in c}

    def choose(self, k: int) -> Note | None:
        return self._chart.get(k)

    def on_hit(self, note: Note, t_s: float) -> None:
        if not note.last_in_group:
            return
        group = [n for n in self.notes if n.group == note.group]
        if all(n.judged in ("perfect", "good") for n in group):
            bonus = int(self.drill.points.get("combo", 0))
            self.score += bonus
            self.emit("combo", t_s, points=bonus, text=f"COMBO +{bonus}")


class SpeedBagRules(RhythmRules):
    """Speed bag: the hands alternate every beat while the tempo climbs."""

    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        _check_tempo(params, where)
        hands = get_field(params, "hands", list, where)
        if len(hands) < 2:
            raise DrillDataError(f"{where}: field 'hands' must name at least two moves")
        _check_moves(hands, where, "hands")

    def move_set(self) -> set[str]:
        return set(self.drill.params["hands"])

    def choose(self, k: int) -> Note | None:
        hands = self.drill.params["hands"]
        return Note(self.beats[k], hands[(k - self.lead_in_beats) % len(hands)])


class RopeRules(RhythmRules):
    """Jump rope: feet alternate on the beat; a miss trips you (the rope stops for a few
    beats); past a streak, every few beats is a cross-over trick worth double."""

    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        _check_tempo(params, where)
        get_number(params, "trip_beats", 0, 8, where, int)
        get_number(params, "trick_streak", 1, 200, where, int)
        get_number(params, "trick_every", 2, 16, where, int)
        get_number(params, "trick_factor", 1, 5, where)

    def __init__(self, drill: DrillDef, *, seed: int = 1, **kw: Any) -> None:
        super().__init__(drill, seed=seed, **kw)
        self._rest_until_beat = -1
        self._foot = 0
        self.tripped_at_s: float | None = None

    def move_set(self) -> set[str]:
        return {"left", "right", "up"}

    def choose(self, k: int) -> Note | None:
        if k <= self._rest_until_beat:
            return None
        p = self.drill.params
        # a trick is chosen from the streak the player will have reached by then
        pending = sum(1 for n in self.notes if n.judged is None)
        if (self.streak + pending >= int(p["trick_streak"])
                and (k - self.lead_in_beats) % int(p["trick_every"]) == 0):
            return Note(self.beats[k], "up", trick=True)
        self._foot ^= 1
        return Note(self.beats[k], "left" if self._foot else "right")

    def note_factor(self, note: Note) -> float:
        return float(self.drill.params["trick_factor"]) if note.trick else 1.0

    def on_hit(self, note: Note, t_s: float) -> None:
        if note.trick:
            self.emit("trick", t_s, text="CROSS-OVER!")

    def on_miss(self, note: Note, t_s: float) -> None:
        """Trip: the rope stops; the beats already shown still stand, the next ones rest."""
        k = self.beat_index(note.t_s)
        rest = int(self.drill.params["trip_beats"])
        self._rest_until_beat = max(self._rest_until_beat, k + rest)
        # notes already chosen inside the rest are taken back (the rope is on the floor)
        for n in self.notes:
            if n.judged is None and note.t_s < n.t_s <= self.beats[min(k + rest,
                                                                       len(self.beats) - 1)]:
                n.judged = "rest"
        self.tripped_at_s = t_s
        self.emit("trip", t_s, text="TRIPPED!")


class MittsRules(RhythmRules):
    """The trainer's mitts: a move every few beats, called out loud at first; the longer the
    streak, the fewer he calls (read his mitts), and an answer he did not call is worth more."""

    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        _check_tempo(params, where)
        calls = get_field(params, "calls", dict, where)
        _check_moves(calls, where, "calls")
        for m in calls:
            get_number(calls, m, 1, 100, f"{where} calls", int)
        get_number(params, "beats_per_move", 1, 8, where, int)
        get_number(params, "call_all_until", 0, 200, where, int)
        get_number(params, "call_some_until", 0, 400, where, int)
        get_number(params, "read_bonus", 1, 5, where)

    def move_set(self) -> set[str]:
        return set(self.drill.params["calls"])

    def choose(self, k: int) -> Note | None:
        p = self.drill.params
        if (k - self.lead_in_beats) % int(p["beats_per_move"]):
            return None
        calls: dict[str, int] = p["calls"]
        # two draws per move whatever happens, so a seed is always the same session of mitts
        move = self.rng.choices(list(calls), weights=list(calls.values()))[0]
        roll = self.rng.random()
        pending = sum(1 for n in self.notes if n.judged is None)
        reach = self.streak + pending
        called = reach < int(p["call_all_until"]) or (
            reach < int(p["call_some_until"]) and roll < 0.5)
        return Note(self.beats[k], move, called=called)

    def note_factor(self, note: Note) -> float:
        return 1.0 if note.called else float(self.drill.params["read_bonus"])
