"""What a session does to a fighter: bounded, diminishing gains under an age ceiling.

A drill names the attributes it raises and how many rating points a Champion session gives at
most (``[gains]`` in its file). The grade takes a share of that (``assets/drills/_camp.toml``);
the same drill again the same day gives less; every gain shrinks as the attribute nears its
ceiling; and the ceiling is a share of what age has taken from the fighter (never more than
``game.combat.age.MAX_GAIN``), so a camp wins some of the years back, never all of them.
The result feeds ``FighterDef.at_age(age, gains)``.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache

from game.combat.age import ATTRIBUTES, MAX_GAIN, rating_at
from game.combat.fighters import load_fighter
from game.training.drills import (
    DRILLS_DIR,
    GRADES,
    DrillDataError,
    get_field,
    get_number,
    load_drill,
    read_toml,
)

#: The grade of a session the player chose not to play: half of a Journeyman's gain.
AUTO_GRADE = "Auto"
CAMP_FILE = DRILLS_DIR / "_camp.toml"


@dataclass(frozen=True)
class CampDef:
    """The camp's rules of growth (``assets/drills/_camp.toml``)."""

    grade_share: dict[str, float]  # grade -> share of the drill's gain
    auto_share: float  # share of the Journeyman gain that auto-train gives
    repeat_factor: float  # each earlier session of the same drill today multiplies by this
    recoverable_share: float  # training wins back at most this share of what age took


@lru_cache(maxsize=1)
def load_camp() -> CampDef:
    f = str(CAMP_FILE)
    data = read_toml(CAMP_FILE)
    shares_t = get_field(data, "grade_share", dict, f)
    shares = {g: float(get_number(shares_t, g, 0, 1, f"{f} [grade_share]")) for g in GRADES}
    values = [shares[g] for g in GRADES]
    if any(a < b for a, b in itertools.pairwise(values)):
        raise DrillDataError(f"{f} [grade_share]: must not rise from {GRADES[0]} down")
    return CampDef(shares, float(get_number(data, "auto_share", 0, 1, f)),
                   float(get_number(data, "repeat_factor", 0, 1, f)),
                   float(get_number(data, "recoverable_share", 0, 1, f)))


def ceilings(fighter_id: str, age: float) -> dict[str, int]:
    """The most training can add to each attribute of this fighter at this age."""
    fighter = load_fighter(fighter_id)
    share = load_camp().recoverable_share
    out = {}
    for attr in ATTRIBUTES:
        prime = rating_at(attr, fighter.attributes[attr], fighter.prime_age, fighter.prime_age,
                          fighter.aging)
        now = rating_at(attr, fighter.attributes[attr], fighter.prime_age, age, fighter.aging)
        lost = max(0, prime - now)
        cap = math.floor(lost * share)
        if lost > 0:
            cap = max(1, cap)  # a drill always has something to give back while age took any
        out[attr] = min(MAX_GAIN, cap)
    return out


def grade_share(grade: str) -> float:
    """The share of a drill's gain a session gives. A played session never gives less than
    auto-train: a Bum's 0.1 rounded to nothing in six drills where auto-train gave +1, so
    playing badly was worse than not playing at all."""
    camp = load_camp()
    auto = camp.grade_share["Journeyman"] * camp.auto_share
    if grade == AUTO_GRADE:
        return auto
    if grade not in camp.grade_share:
        raise ValueError(f"unknown grade {grade!r}; grades: {GRADES + (AUTO_GRADE,)}")
    return max(camp.grade_share[grade], auto)


def apply_session(gains: dict[str, int], drill_id: str, grade: str, *, fighter_id: str,
                  age: int, repeats_today: int = 0) -> dict[str, int]:
    """New gains after one session of ``drill_id`` with ``grade`` (or AUTO_GRADE).

    Never lowers a gain, never passes the age ceiling; ``repeats_today`` is how many times
    this drill was already done today.
    """
    drill = load_drill(drill_id)
    caps = ceilings(fighter_id, age)
    factor = grade_share(grade) * load_camp().repeat_factor ** max(0, repeats_today)
    out = {a: int(v) for a, v in gains.items()}
    for attr, base in drill.gains.items():
        cur = max(0, out.get(attr, 0))
        cap = caps[attr]
        if cap <= 0 or cur >= cap:
            out[attr] = cur  # never lowered, never raised past the ceiling
            continue
        room = 1.0 - cur / cap  # diminishing: the nearer the ceiling, the less each session
        add = math.floor(base * factor * room + 0.5)
        out[attr] = min(cap, cur + max(0, add))
    return out


def best_camp(fighter_id: str, age: int) -> dict[str, int]:
    """The most any camp can give this fighter: every ceiling reached."""
    return {a: c for a, c in ceilings(fighter_id, age).items() if c > 0}
