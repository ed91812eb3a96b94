"""The rules of each drill kind: pure state machines fed presses and time.

Every rules object has the same face for the scene, the autoplayers and the tests:
``press(action, t_s, held)``, ``update(t_s)``, ``take_events()``, ``score``, ``done``,
``result()``. Times are seconds since the beat anchor (see game.training.timing).
"""
from __future__ import annotations

from typing import Any

from game.training.drills import DrillDef
from game.training.rules.base import DrillEvent, DrillRules
from game.training.rules.locker import LockerRules
from game.training.rules.rhythm import ComboRules, MittsRules, RopeRules, SpeedBagRules
from game.training.rules.sparring import SparringRules
from game.training.rules.steps import StepsRules

RULES: dict[str, type[DrillRules]] = {
    "combo": ComboRules,
    "speed_bag": SpeedBagRules,
    "rope": RopeRules,
    "mitts": MittsRules,
    "locker": LockerRules,
    "steps": StepsRules,
    "sparring": SparringRules,
}


def check_params(drill: DrillDef) -> None:
    """Raise DrillDataError naming the file and field if the drill's params or points are
    wrong."""
    RULES[drill.kind].check_params(drill.params, f"{drill.path} [params]")
    RULES[drill.kind].check_points(drill.points, drill.params, f"{drill.path} [points]")


def make_rules(drill: DrillDef, *, seed: int = 1, **kwargs: Any) -> DrillRules:
    """A fresh session of this drill."""
    return RULES[drill.kind](drill, seed=seed, **kwargs)


__all__ = ["RULES", "DrillEvent", "DrillRules", "check_params", "make_rules"]
