"""The compiled lane kernel (game.kernel, numba) fights the numpy model's very bouts: every
field of every lane, bit for bit, over many seeds, pairings and CPU levels. The numpy model is
the reference (it runs the ring); the kernel only runs the Virtual Fight faster."""
from __future__ import annotations

import numpy as np
import pytest

from game.combat import Rules, cpu_buttons, new_bout, step
from game.combat.ai import cpu_both, difficulty_params
from game.combat.sim import bout_seeds, run_state
from game.combat.state import FIGHTER_FIELDS, LANE_FIELDS
from tests.combat.helpers import SHORT, stats

pytest.importorskip("numba")
from game.kernel import available, run_compiled

# pairings that reach every part of the model: knockdowns, counts, stoppages, decisions
PAIRS = [(("rocky", 30), ("rocky", 60), ("medium", "medium")),
         (("dixon", 30), ("rocky", 45), ("hard", "easy")),
         (("ramos", None), ("carbone", None), ("easy", "hard"))]


def _kernel(a, b, rules, seeds, levels, settle):
    state = new_bout(a, b, rules, seeds)
    params = tuple(difficulty_params(state, lv) for lv in levels)
    out = run_compiled(state, params, settle)
    return state, out


def _differences(single, kernel, lane: int) -> list[str]:
    bad = [f for f in FIGHTER_FIELDS
           if not np.array_equal(getattr(single, f)[:, 0], getattr(kernel, f)[:, lane])]
    bad += [f for f in LANE_FIELDS
            if not np.array_equal(getattr(single, f)[0], getattr(kernel, f)[lane])]
    if not np.array_equal(single.scores[0], kernel.scores[lane]):
        bad.append("scores")
    if single.tick != kernel.lane_ticks[lane]:
        bad.append("tick")
    return bad


def test_kernel_is_available_where_numba_is(monkeypatch):
    assert available()
    monkeypatch.setenv("STILL_A_FIGHTER_KERNEL", "numpy")
    assert not available()


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p[0][0]}-{p[1][0]}-{p[2][0]}")
def test_every_lane_equals_the_numpy_bout_with_its_seed_field_by_field(pair):
    (fa, age_a), (fb, age_b), levels = pair
    a, b = stats(fa, age_a), stats(fb, age_b)
    seeds = bout_seeds(17, 0, 12)
    kernel, _ = _kernel(a, b, SHORT, seeds, levels, settle=1)  # each lane stops at its end
    assert kernel.over.all()
    for lane in range(len(seeds)):
        single = new_bout(a, b, SHORT, seeds[lane:lane + 1])
        while not single.over[0]:
            x0, x1 = cpu_buttons(single, 0, levels[0]), cpu_buttons(single, 1, levels[1])
            step(single, x0, x1, events=False)
        assert _differences(single, kernel, lane) == [], f"lane {lane}"


def test_kernel_results_equal_the_numpy_simulator_over_many_seeds():
    """run_state's results (what `sim` and the Virtual Fight report) for 240 bouts of three
    pairings: each bout as it stood the tick it ended (settle 1, as the workers run it)."""
    rules = Rules(rounds=3, round_seconds=60)
    for k, ((fa, age_a), (fb, age_b), levels) in enumerate(PAIRS):
        a, b = stats(fa, age_a), stats(fb, age_b)
        seeds = bout_seeds(100 + k, 0, 80)
        ref_state = new_bout(a, b, rules, seeds)
        ref = run_state(ref_state, tuple(difficulty_params(ref_state, lv) for lv in levels))
        _, out = _kernel(a, b, rules, seeds, levels, settle=1)
        for key in ref:
            assert np.array_equal(ref[key], out[key]), (fa, fb, key)
        assert len(np.unique(ref["method"])) >= 2  # the seeds reach more than one ending


def test_kernel_lanes_report_in_order_and_can_be_stopped():
    a, b = stats("rocky", 30), stats("rocky", 60)
    state = new_bout(a, b, SHORT, bout_seeds(3, 0, 10))
    params = tuple(difficulty_params(state, "medium") for _ in (0, 1))
    seen: list[int] = []

    def on_lanes(done: int, out: dict) -> None:
        seen.append(done)
        assert (out["method"][:done] > 0).all()  # every lane reported is finished
        if done >= 6:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_compiled(state, params, 1, on_lanes=on_lanes, lanes_per_call=3)
    assert seen == [3, 6]


def _reads_at_once(params: dict) -> dict:
    params["learn_habit"] = np.zeros_like(params["learn_habit"])
    return params


def test_a_cpu_that_reads_every_pattern_at_once_fights_the_same_bouts():
    """The habit reader's branches (seeing the punch coming, countering its recovery, the body
    shot at a man who covers up) are rare at the levels' learn_habit in short bouts: with
    learn_habit 0 he reads from the first punch, and the kernel still fights numpy's bouts."""
    a, b = stats("dixon", 30), stats("rocky", 45)
    levels = ("hard", "medium")
    seeds = bout_seeds(23, 0, 8)
    kernel, plain = new_bout(a, b, SHORT, seeds), new_bout(a, b, SHORT, seeds)
    run_compiled(kernel, tuple(_reads_at_once(difficulty_params(kernel, lv)) for lv in levels), 1)
    run_compiled(plain, tuple(difficulty_params(plain, lv) for lv in levels), 1)
    assert not np.array_equal(kernel.landed, plain.landed)  # the reader changes the fights
    for lane in range(len(seeds)):
        single = new_bout(a, b, SHORT, seeds[lane:lane + 1])
        params = tuple(_reads_at_once(difficulty_params(single, lv)) for lv in levels)
        while not single.over[0]:
            x0, x1 = cpu_both(single, params)
            step(single, x0, x1, events=False)
        assert _differences(single, kernel, lane) == [], f"lane {lane}"


def test_the_kernel_cache_is_named_by_every_source_compiled_into_it(tmp_path):
    """numba checks only the file a compiled function is defined in, so run_lanes (lanes.py)
    would keep an old policy.py's or step.py's code: the cache folder is named by a digest of
    all of them, and an edit of any one compiles afresh."""
    from game.kernel import FROZEN, _cache_dir, fingerprint
    from game.paths import PACKAGE_DIR

    for rel in FROZEN:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes((PACKAGE_DIR / rel).read_bytes())
    seen = {fingerprint(str(tmp_path))}
    assert seen == {fingerprint(str(PACKAGE_DIR))}
    for rel in ("kernel/policy.py", "kernel/layout.py", "combat/step.py", "combat/ai.py"):
        with open(tmp_path / rel, "a") as f:
            f.write("# edited\n")
        seen.add(fingerprint(str(tmp_path)))
    assert len(seen) == 5
    assert _cache_dir().endswith("kernel-" + fingerprint(str(PACKAGE_DIR)))



def test_scripted_players_on_the_kernel_fight_the_numpy_bouts():
    """Every scripted player (the masher and game.combat.bots), on either side, against CPU
    levels: the kernel's results, cards and punches landed equal run_state's, lane by lane."""
    from game.combat.sim import SCRIPTS, mixed_params

    rules = Rules(rounds=2, round_seconds=45, clock_speed=3)
    r35, d30 = stats("rocky", 35), stats("dixon", 30)
    names = [*SCRIPTS, "easy", "hard"]
    lv_a = [names[k % len(names)] for k in range(27)]
    lv_b = [("easy", "medium", "hard")[k % 3] for k in range(27)]
    lv_a[3], lv_b[3] = lv_b[3], lv_a[3]  # a script on side 1 too
    lv_a[12], lv_b[12] = lv_b[12], lv_a[12]
    seeds = bout_seeds(31, 0, 27)
    out = {}
    for kind in ("numpy", "kernel"):
        state = new_bout([r35] * 27, [d30] * 27, rules, seeds)
        params = (mixed_params(state, lv_a), mixed_params(state, lv_b))
        out[kind] = (run_compiled(state, params, 1) if kind == "kernel"
                     else run_state(state, params))
    for key in out["numpy"]:
        assert np.array_equal(out["numpy"][key], out["kernel"][key]), key
    assert len(np.unique(out["numpy"]["method"])) >= 2


def test_run_mixed_on_the_kernel_gives_the_numpy_results(monkeypatch):
    """With the kernel, run_mixed runs every lane on it (CPU levels and scripted players); every
    array it reports equals the all-numpy run's, with one process or two."""
    import game.kernel
    from game.engine import run_mixed

    lanes_run: list[int] = []

    def counted(state, params, settle):
        lanes_run.append(state.batch)
        return run_compiled(state, params, settle)

    monkeypatch.setattr(game.kernel, "run_compiled", counted)
    rules = Rules(rounds=2, round_seconds=40, clock_speed=3)
    d30, r60 = stats("dixon", 30), stats("rocky", 60)
    jobs = [(d30, r60, "hard", "easy", 6), (r60, d30, "jab5", "medium", 5),
            (d30, d30, "medium", "masher", 4), (r60, r60, "medium", "hard", 7)]
    fast = run_mixed(jobs, rules, seed=9, processes=1)
    assert lanes_run == [22]  # every lane, CPU and scripted, on the kernel
    split = run_mixed(jobs, rules, seed=9, processes=2)
    monkeypatch.setenv("STILL_A_FIGHTER_KERNEL", "numpy")
    plain = run_mixed(jobs, rules, seed=9, processes=1)
    for f, s, p in zip(fast, split, plain, strict=True):
        for key in ("winner", "method", "end_round", "end_seconds", "knockdowns"):
            assert np.array_equal(getattr(f, key), getattr(p, key)), key
            assert np.array_equal(getattr(s, key), getattr(p, key)), key
        assert np.array_equal(f.extra["clinches"], p.extra["clinches"])
        assert np.array_equal(s.extra["clinches"], p.extra["clinches"])
    assert len({int(m) for r in plain for m in r.method}) >= 2  # more than one ending


def test_kernel_random_numbers_equal_random4():
    """The kernel's hash and 16-bit pieces (shifts and masks, as random4's) give random4's
    numbers, so neither depends on the machine's byte order."""
    from game.combat.state import random4
    from game.kernel.policy import mix, rand_key, unit

    state = new_bout(stats("rocky", 30), stats("dixon", 30), SHORT, [5, 2**64 - 3])
    for tick, salt in ((0, 1), (4321, 4), (99_999, 21)):
        state.tick = tick
        u = random4(state, salt)
        for side in (0, 1):
            for lane in range(2):
                key = (int(state.seedmix[side, lane]) + int(rand_key(tick, salt))) % 2**64
                z = np.uint64(mix(np.uint64(key)))  # (numba hands back Python ints)
                assert [unit(z, k) for k in range(4)] == [u[k][side, lane] for k in range(4)]
