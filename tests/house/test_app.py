"""The App in-process: fixed-step loop, auto-pause, crash log, screenshots, window scaling."""
from __future__ import annotations

import itertools
from pathlib import Path

import pygame
import pytest

from game.input.actions import Action, ActionEvent
from game.states.base import Scene


class Counter(Scene):
    pausable = True

    def __init__(self) -> None:
        super().__init__()
        self.updates = 0
        self.items: list = []

    def handle(self, item) -> None:
        self.items.append(item)

    def update(self, tick: int) -> None:
        self.updates += 1

    def draw(self, surface, alpha: float) -> None:
        surface.fill((20, 20, 20))


class Boom(Scene):
    def update(self, tick: int) -> None:
        if tick >= 3:
            raise RuntimeError("punched through the canvas")


def test_headless_run_takes_one_fixed_step_per_frame(app) -> None:
    scene = Counter()
    app._start = lambda start: app.stack.push(scene)
    assert app.run(frames=30) == 0
    assert scene.updates == 30 and app.tick == 30 and app.frame == 30


def test_losing_focus_pauses_a_pausable_scene(app) -> None:
    scene = Counter()
    app._start = lambda start: app.stack.push(scene)
    script = {5: [pygame.event.Event(pygame.WINDOWFOCUSLOST)]}
    app.run(frames=10, script=script)
    assert [s.name for s in app.stack.scenes] == ["", "pause"]
    assert scene.updates == 5  # frozen under the pause from frame 5 on
    assert "focus" in app.stack.top.message


def test_one_key_press_acts_on_one_scene_only(app) -> None:
    """Esc is BACK and PAUSE for player 1: it closes the pause without reopening it."""
    scene = Counter()
    app._start = lambda start: (app.stack.push(scene), app.stack.push("pause"))
    esc = {"key": pygame.K_ESCAPE, "mod": 0, "scancode": 0, "unicode": ""}
    script = {2: [pygame.event.Event(pygame.KEYDOWN, esc)],
              4: [pygame.event.Event(pygame.KEYUP, esc)]}
    app.run(frames=6, script=script)
    assert app.stack.top is scene
    assert not any(isinstance(i, ActionEvent) and i.action is Action.PAUSE and i.pressed
                   for i in scene.items)


def test_an_unexpected_error_writes_a_crash_log(app, home: Path) -> None:
    app._start = lambda start: app.stack.push(Boom())
    assert app.run(frames=20) == 1
    logs = list(home.glob("crash-*.log"))
    assert len(logs) == 1 and "punched through the canvas" in logs[0].read_text()


def test_screenshot_of_the_title_is_not_one_flat_colour(app, tmp_path: Path) -> None:
    out = tmp_path / "title.png"
    app.run("title", frames=90, screenshot=out)
    image = pygame.image.load(str(out))
    assert image.get_size() == (1280, 720)
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 1280, 40)
               for y in range(0, 720, 40)}
    assert len(colours) > 20


def test_hand_scaled_window_maps_mouse_to_logical_pixels(app, monkeypatch) -> None:
    monkeypatch.setenv("STILL_A_FIGHTER_PRESENT", "surface")
    app.headless = False  # allow a non-logical window size under the dummy driver
    app.settings.window_scale = 0.5
    app._open_window()
    assert app.window.get_size() == (640, 360)
    assert app.screen.get_size() == (1280, 720)
    assert app.to_logical((320, 180)) == (640, 360)
    app.screen.fill((200, 10, 10))
    app._present()
    assert tuple(app.window.get_at((100, 100)))[:3] == (200, 10, 10)


def test_menu_says_unbuilt_modes_are_coming(app, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.states import registry

    built = registry.is_available
    # every mode is built now: pretend the Virtual Fight's scene is not, as a new mode would be
    monkeypatch.setattr(registry, "is_available", lambda name: name != "virtual_fight"
                        and built(name))
    app.run("menu", frames=2)
    menu = app.stack.top
    menu.menu.select_key("virtual")
    menu.handle(ActionEvent(Action.CONFIRM))
    assert app.stack.top is menu
    assert any("not built yet" in text for text, _ in app._toasts)


def test_scaled_mode_keeps_a_logical_screen_at_any_window_scale(app) -> None:
    app.headless = False
    app.vsync = False
    app.settings.window_scale = 1.5
    app._open_window()
    assert app.present_mode == "scaled"
    assert app.screen is pygame.display.get_surface()
    assert app.screen.get_size() == (1280, 720)
    assert app.to_logical((10, 20)) == (10, 20)


def test_pulling_out_a_pad_mid_scene_pauses_and_says_so(app) -> None:
    scene = Counter()
    app._start = lambda start: app.stack.push(scene)
    press = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=4,
                               button=pygame.CONTROLLER_BUTTON_X)
    removed = pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=4)
    app.run(frames=8, script={2: [press], 5: [removed]})
    assert app.stack.top.name == "pause"
    assert "player 1" in app.stack.top.message and "disconnected" in app.stack.top.message
    assert not app.input.held(0)
    released = [i for i in scene.items if isinstance(i, ActionEvent) and not i.pressed]
    assert [(e.action, e.player) for e in released] == [(Action.JAB, 0)]


def test_crash_screen_is_shown_in_a_window(app, home: Path, tmp_path: Path) -> None:
    class BoomAfterKey(Scene):
        def update(self, tick: int) -> None:  # the player's key is waiting when it crashes
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0))
            raise RuntimeError("punched through the canvas")

    app.headless = False
    app._start = lambda start: app.stack.push(BoomAfterKey())
    shot = tmp_path / "crash.png"
    assert app.run(frames=20, screenshot=shot) == 1
    image = pygame.image.load(str(shot))
    assert len({tuple(image.get_at((x, 220)))[:3] for x in range(400, 880, 4)}) > 2


def test_pulling_out_a_pad_in_a_menu_only_says_so(app) -> None:
    press = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=4,
                               button=pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    removed = pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=4)
    app.run("menu", frames=8, script={2: [press], 5: [removed]})
    assert app.stack.top.name == "menu"
    assert any("disconnected" in text for text, _ in app._toasts)


def test_rebinding_a_key_in_the_controls_scene_is_saved(app, home: Path) -> None:
    import json

    def key(name: str, down: bool = True) -> pygame.event.Event:
        from game.input.manager import key_code

        return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=key_code(name),
                                  mod=0, scancode=0, unicode="")

    app._start = lambda start: (app.stack.push("menu"), app.stack.push("controls", player=0))
    script = {2: [key("s")], 3: [key("s", False)],  # down, down, down, down: to JAB
              4: [key("s")], 5: [key("s", False)], 6: [key("s")], 7: [key("s", False)],
              8: [key("s")], 9: [key("s", False)],
              10: [key("return")], 11: [key("return", False)],  # rebind JAB ...
              13: [key("h")], 14: [key("h", False)],  # ... to H
              16: [key("escape")]}  # back (saves)
    app.run(frames=20, script=script)
    assert app.settings.bindings[0]["jab"] == ["h"]
    assert app.stack.top.name == "menu"
    assert json.loads((home / "settings.json").read_text())["bindings"][0]["jab"] == ["h"]
    assert {e.action for e in app.input.process(key("h"))} == {Action.JAB}


def test_f12_saves_a_screenshot_in_the_data_folder(app, home: Path) -> None:
    f12 = {"key": pygame.K_F12, "mod": 0, "scancode": 0, "unicode": ""}
    app.run("menu", frames=4, script={1: [pygame.event.Event(pygame.KEYDOWN, f12)]})
    shots = list((home / "screenshots").glob("*.png"))
    assert len(shots) == 1
    assert pygame.image.load(str(shots[0])).get_size() == (1280, 720)


def test_back_from_a_scene_opened_with_scene_flag_lands_in_the_menu(app) -> None:
    """`--scene settings` then Esc: the player is in the game's menu, not out of the game."""
    esc = {"key": pygame.K_ESCAPE, "mod": 0, "scancode": 0, "unicode": ""}
    script = {5: [pygame.event.Event(pygame.KEYDOWN, esc)],
              7: [pygame.event.Event(pygame.KEYUP, esc)]}
    app.run("settings", frames=20, script=script)
    assert [s.name for s in app.stack.scenes] == ["menu"]


def test_text_measured_after_one_game_closes_and_another_starts(home: Path) -> None:
    """Fonts die with pygame: the shared text cache must not hand out the closed game's."""
    from game.app import App
    from game.ui.text import shared_text

    first = App(headless=True, seed=1, sound=False)
    shared_text().render("ROUND 1", 30)
    assert shared_text().font("bold", 19).size("Duke")[0] > 0
    first.close()
    second = App(headless=True, seed=2, sound=False)
    try:
        assert shared_text().font("bold", 19).size("Duke")[0] > 0
        assert shared_text().render("ROUND 1", 30).get_width() > 0
    finally:
        second.close()


def test_two_line_toasts_stack_without_covering_each_other(app, monkeypatch) -> None:
    """Seen with a damaged settings file and two damaged saves: three two-line messages at once,
    each strip drawn over the top of the first line of the one below."""
    from tests.house.test_toasts import drawn_toasts

    long = "Damaged file story_1.json: invalid JSON at line 2: Expecting value. " * 2
    drawn = drawn_toasts(app, monkeypatch, [f"{long}({k + 1})" for k in range(3)])
    assert len(drawn) == 3 and all(r.h > 60 for r in drawn)  # two lines each
    for a, b in itertools.pairwise(drawn):
        assert not a.colliderect(b)
    assert all(r.top >= 0 for r in drawn)


def test_the_same_toast_twice_is_one_line(app) -> None:
    """Seen in the camp: a shut drill pressed twice stacked its message twice."""
    app.toast("That is 4 sessions today.")
    app.toast("Saved")
    app.toast("That is 4 sessions today.")
    assert [text for text, _ in app._toasts] == ["Saved", "That is 4 sessions today."]


def test_a_rebinding_that_swaps_keys_says_what_the_other_action_got(app) -> None:
    from game.input.manager import key_code

    def key(name: str, down: bool = True) -> pygame.event.Event:
        return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=key_code(name),
                                  mod=0, scancode=0, unicode="")

    app._start = lambda start: (app.stack.push("menu"), app.stack.push("controls", player=0))
    script = {2: [key("s")], 3: [key("s", False)], 4: [key("s")], 5: [key("s", False)],
              6: [key("s")], 7: [key("s", False)], 8: [key("s")], 9: [key("s", False)],
              10: [key("return")], 11: [key("return", False)],  # rebind JAB ...
              13: [key("g")], 14: [key("g", False)]}  # ... to G, the cross's key
    app.run(frames=18, script=script)
    assert app.settings.bindings[0]["jab"] == ["g"] and app.settings.bindings[0]["cross"] == ["f"]
    assert app.stack.top.message == "Jab: G (cross is now F)"


def test_the_pause_menu_covers_the_key_hints_of_the_scene_below(app) -> None:
    """A watched bout has its own footer ("ESC Pause / leave"); the pause menu's hints must
    not be printed over it."""
    from game.states.base import Scene
    from game.states.confirm import FOOTER
    from game.ui import colours as C

    class WhiteScene(Scene):
        def draw(self, surface: pygame.Surface, alpha: float) -> None:
            surface.fill((255, 255, 255))

    app.stack.push(WhiteScene())
    app.stack.push("pause")
    app.stack.draw(app.screen, 0.0)
    right_of_the_hints = (FOOTER.right - 40, FOOTER.centery)
    assert tuple(app.screen.get_at(right_of_the_hints))[:3] == tuple(C.NIGHT)[:3]


def test_a_pointer_that_did_not_move_does_not_steal_the_menu_s_row(app) -> None:
    """Seen playing: Settings > Window size remade the window, SDL reported the resting pointer
    (a motion of 0, 0) and the highlight jumped to the row under it, so the next Left changed
    another setting."""
    still = pygame.event.Event(pygame.MOUSEMOTION, pos=(640, 352), rel=(0, 0), buttons=(0, 0, 0))
    moved = pygame.event.Event(pygame.MOUSEMOTION, pos=(640, 352), rel=(3, 1), buttons=(0, 0, 0))
    app.run("settings", frames=4, script={2: [still]})
    scene = app.stack.top
    assert scene.menu.selected == 0
    pygame.event.post(moved)
    app._events()
    assert scene.menu.selected != 0  # a real move still picks the row under the pointer


def test_settings_says_the_window_was_shrunk_to_fit_the_desktop(app, monkeypatch) -> None:
    """Seen playing on a 1280x720 desktop: Settings said "1600 X 900" for a 1280x720 window."""
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1280, 720)])
    scene = app.stack.push("settings")
    app.settings.window_scale = 1.25
    assert app.fitted_window_scale() == 1.0
    text = scene.value_text("window_scale")
    assert text.startswith("1280 x 720") and "1600 x 900 does not fit" in text
    app.settings.window_scale = 0.75  # it fits: just the size
    assert scene.value_text("window_scale") == "960 x 540"
    app.stack.draw(app.screen, 0.0)  # the longer value is drawn without error
