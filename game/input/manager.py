"""Turns pygame events into per-player ActionEvents and keeps what each player holds.

Game controllers go through SDL's game-controller API (CONTROLLER* events), with hot-plug: pads
are assigned to players in the order they appear; a pad removed while it was assigned is reported
through ``take_disconnects()`` so the app can pause and say so.
"""
from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent, to_buttons
from game.input.bindings import (
    AXIS_PRESS,
    AXIS_RELEASE,
    DEFAULT_PAD_AXES,
    KeyMap,
    default_keys,
    default_pad_buttons,
)

log = logging.getLogger(__name__)

_ACTION_BY_VALUE = {a.value: a for a in Action}
_PAD_BUTTON_NAMES = {
    pygame.CONTROLLER_BUTTON_A: "a", pygame.CONTROLLER_BUTTON_B: "b",
    pygame.CONTROLLER_BUTTON_X: "x", pygame.CONTROLLER_BUTTON_Y: "y",
    pygame.CONTROLLER_BUTTON_BACK: "back", pygame.CONTROLLER_BUTTON_GUIDE: "guide",
    pygame.CONTROLLER_BUTTON_START: "start",
    pygame.CONTROLLER_BUTTON_LEFTSTICK: "leftstick",
    pygame.CONTROLLER_BUTTON_RIGHTSTICK: "rightstick",
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "leftshoulder",
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "rightshoulder",
    pygame.CONTROLLER_BUTTON_DPAD_UP: "dpup", pygame.CONTROLLER_BUTTON_DPAD_DOWN: "dpdown",
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: "dpleft", pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "dpright",
}
_PAD_AXIS_NAMES = {
    pygame.CONTROLLER_AXIS_LEFTX: "leftx", pygame.CONTROLLER_AXIS_LEFTY: "lefty",
    pygame.CONTROLLER_AXIS_RIGHTX: "rightx", pygame.CONTROLLER_AXIS_RIGHTY: "righty",
    pygame.CONTROLLER_AXIS_TRIGGERLEFT: "lefttrigger",
    pygame.CONTROLLER_AXIS_TRIGGERRIGHT: "righttrigger",
}
_DIRECTIONS = (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT)
#: Menu auto-repeat for held directions, in 60 Hz ticks.
REPEAT_DELAY_TICKS = 24
REPEAT_EVERY_TICKS = 6


def key_code(name: str) -> int:
    """Key code for an SDL key name (raises ValueError). Works before pygame.init()."""
    with warnings.catch_warnings():  # pygame warns before init; SDL's name table needs none
        warnings.simplefilter("ignore")
        return pygame.key.key_code(name)


def pad_button_name(button: int) -> str:
    """The SDL game-controller name of a pad button ("a", "start", "dpup" ...), "" if unknown."""
    return _PAD_BUTTON_NAMES.get(button, "")


def key_name(key: int) -> str:
    """The SDL name of a key code, lower case, as stored in the settings file."""
    return pygame.key.name(key, use_compat=False).lower()


class InputManager:
    """Keyboard + controllers -> actions for players 0 and 1."""

    def __init__(self, keymaps: list[KeyMap] | None = None) -> None:
        self._key_actions: dict[int, list[tuple[int, Action]]] = {}
        self.set_keymaps(keymaps or default_keys())
        self._pad_buttons: dict[str, list[str]] = default_pad_buttons()
        # player -> action -> set of things holding it down (keys, pad buttons, axes)
        self._holders: list[dict[Action, set[tuple]]] = [{}, {}]
        self._held_ticks: list[dict[Action, int]] = [{}, {}]
        self._pads: dict[int, Any] = {}  # instance id -> Controller
        self._pad_player: dict[int, int] = {}  # instance id -> player
        self._disconnects: list[int] = []  # players whose pad was pulled out
        self._connects: list[tuple[int, str]] = []  # (player, pad name) plugged in
        self._axis_dir: dict[tuple[int, int], int] = {}  # (instance, axis) -> -1/0/+1

    # -- configuration ---------------------------------------------------------------------
    def set_keymaps(self, keymaps: list[KeyMap]) -> None:
        """Install key maps (action value -> key names) for both players."""
        table: dict[int, list[tuple[int, Action]]] = {}
        for player, keymap in enumerate(keymaps[:2]):
            for action_value, names in keymap.items():
                action = _ACTION_BY_VALUE.get(action_value)
                if action is None:
                    continue
                for name in names:
                    try:
                        code = key_code(name)
                    except ValueError:
                        log.warning("unknown key name %r for %s (player %d)", name, action_value,
                                    player + 1)
                        continue
                    table.setdefault(code, []).append((player, action))
        self._key_actions = table

    def set_pad_buttons(self, pad_buttons: dict[str, list[str]]) -> None:
        """Install the pad button map (button name -> action values), the same for every pad."""
        self._pad_buttons = {b: list(acts) for b, acts in pad_buttons.items()}

    def init_controllers(self) -> None:
        """Start SDL's game-controller subsystem; pads then arrive as CONTROLLERDEVICEADDED."""
        try:
            from pygame._sdl2 import controller

            controller.init()
        except (ImportError, pygame.error) as exc:  # pragma: no cover - platform dependent
            log.warning("game controllers unavailable: %s", exc)

    # -- queries ---------------------------------------------------------------------------
    def held(self, player: int) -> frozenset[Action]:
        """Actions this player holds right now."""
        return frozenset(a for a, h in self._holders[player].items() if h)

    def is_held(self, player: int, action: Action) -> bool:
        return bool(self._holders[player].get(action))

    def buttons(self, player: int) -> Any:
        """The combat model's Button bits (np.uint16) for what this player holds."""
        return to_buttons(self.held(player))

    def pad_count(self) -> int:
        return len(self._pads)

    def pad_players(self) -> dict[int, int]:
        """Controller instance id -> player index."""
        return dict(self._pad_player)

    def take_disconnects(self) -> list[int]:
        """Players (0/1) whose assigned pad was removed since the last call."""
        out, self._disconnects = self._disconnects, []
        return out

    def take_connects(self) -> list[tuple[int, str]]:
        """(player, pad name) for pads plugged in since the last call."""
        out, self._connects = self._connects, []
        return out

    def actions_for_key(self, key: int) -> list[tuple[int, Action]]:
        return list(self._key_actions.get(key, ()))

    # -- events ----------------------------------------------------------------------------
    def process(self, event: pygame.event.Event) -> list[ActionEvent]:
        """Map one pygame event to zero or more ActionEvents (and track held state)."""
        t = event.type
        if t == pygame.KEYDOWN:
            return self._press_all(("key", event.key), self._key_actions.get(event.key, ()),
                                   "key")
        if t == pygame.KEYUP:
            return self._release_all(("key", event.key), self._key_actions.get(event.key, ()),
                                     "key")
        if t == pygame.CONTROLLERDEVICEADDED:
            self._add_pad(event.device_index)
            return []
        if t == pygame.CONTROLLERDEVICEREMOVED:
            return self._remove_pad(event.instance_id)
        if t in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            player = self._player_for_pad(event.instance_id)
            name = _PAD_BUTTON_NAMES.get(event.button, "")
            pairs = [(player, _ACTION_BY_VALUE[a]) for a in self._pad_buttons.get(name, ())
                     if a in _ACTION_BY_VALUE]
            holder = ("pad", event.instance_id, event.button)
            if t == pygame.CONTROLLERBUTTONDOWN:
                return self._press_all(holder, pairs, "pad")
            return self._release_all(holder, pairs, "pad")
        if t == pygame.CONTROLLERAXISMOTION:
            return self._axis(event.instance_id, event.axis, event.value)
        if t in (pygame.WINDOWFOCUSLOST,):
            return self.release_everything()
        return []

    def tick(self) -> list[ActionEvent]:
        """Advance one 60 Hz step: auto-repeat events for held menu directions."""
        out: list[ActionEvent] = []
        for player in (0, 1):
            counters = self._held_ticks[player]
            for action in _DIRECTIONS:
                if self._holders[player].get(action):
                    n = counters.get(action, 0) + 1
                    counters[action] = n
                    if n >= REPEAT_DELAY_TICKS and (n - REPEAT_DELAY_TICKS) % REPEAT_EVERY_TICKS == 0:
                        out.append(ActionEvent(action, player, True, "key", repeat=True))
                else:
                    counters.pop(action, None)
        return out

    def release_everything(self) -> list[ActionEvent]:
        """Drop all held state (focus lost); returns the release events."""
        out = []
        for player in (0, 1):
            for action, holders in self._holders[player].items():
                if holders:
                    holders.clear()
                    out.append(ActionEvent(action, player, False, "key"))
            self._held_ticks[player].clear()
        self._axis_dir.clear()
        return out

    # -- internals -------------------------------------------------------------------------
    def _press_all(self, holder: tuple, pairs: Iterable[tuple[int, Action]],
                   source: str) -> list[ActionEvent]:
        out = []
        for player, action in pairs:
            holders = self._holders[player].setdefault(action, set())
            was = bool(holders)
            holders.add(holder)
            if not was:
                self._held_ticks[player][action] = 0
                out.append(ActionEvent(action, player, True, source))
        return out

    def _release_all(self, holder: tuple, pairs: Iterable[tuple[int, Action]],
                     source: str) -> list[ActionEvent]:
        out = []
        for player, action in pairs:
            holders = self._holders[player].get(action)
            if holders and holder in holders:
                holders.discard(holder)
                if not holders:
                    out.append(ActionEvent(action, player, False, source))
        return out

    def _axis(self, instance: int, axis: int, value: int) -> list[ActionEvent]:
        name = _PAD_AXIS_NAMES.get(axis, "")
        old = self._axis_dir.get((instance, axis), 0)
        if abs(value) >= AXIS_PRESS:
            new = 1 if value > 0 else -1
        elif abs(value) <= AXIS_RELEASE:
            new = 0
        else:
            new = old  # hysteresis: between the thresholds nothing changes
        if new == old:
            return []
        self._axis_dir[(instance, axis)] = new
        player = self._player_for_pad(instance)
        out: list[ActionEvent] = []
        if old:
            action = DEFAULT_PAD_AXES.get((name, old))
            if action:
                out += self._release_all(("axis", instance, axis, old),
                                         [(player, _ACTION_BY_VALUE[action])], "pad")
        if new:
            action = DEFAULT_PAD_AXES.get((name, new))
            if action:
                out += self._press_all(("axis", instance, axis, new),
                                       [(player, _ACTION_BY_VALUE[action])], "pad")
        return out

    def _player_for_pad(self, instance: int) -> int:
        if instance not in self._pad_player:
            taken = set(self._pad_player.values())
            self._pad_player[instance] = 0 if 0 not in taken else 1 if 1 not in taken else 0
        return self._pad_player[instance]

    def _add_pad(self, device_index: int) -> None:
        try:
            from pygame._sdl2 import controller

            pad = controller.Controller(device_index)
            instance = pad.as_joystick().get_instance_id()
        except Exception as exc:  # noqa: BLE001 - a bad pad must not stop the game
            log.warning("could not open controller %s: %s", device_index, exc)
            return
        self._pads[instance] = pad
        player = self._player_for_pad(instance)
        self._connects.append((player, str(getattr(pad, "name", "") or "controller")))
        log.info("controller %s (%s) -> player %d", instance, getattr(pad, "name", "?"),
                 player + 1)

    def _remove_pad(self, instance: int) -> list[ActionEvent]:
        """Forget a pad; release what it held (other keys/pads may still hold those actions)."""
        self._pads.pop(instance, None)
        player = self._pad_player.pop(instance, None)
        out: list[ActionEvent] = []
        for pl in (0, 1):
            for action, holders in self._holders[pl].items():
                mine = [h for h in holders if h[0] in ("pad", "axis") and h[1] == instance]
                if mine:
                    holders.difference_update(mine)
                    if not holders:
                        out.append(ActionEvent(action, pl, False, "pad"))
        for key in [k for k in self._axis_dir if k[0] == instance]:
            del self._axis_dir[key]
        if player is not None:
            log.info("controller %s removed (player %d)", instance, player + 1)
            self._disconnects.append(player)
        return out
