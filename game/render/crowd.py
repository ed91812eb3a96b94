"""The people in the stands, painted once per crowd level and bob pose into the arena's static
layers (game.render.ring). Seeded per area, so the same seats hold the same people every time."""

from __future__ import annotations

import random

import pygame

from game.world.ring_layout import CrowdAreaDef


def shade_rgb(c: tuple[int, int, int], k: float) -> tuple[int, int, int]:
    """A colour darkened (k < 1) or brightened (k > 1), clamped to 0..255."""
    return (
        max(0, min(255, int(c[0] * k))),
        max(0, min(255, int(c[1] * k))),
        max(0, min(255, int(c[2] * k))),
    )


def mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return (
        int(a[0] + (b[0] - a[0]) * t),
        int(a[1] + (b[1] - a[1]) * t),
        int(a[2] + (b[2] - a[2]) * t),
    )


SKIN = ((241, 200, 160), (224, 172, 130), (190, 134, 96), (141, 92, 60), (96, 62, 40))
SHIRTS = (
    (190, 40, 40),
    (40, 70, 150),
    (220, 220, 220),
    (40, 40, 40),
    (60, 120, 70),
    (200, 160, 50),
    (120, 60, 140),
    (90, 90, 100),
    (170, 90, 40),
    (30, 30, 60),
)


def draw_crowd(s: pygame.Surface, area: CrowdAreaDef, level: int, phase: int) -> None:
    """Rows of people, far rows first; level sets how many stand and cheer."""
    rng = random.Random(area.seed)
    dim = 0.28 + 0.45 * area.depth if area.depth < 0.9 else 0.18
    row_h = area.h_px / area.rows
    if area.depth < 0.9:  # tiers behind the people
        for r in range(area.rows):
            y = area.y_px + r * row_h
            pygame.draw.rect(
                s,
                shade_rgb((40, 34, 46), 0.6 + 0.4 * r / area.rows),
                (area.x_px, y + row_h * 0.55, area.w_px, row_h * 0.45),
            )
    for r in range(area.rows):
        seat = area.seat_px
        y0 = area.y_px + (r + 1) * row_h
        x = area.x_px - rng.random() * seat
        while x < area.x_px + area.w_px + seat:
            px = x + rng.uniform(-0.15, 0.15) * seat
            x += seat * rng.uniform(0.9, 1.15)
            if rng.random() < 0.06:
                continue  # an empty seat
            skin = shade_rgb(rng.choice(SKIN), dim * 1.3)
            shirt = shade_rgb(rng.choice(SHIRTS), dim)
            excit = rng.random()
            bob_seed = rng.random()
            standing = excit < (0.0, 0.35, 0.75)[level]
            size = seat * 0.9
            head_r = size * 0.26
            lift = size * 0.35 if standing else 0.0
            if (bob_seed < 0.5) == (phase == 1):
                lift += size * (0.05 + 0.08 * level)
            body_top = y0 - size * 0.55 - lift
            body = pygame.Rect(px - size * 0.42, body_top, size * 0.84, size * 0.55 + lift + 2)
            pygame.draw.ellipse(s, shirt, body.inflate(0, size * 0.2).move(0, size * 0.1))
            hx, hy = px, body_top - head_r * 0.6
            if standing and excit < (0.0, 0.2, 0.55)[level]:  # arms up, fists in the air
                swing = (1 if phase == 0 else -1) * size * 0.12 * (1 if bob_seed > 0.5 else -1)
                for sgn in (-1, 1):
                    sx, sy = px + sgn * size * 0.35, body_top + size * 0.1
                    ex, ey = px + sgn * size * 0.55 + swing, hy - size * 0.55
                    pygame.draw.line(s, shirt, (sx, sy), (ex, ey), max(2, int(size * 0.16)))
                    pygame.draw.circle(s, skin, (ex, ey), max(1.5, size * 0.11))
            pygame.draw.circle(s, skin, (hx, hy), head_r)
            if rng.random() < 0.5:  # hair or a cap
                hair = shade_rgb(
                    rng.choice(
                        (
                            (30, 24, 20),
                            (90, 60, 30),
                            (200, 200, 200),
                            (20, 20, 20),
                            (150, 30, 30),
                        )
                    ),
                    dim * 1.2,
                )
                pygame.draw.circle(
                    s,
                    hair,
                    (hx, hy - head_r * 0.35),
                    head_r * 0.85,
                    draw_top_left=True,
                    draw_top_right=True,
                )


def draw_ringside_floor(s: pygame.Surface, top_y: float, bottom_y: float, seed: int) -> None:
    """The floor between the stands and the ringside seats: a padded barrier with boards, then
    the press row (tables, glowing laptops, heads). The ring is drawn over its middle; this fills
    the sides the camera sees when the fight goes to the ropes."""
    rng = random.Random(seed)
    w = s.get_width()
    top, bottom = int(top_y), int(bottom_y)
    for y in range(top, bottom):  # the arena floor, a little lighter toward the camera
        pygame.draw.line(
            s, mix((18, 17, 24), (30, 28, 38), (y - top) / max(1, bottom - top)), (0, y), (w, y)
        )
    barrier_h = 34
    pygame.draw.rect(s, (20, 28, 48), (0, top, w, barrier_h))
    for x in range(0, w, 150):  # advertising boards along the barrier
        col = ((120, 26, 30), (26, 44, 96), (34, 34, 44))[(x // 150) % 3]
        pygame.draw.rect(s, col, (x + 4, top + 6, 142, barrier_h - 12), border_radius=3)
        pygame.draw.line(s, shade_rgb(col, 1.6), (x + 14, top + 17), (x + 90, top + 17), 3)
    pygame.draw.line(s, (70, 80, 110), (0, top), (w, top), 2)
    table_y = top + (bottom - top) * 0.62
    for x in range(10, w, 64):  # press row: heads and shoulders behind the table
        if rng.random() < 0.2:
            continue
        skin = shade_rgb(rng.choice(SKIN), 0.45)
        shirt = shade_rgb(rng.choice(SHIRTS), 0.35)
        px = x + rng.uniform(0, 24)
        pygame.draw.ellipse(s, shirt, (px - 17, table_y - 30, 34, 36))
        pygame.draw.circle(s, skin, (px, table_y - 38), 10)
    pygame.draw.rect(s, (44, 40, 50), (0, table_y, w, 16))
    pygame.draw.line(s, (84, 78, 92), (0, table_y), (w, table_y), 2)
    pygame.draw.rect(s, (26, 24, 32), (0, table_y + 16, w, 22))
    for x in range(30, w, 128):  # laptop screens, their glow on the table
        lx = x + rng.uniform(0, 40)
        pygame.draw.rect(s, (60, 90, 130), (lx, table_y - 14, 22, 14), border_radius=2)
        pygame.draw.rect(s, (110, 150, 190), (lx + 3, table_y - 11, 16, 8))
