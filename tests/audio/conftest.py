"""Shared fixtures for the sound tests: every sound is built once per test session."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.audio import bank


@pytest.fixture(scope="session")
def takes() -> dict[tuple[str, int], np.ndarray]:
    """Every take of every sound the game knows, synthesized once (a few seconds)."""
    return {
        (name, v): bank.build(name, v)
        for name in bank.BUILD_ORDER
        for v in range(bank.SOUND_DEFS[name].variants)
    }


@pytest.fixture(scope="session")
def built(takes: dict[tuple[str, int], np.ndarray]) -> dict[str, np.ndarray]:
    """The first take of every sound, by name."""
    return {name: x for (name, v), x in takes.items() if v == 0}


@pytest.fixture(scope="session")
def warm_cache(
    takes: dict[tuple[str, int], np.ndarray], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A cache folder already holding every sound, so Audio loads without synthesizing."""
    root = tmp_path_factory.mktemp("sound_cache")
    cache = bank.SoundCache(root)
    assert cache.dir is not None
    for (name, v), samples in takes.items():
        bank.write_wav(cache.dir / cache.file_name(name, v), samples)
    return root
