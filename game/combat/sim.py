"""The Virtual Fight: many complete CPU-vs-CPU bouts, batched, with the ring's own model.

Lane seeds come from (seed, bout index) through a hash, so bout k has the same result whatever
the batch size, the chunking or the number of processes. Finished lanes are dropped from the
batch (compaction) so they stop costing. Work can be split over processes.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from game.combat.ai import _mash, _think, difficulty_params, masher_buttons, thinks
from game.combat.bots import BOTS, bot_buttons
from game.combat.fighters import FighterStats
from game.combat.rules import Rules
from game.combat.state import METHODS, NO_WINNER, BoutState, _splitmix, new_bout
from game.combat.step import step

COMPACT_EVERY = 120  # ticks between dropping finished lanes


def bout_seeds(seed: int, start: int, count: int) -> np.ndarray:
    """The lane seeds of bouts start .. start+count-1 of a Virtual Fight run with `seed`."""
    idx = np.arange(start, start + count, dtype=np.uint64)
    return _splitmix(idx ^ _splitmix(np.asarray([seed], dtype=np.uint64))[0])


@dataclass
class SimResult:
    """Per-bout outcomes of a run, in bout order."""

    winner: np.ndarray  # 0, 1 or 2 (draw)
    method: np.ndarray  # index into METHODS
    end_round: np.ndarray
    end_seconds: np.ndarray  # fight-clock seconds into the end round
    knockdowns: np.ndarray  # (N, 2)
    rounds: int
    extra: dict = field(default_factory=dict)

    @property
    def bouts(self) -> int:
        return int(self.winner.shape[0])

    def summary(self) -> dict:
        """The numbers the CLI prints: wins, methods, stoppage rounds."""
        methods = {name: int((self.method == i).sum()) for i, name in enumerate(METHODS) if i}
        stop = (self.method == METHODS.index("KO")) | (self.method == METHODS.index("TKO"))
        hist = np.bincount(self.end_round[stop], minlength=self.rounds + 1)[1:]
        return {
            "bouts": self.bouts,
            "a_wins": int((self.winner == 0).sum()),
            "b_wins": int((self.winner == 1).sum()),
            "draws": int((self.winner == NO_WINNER).sum()),
            "methods": methods,
            "stoppage_rounds": {str(r + 1): int(c) for r, c in enumerate(hist)},
        }


MASHER = "masher"  # a side's "difficulty" may name the fixed test bot instead of a CPU level
SCRIPTS = (MASHER, *BOTS)  # ... or one of the scripted players of game.combat.bots


def run_lanes(a: FighterStats, b: FighterStats, rules: Rules, seeds: np.ndarray,
              difficulty: tuple[str, str] = ("medium", "medium"),
              progress: Callable[[int], None] | None = None,
              on_tick: Callable[[BoutState, dict], None] | None = None) -> dict[str, np.ndarray]:
    """Run one batch of complete bouts to the end; results in seed order."""
    state = new_bout(a, b, rules, seeds)
    params = tuple(None if d == MASHER else difficulty_params(state, d) for d in difficulty)
    return run_state(state, params, progress, on_tick)


def _policy(state: BoutState, params) -> tuple[np.ndarray, np.ndarray]:
    """Both sides' buttons: each CPU thinks on his ticks (exactly as cpu_buttons), or mashes.
    A side's params are None (all lanes mash) or a dict that may hold a per-lane "masher" mask."""
    for side in (0, 1):
        p = params[side]
        if p is None:
            state.ai_out[side] = masher_buttons(state, side)
            continue
        when = thinks(state.tick, side)
        if when == 1:
            state.ai_out[side] = _think(state, side, p)
        elif when == 2:
            _mash(state, side, p)
        bot = p.get("bot")
        if bot is not None:
            for code in np.unique(bot[bot > 0]).tolist():
                name = SCRIPTS[code - 1]
                btn = (masher_buttons(state, side) if name == MASHER
                       else bot_buttons(state, side, name))
                state.ai_out[side] = np.where(bot == code, btn, state.ai_out[side])
    return state.ai_out[0], state.ai_out[1]


def mixed_params(state: BoutState, levels: list[str]) -> dict[str, np.ndarray]:
    """Per-lane difficulty arrays from a list of level names (MASHER and the BOTS allowed)."""
    names = [("medium" if lv in SCRIPTS else lv) for lv in levels]
    p = difficulty_params(state, np.asarray(names))
    codes = np.asarray([SCRIPTS.index(lv) + 1 if lv in SCRIPTS else 0 for lv in levels])
    if codes.any():
        p["bot"] = codes
    return p


def run_state(state: BoutState, params, progress=None,
              on_tick: Callable[[BoutState, dict], None] | None = None) -> dict[str, np.ndarray]:
    """Step CPU-vs-CPU to the end, compacting finished lanes; results by original lane.
    `on_tick(state, out)` is called every COMPACT_EVERY ticks with the results so far (lanes
    no longer in `state.lane_id` are final), for progress and partial results; it may raise to
    stop the run.
    Besides the outcome, each bout keeps its three cards' totals (`cards`, (N, 3, 2)) and the
    punches each side landed (`landed`, (N, 2)) and the clinches each side started (`clinches`)."""
    n = state.batch
    out = {"winner": np.zeros(n, np.int32), "method": np.zeros(n, np.int32),
           "end_round": np.zeros(n, np.int32), "end_ticks": np.zeros(n, np.int32),
           "kd_total": np.zeros((n, 2), np.int32), "cards": np.zeros((n, 3, 2), np.int32),
           "landed": np.zeros((n, 2), np.int32), "clinches": np.zeros((n, 2), np.int32)}
    done = 0

    def harvest(mask: np.ndarray) -> None:
        lanes = state.lane_id[mask]
        for k in ("winner", "method", "end_round", "end_ticks"):
            out[k][lanes] = getattr(state, k)[mask]
        out["kd_total"][lanes] = state.kd_total[:, mask].T
        out["cards"][lanes] = state.scores[mask].sum(axis=2)
        out["landed"][lanes] = state.landed[:, mask].T
        out["clinches"][lanes] = state.clinches[:, mask].T

    # A bout is harvested the tick it ends: a finished lane is still stepped until the next
    # compaction, and a punch in the air at a drawn bout's final bell landed in those ticks
    # (the batch counted punches the ring, which stops at the end, never saw).
    taken = np.zeros(state.batch, bool)  # by position in the batch: harvested already
    while state.batch:
        b0, b1 = _policy(state, params)
        step(state, b0, b1, events=False)
        ended = state.over & ~taken
        if ended.any():
            harvest(ended)
            taken |= ended
        if state.tick % COMPACT_EVERY == 0:
            over = state.over
            if over.any():
                done += int(over.sum())
                keep = ~over
                params = tuple(None if p is None else {k: v[keep] for k, v in p.items()}
                               for p in params)
                state.compact(keep)
                taken = taken[keep]
                if progress is not None:
                    progress(int(over.sum()))
            if on_tick is not None:
                on_tick(state, out)
    return out


def _chunk(args) -> dict[str, np.ndarray]:
    a, b, rules, seed, start, count, difficulty = args
    return run_lanes(a, b, rules, bout_seeds(seed, start, count), difficulty)


def simulate(a: FighterStats, b: FighterStats, bouts: int, rules: Rules | None = None,
             seed: int = 1, difficulty: tuple[str, str] = ("medium", "medium"),
             processes: int | None = None, chunk: int = 2500,
             progress: Callable[[int, int], None] | None = None) -> SimResult:
    """`bouts` complete bouts of a vs b. Results do not depend on chunk or processes."""
    rules = rules or Rules()
    processes = processes or min(2, os.cpu_count() or 1)
    starts = list(range(0, bouts, chunk))
    jobs = [(a, b, rules, seed, s0, min(chunk, bouts - s0), difficulty) for s0 in starts]
    parts: list[dict[str, np.ndarray]] = []
    finished = 0
    if processes > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=processes) as pool:
            for part in pool.map(_chunk, jobs):
                parts.append(part)
                finished += part["winner"].shape[0]
                if progress:
                    progress(finished, bouts)
    else:
        for job in jobs:
            part = _chunk(job)
            parts.append(part)
            finished += part["winner"].shape[0]
            if progress:
                progress(finished, bouts)
    cat = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return SimResult(cat["winner"], cat["method"], cat["end_round"],
                     cat["end_ticks"] * rules.clock_speed / 60.0, cat["kd_total"], rules.rounds)
