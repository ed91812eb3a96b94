"""Draw the training drills' art: `python tools/make_drill_art.py`.

Writes `assets/drills/art/*.png`: the gym, the heavy bag, the speed bag and its platform, the
meat locker and a side of beef, the museum steps and the city at dawn, the trainer's mitts.
Everything is pygame drawing plus numpy noise; the game only loads the PNGs, so an artist can
replace any of them at the same size.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import numpy as np
import pygame

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "drills" / "art"
W, H = 1280, 720


def _noise(w: int, h: int, seed: int, scale: float = 1.0) -> np.ndarray:
    """Smooth-ish value noise in 0..1, shape (w, h)."""
    rng = np.random.default_rng(seed)
    small = rng.random((max(2, int(w / 16 * scale)), max(2, int(h / 16 * scale))))
    surf = pygame.surfarray.make_surface((small[..., None] * 255).repeat(3, 2).astype(np.uint8))
    big = pygame.transform.smoothscale(surf, (w, h))
    return pygame.surfarray.array3d(big)[..., 0] / 255.0


def _shade(surface: pygame.Surface, amount: np.ndarray) -> None:
    """Multiply the surface's colour by ``amount`` (w, h) in 0..~1.3."""
    px = pygame.surfarray.pixels3d(surface)
    amount = np.round(amount * 12) / 12  # a few levels: grain, and a PNG that stays small
    px[:] = np.clip(px * amount[..., None], 0, 255).astype(np.uint8)
    del px


def _vgrad(w: int, h: int, top: tuple, bottom: tuple) -> pygame.Surface:
    t = np.linspace(0, 1, h)[None, :, None]
    a, b = np.array(top)[None, None, :], np.array(bottom)[None, None, :]
    arr = (a + (b - a) * t).repeat(w, 0)
    return pygame.surfarray.make_surface(arr.astype(np.uint8))


def _light_cone(surface: pygame.Surface, cx: int, top_y: int, bottom_y: int, half_w: int,
                colour: tuple, alpha: int) -> None:
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    for i in range(12):
        k = i / 12
        a = int(alpha * (1 - k) / 3)
        pygame.draw.polygon(layer, (*colour, a), [(cx - 20, top_y), (cx + 20, top_y),
                                                  (cx + half_w * (1 - k * 0.5), bottom_y),
                                                  (cx - half_w * (1 - k * 0.5), bottom_y)])
    surface.blit(layer, (0, 0))


def gym() -> pygame.Surface:
    """An old Philly gym: brick, high windows, a ring in the back, a worn wooden floor."""
    s = _vgrad(W, H, (58, 40, 34), (30, 22, 20))
    brick = pygame.Surface((W, 520))
    brick.fill((96, 52, 40))
    for row in range(0, 520, 22):
        off = 0 if (row // 22) % 2 else 30
        pygame.draw.line(brick, (60, 44, 40), (0, row), (W, row), 3)
        for x in range(-off, W, 60):
            pygame.draw.line(brick, (60, 44, 40), (x, row), (x, row + 22), 3)
    _shade(brick, 0.75 + 0.4 * _noise(W, 520, 3, 2.0))
    s.blit(brick, (0, 0))
    for x in (140, 520, 900):  # high windows, morning light
        pygame.draw.rect(s, (40, 30, 28), (x - 6, 40, 232, 150))
        pygame.draw.rect(s, (180, 196, 210), (x, 46, 220, 138))
        for gx in range(1, 4):
            pygame.draw.line(s, (60, 60, 66), (x + gx * 55, 46), (x + gx * 55, 184), 4)
        pygame.draw.line(s, (60, 60, 66), (x, 115), (x + 220, 115), 4)
        _light_cone(s, x + 110, 184, 620, 260, (255, 236, 190), 90)
    for x, col in ((420, (170, 40, 40)), (790, (40, 70, 150))):  # old fight posters, no words
        pygame.draw.rect(s, (210, 196, 160), (x, 230, 110, 150))
        pygame.draw.rect(s, col, (x + 8, 240, 94, 70))
        pygame.draw.circle(s, (230, 200, 150), (x + 40, 275), 18)
        pygame.draw.circle(s, (120, 80, 60), (x + 72, 275), 18)
        for i in range(4):
            pygame.draw.rect(s, (90, 80, 70), (x + 12, 322 + i * 13, 86 - i * 14, 6))
    # ring in the back, right
    pygame.draw.rect(s, (36, 44, 90), (980, 420, 300, 90))
    for i, c in enumerate(((196, 38, 44), (226, 222, 214), (40, 84, 178))):
        pygame.draw.line(s, c, (960, 330 + i * 28), (1280, 330 + i * 28), 5)
    pygame.draw.rect(s, (58, 58, 66), (960, 300, 18, 130))
    # floor
    floor = pygame.Surface((W, 200))
    floor.fill((120, 84, 52))
    for y in range(0, 200, 25):
        pygame.draw.line(floor, (82, 56, 36), (0, y), (W, y), 2)
        for x in range(((y // 25) * 97) % 240 - 240, W, 240):
            pygame.draw.line(floor, (82, 56, 36), (x, y), (x, y + 25), 2)
    _shade(floor, 0.7 + 0.45 * _noise(W, 200, 5, 3.0))
    s.blit(floor, (0, 520))
    pygame.draw.rect(s, (40, 28, 22), (0, 512, W, 10))
    return s


def heavy_bag() -> pygame.Surface:
    """A worn leather heavy bag on a chain: 140 x 420, hook at the top centre."""
    s = pygame.Surface((140, 420), pygame.SRCALPHA)
    for y in range(0, 110, 14):  # chain
        pygame.draw.ellipse(s, (150, 150, 156), (62, y, 16, 18), 3)
    pygame.draw.line(s, (120, 120, 126), (70, 100), (30, 130), 4)
    pygame.draw.line(s, (120, 120, 126), (70, 100), (110, 130), 4)
    body = pygame.Rect(14, 124, 112, 290)
    pygame.draw.rect(s, (92, 28, 24), body, border_radius=30)
    px = pygame.surfarray.pixels3d(s)
    alpha = pygame.surfarray.pixels_alpha(s)
    xs = np.linspace(-1, 1, 140)[:, None]
    light = np.clip(1.15 - 0.7 * (xs + 0.35) ** 2, 0.35, 1.25)
    mask = alpha[:, :] > 0
    shade = np.where(mask, light * (0.85 + 0.3 * _noise(140, 420, 9, 3.0)), 1.0)
    shade[:, :124] = 1.0
    px[:] = np.clip(px * shade[..., None], 0, 255).astype(np.uint8)
    del px, alpha
    for y in (150, 390):  # straps and seams
        pygame.draw.rect(s, (40, 22, 20), (14, y, 112, 12))
    pygame.draw.line(s, (60, 20, 18), (70, 166), (70, 384), 2)
    pygame.draw.rect(s, (220, 200, 160), (44, 240, 52, 40), border_radius=6)  # taped patch
    pygame.draw.line(s, (190, 170, 130), (46, 252), (94, 252), 2)
    pygame.draw.line(s, (190, 170, 130), (46, 266), (94, 266), 2)
    return s


def speed_bag() -> pygame.Surface:
    """The teardrop bag: 70 x 100, hanging point at the top centre."""
    s = pygame.Surface((70, 100), pygame.SRCALPHA)
    pygame.draw.ellipse(s, (150, 34, 30), (6, 26, 58, 72))
    pygame.draw.polygon(s, (150, 34, 30), [(26, 4), (44, 4), (60, 50), (10, 50)])
    pygame.draw.ellipse(s, (220, 110, 96), (18, 40, 14, 30))
    pygame.draw.rect(s, (60, 40, 30), (28, 0, 14, 8))
    return s


def speed_platform() -> pygame.Surface:
    """The round wooden rebound board on its wall bracket: 320 x 120."""
    s = pygame.Surface((320, 120), pygame.SRCALPHA)
    pygame.draw.rect(s, (50, 50, 56), (150, 0, 20, 60))
    pygame.draw.ellipse(s, (70, 46, 28), (0, 56, 320, 56))
    pygame.draw.ellipse(s, (138, 94, 56), (0, 48, 320, 56))
    pygame.draw.ellipse(s, (160, 114, 70), (30, 56, 260, 36), 3)
    pygame.draw.circle(s, (90, 90, 96), (160, 82), 8)
    return s


def locker() -> pygame.Surface:
    """A meat locker: white tile gone grey-blue, a rail of hooks, breath-cold light."""
    s = _vgrad(W, H, (70, 92, 110), (24, 32, 44))
    tile = pygame.Surface((W, 540))
    tile.fill((150, 170, 182))
    for y in range(0, 540, 36):
        pygame.draw.line(tile, (100, 118, 130), (0, y), (W, y), 2)
    for x in range(0, W, 36):
        pygame.draw.line(tile, (100, 118, 130), (x, 0), (x, 540), 2)
    _shade(tile, 0.55 + 0.35 * _noise(W, 540, 11, 1.5))
    s.blit(tile, (0, 0))
    pygame.draw.rect(s, (70, 74, 80), (0, 60, W, 14))  # the rail
    for x in range(60, W, 150):  # hooks and far carcasses
        pygame.draw.line(s, (110, 110, 118), (x, 74), (x, 110), 4)
        if x not in (510, 660):
            pygame.draw.ellipse(s, (96, 48, 48), (x - 34, 104, 68, 230))
            pygame.draw.ellipse(s, (150, 120, 110), (x - 20, 120, 24, 180))
    floor = pygame.Surface((W, 180))
    floor.fill((80, 92, 100))
    _shade(floor, 0.6 + 0.4 * _noise(W, 180, 12, 2.0))
    s.blit(floor, (0, 540))
    pygame.draw.rect(s, (40, 46, 52), (0, 536, W, 6))
    frost = pygame.Surface((W, H), pygame.SRCALPHA)
    n = _noise(W, H, 13, 4.0)
    a = pygame.surfarray.pixels_alpha(frost)
    edge = np.minimum(np.linspace(0, 1, W)[:, None], np.linspace(1, 0, W)[:, None]) * 4
    a[:] = (np.clip(1 - edge, 0, 1) * n * 150).astype(np.uint8)
    del a
    frost.fill((230, 240, 255, 0), special_flags=pygame.BLEND_RGBA_ADD)
    s.blit(frost, (0, 0))
    _light_cone(s, 640, 0, 560, 300, (210, 230, 255), 80)
    pygame.draw.rect(s, (200, 220, 255), (600, 0, 80, 10))
    return s


def beef() -> pygame.Surface:
    """A side of beef on its hook: 170 x 400, hook point at the top centre."""
    s = pygame.Surface((170, 400), pygame.SRCALPHA)
    pygame.draw.arc(s, (170, 170, 178), (68, 0, 34, 40), 0, 3.3, 5)
    pygame.draw.line(s, (170, 170, 178), (85, 20), (85, 60), 5)
    meat = [(60, 60), (112, 58), (150, 120), (160, 230), (140, 330), (100, 396), (56, 390),
            (24, 300), (14, 190), (30, 100)]
    pygame.draw.polygon(s, (150, 40, 44), meat)
    pygame.draw.polygon(s, (240, 226, 206), [(40, 90), (70, 80), (50, 200), (36, 300), (26, 200)])
    pygame.draw.polygon(s, (200, 70, 70), [(80, 90), (130, 120), (138, 240), (110, 350), (80, 300)])
    for y in range(130, 340, 40):  # ribs
        pygame.draw.arc(s, (236, 220, 200), (44, y, 100, 40), 0.3, 2.8, 5)
    px = pygame.surfarray.pixels3d(s)
    alpha = pygame.surfarray.pixels_alpha(s)
    shade = np.where(alpha > 0, 0.8 + 0.35 * _noise(170, 400, 17, 4.0), 1.0)
    px[:] = np.clip(px * shade[..., None], 0, 255).astype(np.uint8)
    del px, alpha
    # frost on the fat
    for i in range(40):
        rng = np.random.default_rng(i)
        x, y = int(rng.integers(30, 140)), int(rng.integers(80, 380))
        if s.get_at((x, y)).a:
            pygame.draw.circle(s, (235, 240, 250, 180), (x, y), 2)
    return s


def steps() -> pygame.Surface:
    """The museum steps seen from the side, on a clear background: 3400 x 1700.

    Step k's nose (k = 1..72) is at (STEP_X0 + k * 40, STEP_Y0 - k * 20) with STEP_X0 = 200,
    STEP_Y0 = 1580; step 0 is the street. game/states/training/steps_view.py uses the same.
    """
    w, h = 3400, 1700
    s = pygame.Surface((w, h), pygame.SRCALPHA)
    stone = (196, 184, 166)
    pygame.draw.rect(s, (150, 146, 140), (0, 1580, w, 120))  # the street
    for k in range(1, 73):
        x0, y0 = 200 + k * 40, 1580 - k * 20
        pygame.draw.rect(s, stone, (x0, y0, w - x0, 20))
        pygame.draw.line(s, (236, 226, 210), (x0, y0), (w, y0), 2)  # lit tread
        pygame.draw.rect(s, (150, 140, 126), (x0, y0 + 15, w - x0, 5))  # shadowed riser
        if k % 18 == 0:  # landings
            pygame.draw.rect(s, (176, 166, 150), (x0 - 10, y0 - 2, 8, 22))
    top_y = 1580 - 72 * 20
    pygame.draw.rect(s, (210, 198, 180), (200 + 72 * 40, top_y, 700, h - top_y))
    for i in range(5):  # the colonnade at the top
        x = 200 + 72 * 40 + 60 + i * 110
        pygame.draw.rect(s, (226, 214, 196), (x, top_y - 320, 44, 320))
        for f in range(1, 4):
            pygame.draw.line(s, (196, 186, 170), (x + f * 11, top_y - 310), (x + f * 11, top_y), 2)
        pygame.draw.rect(s, (200, 188, 170), (x - 8, top_y - 334, 60, 16))
    pygame.draw.rect(s, (214, 202, 184), (200 + 72 * 40 + 30, top_y - 380, 620, 50))
    px = pygame.surfarray.pixels3d(s)
    grain = np.round((0.95 + 0.07 * _noise(w, h, 21, 1.0)) * 16) / 16
    px[:] = np.clip(px * grain[..., None], 0, 255).astype(np.uint8)
    del px
    return s


def skyline() -> pygame.Surface:
    """The city at dawn from the top of the steps: 1280 x 720 with its own sky."""
    s = _vgrad(W, H, (255, 196, 120), (90, 70, 110))
    pygame.draw.circle(s, (255, 236, 180), (300, 430), 70)
    glow = pygame.Surface((W, H), pygame.SRCALPHA)
    for r in range(260, 70, -20):
        pygame.draw.circle(glow, (255, 220, 150, 12), (300, 430), r)
    s.blit(glow, (0, 0))
    rng = np.random.default_rng(4)
    x = 0
    while x < W:  # towers: the city hall tower stands out
        bw = int(rng.integers(40, 110))
        bh = int(rng.integers(120, 330))
        if 620 < x < 700:
            bh = 420
        c = int(rng.integers(50, 80))
        pygame.draw.rect(s, (c, c - 10, c + 20), (x, 560 - bh, bw, bh + 200))
        for wy in range(560 - bh + 12, 540, 22):
            for wx in range(x + 8, x + bw - 8, 16):
                if rng.random() < 0.3:
                    pygame.draw.rect(s, (250, 210, 140), (wx, wy, 6, 9))
        x += bw + int(rng.integers(0, 12))
    pygame.draw.rect(s, (40, 34, 52), (0, 560, W, 160))
    return s


def mitt() -> pygame.Surface:
    """A focus mitt, pad facing the viewer: 70 x 86."""
    s = pygame.Surface((70, 86), pygame.SRCALPHA)
    pygame.draw.ellipse(s, (30, 30, 34), (2, 2, 66, 82))
    pygame.draw.ellipse(s, (200, 36, 40), (6, 6, 58, 70))
    pygame.draw.circle(s, (240, 240, 236), (35, 38), 16)
    pygame.draw.circle(s, (200, 36, 40), (35, 38), 7)
    pygame.draw.ellipse(s, (255, 140, 140), (16, 12, 18, 10))
    return s


ART = {"gym": gym, "heavy_bag": heavy_bag, "speed_bag": speed_bag,
       "speed_platform": speed_platform, "locker": locker, "beef": beef, "steps": steps,
       "skyline": skyline, "mitt": mitt}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("names", nargs="*", help=f"which pictures (default all: {', '.join(ART)})")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.names or ART:
        surf = ART[name]()
        pygame.image.save(surf, str(out / f"{name}.png"))
        print(f"{name}.png {surf.get_width()}x{surf.get_height()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
