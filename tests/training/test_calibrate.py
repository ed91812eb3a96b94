"""Calibration: taps a steady 40 ms late set a +40 ms offset; the drills then judge fairly."""
from __future__ import annotations

import pytest

from game.input.actions import Action, ActionEvent
from game.settings import Settings, load_settings
from game.states.training.calibrate import PERIOD_S, TAPS


@pytest.fixture()
def app():
    from game.app import App

    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()


def _run_to(app, scene, t_s):
    while scene.now_s() < t_s - 1e-9:
        app.stack.update(app.tick)
        app.tick += 1


def test_taps_late_by_40_ms_set_a_plus_40_offset_and_it_is_saved(app):
    app.stack.push("menu")
    scene = app.stack.push("calibrate", sound=True)  # as if the click were heard
    for k in range(1, TAPS + 1):
        # the tick nearest 40 ms after the beat (ticks are 16.7 ms: 33 or 50 ms late)
        _run_to(app, scene, k * PERIOD_S + 0.040 - 1 / 120)
        scene.handle(ActionEvent(Action.JAB))
    assert scene.done_at_s is not None
    assert 33 <= scene.offset_ms <= 50
    _run_to(app, scene, scene.now_s() + 1.0)
    scene.handle(ActionEvent(Action.CONFIRM))
    assert app.stack.top is not scene
    saved, msg = load_settings()
    assert msg is None and saved.input_offset_ms == app.settings.input_offset_ms == scene.offset_ms


def test_back_leaves_the_offset_alone(app):
    app.settings.input_offset_ms = 25
    app.stack.push("menu")
    scene = app.stack.push("calibrate", sound=True)  # as if the click were heard
    for k in range(1, 4):
        _run_to(app, scene, k * PERIOD_S + 0.1)
        scene.handle(ActionEvent(Action.JAB))
    scene.handle(ActionEvent(Action.BACK))
    assert app.settings.input_offset_ms == 25


def test_offset_setting_is_validated():
    with pytest.raises(Exception, match="input_offset_ms"):
        Settings.from_json({"version": 1, "input_offset_ms": 9000})
    assert Settings.from_json({"version": 1, "input_offset_ms": -40}).input_offset_ms == -40


def test_settings_row_steps_the_offset_and_opens_calibration(app):
    app.stack.push("menu")
    settings = app.stack.push("settings")
    settings.menu.select_key("input_offset_ms")
    settings.handle(ActionEvent(Action.RIGHT))
    assert app.settings.input_offset_ms == 5
    settings.handle(ActionEvent(Action.CONFIRM))
    assert app.stack.top.name == "calibrate"


@pytest.mark.parametrize("why", ["no sound device", "volume at 0"])
def test_with_sound_off_it_says_so_and_measures_nothing(app, why):
    """Seen with the sound off: the screen said "Listen to the click", counted silent beats and
    would have set an offset from taps to nothing."""
    from game.states.training.calibrate import sound_off_reason

    if why == "volume at 0":
        app.audio.enabled = True  # a sound device, turned all the way down
        app.settings.sfx_volume = 0.0
    assert sound_off_reason(app)  # the headless app has no sound at all
    app.settings.input_offset_ms = 25
    app.stack.push("menu")
    scene = app.stack.push("calibrate")
    for _ in range(TAPS + 2):  # a tap every beat's length of ticks (no beat starts)
        for _ in range(round(PERIOD_S * 60)):
            app.stack.update(app.tick)
            app.tick += 1
        scene.handle(ActionEvent(Action.JAB))
    app.stack.draw(app.screen, 0.0)
    assert scene.taps_ms == [] and scene.done_at_s is None and scene.silent_reason
    scene.handle(ActionEvent(Action.CONFIRM))
    assert app.stack.top is scene and app.settings.input_offset_ms == 25
    scene.handle(ActionEvent(Action.BACK))
    assert app.stack.top is not scene
