"""The tileset: 32 px tiles drawn with pygame and a little numpy grain, one image.

Tiles are named; ``TILE_NAMES`` gives each its index (its Tiled local id), so the map builder
refers to tiles by name and the order here is the only place ids are decided.
"""
from __future__ import annotations

import random

import numpy as np
import pygame

TILE_PX = 32  # drawn at this size ...
SCALE = 2  # ... and saved twice as big (chunky pixels, no scaling at run time)
MAP_TILE_PX = TILE_PX * SCALE
COLUMNS = 8

Colour = tuple[int, int, int]


def _shade(c: Colour, k: float) -> Colour:
    return tuple(max(0, min(255, int(v * k))) for v in c)  # type: ignore[return-value]


def _grain(surf: pygame.Surface, amount: int, seed: int) -> None:
    """Per-pixel noise so flat fills read as material, not as programmer art."""
    rng = np.random.default_rng(seed)
    px = pygame.surfarray.pixels3d(surf)
    noise = rng.integers(-amount, amount + 1, size=px.shape[:2])[..., None]
    px[...] = np.clip(px.astype(np.int16) + noise, 0, 255).astype(np.uint8)
    del px


def _tile() -> pygame.Surface:
    return pygame.Surface((TILE_PX, TILE_PX), pygame.SRCALPHA)


# -- floors -------------------------------------------------------------------------------------
def wood_floor(seed: int) -> pygame.Surface:
    """Long warm planks: soft seams, one butt joint per plank, a little grain."""
    s = _tile()
    base = (136, 88, 52)
    r = random.Random(seed)
    for i in range(4):
        c = _shade(base, r.choice((0.92, 0.98, 1.04, 1.08)))
        pygame.draw.rect(s, c, (0, i * 8, TILE_PX, 8))
        pygame.draw.line(s, _shade(c, 1.12), (0, i * 8), (TILE_PX, i * 8))
        pygame.draw.line(s, _shade(base, 0.74), (0, i * 8 + 7), (TILE_PX, i * 8 + 7))
        if (i + seed) % 2:
            joint = r.randrange(4, 28)
            pygame.draw.line(s, _shade(base, 0.8), (joint, i * 8), (joint, i * 8 + 6))
        for _ in range(2):  # grain streaks
            x = r.randrange(0, 26)
            pygame.draw.line(s, _shade(c, 0.9), (x, i * 8 + 3), (x + r.randrange(3, 7), i * 8 + 3))
    _grain(s, 4, seed)
    return s


def checker_floor(seed: int) -> pygame.Surface:
    s = _tile()
    for y in range(2):
        for x in range(2):
            c = (222, 218, 204) if (x + y) % 2 == 0 else (46, 52, 58)
            pygame.draw.rect(s, c, (x * 16, y * 16, 16, 16))
    _grain(s, 5, seed)
    return s


def flat_floor(colour: Colour, seed: int, lines: bool = False) -> pygame.Surface:
    s = _tile()
    s.fill(colour)
    if lines:
        pygame.draw.line(s, _shade(colour, 0.8), (0, 31), (31, 31))
        pygame.draw.line(s, _shade(colour, 0.8), (31, 0), (31, 31))
    _grain(s, 7, seed)
    return s


def rug(seed: int) -> pygame.Surface:
    s = flat_floor((118, 32, 38), seed)
    pygame.draw.rect(s, (168, 128, 60), (2, 2, 28, 28), 1)
    return s


def road_line(seed: int) -> pygame.Surface:
    s = flat_floor((52, 54, 60), seed)
    pygame.draw.rect(s, (214, 186, 70), (2, 14, 20, 4))
    return s


def sidewalk(seed: int) -> pygame.Surface:
    s = flat_floor((150, 146, 140), seed)
    pygame.draw.line(s, (110, 106, 102), (0, 0), (31, 0))
    pygame.draw.line(s, (110, 106, 102), (0, 0), (0, 31))
    return s


def curb(seed: int) -> pygame.Surface:
    s = flat_floor((150, 146, 140), seed)
    pygame.draw.rect(s, (186, 182, 176), (0, 24, 32, 8))
    pygame.draw.line(s, (80, 80, 84), (0, 31), (31, 31))
    return s


def grass(seed: int) -> pygame.Surface:
    s = flat_floor((62, 112, 52), seed)
    r = random.Random(seed)
    for _ in range(14):
        x, y = r.randrange(32), r.randrange(32)
        pygame.draw.line(s, (92, 150, 70), (x, y), (x + r.choice((-1, 1)), y - 3))
    return s


def steps(seed: int) -> pygame.Surface:
    s = _tile()
    for i in range(4):
        pygame.draw.rect(s, (196, 186, 168), (0, i * 8, 32, 6))
        pygame.draw.rect(s, (140, 130, 116), (0, i * 8 + 6, 32, 2))
    _grain(s, 5, seed)
    return s


def canvas(seed: int) -> pygame.Surface:
    return flat_floor((206, 196, 174), seed)


def ring_rope(seed: int) -> pygame.Surface:
    s = canvas(seed)
    pygame.draw.rect(s, (30, 34, 60), (0, 0, 32, 10))
    pygame.draw.line(s, (200, 40, 44), (0, 3), (31, 3), 2)
    pygame.draw.line(s, (230, 226, 218), (0, 8), (31, 8), 2)
    return s


# -- walls --------------------------------------------------------------------------------------
def wall_top(seed: int) -> pygame.Surface:
    s = flat_floor((34, 28, 30), seed)
    pygame.draw.line(s, (60, 50, 52), (0, 31), (31, 31))
    return s


def wall_front(seed: int, paper: Colour = (112, 44, 40)) -> pygame.Surface:
    """Wallpaper above dark wainscot: the wall seen from a three-quarter top view."""
    s = _tile()
    s.fill(paper)
    for x in range(2, 32, 8):
        pygame.draw.line(s, _shade(paper, 1.12), (x, 0), (x, 18))
    pygame.draw.rect(s, (70, 40, 26), (0, 18, 32, 14))
    pygame.draw.line(s, (150, 110, 60), (0, 18), (31, 18), 2)
    pygame.draw.line(s, (40, 24, 16), (0, 31), (31, 31))
    _grain(s, 4, seed)
    return s


def brick_front(seed: int) -> pygame.Surface:
    s = _tile()
    s.fill((132, 58, 44))
    for row in range(4):
        y = row * 8
        pygame.draw.line(s, (92, 82, 76), (0, y), (31, y))
        off = 8 if row % 2 else 0
        for x in range(off, 32, 16):
            pygame.draw.line(s, (92, 82, 76), (x, y), (x, y + 7))
    _grain(s, 10, seed)
    return s


def tile_wall(seed: int) -> pygame.Surface:
    s = _tile()
    s.fill((214, 222, 222))
    for x in range(0, 32, 8):
        pygame.draw.line(s, (170, 180, 182), (x, 0), (x, 31))
    for y in range(0, 32, 8):
        pygame.draw.line(s, (170, 180, 182), (0, y), (31, y))
    _grain(s, 4, seed)
    return s


def window(seed: int) -> pygame.Surface:
    s = brick_front(seed)
    pygame.draw.rect(s, (34, 30, 28), (4, 4, 24, 22))
    pygame.draw.rect(s, (236, 196, 110), (6, 6, 20, 18))
    pygame.draw.line(s, (34, 30, 28), (16, 6), (16, 23), 2)
    pygame.draw.line(s, (255, 230, 170), (8, 8), (12, 8))
    return s


def photos(seed: int) -> pygame.Surface:
    """Framed photographs on the wallpaper: the memories wall."""
    s = wall_front(seed)
    r = random.Random(seed)
    for x0 in (3, 18):
        h = r.choice((10, 12, 13))
        pygame.draw.rect(s, (200, 170, 96), (x0, 3, 11, h))
        pygame.draw.rect(s, (226, 214, 190), (x0 + 2, 5, 7, h - 4))
        pygame.draw.rect(s, (90, 80, 76), (x0 + 4, 7, 3, h - 8))
    return s


def tv(seed: int) -> pygame.Surface:
    s = wall_front(seed)
    pygame.draw.rect(s, (20, 20, 24), (2, 2, 28, 18), border_radius=2)
    pygame.draw.rect(s, (64, 120, 200), (4, 4, 24, 14))
    pygame.draw.rect(s, (206, 40, 48), (4, 14, 12, 4))
    pygame.draw.line(s, (180, 220, 255), (6, 6), (14, 6))
    return s


def door(seed: int) -> pygame.Surface:
    s = wall_front(seed)
    pygame.draw.rect(s, (86, 54, 30), (5, 2, 22, 30))
    pygame.draw.rect(s, (230, 200, 140), (9, 6, 14, 10))
    pygame.draw.circle(s, (220, 190, 90), (23, 22), 2)
    return s


def doormat(seed: int) -> pygame.Surface:
    s = flat_floor((90, 60, 40), seed)
    pygame.draw.rect(s, (150, 110, 60), (3, 6, 26, 20))
    pygame.draw.rect(s, (120, 80, 44), (5, 8, 22, 16))
    return s


def shopfront_door(seed: int) -> pygame.Surface:
    s = brick_front(seed)
    pygame.draw.rect(s, (40, 30, 24), (4, 2, 24, 30))
    pygame.draw.rect(s, (240, 196, 96), (7, 5, 18, 12))
    return s


def neon(seed: int) -> pygame.Surface:
    """A red neon script sign over the restaurant's door (strokes, no letters)."""
    s = brick_front(seed)
    pygame.draw.rect(s, (30, 14, 16), (1, 6, 30, 16), border_radius=3)
    pts = [(4, 18), (8, 9), (11, 18), (14, 12), (17, 18), (20, 9), (24, 18), (28, 11)]
    pygame.draw.lines(s, (255, 120, 130), False, pts, 2)
    pygame.draw.lines(s, (255, 60, 80), False, [(x, y + 1) for x, y in pts], 1)
    return s


# -- furniture (wall layer, over the floor) ------------------------------------------------------
def table(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.ellipse(s, (0, 0, 0, 60), (3, 8, 28, 22))
    pygame.draw.rect(s, (236, 232, 222), (2, 3, 28, 22), border_radius=3)
    for i in range(0, 28, 7):  # red check
        pygame.draw.rect(s, (196, 50, 54), (2 + i, 3, 3, 22))
        pygame.draw.rect(s, (196, 50, 54), (2, 3 + i, 28, 3))
    pygame.draw.circle(s, (250, 250, 250), (16, 14), 4)
    pygame.draw.circle(s, (214, 120, 70), (16, 14), 2)
    return s


def chair(seed: int) -> pygame.Surface:
    """A bentwood chair seen from above: round seat, curved back."""
    s = _tile()
    pygame.draw.ellipse(s, (0, 0, 0, 50), (9, 13, 16, 14))
    pygame.draw.circle(s, (92, 54, 30), (16, 18), 7)
    pygame.draw.circle(s, (124, 76, 42), (15, 17), 5)
    pygame.draw.arc(s, (60, 34, 20), (8, 8, 16, 16), 0.4, 2.7, 3)
    return s


def booth(seed: int) -> pygame.Surface:
    """A red vinyl booth bench against the wall."""
    s = _tile()
    pygame.draw.rect(s, (0, 0, 0, 60), (1, 6, 31, 24), border_radius=4)
    pygame.draw.rect(s, (120, 24, 30), (0, 2, 32, 26), border_radius=4)
    pygame.draw.rect(s, (164, 40, 46), (2, 10, 28, 16), border_radius=4)
    pygame.draw.line(s, (196, 80, 80), (4, 12), (27, 12))
    return s


def counter(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.rect(s, (70, 36, 20), (0, 8, 32, 24))
    pygame.draw.rect(s, (150, 96, 56), (0, 2, 32, 10))
    pygame.draw.line(s, (200, 150, 90), (0, 3), (31, 3))
    pygame.draw.line(s, (50, 24, 14), (0, 31), (31, 31), 2)
    return s


def bar_shelf(seed: int) -> pygame.Surface:
    s = wall_front(seed)
    pygame.draw.rect(s, (60, 34, 20), (0, 10, 32, 3))
    r = random.Random(seed)
    for x in range(2, 30, 5):
        c = r.choice([(60, 120, 60), (140, 80, 30), (200, 190, 150), (90, 40, 60)])
        pygame.draw.rect(s, c, (x, 2, 3, 8))
    return s


def stool(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.ellipse(s, (0, 0, 0, 60), (9, 18, 16, 8))
    pygame.draw.circle(s, (170, 30, 36), (16, 16), 7)
    pygame.draw.circle(s, (210, 70, 70), (14, 14), 3)
    return s


def stove(seed: int) -> pygame.Surface:
    s = counter(seed)
    pygame.draw.rect(s, (60, 62, 66), (2, 2, 28, 12))
    for x in (9, 23):
        pygame.draw.circle(s, (30, 30, 34), (x, 8), 4, 1)
    return s


def fridge(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.rect(s, (206, 212, 216), (3, 0, 26, 31), border_radius=3)
    pygame.draw.line(s, (150, 156, 160), (3, 12), (28, 12))
    pygame.draw.rect(s, (120, 124, 128), (24, 4, 2, 6))
    return s


def plant(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.rect(s, (150, 80, 50), (10, 20, 12, 10))
    for a, b in ((6, 8), (16, 4), (24, 9), (11, 13), (21, 14)):
        pygame.draw.circle(s, (50, 120, 60), (a, b + 4), 6)
    return s


def jukebox(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.rect(s, (150, 60, 40), (4, 2, 24, 28), border_radius=10)
    pygame.draw.rect(s, (250, 200, 90), (8, 6, 16, 12), border_radius=6)
    pygame.draw.rect(s, (90, 200, 230), (8, 20, 16, 6))
    return s


def heavy_bag(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.ellipse(s, (0, 0, 0, 70), (6, 18, 22, 10))
    pygame.draw.circle(s, (120, 34, 30), (16, 14), 11)
    pygame.draw.circle(s, (160, 60, 50), (13, 11), 5)
    pygame.draw.circle(s, (40, 40, 40), (16, 14), 3)
    return s


def speed_bag(seed: int) -> pygame.Surface:
    s = wall_front(seed, (90, 90, 96))
    pygame.draw.rect(s, (60, 40, 24), (2, 2, 28, 5))
    pygame.draw.ellipse(s, (170, 40, 36), (11, 7, 10, 14))
    return s


def locker_wall(seed: int) -> pygame.Surface:
    s = tile_wall(seed)
    pygame.draw.rect(s, (120, 140, 150), (0, 0, 32, 5))
    return s


def carcass(seed: int) -> pygame.Surface:
    """A side of beef on a hook, seen from above."""
    s = _tile()
    pygame.draw.ellipse(s, (0, 0, 0, 60), (8, 18, 20, 10))
    pygame.draw.line(s, (160, 164, 170), (16, 0), (16, 6), 2)
    pygame.draw.ellipse(s, (168, 52, 50), (8, 5, 16, 24))
    pygame.draw.ellipse(s, (236, 220, 200), (11, 8, 7, 16))
    pygame.draw.ellipse(s, (196, 70, 64), (13, 10, 8, 14))
    return s


def bench(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.rect(s, (110, 76, 44), (1, 10, 30, 12))
    pygame.draw.line(s, (150, 110, 70), (1, 15), (30, 15))
    return s


def lamp(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.circle(s, (255, 230, 160, 70), (16, 14), 14)
    pygame.draw.circle(s, (40, 40, 44), (16, 16), 4)
    pygame.draw.circle(s, (255, 240, 190), (16, 14), 3)
    return s


def tree(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.circle(s, (0, 0, 0, 60), (18, 18), 14)
    pygame.draw.circle(s, (40, 96, 46), (16, 15), 14)
    pygame.draw.circle(s, (70, 130, 60), (12, 11), 7)
    return s


def car(seed: int, body: Colour) -> pygame.Surface:
    s = _tile()
    pygame.draw.rect(s, (0, 0, 0, 70), (1, 6, 31, 24), border_radius=6)
    pygame.draw.rect(s, body, (0, 4, 31, 23), border_radius=6)
    pygame.draw.rect(s, (120, 170, 200), (7, 8, 17, 15), border_radius=3)
    pygame.draw.rect(s, body, (10, 10, 11, 11))
    return s


def desk(seed: int) -> pygame.Surface:
    s = _tile()
    pygame.draw.rect(s, (74, 44, 26), (0, 6, 32, 22))
    pygame.draw.rect(s, (110, 70, 40), (0, 4, 32, 8))
    pygame.draw.rect(s, (232, 228, 216), (8, 5, 10, 6))
    return s


def flag_wall(seed: int) -> pygame.Surface:
    s = wall_front(seed, (60, 70, 96))
    pygame.draw.rect(s, (40, 60, 130), (6, 2, 20, 14))
    pygame.draw.circle(s, (230, 200, 110), (16, 9), 4)
    return s


def poster_wall(seed: int) -> pygame.Surface:
    s = wall_front(seed, (90, 90, 96))
    pygame.draw.rect(s, (236, 220, 180), (6, 2, 20, 16))
    pygame.draw.rect(s, (200, 40, 48), (8, 4, 16, 5))
    pygame.draw.rect(s, (30, 30, 36), (10, 11, 12, 4))
    return s


def void(seed: int) -> pygame.Surface:
    s = _tile()
    s.fill((12, 10, 14))
    return s


def builders() -> list[tuple[str, object]]:
    """Name -> drawing function, in tile-id order."""
    return [
        ("void", void), ("wood", wood_floor), ("checker", checker_floor),
        ("wall_top", wall_top), ("wall", wall_front), ("photos", photos), ("tv", tv),
        ("door", door), ("doormat", doormat), ("table", table), ("chair", chair),
        ("counter", counter), ("bar_shelf", bar_shelf), ("stool", stool), ("stove", stove),
        ("fridge", fridge), ("plant", plant), ("jukebox", jukebox),
        ("sidewalk", sidewalk), ("curb", curb), ("road", lambda s: flat_floor((52, 54, 60), s)),
        ("road_line", road_line), ("brick", brick_front), ("window", window),
        ("shop_door", shopfront_door), ("neon", neon), ("lamp", lamp),
        ("car_red", lambda s: car(s, (170, 40, 40))), ("car_blue", lambda s: car(s, (40, 70, 150))),
        ("gym_floor", lambda s: flat_floor((70, 74, 82), s, lines=True)),
        ("canvas", canvas), ("ring_rope", ring_rope), ("heavy_bag", heavy_bag),
        ("speed_bag", speed_bag), ("poster", poster_wall), ("bench", bench),
        ("gray_wall", lambda s: wall_front(s, (90, 90, 96))),
        ("locker_floor", lambda s: flat_floor((170, 184, 188), s, lines=True)),
        ("locker_wall", locker_wall), ("carcass", carcass), ("kitchen_wall", tile_wall),
        ("steps", steps), ("plaza", lambda s: flat_floor((178, 170, 156), s, lines=True)),
        ("grass", grass), ("tree", tree), ("rug", rug), ("desk", desk), ("flag", flag_wall),
        ("hall_wall", lambda s: wall_front(s, (60, 70, 96))),
        ("hall_floor", lambda s: flat_floor((96, 72, 52), s, lines=True)),
        ("booth", booth),
    ]


TILE_NAMES: dict[str, int] = {name: i for i, (name, _) in enumerate(builders())}


def draw_tileset() -> pygame.Surface:
    """Every tile on one sheet, COLUMNS wide, in TILE_NAMES order."""
    items = builders()
    rows = (len(items) + COLUMNS - 1) // COLUMNS
    sheet = pygame.Surface((COLUMNS * TILE_PX, rows * TILE_PX), pygame.SRCALPHA)
    for i, (_, fn) in enumerate(items):
        tile = fn(i * 31 + 7)  # type: ignore[operator]
        sheet.blit(tile, ((i % COLUMNS) * TILE_PX, (i // COLUMNS) * TILE_PX))
    return pygame.transform.scale_by(sheet, SCALE)
