"""Shared fixtures for the sound tests: every sound is built once per test session."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.audio import bank


@pytest.fixture(scope="session")
def built() -> dict[str, np.ndarray]:
    """Every sound the game knows, synthesized once (a few seconds)."""
    return {name: bank.build(name) for name in bank.BUILD_ORDER}


@pytest.fixture(scope="session")
def warm_cache(built: dict[str, np.ndarray], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder already holding every sound, so Audio loads without synthesizing."""
    root = tmp_path_factory.mktemp("sound_cache")
    cache = bank.SoundCache(root)
    assert cache.dir is not None
    for name, samples in built.items():
        bank.write_wav(cache.dir / f"{name}.wav", samples)
    return root
