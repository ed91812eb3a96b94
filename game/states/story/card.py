"""A chapter's title card: black, the title, a line under it; then the chapter itself."""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.ui import colours as C
from game.ui.widgets import blit_text

HOLD_TICKS = 170
FADE_TICKS = 24


class StoryCardScene(Scene):
    def __init__(self, title: str, subtitle: str, then: tuple[str, dict[str, Any]],
                 hold_ticks: int = HOLD_TICKS) -> None:
        super().__init__()
        self.title, self.subtitle, self.then = title, subtitle, then
        self.hold_ticks = hold_ticks
        self.t = 0

    def handle(self, item: Any) -> None:
        if isinstance(item, ActionEvent) and item.pressed and item.action is Action.CONFIRM \
                and self.t > 20:
            self._go()

    def update(self, tick: int) -> None:
        self.t += 1
        if self.t >= self.hold_ticks:
            self._go()

    def _go(self) -> None:
        assert self.app is not None
        name, kwargs = self.then
        self.app.stack.replace(name, **kwargs)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        surface.fill(C.NIGHT)
        t = self.t + alpha
        k = min(1.0, t / FADE_TICKS, max(0.0, (self.hold_ticks - t) / FADE_TICKS))
        fonts = self.app.fonts
        col = tuple(int(c * k) for c in C.GOLD)
        blit_text(surface, fonts.bold(26), self.title.upper(), (640, 300), col, "center")
        w = int(220 * k)
        pygame.draw.rect(surface, tuple(int(c * k) for c in C.RED), (640 - w // 2, 330, w, 4))
        blit_text(surface, fonts.display(96), self.subtitle.upper(), (640, 400),
                  tuple(int(c * k) for c in C.CREAM), "center")
