"""The Virtual Fight's run layer: many bouts in worker processes, their numbers and exports.

Pure (numpy and the standard library); the screen lives in game/states/virtual/.
"""
from __future__ import annotations

from game.virtual.run import MAX_BOUTS, MIN_BOUTS, RunData, RunSpec, plan_chunks
from game.virtual.stats import details, wilson
from game.virtual.worker import SimRun

__all__ = ["MAX_BOUTS", "MIN_BOUTS", "RunData", "RunSpec", "SimRun", "details", "plan_chunks",
           "wilson"]
