"""Widgets for menu-like scenes: cached text, a menu list for keys/pad/mouse, toasts, hints."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.ui import colours as C
from game.ui.text import shared_text


def render(font: pygame.font.Font, text: str, colour: tuple[int, int, int]) -> pygame.Surface:
    """Render text once and reuse it (menus redraw the same strings every frame): the one text
    cache of game.ui.text."""
    return shared_text().render_font(font, text, colour)


def blit_text(surface: pygame.Surface, font: pygame.font.Font, text: str, pos: tuple[int, int],
              colour: tuple[int, int, int] = C.TEXT, anchor: str = "topleft",
              shadow: int = 0) -> pygame.Rect:
    """Blit text anchored at ``pos`` (any pygame.Rect anchor name); optional drop shadow."""
    surf = render(font, text, colour)
    rect = surf.get_rect(**{anchor: pos})
    if shadow:
        surface.blit(render(font, text, C.SHADOW), rect.move(shadow, shadow))
    surface.blit(surf, rect)
    return rect


def wrap(font: pygame.font.Font, text: str, width_px: int) -> list[str]:
    """Split text into lines that fit ``width_px``."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if font.size(trial)[0] <= width_px or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def slab(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int],
         skew_px: int = 18) -> None:
    """A slanted highlight bar, like a broadcast lower-third."""
    x, y, w, h = rect
    pygame.draw.polygon(surface, colour, [(x + skew_px, y), (x + w + skew_px, y), (x + w, y + h),
                                          (x, y + h)])


_SHADES: dict[tuple[int, int, int, tuple[int, int, int]], pygame.Surface] = {}


def dim(surface: pygame.Surface, alpha: int, rect: pygame.Rect | None = None,
        colour: tuple[int, int, int] = (0, 0, 0)) -> None:
    """Darken (part of) the surface: a cached flat surface blitted with surface alpha."""
    rect = pygame.Rect(rect or surface.get_rect())
    key = (rect.w, rect.h, alpha, colour)
    shade = _SHADES.get(key)
    if shade is None:
        if len(_SHADES) > 64:
            _SHADES.clear()
        shade = pygame.Surface(rect.size)
        shade.fill(colour)
        shade.set_alpha(alpha)
        _SHADES[key] = shade
    surface.blit(shade, rect)


@dataclass
class MenuItem:
    label: str
    key: str
    hint: str = ""
    enabled: bool = True
    tag: str = ""  # small label beside the item, e.g. "SOON"


@dataclass
class MenuList:
    """A vertical list: up/down (and mouse hover) move, confirm (or click) chooses.

    ``handle`` returns the chosen item's key, "back" for a back action, or None.
    ``on_move`` is called when the selection changes (for the ui_move sound).
    """

    items: list[MenuItem]
    selected: int = 0
    rects: list[pygame.Rect] = field(default_factory=list)  # from the last draw, for the mouse
    on_move: Callable[[], None] | None = None

    @property
    def current(self) -> MenuItem:
        return self.items[self.selected]

    def move(self, delta: int) -> None:
        n = len(self.items)
        new = (self.selected + delta) % n
        if new != self.selected:
            self.selected = new
            if self.on_move:
                self.on_move()

    def select_key(self, key: str) -> None:
        for i, item in enumerate(self.items):
            if item.key == key:
                self.selected = i

    def handle(self, item: Any) -> str | None:
        if isinstance(item, ActionEvent):
            if not item.pressed:
                return None
            if item.action is Action.UP:
                self.move(-1)
            elif item.action is Action.DOWN:
                self.move(1)
            elif item.action is Action.CONFIRM and not item.repeat:
                return self.current.key
            elif item.action is Action.BACK:
                return "back"
            return None
        t = getattr(item, "type", None)
        if t == pygame.MOUSEMOTION:
            hit = self._hit(item.pos)
            if hit is not None and hit != self.selected:
                self.selected = hit
                if self.on_move:
                    self.on_move()
        elif t == pygame.MOUSEBUTTONDOWN and item.button == 1:
            hit = self._hit(item.pos)
            if hit is not None:
                self.selected = hit
                return self.current.key
        elif t == pygame.MOUSEBUTTONDOWN and item.button == 3:
            return "back"
        elif t == pygame.MOUSEWHEEL:
            self.move(-item.y)
        return None

    def _hit(self, pos: tuple[int, int]) -> int | None:
        for i, rect in enumerate(self.rects):
            if rect.collidepoint(pos):
                return i
        return None


_ARROWS = {"UPDOWN": [(0, -1), (0, 1)], "LEFTRIGHT": [(-1, 0), (1, 0)]}


def draw_hints(surface: pygame.Surface, fonts: Any, hints: list[tuple[str, str]],
               y: int = 690) -> None:
    """Bottom bar of control hints: [("ENTER", "Select"), ("ESC", "Back")].

    The keys "UPDOWN" and "LEFTRIGHT" are drawn as arrow pairs."""
    font_key, font_txt = fonts.bold(16), fonts.body(18)
    x = 48
    for key, label in hints:
        arrows = _ARROWS.get(key)
        if arrows:  # the text fonts have no arrow glyphs: draw them
            box = pygame.Rect(x, y - 13, 20 * len(arrows) + 8, 26)
            pygame.draw.rect(surface, C.TEXT_DIM, box, border_radius=4)
            for i, (dx, dy) in enumerate(arrows):
                cx, cy = box.x + 14 + 20 * i, box.centery
                tip = (cx + 6 * dx, cy + 6 * dy)
                side = [(cx - 5 * dx + 5 * dy, cy - 5 * dy + 5 * dx),
                        (cx - 5 * dx - 5 * dy, cy - 5 * dy - 5 * dx)]
                pygame.draw.polygon(surface, C.NIGHT, [tip, *side])
        else:
            ks = render(font_key, key, C.NIGHT)
            box = pygame.Rect(x, y - 13, ks.get_width() + 14, 26)
            pygame.draw.rect(surface, C.TEXT_DIM, box, border_radius=4)
            surface.blit(ks, ks.get_rect(center=box.center))
        x = box.right + 8
        rect = blit_text(surface, font_txt, label, (x, y), C.TEXT_DIM, "midleft")
        x = rect.right + 26


TOAST_W_PX = 1080
TOAST_BOTTOM_PX = 680  # where the newest toast sits when nothing pressable is there


def toast_height(fonts: Any, text: str) -> int:
    """The strip's height for this text (one or two lines)."""
    return 16 + 26 * len(wrap(fonts.bold(20), text, 1000)[:2])


def toast_spot(h_px: int, want_bottom_px: int, avoid: list[pygame.Rect],
               screen_h_px: int = 720) -> int:
    """The bottom y for a toast strip h_px high: the nearest to want_bottom_px whose strip
    touches none of ``avoid`` (a scene's buttons, the toasts already placed); when every spot
    touches something, the one that covers least."""
    x = 640 - TOAST_W_PX // 2
    best, best_cover = want_bottom_px, None
    spots = sorted(range(h_px, screen_h_px + 1, 2), key=lambda b: (abs(b - want_bottom_px), -b))
    for bottom in spots:
        strip = pygame.Rect(x, bottom - h_px, TOAST_W_PX, h_px)
        cover = sum(strip.clip(r).w * strip.clip(r).h for r in avoid)
        if cover == 0:
            return bottom
        if best_cover is None or cover < best_cover:
            best, best_cover = bottom, cover
    return best


def draw_toast(surface: pygame.Surface, fonts: Any, text: str, y: int) -> pygame.Rect:
    """A message strip over any scene (settings damaged, pad disconnected ...), its bottom at
    y + 20; returns its rectangle so the next one can stack above it."""
    font = fonts.bold(20)
    lines = wrap(font, text, 1000)[:2]
    h = 16 + 26 * len(lines)
    rect = pygame.Rect(0, 0, TOAST_W_PX, h)
    rect.midbottom = (640, y + 20)
    dim(surface, 215, rect)
    pygame.draw.rect(surface, C.GOLD, (rect.x, rect.y, 6, rect.h))
    for i, line in enumerate(lines):
        blit_text(surface, font, line, (rect.x + 24, rect.y + 8 + 26 * i), C.CREAM)
    return rect


def draw_crash(surface: pygame.Surface, fonts: Any, error: str, crash_file: Path | None) -> None:
    """The screen shown after an unexpected error, instead of vanishing."""
    surface.fill(C.NIGHT)
    blit_text(surface, fonts.display(96), "DOWN, BUT NOT OUT", (640, 220), C.GOLD, "center")
    blit_text(surface, fonts.body(24), "Something went wrong and the game has to stop.",
              (640, 310), C.TEXT, "center")
    for i, line in enumerate(wrap(fonts.body(20), error, 1000)[:3]):
        blit_text(surface, fonts.body(20), line, (640, 360 + 28 * i), C.TEXT_DIM, "center")
    where = f"A crash report was saved to {crash_file}" if crash_file else "No crash report saved."
    blit_text(surface, fonts.body(20), where, (640, 480), C.TEXT_DIM, "center")
    blit_text(surface, fonts.bold(22), "Press any key to close.", (640, 560), C.CREAM, "center")


def make_icon() -> pygame.Surface:
    """The window icon: a red glove with a white cuff, drawn by code."""
    icon = pygame.Surface((64, 64), pygame.SRCALPHA)
    pygame.draw.ellipse(icon, C.RED_DARK, (10, 6, 46, 40))
    pygame.draw.ellipse(icon, C.RED, (8, 4, 44, 38))
    pygame.draw.ellipse(icon, C.RED, (2, 16, 20, 22))  # thumb
    pygame.draw.ellipse(icon, (240, 120, 120), (18, 10, 16, 8))  # shine
    pygame.draw.rect(icon, C.ROPE_WHITE, (16, 40, 30, 18), border_radius=4)
    pygame.draw.line(icon, C.RED_DARK, (18, 49), (44, 49), 2)
    return icon
