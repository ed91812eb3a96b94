"""A yes/no dialog over the scene below. "No" is selected first, so a stray press is safe."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, slab, wrap

FOOTER = pygame.Rect(0, 660, 1280, 60)  # the key hints' strip at the bottom of every screen
HINTS = [("LEFTRIGHT", "Choose"), ("ENTER / F", "Select"), ("ESC", "No")]


class ConfirmScene(Scene):
    opaque = False

    def __init__(self, question: str = "Are you sure?", detail: str = "", yes: str = "YES",
                 no: str = "NO", on_yes: Callable[[], None] | None = None,
                 on_no: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.question, self.detail = question, detail
        self.on_yes, self.on_no = on_yes, on_no
        self.menu = MenuList([MenuItem(no, "no"), MenuItem(yes, "yes")])
        self.answer: str | None = None

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.menu.on_move = lambda: app.audio.play("ui_move")

    def handle(self, item: Any) -> None:
        assert self.app is not None
        if isinstance(item, ActionEvent) and item.pressed and item.action in (Action.LEFT,
                                                                               Action.RIGHT):
            self.menu.move(1)  # the buttons sit side by side
            return
        choice = self.menu.handle(item)
        if choice is None:
            return
        self.answer = "yes" if choice == "yes" else "no"
        self.app.audio.play("ui_confirm" if self.answer == "yes" else "ui_back")
        self.app.stack.pop()
        callback = self.on_yes if self.answer == "yes" else self.on_no
        if callback:
            callback()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        dim(surface, 150)
        # the scene below keeps its own footer (a pause menu's "ESC / P Resume"): cover it and
        # name this dialog's keys instead
        surface.fill(C.NIGHT, FOOTER)
        draw_hints(surface, fonts, HINTS)
        box = pygame.Rect(0, 0, 640, 280)
        box.center = (640, 360)
        pygame.draw.rect(surface, (14, 14, 22), box)
        pygame.draw.rect(surface, C.GOLD, (box.x, box.y, box.w, 5))
        blit_text(surface, fonts.display(60), self.question.upper(), (640, box.y + 30), C.CREAM,
                  "midtop")
        for i, line in enumerate(wrap(fonts.body(22), self.detail, box.w - 80)[:2]):
            blit_text(surface, fonts.body(22), line, (640, box.y + 104 + 28 * i), C.TEXT_DIM,
                      "midtop")
        self.menu.rects = []
        for i, item in enumerate(self.menu.items):
            rect = pygame.Rect(0, 0, 220, 58)
            rect.center = (640 + (i * 2 - 1) * 130, box.bottom - 56)
            self.menu.rects.append(rect)
            selected = i == self.menu.selected
            if selected:
                slab(surface, rect, C.RED, 12)
            else:
                pygame.draw.rect(surface, C.SMOKE, rect.move(6, 0), 2)
            blit_text(surface, fonts.display(42), item.label, (rect.centerx + 6, rect.centery + 2),
                      C.CREAM if selected else C.TEXT_DIM, "center")
