"""Same seed and inputs give the same fight bit for bit, whatever the batch around a lane."""
from __future__ import annotations

import numpy as np

from game.combat.sim import bout_seeds, simulate
from game.combat.state import random4
from tests.combat.helpers import SHORT, lane_hash, run_cpu, short_bout, stats


def test_same_seed_twice_is_identical():
    h1 = run_cpu(short_bout(seeds=[5]), every=50)
    h2 = run_cpu(short_bout(seeds=[5]), every=50)
    assert h1 == h2 and len(h1) > 10


def test_different_seeds_differ():
    h1 = run_cpu(short_bout(seeds=[5]), every=300)
    h2 = run_cpu(short_bout(seeds=[6]), every=300)
    assert h1 != h2


def test_lane_of_batch_64_equals_a_single_bout():
    seeds = bout_seeds(3, 0, 64)
    batch = short_bout(seeds=seeds)
    batch_hashes = run_cpu(batch, every=100)
    for lane in (0, 17, 63):
        single = short_bout(seeds=seeds[lane:lane + 1])
        single_hashes = run_cpu(single, every=100)
        n = min(len(single_hashes), len(batch_hashes))
        assert n > 5
        assert [h[0] for h in single_hashes[:n]] == [h[lane] for h in batch_hashes[:n]]
        assert single.winner[0] == batch.winner[lane]
        assert single.method[0] == batch.method[lane]
        assert (single.scores[0] == batch.scores[lane]).all()
        assert lane_hash(single, 0) == lane_hash(batch, lane) or single.tick != batch.tick


def test_simulation_does_not_depend_on_chunking_or_processes():
    a, b = stats("ramos"), stats("carbone")
    r1 = simulate(a, b, 24, SHORT, seed=9, chunk=24, processes=1)
    r2 = simulate(a, b, 24, SHORT, seed=9, chunk=7, processes=1)
    for k in ("winner", "method", "end_round", "end_seconds"):
        assert np.array_equal(getattr(r1, k), getattr(r2, k)), k


def test_state_keeps_its_dtypes_through_a_bout():
    """A float64 or int64 creeping into one code path would make lanes differ by batch size."""
    from game.combat.state import FIGHTER_FIELDS, LANE_FIELDS

    state = short_bout(seeds=bout_seeds(8, 0, 16))
    before = {n: getattr(state, n).dtype for n in FIGHTER_FIELDS + LANE_FIELDS}
    run_cpu(state)
    after = {n: getattr(state, n).dtype for n in FIGHTER_FIELDS + LANE_FIELDS}
    assert after == before
    assert state.x.dtype == np.float32 and state.leak.dtype == np.float32


def test_what_other_lanes_have_read_never_changes_a_lane():
    """Reading a jabber is per lane: a lane whose CPU has not read his man fights exactly as he
    would alone, even when the CPUs of other lanes in the batch have read theirs."""
    from game.combat import step
    from game.combat.ai import difficulty_params
    from game.combat.sim import _policy

    def fight(state, learn_jabs: list[float]) -> None:
        state.stam[:] = 30  # tired men: the CPU's punishing then depends on his stamina
        params = []
        for _ in (0, 1):
            p = difficulty_params(state, "medium")
            p["learn_jabs"] = np.asarray(learn_jabs, np.float32)  # per lane
            params.append(p)
        while not state.over.all() and state.tick < 100_000:
            step(state, *_policy(state, tuple(params)), events=False)

    seeds = bout_seeds(4, 0, 8)
    batch = short_bout("rocky", "dixon", seeds=seeds)
    fight(batch, [1e9 if lane % 2 == 0 else 1.0 for lane in range(8)])  # odd lanes read at once
    for lane in (0, 2, 4, 6):  # lanes that never read, alone
        single = short_bout("rocky", "dixon", seeds=seeds[lane:lane + 1])
        fight(single, [1e9])
        assert single.winner[0] == batch.winner[lane]
        assert (single.scores[0] == batch.scores[lane]).all()
        assert lane_hash(single, 0) == lane_hash(batch, lane) or single.tick != batch.tick
        assert (single.landed[:, 0] == batch.landed[:, lane]).all()


def _random4_reference(seedmix: int, tick: int, salt: int) -> list[float]:
    """random4 for one fighter in Python integers, which have no byte order: the hash, then its
    four 16-bit pieces from the lowest bits up, each / 65536."""
    mask = 2**64 - 1
    z = (seedmix + tick * 0x9E3779B97F4A7C15 + salt * 0xC2B2AE3D27D4EB4F) & mask
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
    z ^= z >> 31
    return [((z >> (16 * k)) & 0xFFFF) / 65536 for k in range(4)]


def test_random_numbers_are_the_same_on_every_machine():
    """random4 takes its 16-bit pieces by shifts, not by viewing the hash's bytes (which would
    follow the machine's byte order): it equals the integer reference everywhere."""
    state = short_bout(seeds=[3, 77, 2**63 + 5])
    for tick, salt in ((0, 1), (1234, 3), (987_654, 22)):
        state.tick = tick
        full = random4(state, salt)
        for side in (0, 1):
            one = random4(state, salt, side)
            for lane in range(state.batch):
                want = _random4_reference(int(state.seedmix[side, lane]), tick, salt)
                assert [float(u[side, lane]) for u in full] == want
                assert [float(u[lane]) for u in one] == want
                assert all(u.dtype == np.float32 for u in one)


def test_a_batch_reports_each_bout_as_it_stood_the_tick_it_ended():
    """Seen in a Virtual Fight's numbers: a drawn bout's punch in the air at the final bell
    landed in the ticks the batch still stepped the finished lane, and counted (the ring, which
    stops at the end, never saw it). run_state must report punches landed, knockdowns and the
    cards as they stood at the end: the B = 1 bout's. The model no longer lets a punch land
    once the bout is over, so a finished lane stepped on does not drift at all."""
    from game.combat import Rules, cpu_buttons, new_bout, step
    from game.combat.ai import difficulty_params
    from game.combat.sim import COMPACT_EVERY, run_state

    rules = Rules(rounds=2, round_seconds=30, clock_speed=3)
    a = stats("rocky", 30)
    seeds = bout_seeds(9, 0, 48)
    state = new_bout(a, a, rules, seeds)
    out = run_state(state, tuple(difficulty_params(state, "hard") for _ in (0, 1)))

    ref = new_bout(a, a, rules, seeds)  # every lane stepped on together, to the last one's end
    at_end, later = {}, {}
    while len(later) < len(seeds):
        step(ref, cpu_buttons(ref, 0, "hard"), cpu_buttons(ref, 1, "hard"), events=False)
        for k in np.nonzero(ref.over)[0].tolist():
            at_end.setdefault(k, (ref.tick, ref.landed[:, k].copy(), ref.kd_total[:, k].copy()))
            if ref.tick == at_end[k][0] + COMPACT_EVERY - 1:  # as late as a batch may step it
                later[k] = ref.landed[:, k].copy()
    drifted = [k for k in at_end if not np.array_equal(at_end[k][1], later[k])]
    assert not drifted, f"finished lanes kept landing punches: {drifted}"
    for k, (_tick, landed, kd) in at_end.items():
        assert np.array_equal(out["landed"][k], landed), k
        assert np.array_equal(out["kd_total"][k], kd), k
