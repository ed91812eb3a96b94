"""The arena seen from the side: backdrop, lights, stands, the ring, ropes, ringside crowd.

Everything static is drawn once into full-world surfaces (one per crowd pose), so a frame costs
one opaque blit for the back, one small alpha blit for the front ropes and posts, one for the
ringside heads, plus a handful of camera flashes. Geometry comes from levels/ring.tmx.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pygame

from game.render.crowd import draw_crowd, draw_ringside_floor, mix, shade_rgb
from game.ui.text import shared_text
from game.world.ring_layout import CrowdAreaDef, RingLayoutDef

CROWD_LEVELS = 3  # calm, lively, on their feet
CROWD_PHASES = 2  # bob poses, alternated
ROPE_COLORS = ((200, 40, 40), None, (40, 80, 200))  # top red, middle = map colour, bottom blue
# the lettering on the apron's front face: fight night's by default; a mode may name its own
# (the gym's sparring), and a backdrop behind a menu's panels has none (it would read through)
FIGHT_NIGHT_APRON = "STILL A FIGHTER  \u2022  FIGHT NIGHT  \u2022  STILL A FIGHTER"
APRON_TEXT_RGB = (220, 210, 190)
APRON_TEXT_SIZE = 30
#: where the ring stands: fight night's arena (stands full of people, flashes) or the gym
#: (brick walls and empty benches, game.render.gym: no crowd at all)
VENUES = ("arena", "gym")


_STATIC: dict[str, tuple] = {}  # map path (and venue) -> the pre-drawn layers (never change)


# the attributes that hold the pre-drawn layers, cached together per map
_LAYERS = ("_back", "_back_box", "_back_crops", "_front", "_front_pos", "_ringside", "_ringside_pos", "_flash_sprites")


def clear_static_cache() -> None:
    """Forget the pre-drawn layers (after the display was re-created, or in tests)."""
    _STATIC.clear()


def _difference_box(surfaces: list[pygame.Surface]) -> pygame.Rect:
    """The smallest rectangle outside which every surface equals the first."""
    first = pygame.surfarray.array2d(surfaces[0])
    changed = np.zeros(first.shape, dtype=bool)
    for other in surfaces[1:]:
        changed |= pygame.surfarray.array2d(other) != first
    xs, ys = np.nonzero(changed.any(axis=1))[0], np.nonzero(changed.any(axis=0))[0]
    if len(xs) == 0:
        return pygame.Rect(0, 0, 1, 1)
    return pygame.Rect(int(xs[0]), int(ys[0]), int(xs[-1] - xs[0] + 1), int(ys[-1] - ys[0] + 1))


class ArenaRenderer:
    """Draws the ring world; step() is called at 60 Hz, draw_*() only read."""

    def __init__(self, layout: RingLayoutDef, seed: int = 0,
                 apron_text: str = FIGHT_NIGHT_APRON, venue: str = "arena") -> None:
        if venue not in VENUES:
            raise ValueError(f"venue must be one of {', '.join(VENUES)}, got {venue!r}")
        self.layout = layout
        self.apron_text = apron_text  # "" = a plain apron
        self.venue = venue
        self.rng = random.Random(seed ^ 0x5EED)
        self.excitement = 0.15  # 0..1, eased toward target
        self.target_excitement = 0.15
        self.crowd_level = 0
        self.crowd_phase = 0
        self._phase_ticks = 0
        self.flashes: list[list[float]] = []  # [x, y, age, life]
        self._built = False
        self._back: pygame.Surface | None = None  # the whole world, crowd level 0 phase 0
        self._back_box = pygame.Rect(0, 0, 0, 0)  # where the crowd's variants differ from it
        self._back_crops: list[pygame.Surface | None] = []  # that box, per level and phase
        self._front: pygame.Surface | None = None
        self._front_pos = (0, 0)
        self._ringside: list[pygame.Surface] = []
        self._ringside_pos = (0, 0)
        self._flash_sprites: list[pygame.Surface] = []

    # -- simulation of the crowd (render-side only) ----------------------------------------
    def cheer(self, amount: float) -> None:
        """A big moment: the crowd gets up and the cameras flash."""
        self.target_excitement = min(1.0, max(self.target_excitement, amount))
        self.excitement = max(self.excitement, amount * 0.8)
        if self.venue == "gym":
            return  # nobody in the gym has a camera
        for _ in range(int(3 + 12 * amount)):
            self._spawn_flash()

    def step(self) -> None:
        self.target_excitement = max(0.15, self.target_excitement - 0.004)
        self.excitement += (self.target_excitement - self.excitement) * 0.05
        self.crowd_level = 0 if self.excitement < 0.35 else (1 if self.excitement < 0.7 else 2)
        self._phase_ticks += 1
        period = (24, 14, 8)[self.crowd_level]
        if self._phase_ticks >= period:
            self._phase_ticks = 0
            self.crowd_phase = (self.crowd_phase + 1) % CROWD_PHASES
        for area in self.layout.crowd if self.venue == "arena" else ():
            rate = area.flash_rate * (area.w_px / 1000) * (0.05 + self.excitement**2) / 60
            if self.rng.random() < rate:
                self._spawn_flash(area)
        for f in self.flashes:
            f[2] += 1
        self.flashes = [f for f in self.flashes if f[2] < f[3]]

    def _spawn_flash(self, area: CrowdAreaDef | None = None) -> None:
        if area is None:
            area = self.rng.choice([a for a in self.layout.crowd if a.depth < 0.9])
        x = area.x_px + self.rng.random() * area.w_px
        y = area.y_px + self.rng.random() * area.h_px * 0.8
        self.flashes.append([x, y, 0.0, float(self.rng.randint(3, 6))])

    # -- building the static layers ---------------------------------------------------------
    def build(self) -> None:
        """Draw the static layers once per process and map: every scene shares them."""
        if self._built:
            return
        key = self.layout.path if self.venue == "arena" else f"{self.layout.path}#{self.venue}"
        cached = _STATIC.get(key)
        if cached is not None:
            for name, layer in zip(_LAYERS, cached, strict=True):
                setattr(self, name, layer)
            self._built = True
            return
        if self.venue == "gym":
            self._build_gym()
        else:
            self._build_static()
        _STATIC[key] = tuple(getattr(self, name) for name in _LAYERS)

    def _build_gym(self) -> None:
        """The gym's layers: one back (walls, benches, no stands: every crowd pose is the same
        picture, so no crops), the front ropes, and no ringside heads."""
        from game.render.gym import draw_gym_backdrop

        L = self.layout
        s = pygame.Surface((L.world_w_px, L.world_h_px))
        draw_gym_backdrop(s, L)
        for light in L.lights:  # lamps hanging from the ceiling on their cords
            lx, ly = int(light.x_px), int(light.y_px)
            pygame.draw.line(s, (20, 20, 24), (lx, 0), (lx, ly - 10), 2)
            pygame.draw.rect(s, (20, 20, 24), (lx - 16, ly - 12, 32, 18), border_radius=3)
            pygame.draw.ellipse(s, light.color, (lx - 13, ly + 2, 26, 10))
        self._draw_light_cones(s)
        self._draw_ring(s)
        self._back = s.convert() if pygame.display.get_surface() is not None else s
        self._back_box = pygame.Rect(0, 0, 1, 1)
        self._back_crops = [None] * (CROWD_LEVELS * CROWD_PHASES)
        self._build_front()
        self._ringside = []
        self._flash_sprites = []
        self._built = True

    def _build_static(self) -> None:
        L = self.layout
        w, h = L.world_w_px, L.world_h_px
        base = pygame.Surface((w, h))
        self._draw_backdrop(base)
        stands = [a for a in L.crowd if a.depth < 0.9]
        near = [a for a in L.crowd if a.depth >= 0.9]
        if stands and near:
            floor_top = max(a.y_px + a.h_px for a in stands)
            draw_ringside_floor(base, floor_top, min(a.y_px for a in near) + 30, near[0].seed)
        variants = []
        for level in range(CROWD_LEVELS):
            for phase in range(CROWD_PHASES):
                s = base.copy()
                for area in stands:
                    draw_crowd(s, area, level, phase)
                self._draw_light_cones(s)
                self._draw_ring(s)
                variants.append(s)
        # the variants differ only where the crowd moves: keep one whole world and that box of
        # each (about 16 MB instead of 34 MB for six whole worlds)
        self._back_box = _difference_box(variants)
        shown = pygame.display.get_surface() is not None
        self._back = variants[0].convert() if shown else variants[0]
        self._back_crops = [None] + [
            (v.subsurface(self._back_box).convert() if shown else
             v.subsurface(self._back_box).copy()) for v in variants[1:]]
        self._build_front()
        for phase in range(CROWD_PHASES):
            for area in near[:1]:
                strip = pygame.Surface((int(area.w_px), int(area.h_px)), pygame.SRCALPHA)
                local = CrowdAreaDef(
                    area.name,
                    0,
                    0,
                    area.w_px,
                    area.h_px,
                    area.depth,
                    area.rows,
                    area.seat_px,
                    area.seed,
                    area.flash_rate,
                )
                draw_crowd(strip, local, 0, phase)
                self._ringside.append(strip)
                self._ringside_pos = (int(area.x_px), int(area.y_px))
        self._flash_sprites = []
        for size in (6, 8, 11, 14, 18):
            fl = pygame.Surface((size, size), pygame.SRCALPHA)
            c = size / 2
            for r in range(int(c), 0, -1):
                a = int(230 * (1 - r / c) ** 2.2)
                pygame.draw.circle(fl, (255, 255, 255, a), (c, c), r)
            pygame.draw.line(fl, (255, 255, 255, 160), (0, c), (size, c), 1)
            pygame.draw.line(fl, (255, 255, 255, 160), (c, 0), (c, size), 1)
            self._flash_sprites.append(fl)
        self._built = True

    def _draw_backdrop(self, s: pygame.Surface) -> None:
        L = self.layout
        h = L.world_h_px
        for y in range(h):
            pygame.draw.line(
                s, mix(L.backdrop_top, L.backdrop_bottom, y / h), (0, y), (L.world_w_px, y)
            )
        # the lighting truss and the lamps hanging from it
        truss_y = 18
        pygame.draw.rect(s, (34, 34, 40), (200, truss_y, L.world_w_px - 400, 26))
        for x in range(200, L.world_w_px - 200, 26):
            pygame.draw.line(s, (60, 60, 70), (x, truss_y), (x + 26, truss_y + 26), 2)
            pygame.draw.line(s, (60, 60, 70), (x + 26, truss_y), (x, truss_y + 26), 2)
        for light in L.lights:
            lx, ly = int(light.x_px), int(light.y_px)
            glow = pygame.Surface((120, 120), pygame.SRCALPHA)
            for r in range(60, 0, -3):
                a = int(180 * light.intensity * (1 - r / 60) ** 2)
                pygame.draw.circle(glow, (*light.color, a), (60, 60), r)
            s.blit(glow, (lx - 60, ly - 60))
            pygame.draw.rect(s, (20, 20, 24), (lx - 16, ly - 12, 32, 18), border_radius=3)
            pygame.draw.ellipse(s, light.color, (lx - 13, ly + 2, 26, 10))

    def _draw_light_cones(self, s: pygame.Surface) -> None:
        L = self.layout
        cone = pygame.Surface((L.world_w_px, L.world_h_px), pygame.SRCALPHA)
        floor_y = L.canvas_front_y_px
        for light in L.lights:
            lx, ly = light.x_px, light.y_px + 8
            tx = L.centre_x_px + (lx - L.centre_x_px) * 0.5
            spread = light.radius_px
            for k in range(6, 0, -1):
                f = k / 6
                a = int(10 * light.intensity)
                pts = [
                    (lx - 10 * f, ly),
                    (lx + 10 * f, ly),
                    (tx + spread * f, floor_y),
                    (tx - spread * f, floor_y),
                ]
                pygame.draw.polygon(cone, (*light.color, a), pts)
        s.blit(cone, (0, 0))
        # the pool of light on the canvas and the dark vignette at the sides
        vign = pygame.Surface((L.world_w_px, L.world_h_px), pygame.SRCALPHA)
        cx = L.centre_x_px
        for x in range(0, L.world_w_px, 8):
            d = min(1.0, abs(x + 4 - cx) / (L.world_w_px * 0.55))
            pygame.draw.rect(vign, (0, 0, 0, int(170 * d**1.6)), (x, 0, 8, L.world_h_px))
        s.blit(vign, (0, 0))

    def _post_xy(self) -> dict[str, tuple[float, float, float]]:
        """Foot of each post (x, y) and its height, back posts shortened by perspective."""
        L = self.layout
        back_h = L.post_height_px * 0.82
        x0, x1 = L.canvas_x_px, L.canvas_x_px + L.canvas_w_px
        by, fy = L.canvas_back_y_px, L.canvas_front_y_px
        return {
            "back_left": (x0 + L.back_inset_px, by, back_h),
            "back_right": (x1 - L.back_inset_px, by, back_h),
            "front_left": (x0, fy, L.post_height_px),
            "front_right": (x1, fy, L.post_height_px),
        }

    def _pad_color(self, x: float, y: float) -> tuple[int, int, int]:
        best = min(self.layout.corners, key=lambda c: (c.x_px - x) ** 2 + (c.y_px - y) ** 2)
        return best.pad_color

    def _rope_y(self, foot_y: float, height: float, i: int) -> float:
        n = self.layout.rope_count
        return foot_y - height * (0.3 + 0.62 * (i + 1) / n)

    def _rope_color(self, i: int) -> tuple[int, int, int]:
        n = self.layout.rope_count
        idx = 0 if i == n - 1 else (2 if i == 0 else 1)
        return ROPE_COLORS[idx] or self.layout.rope_color

    def _draw_rope(
        self,
        s: pygame.Surface,
        a: tuple[float, float],
        b: tuple[float, float],
        color: tuple[int, int, int],
        width: int,
    ) -> None:
        pygame.draw.line(s, shade_rgb(color, 0.45), (a[0], a[1] + 2), (b[0], b[1] + 2), width)
        pygame.draw.line(s, color, a, b, width)
        pygame.draw.line(s, mix(color, (255, 255, 255), 0.5), (a[0], a[1] - 1), (b[0], b[1] - 1), 1)

    def _draw_post(
        self, s: pygame.Surface, x: float, y: float, h: float, w: float, pad: tuple[int, int, int]
    ) -> None:
        pygame.draw.rect(s, (170, 170, 178), (x - w / 2, y - h, w, h))
        pygame.draw.rect(s, (230, 230, 236), (x - w / 2 + 2, y - h, 3, h))
        pygame.draw.rect(s, (70, 70, 80), (x - w / 2 - 2, y - h - 6, w + 4, 8), border_radius=3)
        pad_rect = pygame.Rect(x - w * 0.9, y - h * 0.95, w * 1.8, h * 0.72)
        pygame.draw.rect(s, shade_rgb(pad, 0.6), pad_rect.move(3, 3), border_radius=6)
        pygame.draw.rect(s, pad, pad_rect, border_radius=6)
        pygame.draw.rect(
            s, mix(pad, (255, 255, 255), 0.35), pad_rect.inflate(-w * 1.2, -8), border_radius=4
        )

    def _draw_ring(self, s: pygame.Surface) -> None:
        L = self.layout
        posts = self._post_xy()
        x0, x1 = L.canvas_x_px, L.canvas_x_px + L.canvas_w_px
        by, fy = L.canvas_back_y_px, L.canvas_front_y_px
        bl, br = posts["back_left"], posts["back_right"]
        # apron (front face) and its skirt
        apron = self.apron_rect()
        pygame.draw.rect(s, L.apron_color, apron)
        pygame.draw.rect(s, shade_rgb(L.apron_color, 1.8), (apron.x, apron.y, apron.w, 6))
        pygame.draw.rect(s, (10, 10, 14), (apron.x, apron.bottom - 8, apron.w, 8))
        # canvas with a soft gradient toward the front, then a logo squashed by perspective
        canvas = pygame.Surface((int(L.canvas_w_px), int(L.canvas_depth_px)), pygame.SRCALPHA)
        for y in range(int(L.canvas_depth_px)):
            t = y / L.canvas_depth_px
            inset = L.back_inset_px * (1 - t)
            c = shade_rgb(L.canvas_color, 0.8 + 0.35 * t)
            pygame.draw.line(canvas, c, (inset, y), (L.canvas_w_px - inset, y))
        logo = shared_text().render("SAF", 150, shade_rgb(L.canvas_color, 1.35), shadow=None)
        logo = pygame.transform.smoothscale(
            logo, (logo.get_width() * 2, int(logo.get_height() * 0.5))
        )
        canvas.blit(logo, logo.get_rect(center=(L.canvas_w_px / 2, L.canvas_depth_px * 0.55)))
        s.blit(canvas, (x0, by))
        pygame.draw.line(s, (220, 220, 225), (x0, fy), (x1, fy), 3)  # the canvas edge
        # back posts and the ropes behind the fighters (back and both sides)
        self._draw_post(s, bl[0], bl[1], bl[2], 12, self._pad_color(bl[0], bl[1]))
        self._draw_post(s, br[0], br[1], br[2], 12, self._pad_color(br[0], br[1]))
        fl, fr = posts["front_left"], posts["front_right"]
        for i in range(L.rope_count):
            col = self._rope_color(i)
            a = (bl[0], self._rope_y(bl[1], bl[2], i))
            b = (br[0], self._rope_y(br[1], br[2], i))
            self._draw_rope(s, a, b, shade_rgb(col, 0.8), 4)
            self._draw_rope(s, a, (fl[0], self._rope_y(fl[1], fl[2], i)), shade_rgb(col, 0.9), 4)
            self._draw_rope(s, b, (fr[0], self._rope_y(fr[1], fr[2], i)), shade_rgb(col, 0.9), 4)

    def _build_front(self) -> None:
        L = self.layout
        posts = self._post_xy()
        fl, fr = posts["front_left"], posts["front_right"]
        pad = 40
        x0, y0 = int(fl[0] - pad), int(fl[1] - fl[2] - pad)
        w, h = int(fr[0] - fl[0] + 2 * pad), int(fl[2] + 2 * pad)
        s = pygame.Surface((w, h), pygame.SRCALPHA)
        for i in range(L.rope_count):
            col = self._rope_color(i)
            a = (fl[0] - x0, self._rope_y(fl[1], fl[2], i) - y0)
            b = (fr[0] - x0, self._rope_y(fr[1], fr[2], i) - y0)
            self._draw_rope(s, a, b, col, 5)
        self._draw_post(s, fl[0] - x0, fl[1] - y0, fl[2], 15, self._pad_color(fl[0], fl[1]))
        self._draw_post(s, fr[0] - x0, fr[1] - y0, fr[2], 15, self._pad_color(fr[0], fr[1]))
        self._front = s
        self._front_pos = (x0, y0)

    def apron_rect(self) -> pygame.Rect:
        """The apron's front face in world pixels."""
        L = self.layout
        return pygame.Rect(L.canvas_x_px - 14, L.canvas_front_y_px, L.canvas_w_px + 28,
                           L.apron_height_px)

    def apron_label(self, text: str) -> tuple[pygame.Surface, pygame.Rect] | None:
        """The apron's lettering and where it goes (world pixels); None for no text.

        Kept out of the pre-drawn layers, which every scene shares, so each ring (or backdrop)
        letters its own apron."""
        if not text:
            return None
        label = shared_text().render(text, APRON_TEXT_SIZE, APRON_TEXT_RGB, shadow=None)
        apron = self.apron_rect()
        return label, label.get_rect(center=(apron.centerx, apron.centery + 3))

    # -- drawing ----------------------------------------------------------------------------
    def draw_back(self, surface: pygame.Surface, ox: int, oy: int) -> None:
        """Backdrop, stands, ring and back ropes; (ox, oy) = world coords of the view's top-left."""
        self.build()
        assert self._back is not None
        sw, sh = surface.get_size()
        view = pygame.Rect(ox, oy, sw, sh)
        crop = self._back_crops[self.crowd_level * CROWD_PHASES + self.crowd_phase]
        box = self._back_box
        if crop is None:
            surface.blit(self._back, (0, 0), view)
        elif box.x <= ox and box.right >= view.right:  # the stands span the view: no overdraw
            for band in (pygame.Rect(ox, oy, sw, box.top - oy),
                         pygame.Rect(ox, box.bottom, sw, view.bottom - box.bottom)):
                if band.h > 0:
                    surface.blit(self._back, (0, band.y - oy), band)
            surface.blit(crop, (0, box.y - oy), pygame.Rect(ox - box.x, 0, sw, box.h))
        else:
            surface.blit(self._back, (0, 0), view)
            surface.blit(crop, (box.x - ox, box.y - oy))
        lettering = self.apron_label(self.apron_text)
        if lettering is not None:
            surface.blit(lettering[0], lettering[1].move(-ox, -oy))
        sprites = self._flash_sprites
        for x, y, age, life in self.flashes:
            k = 1 - age / life
            spr = sprites[min(len(sprites) - 1, int(k * len(sprites)))]
            half = spr.get_width() / 2
            surface.blit(spr, (x - ox - half, y - oy - half), special_flags=pygame.BLEND_ADD)

    def draw_front(self, surface: pygame.Surface, ox: int, oy: int) -> None:
        """Front ropes and posts, then the heads of the ringside crowd, over the fighters."""
        self.build()
        if self._front is not None:
            surface.blit(self._front, (self._front_pos[0] - ox, self._front_pos[1] - oy))
        if self._ringside:
            strip = self._ringside[self.crowd_phase % len(self._ringside)]
            x, y = self._ringside_pos
            sh = surface.get_height()
            visible = sh - (y - oy)
            if visible > 0:
                surface.blit(strip, (x - ox, y - oy), pygame.Rect(0, 0, strip.get_width(), visible))

    def screen_x(self, model_x_px: float, ox: float) -> float:
        return self.layout.model_to_world_x(model_x_px) - ox

    @staticmethod
    def pulse(t: float) -> float:
        return 0.5 + 0.5 * math.sin(t)
