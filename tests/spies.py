"""Test helper: what a screen module wrote, read off its blit_text calls (it still draws)."""
from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest


def _text(text: str, colour: tuple[int, ...], rect: Any) -> str:
    return text


def blit_texts(monkeypatch: pytest.MonkeyPatch, module: ModuleType,
               keep: Callable[[str, tuple[int, ...], Any], Any] = _text) -> list[Any]:
    """A list that fills, in order, with `keep(text, colour, rect)` for every text `module`
    draws from now on through its own name `blit_text` (by default the text alone)."""
    drawn: list[Any] = []
    real = module.blit_text

    def spy(surface: Any, font: Any, text: str, *a: Any, **k: Any) -> Any:
        rect = real(surface, font, text, *a, **k)
        colour = a[1] if len(a) > 1 else k.get("colour", ())
        drawn.append(keep(text, tuple(colour), rect))
        return rect

    monkeypatch.setattr(module, "blit_text", spy)
    return drawn
