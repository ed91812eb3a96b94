"""The player's own keys and pad buttons for an action, for the instructions card and prompts."""
from __future__ import annotations

from typing import Any

from game.input.bindings import DEFAULT_PAD_BUTTONS, key_caption

_PAD = {"dpup": "D-UP", "dpdown": "D-DOWN", "dpleft": "D-LEFT", "dpright": "D-RIGHT",
        "leftshoulder": "LB", "rightshoulder": "RB", "x": "X", "y": "Y", "a": "A", "b": "B",
        "start": "START", "back": "BACK"}


def key_label(settings: Any, action: str, player: int = 0) -> str:
    """The first key bound to ``action`` for the player, as shown on screen (e.g. "F")."""
    try:
        keys = settings.bindings[player].get(action, [])
    except (AttributeError, IndexError):
        keys = []
    if not keys:
        return "?"
    return key_caption(keys[0])


def pad_label(action: str) -> str:
    """The pad button for ``action`` ("" when only the stick does it)."""
    for button, actions in DEFAULT_PAD_BUTTONS.items():
        if action in actions:
            return _PAD.get(button, button.upper())
    return ""
