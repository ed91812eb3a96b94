"""Watching bout k of a run: the ring's BoutSetup for that bout (both corners CPU at the run's
levels, bout k's own lane seed), and the check that the ring ended it as the run did."""
from __future__ import annotations

from typing import Any

from game.combat.sim import bout_seeds
from game.combat.state import METHODS, NO_WINNER
from game.virtual.run import RunData, RunSpec


def bout_seed(spec: RunSpec, k: int) -> int:
    """Bout k's lane seed: the same the batch used for it."""
    return int(bout_seeds(spec.seed, k, 1)[0])


def bout_setup(spec: RunSpec, k: int) -> Any:
    """The game.bout.BoutSetup that replays bout k of the run in the ring."""
    from game.bout import BoutSetup, SideSetup

    return BoutSetup(sides=(SideSetup(spec.a_id, spec.a_age, "cpu", spec.levels[0]),
                            SideSetup(spec.b_id, spec.b_age, "cpu", spec.levels[1])),
                     rounds=spec.rounds, clock_speed=spec.clock_speed, preset=spec.preset,
                     seed=bout_seed(spec, k))


def same_as_run(data: RunData, k: int, result: Any) -> bool:
    """Did the ring's Result end bout k exactly as the run did: winner, method, round, time
    and the three judges' totals?"""
    if result is None:
        return False
    w = int(data.winner[k])
    winner = None if w == NO_WINNER else w
    totals = [[sum(r[s] for r in card) for s in (0, 1)] for card in result.scorecards]
    return (result.winner == winner and result.method == METHODS[int(data.method[k])]
            and result.round == int(data.end_round[k])
            and abs(float(result.time_seconds) - float(data.end_seconds()[k])) < 1e-6
            and totals == data.cards[k].tolist())
