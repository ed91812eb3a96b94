"""An optional compiled lane kernel for the Virtual Fight (numba, the `fast` extra).

The numpy model in game.combat is the reference and runs the ring; this runs the batch
simulator's lanes one at a time, each to its result, in the very same arithmetic (a test
compares them field by field over many seeds), about ten times faster per bout. Without numba
(or with STILL_A_FIGHTER_KERNEL=numpy) the simulator uses the numpy model; nothing else changes.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

import numpy as np

from game.combat.state import BoutState
from game.paths import PACKAGE_DIR

ENV = "STILL_A_FIGHTER_KERNEL"  # "numpy" turns the kernel off (bench, tests)
_state: dict[str, object] = {}


# the files whose code or constants the compiled kernel holds. Numba checks only the stamp of
# the file a function is defined in, so run_lanes (lanes.py) would keep an old policy.py's or
# step.py's code in its cache: the cache folder is named by a digest of them all instead
FROZEN = ("kernel/lanes.py", "kernel/policy.py", "kernel/layout.py", "combat/step.py",
          "combat/ai.py", "combat/state.py", "combat/inputs.py", "combat/rules.py",
          "kernel/bots.py", "combat/bots.py")


def fingerprint(game_dir: str) -> str:
    """A digest of the FROZEN sources under `game_dir` (the game package's folder)."""
    h = hashlib.sha256()
    for rel in FROZEN:
        with open(os.path.join(game_dir, rel), "rb") as f:
            h.update(rel.encode() + b"\0" + f.read())
    return h.hexdigest()[:16]


def _cache_dir() -> str | None:
    """Where numba keeps compiled code: a folder per fingerprint of the sources, beside them if
    writable, else in the user cache."""
    here = os.path.dirname(os.path.abspath(__file__))
    base = os.path.join(here, "__pycache__")
    if not os.access(here, os.W_OK):
        try:
            import platformdirs

            base = os.path.join(platformdirs.user_cache_dir("still-a-fighter"), "numba")
        except ImportError:  # pragma: no cover - platformdirs is a dependency
            return None
    return os.path.join(base, "kernel-" + fingerprint(str(PACKAGE_DIR)))


def _use_cache_dir() -> None:
    """Point numba's cache at _cache_dir() (once; a NUMBA_CACHE_DIR set by the caller wins),
    before the kernel's modules are imported. Worker processes inherit it."""
    if "cache" in _state:
        return
    import numba

    cache = os.environ.get("NUMBA_CACHE_DIR") or _cache_dir()
    if cache:
        os.environ["NUMBA_CACHE_DIR"] = cache
        numba.config.CACHE_DIR = cache  # numba read its environment when it was imported
    _state["cache"] = cache


def available() -> bool:
    """True when numba imports (the first call pays its import, about 1.5 s) and not turned
    off with STILL_A_FIGHTER_KERNEL=numpy."""
    if os.environ.get(ENV, "").lower() == "numpy":
        return False
    if "ok" not in _state:
        try:
            import numba  # noqa: F401

            _state["ok"] = True
        except ImportError:
            _state["ok"] = False
    if _state["ok"]:
        _use_cache_dir()
    return bool(_state["ok"])


def supports(params) -> bool:
    """The kernel runs CPU levels and the scripted players of per-lane params (a "bot" array,
    game.combat.sim.mixed_params); a side that is all masher (params None) stays numpy."""
    return all(p is not None for p in params)


def run_compiled(state: BoutState, params, settle: int, max_ticks: int | None = None,
                 on_lanes: Callable[[int, dict[str, np.ndarray]], None] | None = None,
                 lanes_per_call: int = 64) -> dict[str, np.ndarray]:
    """Run every lane of a fresh `state` to its result with the compiled kernel; the same
    results dict as game.combat.sim.run_state. `on_lanes(done, out)` is called after each
    `lanes_per_call` lanes (lanes 0..done-1 are final); it may raise to stop the run.
    Each lane steps on after its end to the next multiple of `settle` (see lanes.run_lanes;
    1 = stop at the end). The state's arrays then hold each lane's state at the tick it
    stopped on (`state.lane_ticks`)."""
    _use_cache_dir()
    from game.kernel import lanes as kl
    from game.kernel.layout import constants, difficulty_rows, pack, unpack

    n = state.batch
    cf, ci, move_i, move_f, flags, dlen, cost, judges = constants(state)
    ia, fa, la, fx, seedmix, scores = pack(state)
    dp = difficulty_rows(params, n)
    codes = np.stack([np.broadcast_to(np.asarray(p.get("bot", 0), np.int32), (n,))
                      for p in params])  # scripted sides (game.kernel.bots), 0 = the CPU
    bmem = np.ascontiguousarray(np.stack([state.bot_step, state.bot_wait]).astype(np.int32))
    ticks = np.zeros(n, np.int64)
    if max_ticks is None:
        r = state.rules
        max_ticks = r.rounds * (r.round_ticks + 200) + 100_000  # a safety stop only
    out = _empty_out(n)
    work = kl.scratch()
    done = 0
    while done < n:
        hi = min(n, done + lanes_per_call)
        kl.run_lanes(done, hi, state.tick, ia, fa, fx, la, ticks, dp, seedmix, scores, cf, ci,
                     move_i, move_f, flags, dlen, cost, judges, max_ticks, settle, *work, codes, bmem)
        _harvest(out, ia, la, scores, done, hi)
        done = hi
        if on_lanes is not None:
            on_lanes(done, out)
    unpack(state, ia, fa, la, scores)
    state.bot_step, state.bot_wait = bmem[0].copy(), bmem[1].copy()
    state.lane_ticks = ticks
    return out


def warm_up() -> None:
    """Load (or compile, the first time) the kernel: one short bout."""
    from game.combat.ai import difficulty_params
    from game.combat.fighters import load_fighter
    from game.combat.rules import Rules
    from game.combat.state import new_bout

    a = load_fighter("rocky").at_age(30)
    state = new_bout(a, a, Rules(rounds=1, round_seconds=10), [1])
    run_compiled(state, tuple(difficulty_params(state, "medium") for _ in (0, 1)), 1)


def _empty_out(n: int) -> dict[str, np.ndarray]:
    return {"winner": np.zeros(n, np.int32), "method": np.zeros(n, np.int32),
            "end_round": np.zeros(n, np.int32), "end_ticks": np.zeros(n, np.int32),
            "kd_total": np.zeros((n, 2), np.int32), "cards": np.zeros((n, 3, 2), np.int32),
            "landed": np.zeros((n, 2), np.int32), "clinches": np.zeros((n, 2), np.int32)}


def _harvest(out: dict[str, np.ndarray], ia: np.ndarray, la: np.ndarray, scores: np.ndarray,
             lo: int, hi: int) -> None:
    from game.kernel.layout import (
        CLINCHES,
        END_ROUND,
        END_TICKS,
        KD_TOTAL,
        LANDED,
        METHOD,
        WINNER,
    )

    sl = slice(lo, hi)
    out["winner"][sl] = la[WINNER, sl]
    out["method"][sl] = la[METHOD, sl]
    out["end_round"][sl] = la[END_ROUND, sl]
    out["end_ticks"][sl] = la[END_TICKS, sl]
    out["kd_total"][sl] = ia[KD_TOTAL // 2, :, sl].T
    out["cards"][sl] = scores[sl].sum(axis=2)
    out["landed"][sl] = ia[LANDED // 2, :, sl].T
    out["clinches"][sl] = ia[CLINCHES // 2, :, sl].T
