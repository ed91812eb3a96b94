"""A fighter's look, read from the `[look]` table of `assets/fighters/<id>.toml`.

The same table gives two variants: `prime` (as written) and `veteran` (greyer, thinner hair,
heavier, stooped), so one data file drives both sheets. Bad data fails with the file and field.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

RGB = tuple[int, int, int]

SKIN_TONES: dict[str, RGB] = {
    "pale": (240, 200, 172), "fair": (232, 182, 148), "light": (222, 170, 132),
    "medium": (204, 146, 104), "olive": (190, 140, 96), "tan": (178, 122, 82),
    "brown": (150, 98, 64), "dark": (112, 70, 46), "deep": (86, 54, 38),
}
NAMED_COLORS: dict[str, RGB] = {
    "black": (34, 32, 38), "white": (236, 236, 232), "grey": (150, 150, 154),
    "gray": (150, 150, 154), "silver": (196, 198, 204), "red": (200, 36, 40),
    "crimson": (170, 20, 44), "maroon": (120, 28, 36), "orange": (232, 120, 30),
    "gold": (222, 172, 46), "yellow": (236, 206, 60), "green": (40, 140, 70),
    "emerald": (20, 150, 100), "teal": (24, 130, 140), "blue": (40, 80, 190),
    "royal": (46, 70, 200), "navy": (30, 40, 96), "sky": (90, 160, 220),
    "purple": (110, 50, 150), "pink": (230, 120, 160), "brown": (110, 70, 40),
    "tan": (190, 150, 100), "cream": (240, 226, 190),
    # hair colours
    "dark_brown": (62, 42, 30), "light_brown": (140, 96, 58), "blond": (214, 178, 100),
    "blonde": (214, 178, 100), "auburn": (140, 60, 36), "ginger": (190, 90, 40),
    "salt_pepper": (120, 118, 120),
}
HAIR_STYLES = ("bald", "shaved", "buzz", "short", "curly", "afro", "slick", "flattop",
               "thinning", "cornrows", "mohawk")
BEARDS = ("none", "stubble", "mustache", "goatee", "full")
HAIR_ALIASES = {"cropped": "buzz", "crew": "buzz", "crewcut": "buzz", "none": "bald"}
BUILDS: dict[str, float] = {"lean": 0.92, "slim": 0.92, "medium": 1.0, "athletic": 1.0,
                            "muscular": 1.06, "stocky": 1.10, "heavy": 1.14}


class LookError(ValueError):
    """Bad look data; the message names the file and the field."""


@dataclass(frozen=True)
class Look:
    """Everything the drawing needs, already resolved to colours and factors."""

    fighter_id: str
    skin: RGB
    hair_style: str
    hair: RGB
    beard: str
    build: float  # limb/torso thickness factor, 1.0 = athletic
    height_cm: float
    trunks: RGB
    trunks_trim: RGB
    gloves: RGB
    shoes: RGB
    southpaw: bool = False
    style: str = "boxer"  # from the fighter file: shapes the stance (upright, crouched ...)
    veteran: bool = False
    belly: float = 0.0  # 0..1, how much the gut shows
    stoop: float = 0.0  # 0..1, hunched shoulders and forward head


def _color(src: str, field: str, value: object, table: dict[str, RGB]) -> RGB:
    if isinstance(value, str):
        v = value.strip().lower().replace(" ", "_").replace("-", "_")
        if v.startswith("#") and len(v) == 7:
            try:
                return (int(v[1:3], 16), int(v[3:5], 16), int(v[5:7], 16))
            except ValueError:
                pass
        if v in table:
            return table[v]
    if isinstance(value, list) and len(value) == 3 and all(isinstance(c, int) for c in value):
        return (value[0], value[1], value[2])
    raise LookError(f"{src}: [look].{field} = {value!r}: expected '#rrggbb', [r, g, b] or one of "
                    f"{', '.join(sorted(table))}")


def _choice(src: str, field: str, value: object, allowed: tuple[str, ...],
            aliases: dict[str, str] | None = None) -> str:
    v = str(value).strip().lower()
    v = (aliases or {}).get(v, v)
    if v not in allowed:
        raise LookError(f"{src}: [look].{field} = {value!r}: expected one of {', '.join(allowed)}")
    return v


def _beard(src: str, value: object) -> str:
    """`beard` is a bool (true = a full short beard) or one of BEARDS."""
    if isinstance(value, bool):
        return "full" if value else "none"
    return _choice(src, "beard", value, BEARDS)


def parse_look(fighter_id: str, data: dict, src: str) -> Look:
    """Resolve a fighter file's parsed TOML into a prime Look."""
    look = data.get("look")
    if not isinstance(look, dict):
        raise LookError(f"{src}: missing [look] table")
    for req in ("skin", "hair", "hair_color", "build", "height_cm", "trunks", "gloves", "shoes"):
        if req not in look:
            raise LookError(f"{src}: [look].{req} is missing")
    build = str(look["build"]).strip().lower()
    if build not in BUILDS:
        raise LookError(f"{src}: [look].build = {look['build']!r}: expected one of "
                        f"{', '.join(BUILDS)}")
    h = look["height_cm"]
    if not isinstance(h, (int, float)) or not 150 <= h <= 215:
        raise LookError(f"{src}: [look].height_cm = {h!r}: expected a number 150..215")
    stance = str(data.get("stance", look.get("stance", "orthodox"))).lower()
    trunks = _color(src, "trunks", look["trunks"], NAMED_COLORS)
    trim = look.get("trunks_trim", "white")
    return Look(
        fighter_id=fighter_id,
        skin=_color(src, "skin", look["skin"], {**SKIN_TONES, **NAMED_COLORS}),
        hair_style=_choice(src, "hair", look["hair"], HAIR_STYLES, HAIR_ALIASES),
        hair=_color(src, "hair_color", look["hair_color"], NAMED_COLORS),
        beard=_beard(src, look.get("beard", False)),
        build=BUILDS[build],
        height_cm=float(h),
        trunks=trunks,
        trunks_trim=_color(src, "trunks_trim", trim, NAMED_COLORS),
        gloves=_color(src, "gloves", look["gloves"], NAMED_COLORS),
        shoes=_color(src, "shoes", look["shoes"], NAMED_COLORS),
        southpaw=stance == "southpaw",
        style=str(data.get("style", "boxer")).strip().lower(),
        belly=0.12 if build == "heavy" else 0.0,
    )


def _grey(rgb: RGB, amount: float) -> RGB:
    """Mix a hair colour towards silver-grey."""
    g = (206, 204, 200)
    return tuple(int(c + (t - c) * amount) for c, t in zip(rgb, g))  # type: ignore[return-value]


def veteran(look: Look) -> Look:
    """The same man twenty-odd years on: grey and thinning, thicker, hunched."""
    style = {"short": "thinning", "slick": "thinning", "curly": "thinning", "flattop": "buzz",
             "afro": "buzz", "mohawk": "buzz", "cornrows": "buzz"}.get(look.hair_style,
                                                                     look.hair_style)
    beard = {"none": "stubble"}.get(look.beard, look.beard)
    skin = tuple(int(c * 0.94 + 10) for c in look.skin)
    return replace(
        look, hair_style=style, hair=_grey(look.hair, 0.85), beard=beard,
        build=look.build * 1.07, belly=min(1.0, look.belly + 0.6), stoop=1.0,
        skin=skin, veteran=True,  # type: ignore[arg-type]
    )


def load_look(path: Path, variant: str) -> Look:
    """Read one fighter file; variant is 'prime' or 'veteran'."""
    src = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise LookError(f"{src}: cannot read: {e}") from e
    prime = parse_look(path.stem, data, src)
    if variant == "prime":
        return prime
    if variant == "veteran":
        return veteran(prime)
    raise LookError(f"unknown variant {variant!r} (prime | veteran)")
