"""Ring tests: a hidden display so surfaces can be converted (SDL dummy driver)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pygame
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def display() -> pygame.Surface:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    pygame.font.init()
    return pygame.display.set_mode((1280, 720))


@pytest.fixture()
def app():
    """A headless App with default settings and no sound, closed after the test."""
    from game.app import App
    from game.settings import Settings

    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()
