"""The museum steps: the climb from the street to the colonnade, and the city from the top."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.states.training import hud
from game.states.training.art import art
from game.states.training.keys import key_label
from game.states.training.views.base import DrillView
from game.training.rules import DrillEvent
from game.ui import colours as C
from game.ui.widgets import blit_text, dim

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene

STEP_X0, STEP_Y0, TREAD_PX, RISE_PX = 200, 1580, 40, 20  # as tools/make_drill_art.py draws
SCREEN_FEET = (520, 540)  # where the camera keeps his feet
STEP_S = 0.16  # how long one step's movement takes on screen


def step_feet(k: float) -> tuple[float, float]:
    """Feet position on the steps picture at step k (0 = the street)."""
    if k <= 0:
        return (STEP_X0 - 60 + 60 * k, STEP_Y0)
    return (STEP_X0 + k * TREAD_PX + TREAD_PX / 2, STEP_Y0 - k * RISE_PX)


class StepsView(DrillView):
    finish_ticks = 240  # the top is a moment
    finish_banner = False

    def __init__(self, scene: DrillScene) -> None:
        super().__init__(scene)
        self.shown_step = 0.0
        self.from_step = 0.0
        self.step_s = -10.0
        self.top_s: float | None = None

    def sound_beats(self) -> list[float]:
        return self.rules.beats

    def on_beat(self, k: int, t_s: float) -> None:
        self.sound("beat", volume=0.9 if k % 4 == 0 else 0.55)

    def on_event(self, event: DrillEvent, t_s: float) -> None:
        if event.kind == "step":
            self.from_step = self.shown_step
            self.step_s = t_s
            self.sound("step", volume=0.7)
            self.boxer.play("walk_in", t_s)
        elif event.kind == "stumble":
            self.boxer.play("hurt", t_s)
            self.sound("block", volume=0.6)
        elif event.kind == "top":
            self.top_s = t_s
            self.boxer.idle_tag = "celebrate"
            self.boxer.play("celebrate", t_s)
            self.sound("triumph")
            self.sound("crowd_roar", volume=0.5)

    def update(self, t_s: float) -> None:
        k = self.rules.step
        f = min(1.0, max(0.0, (t_s - self.step_s) / STEP_S))
        self.shown_step = self.from_step + (k - self.from_step) * f

    def popup_xy(self, event: DrillEvent) -> tuple[float, float]:
        return (SCREEN_FEET[0], SCREEN_FEET[1] - 290)

    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        fonts = self.app.fonts
        fx, fy = step_feet(self.shown_step)
        ox, oy = SCREEN_FEET[0] - fx, SCREEN_FEET[1] - fy
        top = self.top_s is not None
        reveal = 0.0 if not top else min(1.0, (t_s - (self.top_s or 0.0)) / 1.6)
        # the sky and the city: they rise into view as he climbs (parallax), all of it at the top
        sky = art("skyline")
        climb = self.shown_step / max(1, self.rules.total_steps)
        sky_y = int(260 - 240 * climb + 300 * reveal)  # at the top the city drops below him
        surface.blit(sky, (0, sky_y))
        if sky_y > 0:  # the sky above the picture's own sky
            pygame.draw.rect(surface, (255, 196, 120), (0, 0, 1280, sky_y))
        surface.blit(art("steps"), (int(ox), int(oy)))
        self.boxer.draw(surface, SCREEN_FEET[0], SCREEN_FEET[1], t_s)
        if top:
            glow = pygame.Surface((1280, 720), pygame.SRCALPHA)
            glow.fill((255, 220, 150, int(70 * reveal)))
            surface.blit(glow, (0, 0))
            a = int(255 * min(1.0, reveal * 1.5))
            title = fonts.display(130).render("THE TOP", True, C.GOLD)
            title.set_alpha(a)
            surface.blit(title, title.get_rect(center=(960, 300)))
            if r_top := self.rules.top_at_s:
                blit_text(surface, fonts.display(44), f"{self.rules.limit_s - r_top:.1f} SECONDS "
                          "TO SPARE", (960, 390), C.CREAM, "center", shadow=3)
        self._hud(surface, t_s)

    def _hud(self, surface: pygame.Surface, t_s: float) -> None:
        if not self.in_play:  # beside the card its meter, steps and clock showed cut in half
            return
        fonts = self.app.fonts
        r = self.rules
        # dark backs: the small grey labels did not read on the bright evening sky
        dim(surface, 150, pygame.Rect(24, 96, 452, 160), (6, 6, 12))
        dim(surface, 150, pygame.Rect(1040, 88, 224, 106), (6, 6, 12))
        hud.meter(surface, fonts, pygame.Rect(40, 130, 420, 26), r.stamina, (120, 220, 140),
                  "LEGS AND LUNGS", warn_below=float(r.drill.params["winded_below"]) + 0.1,
                  t_s=t_s)
        blit_text(surface, fonts.display(56), f"{r.step} / {r.total_steps}", (40, 172),
                  C.CREAM, shadow=3)
        blit_text(surface, fonts.bold(15), "STEPS", (40, 232), C.TEXT_DIM)
        left = max(0.0, r.limit_s - max(0.0, t_s)) if r.top_at_s is None else (
            r.limit_s - r.top_at_s)
        blit_text(surface, fonts.display(72), f"{left:4.1f}", (1240, 92), C.CREAM, "topright",
                  shadow=3)
        blit_text(surface, fonts.bold(15), "SECONDS LEFT", (1240, 168), C.TEXT_DIM, "topright")
        if t_s < 0 and self.scene.phase == "play":  # not behind the card (it showed through)
            n = math.ceil(-t_s)
            blit_text(surface, fonts.display(150), str(n), (640, 300), C.GOLD, "center",
                      shadow=4)
        if r.done or self.scene.phase != "play":  # the card's bottom edge is over it
            return
        # the stride: a pulse on the beat, and the foot to press next
        phase = (max(0.0, t_s) / r.period_s) % 1.0
        pulse = max(0.0, 1.0 - phase / 0.25)
        panel = pygame.Rect(440, 600, 400, 96)
        dim(surface, 170, panel, (6, 6, 12))
        pygame.draw.circle(surface, C.GOLD if pulse > 0 else C.SMOKE, (panel.x + 60,
                           panel.centery), int(22 + 12 * pulse))
        blit_text(surface, fonts.bold(14), "STRIDE", (panel.x + 60, panel.bottom - 8), C.TEXT_DIM,
                  "midbottom")
        nxt = "right" if r.last_foot == "left" else "left"
        for i, foot in enumerate(("left", "right")):
            box = pygame.Rect(panel.x + 140 + i * 120, panel.y + 18, 96, 60)
            on = foot == nxt
            pygame.draw.rect(surface, C.CREAM if on else (50, 50, 62), box, border_radius=8)
            blit_text(surface, fonts.display(40), key_label(self.app.settings, foot),
                      (box.centerx, box.centery + 2), C.NIGHT if on else C.TEXT_DIM, "center")
        if t_s < r.stumble_until_s:
            blit_text(surface, fonts.display(64), "STUMBLE!", (640, 300), C.RED, "center",
                      shadow=3)
