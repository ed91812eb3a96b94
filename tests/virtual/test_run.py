"""The Virtual Fight's run layer: same numbers as `sim`, cancel leaves nothing behind, exports
parse back, the picks and the interval mean what they say."""
from __future__ import annotations

import itertools
import json
import multiprocessing as mp
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from game.combat.sim import simulate
from game.combat.state import NO_WINNER, M
from game.virtual import RunData, RunSpec, SimRun, details, plan_chunks, wilson
from game.virtual.export import CSV_COLUMNS, export_run, read_csv, read_json
from game.virtual.picks import closest, knockout, typical, upset

SHORT = {"rounds": 2, "round_seconds": 60}  # two one-minute rounds: quick bouts


@pytest.fixture(scope="module")
def inline_run() -> RunData:
    spec = RunSpec("rocky", 30, "dixon", 30, bouts=30, seed=11, **SHORT)
    return SimRun(spec, processes=1, nice=0).start().wait()


def test_a_run_in_worker_processes_equals_sim_for_the_same_seed():
    spec = RunSpec("rocky", 60, "dixon", 30, bouts=24, seed=9, **SHORT)
    data = SimRun(spec, processes=2, max_chunk=7).start().wait()
    a, b = spec.fighters()
    ref = simulate(a, b, 24, spec.rules(), seed=9, processes=1, chunk=24)
    assert data.complete
    assert data.summary() == ref.summary()
    for k in ("winner", "method", "end_round"):
        assert np.array_equal(getattr(data, k), getattr(ref, k)), k
    assert np.array_equal(data.kd_total, ref.knockdowns)


def test_sim_command_line_prints_the_run_layers_summary(capsys, inline_run):
    from game.sim_cli import main

    assert main(["rocky@30", "dixon@30", "--bouts", "30", "--rounds", "2", "--seed", "11",
                 "--json", "--processes", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    # the CLI runs 3:00 rounds; the keys and their meaning are what matter here
    assert {"bouts", "a_wins", "b_wins", "draws", "methods", "stoppage_rounds", "a", "b",
            "rounds", "seed", "seconds"} <= set(out)
    assert out["a_wins"] + out["b_wins"] + out["draws"] == 30
    assert set(inline_run.summary()) <= set(out)


def test_cancel_stops_the_workers_and_leaves_no_process_behind():
    spec = RunSpec("rocky", 30, "dixon", 30, bouts=400, rounds=10, seed=3)
    run = SimRun(spec, processes=2).start()
    pids = run.pids
    assert len(pids) == 2
    t_end = time.monotonic() + 30
    while run.progress() == 0 and time.monotonic() < t_end:  # wait until they are stepping
        run.poll()
        time.sleep(0.05)
    assert run.progress() > 0 and run.running
    t0 = time.monotonic()
    run.cancel()
    assert time.monotonic() - t0 < 3.0
    assert run.cancelled and not run.alive()
    assert not {p.pid for p in mp.active_children()} & set(pids)  # (other tests' may run)
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert not run.poll()  # a cancelled run takes nothing more


def test_exports_parse_back(tmp_path, inline_run):
    csv_path, json_path = export_run(inline_run, tmp_path / "virtual")
    rows = read_csv(csv_path)
    assert len(rows) == 30 and tuple(rows[0]) == CSV_COLUMNS
    assert [int(r["bout"]) for r in rows] == list(range(30))
    assert [r["winner"] for r in rows] == [{0: "a", 1: "b", NO_WINNER: "draw"}[int(w)]
                                          for w in inline_run.winner]
    assert [int(r["end_round"]) for r in rows] == inline_run.end_round.tolist()
    back = read_json(json_path)
    assert back["summary"] == json.loads(json.dumps(inline_run.summary()))
    assert back["spec"]["seed"] == 11 and back["bouts"]["winner"] == inline_run.winner.tolist()
    assert RunSpec.from_dict(back["spec"]) == inline_run.spec
    assert not list((tmp_path / "virtual").glob(".*tmp"))


def test_details_add_up(inline_run):
    det = details(inline_run)
    assert det["bouts"] == 30
    pct = det["win_pct"]
    assert abs(pct["a"][0] + pct["b"][0] + pct["draw"][0] - 100) < 1e-9
    for p, lo, hi in pct.values():
        assert lo <= p <= hi
    assert sum(sum(v) for v in det["methods"].values()) == 30
    assert sum(det["card_margins"]["counts"]) == det["card_margins"]["decisions"]
    assert sum(det["knockdown_bins"][0]) == 30


def test_wilson_interval():
    p, lo, hi = wilson(50, 100)
    assert p == 50 and 40 < lo < 40.5 and 59.5 < hi < 60
    assert wilson(0, 10)[1] == 0 and wilson(0, 10)[2] > 0
    assert wilson(10, 10)[2] == pytest.approx(100) and wilson(10, 10)[1] < 100


def test_plan_covers_every_bout_once_in_order():
    for bouts, procs in ((100, 2), (2000, 2), (100_000, 2), (7, 3), (1, 2)):
        plan = plan_chunks(bouts, procs)
        chunks = sorted(c for jobs in plan for c in jobs)
        assert sum(n for _, n in chunks) == bouts
        assert all(s + n == s2 for (s, n), (s2, _) in itertools.pairwise(chunks))
        assert max(n for _, n in chunks) <= 2500


def _fake(rows: list[tuple[int, str, int, int, tuple[int, int]]]) -> RunData:
    """RunData from (winner, method, round, ticks, (card a, card b)) rows, three equal cards."""
    d = RunData(RunSpec(bouts=len(rows), rounds=10))
    for i, (w, m, r, t, (ca, cb)) in enumerate(rows):
        d.winner[i], d.method[i], d.end_round[i], d.end_ticks[i] = w, M[m], r, t
        d.cards[i, :, 0], d.cards[i, :, 1] = ca, cb
    return d


def test_picks_choose_what_their_names_say():
    d = _fake([(0, "UD", 10, 3600, (98, 92)),  # 0
               (0, "UD", 10, 3600, (97, 93)),  # 1 typical: median margin of the UD group
               (0, "UD", 10, 3600, (96, 94)),  # 2
               (1, "TKO", 7, 900, (60, 59)),  # 3 underdog stopped late
               (1, "KO", 4, 500, (38, 37)),  # 4 underdog's earliest stoppage: the upset
               (0, "SD", 10, 3600, (95, 95)),  # 5 closest: even in sum, a split
               (2, "DRAW", 10, 3600, (95, 95)),  # 6 a draw as close, ranked after the split
               (0, "KO", 2, 100, (19, 18))])
    d.kd_total[7] = (0, 3)
    d.kd_total[4] = (1, 0)
    assert typical(d) == 1
    assert upset(d) == 4
    assert knockout(d) == 7
    assert closest(d) == 5


def test_the_typical_bout_is_one_the_favourite_won():
    """Rocky wins 6 of 9, each stoppage in its own round; Dixon's three wins are all UDs, the
    single commonest ending. The typical bout still shows what the verdict says: Rocky winning."""
    rows = [(0, "TKO", r, 900, (50, 49)) for r in (2, 3, 4, 5)]
    rows += [(0, "UD", 10, 3600, c) for c in ((97, 93), (96, 94))]
    rows += [(1, "UD", 10, 3600, (93, 97))] * 3
    d = _fake(rows)
    assert d.winner[typical(d)] == 0
    assert d.method[typical(d)] == M["UD"]  # his commonest ending: two UDs against one TKO each


def test_a_run_with_no_knockout_has_no_knockout_pick():
    d = _fake([(0, "UD", 10, 3600, (98, 92)), (1, "SD", 10, 3600, (95, 96))])
    assert knockout(d) is None
    assert upset(d) is None  # one win each: nobody is the underdog


def test_run_layer_does_not_import_pygame():
    code = ("import sys, game.virtual, game.virtual.export, game.virtual.picks; "
            "sys.exit(1 if 'pygame' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_verdict_calls_a_clear_favourite_and_not_a_coin_toss():
    from game.virtual.verdict import too_close

    assert too_close(48.3, 49.6, 2000)  # the screenshot's run: inside the noise
    assert not too_close(58.0, 40.0, 2000)
    assert too_close(60.0, 40.0, 10)  # ten bouts say little
    assert not too_close(60.0, 40.0, 1000)


def test_details_count_what_a_plain_count_counts():
    rng = np.random.default_rng(4)
    d = RunData(RunSpec(bouts=500, rounds=10))
    done = rng.random(500) < 0.8  # a run part-way through
    d.winner[done] = rng.integers(0, 3, done.sum())
    d.method[done] = rng.integers(1, 7, done.sum())
    d.end_round[done] = rng.integers(1, 11, done.sum())
    d.kd_total[:] = rng.integers(0, 5, (500, 2))
    d.cards[:] = rng.integers(85, 100, (500, 3, 2))
    det = details(d)
    w, m, r = d.winner[done], d.method[done], d.end_round[done]
    assert det["bouts"] == done.sum()
    assert det["methods"]["TKO"] == [int(((m == M["TKO"]) & (w == s)).sum()) for s in (0, 1)]
    assert det["stoppage_rounds"][6] == [int(((r == 7) & np.isin(m, (1, 2)) & (w == s)).sum())
                                         for s in (0, 1)]
    kd_b = np.minimum(d.kd_total[done][:, 1], 3)
    assert det["knockdown_bins"][1] == [int((kd_b == k).sum()) for k in range(4)]
    dec = ~np.isin(m, (1, 2))
    margin = np.rint((d.cards[done][dec, :, 0] - d.cards[done][dec, :, 1]).mean(axis=1))
    assert det["card_margins"]["counts"][20 + 3] == int((margin == 3).sum())


def test_the_compiled_kernel_and_the_numpy_model_give_the_same_run(monkeypatch):
    """The worker runs chunks on game.kernel when numba is there, else on the numpy model:
    the same bouts either way, every per-bout array."""
    pytest.importorskip("numba")
    spec = RunSpec("rocky", 60, "dixon", 30, bouts=20, seed=4, **SHORT)
    fast_run = SimRun(spec, processes=1, nice=0, max_chunk=7).start()
    fast = fast_run.wait()
    monkeypatch.setenv("STILL_A_FIGHTER_KERNEL", "numpy")
    slow_run = SimRun(spec, processes=1, nice=0, max_chunk=7).start()
    slow = slow_run.wait()
    assert (fast_run.engine, slow_run.engine) == ("kernel", "numpy")
    for k in RunData.FIELDS:
        assert np.array_equal(getattr(fast, k), getattr(slow, k)), k


def test_a_run_on_warm_workers_equals_a_cold_run_and_leaves_nothing_behind():
    """Workers started ahead of the run (while the player picks) fight the same bouts; a pool
    no run took is reaped by close()."""
    from game.virtual.warm import WarmWorkers

    spec = RunSpec("rocky", 60, "dixon", 30, bouts=12, seed=6, **SHORT)
    warm = WarmWorkers(2, nice=0)
    run = SimRun(spec, 2, nice=0, max_chunk=4, warm=warm).start()
    data = run.wait()
    cold = SimRun(spec, 1, nice=0).start().wait()
    assert warm.taken and run.engine in ("kernel", "numpy")
    for k in RunData.FIELDS:
        assert np.array_equal(getattr(data, k), getattr(cold, k)), k
    assert not any(p.is_alive() for p in warm.procs)
    unused = WarmWorkers(2, nice=0)
    pids = [p.pid for p in unused.procs]
    unused.close()
    assert not any(p.is_alive() for p in unused.procs) and len(pids) == 2


def test_the_sim_bar_says_why_nothing_moves_while_the_simulator_gets_ready(capsys):
    """A cold compile cache (a fresh install) kept the bar at 0 bouts for about a minute with no
    word of why; after a few seconds with nothing done it says so, then the bar comes back."""
    import time
    from types import SimpleNamespace

    from game.sim_cli import WARMING_AFTER_S, _bar

    class Run(SimpleNamespace):
        def progress(self):
            return self.data.done / 100

        def seconds_left(self):
            return None

        def current_round(self):
            return 1

        def bouts_per_s(self):
            return 0.0

    run = Run(data=SimpleNamespace(done=0), spec=SimpleNamespace(bouts=100))
    _bar(run, time.perf_counter())  # just started: the plain bar
    assert "0/100 bouts" in capsys.readouterr().err
    _bar(run, time.perf_counter() - WARMING_AFTER_S - 1)
    assert "getting the simulator ready" in capsys.readouterr().err
    run.data.done = 5
    _bar(run, time.perf_counter() - WARMING_AFTER_S - 1)
    assert "5/100 bouts" in capsys.readouterr().err
