"""The ring through the real scenes: a CPU bout reaches its result, a human punch is not delayed
by the scene, drawing never touches the model, and the results show the model's scorecards."""

from __future__ import annotations

import numpy as np
import pytest

from game.bout import state_hash
from game.bout.setup import BoutSetup, SideSetup
from game.input.actions import Action, ActionEvent


def _humans(seed: int = 4) -> BoutSetup:
    return BoutSetup(
        (SideSetup("rocky", 30, "human1"), SideSetup("dixon", 30, "human2")),
        rounds=1,
        clock_speed=6,
        seed=seed,
    )


def test_cpu_bout_reaches_results_through_ring_and_corner() -> None:
    from game.states.versus.results import VersusResultsScene, card_rows
    from game.versus_cli import run_headless_bout

    setup = BoutSetup(
        (SideSetup("rocky", 60, "cpu", "hard"), SideSetup("dixon", 30, "cpu", "easy")),
        rounds=2,
        clock_speed=6,
        seed=11,
    )
    results, _app = run_headless_bout(setup)
    assert isinstance(results, VersusResultsScene)
    r = results.result
    assert r is not None and r.method in ("KO", "TKO", "UD", "SD", "MD", "DRAW")
    assert results.final_view.over and results.final_view.result == r
    # the cards on screen are the model's, round by round
    rows = card_rows(r)
    for (rounds, totals), model_card in zip(rows, r.scorecards):
        assert rounds == [tuple(x) for x in model_card if x[0] or x[1]]
        assert totals == (sum(a for a, _ in model_card), sum(b for _, b in model_card))


def test_a_jab_pressed_on_tick_t_starts_when_the_model_allows(app) -> None:
    from game.combat import new_bout, step, view
    from game.combat.inputs import Button

    setup = _humans()
    press_at = 90
    # reference: the model alone, JAB held from tick press_at
    s = new_bout(setup.stats(0), setup.stats(1), setup.rules(), np.array([setup.seed], np.uint64))
    ref_tick = None
    zero = np.zeros(1, np.uint16)
    for t in range(press_at + 30):
        btn = np.array([Button.JAB if t == press_at else 0], np.uint16)
        step(s, btn, zero)
        if t >= press_at and view(s).fighters[0].action == "jab":
            ref_tick = t
            break
    assert ref_tick is not None
    # the scene: a key tapped (pressed and released) within the frame of tick press_at
    ring = app.stack.push("ring", setup=setup)
    for t in range(press_at + 30):
        if t == press_at:
            app.stack.handle(ActionEvent(Action.JAB, 0, True))
            app.stack.handle(ActionEvent(Action.JAB, 0, False))
        app.stack.update(t)
        assert ring.model_ticks == t + 1  # one model step per tick: nothing skipped or added
        if t >= press_at and ring.view.fighters[0].action == "jab":
            assert t == ref_tick
            break
    else:
        pytest.fail("the jab never started")


def test_drawing_the_ring_never_changes_the_model(app) -> None:
    setup = BoutSetup(
        (SideSetup("rocky", 60, "cpu", "hard"), SideSetup("dixon", 30, "cpu", "hard")),
        rounds=1,
        clock_speed=6,
        seed=5,
    )
    ring = app.stack.push("ring", setup=setup)
    for t in range(400):
        app.stack.update(t)
        if t % 50 == 0:
            before = state_hash(ring.state)
            app.stack.draw(app.screen, 0.5)
            assert state_hash(ring.state) == before


def test_pause_action_opens_the_pause_over_the_ring(app) -> None:
    ring = app.stack.push("ring", setup=_humans())
    app.stack.update(0)
    app.stack.handle(ActionEvent(Action.PAUSE, 0, True))
    assert app.stack.top is not ring and app.stack.top.name == "pause"
    ticks = ring.model_ticks
    app.stack.update(1)  # only the top scene updates: the fight is frozen
    assert ring.model_ticks == ticks


def test_corner_holds_the_fight_until_continue(app) -> None:
    from game.states.ring.corner import CornerScene

    setup = BoutSetup(
        (SideSetup("rocky", 30, "human1"), SideSetup("dixon", 30, "cpu", "easy")),
        rounds=2,
        clock_speed=6,
        seed=2,
    )
    ring = app.stack.push("ring", setup=setup)
    t = 0
    while not isinstance(app.stack.top, CornerScene):
        app.stack.update(t)
        t += 1
        assert t < 60 * 40, "no corner after round 1"
    corner = app.stack.top
    frozen = ring.model_ticks
    for _ in range(120):
        app.stack.update(t)
        t += 1
    assert app.stack.top is corner and ring.model_ticks == frozen
    app.stack.draw(app.screen, 0.0)
    for side, (last_line, tail) in corner.drawn.items():  # the speech box's tail covered a K
        assert not last_line.colliderect(tail), side
    app.stack.handle(ActionEvent(Action.CONFIRM, 0, True))
    assert app.stack.top is ring
    for _ in range(200):
        app.stack.update(t)
        t += 1
    assert ring.view.round == 2 and not ring.view.between_rounds


def test_cli_headless_plays_to_the_end_and_prints_the_cards(capsys) -> None:
    from game.versus_cli import main

    argv = (
        "--p1 cpu --p2 cpu --fighter1 rocky --age1 60 --fighter2 dixon --age2 30 "
        "--rounds 1 --clock-speed 6 --difficulty hard --headless --seed 3"
    )
    code = main(argv.split())
    out = capsys.readouterr().out
    assert code == 0
    assert "Method:" in out and "Round:" in out and out.count("Judge") >= 3


def test_cli_windowed_path_runs_a_few_frames_headless() -> None:
    from game.versus_cli import main

    assert (
        main(["--p1", "human", "--p2", "cpu", "--rounds", "1", "--headless", "--frames", "20"]) == 0
    )


def test_settings_changed_in_the_pause_menu_apply_on_return(app) -> None:
    app.settings.screen_shake = True
    ring = app.stack.push("ring", setup=_humans())
    assert ring.renderer.camera.shake_enabled
    app.stack.push("pause")
    app.settings.screen_shake = False
    app.settings.colourblind_meters = True
    app.stack.pop()
    assert not ring.renderer.camera.shake_enabled and ring.renderer.hud.numbers


def test_a_bout_nobody_plays_says_how_to_leave(app, monkeypatch) -> None:
    """Seen watching a Virtual Fight bout (ten CPU rounds): nothing on screen said how to get
    out. A CPU-vs-CPU ring names the pause key; a played one keeps the screen clear."""
    from game.states.ring import scene as ring_scene
    from game.ui import widgets

    drawn: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(widgets, "draw_hints", lambda s, f, hints, **k: drawn.append(hints))
    cpus = BoutSetup((SideSetup("rocky", 30, "cpu"), SideSetup("dixon", 30, "cpu")), rounds=1,
                     seed=3)
    for setup, expect in ((cpus, True), (_humans(), False)):
        drawn.clear()
        ring = app.stack.push("ring", setup=setup)
        assert isinstance(ring, ring_scene.RingScene)
        app.stack.update(0)
        app.stack.draw(app.screen, 0.5)
        assert bool(drawn) is expect
        if expect:
            assert drawn[0][0][1] == "Pause / leave"
        app.stack.pop()
