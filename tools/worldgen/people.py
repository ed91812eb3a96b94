"""Top-down walking people (4 directions x 4 frames) and dialogue portraits, from a look table.

A look (from ``assets/story/speakers.toml``) gives colours and a few switches: hair style, hat,
jacket, apron, age lines, build. The same look draws the walking sprite and the portrait, so a
character reads as the same person in both.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

FRAME_W, FRAME_H = 32, 48
DIRECTIONS = ("down", "left", "right", "up")
FRAMES = 4  # stand, step, stand, other step
PORTRAIT_PX = 160

Colour = tuple[int, int, int]


def hex_colour(text: str) -> Colour:
    text = text.lstrip("#")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))


def _shade(c: Colour, k: float) -> Colour:
    return tuple(max(0, min(255, int(v * k))) for v in c)  # type: ignore[return-value]


@dataclass(frozen=True)
class Look:
    skin: Colour
    hair: Colour
    shirt: Colour
    pants: Colour
    shoes: Colour = (30, 26, 24)
    jacket: Colour | None = None
    hat: Colour | None = None
    apron: bool = False
    hair_style: str = "short"  # short | long | bald | curly | cap
    old: bool = False
    build: float = 1.0  # shoulder width scale

    @staticmethod
    def from_table(t: dict, where: str) -> Look:
        def col(key: str, default: str | None = None) -> Colour | None:
            value = t.get(key, default)
            if value is None:
                return None
            if not isinstance(value, str) or not value.startswith("#") or len(value) != 7:
                raise ValueError(f"{where}: field '{key}' must be a colour like #a0b0c0")
            return hex_colour(value)

        for key in ("skin", "hair", "shirt", "pants"):
            if key not in t:
                raise ValueError(f"{where}: missing field '{key}'")
        return Look(skin=col("skin"), hair=col("hair"), shirt=col("shirt"),  # type: ignore[arg-type]
                    pants=col("pants"), shoes=col("shoes", "#1e1a18"),  # type: ignore[arg-type]
                    jacket=col("jacket"), hat=col("hat"), apron=bool(t.get("apron", False)),
                    hair_style=str(t.get("hair_style", "short")), old=bool(t.get("old", False)),
                    build=float(t.get("build", 1.0)))


def _walker(look: Look, direction: str, frame: int) -> pygame.Surface:
    s = pygame.Surface((FRAME_W, FRAME_H), pygame.SRCALPHA)
    step = {0: 0, 1: 1, 2: 0, 3: -1}[frame]
    bob = 1 if step else 0
    cx = FRAME_W // 2
    pygame.draw.ellipse(s, (0, 0, 0, 80), (cx - 10, 40, 20, 7))
    # legs
    body = look.jacket or look.shirt
    hip_y = 30 - bob
    if direction in ("down", "up"):
        for side, lift in ((-1, step), (1, -step)):
            x = cx + side * 4 - 3
            pygame.draw.rect(s, look.pants, (x, hip_y, 6, 10 - max(0, lift) * 2))
            pygame.draw.rect(s, look.shoes, (x, hip_y + 9 - max(0, lift) * 2, 6, 3))
    else:
        f = 1 if direction == "right" else -1
        for lift in (step, -step):
            x = cx - 3 + lift * 3 * f
            pygame.draw.rect(s, _shade(look.pants, 0.85 if lift < 0 else 1.0), (x, hip_y, 6, 10))
            pygame.draw.rect(s, look.shoes, (x + (1 if f > 0 else -1), hip_y + 9, 6, 3))
    # torso
    w = int(16 * look.build)
    torso = pygame.Rect(cx - w // 2, 17 - bob, w, 15)
    pygame.draw.rect(s, body, torso, border_radius=4)
    if look.jacket and direction == "down":
        pygame.draw.polygon(s, look.shirt, [(cx - 3, torso.y), (cx + 3, torso.y), (cx, torso.y + 9)])
    if look.apron and direction != "up":
        pygame.draw.rect(s, (236, 234, 226), (cx - 5, torso.y + 5, 10, 12))
    pygame.draw.line(s, _shade(body, 0.7), (torso.x, torso.bottom - 1),
                     (torso.right - 1, torso.bottom - 1))
    # arms swing opposite the legs
    if direction in ("down", "up"):
        for side, swing in ((-1, -step), (1, step)):
            x = cx + side * (w // 2 + 1) - 2
            pygame.draw.rect(s, body, (x, torso.y + 1 + swing, 4, 11), border_radius=2)
            pygame.draw.rect(s, look.skin, (x, torso.y + 11 + swing, 4, 3), border_radius=1)
    else:
        f = 1 if direction == "right" else -1
        x = cx - 2 + step * 3 * f
        pygame.draw.rect(s, _shade(body, 0.85), (x, torso.y + 2, 4, 11), border_radius=2)
        pygame.draw.rect(s, look.skin, (x, torso.y + 12, 4, 3), border_radius=1)
    # head
    hy = 10 - bob
    pygame.draw.circle(s, look.skin, (cx, hy + 1), 7)
    _walker_hair(s, look, direction, cx, hy)
    if direction == "down":
        pygame.draw.rect(s, (30, 24, 22), (cx - 3, hy + 1, 2, 2))
        pygame.draw.rect(s, (30, 24, 22), (cx + 2, hy + 1, 2, 2))
    elif direction in ("left", "right"):
        f = 1 if direction == "right" else -1
        pygame.draw.rect(s, (30, 24, 22), (cx + 3 * f - (1 if f < 0 else 0), hy + 1, 2, 2))
        pygame.draw.rect(s, _shade(look.skin, 0.9), (cx + 6 * f - (1 if f < 0 else 0), hy + 2, 2, 2))
    return s


def _walker_hair(s: pygame.Surface, look: Look, direction: str, cx: int, hy: int) -> None:
    hair = look.hair
    if look.hat:
        pygame.draw.ellipse(s, _shade(look.hat, 0.8), (cx - 10, hy - 4, 20, 8))
        pygame.draw.rect(s, look.hat, (cx - 6, hy - 9, 12, 7), border_radius=3)
        pygame.draw.line(s, (20, 20, 20), (cx - 6, hy - 3), (cx + 5, hy - 3))
        return
    if look.hair_style == "bald":
        pygame.draw.arc(s, hair, (cx - 7, hy - 6, 14, 14), 0.3, 2.8, 2)
        return
    if look.hair_style == "cap":
        pygame.draw.ellipse(s, hair, (cx - 7, hy - 7, 14, 10))
        off = {"down": (0, 3), "up": (0, -5), "left": (-6, 0), "right": (6, 0)}[direction]
        pygame.draw.ellipse(s, _shade(hair, 0.8), (cx - 5 + off[0], hy - 3 + off[1], 10, 5))
        return
    top = (cx - 7, hy - 7, 14, 9 if direction == "down" else 12)
    pygame.draw.ellipse(s, hair, top)
    if direction == "up":
        pygame.draw.ellipse(s, hair, (cx - 7, hy - 5, 14, 13))
    if look.hair_style == "long":
        if direction == "down":
            pygame.draw.rect(s, hair, (cx - 8, hy - 1, 3, 10))
            pygame.draw.rect(s, hair, (cx + 5, hy - 1, 3, 10))
        else:
            pygame.draw.rect(s, hair, (cx - 6, hy, 12, 10), border_radius=3)
    if look.hair_style == "curly":
        for dx in (-6, -2, 2, 6):
            pygame.draw.circle(s, hair, (cx + dx, hy - 5), 3)


def draw_walker_sheet(look: Look) -> pygame.Surface:
    """Rows: down, left, right, up; columns: stand, step, stand, step."""
    sheet = pygame.Surface((FRAME_W * FRAMES, FRAME_H * len(DIRECTIONS)), pygame.SRCALPHA)
    for row, d in enumerate(DIRECTIONS):
        for col in range(FRAMES):
            sheet.blit(_walker(look, d, col), (col * FRAME_W, row * FRAME_H))
    return sheet


def draw_portrait(look: Look) -> pygame.Surface:
    """A head-and-shoulders portrait, drawn large and smoothed down for soft edges."""
    k = 2  # supersample
    n = PORTRAIT_PX * k
    s = pygame.Surface((n, n), pygame.SRCALPHA)
    body = look.jacket or look.shirt
    cx = n // 2
    sw = int(118 * look.build) * k // 2
    # shoulders
    pygame.draw.ellipse(s, body, (cx - sw, int(n * 0.70), 2 * sw, int(n * 0.6)))
    if look.jacket:
        pygame.draw.polygon(s, look.shirt, [(cx - 22 * k, int(n * 0.71)), (cx + 22 * k, int(n * 0.71)),
                                             (cx, int(n * 0.95))])
        pygame.draw.line(s, _shade(look.jacket, 0.6), (cx - 22 * k, int(n * 0.71)),
                         (cx - 4 * k, n), 3 * k)
        pygame.draw.line(s, _shade(look.jacket, 0.6), (cx + 22 * k, int(n * 0.71)),
                         (cx + 4 * k, n), 3 * k)
    if look.apron:
        pygame.draw.rect(s, (236, 234, 226), (cx - 30 * k, int(n * 0.80), 60 * k, n))
    # neck and head
    pygame.draw.rect(s, _shade(look.skin, 0.85), (cx - 14 * k, int(n * 0.52), 28 * k, 30 * k))
    hw, hh = 50 * k, 62 * k
    head = pygame.Rect(cx - hw // 2, int(n * 0.22), hw, hh)
    if look.hair_style == "long" and not look.hat:
        pygame.draw.rect(s, look.hair, (head.x - 6 * k, head.y + 8 * k, hw + 12 * k, hh + 8 * k),
                         border_radius=20 * k)
    pygame.draw.ellipse(s, look.skin, head)
    pygame.draw.ellipse(s, look.skin, (head.x - 5 * k, head.centery - 6 * k, 10 * k, 16 * k))
    pygame.draw.ellipse(s, look.skin, (head.right - 5 * k, head.centery - 6 * k, 10 * k, 16 * k))
    shadow = _shade(look.skin, 0.82)
    pygame.draw.ellipse(s, shadow, (head.x + 4 * k, head.bottom - 20 * k, hw - 8 * k, 14 * k), 0)
    pygame.draw.ellipse(s, look.skin, (head.x + 4 * k, head.bottom - 26 * k, hw - 8 * k, 18 * k))
    # eyes, brows, nose, mouth
    ey = head.y + int(hh * 0.46)
    for side in (-1, 1):
        ex = cx + side * 11 * k
        pygame.draw.ellipse(s, (246, 240, 232), (ex - 5 * k, ey - 3 * k, 10 * k, 6 * k))
        pygame.draw.circle(s, (48, 34, 28), (ex, ey), 3 * k)
        brow = _shade(look.hair, 0.9) if look.hair_style != "bald" else _shade(look.skin, 0.6)
        tilt = 2 * k if look.old else 0
        pygame.draw.line(s, brow, (ex - 7 * k, ey - 8 * k + (tilt if side < 0 else 0)),
                         (ex + 6 * k, ey - 8 * k + (0 if side < 0 else tilt)), 3 * k)
        if look.old:
            pygame.draw.line(s, shadow, (ex - 4 * k, ey + 6 * k), (ex + 4 * k, ey + 6 * k), k)
    pygame.draw.polygon(s, shadow, [(cx, ey + 2 * k), (cx - 5 * k, ey + 17 * k),
                                     (cx + 3 * k, ey + 17 * k)])
    pygame.draw.line(s, (120, 60, 56), (cx - 9 * k, ey + 26 * k), (cx + 9 * k, ey + 25 * k), 3 * k)
    if look.old:
        for side in (-1, 1):
            pygame.draw.line(s, shadow, (cx + side * 12 * k, ey + 14 * k),
                             (cx + side * 15 * k, ey + 26 * k), 2 * k)
    _portrait_hair(s, look, head, k)
    out = pygame.transform.smoothscale(s, (PORTRAIT_PX, PORTRAIT_PX))
    return out


def _portrait_hair(s: pygame.Surface, look: Look, head: pygame.Rect, k: int) -> None:
    cx = head.centerx
    if look.hat:
        pygame.draw.ellipse(s, _shade(look.hat, 0.75), (cx - 48 * k, head.y + 2 * k, 96 * k, 22 * k))
        pygame.draw.rect(s, look.hat, (cx - 30 * k, head.y - 24 * k, 60 * k, 34 * k),
                         border_radius=10 * k)
        pygame.draw.rect(s, (24, 22, 22), (cx - 30 * k, head.y + 2 * k, 60 * k, 7 * k))
        return
    if look.hair_style == "bald":
        for side in (-1, 1):
            pygame.draw.ellipse(s, look.hair, (cx + side * 24 * k - 5 * k, head.y + 22 * k,
                                               10 * k, 20 * k))
        return
    if look.hair_style == "cap":
        pygame.draw.ellipse(s, look.hair, (head.x - 2 * k, head.y - 6 * k, head.w + 4 * k, 34 * k))
        pygame.draw.ellipse(s, _shade(look.hair, 0.75), (cx - 30 * k, head.y + 16 * k, 60 * k, 12 * k))
        return
    pygame.draw.ellipse(s, look.hair, (head.x - 3 * k, head.y - 6 * k, head.w + 6 * k, 32 * k))
    if look.hair_style == "curly":
        for i in range(7):
            a = math.pi * (0.1 + 0.8 * i / 6)
            pygame.draw.circle(s, look.hair, (int(cx - math.cos(a) * 26 * k),
                                              int(head.y + 8 * k - math.sin(a) * 10 * k)), 9 * k)
    if look.hair_style == "long":
        pygame.draw.rect(s, look.hair, (head.x - 4 * k, head.y + 4 * k, 10 * k, 60 * k),
                         border_radius=5 * k)
        pygame.draw.rect(s, look.hair, (head.right - 6 * k, head.y + 4 * k, 10 * k, 60 * k),
                         border_radius=5 * k)
    if look.old and look.hair_style == "short":
        pygame.draw.ellipse(s, _shade(look.hair, 1.25), (cx - 12 * k, head.y - 2 * k, 24 * k, 8 * k))
