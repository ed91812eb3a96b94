"""Actions and their conversion to the combat model's Button bits.

This module imports neither pygame nor numpy at load, so scenes and tests can use it cheaply.
"""
from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: The jab key is also confirm: a confirm this soon after the same player's last one is a punch
#: still being mashed at the end of a bout or drill, not a choice on the screen after it (seen
#: playing: jab pressed three or four times a second through the final bell skipped the results
#: into a rematch at 15 ticks). A deliberate press after mashing comes after half a second.
MASH_GAP_TICKS = 30


class Action(enum.Enum):
    """What a player means, independent of the key or pad button that said it."""

    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"
    JAB = "jab"
    CROSS = "cross"
    HOOK = "hook"
    UPPERCUT = "uppercut"
    GUARD = "guard"
    DODGE = "dodge"
    CONFIRM = "confirm"
    BACK = "back"
    PAUSE = "pause"


#: The ten actions that the fight understands, same names as game.combat.inputs.Button.
COMBAT_ACTIONS: tuple[Action, ...] = (
    Action.LEFT, Action.RIGHT, Action.UP, Action.DOWN, Action.JAB, Action.CROSS,
    Action.HOOK, Action.UPPERCUT, Action.GUARD, Action.DODGE,
)
#: Actions menus listen to.
MENU_ACTIONS: tuple[Action, ...] = (
    Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT, Action.CONFIRM, Action.BACK, Action.PAUSE,
)


@dataclass(frozen=True, slots=True)
class ActionEvent:
    """An action pressed or released by one player.

    ``player`` is 0 or 1. ``source`` is "key", "pad" or "mouse". ``repeat`` marks auto-repeat
    from a held direction in menus (never generated for fight actions).
    """

    action: Action
    player: int = 0
    pressed: bool = True
    source: str = "key"
    repeat: bool = False


def to_buttons(held: Iterable[Action]) -> Any:
    """OR the held fight actions into one ``np.uint16`` of ``game.combat.inputs.Button`` bits.

    Menu-only actions (confirm/back/pause) are ignored. Punch buttons are passed as held; the
    model makes them edge-triggered.
    """
    import numpy as np

    from game.combat.inputs import Button

    bits = 0
    for action in held:
        if action in COMBAT_ACTIONS:
            bits |= int(Button[action.name])
    return np.uint16(bits)
