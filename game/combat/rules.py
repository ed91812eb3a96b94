"""Rules of a bout: rounds, clock, presets."""
from __future__ import annotations

from dataclasses import dataclass, field

PRESETS = ("classic", "unified")
MAX_ROUNDS = 12
TICKS_PER_SECOND = 60
# model x (px) of the neutral corners on the left and on the right of the ring, as
# levels/ring.tmx places them (the model clamps them to the ropes); tests check they agree
NEUTRAL_CORNERS_PX = (-336.2, 398.1)


@dataclass(frozen=True)
class Rules:
    """How a bout is run. `clock_speed` is fight-clock seconds per real second (3 = a 3:00
    round in 60 s of play; 1 = real time). Presets: "classic" has the 3-knockdown rule and
    saved-by-the-bell; "unified" has neither. Pass the two booleans to override a preset.
    `neutral_corners_px`: where the man still standing walks during a count (the left corner
    for the fighter on the left, the right one for the other), in model px."""

    rounds: int = 10
    round_seconds: int = 180
    clock_speed: int = 3
    preset: str = "classic"
    three_knockdown_rule: bool | None = field(default=None)
    saved_by_bell: bool | None = field(default=None)  # the bell ends a count, any round
    neutral_corners_px: tuple[float, float] = NEUTRAL_CORNERS_PX

    def __post_init__(self) -> None:
        if self.preset not in PRESETS:
            raise ValueError(f"Rules.preset must be one of {PRESETS}, got {self.preset!r}")
        if not 1 <= self.rounds <= MAX_ROUNDS:
            raise ValueError(f"Rules.rounds must be 1..{MAX_ROUNDS}, got {self.rounds}")
        if self.round_seconds < 10 or self.clock_speed < 1:
            raise ValueError("Rules.round_seconds must be >= 10 and clock_speed >= 1")
        left, right = self.neutral_corners_px
        if not left < 0 < right:
            raise ValueError("Rules.neutral_corners_px must be (left < 0, right > 0), got "
                             f"{self.neutral_corners_px!r}")
        classic = self.preset == "classic"
        if self.three_knockdown_rule is None:
            object.__setattr__(self, "three_knockdown_rule", classic)
        if self.saved_by_bell is None:
            object.__setattr__(self, "saved_by_bell", classic)

    @property
    def round_ticks(self) -> int:
        """Ticks of play per round."""
        return self.round_seconds * TICKS_PER_SECOND // self.clock_speed
