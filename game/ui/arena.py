"""The arena behind the title and the menus: a ring in the dark, crowd, sweeping spotlights.

Everything static is drawn once into a background surface; each frame adds only the moving
light (beams, the pool on the canvas, camera flashes) with additive blits, so it stays cheap.
The decoration uses its own fixed-seed RNG: it is not game state.
"""
from __future__ import annotations

import math
import random

import pygame

from game.ui import colours as C

W, H = 1280, 720
BACK_Y, FRONT_Y = 440, 592  # ring canvas: back and front edge
BACK_X = (330, 950)
FRONT_X = (160, 1120)
LAMPS_X = (250, 470, 810, 1030)
TRUSS_Y = 38


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _mix(c1: tuple[int, int, int], c2: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(int(_lerp(a, b, t)) for a, b in zip(c1, c2))  # type: ignore[return-value]


class Arena:
    """Draws the arena; ``draw(surface, t_ticks)`` where t_ticks may be fractional."""

    def __init__(self, *, beams: int = 2, sweep_ticks: int = 420) -> None:
        self.beams = beams
        self.sweep_ticks = sweep_ticks
        self.background = self._make_background()
        self.foreground, self._fg_pos = self._make_foreground()
        self._front_crowd = self._make_front_crowd(random.Random(9))
        if pygame.display.get_surface():
            self.foreground = self.foreground.convert_alpha()
            self._front_crowd = self._front_crowd.convert_alpha()
        self._pool = self._make_pool(300, 74)
        self._light = pygame.Surface((W, H)).convert() if pygame.display.get_surface() \
            else pygame.Surface((W, H))
        rng = random.Random(1976)
        # camera flashes: (start tick within a 600-tick cycle, x, y)
        self._flashes = [(rng.randrange(600), rng.randrange(40, W - 40),
                          rng.randrange(300, 520)) for _ in range(14)]

    # -- static layer ----------------------------------------------------------------------
    def _make_background(self) -> pygame.Surface:
        bg = pygame.Surface((W, H))
        for y in range(H):  # rafters fade into the haze over the crowd
            t = min(1.0, y / 380)
            pygame.draw.line(bg, _mix((5, 6, 10), (24, 25, 38), t ** 1.6), (0, y), (W, y))
        self._draw_truss(bg)
        self._draw_crowd(bg, random.Random(4))
        self._draw_ring(bg)
        return bg.convert() if pygame.display.get_surface() else bg

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

    def _draw_crowd(self, bg: pygame.Surface, rng: random.Random) -> None:
        rows = 10
        for r in range(rows):
            depth = r / (rows - 1)  # 0 = far back, 1 = near the ring
            y = int(_lerp(292, 520, depth))
            size = _lerp(6, 13, depth)
            base = _mix((17, 18, 27), (30, 30, 42), depth)
            x = rng.uniform(-10, 10)
            while x < W + 20:
                tone = _mix(base, (44, 40, 46), rng.random() * 0.35)
                hx, hy = int(x), y + rng.randint(-3, 3)
                pygame.draw.ellipse(bg, tone, (hx - size * 1.5, hy + size * 0.7, size * 3,
                                               size * 2.4))
                pygame.draw.circle(bg, tone, (hx, hy), int(size))
                x += size * rng.uniform(2.2, 3.0)

    def _draw_ring(self, bg: pygame.Surface) -> None:
        (bl, br), (fl, fr) = BACK_X, FRONT_X
        # apron skirt with a stripe, then the canvas
        pygame.draw.polygon(bg, C.APRON, [(fl, FRONT_Y), (fr, FRONT_Y), (fr - 18, 690),
                                          (fl + 18, 690)])
        pygame.draw.polygon(bg, (36, 44, 86), [(fl, FRONT_Y), (fr, FRONT_Y), (fr - 3, FRONT_Y + 10),
                                               (fl + 3, FRONT_Y + 10)])
        pygame.draw.line(bg, (60, 70, 130), (fl + 10, 640), (fr - 10, 640), 2)
        for i in range(8):  # canvas darkening toward the back for depth
            t0, t1 = i / 8, (i + 1) / 8
            y0, y1 = _lerp(BACK_Y, FRONT_Y, t0), _lerp(BACK_Y, FRONT_Y, t1)
            pygame.draw.polygon(bg, _mix((52, 50, 52), C.CANVAS_DARK, t0), [
                (_lerp(bl, fl, t0), y0), (_lerp(br, fr, t0), y0),
                (_lerp(br, fr, t1), y1), (_lerp(bl, fl, t1), y1)])
        # posts (back ones shorter: farther away)
        back_h, front_h = 84, 128
        posts = [(bl, BACK_Y, back_h, 8, C.RED), (br, BACK_Y, back_h, 8, C.BLUE),
                 (fl, FRONT_Y, front_h, 13, C.ROPE_WHITE), (fr, FRONT_Y, front_h, 13, C.ROPE_WHITE)]
        for x, y, h, w, _ in posts[:2]:
            pygame.draw.rect(bg, C.POST, (x - w // 2, y - h, w, h))
        ropes = (C.ROPE_RED, C.ROPE_WHITE, C.ROPE_BLUE)
        for k, colour in enumerate(ropes):
            f = (k + 1) / 3.4
            by, fy = BACK_Y - back_h * f, FRONT_Y - front_h * f
            shade = _mix(colour, (0, 0, 0), 0.45)
            pygame.draw.line(bg, shade, (bl, by), (br, by), 3)
            pygame.draw.line(bg, shade, (bl, by), (fl, fy), 4)
            pygame.draw.line(bg, shade, (br, by), (fr, fy), 4)
        for x, y, h, w, pad in posts[:2]:  # back turnbuckle pads
            pygame.draw.rect(bg, pad, (x - w // 2 - 2, y - h - 4, w + 4, int(h * 0.9)),
                             border_radius=3)

    def _make_foreground(self) -> tuple[pygame.Surface, tuple[int, int]]:
        """Front posts and ropes: drawn over whatever stands in the ring."""
        (fl, fr), front_h = FRONT_X, 128
        top = FRONT_Y - front_h - 6
        fg = pygame.Surface((W, front_h + 12), pygame.SRCALPHA)
        for k, colour in enumerate((C.ROPE_RED, C.ROPE_WHITE, C.ROPE_BLUE)):
            fy = FRONT_Y - front_h * (k + 1) / 3.4 - top
            pygame.draw.line(fg, colour, (fl, fy), (fr, fy), 5)
            pygame.draw.line(fg, _mix(colour, (255, 255, 255), 0.4), (fl, fy - 2), (fr, fy - 2), 1)
        for x in (fl, fr):
            pygame.draw.rect(fg, C.POST, (x - 6, FRONT_Y - front_h - top, 13, front_h))
            pygame.draw.rect(fg, C.ROPE_WHITE, (x - 8, FRONT_Y - front_h - 4 - top, 17,
                                                int(front_h * 0.9)), border_radius=3)
        return fg, (0, top)

    @staticmethod
    def _make_front_crowd(rng: random.Random) -> pygame.Surface:
        """Heads of the nearest ringside seats, dark against the light."""
        bg = pygame.Surface((W, 120), pygame.SRCALPHA)
        for side in (0, 1):
            x = -30 if side == 0 else W - 190
            for _ in range(4):
                size = rng.uniform(26, 34)
                y = 120 - rng.uniform(10, 40)  # surface coordinates: bottom 120 px of the screen
                pygame.draw.ellipse(bg, (6, 6, 9), (x - size * 1.6, y + size * 0.6, size * 3.2,
                                                    size * 3))
                pygame.draw.circle(bg, (6, 6, 9), (int(x), int(y)), int(size))
                x += size * 1.9
        return bg

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
            out.append((lamp, _lerp(BACK_X[0] + 40, BACK_X[1] - 40, u) + (v - 0.5) * 140,
                        _lerp(BACK_Y + 36, FRONT_Y - 40, v)))
        return out

    def draw_front(self, surface: pygame.Surface) -> None:
        """The front ropes and posts and the nearest heads, over the fighters in the ring."""
        surface.blit(self.foreground, self._fg_pos)
        surface.blit(self._front_crowd, (0, H - self._front_crowd.get_height()))

    def draw(self, surface: pygame.Surface, t_ticks: float, *, lights: float = 1.0,
             front: bool = True) -> None:
        """Blit the arena with its moving light. ``lights`` 0..1 scales the beams.

        With ``front=False`` the caller draws what stands in the ring, then ``draw_front``."""
        surface.blit(self.background, (0, 0))
        if lights > 0:
            self._draw_light(surface, t_ticks, lights)
        if front:
            self.draw_front(surface)

    def _draw_light(self, surface: pygame.Surface, t_ticks: float, lights: float) -> None:
        spots = self.spot_positions(t_ticks)
        light = self._light
        x0 = int(min(min(s[0], s[1]) for s in spots)) - 200
        x1 = int(max(max(s[0], s[1]) for s in spots)) + 200
        area = pygame.Rect(x0, TRUSS_Y + 20, x1 - x0, FRONT_Y + 30 - TRUSS_Y).clip(
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
