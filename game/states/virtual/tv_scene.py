"""The TV verdict of a run, full size on a TV set over the dimmed results (game.render.tv)."""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.render.tv import TvShow
from game.states.base import Scene
from game.states.versus.common import audio_call
from game.ui.text import shade
from game.ui.widgets import draw_hints

SCREEN = pygame.Rect(0, 0, 1088, 612)  # 16:9, centred
SCREEN.center = (640, 340)


class TvScene(Scene):
    """An overlay: the show plays until ENTER or ESC."""

    opaque = False

    def __init__(self, verdict: Any) -> None:
        super().__init__()
        self.show = TvShow(verdict)
        self.t_ticks = 0

    def handle(self, item: Any) -> None:
        if isinstance(item, ActionEvent) and item.pressed and not item.repeat \
                and item.action in (Action.CONFIRM, Action.BACK):
            audio_call(self.app, "play", "ui_back")
            assert self.app is not None
            self.app.stack.pop()
        elif getattr(item, "type", None) == pygame.MOUSEBUTTONDOWN:
            assert self.app is not None
            self.app.stack.pop()

    def update(self, tick: int) -> None:
        self.t_ticks += 1

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        surface.blit(shade(surface.get_size(), (4, 4, 8, 236)), (0, 0))
        surface.fill((4, 4, 8), (0, 676, surface.get_width(), 44))  # under our own hints
        bezel = SCREEN.inflate(28, 28)
        pygame.draw.rect(surface, (22, 22, 26), bezel, border_radius=14)
        pygame.draw.rect(surface, (54, 54, 60), bezel, 2, border_radius=14)
        self.show.draw(surface, SCREEN, self.t_ticks + alpha)
        fonts = getattr(self.app, "fonts", None)
        if fonts is not None:
            draw_hints(surface, fonts, [("ENTER", "Back to the results"), ("ESC", "Back")],
                       y=700)
