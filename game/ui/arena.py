"""The arena behind the title and the menus: the ring's own arena (game.render.ring, from
levels/ring.tmx) seen from the ring's camera in the dark, with the house lighting rig and
spotlights sweeping the canvas.

One painter draws the arena everywhere: this module only darkens the ring's picture, hangs the
truss and moves the light. Everything static is drawn once into a background and a foreground
surface; each frame adds only the moving light (beams, the pool on the canvas, camera flashes)
with additive blits, so it stays cheap. The decoration uses its own fixed-seed RNG: it is not
game state.
"""
from __future__ import annotations

import math
import random

import pygame

W, H = 1280, 720
LAMPS_X = (250, 470, 810, 1030)
TRUSS_Y = 38
NIGHT = 0.42  # how much of the ring's light is left in the dark arena (0..1)


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


class Arena:
    """Draws the arena; ``draw(surface, t_ticks)`` where t_ticks may be fractional."""

    def __init__(self, *, beams: int = 2, sweep_ticks: int = 420) -> None:
        from game.render.ring import FIGHT_NIGHT_APRON, ArenaRenderer
        from game.world.ring_layout import load_ring_layout

        self.beams = beams
        self.sweep_ticks = sweep_ticks
        layout = load_ring_layout()
        # a plain apron: the menus' panels and items sit over it, and lettering read through
        # them; the title, where nothing covers it, asks for it (draw(lettering=True))
        self.ring = ArenaRenderer(layout, seed=1976, apron_text="")
        # the ring's camera, centred on the canvas (as the Versus screens' backdrop)
        self._origin = (int(layout.centre_x_px - W / 2), int(layout.look_y_px - H / 2))
        ox, oy = self._origin
        self.back_y_px = layout.canvas_back_y_px - oy  # canvas, in screen pixels
        self.front_y_px = layout.canvas_front_y_px - oy
        self.floor_y_px = layout.floor_y_px - oy  # where the men in the ring stand
        left = layout.canvas_x_px - ox
        self.back_x_px = (left + layout.back_inset_px, left + layout.canvas_w_px
                          - layout.back_inset_px)
        self.background = self._make_background()
        self._lettering = self._make_lettering(FIGHT_NIGHT_APRON)
        self.foreground = self._make_foreground()
        self._pool = self._make_pool(300, 74)
        self._light = pygame.Surface((W, H)).convert() if pygame.display.get_surface() \
            else pygame.Surface((W, H))
        rng = random.Random(1976)
        # camera flashes: (start tick within a 600-tick cycle, x, y)
        self._flashes = [(rng.randrange(600), rng.randrange(40, W - 40),
                          rng.randrange(300, 520)) for _ in range(14)]

    # -- static layer ----------------------------------------------------------------------
    @staticmethod
    def _night(surface: pygame.Surface) -> None:
        """Turn the house lights down (alpha kept: the foreground stays see-through)."""
        k = int(255 * NIGHT)
        surface.fill((k, k, int(k * 1.08)), special_flags=pygame.BLEND_RGB_MULT)

    def _make_background(self) -> pygame.Surface:
        bg = pygame.Surface((W, H))
        self.ring.draw_back(bg, *self._origin)
        self._night(bg)
        for y in range(TRUSS_Y + 40):  # rafters fading into the dark above the stands
            k = 1 - y / (TRUSS_Y + 40)
            shade = pygame.Surface((W, 1), pygame.SRCALPHA)
            shade.fill((5, 6, 10, int(235 * k)))
            bg.blit(shade, (0, y))
        self._draw_truss(bg)
        return bg.convert() if pygame.display.get_surface() else bg

    def _make_lettering(self, text: str) -> tuple[pygame.Surface, pygame.Rect]:
        """The apron's lettering in the dark arena's light, in screen pixels."""
        made = self.ring.apron_label(text)
        assert made is not None
        label, rect = made
        label = label.copy()
        self._night(label)
        return label, rect.move(-self._origin[0], -self._origin[1])

    def _draw_truss(self, bg: pygame.Surface) -> None:
        pygame.draw.rect(bg, (30, 31, 40), (120, TRUSS_Y - 14, W - 240, 8))
        pygame.draw.rect(bg, (30, 31, 40), (120, TRUSS_Y + 4, W - 240, 4))
        for x in range(124, W - 120, 28):
            pygame.draw.line(bg, (26, 27, 36), (x, TRUSS_Y - 8), (x + 14, TRUSS_Y + 4), 2)
            pygame.draw.line(bg, (26, 27, 36), (x + 14, TRUSS_Y + 4), (x + 28, TRUSS_Y - 8), 2)
        for x in LAMPS_X:
            pygame.draw.polygon(bg, (44, 44, 54), [(x - 16, TRUSS_Y), (x + 16, TRUSS_Y),
                                                   (x + 11, TRUSS_Y + 22), (x - 11, TRUSS_Y + 22)])
            pygame.draw.ellipse(bg, (255, 244, 214), (x - 10, TRUSS_Y + 18, 20, 8))

    def _make_foreground(self) -> pygame.Surface:
        """The ring's front ropes, posts and ringside heads: drawn over whoever is in the ring."""
        fg = pygame.Surface((W, H), pygame.SRCALPHA)
        self.ring.draw_front(fg, *self._origin)
        self._night(fg)
        return fg.convert_alpha() if pygame.display.get_surface() else fg

    @staticmethod
    def _make_pool(w: int, h: int) -> pygame.Surface:
        pool = pygame.Surface((w, h))
        steps = 18
        for i in range(steps):  # concentric ellipses, brighter inside: a soft-edged pool
            t = i / steps
            rect = pygame.Rect(0, 0, int(w * (1 - t)), int(h * (1 - t)))
            rect.center = (w // 2, h // 2)
            k = 12 + 9 * i
            pygame.draw.ellipse(pool, (min(255, k), min(255, int(k * 0.93)), int(k * 0.78)), rect)
        return pool

    # -- dynamic layer ---------------------------------------------------------------------
    def spot_positions(self, t_ticks: float) -> list[tuple[int, float, float]]:
        """(lamp x, pool x, pool y) for each beam at time t."""
        out = []
        for i in range(self.beams):
            phase = 2 * math.pi * t_ticks / self.sweep_ticks + i * math.pi
            u = 0.5 + 0.5 * math.sin(phase)  # 0..1 across the ring
            v = 0.5 + 0.5 * math.sin(phase * 0.5 + i)
            lamp = LAMPS_X[1] if i % 2 == 0 else LAMPS_X[2]
            bl, br = self.back_x_px
            out.append((lamp, _lerp(bl + 40, br - 40, u) + (v - 0.5) * 140,
                        _lerp(self.back_y_px + 36, self.front_y_px - 40, v)))
        return out

    def draw_front(self, surface: pygame.Surface) -> None:
        """The front ropes and posts and the nearest heads, over the fighters in the ring."""
        surface.blit(self.foreground, (0, 0))

    def draw(self, surface: pygame.Surface, t_ticks: float, *, lights: float = 1.0,
             front: bool = True, lettering: bool = False) -> None:
        """Blit the arena with its moving light. ``lights`` 0..1 scales the beams.

        With ``front=False`` the caller draws what stands in the ring, then ``draw_front``.
        ``lettering`` letters the apron (only where no panel or text covers it: the title)."""
        surface.blit(self.background, (0, 0))
        if lettering:
            surface.blit(*self._lettering)
        if lights > 0:
            self._draw_light(surface, t_ticks, lights)
        if front:
            self.draw_front(surface)

    def _draw_light(self, surface: pygame.Surface, t_ticks: float, lights: float) -> None:
        spots = self.spot_positions(t_ticks)
        light = self._light
        x0 = int(min(min(s[0], s[1]) for s in spots)) - 200
        x1 = int(max(max(s[0], s[1]) for s in spots)) + 200
        area = pygame.Rect(x0, TRUSS_Y + 20, x1 - x0, self.front_y_px + 30 - TRUSS_Y).clip(
            surface.get_rect())
        light.fill((0, 0, 0), area)
        g = lights
        for lamp, px, py in spots:
            for spread, level in ((150, 9), (118, 18), (86, 28), (58, 40)):
                k = level * g  # inner polygons overwrite outer ones: levels are cumulative
                pygame.draw.polygon(light, (int(k), int(k * 0.95), int(k * 0.8)), [
                    (lamp - 10, TRUSS_Y + 24), (lamp + 10, TRUSS_Y + 24),
                    (px + spread, py), (px - spread, py)], 0)
        surface.blit(light, area, area, special_flags=pygame.BLEND_RGB_ADD)
        for lamp, px, py in spots:
            rect = self._pool.get_rect(center=(int(px), int(py)))
            surface.blit(self._pool, rect, special_flags=pygame.BLEND_RGB_ADD)
        t = int(t_ticks)
        for start, fx, fy in self._flashes:  # camera flashes in the crowd
            age = (t - start) % 600
            if age < 8:
                r = 6 - age // 2
                bright = 255 - age * 24
                pygame.draw.circle(surface, (bright, bright, bright), (fx, fy), max(1, r))
