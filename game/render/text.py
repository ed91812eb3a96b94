"""Cached text: fonts from the packaged OFL fonts, rendered surfaces kept until the text changes.

Per-frame font rendering costs real time; the HUD asks for the same strings every frame, so each
(text, font, size, colour) is rendered once and kept in a small bounded cache.
"""

from __future__ import annotations

from collections import OrderedDict
from importlib import resources

import pygame

_FONT_FILES = {
    "display": ("fontpkg_bebas_neue", "BebasNeue-Regular.ttf"),
    "body": ("fontpkg_atkinson_hyperlegible", "AtkinsonHyperlegible-Regular.ttf"),
    "bold": ("fontpkg_atkinson_hyperlegible", "AtkinsonHyperlegible-Bold.ttf"),
}

Color = tuple[int, int, int]


def font_path(kind: str) -> str | None:
    """Path of a packaged TTF, or None when the font package is missing (falls back to default)."""
    package, name = _FONT_FILES[kind]
    try:
        return str(resources.files(package) / "files" / name)
    except (ModuleNotFoundError, FileNotFoundError):
        return None


class TextCache:
    """Renders text once per distinct (text, kind, size, colour, shadow) and reuses the surface."""

    def __init__(self, max_items: int = 512) -> None:
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._max = max_items

    def font(self, kind: str, size: int) -> pygame.font.Font:
        key = (kind, size)
        f = self._fonts.get(key)
        if f is None:
            if not pygame.font.get_init():
                pygame.font.init()
            f = pygame.font.Font(font_path(kind), size)
            self._fonts[key] = f
        return f

    def render(
        self,
        text: str,
        size: int,
        color: Color = (255, 255, 255),
        kind: str = "display",
        shadow: Color | None = (0, 0, 0),
        shadow_px: int = 2,
    ) -> pygame.Surface:
        key = (text, kind, size, color, shadow, shadow_px)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)
            return surf
        f = self.font(kind, size)
        try:
            fg = f.render(text, True, color)
        except pygame.error:  # the font module was restarted (a new App): reload the fonts
            self._fonts.clear()
            f = self.font(kind, size)
            fg = f.render(text, True, color)
        if shadow is None:
            surf = fg.convert_alpha() if pygame.display.get_surface() else fg
        else:
            w, h = fg.get_size()
            surf = pygame.Surface((w + shadow_px, h + shadow_px), pygame.SRCALPHA)
            surf.blit(f.render(text, True, shadow), (shadow_px, shadow_px))
            surf.blit(fg, (0, 0))
        self._cache[key] = surf
        if len(self._cache) > self._max:
            self._cache.popitem(last=False)
        return surf

    def blit(
        self,
        target: pygame.Surface,
        text: str,
        size: int,
        pos: tuple[float, float],
        color: Color = (255, 255, 255),
        kind: str = "display",
        anchor: str = "topleft",
        shadow: Color | None = (0, 0, 0),
    ) -> pygame.Rect:
        surf = self.render(text, size, color, kind, shadow)
        rect = surf.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
        target.blit(surf, rect)
        return rect


_shared: TextCache | None = None


def shared_text() -> TextCache:
    """One cache for every renderer and scene of the ring."""
    global _shared
    if _shared is None:
        _shared = TextCache()
    return _shared


_shades: dict[tuple[int, int, int, int, int, int], pygame.Surface] = {}


def shade(size: tuple[int, int], rgba: tuple[int, int, int, int]) -> pygame.Surface:
    """A translucent full-size overlay, made once per size and colour (not every frame)."""
    key = (*size, *rgba)
    surf = _shades.get(key)
    if surf is None:
        surf = pygame.Surface(size, pygame.SRCALPHA)
        surf.fill(rgba)
        _shades[key] = surf
    return surf
