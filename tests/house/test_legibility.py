"""Text over the arena reads on a dark ground, not across the ring's ropes.

Seen by playing: the title's subtitle sat on the top rope of the ring behind it, and the main
menu's items were drawn across the dimmed ropes."""
from __future__ import annotations

import pygame

BRIGHT = 70  # a channel above this, around the text, is the ring showing through


def _bright_around(surface: pygame.Surface, text: pygame.Rect, margin_px: int,
                   gap_px: int = 3) -> list[tuple[int, int]]:
    """Bright pixels in a frame margin_px wide around the text (gap_px for its shadow)."""
    outer = text.inflate(2 * (margin_px + gap_px), 2 * (margin_px + gap_px))
    inner = text.inflate(2 * gap_px, 2 * gap_px)
    return [(x, y) for x in range(outer.left, outer.right) for y in range(outer.top, outer.bottom)
            if not inner.collidepoint(x, y) and max(surface.get_at((x, y))[:3]) > BRIGHT]


def test_the_title_subtitle_sits_on_its_own_dark_band(app) -> None:
    scene = app.stack.push("title")
    for t in range(80):  # past the drop-in, when the subtitle shows
        app.stack.update(t)
    app.stack.draw(app.screen, 0.0)
    assert scene.subtitle_rect is not None
    assert scene.subtitle_rect.top < 290 < scene.subtitle_rect.bottom + 20  # the rope's height
    assert _bright_around(app.screen, scene.subtitle_rect, 6) == []


def test_the_main_menu_items_read_on_a_dark_panel(app) -> None:
    menu = app.stack.push("menu")
    for t in range(40):  # past the fade in from the title
        menu.update(t)
    app.tick = 10_000
    app.stack.draw(app.screen, 0.0)
    font = app.fonts.display(66)
    checked = 0
    for i, item in enumerate(menu.menu.items):
        if i == menu.menu.selected or item.tag:
            continue  # the red slab and the tag boxes are meant to be bright
        row = menu.menu.rects[i]
        w, h = font.size(item.label.upper())
        text = pygame.Rect(0, 0, w, h)
        text.midleft = (row.x + 30, row.centery + 3)
        right = pygame.Rect(text.right + 8, row.y + 4, row.right - text.right - 8, row.h - 8)
        bright = [(x, y) for x in range(right.left, right.right, 2)
                  for y in range(right.top, right.bottom, 2)
                  if max(app.screen.get_at((x, y))[:3]) > BRIGHT]
        assert bright == [], f"{item.label}: the ring shows through at {bright[:3]}"
        checked += 1
    assert checked >= 5
