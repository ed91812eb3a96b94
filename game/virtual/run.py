"""What a Virtual Fight run is (`RunSpec`), how it is cut into chunks, and the per-bout results
it fills in as the chunks report (`RunData`). Pure: numpy and the standard library.

Bout k of a run always has the lane seed `bout_seeds(spec.seed, k, 1)`, whatever the chunking
or the number of processes, so a run's numbers equal `game.combat.sim.simulate`'s for the same
seed, and any bout can be watched again in the ring.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np

from game.combat.fighters import FighterStats, load_fighter
from game.combat.moves import DIFFICULTIES
from game.combat.rules import TICKS_PER_SECOND, Rules
from game.combat.sim import SimResult
from game.combat.state import NO_WINNER

MIN_BOUTS, MAX_BOUTS = 100, 100_000  # the screen's range (the command line takes any >= 1)
MAX_CHUNK = 2500  # lanes in one batch: larger batches cost less per bout, up to about here
CORNER_TICKS = 60  # the model's fixed corner break (moves.toml corner_ticks)
NOT_YET = -1  # winner code of a bout that has not finished


@dataclass(frozen=True)
class RunSpec:
    """Everything that decides a run's numbers. Same spec = same bouts, bit for bit."""

    a_id: str = "rocky"
    a_age: int = 30
    b_id: str = "dixon"
    b_age: int = 30
    bouts: int = 2000
    rounds: int = 10
    preset: str = "classic"
    levels: tuple[str, str] = ("medium", "medium")  # CPU level of each corner
    seed: int = 1
    round_seconds: int = 180
    clock_speed: int = 3

    def __post_init__(self) -> None:
        if self.bouts < 1:
            raise ValueError(f"RunSpec.bouts must be at least 1, got {self.bouts}")
        for level in self.levels:
            if level not in DIFFICULTIES:
                raise ValueError(f"RunSpec.levels: {level!r} is not one of {DIFFICULTIES}")
        self.rules()  # rounds, preset and clock are checked by Rules

    def rules(self) -> Rules:
        return Rules(rounds=self.rounds, round_seconds=self.round_seconds,
                     clock_speed=self.clock_speed, preset=self.preset)

    def fighters(self) -> tuple[FighterStats, FighterStats]:
        return (load_fighter(self.a_id).at_age(self.a_age),
                load_fighter(self.b_id).at_age(self.b_age))

    def names(self) -> tuple[str, str]:
        return load_fighter(self.a_id).name, load_fighter(self.b_id).name

    def max_ticks(self) -> int:
        """Ticks a bout that goes the distance lasts (the length of a chunk's run)."""
        return self.rounds * self.rules().round_ticks + (self.rounds - 1) * CORNER_TICKS

    def to_dict(self) -> dict:
        d = asdict(self)
        d["levels"] = list(self.levels)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> RunSpec:
        d = dict(d)
        d["levels"] = tuple(d.get("levels", ("medium", "medium")))
        return cls(**d)


def plan_chunks(bouts: int, processes: int,
                max_chunk: int = MAX_CHUNK) -> list[list[tuple[int, int]]]:
    """(start, count) chunks for each process, in bout order.

    A chunk's wall time is mostly its number of ticks (a batch steps in lockstep), so each
    process takes as few, as large chunks as it can: its share cut into equal pieces of at most
    `max_chunk`. Chunks alternate between processes so the early bouts finish first."""
    processes = max(1, min(processes, bouts))
    per_proc = math.ceil(bouts / processes)
    pieces = max(1, math.ceil(per_proc / max_chunk))
    size = math.ceil(per_proc / pieces)
    chunks = [(s, min(size, bouts - s)) for s in range(0, bouts, size)]
    return [chunks[w::processes] for w in range(processes)]


class RunData:
    """Per-bout results of a run, filled in as bouts finish (in any order)."""

    FIELDS = ("winner", "method", "end_round", "end_ticks", "kd_total", "cards", "landed")

    def __init__(self, spec: RunSpec) -> None:
        n = spec.bouts
        self.spec = spec
        self.winner = np.full(n, NOT_YET, np.int32)  # 0, 1, NO_WINNER (draw) or NOT_YET
        self.method = np.zeros(n, np.int32)  # index into game.combat.state.METHODS
        self.end_round = np.zeros(n, np.int32)
        self.end_ticks = np.zeros(n, np.int32)  # ticks into the end round
        self.kd_total = np.zeros((n, 2), np.int32)  # knockdowns each side suffered
        self.cards = np.zeros((n, 3, 2), np.int32)  # each judge's totals for (a, b)
        self.landed = np.zeros((n, 2), np.int32)  # punches each side landed
        self.version = 0  # bumped on every change (charts redraw only then)

    @property
    def bouts(self) -> int:
        return int(self.winner.shape[0])

    @property
    def finished(self) -> np.ndarray:
        return self.winner != NOT_YET

    @property
    def done(self) -> int:
        return int(self.finished.sum())

    @property
    def complete(self) -> bool:
        return self.done == self.bouts

    def add(self, start: int, lanes: np.ndarray, part: dict[str, np.ndarray]) -> None:
        """Take finished bouts: `lanes` index a chunk starting at bout `start`, and row i of
        each array in `part` belongs to lanes[i]."""
        lanes = np.asarray(lanes, dtype=np.int64)
        if lanes.size == 0:
            return
        idx = start + lanes
        for k in self.FIELDS:
            getattr(self, k)[idx] = part[k]
        self.version += 1

    def end_seconds(self) -> np.ndarray:
        """Fight-clock seconds into the end round."""
        return self.end_ticks * self.spec.clock_speed / float(TICKS_PER_SECOND)

    def sim_result(self) -> SimResult:
        """The finished bouts as the simulator's SimResult (so the summary is the CLI's)."""
        f = self.finished
        return SimResult(self.winner[f], self.method[f], self.end_round[f],
                         self.end_seconds()[f], self.kd_total[f], self.spec.rounds)

    def summary(self) -> dict:
        """`sim --json`'s numbers for the finished bouts (all of them once complete)."""
        return self.sim_result().summary()

    def margins(self) -> np.ndarray:
        """Per bout: a's mean margin on the three cards, in points (+ = a ahead)."""
        return (self.cards[:, :, 0] - self.cards[:, :, 1]).mean(axis=1)

    def draws(self) -> np.ndarray:
        return self.winner == NO_WINNER
