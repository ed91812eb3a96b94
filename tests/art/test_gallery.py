"""The gallery scene draws every fighter's actions in both views and answers to actions."""
from __future__ import annotations

import pygame
import pytest

from game.input.actions import Action, ActionEvent
from game.states import registry
from game.states.gallery import GalleryScene, fighter_ids


@pytest.fixture(autouse=True)
def _pygame():
    pygame.display.init()
    pygame.font.init()
    yield


def _busy_pixels(scene: GalleryScene) -> int:
    surf = pygame.Surface((1280, 720))
    scene.draw(surf, 0.0)
    # Count pixels that are neither the gradient background nor text: skin/glove colours are
    # far more saturated than the grey-blue backdrop.
    arr = pygame.surfarray.pixels3d(surf)
    sat = arr.max(axis=2).astype(int) - arr.min(axis=2).astype(int)
    return int((sat > 60).sum())


def test_gallery_is_registered():
    assert registry.scene_class("gallery") is GalleryScene


def test_both_views_draw_fighters_and_the_heroes_come_first():
    ids = fighter_ids()
    assert ids[:2] == ["rocky", "dixon"]
    scene = GalleryScene()
    for _ in range(30):
        scene.update(0)
    assert _busy_pixels(scene) > 20_000  # 27 half-size fighters
    scene.handle(ActionEvent(Action.CONFIRM))
    assert scene.view == "lineup"
    assert _busy_pixels(scene) > 40_000  # every fighter at full size


def test_actions_step_fighter_variant_tag_and_boxes():
    scene = GalleryScene()
    scene.handle(ActionEvent(Action.RIGHT))
    assert scene.ids[scene.fi] == "dixon"
    scene.handle(ActionEvent(Action.DOWN))
    assert scene.variant == "veteran"
    scene.handle(ActionEvent(Action.RIGHT, pressed=False))  # releases do nothing
    assert scene.ids[scene.fi] == "dixon"
    scene.handle(ActionEvent(Action.JAB))
    assert scene.show_boxes
    scene.handle(ActionEvent(Action.CONFIRM))
    scene.handle(ActionEvent(Action.RIGHT))
    assert scene.tag_i == 1
    assert _busy_pixels(scene) > 40_000
