"""Story scene tests: a headless App, and a throw-away data folder for saves."""
from __future__ import annotations

import pytest

from game import paths


@pytest.fixture()
def app(tmp_path):
    from game.app import App
    from game.settings import Settings

    paths.set_data_dir(tmp_path)
    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()
    paths.set_data_dir(None)
