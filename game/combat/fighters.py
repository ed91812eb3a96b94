"""Fighters as data: load and validate `assets/fighters/<id>.toml`, and age them.

A FighterDef is the immutable file; FighterStats is what a bout is built from (ratings at one
age plus the CPU personality). Bad data raises FighterDataError naming the file and the field.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.combat.age import ATTRIBUTES, MAX_AGE, MAX_GAIN, MIN_AGE, rating_at
from game.paths import ASSETS

ASSETS_DIR = ASSETS
FIGHTERS_DIR = ASSETS_DIR / "fighters"
STORY_YEAR = 2006  # the story's "now": Rocky (born 1946) is 60
STYLES = ("out-boxer", "swarmer", "slugger", "counter-puncher", "pressure")
STANCES = ("orthodox", "southpaw")
HAIR = ("short", "bald", "cropped", "curly", "slick")
BUILDS = ("lean", "medium", "heavy")
AI_FIELDS = ("aggression", "jab_rate", "body_rate", "work_rate", "guard", "dodge", "counter",
             "clinch", "composure")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


class FighterDataError(ValueError):
    """A fighter file is missing a field or has a bad value."""


@dataclass(frozen=True)
class LookDef:
    """What the sprite generator needs."""

    skin: str
    hair: str
    hair_color: str
    build: str
    height_cm: int
    trunks: str
    trunks_trim: str
    gloves: str
    shoes: str
    beard: bool = False


@dataclass(frozen=True)
class FighterStats:
    """One fighter at one age: ratings 1..100 and the CPU personality."""

    fighter_id: str
    name: str
    age: float
    style: str
    stance: str
    ratings: dict[str, int]
    ai: dict[str, float]
    range_px: float

    def __getattr__(self, key: str) -> Any:  # stats.power, stats.chin, ...
        ratings = self.__dict__.get("ratings", {})
        if key in ratings:
            return ratings[key]
        raise AttributeError(key)


@dataclass(frozen=True)
class FighterDef:
    """An immutable fighter as the file describes him (prime ratings)."""

    fighter_id: str
    name: str
    nickname: str
    stance: str
    style: str
    born: int
    prime_age: int
    weight_kg: int
    attributes: dict[str, int]
    ai: dict[str, float]
    range_px: float
    look: LookDef
    path: Path = field(compare=False, default=Path())
    aging: float = 1.0  # scales how fast his ratings decline past their peak

    @property
    def story_age(self) -> int:
        return STORY_YEAR - self.born

    def at_age(self, age: float | None = None, gains: dict[str, int] | None = None) -> FighterStats:
        """Ratings at `age` (default: prime) plus bounded training gains (0..MAX_GAIN each)."""
        age = float(self.prime_age if age is None else age)
        if not MIN_AGE <= age <= MAX_AGE:
            raise ValueError(f"age {age} outside {MIN_AGE}..{MAX_AGE}")
        ratings = {}
        for attr in ATTRIBUTES:
            value = rating_at(attr, self.attributes[attr], self.prime_age, age, self.aging)
            gain = 0 if gains is None else int(gains.get(attr, 0))
            gain = max(0, min(MAX_GAIN, gain))
            # gains never lift a rating past the fighter's own prime
            value = min(max(value, self.attributes[attr]), value + gain) if gain else value
            ratings[attr] = int(min(100, value))
        return FighterStats(self.fighter_id, self.name, age, self.style, self.stance, ratings,
                            dict(self.ai), self.range_px)


def _get(data: dict, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in data:
        raise FighterDataError(f"{where}: missing field '{key}'")
    value = data[key]
    if isinstance(value, bool) and kind is not bool:
        raise FighterDataError(f"{where}: field '{key}' must be {kind}, got {value!r}")
    if not isinstance(value, kind):
        raise FighterDataError(f"{where}: field '{key}' must be {kind}, got {value!r}")
    return value


def _choice(data: dict, key: str, options: tuple[str, ...], where: str) -> str:
    value = _get(data, key, str, where)
    if value not in options:
        raise FighterDataError(f"{where}: field '{key}' must be one of {options}, got {value!r}")
    return value


def _ranged(data: dict, key: str, lo: float, hi: float, where: str, kind=(int, float)) -> Any:
    value = _get(data, key, kind, where)
    if not lo <= value <= hi:
        raise FighterDataError(f"{where}: field '{key}' must be in {lo}..{hi}, got {value!r}")
    return value


def _hex(data: dict, key: str, where: str) -> str:
    value = _get(data, key, str, where)
    if not _HEX.match(value):
        raise FighterDataError(f"{where}: field '{key}' must be a colour like '#a1b2c3'")
    return value


def parse_fighter(fighter_id: str, data: dict, path: Path) -> FighterDef:
    """Validate a parsed TOML table; every error names the file and the field."""
    f = str(path)
    name = _get(data, "name", str, f)
    nickname = _get(data, "nickname", str, f)
    stance = _choice(data, "stance", STANCES, f)
    style = _choice(data, "style", STYLES, f)
    born = _ranged(data, "born", 1900, 2100, f, int)
    prime_age = _ranged(data, "prime_age", MIN_AGE, MAX_AGE, f, int)
    weight = _ranged(data, "weight_kg", 40, 200, f, int)
    attrs_t = _get(data, "attributes", dict, f)
    attributes = {a: _ranged(attrs_t, a, 1, 100, f"{f} [attributes]", int) for a in ATTRIBUTES}
    extra = set(attrs_t) - set(ATTRIBUTES)
    if extra:
        raise FighterDataError(f"{f} [attributes]: unknown field(s) {sorted(extra)}")
    ai_t = _get(data, "ai", dict, f)
    ai = {k: float(_ranged(ai_t, k, 0.0, 1.0, f"{f} [ai]")) for k in AI_FIELDS}
    range_px = float(_ranged(ai_t, "range_px", 60, 260, f"{f} [ai]"))
    lk = _get(data, "look", dict, f)
    w = f"{f} [look]"
    look = LookDef(
        skin=_hex(lk, "skin", w), hair=_choice(lk, "hair", HAIR, w),
        hair_color=_hex(lk, "hair_color", w), build=_choice(lk, "build", BUILDS, w),
        height_cm=_ranged(lk, "height_cm", 150, 220, w, int), trunks=_hex(lk, "trunks", w),
        trunks_trim=_hex(lk, "trunks_trim", w), gloves=_hex(lk, "gloves", w),
        shoes=_hex(lk, "shoes", w),
        beard=bool(_get(lk, "beard", bool, w)) if "beard" in lk else False,
    )
    aging = float(_ranged(data, "aging", 0.3, 1.5, f)) if "aging" in data else 1.0
    return FighterDef(fighter_id, name, nickname, stance, style, born, prime_age, weight,
                      attributes, ai, range_px, look, path, aging)


def list_fighters() -> list[str]:
    """Fighter ids: the file names under assets/fighters/, sorted."""
    return sorted(p.stem for p in FIGHTERS_DIR.glob("*.toml") if not p.stem.startswith("_"))


_CACHE: dict[str, FighterDef] = {}


def load_fighter(fighter_id: str) -> FighterDef:
    """Load and validate one fighter by id (cached)."""
    if fighter_id in _CACHE:
        return _CACHE[fighter_id]
    path = FIGHTERS_DIR / f"{fighter_id}.toml"
    if not path.is_file():
        raise FighterDataError(f"{path}: no such fighter '{fighter_id}' (have {list_fighters()})")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FighterDataError(f"{path}: not valid TOML: {exc}") from exc
    fdef = parse_fighter(fighter_id, data, path)
    _CACHE[fighter_id] = fdef
    return fdef
