"""Small hand-made FightViews for renderer tests, built from the real view dataclasses."""

from __future__ import annotations

from dataclasses import replace

from game.combat.view import FighterView, FightView, Result


def fighter(x_px: float, facing: int, action: str = "idle", **kw) -> FighterView:
    base = {
        "x_px": x_px,
        "facing": facing,
        "action": action,
        "target": None,
        "phase": None,
        "phase_progress": 0.0,
        "action_ticks": 0,
        "health_head": 1.0,
        "health_body": 1.0,
        "stamina": 1.0,
        "hurt": False,
        "knockdowns": 0,
        "punches_thrown": 0,
        "punches_landed": 0,
    }
    base.update(kw)
    return FighterView(**base)


def fight(a: FighterView | None = None, b: FighterView | None = None, **kw) -> FightView:
    base = {
        "fighters": (a or fighter(-60, 1), b or fighter(60, -1)),
        "round": 1,
        "rounds": 10,
        "clock_seconds_left": 180.0,
        "between_rounds": False,
        "count": None,
        "downed_side": None,
        "getup_progress": None,
        "over": False,
        "result": None,
        "tick": 0,
    }
    base.update(kw)
    return FightView(**base)


def result(winner: int | None = 0, method: str = "UD", rounds: int = 3) -> Result:
    cards = tuple(tuple((10, 9) for _ in range(rounds)) for _ in range(3))
    return Result(winner, method, rounds, 180.0, cards)


__all__ = ["fight", "fighter", "replace", "result"]
