"""House test fixtures: every test gets its own empty data folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from game import paths


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the game's data folder at a temp dir (settings, saves, crash logs)."""
    data = tmp_path / "home"
    monkeypatch.setenv(paths.ENV_HOME, str(data))
    paths.set_data_dir(None)
    return data


@pytest.fixture
def app(home: Path):
    """A headless App with silent audio."""
    from game.app import App

    application = App(headless=True, seed=7, sound=False)
    yield application
    application.close()  # also quits pygame, dropping any events left in its queue
