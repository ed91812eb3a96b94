"""Presentation timing of the ring: how many model steps each 60 Hz scene tick takes.

1 normally, 0 during a hit-stop (a heavy punch lands: the picture holds for a few frames), a
fraction in slow motion (a knockdown), and 0 while a replay is paused or 4 when it is fast-
forwarded. The scene owns this: renderers only draw what the model did, and the model never
knows it was slowed down, so a slowed fight is the very same fight.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from game.combat.moves import heavy_moves

HEAVY = heavy_moves()  # the power punches, from moves.toml
HEAVY_HITSTOP_TICKS = 4
KNOCKDOWN_HITSTOP_TICKS = 6
KNOCKDOWN_SLOWMO_TICKS = 60
KNOCKDOWN_SLOWMO_RATE = 0.3


class PresentationTiming:
    def __init__(self) -> None:
        self.hitstop_ticks = 0
        self.slowmo_ticks = 0
        self.slowmo_rate = 1.0
        self._acc = 0.0

    def hitstop(self, ticks: int) -> None:
        self.hitstop_ticks = max(self.hitstop_ticks, ticks)

    def slowmo(self, ticks: int, rate: float) -> None:
        self.slowmo_ticks = max(self.slowmo_ticks, ticks)
        self.slowmo_rate = rate

    def react(self, events: Iterable[Any]) -> None:
        """Heavy clean punches hold the picture; a knockdown holds it and then slows it."""
        for e in events:
            if e.kind == "punch_landed" and e.move in HEAVY and e.damage * 6 + 0.35 > 0.5:
                self.hitstop(HEAVY_HITSTOP_TICKS)
            elif e.kind == "knockdown":
                self.hitstop(KNOCKDOWN_HITSTOP_TICKS)
                self.slowmo(KNOCKDOWN_SLOWMO_TICKS, KNOCKDOWN_SLOWMO_RATE)

    def clear(self) -> None:
        self.hitstop_ticks = self.slowmo_ticks = 0
        self._acc = 0.0

    @property
    def active(self) -> bool:
        return self.hitstop_ticks > 0 or self.slowmo_ticks > 0

    def steps_this_tick(self) -> int:
        if self.hitstop_ticks > 0:
            self.hitstop_ticks -= 1
            return 0
        if self.slowmo_ticks > 0:
            self.slowmo_ticks -= 1
            self._acc += self.slowmo_rate
            n = int(self._acc)
            self._acc -= n
            return n
        self._acc = 0.0
        return 1

    def fraction(self) -> float:
        """How far into the next model step we are (for drawing during slow motion)."""
        return self._acc if self.slowmo_ticks > 0 else 0.0

    def draw_alpha(self, alpha: float) -> float:
        """The interpolation fraction to draw with this frame."""
        if self.hitstop_ticks > 0:
            return 1.0
        if self.slowmo_ticks > 0:
            return min(1.0, self.fraction() + alpha * self.slowmo_rate)
        return alpha
