"""Drawing a walkable map: tiles through pyscroll, people y-sorted over them, a soft vignette.

Only this module loads the map's images (pytmx.load_pygame); the world layer parses the same
file without them. People sheets come from assets/world/people/<id>.png (made by
tools/make_world.py): rows down/left/right/up, four walk frames each.
"""
from __future__ import annotations

from pathlib import Path

import pygame

from game.paths import ASSETS
from game.world.tilemap import WorldMapDef

PEOPLE_DIR = ASSETS / "world" / "people"
PORTRAIT_DIR = ASSETS / "world" / "portraits"
ROWS = {"down": 0, "left": 1, "right": 2, "up": 3}

_SHEETS: dict[str, list[list[pygame.Surface]]] = {}
_PORTRAITS: dict[str, pygame.Surface | None] = {}


def person_frames(sprite_id: str) -> list[list[pygame.Surface]]:
    """[row][frame] surfaces of one person's walking sheet (cached)."""
    frames = _SHEETS.get(sprite_id)
    if frames is None:
        sheet = pygame.image.load(str(PEOPLE_DIR / f"{sprite_id}.png"))
        if pygame.display.get_surface() is not None:
            sheet = sheet.convert_alpha()
        fw, fh = sheet.get_width() // 4, sheet.get_height() // 4
        frames = [[sheet.subsurface((c * fw, r * fh, fw, fh)) for c in range(4)] for r in range(4)]
        _SHEETS[sprite_id] = frames
    return frames


def portrait(speaker_id: str) -> pygame.Surface | None:
    if speaker_id not in _PORTRAITS:
        path = PORTRAIT_DIR / f"{speaker_id}.png"
        img = pygame.image.load(str(path)) if path.exists() else None
        if img is not None and pygame.display.get_surface() is not None:
            img = img.convert_alpha()
        _PORTRAITS[speaker_id] = img
    return _PORTRAITS[speaker_id]


class WorldRenderer:
    """One map on screen; call ``draw`` with the people to show and the camera centre."""

    def __init__(self, world: WorldMapDef, size: tuple[int, int] = (1280, 720)) -> None:
        import pyscroll
        import pytmx

        self.world = world
        self.size = size
        tmx = pytmx.load_pygame(str(Path(world.path)))
        self.layer = pyscroll.BufferedRenderer(pyscroll.TiledMapData(tmx), size,
                                               clamp_camera=True)
        self._vignette = _vignette(size)
        self.lights = [(t.centre_px, _light_pool(int(t.props["radius"]),
                                                 t.props.get("colour", "#ffc878")))
                       for t in world.of_type("light")]

    def draw(self, surface: pygame.Surface, centre_px: tuple[float, float],
             people: list[tuple[str, str, int, float, float]]) -> tuple[int, int]:
        """people: (sprite id, facing, frame, feet x, feet y). Returns the world->screen offset."""
        top_max = self.world.camera_top_max_px
        if top_max is not None:  # keep the far wall's people whole (the map says how)
            centre_px = (centre_px[0], min(centre_px[1], top_max + surface.get_height() / 2))
        self.layer.center(centre_px)
        self.layer.draw(surface, surface.get_rect())
        ox, oy = self.layer.get_center_offset()
        for sprite_id, facing, frame, x, y in sorted(people, key=lambda p: p[4]):
            img = person_frames(sprite_id)[ROWS[facing]][frame]
            surface.blit(img, (round(x + ox - img.get_width() / 2),
                               round(y + oy - img.get_height() + 14)))
        view = surface.get_rect()
        for (lx, ly), pool in self.lights:  # warm lamps: additive pools, only those on screen
            r = pool.get_rect(center=(round(lx + ox), round(ly + oy)))
            if r.colliderect(view):
                surface.blit(pool, r, special_flags=pygame.BLEND_ADD)
        surface.blit(self._vignette, (0, 0))
        return (ox, oy)


_POOLS: dict[tuple[int, str], pygame.Surface] = {}


def _light_pool(radius_px: int, colour: str) -> pygame.Surface:
    """A soft disc of light to add over the scene (cached per radius and colour)."""
    key = (radius_px, colour)
    pool = _POOLS.get(key)
    if pool is None:
        import numpy as np

        c = colour.lstrip("#")
        rgb = np.array([int(c[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.float32)
        n = 2 * radius_px
        yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
        d = np.sqrt((xx - radius_px + 0.5) ** 2 + (yy - radius_px + 0.5) ** 2) / radius_px
        k = np.clip(1.0 - d, 0.0, 1.0) ** 2 * 0.32
        px = (k[..., None] * rgb[None, None, :]).astype(np.uint8)
        pool = pygame.surfarray.make_surface(px.transpose(1, 0, 2))
        _POOLS[key] = pool
    return pool


def _vignette(size: tuple[int, int]) -> pygame.Surface:
    """Darker corners, like a lamp-lit room (drawn once)."""
    w, h = size
    small = pygame.Surface((64, 36), pygame.SRCALPHA)
    for y in range(36):
        for x in range(64):
            dx, dy = (x - 31.5) / 32, (y - 17.5) / 18
            d = min(1.0, (dx * dx + dy * dy) ** 0.5)
            small.set_at((x, y), (8, 6, 12, int(150 * max(0.0, d - 0.55) / 0.45)))
    return pygame.transform.smoothscale(small, (w, h))
