"""Sound for Still a Fighter: effects, crowd and music synthesized with numpy.

Public API (docs/contracts.md): Audio(settings) with play / play_music / stop_music /
set_volumes / crowd. Sound names are in SFX_NAMES and MUSIC_NAMES.
"""

from __future__ import annotations

from game.audio.bank import MUSIC_NAMES, SFX_NAMES
from game.audio.mixer import Audio

__all__ = ["MUSIC_NAMES", "SFX_NAMES", "Audio"]
