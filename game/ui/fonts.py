"""Fonts from the OFL font packages on PyPI, found with importlib.resources.

Bebas Neue (display: titles, numbers, menu items) and Atkinson Hyperlegible (body text).
Fonts are cached by (face, size); rendering text is the caller's business.
"""
from __future__ import annotations

import contextlib
import logging
from importlib import resources
from pathlib import Path

import pygame

log = logging.getLogger(__name__)

FACES: dict[str, tuple[str, str]] = {
    "display": ("fontpkg_bebas_neue", "BebasNeue-Regular.ttf"),
    "body": ("fontpkg_atkinson_hyperlegible", "AtkinsonHyperlegible-Regular.ttf"),
    "bold": ("fontpkg_atkinson_hyperlegible", "AtkinsonHyperlegible-Bold.ttf"),
}


def font_path(face: str) -> Path | None:
    """Path of a face's TTF, or None if its package is missing (then pygame's default is used)."""
    package, filename = FACES[face]
    try:
        ref = resources.files(package) / "files" / filename
    except ModuleNotFoundError:
        log.warning("font package %s is not installed; using pygame's default font", package)
        return None
    # The packages are normal directories on disk, so as_file returns the real path and the
    # context exit does not delete it; the ExitStack keeps this correct for zipped installs too.
    path = _KEEP.enter_context(resources.as_file(ref))
    return Path(path) if Path(path).exists() else None


_KEEP = contextlib.ExitStack()


class Fonts:
    """Cached pygame fonts: ``fonts.display(96)``, ``fonts.body(24)``, ``fonts.bold(24)``."""

    def __init__(self) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self._paths: dict[str, Path | None] = {}
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}

    def get(self, face: str, size_px: int) -> pygame.font.Font:
        key = (face, size_px)
        font = self._cache.get(key)
        if font is None:
            if face not in self._paths:
                self._paths[face] = font_path(face)
            path = self._paths[face]
            font = pygame.font.Font(str(path) if path else None, size_px)
            self._cache[key] = font
        return font

    def display(self, size_px: int) -> pygame.font.Font:
        return self.get("display", size_px)

    def body(self, size_px: int) -> pygame.font.Font:
        return self.get("body", size_px)

    def bold(self, size_px: int) -> pygame.font.Font:
        return self.get("bold", size_px)
