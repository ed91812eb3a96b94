"""In play: the select screen's confirm, pads rebound like keys, one meaning per key."""
from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.input.actions import Action, ActionEvent
from game.input.bindings import FIGHT_GROUP, default_keys, default_pad_buttons, rebind_pad
from game.input.manager import key_code
from game.settings import Settings, load_settings
from game.states.base import Scene


def key(name: str, down: bool = True) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=key_code(name),
                              mod=0, scancode=0, unicode="")


def pad(button: int, down: bool = True, instance: int = 4) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERBUTTONDOWN if down else pygame.CONTROLLERBUTTONUP,
                              instance_id=instance, button=button)


class Recorder(Scene):
    pausable = True

    def __init__(self) -> None:
        super().__init__()
        self.actions: list[Action] = []

    def handle(self, item) -> None:
        if isinstance(item, ActionEvent) and item.pressed:
            self.actions.append(item.action)


def _select_then(app, *keys: str) -> str:
    from game.bout.setup import BoutSetup as VersusSetup
    from game.bout.setup import SideSetup

    setup = VersusSetup((SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu")))
    app._start = lambda start: (app.stack.push("menu"), app.stack.push("versus_select",
                                                                       setup=setup))
    script = {}
    for i, name in enumerate(keys):
        script[10 + 6 * i] = [key(name)]
        script[12 + 6 * i] = [key(name, False)]
    app.run(frames=14 + 6 * len(keys), script=script)
    return app.stack.top.name


def test_enter_on_the_select_screen_fights_with_a_cpu_in_the_blue_corner(app) -> None:
    assert _select_then(app, "return") == "versus_intro"


def test_player_ones_confirm_fights_from_any_row(app) -> None:
    assert _select_then(app, "space") == "versus_intro"


def test_the_select_footer_names_a_confirm_of_each_player() -> None:
    from game.states.versus import select_draw as versus_select_draw

    source = Path(versus_select_draw.__file__).read_text()
    keys = default_keys()
    assert '("ENTER / SPACE", "Fight")' in source
    assert "return" in keys[1]["confirm"] and "space" in keys[0]["confirm"]


def test_no_key_has_two_meanings_in_one_group() -> None:
    for keymap in default_keys():
        for group in (FIGHT_GROUP, {"confirm", "back", "pause"}):
            keys = [k for action, ks in keymap.items() if action in group for k in ks]
            assert len(keys) == len(set(keys)), keys
    for button, actions in default_pad_buttons().items():
        fight = [a for a in actions if a in FIGHT_GROUP]
        assert len(fight) <= 1 and len(actions) - len(fight) <= 1, button


def test_escape_pauses_a_fight_and_only_pauses_it(app) -> None:
    scene = Recorder()
    app._start = lambda start: app.stack.push(scene)
    app.run(frames=6, script={2: [key("escape")], 3: [key("escape", False)]})
    assert scene.actions == [Action.PAUSE]  # (the ring pushes the pause overlay on it)


def test_a_pads_b_stays_a_hook_in_a_fight(app) -> None:
    scene = Recorder()
    app._start = lambda start: app.stack.push(scene)
    app.run(frames=6, script={2: [pad(pygame.CONTROLLER_BUTTON_B)],
                              3: [pad(pygame.CONTROLLER_BUTTON_B, False)]})
    assert app.stack.top is scene
    assert Action.HOOK in scene.actions and Action.PAUSE not in scene.actions


def test_escape_on_the_title_asks_to_quit_and_does_not_start(app) -> None:
    app.run("title", frames=20, script={12: [key("escape")], 14: [key("escape", False)]})
    assert app.stack.top.name == "confirm"
    assert "title" in [s.name for s in app.stack._scenes]


def test_an_old_file_with_escape_for_back_and_pause_is_given_one_meaning(home: Path) -> None:
    data = Settings().to_json()
    data["bindings"][0]["pause"] = ["escape"]
    data["music_volume"] = 0.3
    home.mkdir(parents=True)
    (home / "settings.json").write_text(json.dumps(data))
    settings, message = load_settings()
    assert settings.bindings[0]["back"] == ["escape"]
    assert settings.bindings[0]["pause"] == default_keys()[0]["pause"] != ["escape"]
    assert settings.music_volume == 0.3 and message is None


def test_rebind_pad_swaps_within_a_group() -> None:
    pads = default_pad_buttons()
    rebind_pad(pads, "jab", "a")
    assert pads["a"] == ["confirm", "jab"]  # a keeps its menu meaning, punches a jab now
    assert pads["x"] == ["uppercut"]  # the uppercut moved to the jab's old button
    rebind_pad(pads, "pause", "back")
    assert pads["back"] == ["pause"] and pads["start"] == ["back"]


def test_a_pad_button_is_rebound_in_the_controls_screen_and_saved(app, home: Path) -> None:
    app._start = lambda start: (app.stack.push("menu"), app.stack.push("controls", player=0))
    script = {2: [key("s")], 3: [key("s", False)], 4: [key("s")], 5: [key("s", False)],
              6: [key("s")], 7: [key("s", False)], 8: [key("s")], 9: [key("s", False)],
              10: [key("f")], 11: [key("f", False)],  # rebind JAB ...
              13: [pad(pygame.CONTROLLER_BUTTON_Y)],  # ... to the pad's Y
              14: [pad(pygame.CONTROLLER_BUTTON_Y, False)],
              16: [key("escape")], 17: [key("escape", False)]}  # back (saves)
    app.run(frames=20, script=script)
    assert app.stack.top.name == "menu"
    assert "jab" in app.settings.pad_buttons["y"]
    saved = json.loads((home / "settings.json").read_text())["pad_buttons"]
    assert "jab" in saved["y"] and "cross" in saved["x"]
    events = app.input.process(pad(pygame.CONTROLLER_BUTTON_Y, instance=9))
    assert [e.action for e in events] == [Action.JAB]
    assert load_settings()[0].pad_buttons == app.settings.pad_buttons


def test_a_bad_pad_entry_resets_that_button_only(home: Path) -> None:
    data = Settings().to_json()
    data["pad_buttons"]["a"] = ["kick"]
    data["pad_buttons"]["y"] = ["jab"]
    home.mkdir(parents=True)
    (home / "settings.json").write_text(json.dumps(data))
    settings, message = load_settings()
    assert settings.pad_buttons["a"] == default_pad_buttons()["a"]
    assert settings.pad_buttons["y"] == ["jab"]
    assert message and "pad_buttons.a" in message


def test_escape_in_the_real_ring_opens_the_pause_overlay(app) -> None:
    from game.bout.setup import BoutSetup as VersusSetup
    from game.bout.setup import SideSetup

    setup = VersusSetup((SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu")))
    app._start = lambda start: (app.stack.push("menu"), app.stack.push("ring", setup=setup))
    app.run(frames=12, script={6: [key("escape")], 8: [key("escape", False)]})
    assert app.stack.top.name == "pause"
    app._start = lambda start: None
    now = app.frame
    app.run(frames=now + 6, script={now + 2: [key("escape")], now + 4: [key("escape", False)]})
    assert [s.name for s in app.stack._scenes] == ["menu", "ring"]  # Esc in the overlay resumes


class _Blank(Scene):
    """An opaque black screen with nothing on it."""

    def draw(self, surface, alpha) -> None:
        surface.fill((0, 0, 0))


def test_a_yes_no_dialog_over_the_pause_menu_shows_its_own_keys_not_the_pauses(app) -> None:
    """Seen leaving a fight: the dialog kept the pause menu's "ESC / P Resume" footer."""
    from game.states.confirm import FOOTER

    def footer_with(*below: str) -> bytes:
        app.stack.clear()
        app.stack.push(_Blank())
        for name in below:
            app.stack.push(name)
        app.stack.push("confirm", question="Leave this fight?")
        app.stack.draw(app.screen, 0.0)
        return pygame.image.tobytes(app.screen.subsurface(FOOTER), "RGB")

    assert footer_with("pause") == footer_with()
