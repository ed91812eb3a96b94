"""Default bindings for two players on one keyboard and on game controllers.

Keyboard: player 1 keeps to the LEFT half of the keyboard (W A S D, F G R T, left Shift, Space,
Esc, Tab), player 2 to the RIGHT half (arrow keys, K L I O, right Shift, /, Enter, Backspace,
P). Keeping each player's keys in separate regions of the key matrix avoids ghosting on ordinary
keyboards.

Key bindings are stored by SDL key name (lower case) so the settings file is readable and
portable; pad bindings use SDL game-controller button names.

One meaning per key: within a group (the fight's actions, the menus' confirm / back / pause) a
key or pad button does one thing. A key may be a punch in the fight and confirm in menus. Back in
a fight pauses it (the app does that), so Esc needs no second meaning to pause.
"""
from __future__ import annotations

from game.input.actions import Action

KeyMap = dict[str, list[str]]  # action value -> key names

DEFAULT_KEYS: tuple[KeyMap, KeyMap] = (
    {  # player 1: left half
        "up": ["w"], "down": ["s"], "left": ["a"], "right": ["d"],
        "jab": ["f"], "cross": ["g"], "hook": ["r"], "uppercut": ["t"],
        "guard": ["left shift"], "dodge": ["space"],
        "confirm": ["f", "space"], "back": ["escape"], "pause": ["tab"],
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
PAD_BUTTON_NAMES: tuple[str, ...] = (
    "a", "b", "x", "y", "back", "guide", "start", "leftstick", "rightstick", "leftshoulder",
    "rightshoulder", "dpup", "dpdown", "dpleft", "dpright",
)
#: Actions the fight listens to; the rest (confirm, back, pause) are the menus' group.
FIGHT_GROUP = frozenset({"up", "down", "left", "right", "jab", "cross", "hook", "uppercut",
                         "guard", "dodge"})


def group_of(action: str) -> str:
    return "fight" if action in FIGHT_GROUP else "menu"


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


def default_pad_buttons() -> dict[str, list[str]]:
    """A fresh, mutable copy of the pad button map (shared by every pad)."""
    return {button: list(actions) for button, actions in DEFAULT_PAD_BUTTONS.items()}


def validate_pad_button(button: object, actions: object) -> list[str]:
    """Check one entry of the pad map; raises ValueError naming the field."""
    known = {a.value for a in Action}
    if button not in PAD_BUTTON_NAMES:
        raise ValueError(f"pad_buttons.{button}: no pad button has that name")
    if not (isinstance(actions, list) and all(a in known for a in actions)):
        raise ValueError(f"pad_buttons.{button}: must be a list of actions")
    groups = [group_of(a) for a in actions]
    if len(set(groups)) != len(groups):
        raise ValueError(f"pad_buttons.{button}: two actions of one group")
    return list(actions)


def rebind_pad(pad_buttons: dict[str, list[str]], action: str, button: str) -> None:
    """Make ``button`` do ``action``; what it did in that group moves to the button that did
    ``action`` before (a swap), so every action keeps a button and each button one meaning."""
    group = group_of(action)
    old = next((b for b, acts in pad_buttons.items() if action in acts), None)
    displaced = [a for a in pad_buttons.get(button, []) if group_of(a) == group and a != action]
    pad_buttons[button] = [a for a in pad_buttons.get(button, []) if group_of(a) != group]
    pad_buttons[button].append(action)
    if old is not None and old != button:
        pad_buttons[old] = [a for a in pad_buttons[old] if a != action] + displaced


def one_meaning(keymap: KeyMap, player: int) -> KeyMap:
    """Drop a key from a second action of its group (older files bound Esc to back and pause);
    an action left with no key gets its default keys back if they are free."""
    seen: dict[str, set[str]] = {"fight": set(), "menu": set()}
    out: KeyMap = {}
    for action, keys in keymap.items():
        used = seen[group_of(action)]
        kept = [k for k in keys if k not in used]
        if not kept:
            kept = [k for k in DEFAULT_KEYS[player].get(action, []) if k not in used]
        used.update(kept)
        out[action] = kept
    return out


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


KEY_CAPTIONS = {"left shift": "L-SHIFT", "right shift": "R-SHIFT", "space": "SPACE",
                "return": "ENTER", "escape": "ESC", "backspace": "BKSP", "up": "UP",
                "down": "DOWN", "left": "LEFT", "right": "RIGHT", "keypad enter": "KP ENTER"}


def key_caption(name: str) -> str:
    """A stored key name as the screen shows it: the words on the keycap ("ESC", "ENTER")."""
    return KEY_CAPTIONS.get(name.lower(), name.upper())
