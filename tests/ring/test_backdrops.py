"""The ring behind the menus: a plain apron where panels and text sit over it, lettering only
where it is seen whole (a bout, the title)."""

from __future__ import annotations

import numpy as np
import pygame

from game.render.ring import ArenaRenderer
from game.states.versus.common import new_backdrop
from game.ui.arena import Arena
from game.world.ring_layout import load_ring_layout


def _lettered_px(surface: pygame.Surface, apron: pygame.Rect) -> int:
    """How many pixels of the apron's face (less its top light and bottom shadow) are far
    brighter than the apron's cloth: its lettering."""
    face = apron.inflate(0, -20).clip(surface.get_rect())
    rgb = pygame.surfarray.pixels3d(surface)[face.left:face.right, face.top:face.bottom]
    return int((rgb.astype(np.int32).sum(axis=2) > 240).sum())


def _screen_apron(renderer: ArenaRenderer, ox: int, oy: int) -> pygame.Rect:
    return renderer.apron_rect().move(-ox, -oy)


def test_a_bout_letters_its_apron_and_the_menus_backdrop_does_not(display) -> None:
    layout = load_ring_layout()
    ox, oy = int(layout.centre_x_px - 640), int(layout.look_y_px - 360)
    for renderer, lettered in ((ArenaRenderer(layout, 3), True), (new_backdrop(7), False)):
        surface = pygame.Surface((1280, 720))
        renderer.draw_back(surface, ox, oy)
        count = _lettered_px(surface, _screen_apron(renderer, ox, oy))
        assert (count > 500) is lettered, count


def test_the_house_arena_letters_its_apron_only_when_asked(display) -> None:
    arena = Arena()
    ox, oy = arena._origin
    apron = _screen_apron(arena.ring, ox, oy)
    plain, lettered = pygame.Surface((1280, 720)), pygame.Surface((1280, 720))
    arena.draw(plain, 0, lights=0)
    arena.draw(lettered, 0, lights=0, lettering=True)
    assert _lettered_px(plain, apron) == 0
    assert _lettered_px(lettered, apron) > 0
