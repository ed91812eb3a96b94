"""The combat model: pure, deterministic, batched. Imports numpy and the stdlib only."""
from __future__ import annotations

from game.combat.fighters import FighterDef, FighterStats, list_fighters, load_fighter
from game.combat.inputs import Button
from game.combat.view import Event, FighterView, FightView, Result, StepEvents, view

__all__ = ["Button", "Event", "FightView", "FighterDef", "FighterStats", "FighterView", "Result",
           "StepEvents", "list_fighters", "load_fighter", "view"]

from game.combat.ai import cpu_buttons
from game.combat.rules import Rules
from game.combat.state import BoutState, new_bout
from game.combat.step import step

__all__ += ["BoutState", "Rules", "cpu_buttons", "new_bout", "step"]
