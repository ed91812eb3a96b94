"""Shared helpers for the combat tests: short bouts, CPU drivers, state hashes."""
from __future__ import annotations

import hashlib

import numpy as np

from game.combat import Rules, cpu_buttons, load_fighter, new_bout, step
from game.combat.state import FIGHTER_FIELDS, LANE_FIELDS

SHORT = Rules(rounds=2, round_seconds=30, clock_speed=3)  # 600 ticks a round


def stats(fid: str, age: int | None = None):
    f = load_fighter(fid)
    return f.at_age(f.prime_age if age is None else age)


def lane_hash(state, lane: int) -> str:
    """A hash of everything one lane holds, for sync tests."""
    h = hashlib.sha256()
    for name in FIGHTER_FIELDS:
        h.update(np.ascontiguousarray(getattr(state, name)[:, lane]).tobytes())
    for name in LANE_FIELDS:
        h.update(np.ascontiguousarray(getattr(state, name)[lane]).tobytes())
    h.update(state.scores[lane].tobytes())
    return h.hexdigest()


def run_cpu(state, max_ticks: int = 100_000, difficulty: str = "medium", every: int = 0):
    """Step CPU vs CPU until every lane is over; returns hashes of lane 0.. every `every` ticks."""
    hashes = []
    while not state.over.all() and state.tick < max_ticks:
        a = cpu_buttons(state, 0, difficulty)
        b = cpu_buttons(state, 1, difficulty)
        step(state, a, b, events=False)
        if every and state.tick % every == 0:
            hashes.append([lane_hash(state, i) for i in range(state.batch)])
    return hashes


def short_bout(a="rocky", b="dixon", seeds=(1,), rules=SHORT):
    return new_bout(stats(a), stats(b), rules, np.asarray(seeds))
