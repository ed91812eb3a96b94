"""The one text path of the game: the house fonts (game.ui.fonts), each rendered string kept in
one bounded cache until it changes.

Per-frame font rendering costs real time; the HUD and the menus ask for the same strings every
frame, so each (text, font, size, colour) is rendered once. Scenes call `shared_text()`
(`.render` / `.blit` by face and size); the menu widgets pass a font object through
`render_font`, into the same cache.
"""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.ui.fonts import Fonts

Color = tuple[int, int, int]


class TextCache:
    """Renders text once per distinct (text, kind, size, colour, shadow) and reuses the surface.

    Least recently used entries go first once the cache holds ``max_items`` surfaces or
    ``max_bytes`` of pixels: every bout brings new lines (its own punch counts, its own result),
    so a count bound alone would let a long session of rematches keep growing."""

    def __init__(self, max_items: int = 512, max_bytes: int = 8_000_000) -> None:
        self._fonts: Fonts | None = None  # made on first use (it initialises pygame.font)
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._max = max_items
        self._max_bytes = max_bytes
        self.held_bytes = 0

    def font(self, kind: str, size: int) -> pygame.font.Font:
        """kind is a face of game.ui.fonts: "display", "body" or "bold"."""
        if self._fonts is None or not pygame.font.get_init():
            self._fonts = Fonts()
        return self._fonts.get(kind, size)

    def forget(self) -> None:
        """Drop the fonts and every surface: after pygame shuts down (an App closed) the old
        font objects are dead, and a new font could take a dead one's id in a key."""
        self._fonts = None
        self._cache.clear()
        self.held_bytes = 0

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
            self._fonts = None
            f = self.font(kind, size)
            fg = f.render(text, True, color)
        if shadow is None:
            surf = fg.convert_alpha() if pygame.display.get_surface() else fg
        else:
            w, h = fg.get_size()
            surf = pygame.Surface((w + shadow_px, h + shadow_px), pygame.SRCALPHA)
            surf.blit(f.render(text, True, shadow), (shadow_px, shadow_px))
            surf.blit(fg, (0, 0))
        self._keep(key, surf)
        return surf

    def _keep(self, key: tuple, surf: pygame.Surface) -> None:
        self._cache[key] = surf
        self.held_bytes += surf.get_pitch() * surf.get_height()
        while len(self._cache) > 1 and (len(self._cache) > self._max
                                        or self.held_bytes > self._max_bytes):
            _, old = self._cache.popitem(last=False)
            self.held_bytes -= old.get_pitch() * old.get_height()

    def render_font(self, font: pygame.font.Font, text: str, color: Color) -> pygame.Surface:
        """A string in a given font object (the menu widgets' fonts), through the same cache."""
        key = ("font", id(font), text, color)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)
            return surf
        surf = font.render(text, True, color)
        self._keep(key, surf)
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
    """One cache for every renderer and scene."""
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
