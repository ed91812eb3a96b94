"""Training: drill definitions, timing windows, scoring, grades and gains (no pygame).

The scenes that play the drills live in ``game/states/training/``; this package is the rules
they run, so tests, the command line and the story's camp can use them without a window.
"""
from __future__ import annotations

from game.training.drills import (
    GRADES,
    DrillDataError,
    DrillDef,
    DrillResult,
    grade_for,
    list_drills,
    load_drill,
)

__all__ = ["GRADES", "DrillDataError", "DrillDef", "DrillResult", "grade_for", "list_drills",
           "load_drill"]
