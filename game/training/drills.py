"""Drills as data: load and validate ``assets/drills/<id>.toml``; grades from score bands.

A DrillDef is the immutable file. Every error names the file and the field, so a typo in a
drill stops the game at load with a message instead of a strange drill. Kind-specific fields
(``[params]``) are checked by the drill's rules (``game.training.rules``).
"""
from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.combat.age import ATTRIBUTES
from game.paths import ASSETS

DRILLS_DIR = ASSETS / "drills"
#: Grades, best first. The last one is what a score under every band gets.
GRADES: tuple[str, ...] = ("Champion", "Contender", "Journeyman", "Bum")
KINDS = ("combo", "speed_bag", "rope", "mitts", "locker", "steps", "sparring")
PLACES = ("gym", "meat_locker", "museum_steps", "restaurant")
#: Actions a drill may name on its instructions card (game.input.actions.Action values).
ACTIONS = ("left", "right", "up", "down", "jab", "cross", "hook", "uppercut", "guard", "dodge")
WINDOW_NAMES = ("perfect", "good", "ok")


class DrillDataError(ValueError):
    """A drill file is missing a field or has a bad value."""


@dataclass(frozen=True)
class DrillResult:
    """What a finished session hands back (to the story's camp, or to the results card)."""

    drill_id: str
    score: int
    grade: str


@dataclass(frozen=True)
class DrillDef:
    """One drill as its file describes it."""

    id: str
    name: str
    place: str
    kind: str
    order: int  # position in the Training menu
    blurb: str  # one or two sentences for the menu card
    goal: str  # what earns points, for the instructions card
    keys: tuple[tuple[str, str], ...]  # (action, what it does here) for the instructions card
    windows_ms: dict[str, int]  # half-widths of the timing windows: perfect, good, ok
    points: dict[str, int]  # points per judgement (perfect, good, ok) and kind extras
    bands: dict[str, int]  # grade -> lowest score that earns it (every grade but the last)
    gains: dict[str, int]  # attribute -> rating points a Champion session gives at most
    params: dict[str, Any] = field(default_factory=dict)  # kind-specific, see game.training.rules
    path: Path = field(default=Path(), compare=False)

    @property
    def attributes(self) -> tuple[str, ...]:
        """The attributes this drill raises (in the order of the file)."""
        return tuple(self.gains)

    def grade(self, score: int) -> str:
        return grade_for(score, self.bands)


def grade_for(score: int, bands: dict[str, int]) -> str:
    """The best grade whose band the score reaches; the last grade otherwise."""
    for name in GRADES[:-1]:
        if score >= bands[name]:
            return name
    return GRADES[-1]


def _get(data: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise DrillDataError(f"{where}: missing field '{key}'")
    value = data[key]
    if isinstance(value, bool) and kind is not bool:
        raise DrillDataError(f"{where}: field '{key}' must be {_kind_name(kind)}, got {value!r}")
    if not isinstance(value, kind):
        raise DrillDataError(f"{where}: field '{key}' must be {_kind_name(kind)}, got {value!r}")
    return value


def _kind_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__


def get_number(data: dict, key: str, lo: float, hi: float, where: str,
               kind: type | tuple[type, ...] = (int, float)) -> Any:
    """A number field within lo..hi (used by the rules to check their params too)."""
    value = _get(data, key, kind, where)
    if not lo <= value <= hi:
        raise DrillDataError(f"{where}: field '{key}' must be in {lo}..{hi}, got {value!r}")
    return value


def get_field(data: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    return _get(data, key, kind, where)


def _choice(data: dict, key: str, options: tuple[str, ...], where: str) -> str:
    value = _get(data, key, str, where)
    if value not in options:
        raise DrillDataError(f"{where}: field '{key}' must be one of {options}, got {value!r}")
    return value


def parse_drill(drill_id: str, data: dict, path: Path) -> DrillDef:
    """Validate a parsed TOML table into a DrillDef."""
    f = str(path)
    name = _get(data, "name", str, f)
    place = _choice(data, "place", PLACES, f)
    kind = _choice(data, "kind", KINDS, f)
    order = get_number(data, "order", 1, 99, f, int)
    blurb = _get(data, "blurb", str, f)
    goal = _get(data, "goal", str, f)
    keys_raw = _get(data, "keys", list, f)
    keys = []
    for i, row in enumerate(keys_raw):
        if (not isinstance(row, list) or len(row) != 2 or not all(isinstance(x, str) for x in row)
                or row[0] not in ACTIONS):
            raise DrillDataError(f"{f}: keys[{i}] must be [action, text] with action one of "
                                 f"{ACTIONS}, got {row!r}")
        keys.append((row[0], row[1]))
    if not keys:
        raise DrillDataError(f"{f}: field 'keys' must list at least one key")
    win_t = _get(data, "windows_ms", dict, f)
    windows = {w: get_number(win_t, w, 1, 1000, f"{f} [windows_ms]", int) for w in WINDOW_NAMES}
    if not windows["perfect"] < windows["good"] < windows["ok"]:
        raise DrillDataError(f"{f} [windows_ms]: must widen: perfect < good < ok, got {windows}")
    pts_t = _get(data, "points", dict, f)
    points = {k: get_number(pts_t, k, 0, 100000, f"{f} [points]", int) for k in pts_t}
    for w in WINDOW_NAMES:
        if w not in points:
            raise DrillDataError(f"{f} [points]: missing field '{w}'")
    bands_t = _get(data, "bands", dict, f)
    bands = {g: get_number(bands_t, g, 1, 10**7, f"{f} [bands]", int) for g in GRADES[:-1]}
    extra = set(bands_t) - set(GRADES[:-1])
    if extra:
        raise DrillDataError(f"{f} [bands]: unknown grade(s) {sorted(extra)}; grades: {GRADES}")
    values = [bands[g] for g in GRADES[:-1]]
    if any(a <= b for a, b in itertools.pairwise(values)):
        raise DrillDataError(f"{f} [bands]: must fall from {GRADES[0]} down, got {bands}")
    gains_t = _get(data, "gains", dict, f)
    gains = {}
    for attr in gains_t:
        if attr not in ATTRIBUTES:
            raise DrillDataError(f"{f} [gains]: unknown attribute '{attr}'; known: {ATTRIBUTES}")
        gains[attr] = get_number(gains_t, attr, 1, 12, f"{f} [gains]", int)
    if not gains:
        raise DrillDataError(f"{f} [gains]: a drill must raise at least one attribute")
    params = dict(data.get("params", {}))
    if not isinstance(data.get("params", {}), dict):
        raise DrillDataError(f"{f}: field 'params' must be a table")
    drill = DrillDef(drill_id, name, place, kind, order, blurb, goal, tuple(keys), windows,
                     points, bands, gains, params, path)
    from game.training.rules import check_params  # the rules know their own params

    check_params(drill)
    return drill


def _drill_files() -> list[Path]:
    return [p for p in DRILLS_DIR.glob("*.toml") if not p.stem.startswith("_")]


_CACHE: dict[str, DrillDef] = {}


def load_drill(drill_id: str) -> DrillDef:
    """Load and validate one drill by id (cached)."""
    if drill_id in _CACHE:
        return _CACHE[drill_id]
    path = DRILLS_DIR / f"{drill_id}.toml"
    if drill_id.startswith("_") or not path.is_file():
        raise DrillDataError(f"{path}: no such drill '{drill_id}' (have {list_drills()})")
    drill = parse_drill(drill_id, read_toml(path), path)
    _CACHE[drill_id] = drill
    return drill


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DrillDataError(f"{path}: not valid TOML: {exc}") from exc


def list_drills() -> list[str]:
    """Drill ids in menu order (the ``order`` field, then the id)."""
    rows = []
    for p in _drill_files():
        data = read_toml(p)
        order = data.get("order", 99)
        rows.append((order if isinstance(order, int) else 99, p.stem))
    return [stem for _, stem in sorted(rows)]
