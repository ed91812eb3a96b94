"""The heavy bag and the speed bag: a swinging bag that answers every punch."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pygame

from game.states.training import hud
from game.states.training.art import art, rotated
from game.states.training.keys import key_label
from game.states.training.views.base import DrillView
from game.training.rules import DrillEvent
from game.training.rules.rhythm import MOVES
from game.ui import colours as C
from game.ui.widgets import blit_text, dim

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene


class Pendulum:
    """A bag on a chain: an angle in degrees, kicked by punches, damped back to rest."""

    def __init__(self, stiffness: float, damping: float) -> None:
        self.angle = 0.0
        self.vel = 0.0
        self.k = stiffness
        self.c = damping

    def kick(self, deg_per_s: float) -> None:
        self.vel += deg_per_s

    def step(self, dt: float) -> None:
        for _ in range(2):
            h = dt / 2
            self.vel += (-self.k * self.angle - self.c * self.vel) * h
            self.angle += self.vel * h




def draw_hanging(surface: pygame.Surface, name: str, pivot: tuple[int, int],
                 angle_deg: float) -> None:
    """Blit a hanging picture turned about its hook (positive angle swings it right).

    Only the picture is rotated (about its centre), then placed so its hook, the top centre,
    lands on the pivot. Rotating the picture padded to put the hook at the centre cost 4 to 16
    times the pixels (an 840x840 surface for the heavy bag: 16-20 ms for each new degree, the
    drill's frame spikes); the picture itself takes about 0.3 ms."""
    deg = round(angle_deg)
    img = rotated(name, deg, step_deg=1)
    half_h = art(name).get_height() / 2
    rad = math.radians(deg)  # the hook is half a height above the centre, turned with it
    centre = (pivot[0] + half_h * math.sin(rad), pivot[1] + half_h * math.cos(rad))
    surface.blit(img, img.get_rect(center=(round(centre[0]), round(centre[1]))))


class HeavyBagView(DrillView):
    """The boxer at the bag; the called combination over it; notes in the lane below."""

    boxer_x = 430.0
    bag_pivot = (650, 90)

    def __init__(self, scene: DrillScene) -> None:
        super().__init__(scene)
        self.bag = Pendulum(stiffness=28.0, damping=1.6)
        self.flash_s = -10.0
        self.flash_power = 0.0

    def on_event(self, event: DrillEvent, t_s: float) -> None:
        super().on_event(event, t_s)
        if event.kind == "hit":
            body = (event.move or "").startswith("body_")
            self.bag.kick(40 + 110 * event.power)  # pushed away from the boxer (right)
            self.flash_s, self.flash_power = t_s, event.power
            name = "body" if body else ("power" if event.power >= 1.0 else "jab")
            self.sound(name, pan=0.2, volume=0.6 + 0.4 * event.power)
        elif event.kind == "combo":
            self.sound("crowd_swell", volume=0.4)

    def update(self, t_s: float) -> None:
        self.bag.step(1 / 60)

    def popup_xy(self, event: DrillEvent) -> tuple[float, float]:
        return (650, 230)

    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        surface.blit(art("gym"), (0, 0))
        draw_hanging(surface, "heavy_bag", self.bag_pivot, self.bag.angle)
        self.boxer.draw(surface, self.boxer_x, self.feet_y, t_s)
        age = t_s - self.flash_s
        if 0 <= age < 0.12:  # impact flash on the bag
            r = int(30 + 50 * self.flash_power * (1 - age / 0.12))
            flash = pygame.Surface((r * 2, r * 2), pygame.SRCALPHA)
            pygame.draw.circle(flash, (255, 240, 200, 120), (r, r), r)
            surface.blit(flash, (592 - r, 330 - r))
        self._calls(surface, t_s)
        if self.in_play:
            hud.note_lane(surface, self.app.fonts, self.rules, t_s, self.app.settings)
        hud.count_in(surface, self.app.fonts, self.rules, t_s)

    def _calls(self, surface: pygame.Surface, t_s: float) -> None:
        """The trainer's call for the coming combination: JAB - CROSS - HOOK."""
        coming = self.rules.upcoming(t_s, ahead_s=2.0)
        if not coming:
            return
        group = coming[0].group
        notes = [n for n in self.rules.notes if n.group == group]
        fonts = self.app.fonts
        x = 860
        # nearly solid: the window, a poster and the ring post read through the called moves
        dim(surface, 230, pygame.Rect(840, 110, 420, 60 + 58 * len(notes)), (8, 8, 14))
        blit_text(surface, fonts.bold(16), "THE CALL", (x, 122), C.GOLD)
        for i, n in enumerate(notes):
            y = 150 + 58 * i
            done = n.judged is not None
            colour = hud.JUDGE_COLOURS.get(n.judged or "", C.CREAM) if done else C.CREAM
            label = hud.MOVE_LABELS.get(n.move, n.move.upper())
            blit_text(surface, fonts.display(48), label, (x, y), colour, shadow=2)
            action, mod = MOVES[n.move]
            keys = key_label(self.app.settings, action)
            if mod:
                keys = f"{key_label(self.app.settings, mod)} + {keys}"
            blit_text(surface, fonts.bold(20), keys, (1240, y + 26), C.TEXT_DIM, "midright")


class SpeedBagView(DrillView):
    """The speed bag under its board, rattling back and forth with every hit."""

    boxer_x = 470.0
    pivot = (618, 262)

    def __init__(self, scene: DrillScene) -> None:
        super().__init__(scene)
        self.bag = Pendulum(stiffness=900.0, damping=9.0)
        self.last_hit_s = -10.0

    def on_press(self, action: str, t_s: float, held: frozenset[str]) -> None:
        if action in ("jab", "cross"):
            self.boxer.play(f"{action}_head", t_s)

    def on_event(self, event: DrillEvent, t_s: float) -> None:
        super().on_event(event, t_s)
        if event.kind == "hit":
            side = -1 if event.move == "jab" else 1
            self.bag.kick(side * (300 + 500 * event.power))
            self.last_hit_s = t_s
            self.sound("jab", pan=0.1, volume=0.35 + 0.3 * event.power)
        elif event.kind == "miss":
            self.sound("whiff", volume=0.5)

    def update(self, t_s: float) -> None:
        self.bag.step(1 / 60)

    def popup_xy(self, event: DrillEvent) -> tuple[float, float]:
        return (700, 170)

    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        surface.blit(art("gym"), (0, 0))
        plat = art("speed_platform")
        surface.blit(plat, plat.get_rect(midbottom=(self.pivot[0], self.pivot[1] + 8)))
        angle = max(-70.0, min(70.0, self.bag.angle))
        draw_hanging(surface, "speed_bag", self.pivot, angle)
        self.boxer.draw(surface, self.boxer_x, self.feet_y, t_s)
        fonts = self.app.fonts
        k = self.rules.beat_index(t_s)
        if k >= 0:
            bpm = 60.0 / max(1e-3, self.rules.beats[min(k + 1, len(self.rules.beats) - 1)]
                             - self.rules.beats[k]) if k + 1 < len(self.rules.beats) else 0
            blit_text(surface, fonts.display(40), f"{bpm:.0f} BPM", (1240, 110), C.CREAM,
                      "topright", shadow=2)
            blit_text(surface, fonts.bold(15), "AND CLIMBING", (1240, 152), C.TEXT_DIM,
                      "topright")
        if self.in_play:
            hud.note_lane(surface, fonts, self.rules, t_s, self.app.settings)
        hud.count_in(surface, fonts, self.rules, t_s)
