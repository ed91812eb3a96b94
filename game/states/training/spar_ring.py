"""The ring for sparring: the bout layer's ring scene with the drill's goal on screen."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.states.ring.scene import RingScene
from game.ui import colours as C
from game.ui.widgets import blit_text, dim

# the gym's own ring: sparring is no fight night
GYM_APRON = "DUKE'S GYM  \u2022  SPARRING  \u2022  DUKE'S GYM"


class SparringRingScene(RingScene):
    """RingScene plus a goal box under the round clock: "BODY SHOTS 4 / 10"."""

    apron_text = GYM_APRON
    venue = "gym"  # walls and empty benches behind the ropes, not fight night's stands

    def __init__(self, *args: Any, goal: Callable[[Any], tuple[str, str]] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goal = goal  # session -> (label, value)
        self.goal_rect: pygame.Rect | None = None  # where the goal box was drawn last

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        super().draw(surface, alpha)
        if self.goal is None or self.session is None or self.app is None:
            return
        label, value = self.goal(self.session)
        fonts = self.app.fonts
        box = pygame.Rect(0, 0, 330, 46)
        # under the round clock, clear of the knockdown boxes, and above the men's heads: at
        # 64 px tall it hid the referee's head standing behind the pair
        box.midtop = (640, 160)
        self.goal_rect = box
        dim(surface, 200, box, (8, 8, 14))
        pygame.draw.rect(surface, C.GOLD, (box.x, box.y, box.w, 3))
        blit_text(surface, fonts.bold(13), label, (box.centerx, box.y + 12), C.TEXT_DIM, "center")
        blit_text(surface, fonts.display(30), value, (box.centerx, box.y + 31), C.CREAM,
                  "center")
