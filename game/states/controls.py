"""Rebinding one player's keys and the pads' buttons. Choose an action, press the new key or pad
button (Esc cancels). Pad buttons are one map for every pad.

A key already used by the same player's other action is swapped with it; a key that belongs to
the other player is refused (one keyboard, two players: their keys must stay apart).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.input.actions import Action
from game.input.bindings import default_keys, default_pad_buttons, group_of, rebind_pad
from game.input.manager import key_name, pad_button_name
from game.settings import known_key_name
from game.states.base import Scene
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, slab

if TYPE_CHECKING:
    from game.app import App

PAD_LABELS = {"a": "A", "b": "B", "x": "X", "y": "Y", "back": "BACK", "guide": "GUIDE",
              "start": "START", "leftstick": "L3", "rightstick": "R3", "leftshoulder": "LB",
              "rightshoulder": "RB", "dpup": "D-UP", "dpdown": "D-DOWN", "dpleft": "D-LEFT",
              "dpright": "D-RIGHT"}
PAD_HELP = "sticks move, LT guards, RT dodges; every pad uses the buttons shown in each row"


def pad_label(pad_buttons: dict[str, list[str]], action: str) -> str:
    """The pad button(s) that do ``action``, as printed on the pad ("A", "LB" ...)."""
    return " / ".join(PAD_LABELS.get(b, b.upper()) for b, acts in pad_buttons.items()
                      if action in acts)
REBINDABLE: tuple[Action, ...] = (
    Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT, Action.JAB, Action.CROSS, Action.HOOK,
    Action.UPPERCUT, Action.GUARD, Action.DODGE, Action.CONFIRM, Action.BACK, Action.PAUSE,
)


def rebind(keymaps: list[dict[str, list[str]]], player: int, action: str,
           key: str) -> str | None:
    """Bind ``key`` as the (only) key for ``action``; returns an error message or None."""
    other = 1 - player
    for other_action, keys in keymaps[other].items():
        if key in keys:
            return f"'{key.upper()}' is player {other + 1}'s {other_action} key."
    mine = keymaps[player]
    old = list(mine.get(action, []))
    fight = {a.value for a in REBINDABLE[:10]}
    for other_action, keys in mine.items():
        if other_action != action and key in keys and (other_action in fight) == (action in fight):
            # swap within the same group (fight keys with fight keys, menu keys with menu keys)
            new_keys = [k for k in keys if k != key]
            if old and old[0] not in new_keys:
                new_keys.insert(0, old[0])
            keys[:] = new_keys
    mine[action] = [key]
    return None


def swap_note(before: dict[str, list[str]], after: dict[str, list[str]], action: str) -> str:
    """What else a rebinding changed (" (cross is now F)"): a swap the player is not told of
    looks like his other punch stopped working."""
    notes = []
    for other, keys in after.items():
        if other != action and keys != before.get(other, keys):
            now = " / ".join(k.upper() for k in keys) if keys else "no key"
            notes.append(f"{other} is now {now}")
    return f" ({'; '.join(notes)})" if notes else ""


class ControlsScene(Scene):
    def __init__(self, player: int = 0) -> None:
        super().__init__()
        self.player = player
        items = [MenuItem(a.value.title(), a.value) for a in REBINDABLE]
        items += [MenuItem("Reset to defaults", "reset"), MenuItem("Back", "done")]
        self.menu = MenuList(items)
        self.capturing: str | None = None
        self._capture_frame = 0
        self.message = ""

    def enter(self, app: App) -> None:
        super().enter(app)
        self.menu.on_move = lambda: app.audio.play("ui_move")

    def handle(self, item: Any) -> None:
        assert self.app is not None
        app = self.app
        if self.capturing:
            if (getattr(item, "type", None) == pygame.CONTROLLERBUTTONDOWN
                    and app.frame > self._capture_frame):
                self._rebind_pad(pad_button_name(item.button))
                return
            if getattr(item, "type", None) == pygame.KEYDOWN and app.frame > self._capture_frame:
                if item.key == pygame.K_ESCAPE:
                    self.message = "Cancelled."
                elif not known_key_name(key_name(item.key)):
                    # a key with no SDL name (code 0, sent by some real keyboards) could not
                    # be saved and read back: refuse it and keep listening
                    self.message = "That key has no name the game can save; press another."
                    app.audio.play("ui_back")
                    return
                else:
                    before = {a: list(k) for a, k in app.settings.bindings[self.player].items()}
                    error = rebind(app.settings.bindings, self.player, self.capturing,
                                   key_name(item.key))
                    name = key_name(item.key).upper()
                    self.message = error or f"{self.capturing.title()}: {name}" + swap_note(
                        before, app.settings.bindings[self.player], self.capturing)
                    app.apply_settings()
                    app.audio.play("ui_back" if error else "ui_confirm")
                self.capturing = None
            return
        choice = self.menu.handle(item)
        if choice is None:
            return
        if choice in ("back", "done"):
            app.audio.play("ui_back")
            app.save_settings()
            app.stack.pop()
        elif choice == "reset":
            app.settings.bindings[self.player] = default_keys()[self.player]
            app.settings.pad_buttons = default_pad_buttons()
            app.apply_settings()
            self.message = "Defaults restored."
            app.audio.play("ui_confirm")
        else:
            self.capturing = choice
            self._capture_frame = app.frame
            self.message = ""
            app.audio.play("ui_confirm")

    def _rebind_pad(self, button: str) -> None:
        assert self.app is not None and self.capturing is not None
        action = self.capturing
        if not button:
            self.message = "That pad button cannot be bound; press another."
            return
        pads = self.app.settings.pad_buttons
        displaced = [a for a in pads.get(button, [])
                     if a != action and group_of(a) == group_of(action)]
        rebind_pad(pads, action, button)
        label = PAD_LABELS.get(button, button.upper())
        self.message = f"{action.title()}: pad {label}" + (
            f" ({displaced[0]} moved to its old button)" if displaced else "")
        self.app.apply_settings()
        self.app.audio.play("ui_confirm")
        self.capturing = None

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        surface.fill(C.NIGHT)
        accent = C.RED if self.player == 0 else C.BLUE
        pygame.draw.rect(surface, accent, (0, 0, 1280, 8))
        blit_text(surface, fonts.display(72), f"CONTROLS  ·  PLAYER {self.player + 1}", (80, 30),
                  C.CREAM, shadow=3)
        keymap = self.app.settings.bindings[self.player]
        self.menu.rects = []
        for i, item in enumerate(self.menu.items):
            col, row = divmod(i, 8)
            rect = pygame.Rect(80 + col * 560, 130 + row * 54, 520, 46)
            self.menu.rects.append(rect)
            selected = i == self.menu.selected
            if selected:
                slab(surface, rect, accent, 12)
            elif row % 2 == 0:
                dim(surface, 90, rect)
            blit_text(surface, fonts.display(36), item.label.upper(), (rect.x + 24,
                                                                       rect.centery + 2),
                      C.CREAM if selected else C.TEXT, "midleft")
            if item.key in keymap:
                if self.capturing == item.key:
                    text, colour = "PRESS A KEY OR PAD BUTTON...", C.CREAM
                else:
                    text = " / ".join(keymap[item.key]).upper()
                    pad = pad_label(self.app.settings.pad_buttons, item.key)
                    text += f"   ·   PAD {pad}" if pad else ""
                    colour = C.GOLD
                blit_text(surface, fonts.bold(20), text, (rect.right - 20, rect.centery),
                          C.CREAM if selected else colour, "midright")
        blit_text(surface, fonts.bold(18), "GAMEPAD", (80, 580), C.TEXT_DIM)
        blit_text(surface, fonts.body(18), PAD_HELP, (180, 580), C.TEXT_DIM)
        if self.message:
            blit_text(surface, fonts.bold(22), self.message, (80, 640), C.GOLD, "midleft")
        draw_hints(surface, fonts, [("ENTER / F", "Rebind"), ("ESC", "Cancel / back")])
