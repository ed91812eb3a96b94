"""Invariants under random inputs (hypothesis): bars stay in range, the clock only moves
forward, the fighters stay in the ring, and every bout ends with exactly one result."""
from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.combat import Rules, new_bout, step, view
from tests.combat.helpers import stats

RULES = Rules(rounds=2, round_seconds=10, clock_speed=2)  # 300 ticks a round
inputs = st.lists(st.tuples(st.integers(0, 1023), st.integers(0, 1023)), min_size=50,
                  max_size=400)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs, st.integers(0, 2**32 - 1), st.sampled_from(["rocky", "ramos", "marsh"]))
def test_random_inputs_keep_invariants(seq, seed, fighter):
    s = new_bout(stats(fighter), stats("dixon", 40), RULES, [seed])
    last = (1, s.clock_t[0])
    ends = 0
    half = s.table.model["ring_half_px"]
    ticks = 0
    while not s.over[0] and ticks < 20_000:
        a, b = seq[ticks % len(seq)]
        # repeat the stream so the bout also runs long enough to finish
        ev = step(s, np.uint16(a), np.uint16(b))
        ticks += 1
        ends += sum(e.kind == "bout_end" for e in ev.for_lane(0))
        assert ((0 <= s.stam) & (s.stam <= 100)).all()
        assert (s.head <= 100).all() and (s.body <= 100).all()
        assert (np.abs(s.x) <= half + 1e-3).all()
        assert s.x[1, 0] - s.x[0, 0] >= s.table.model["min_gap_px"] - 1e-3
        now = (int(s.rnd[0]), int(s.clock_t[0]))
        assert now[0] > last[0] or (now[0] == last[0] and now[1] <= last[1])
        last = now
        if ticks % 25 == 0:
            for f in view(s).fighters:
                assert 0.0 <= f.health_head <= 1.0 and 0.0 <= f.stamina <= 1.0
    assert s.over[0], "the bout must end"
    assert ends == 1
    r = view(s).result
    assert r is not None and r.method in ("KO", "TKO", "UD", "SD", "MD", "DRAW")
    assert (r.winner is None) == (r.method == "DRAW")
