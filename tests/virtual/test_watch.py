"""Watching bout k of a run: the bout layer, driven by the run's own lane seed and CPU levels,
ends bout k exactly as the batch did (winner, method, round, time and the judges' totals)."""
from __future__ import annotations

import pytest

from game.bout import BoutSession
from game.virtual import RunData, RunSpec, SimRun
from game.virtual.picks import picks
from game.virtual.watch import bout_setup, same_as_run


@pytest.fixture(scope="module")
def run() -> RunData:
    # 3:00 rounds as the ring plays them; a young man against an old one, so some bouts are
    # stopped (seed 24: a stoppage in twelve, and a close decision)
    spec = RunSpec("rocky", 25, "rocky", 65, bouts=12, rounds=2, seed=24,
                   levels=("hard", "easy"))
    return SimRun(spec, processes=1, nice=0).start().wait()


@pytest.fixture(scope="module")
def watched(run) -> dict:
    """Bout k played through the bout layer, for a stoppage and a decision, each played once."""
    by_key = {p.key: p.bout for p in picks(run)}
    ks = sorted({by_key["knockout"], by_key["closest"]} - {None})
    out = {}
    for k in ks:
        session = BoutSession(bout_setup(run.spec, k))
        session.run()
        out[k] = session
    return out


def test_watching_bout_k_reproduces_its_result_round_and_time(run, watched):
    assert len(watched) >= 2
    for k, session in watched.items():
        r = session.result
        assert same_as_run(run, k, r), (k, r)
        assert r.round == run.end_round[k]
        assert r.time_seconds == pytest.approx(run.end_seconds()[k])
    stopped = [k for k in watched if run.method[k] in (1, 2)]
    assert stopped, "the picks include a stoppage (a knockout or the upset)"


def test_another_bouts_result_is_not_taken_for_bout_k(run, watched):
    ks = list(watched)
    key = lambda k: (run.winner[k], run.method[k], run.end_round[k], run.end_ticks[k],
                     tuple(run.cards[k].ravel()))
    pairs = [(i, j) for i in ks for j in ks if i != j and key(i) != key(j)]
    assert pairs
    i, j = pairs[0]
    assert not same_as_run(run, i, watched[j].result)
    assert not same_as_run(run, i, None)


def test_the_screen_pushes_the_ring_with_bout_ks_setup(app, run, watched):
    from game.states.virtual.scene import VirtualFightScene

    k = next(iter(watched))
    scene = VirtualFightScene(spec=run.spec)
    app.stack.push(scene)
    scene.run = type("Done", (), {"data": run, "running": False})()
    scene.mode = "results"
    scene.watch_bout(k)
    ring = app.stack.top
    assert ring is not scene and ring.name == "replay"
    assert ring.session.setup == bout_setup(run.spec, k)
    assert ring.session.setup.sides[0].difficulty == "hard"
    # the ring hands the finished session back: the screen checks it against the run
    scene._watched(watched[k])
    assert "EXACTLY AS SIMULATED" in scene.last_watch


def test_a_watched_bout_has_the_replays_controls_and_ends_as_the_run_did(app, run, watched):
    """Seen watching a Virtual Fight bout: ten rounds at 1x and no x4, no pause, no skip, where
    a replay of a Versus bout had all three."""
    from game.input.actions import Action, ActionEvent
    from game.states.virtual.scene import VirtualFightScene

    k = next(iter(watched))
    scene = VirtualFightScene(spec=run.spec)
    app.stack.push(scene)
    scene.run = type("Done", (), {"data": run, "running": False})()
    scene.mode = "results"
    scene.watch_bout(k)
    ring = app.stack.top
    ring.present = False  # one model step a frame at 1x

    def frames(n: int) -> None:
        for _ in range(n):
            app.stack.update(app.tick)
            app.tick += 1

    frames(10)
    assert ring.session.ticks == 10
    app.stack.handle(ActionEvent(Action.RIGHT, 0))  # x4
    frames(10)
    assert ring.session.ticks == 50 and ring.badge_text() == "WATCH  x4"
    app.stack.handle(ActionEvent(Action.CONFIRM, 0))  # pause
    frames(10)
    assert ring.session.ticks == 50 and ring.badge_text() == "PAUSED"
    app.stack.handle(ActionEvent(Action.CONFIRM, 0))
    while app.stack.top is ring:
        frames(100)
    assert app.stack.top is scene  # handed back: at x4 the same bout as the run's
    assert "EXACTLY AS SIMULATED" in scene.last_watch
