"""Sparring's own picture: the gym while the bout is fought in the ring scene."""
from __future__ import annotations

import pygame

from game.states.training.art import art
from game.states.training.views.base import DrillView
from game.ui import colours as C
from game.ui.widgets import blit_text


class SparringView(DrillView):
    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        surface.blit(art("gym"), (0, 0))
        self.boxer.draw(surface, self.boxer_x, self.feet_y, t_s)
        blit_text(surface, self.app.fonts.display(64), "INTO THE RING", (900, 300), C.GOLD,
                  "center", shadow=3)
