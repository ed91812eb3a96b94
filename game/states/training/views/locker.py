"""The meat locker: a side of beef swings into you; punch as it comes; the cold takes the rest."""
from __future__ import annotations

import math
import random
from typing import TYPE_CHECKING

import pygame

from game.states.training import hud
from game.states.training.art import art
from game.states.training.views.bag import Pendulum, draw_hanging
from game.states.training.views.base import DrillView
from game.training.rules import DrillEvent
from game.ui import colours as C
from game.ui.widgets import blit_text, dim

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene

SWING_DEG = 22.0


class LockerView(DrillView):
    backdrop = "locker"
    boxer_x = 460.0
    pivot = (770, 66)

    def __init__(self, scene: DrillScene) -> None:
        super().__init__(scene)
        self.jolt = Pendulum(stiffness=60.0, damping=5.0)  # extra swing from the punches
        self.breath: list[list[float]] = []  # x, y, age_s
        self.rng = random.Random(5)
        self.last_breath_s = 0.0
        self.flash_s = -10.0

    def sound_beats(self) -> list[float]:
        """A creak each time the beef swings into reach."""
        r = self.rules
        n = int(r.duration_s / r.period_s) + 1
        return [r.sweet_time(k) for k in range(n)]

    def on_beat(self, k: int, t_s: float) -> None:
        self.sound("beat", volume=0.45)

    def on_event(self, event: DrillEvent, t_s: float) -> None:
        if event.kind == "hit":
            full = event.judgement in ("perfect", "good", "ok")
            self.jolt.kick(60 * event.power if full else 15)
            self.sound("body" if full else "block", pan=0.2, volume=0.5 + 0.5 * event.power)
            if full:
                self.flash_s = t_s
        elif event.kind == "burnout":
            self.boxer.play("hurt", t_s)
            self.sound("whiff")

    def update(self, t_s: float) -> None:
        self.jolt.step(1 / 60)
        low = 1.0 - self.rules.stamina
        if t_s - self.last_breath_s > 0.9 - 0.6 * low:  # breath in the cold, faster when tired
            self.last_breath_s = t_s
            self.breath.append([self.boxer_x + 70, self.feet_y - 215, 0.0])
        for b in self.breath:
            b[0] += 0.6 + self.rng.random() * 0.4
            b[1] -= 0.5
            b[2] += 1 / 60
        self.breath = [b for b in self.breath if b[2] < 1.4]

    def angle(self, t_s: float) -> float:
        """Positive swings the beef away (right); at a sweet spot it hangs in close (left)."""
        phase = self.rules.swing_phase(t_s)
        return SWING_DEG * math.cos(2 * math.pi * phase) * -1 + SWING_DEG * 0.3 + self.jolt.angle

    def popup_xy(self, event: DrillEvent) -> tuple[float, float]:
        return (640, 200)

    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        surface.blit(art("locker"), (0, 0))
        draw_hanging(surface, "beef", self.pivot, self.angle(t_s))
        self.boxer.draw(surface, self.boxer_x, self.feet_y, t_s)
        for x, y, age in self.breath:
            r = int(8 + 22 * age)
            puff = pygame.Surface((r * 2, r * 2), pygame.SRCALPHA)
            pygame.draw.circle(puff, (235, 242, 255, int(110 * (1 - age / 1.4))), (r, r), r)
            surface.blit(puff, (x - r, y - r))
        if 0 <= t_s - self.flash_s < 0.1:
            dim(surface, 60, None, (255, 255, 255))
        if not self.in_play:  # the meter's words showed under the bottom of the card
            return
        fonts = self.app.fonts
        r = self.rules
        hud.meter(surface, fonts, pygame.Rect(40, 130, 420, 26), r.stamina, (120, 200, 255),
                  "STAMINA", warn_below=0.3, t_s=t_s)
        left = max(0.0, r.duration_s - max(0.0, t_s))
        blit_text(surface, fonts.display(64), f"0:{int(left):02d}" if left < 60 else
                  f"{int(left) // 60}:{int(left) % 60:02d}", (1240, 96), C.CREAM, "topright",
                  shadow=3)
        blit_text(surface, fonts.bold(15), "COLD CLOCK", (1240, 164), C.TEXT_DIM, "topright")
        self._swing_meter(surface, t_s)
        if r.burnt_out(t_s):
            blit_text(surface, fonts.display(72), "ARMS GONE - BREATHE", (640, 300), C.RED,
                      "center", shadow=4)
        if t_s < 0 and self.scene.phase == "play":  # not behind the card (it showed through)
            n = math.ceil(-t_s)
            blit_text(surface, fonts.display(150), str(n), (640, 300), C.GOLD, "center", shadow=4)

    def _swing_meter(self, surface: pygame.Surface, t_s: float) -> None:
        """Where the beef is in its swing; the lit zone is when a punch lands full."""
        fonts = self.app.fonts
        r = self.rules
        bar = pygame.Rect(240, 610, 800, 30)
        dim(surface, 180, bar.inflate(16, 40), (6, 6, 12))
        pygame.draw.rect(surface, (40, 44, 60), bar)
        ok_frac = r.drill.windows_ms["ok"] / 1000.0 / r.period_s
        perfect_frac = r.drill.windows_ms["perfect"] / 1000.0 / r.period_s
        cx = bar.centerx
        pygame.draw.rect(surface, (70, 110, 160), (cx - ok_frac * bar.w, bar.y,
                                                   2 * ok_frac * bar.w, bar.h))
        pygame.draw.rect(surface, C.GOLD, (cx - perfect_frac * bar.w, bar.y,
                                           2 * perfect_frac * bar.w, bar.h))
        phase = r.swing_phase(t_s)
        off = phase if phase < 0.5 else phase - 1.0  # -0.5..0.5, 0 = the sweet spot
        x = cx + off * bar.w
        pygame.draw.polygon(surface, C.CREAM, [(x, bar.y - 4), (x - 10, bar.y - 18),
                                               (x + 10, bar.y - 18)])
        pygame.draw.line(surface, C.CREAM, (x, bar.y), (x, bar.bottom), 3)
        blit_text(surface, fonts.bold(15), "PUNCH WHEN THE BEEF SWINGS INTO THE GOLD",
                  (bar.centerx, bar.bottom + 16), C.TEXT_DIM, "center")
