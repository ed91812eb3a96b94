"""Pieces the Versus screens share: a sound that never stops a screen, the arena behind a menu,
and the corner-coloured card that heads each fighter's panel."""

from __future__ import annotations

import logging
from typing import Any

import pygame

from game.render.hud import CORNER_COLORS, CORNER_NAMES
from game.ui.text import shade, shared_text

log = logging.getLogger(__name__)
CARD_BG = (14, 14, 22)


def audio_call(app: Any, method: str, *args: Any) -> None:
    """Call app.audio.<method>(*args) if there is sound; a failing mixer never stops a screen."""
    fn = getattr(getattr(app, "audio", None), method, None)
    if fn is None:
        return
    try:
        fn(*args)
    except Exception:  # sound must never stop the game
        log.exception("audio %s failed", method)


def new_backdrop(seed: int) -> Any:
    """An ArenaRenderer for the ring behind a menu screen (its crowd still moves).

    Its apron is plain: the screen's panels sit over it and lettering would read through."""
    from game.render.ring import ArenaRenderer
    from game.world.ring_layout import load_ring_layout

    return ArenaRenderer(load_ring_layout(), seed, apron_text="")


def draw_backdrop(surface: pygame.Surface, arena: Any, dim_alpha: int) -> None:
    """The arena centred on the ring, dimmed by dim_alpha (0..255) so text reads over it."""
    if arena is not None:
        L = arena.layout
        arena.draw_back(surface, int(L.centre_x_px - 640), int(L.look_y_px - 360))
    surface.blit(shade(surface.get_size(), (6, 6, 12, dim_alpha)), (0, 0))


def corner_card(
    surface: pygame.Surface,
    rect: pygame.Rect,
    side: int,
    *,
    stripe_px: int,
    label_size: int,
    label_xy: tuple[int, int],
) -> None:
    """A dark rounded card with its corner's colour stripe on top and "RED/BLUE CORNER"."""
    pygame.draw.rect(surface, CARD_BG, rect, border_radius=12)
    pygame.draw.rect(
        surface,
        CORNER_COLORS[side],
        (rect.x, rect.y, rect.w, stripe_px),
        border_top_left_radius=12,
        border_top_right_radius=12,
    )
    shared_text().blit(
        surface,
        CORNER_NAMES[side],
        label_size,
        (rect.x + label_xy[0], rect.y + label_xy[1]),
        CORNER_COLORS[side],
        kind="bold",
        shadow=None,
    )
