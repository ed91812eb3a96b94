"""Keyboard and controller events -> per-player actions, held state and combat Button bits."""
from __future__ import annotations

import pygame
import pytest

from game.input.actions import Action, ActionEvent, to_buttons
from game.input.bindings import DEFAULT_KEYS, default_keys
from game.input.manager import REPEAT_DELAY_TICKS, REPEAT_EVERY_TICKS, InputManager, key_code
from game.states.controls import rebind


def key(kind: int, name: str) -> pygame.event.Event:
    return pygame.event.Event(kind, key=key_code(name), mod=0, scancode=0)


def pad_button(kind: int, button: int, instance: int = 5) -> pygame.event.Event:
    return pygame.event.Event(kind, instance_id=instance, button=button)


def test_player_one_key_maps_to_fight_and_menu_actions() -> None:
    inp = InputManager()
    events = inp.process(key(pygame.KEYDOWN, "f"))
    assert ActionEvent(Action.JAB, 0, True, "key") in events
    assert ActionEvent(Action.CONFIRM, 0, True, "key") in events
    assert inp.held(0) == {Action.JAB, Action.CONFIRM}
    assert inp.held(1) == frozenset()
    released = inp.process(key(pygame.KEYUP, "f"))
    assert {e.action for e in released} == {Action.JAB, Action.CONFIRM}
    assert not any(e.pressed for e in released)
    assert inp.held(0) == frozenset()


def test_player_two_keys_belong_to_player_two() -> None:
    inp = InputManager()
    events = inp.process(key(pygame.KEYDOWN, "k"))
    assert {(e.player, e.action) for e in events} == {(1, Action.JAB), (1, Action.CONFIRM)}


def test_default_keyboard_regions_do_not_overlap_between_players() -> None:
    p1 = {k for keys in DEFAULT_KEYS[0].values() for k in keys}
    p2 = {k for keys in DEFAULT_KEYS[1].values() for k in keys}
    assert not p1 & p2


def test_held_actions_become_combat_button_bits() -> None:
    from game.combat.inputs import Button

    inp = InputManager()
    for name in ("d", "s", "g"):  # right, down, cross (body cross)
        inp.process(key(pygame.KEYDOWN, name))
    bits = inp.buttons(0)
    assert int(bits) == int(Button.RIGHT | Button.DOWN | Button.CROSS)
    assert bits.dtype.name == "uint16"
    assert int(to_buttons([Action.CONFIRM, Action.PAUSE])) == 0


def test_two_keys_for_one_action_release_only_when_both_are_up() -> None:
    inp = InputManager()
    inp.process(key(pygame.KEYDOWN, "f"))
    inp.process(key(pygame.KEYDOWN, "space"))  # also confirm
    inp.process(key(pygame.KEYUP, "f"))
    assert inp.is_held(0, Action.CONFIRM)
    inp.process(key(pygame.KEYUP, "space"))
    assert not inp.is_held(0, Action.CONFIRM)


def test_controller_buttons_map_to_actions_for_the_pads_player() -> None:
    inp = InputManager()
    events = inp.process(pad_button(pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLER_BUTTON_X))
    assert events == [ActionEvent(Action.JAB, 0, True, "pad")]
    events = inp.process(pad_button(pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLER_BUTTON_A,
                                    instance=9))
    assert {(e.player, e.action) for e in events} == {(1, Action.UPPERCUT), (1, Action.CONFIRM)}


def test_stick_needs_a_clear_push_and_releases_with_hysteresis() -> None:
    inp = InputManager()

    def axis(value: int) -> list[ActionEvent]:
        return inp.process(pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=3,
                                              axis=pygame.CONTROLLER_AXIS_LEFTX, value=value))

    assert axis(8000) == []
    assert axis(-20000) == [ActionEvent(Action.LEFT, 0, True, "pad")]
    assert axis(-13000) == []  # between the thresholds: still held
    assert inp.is_held(0, Action.LEFT)
    assert axis(0) == [ActionEvent(Action.LEFT, 0, False, "pad")]


def test_pulling_out_a_pad_releases_its_buttons_and_reports_the_player() -> None:
    inp = InputManager()
    inp.process(pad_button(pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLER_BUTTON_LEFTSHOULDER))
    assert inp.is_held(0, Action.GUARD)
    released = inp.process(pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=5))
    assert released == [ActionEvent(Action.GUARD, 0, False, "pad")]
    assert not inp.is_held(0, Action.GUARD)
    assert inp.take_disconnects() == [0]
    assert inp.take_disconnects() == []


def test_held_menu_direction_auto_repeats_after_a_delay() -> None:
    inp = InputManager()
    inp.process(key(pygame.KEYDOWN, "down"))
    repeats = [inp.tick() for _ in range(REPEAT_DELAY_TICKS + 2 * REPEAT_EVERY_TICKS)]
    fired = [i + 1 for i, r in enumerate(repeats) if r]
    assert fired == [REPEAT_DELAY_TICKS, REPEAT_DELAY_TICKS + REPEAT_EVERY_TICKS,
                     REPEAT_DELAY_TICKS + 2 * REPEAT_EVERY_TICKS]
    assert all(e.repeat and e.action is Action.DOWN and e.player == 1 for r in repeats for e in r)


def test_losing_focus_releases_everything() -> None:
    inp = InputManager()
    inp.process(key(pygame.KEYDOWN, "w"))
    released = inp.process(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    assert ActionEvent(Action.UP, 0, False, "key") in released
    assert inp.held(0) == frozenset()


def test_rebinding_swaps_within_a_player_and_refuses_the_other_players_keys() -> None:
    maps = default_keys()
    assert rebind(maps, 0, "jab", "g") is None  # g was cross: the two swap
    assert maps[0]["jab"] == ["g"] and maps[0]["cross"] == ["f"]
    error = rebind(maps, 0, "hook", "k")
    assert error is not None and "player 2" in error
    assert maps[0]["hook"] == ["r"]
    inp = InputManager(maps)
    assert {e.action for e in inp.process(key(pygame.KEYDOWN, "g"))} == {Action.JAB}


@pytest.mark.parametrize("name", ["nonsense key name"])
def test_unknown_key_names_in_bindings_are_skipped_not_fatal(name: str) -> None:
    maps = default_keys()
    maps[0]["jab"] = [name, "f"]
    inp = InputManager(maps)
    assert Action.JAB in {e.action for e in inp.process(key(pygame.KEYDOWN, "f"))}
