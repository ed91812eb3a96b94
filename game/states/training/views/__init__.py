"""One view per drill kind: the picture, the boxer, the props, the sounds of the drill."""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.states.training.views.base import DrillView

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene


def make_view(scene: DrillScene) -> DrillView:
    kind = scene.drill.kind
    if kind == "combo":
        from game.states.training.views.bag import HeavyBagView as V
    elif kind == "speed_bag":
        from game.states.training.views.bag import SpeedBagView as V
    elif kind == "rope":
        from game.states.training.views.rope import RopeView as V
    elif kind == "locker":
        from game.states.training.views.locker import LockerView as V
    elif kind == "steps":
        from game.states.training.views.steps import StepsView as V
    elif kind == "mitts":
        from game.states.training.views.mitts import MittsView as V
    else:
        from game.states.training.views.sparring import SparringView as V
    return V(scene)


__all__ = ["DrillView", "make_view"]
