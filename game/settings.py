"""Player settings: a typed dataclass, stored as versioned JSON in the data folder.

A corrupt or unreadable settings file is moved aside and the game goes on with defaults;
``load_settings`` returns a message for the screen and the log instead of raising.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game import paths
from game.input.bindings import (
    KeyMap,
    default_keys,
    default_pad_buttons,
    one_meaning,
    validate_keymap,
    validate_pad_button,
)

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
WINDOW_SCALES = (0.5, 0.75, 1.0, 1.25, 1.5)


@dataclass
class Settings:
    """Everything the player can change in the settings scene."""

    music_volume: float = 0.7  # 0..1
    sfx_volume: float = 0.9  # 0..1
    fullscreen: bool = False
    window_scale: float = 1.0  # window size = 1280x720 * scale (windowed mode)
    screen_shake: bool = True
    colourblind_meters: bool = False
    real_time_clock: bool = False  # rounds last 3:00 of real time instead of 60 s
    input_offset_ms: int = 0  # drills: how late this player's sound + keys are (calibrated)
    bindings: list[KeyMap] = field(default_factory=default_keys)
    pad_buttons: dict[str, list[str]] = field(default_factory=default_pad_buttons)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = SETTINGS_VERSION
        return data

    @classmethod
    def from_json(cls, data: Any, source: str = "settings.json") -> Settings:
        """Validate a decoded settings file; raises paths.BadFile naming the field."""
        if not isinstance(data, dict):
            raise paths.BadFile(f"{source}: top level must be an object")
        version = data.get("version")
        if version != SETTINGS_VERSION:
            raise paths.BadFile(f"{source}: version: expected {SETTINGS_VERSION}, got {version!r}")
        out = cls()
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            try:
                setattr(out, f.name, _check(f.name, value))
            except ValueError as exc:
                raise paths.BadFile(f"{source}: {exc}") from None
        return out


def parse_settings(data: Any, source: str = "settings.json") -> tuple[Settings, list[str]]:
    """Read a decoded settings file field by field: a bad field (or one bad key binding) falls
    back to its default and is reported, the rest is kept. Raises paths.BadFile only when the
    file as a whole is unusable (not an object, another version)."""
    if not isinstance(data, dict):
        raise paths.BadFile(f"{source}: top level must be an object")
    version = data.get("version")
    if version != SETTINGS_VERSION:
        raise paths.BadFile(f"{source}: version: expected {SETTINGS_VERSION}, got {version!r}")
    out = Settings()
    problems: list[str] = []
    for f in fields(Settings):
        if f.name not in data:
            continue
        if f.name == "bindings":
            out.bindings = _lenient_bindings(data["bindings"], problems)
            continue
        if f.name == "pad_buttons":
            out.pad_buttons = _lenient_pad_buttons(data["pad_buttons"], problems)
            continue
        try:
            setattr(out, f.name, _check(f.name, data[f.name]))
        except ValueError as exc:
            problems.append(str(exc))
    return out, problems


def _lenient_bindings(value: Any, problems: list[str]) -> list[KeyMap]:
    """Key maps with every bad action (unknown key name, empty, wrong type) at its default."""
    maps = default_keys()
    if not isinstance(value, list) or len(value) != 2:
        problems.append("bindings: must be a list of two key maps")
        return maps
    for player, raw in enumerate(value):
        if not isinstance(raw, dict):
            problems.append(f"bindings[{player}]: must be a table of action -> key names")
            continue
        for action, keys in raw.items():
            try:
                checked = validate_keymap({action: keys}, player)[action]
                for name in checked:
                    if not known_key_name(name):
                        raise ValueError(f"bindings[{player}].{action}: no key is called {name!r}")
            except ValueError as exc:
                problems.append(str(exc))
                continue
            maps[player][action] = checked
    return [one_meaning(m, player) for player, m in enumerate(maps)]


def _lenient_pad_buttons(value: Any, problems: list[str]) -> dict[str, list[str]]:
    """The pad map with every bad button entry at its default."""
    out = default_pad_buttons()
    if not isinstance(value, dict):
        problems.append("pad_buttons: must be a table of button -> actions")
        return out
    for button, actions in value.items():
        try:
            out[button] = validate_pad_button(button, actions)
        except ValueError as exc:
            problems.append(str(exc))
    return out


def known_key_name(name: str) -> bool:
    """True for a name SDL knows (what the Controls screen stores)."""
    from game.input.manager import key_code

    try:
        return bool(name) and key_code(name) != 0
    except ValueError:
        return False


def _check(name: str, value: Any) -> Any:
    if name in ("music_volume", "sfx_volume"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ValueError(f"{name}: must be a number from 0 to 1, got {value!r}")
        return float(value)
    if name == "window_scale":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.25 <= value <= 4:
            raise ValueError(f"{name}: must be a number from 0.25 to 4, got {value!r}")
        return float(value)
    if name == "input_offset_ms":
        if isinstance(value, bool) or not isinstance(value, int) or not -300 <= value <= 300:
            raise ValueError(f"{name}: must be a whole number from -300 to 300, got {value!r}")
        return value
    if name == "bindings":
        if not isinstance(value, list) or len(value) != 2:
            raise ValueError("bindings: must be a list of two key maps")
        return [validate_keymap(v, i) for i, v in enumerate(value)]
    if name == "pad_buttons":
        if not isinstance(value, dict):
            raise ValueError("pad_buttons: must be a table of button -> actions")
        return {b: validate_pad_button(b, a) for b, a in value.items()}
    if not isinstance(value, bool):
        raise ValueError(f"{name}: must be true or false, got {value!r}")  # noqa: TRY004
    return value


SHOWN_PROBLEMS = 3  # bad fields named in the on-screen message (the log gives every reason)


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Load settings. A damaged file is moved aside (defaults, and a message); a file with a
    few bad fields keeps the good ones: a copy is kept aside, the bad fields are reset and
    the repaired file is written back at once (so the message shows once)."""
    path = path or paths.settings_path()
    loaded, message = paths.load_json_or_quarantine(path, parse_settings)
    if message:
        return Settings(), message + " Using default settings."
    if loaded is None:
        return Settings(), None
    settings, problems = loaded
    if problems:
        try:
            kept = f" Kept a copy as {paths.keep_copy(path).name}."
        except OSError:
            kept = ""
        save_settings(settings, path)
        log.warning("Reset %d bad setting(s) in %s to default: %s.%s", len(problems),
                    path.name, "; ".join(problems), kept)
        # on screen (a toast of two lines): one reason whole, or only the names of many, so
        # "Kept a copy" is never cut off the end
        if len(problems) == 1:
            shown = problems[0]
        else:
            names = [p.split(":")[0] for p in problems]
            shown = ", ".join(names[:SHOWN_PROBLEMS])
            if len(names) > SHOWN_PROBLEMS:
                shown += f" and {len(names) - SHOWN_PROBLEMS} more (the log says why)"
        message = f"Reset {len(problems)} bad setting(s) in {path.name} to default: {shown}.{kept}"
    return settings, message


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Save atomically; returns an error message instead of raising (e.g. a read-only disk)."""
    path = path or paths.settings_path()
    try:
        paths.write_json_atomic(path, settings.to_json())
    except OSError as exc:
        log.error("could not save settings to %s: %s", path, exc)
        return f"Could not save settings: {exc.strerror or exc}"
    return None
