"""Words for the Versus screens from assets/versus.toml: records, judges, methods, advice.

Advice conditions are a tiny fixed vocabulary ("me_head < 0.35", "me_ahead", "always"), not
code, so a writer can edit the file and a typo fails at load with the file and the entry named.
"""

from __future__ import annotations

import operator
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from game.input.bindings import key_caption
from game.paths import ASSETS

VERSUS_DATA = ASSETS / "versus.toml"
_VARS = (
    "me_head",
    "me_body",
    "me_stamina",
    "me_accuracy",
    "me_age",
    "him_head",
    "him_body",
    "him_stamina",
)
_FLAGS = ("me_ahead", "always")
_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


class VersusDataError(ValueError):
    """assets/versus.toml is missing a field or has a bad one."""


@dataclass(frozen=True)
class AdviceRule:
    when: str
    line: str

    def holds(self, facts: dict[str, float | bool]) -> bool:
        if self.when in _FLAGS:
            return bool(facts.get(self.when, self.when == "always"))
        name, op, value = self.when.split()
        return _OPS[op](float(facts[name]), float(value))


@dataclass(frozen=True)
class VersusText:
    records: dict[str, str]
    judges: tuple[str, str, str]
    methods: dict[str, str]
    advice: tuple[AdviceRule, ...]

    def record(self, fighter_id: str) -> str:
        return self.records.get(fighter_id, "Debut")

    def method(self, code: str) -> str:
        return self.methods.get(code, code)

    def advise(self, facts: dict[str, float | bool]) -> str:
        for rule in self.advice:
            if rule.holds(facts):
                return rule.line
        return ""


def _check_when(when: str, where: str) -> None:
    if when in _FLAGS:
        return
    parts = when.split()
    if len(parts) != 3 or parts[0] not in _VARS or parts[1] not in _OPS:
        raise VersusDataError(
            f"{where}: 'when' must be one of {_FLAGS} or '<var> <op> <number>' "
            f"with var in {_VARS}, got {when!r}"
        )
    try:
        float(parts[2])
    except ValueError:
        raise VersusDataError(f"{where}: 'when' needs a number, got {parts[2]!r}") from None


def parse_versus_text(data: dict, path: str) -> VersusText:
    def table(key: str) -> dict:
        value = data.get(key)
        if not isinstance(value, dict):
            raise VersusDataError(f"{path}: missing table [{key}]")
        return value

    records = table("records")
    for k, v in records.items():
        if not isinstance(v, str):
            raise VersusDataError(f"{path}: [records] {k} must be a string")
    names = table("judges").get("names")
    if not (isinstance(names, list) and len(names) == 3 and all(isinstance(n, str) for n in names)):
        raise VersusDataError(f"{path}: [judges] names must be a list of three strings")
    methods = table("methods")
    advice_raw = data.get("advice")
    if not isinstance(advice_raw, list) or not advice_raw:
        raise VersusDataError(f"{path}: missing [[advice]] entries")
    advice = []
    for i, entry in enumerate(advice_raw):
        where = f"{path}: [[advice]] #{i + 1}"
        if not isinstance(entry.get("when"), str) or not isinstance(entry.get("line"), str):
            raise VersusDataError(f"{where}: needs string fields 'when' and 'line'")
        _check_when(entry["when"], where)
        advice.append(AdviceRule(entry["when"], entry["line"]))
    return VersusText(
        dict(records),
        (names[0], names[1], names[2]),
        {str(k): str(v) for k, v in methods.items()},
        tuple(advice),
    )


@lru_cache(maxsize=4)
def load_versus_text(path: str | None = None) -> VersusText:
    p = Path(path) if path else VERSUS_DATA
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VersusDataError(f"{p}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise VersusDataError(f"{p}: not valid TOML: {exc}") from None
    return parse_versus_text(data, str(p))


def action_keys(app: object, action: str, players: tuple[int, ...] = (0, 1)) -> str:
    """The first key each player has bound to `action`, as the screen should name it:
    "F / ENTER" (so on-screen hints follow the player's own bindings)."""
    names = []
    settings = getattr(app, "settings", None)
    for i, keymap in enumerate(getattr(settings, "bindings", None) or []):
        keys = keymap.get(action) if isinstance(keymap, dict) and i in players else None
        if keys:
            names.append(key_caption(str(keys[0])))
    return " / ".join(dict.fromkeys(names))


def confirm_keys(app: object) -> str:
    """The keys that confirm, as the players have bound them: "F / ENTER"."""
    return action_keys(app, "confirm") or "ENTER"
