"""How to fight: every move of the ring with each player's keys, read from his bindings.

The fight intro names a player's punches for a few seconds; slips, ducks, the clinch and the
body shots are combinations nobody guesses. Opened from the pause menu.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.input.bindings import key_caption
from game.states.base import Scene
from game.ui import colours as C
from game.ui.widgets import blit_text, draw_hints

#: (move, how, in that player's keys: {action} is replaced by his key for it)
MOVES: tuple[tuple[str, str], ...] = (
    ("Move", "{left} {right} (toward and away)"),
    ("Jab / cross", "{jab} / {cross}"),
    ("Hook / uppercut", "{hook} / {uppercut}"),
    ("To the body", "hold {down} + a punch"),
    ("Guard high / low", "hold {guard} / {guard} + {down}"),
    ("Slip left / right", "{dodge} + {left} / {right}"),
    ("Duck / step back", "{dodge} + {down} / {dodge} alone"),
    ("Clinch", "{guard} + toward, up close"),
    ("Pause", "{pause}"),
)
TIPS = (
    "Punching, blocking and moving cost stamina: a tired man punches slow and his guard leaks.",
    "Heavy punches wind up: see it coming and slip, or beat it with a jab (a counter hurts more).",
    "Down? Mash your punches to beat the count. Each knockdown makes getting up harder.",
)


def move_keys(keymap: dict[str, list[str]], how: str) -> str:
    """``how`` with each {action} replaced by the first key bound to it, in brackets so a key
    like "/" reads as a key ("[/] + [DOWN]"); "[-]" for none."""
    names = {a.value: f"[{key_caption(keymap[a.value][0]) if keymap.get(a.value) else '-'}]"
             for a in Action}
    return how.format(**names)


class HelpScene(Scene):
    opaque = True  # the whole screen: nothing below may show through the text
    pausable = False

    def handle(self, item: Any) -> None:
        assert self.app is not None
        if (isinstance(item, ActionEvent) and item.pressed and not item.repeat
                and item.action in (Action.BACK, Action.CONFIRM, Action.PAUSE)):
            self.app.audio.play("ui_back")
            self.app.stack.pop()
        elif getattr(item, "type", None) == pygame.MOUSEBUTTONDOWN:
            self.app.stack.pop()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        surface.fill(C.NIGHT)  # the pause menu below must not show through the text
        blit_text(surface, fonts.display(66), "HOW TO FIGHT", (80, 26), C.CREAM, shadow=3)
        pygame.draw.rect(surface, C.RED, (82, 98, 64, 5))
        maps = self.app.settings.bindings
        cols = ((520, "PLAYER 1", maps[0]), (860, "PLAYER 2", maps[1]))
        for x, title, _ in cols:
            blit_text(surface, fonts.bold(18), title, (x, 128), C.GOLD)
        for i, (move, how) in enumerate(MOVES):
            y = 160 + 38 * i
            blit_text(surface, fonts.display(32), move.upper(), (80, y), C.TEXT)
            for x, _, keymap in cols:
                blit_text(surface, fonts.body(20), move_keys(keymap, how), (x, y + 6), C.CREAM)
        for i, tip in enumerate(TIPS):
            blit_text(surface, fonts.body(19), tip, (80, 520 + 30 * i), C.TEXT_DIM)
        blit_text(surface, fonts.body(19), "Pads: left stick moves, X Y B A punch, LB guards, "
                  "RB dodges, Start pauses. Settings > Controls rebinds any of it.",
                  (80, 620), C.TEXT_DIM)
        draw_hints(surface, fonts, [("ESC", "Back")])
