"""One bout for every mode (Versus, story, training sparring, the Virtual Fight's "watch",
replays): the setup, the session that runs it, and replay files. No pygame here."""

from __future__ import annotations

from game.bout.replay import Replay, ReplayError
from game.bout.session import BoutSession, state_hash
from game.bout.setup import (
    CLOCK_SPEEDS,
    CONTROLS,
    MAX_AGE,
    MIN_AGE,
    BoutSetup,
    Modifier,
    SetupError,
    SideSetup,
)

__all__ = ["CLOCK_SPEEDS", "CONTROLS", "MAX_AGE", "MIN_AGE", "BoutSession", "BoutSetup",
           "Modifier", "Replay", "ReplayError", "SetupError", "SideSetup", "state_hash"]
