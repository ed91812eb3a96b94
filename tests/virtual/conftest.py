"""Virtual Fight tests: a headless App (SDL dummy drivers, no sound)."""
from __future__ import annotations

import pytest


@pytest.fixture()
def app():
    from game.app import App
    from game.settings import Settings

    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()
