"""What a bout is: two sides (fighter, age, training gains, who controls it), the rules, the seed
and any per-bout modifiers. Every mode (Versus, story, training sparring, the Virtual Fight's
"watch", replays) describes its bout with one `BoutSetup`, so "rematch" is the same setup with a
new seed and a replay file is the setup plus the buttons.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from game.combat.age import MAX_AGE, MIN_AGE
from game.combat.moves import DIFFICULTIES  # the CPU levels the model knows

CONTROLS = ("human1", "human2", "cpu")
CONTROL_LABELS = {"human1": "P1", "human2": "P2", "cpu": "CPU"}
CLOCK_SPEEDS = (1, 2, 3, 6)  # fight-clock seconds per real second (3 = 3:00 in 60 s)
MAX_SEED = 2**64 - 1  # the model keeps seeds as uint64 (a Virtual Fight lane seed uses all 64 bits)
#: attributes a Modifier may scale (each maps to one of the model's per-fighter factors)
MODIFIABLE = ("power", "hand_speed", "foot_speed", "chin", "defense", "recovery")


class SetupError(ValueError):
    """A setup (from code, the command line or a replay file) names something that cannot be."""


@dataclass(frozen=True)
class SideSetup:
    fighter_id: str
    age: int
    control: str = "cpu"  # "human1" | "human2" | "cpu"
    difficulty: str = "medium"
    gains: dict[str, int] | None = None  # story / training gains, as FighterDef.at_age takes them

    def __post_init__(self) -> None:
        if self.control not in CONTROLS:
            raise SetupError(f"control must be one of {CONTROLS}, got {self.control!r}")
        if self.difficulty not in DIFFICULTIES:
            raise SetupError(f"difficulty must be one of {DIFFICULTIES}, got {self.difficulty!r}")
        if isinstance(self.age, bool) or not isinstance(self.age, int):
            raise SetupError(f"age must be a whole number, got {self.age!r}")
        if not MIN_AGE <= self.age <= MAX_AGE:
            raise SetupError(f"age must be {MIN_AGE}..{MAX_AGE}, got {self.age}")

    @property
    def is_cpu(self) -> bool:
        return self.control == "cpu"

    @property
    def player(self) -> int | None:
        """Input player index (0 or 1) of a human side, None for the CPU."""
        return {"human1": 0, "human2": 1}.get(self.control)

    @property
    def tag(self) -> str:
        if self.is_cpu:
            return f"CPU {self.difficulty.upper()}"
        return CONTROL_LABELS[self.control]

    def to_dict(self) -> dict[str, Any]:
        return {"fighter_id": self.fighter_id, "age": self.age, "control": self.control,
                "difficulty": self.difficulty, "gains": dict(self.gains) if self.gains else None}


@dataclass(frozen=True)
class Modifier:
    """Scale one side's attribute from the start of a round on, applied to the model's state
    (not a drawing trick): Modifier(1, "power", 0.85, from_round=2) is the blue corner hurting
    his hand in round 1 and punching at 85% from round 2."""

    side: int
    attribute: str
    scale: float
    from_round: int = 1

    def __post_init__(self) -> None:
        if self.side not in (0, 1):
            raise SetupError(f"modifier side must be 0 or 1, got {self.side!r}")
        if self.attribute not in MODIFIABLE:
            raise SetupError(f"modifier attribute must be one of {MODIFIABLE}, "
                             f"got {self.attribute!r}")
        if not 0.25 <= float(self.scale) <= 2.0:
            raise SetupError(f"modifier scale must be 0.25..2.0, got {self.scale!r}")
        if not 1 <= int(self.from_round) <= 12:
            raise SetupError(f"modifier from_round must be 1..12, got {self.from_round!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"side": self.side, "attribute": self.attribute, "scale": float(self.scale),
                "from_round": self.from_round}


@dataclass(frozen=True)
class BoutSetup:
    sides: tuple[SideSetup, SideSetup] = field(
        default_factory=lambda: (SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu"))
    )
    rounds: int = 3
    clock_speed: int = 3
    preset: str = "classic"
    seed: int = 1
    modifiers: tuple[Modifier, ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            raise SetupError(f"seed must be a whole number, got {self.seed!r}")
        if not 0 <= self.seed <= MAX_SEED:
            raise SetupError(f"seed must be 0..{MAX_SEED}, got {self.seed}")
        if len(self.sides) != 2:
            raise SetupError(f"a bout has two sides, got {len(self.sides)}")
        self.rules()  # validates rounds, clock speed and preset

    def rules(self):
        from game.combat.rules import Rules

        try:
            return Rules(rounds=self.rounds, clock_speed=self.clock_speed, preset=self.preset)
        except ValueError as exc:
            raise SetupError(str(exc)) from None

    def stats(self, side: int):
        from game.combat import load_fighter

        s = self.sides[side]
        return load_fighter(s.fighter_id).at_age(s.age, s.gains)

    def names(self) -> tuple[str, str]:
        from game.combat import load_fighter

        return (
            load_fighter(self.sides[0].fighter_id).name,
            load_fighter(self.sides[1].fighter_id).name,
        )

    def with_seed(self, seed: int) -> BoutSetup:
        return replace(self, seed=seed)

    @property
    def humans(self) -> bool:
        return any(not s.is_cpu for s in self.sides)

    # -- files ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"sides": [s.to_dict() for s in self.sides], "rounds": self.rounds,
                "clock_speed": self.clock_speed, "preset": self.preset, "seed": self.seed,
                "modifiers": [m.to_dict() for m in self.modifiers]}

    @classmethod
    def from_dict(cls, data: Any) -> BoutSetup:
        """The inverse of to_dict; any wrong field raises SetupError naming it."""
        if not isinstance(data, dict):
            raise SetupError("setup must be an object")
        try:
            sides = data["sides"]
            if not isinstance(sides, list) or len(sides) != 2:
                raise SetupError("setup.sides must be a list of two sides")
            made = []
            for i, s in enumerate(sides):
                if not isinstance(s, dict):
                    raise SetupError(f"setup.sides[{i}] must be an object")
                gains = s.get("gains")
                if gains is not None and not (
                    isinstance(gains, dict)
                    and all(isinstance(k, str) and type(v) is int for k, v in gains.items())
                ):
                    raise SetupError(f"setup.sides[{i}].gains must map names to whole numbers")
                made.append(SideSetup(_str(s, "fighter_id", i), s["age"], _str(s, "control", i),
                                      _str(s, "difficulty", i), gains))
            mods = tuple(Modifier(int(m["side"]), str(m["attribute"]), float(m["scale"]),
                                  int(m["from_round"])) for m in data.get("modifiers", []))
            return cls((made[0], made[1]), rounds=_int(data, "rounds"),
                       clock_speed=_int(data, "clock_speed"), preset=str(data["preset"]),
                       seed=_int(data, "seed"), modifiers=mods)
        except KeyError as exc:
            raise SetupError(f"setup is missing the field {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            if isinstance(exc, SetupError):
                raise
            raise SetupError(f"setup has a bad field: {exc}") from None


def _str(d: dict, key: str, i: int) -> str:
    v = d[key]
    if not isinstance(v, str):
        raise SetupError(f"setup.sides[{i}].{key} must be text, got {v!r}")
    return v


def _int(d: dict, key: str) -> int:
    v = d[key]
    if type(v) is not int:
        raise SetupError(f"setup.{key} must be a whole number, got {v!r}")
    return v
