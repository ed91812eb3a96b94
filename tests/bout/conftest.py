"""Bout-layer tests: shared setups and a scripted human."""

from __future__ import annotations

import pytest

from game.bout import BoutSetup, SideSetup
from game.combat.inputs import Button

B = Button


def human_script(player: int, tick: int) -> tuple[int, int]:
    """(held, tapped) buttons of a made-up human at `tick`: walks in, jabs, throws a cross or
    a body hook now and then, guards, slips. Deterministic and different for each player."""
    toward = B.RIGHT if player == 0 else B.LEFT
    k = (tick * (7 + 6 * player) + 13 * player) % 97
    held = int(toward) if k < 40 else (int(B.GUARD) if k < 60 else 0)
    if 70 <= k < 74:
        held = int(B.DODGE | (B.LEFT if k % 2 else B.DOWN))
    tap = 0
    if tick % (23 + 4 * player) == 0:
        tap = int(B.JAB)
    elif tick % (61 + 10 * player) == 0:
        tap = int(B.CROSS)
    elif tick % 89 == 0:
        tap = int(B.HOOK | B.DOWN)
    return held, tap


@pytest.fixture()
def short_rules() -> dict:
    """One 3:00 round at 6x clock: 1,800 ticks, enough for a real exchange, quick to run."""
    return {"rounds": 1, "clock_speed": 6}


def cpu_setup(a: str, b: str, seed: int, **rules) -> BoutSetup:
    return BoutSetup((SideSetup(a, 30, "cpu", "hard"), SideSetup(b, 45, "cpu", "medium")),
                     seed=seed, **rules)


def humans_setup(a: str, b: str, seed: int, **rules) -> BoutSetup:
    return BoutSetup((SideSetup(a, 30, "human1"), SideSetup(b, 30, "human2")), seed=seed,
                     **rules)
