"""Each drill as a scene of its own name, so ``--scene train_heavy_bag`` opens it directly
(Rocky at 60, the story's age; the card first, as from the Training menu)."""
from __future__ import annotations

from typing import Any

from game.states.training.drill import DrillScene


def _drill_scene(drill_id: str, class_name: str) -> type[DrillScene]:
    def __init__(self: DrillScene, **kwargs: Any) -> None:
        DrillScene.__init__(self, drill_id, **kwargs)

    return type(class_name, (DrillScene,), {"__init__": __init__,
                                            "__doc__": f"The {drill_id} drill."})


HeavyBagScene = _drill_scene("heavy_bag", "HeavyBagScene")
SpeedBagScene = _drill_scene("speed_bag", "SpeedBagScene")
JumpRopeScene = _drill_scene("jump_rope", "JumpRopeScene")
MeatLockerScene = _drill_scene("meat_locker", "MeatLockerScene")
MuseumStepsScene = _drill_scene("museum_steps", "MuseumStepsScene")
MittsScene = _drill_scene("mitts", "MittsScene")
SparringScene = _drill_scene("sparring", "SparringScene")
SparringSurviveScene = _drill_scene("sparring_survive", "SparringSurviveScene")
SparringCardsScene = _drill_scene("sparring_cards", "SparringCardsScene")
