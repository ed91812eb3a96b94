"""The gym behind a sparring ring: brick walls, high windows, posters, empty benches and a
wooden floor, drawn once into the ring's static back layer (game.render.ring) instead of the
arena's stands. A gym ring has no crowd: nobody bobs, no cameras flash."""

from __future__ import annotations

import random

import pygame

from game.render.crowd import mix, shade_rgb
from game.world.ring_layout import RingLayoutDef

BRICK = (92, 44, 34)
MORTAR = (52, 30, 26)
FLOOR_TOP, FLOOR_BOTTOM = (70, 48, 32), (104, 74, 48)
BRICK_W_PX, BRICK_H_PX = 48, 20


def wall_bottom_y(layout: RingLayoutDef) -> int:
    """Where the wall meets the floor: a little above the back of the canvas."""
    return int(layout.canvas_back_y_px - 40)


def draw_gym_backdrop(s: pygame.Surface, layout: RingLayoutDef, seed: int = 7) -> None:
    """Walls, windows, posters, benches and floor over the whole world surface."""
    rng = random.Random(seed)
    w, h = s.get_size()
    wall_y = wall_bottom_y(layout)
    for y in range(0, wall_y, BRICK_H_PX):  # brick courses, each brick a shade of its own
        row = y // BRICK_H_PX
        off = (BRICK_W_PX // 2) * (row % 2)
        for x in range(-off, w, BRICK_W_PX):
            k = 0.8 + 0.3 * rng.random()
            dark = 0.55 + 0.45 * (y / max(1, wall_y))  # darker under the ceiling
            pygame.draw.rect(s, shade_rgb(BRICK, k * dark), (x + 1, y + 1, BRICK_W_PX - 2,
                                                              BRICK_H_PX - 2))
        pygame.draw.line(s, MORTAR, (0, y), (w, y))
    for cx in range(260, w - 100, 420):  # high windows, night outside
        win = pygame.Rect(0, 0, 200, 120)
        win.midtop = (cx, 70)
        pygame.draw.rect(s, (24, 24, 30), win.inflate(14, 14))
        pygame.draw.rect(s, (28, 40, 64), win)
        for i in range(1, 4):
            x = win.x + win.w * i // 4
            pygame.draw.line(s, (24, 24, 30), (x, win.y), (x, win.bottom), 5)
        pygame.draw.line(s, (24, 24, 30), (win.x, win.centery), (win.right, win.centery), 5)
    for px, colour in ((150, (150, 34, 34)), (w - 210, (36, 60, 130))):  # fight posters
        poster = pygame.Rect(px, 230, 90, 120)
        pygame.draw.rect(s, (200, 190, 160), poster)
        pygame.draw.rect(s, colour, poster.inflate(-12, -56).move(0, -22))
        for i in range(3):
            pygame.draw.line(s, (90, 80, 70), (poster.x + 12, poster.y + 82 + 10 * i),
                             (poster.right - 12 - 14 * (i % 2), poster.y + 82 + 10 * i), 3)
    pygame.draw.rect(s, (40, 28, 22), (0, wall_y - 14, w, 14))  # the skirting board
    for y in range(wall_y, h):  # the wooden floor, lighter toward the camera
        pygame.draw.line(s, mix(FLOOR_TOP, FLOOR_BOTTOM, (y - wall_y) / max(1, h - wall_y)),
                         (0, y), (w, y))
    for y in range(wall_y + 12, h, 26):  # floorboards
        pygame.draw.line(s, shade_rgb(FLOOR_TOP, 0.7), (0, y), (w, y))
    for x in (40, 330, w - 470, w - 180):  # empty benches along the wall
        bench = pygame.Rect(x, wall_y - 44, 150, 12)
        pygame.draw.rect(s, (66, 44, 28), bench)
        pygame.draw.rect(s, (30, 20, 14), (bench.x + 10, bench.bottom, 8, 30))
        pygame.draw.rect(s, (30, 20, 14), (bench.right - 18, bench.bottom, 8, 30))
