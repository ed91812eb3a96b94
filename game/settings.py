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
from game.input.bindings import KeyMap, default_keys, validate_keymap

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
    if not isinstance(value, bool):
        raise ValueError(f"{name}: must be true or false, got {value!r}")  # noqa: TRY004
    return value


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """Load settings; on a bad file move it aside and return defaults plus a message."""
    settings, message = paths.load_json_or_quarantine(path or paths.settings_path(),
                                                      Settings.from_json)
    if message:
        message += " Using default settings."
    return settings or Settings(), message


def save_settings(settings: Settings, path: Path | None = None) -> str | None:
    """Save atomically; returns an error message instead of raising (e.g. a read-only disk)."""
    path = path or paths.settings_path()
    try:
        paths.write_json_atomic(path, settings.to_json())
    except OSError as exc:
        log.error("could not save settings to %s: %s", path, exc)
        return f"Could not save settings: {exc.strerror or exc}"
    return None
