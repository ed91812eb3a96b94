"""Default bindings for two players on one keyboard and on game controllers.

Keyboard: player 1 keeps to the LEFT half of the keyboard (W A S D, F G R T, left Shift, Space,
Esc), player 2 to the RIGHT half (arrow keys, K L I O, right Shift, /, Enter, Backspace, P). Keeping
each player's keys in separate regions of the key matrix avoids ghosting on ordinary keyboards.

Key bindings are stored by SDL key name (lower case) so the settings file is readable and
portable; pad bindings use SDL game-controller button names.
"""
from __future__ import annotations

from game.input.actions import Action

KeyMap = dict[str, list[str]]  # action value -> key names

DEFAULT_KEYS: tuple[KeyMap, KeyMap] = (
    {  # player 1: left half
        "up": ["w"], "down": ["s"], "left": ["a"], "right": ["d"],
        "jab": ["f"], "cross": ["g"], "hook": ["r"], "uppercut": ["t"],
        "guard": ["left shift"], "dodge": ["space"],
        "confirm": ["f", "space"], "back": ["escape"], "pause": ["escape"],
    },
    {  # player 2: right half
        "up": ["up"], "down": ["down"], "left": ["left"], "right": ["right"],
        "jab": ["k"], "cross": ["l"], "hook": ["i"], "uppercut": ["o"],
        "guard": ["right shift"], "dodge": ["/"],
        "confirm": ["return", "keypad enter", "k"], "back": ["backspace"], "pause": ["p"],
    },
)

#: Game-controller buttons (SDL names) -> actions. Face buttons are punches in the fight and
#: confirm/back in menus; the scene decides which it listens to.
DEFAULT_PAD_BUTTONS: dict[str, list[str]] = {
    "dpup": ["up"], "dpdown": ["down"], "dpleft": ["left"], "dpright": ["right"],
    "x": ["jab"], "y": ["cross"], "b": ["hook", "back"], "a": ["uppercut", "confirm"],
    "leftshoulder": ["guard"], "rightshoulder": ["dodge"],
    "start": ["pause"], "back": ["back"],
}
#: Analog axes: (axis name, direction) -> action. Sticks move, triggers guard/dodge.
DEFAULT_PAD_AXES: dict[tuple[str, int], str] = {
    ("leftx", -1): "left", ("leftx", 1): "right",
    ("lefty", -1): "up", ("lefty", 1): "down",
    ("lefttrigger", 1): "guard", ("righttrigger", 1): "dodge",
}
#: Stick deflection (of 32767) that counts as pressed, and where it counts as released again.
AXIS_PRESS = 16000
AXIS_RELEASE = 11000


def default_keys() -> list[KeyMap]:
    """A fresh, mutable copy of both players' default key maps."""
    return [{a: list(keys) for a, keys in pmap.items()} for pmap in DEFAULT_KEYS]


def validate_keymap(raw: object, player: int) -> KeyMap:
    """Check a key map read from the settings file; missing actions get their defaults.

    Raises ValueError naming the field when the shape is wrong.
    """
    if not isinstance(raw, dict):
        raise ValueError(  # noqa: TRY004 - callers report data errors as ValueError
            f"bindings[{player}] must be a table of action -> key names")
    known = {a.value for a in Action}
    out: KeyMap = {a: list(keys) for a, keys in DEFAULT_KEYS[player].items()}
    for action, keys in raw.items():
        if action not in known:
            raise ValueError(f"bindings[{player}].{action}: unknown action")
        if not (isinstance(keys, list) and all(isinstance(k, str) and k for k in keys)):
            raise ValueError(f"bindings[{player}].{action}: must be a list of key names")
        out[action] = [k.lower() for k in keys]
    return out
