"""The drills' pictures (``assets/drills/art``, drawn by tools/make_drill_art.py), cached."""
from __future__ import annotations

import pygame

from game.paths import ASSETS

ART_DIR = ASSETS / "drills" / "art"
_CACHE: dict[str, pygame.Surface] = {}


def art(name: str) -> pygame.Surface:
    """One picture by name (``gym``, ``heavy_bag`` ...), converted for fast blits."""
    surf = _CACHE.get(name)
    if surf is None:
        path = ART_DIR / f"{name}.png"
        try:
            surf = pygame.image.load(str(path))
        except (pygame.error, FileNotFoundError) as exc:
            raise FileNotFoundError(f"{path}: cannot load ({exc}); run "
                                    "python tools/make_drill_art.py") from None
        if pygame.display.get_surface() is not None:
            surf = surf.convert_alpha()
        _CACHE[name] = surf
    return surf


_ROT: dict[tuple[str, int], pygame.Surface] = {}


def rotated(name: str, degrees: float, step_deg: int = 2) -> pygame.Surface:
    """The picture turned by ``degrees`` (rounded to step_deg, cached)."""
    d = round(degrees / step_deg) * step_deg
    key = (name, d)
    surf = _ROT.get(key)
    if surf is None:
        if len(_ROT) > 400:
            _ROT.clear()
        surf = pygame.transform.rotate(art(name), d)
        _ROT[key] = surf
    return surf
