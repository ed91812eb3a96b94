"""What a Versus bout is: two fighters at their ages, who controls each side, and the rules.

Shared by the fighter select, the ring, the corner and results scenes and the command line, so
"rematch" is simply the same VersusSetup with a new seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.combat.age import MAX_AGE, MIN_AGE  # noqa: F401 - the one age range, re-exported
from game.combat.moves import DIFFICULTIES  # the CPU levels the model knows

CONTROLS = ("human1", "human2", "cpu")
CONTROL_LABELS = {"human1": "P1", "human2": "P2", "cpu": "CPU"}
CLOCK_SPEEDS = (1, 2, 3, 6)  # fight-clock seconds per real second (3 = 3:00 in 60 s)


@dataclass(frozen=True)
class SideSetup:
    fighter_id: str
    age: int
    control: str = "cpu"  # "human1" | "human2" | "cpu"
    difficulty: str = "medium"

    def __post_init__(self) -> None:
        if self.control not in CONTROLS:
            raise ValueError(f"control must be one of {CONTROLS}, got {self.control!r}")
        if self.difficulty not in DIFFICULTIES:
            raise ValueError(f"difficulty must be one of {DIFFICULTIES}, got {self.difficulty!r}")
        if not MIN_AGE <= self.age <= MAX_AGE:
            raise ValueError(f"age must be {MIN_AGE}..{MAX_AGE}, got {self.age}")

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


@dataclass(frozen=True)
class VersusSetup:
    sides: tuple[SideSetup, SideSetup] = field(
        default_factory=lambda: (SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu"))
    )
    rounds: int = 3
    clock_speed: int = 3
    preset: str = "classic"
    seed: int = 1
    # story mode: training gains per side (attribute -> points), as FighterDef.at_age takes them
    gains: tuple[dict[str, int] | None, dict[str, int] | None] = (None, None)

    def rules(self):
        from game.combat.rules import Rules

        return Rules(rounds=self.rounds, clock_speed=self.clock_speed, preset=self.preset)

    def stats(self, side: int):
        from game.combat import load_fighter

        s = self.sides[side]
        return load_fighter(s.fighter_id).at_age(s.age, self.gains[side])

    def names(self) -> tuple[str, str]:
        from game.combat import load_fighter

        return (
            load_fighter(self.sides[0].fighter_id).name,
            load_fighter(self.sides[1].fighter_id).name,
        )

    def with_seed(self, seed: int) -> VersusSetup:
        return replace(self, seed=seed)
