"""Fight night as numbers: who fights whom, under which rules, and how a result is recorded.

Rocky (red corner, side 0) at 60 plus the camp's gains against Dixon (blue, side 1) at 30, ten
rounds, the difficulty chosen at the start. Story moments are model modifiers, not scripts:
Dixon hurts his hand on Rocky's head early and his power drops from round 2.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.story.endings import ending_for
from game.story.state import StoryState

ROUNDS = 10
ROCKY_AGE, DIXON_AGE = 60, 30
#: (side, attribute, scale, from_round): Dixon's hand after round 1
STORY_MODIFIERS: tuple[tuple[int, str, float, int], ...] = ((1, "power", 0.85, 2),)


@dataclass(frozen=True)
class FightPlan:
    seed: int
    difficulty: str
    gains: dict[str, int]
    rounds: int = ROUNDS


def plan(state: StoryState) -> FightPlan:
    # the fight's seed differs from the TV's and from every other save's
    return FightPlan(seed=(state.seed * 7919 + 17) % 2**31, difficulty=state.difficulty,
                     gains=dict(state.gains))


def bout_setup(p: FightPlan, control: str = "human1") -> Any:
    """The bout layer's setup for fight night (``control="cpu"``: a CPU in Rocky's place)."""
    from game.bout import BoutSetup, Modifier, SideSetup

    return BoutSetup(
        sides=(SideSetup("rocky", ROCKY_AGE, control=control, difficulty=p.difficulty,
                         gains=dict(p.gains) or None),
               SideSetup("dixon", DIXON_AGE, control="cpu", difficulty=p.difficulty)),
        rounds=p.rounds, seed=p.seed,
        modifiers=tuple(Modifier(side, attr, scale, from_round=r)
                        for side, attr, scale, r in STORY_MODIFIERS))


def run_headless(p: FightPlan) -> dict[str, Any]:
    """The whole fight with a CPU in Rocky's place (autoplay, tests): the result as a dict."""
    from game.bout import BoutSession

    session = BoutSession(bout_setup(p, control="cpu"))
    session.run()
    if session.result is None:
        raise RuntimeError("the fight did not end")
    return result_record(session.result)


def result_record(result: Any) -> dict[str, Any]:
    """What the save keeps of a combat Result."""
    return {"winner": result.winner, "method": result.method, "round": int(result.round),
            "scorecards": [[list(map(int, r)) for r in judge] for judge in
                           (result.scorecards or [])]}


def record(state: StoryState, fight: dict[str, Any]) -> str:
    """Store the result and pick the ending; returns the ending id."""
    state.fight = fight
    state.ending = ending_for(fight["winner"], fight["method"])
    state.flags.add("fight_won" if fight["winner"] == 0 else "fight_lost")
    return state.ending
