"""Jump rope: the rope turns once a beat and passes under the feet on it; a miss drops it."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.states.training import hud
from game.states.training.views.base import DrillView
from game.training.rules import DrillEvent
from game.ui import colours as C
from game.ui.widgets import blit_text

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene

HOP_PX = 26


class RopeView(DrillView):
    boxer_x = 560.0

    def __init__(self, scene: DrillScene) -> None:
        super().__init__(scene)
        self.trip_s = -10.0
        self.last_hop_s = -10.0
        self.trick_s = -10.0

    def on_beat(self, k: int, t_s: float) -> None:
        super().on_beat(k, t_s)
        if k >= self.rules.lead_in_beats and not self._tripped(t_s):
            self.sound("step", volume=0.5)

    def on_press(self, action: str, t_s: float, held: frozenset[str]) -> None:
        if action in ("left", "right", "up"):
            self.last_hop_s = t_s

    def on_event(self, event: DrillEvent, t_s: float) -> None:
        if event.kind == "trip":
            self.trip_s = t_s
            self.boxer.play("hurt", t_s)
            self.sound("block", volume=0.8)
        elif event.kind == "trick":
            self.trick_s = t_s
            self.sound("ui_confirm", volume=0.6)
        elif event.kind == "hit":
            self.sound("step", volume=0.35 + 0.3 * event.power)

    def _tripped(self, t_s: float) -> bool:
        period = self._period(t_s)
        return t_s - self.trip_s < period * (int(self.rules.drill.params["trip_beats"]) + 0.6)

    def _period(self, t_s: float) -> float:
        beats = self.rules.beats
        k = max(0, min(len(beats) - 2, self.rules.beat_index(t_s)))
        return beats[k + 1] - beats[k]

    def popup_xy(self, event: DrillEvent) -> tuple[float, float]:
        return (self.boxer_x, 200)

    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        from game.states.training.art import art

        surface.blit(art("gym"), (0, 0))
        k = self.rules.beat_index(t_s)
        beats = self.rules.beats
        period = self._period(t_s)
        phase = 0.0 if k < 0 else (t_s - beats[k]) / period  # 0 on the beat (rope under feet)
        signed = phase if phase < 0.5 else phase - 1.0
        tripped = self._tripped(t_s)
        # he hops over the rope while the player keeps the rhythm going
        skipping = not tripped and t_s - self.last_hop_s < 2.2 * period
        hop = HOP_PX * max(0.0, math.cos(math.pi * signed / 0.7)) if skipping else 0.0
        feet_y = self.feet_y - hop
        centre = (self.boxer_x + 10, feet_y - 118)
        hands = (self.boxer_x + 30, feet_y - 110)
        theta = 2 * math.pi * phase  # 0: the rope under his feet; pi: over his head
        behind = math.cos(theta) < 0  # over the top it passes behind him in this view
        if tripped:
            pygame.draw.lines(surface, (30, 24, 20), False,
                              [hands, (self.boxer_x - 80, self.feet_y + 4),
                               (self.boxer_x + 110, self.feet_y + 6), (hands[0] + 8, hands[1])],
                              5)
        elif behind:
            self._rope(surface, centre, hands, theta)
        self.boxer.draw(surface, self.boxer_x, feet_y, t_s)
        if not tripped and not behind:
            self._rope(surface, centre, hands, theta)
        fonts = self.app.fonts
        if t_s - self.trick_s < 0.6:
            blit_text(surface, fonts.display(64), "CROSS-OVER!", (self.boxer_x, 140), C.GOLD,
                      "center", shadow=3)
        streak_need = int(self.rules.drill.params["trick_streak"])
        if 0 < self.rules.streak < streak_need:
            blit_text(surface, fonts.bold(18), f"TRICKS IN {streak_need - self.rules.streak}",
                      (1240, 110), C.TEXT_DIM, "topright")
        elif self.rules.streak >= streak_need:
            blit_text(surface, fonts.display(34), "TRICKS ON: WATCH FOR UP", (1240, 104),
                      C.GOLD, "topright", shadow=2)
        if self.in_play:
            hud.note_lane(surface, fonts, self.rules, t_s, self.app.settings)
        hud.count_in(surface, fonts, self.rules, t_s)

    def _rope(self, surface: pygame.Surface, centre: tuple[float, float],
              hands: tuple[float, float], theta: float) -> None:
        """The rope: an arc of its turning ellipse round the far point, tied to the hands."""
        cx, cy = centre
        rx, ry = 118.0, 150.0
        pts = [(cx + rx * math.sin(theta + i * 0.16), cy + ry * math.cos(theta + i * 0.16))
               for i in range(-9, 10)]
        pts = [hands, *pts, hands]
        pygame.draw.lines(surface, (20, 16, 14), False, pts, 6)
        pygame.draw.lines(surface, (200, 60, 50), False, pts, 3)
