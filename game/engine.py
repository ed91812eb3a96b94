"""Which engine fights a batch of complete bouts: the compiled lane kernel (game.kernel, numba,
the `fast` extra) where it is available, else the numpy model (game.combat.sim).

Both fight the very same bouts (tests/combat/test_kernel.py compares them); the kernel only
costs about a tenth of the CPU. The choice lives here because game.combat imports numpy and the
standard library only: bench/ and the Virtual Fight's workers (game.virtual) ask here.
"""
from __future__ import annotations

import importlib.util
import itertools
import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from game import kernel  # imports no numba: that waits for kernel.available()
from game.combat.fighters import FighterStats
from game.combat.rules import Rules
from game.combat.sim import SimResult, bout_seeds, mixed_params, run_state
from game.combat.state import new_bout


def use_kernel() -> bool:
    """Whether this process fights on the compiled kernel: numba installed and not turned off
    with STILL_A_FIGHTER_KERNEL=numpy (the first call pays numba's import, about 1.5 s)."""
    return kernel.available()


def kernel_expected() -> bool:
    """Whether worker processes will fight on the kernel, without importing numba here (the
    screen's process would stall on the import)."""
    if os.environ.get(kernel.ENV, "").lower() == "numpy":
        return False
    return importlib.util.find_spec("numba") is not None


def _mixed_chunk(args) -> dict[str, np.ndarray]:
    lanes_a, lanes_b, levels_a, levels_b, seeds, rules, compiled = args
    state = new_bout(lanes_a, lanes_b, rules, seeds)
    params = (mixed_params(state, levels_a), mixed_params(state, levels_b))
    if compiled:  # the compiled kernel fights the very same bouts, faster
        # (settle 1: each lane stops at its end, as run_state reports it)
        return kernel.run_compiled(state, params, 1)
    return run_state(state, params)


def run_mixed(matchups: list[tuple[FighterStats, FighterStats, str, str, int]],
              rules: Rules, seed: int = 1, processes: int = 2) -> list[SimResult]:
    """Many different match-ups in one batch (cheaper than one small batch each); a side's level
    may be a CPU level, "masher" or a script of game.combat.bots (game.combat.sim.SCRIPTS).
    Each match-up's bouts get seeds from (seed, its index), as `simulate` would.
    With the compiled kernel (use_kernel()) every lane runs on it, CPU levels and scripted
    players alike, dealt out to the processes in turn (lane k to process k mod n, so long and
    short match-ups share the work); else one numpy batch per process. A bout's result never
    depends on its batch, so the results are the same either way."""
    lanes_a, lanes_b, lv_a, lv_b, seeds = [], [], [], [], []
    for k, (a, b, da, db, n) in enumerate(matchups):
        lanes_a += [a] * n
        lanes_b += [b] * n
        lv_a += [da] * n
        lv_b += [db] * n
        seeds.append(bout_seeds(seed * 1_000_003 + k, 0, n))
    seed_arr = np.concatenate(seeds)
    total = len(lanes_a)
    compiled = use_kernel()
    if compiled:
        pieces = [np.arange(i, total, processes) for i in range(min(processes, total))]
    else:
        cuts = np.linspace(0, total, processes + 1).astype(int)
        pieces = [np.arange(i, j) for i, j in itertools.pairwise(cuts) if j > i]
    jobs = [([lanes_a[i] for i in part], [lanes_b[i] for i in part], [lv_a[i] for i in part],
             [lv_b[i] for i in part], seed_arr[part], rules, compiled) for part in pieces]
    if processes > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=processes) as pool:
            parts = list(pool.map(_mixed_chunk, jobs))
    else:
        parts = [_mixed_chunk(j) for j in jobs]
    order = np.concatenate(pieces)
    cat = {}
    for k in parts[0]:
        joined = np.concatenate([p[k] for p in parts])
        cat[k] = np.empty_like(joined)
        cat[k][order] = joined
    out, start = [], 0
    for *_, n in matchups:
        sl = slice(start, start + n)
        out.append(SimResult(cat["winner"][sl], cat["method"][sl], cat["end_round"][sl],
                             cat["end_ticks"][sl] * rules.clock_speed / 60.0,
                             cat["kd_total"][sl], rules.rounds,
                             extra={"clinches": cat["clinches"][sl]}))
        start += n
    return out
