"""The Virtual Fight screen: opens from the menu, its pickers change the run, a run fills the
results in and can be cancelled, the results open the TV piece and export; the TV piece draws
only inside the rectangle it is given."""
from __future__ import annotations

import multiprocessing as mp
import time

import pygame

from game.input.actions import Action, ActionEvent
from game.virtual import RunSpec

TINY = RunSpec(bouts=12, rounds=1, round_seconds=60)


def press(app, *actions: Action) -> None:
    for a in actions:
        app.stack.handle(ActionEvent(a))


def frames(app, n: int = 1) -> None:
    for _ in range(n):
        app.stack.update(app.tick)
        app.tick += 1
        app.stack.draw(app.screen, 0.5)


def run_to_end(app, scene, limit_s: float = 90) -> None:
    t_end = time.monotonic() + limit_s
    while scene.mode == "run" and time.monotonic() < t_end:
        frames(app)
        time.sleep(0.01)


def test_menu_virtual_fight_opens_the_screen(app):
    from game.states.virtual.scene import VirtualFightScene

    app.stack.push("menu")
    menu = app.stack.top
    menu.menu.select_key("virtual")
    assert menu.menu.current.tag == ""  # not "SOON" any more
    press(app, Action.CONFIRM)
    assert isinstance(app.stack.top, VirtualFightScene)
    frames(app, 2)


def test_setup_defaults_and_pickers(app):
    scene = app.stack.push("virtual_fight")
    s = scene.spec
    assert (s.a_id, s.a_age, s.b_id, s.b_age) == ("rocky", 30, "dixon", 30)
    frames(app)
    scene.focus = scene_rows().index("bouts")
    for _ in range(20):
        press(app, Action.LEFT)
    assert scene.spec.bouts == 100
    for _ in range(20):
        press(app, Action.RIGHT)
    assert scene.spec.bouts == 100_000
    scene.focus = scene_rows().index("age0")
    press(app, Action.RIGHT, Action.RIGHT)
    assert scene.spec.a_age == 32
    scene.focus = scene_rows().index("level1")
    press(app, Action.RIGHT)
    assert scene.spec.levels == ("medium", "hard")
    frames(app)
    # the mouse drags the age slider
    track = scene.setup_painter.sliders[1]
    app.stack.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(track.right - 1, track.centery),
                                        button=1))
    assert scene.spec.b_age == 65
    press(app, Action.BACK)
    assert app.stack.top is not scene


def scene_rows():
    from game.states.virtual.scene import ROWS

    return ROWS


def test_a_run_fills_in_results_tv_and_export(app, tmp_path):
    from game import paths
    from game.states.virtual.tv_scene import TvScene

    scene = app.stack.push("virtual_fight", spec=TINY, processes=1)
    scene.focus = scene_rows().index("run")
    press(app, Action.CONFIRM)
    assert scene.mode == "run" and scene.run.running
    run_to_end(app, scene)
    assert scene.mode == "results" and scene.run.data.complete
    frames(app, 2)
    keys = [it.key for it in scene.menu.items]
    assert keys[:4] == ["typical", "upset", "knockout", "closest"]
    scene.menu.select_key("tv")
    press(app, Action.CONFIRM)
    assert isinstance(app.stack.top, TvScene)
    frames(app, 3)
    press(app, Action.BACK)
    assert app.stack.top is scene
    paths.set_data_dir(tmp_path)
    try:
        scene.menu.select_key("export")
        press(app, Action.CONFIRM)
    finally:
        paths.set_data_dir(None)
    assert len(list((tmp_path / "virtual").glob("*.csv"))) == 1
    assert len(list((tmp_path / "virtual").glob("*.json"))) == 1
    scene.menu.select_key("bout")
    press(app, Action.RIGHT, Action.RIGHT, Action.LEFT)
    assert scene.bout_k == 1
    for _ in range(11):  # held: after ten repeats it counts in tens
        app.stack.handle(ActionEvent(Action.RIGHT, repeat=True))
    assert scene.bout_k == (1 + 9 * 1 + 2 * 10) % 12  # and wraps round the twelve bouts
    press(app, Action.BACK)
    assert scene.mode == "setup"


def test_escape_cancels_a_run_and_leaving_the_screen_stops_it(app):
    scene = app.stack.push("virtual_fight", spec=RunSpec(bouts=400, rounds=10))
    scene.start_run()
    frames(app, 3)
    pids = set(scene.run.pids)
    press(app, Action.BACK)
    assert scene.mode == "setup" and scene.run.cancelled
    assert not {p.pid for p in mp.active_children()} & pids  # (other tests' may run)
    scene.start_run()
    pids = set(scene.run.pids)
    frames(app, 2)
    app.stack.pop()  # leave the screen mid-run
    assert not scene.run.alive() and not {p.pid for p in mp.active_children()} & pids


def test_tv_piece_draws_only_inside_its_rect(app):
    from game.render.tv import TvShow
    from game.virtual.run import RunData
    from game.virtual.verdict import verdict

    data = RunData(RunSpec(bouts=40, rounds=10))
    data.winner[:] = [0, 0, 1, 0] * 10  # 30 to 10: a clear favourite
    data.method[:] = [1, 3, 3, 4] * 10
    data.end_round[:] = [3, 10, 10, 10] * 10
    v = verdict(data)
    assert v.favourite == 0 and "ROCKY" in v.headline
    surf = pygame.Surface((640, 400))
    surf.fill((1, 2, 3))
    rect = pygame.Rect(100, 80, 320, 180)
    show = TvShow(v)
    for t in (0, 100, 300):
        show.draw(surf, rect, t)
    outside = [surf.get_at(p)[:3] for p in ((99, 79), (420, 260), (0, 399), (639, 0))]
    assert all(c == (1, 2, 3) for c in outside)
    inside = {surf.get_at((x, y))[:3] for x in range(100, 420, 16) for y in range(80, 260, 16)}
    assert len(inside) > 10


def test_the_boards_win_percent_never_runs_into_wins(app):
    from game.render.tv import BOARD, pct_size
    from game.ui.text import shared_text

    tc = shared_text()
    wins_left = BOARD.w // 2 - tc.render("WINS", 26).get_width() // 2
    for text in ("0%", "35%", "100%"):  # drawn centred 110 px in from the board's edge
        assert 110 + tc.render(text, pct_size(text)).get_width() // 2 < wins_left


def test_enter_on_any_setup_row_runs_as_the_footer_says(app):
    """The footer says "Enter Run" on every row; a first Enter that only moved the focus to the
    button read as a dead key (seen playing the screen from the fighter row)."""
    scene = app.stack.push("virtual_fight", spec=TINY, processes=1)
    frames(app)
    scene.focus = scene_rows().index("age0")
    press(app, Action.CONFIRM)
    try:
        assert scene.mode == "run"
    finally:
        if scene.run is not None:
            scene.cancel_run()


def test_leaving_a_watched_bout_goes_back_to_the_results(app):
    """Seen playing: Pause -> Quit to menu -> Leave in a watched bout dropped the player on the
    main menu and threw away the run it had taken minutes to compute."""
    from game.states.pause import PauseScene

    app.stack.push("menu")
    scene = app.stack.push("virtual_fight", spec=TINY, processes=1)
    scene.start_run()
    run_to_end(app, scene)
    assert scene.mode == "results"
    frames(app)
    scene.menu.select_key("typical")
    press(app, Action.CONFIRM)
    ring = app.stack.top
    assert ring is not scene
    frames(app, 3)
    press(app, Action.PAUSE)
    pause = app.stack.top
    assert isinstance(pause, PauseScene)
    assert pause.menu.items[-1].label == "Back to the results"
    pause.menu.select_key("quit")
    press(app, Action.CONFIRM)  # no "the bout in progress will be lost" question: nothing is
    assert app.stack.top is scene and scene.mode == "results"
