"""Training tests: each test gets its own empty data folder (best scores, settings)."""
from __future__ import annotations

from pathlib import Path

import pytest

from game import paths


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "home"
    monkeypatch.setenv(paths.ENV_HOME, str(data))
    paths.set_data_dir(None)
    return data
