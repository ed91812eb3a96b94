"""Sparring: a short bout with a goal, fought by the bout layer; this scores what happened.

Goals (``params.goal``): "body_shots" (land ``target`` body punches; the bout stops when you
have), "survive" (last the round against the opponent; every punch taken costs, so standing
still is not surviving), "win_round" (win it on the cards; punches landed are a consolation).
The scene runs the bout and hands the counts to ``finish``; this module never sees a window.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.training.drills import DrillDataError, get_field, get_number
from game.training.rules.base import DrillRules

GOALS = ("body_shots", "survive", "win_round")
DIFFICULTIES = ("easy", "medium", "hard")


@dataclass(frozen=True)
class SparringTally:
    """What the bout layer reports at the end of a sparring session (player = side 0)."""

    landed_body: int
    landed_head: int
    knockdowns_taken: int
    knockdowns_scored: int
    seconds: float  # fight-clock seconds fought
    card_margin: int  # player's points minus the opponent's, summed over the judges
    stopped: bool  # the bout ended inside the distance
    landed_against: int = 0  # punches the opponent landed on the player


#: The [points] each goal reads (a sparring file must give them all: checked at load).
GOAL_POINTS: dict[str, tuple[str, ...]] = {
    "body_shots": ("body", "landed", "second_left", "knockdown"),
    "survive": ("second", "survived", "landed", "taken", "knockdown"),
    "win_round": ("card_point", "won", "landed", "knockdown"),
}


class SparringRules(DrillRules):
    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        goal = get_field(params, "goal", str, where)
        if goal not in GOALS:
            raise DrillDataError(f"{where}: field 'goal' must be one of {GOALS}, got {goal!r}")
        get_field(params, "opponent", str, where)
        if "opponent_age" in params:
            get_number(params, "opponent_age", 18, 70, where, int)
        diff = get_field(params, "difficulty", str, where)
        if diff not in DIFFICULTIES:
            raise DrillDataError(f"{where}: field 'difficulty' must be one of {DIFFICULTIES}")
        get_number(params, "rounds", 1, 3, where, int)
        get_number(params, "target", 1, 100, where, int)
        get_number(params, "clock_speed", 1, 6, where, int)

    @classmethod
    def check_points(cls, points: dict[str, int], params: dict[str, Any], where: str) -> None:
        for key in GOAL_POINTS[str(params["goal"])]:
            if key not in points:
                raise DrillDataError(f"{where}: missing field '{key}' (the "
                                     f"{params['goal']} goal scores it)")

    @property
    def goal(self) -> str:
        return str(self.drill.params["goal"])

    @property
    def target(self) -> int:
        return int(self.drill.params["target"])

    @property
    def duration_s(self) -> float:
        p = self.drill.params
        return 180.0 * int(p["rounds"]) / int(p["clock_speed"])

    def reached(self, landed_body: int) -> bool:
        """Stop the bout early: the body-shot goal is met."""
        return self.goal == "body_shots" and landed_body >= self.target

    def finish(self, tally: SparringTally) -> None:
        """Score the bout; call once, when it is over."""
        pts = self.drill.points
        rounds_s = 180.0 * int(self.drill.params["rounds"])
        landed = tally.landed_body + tally.landed_head
        if self.goal == "body_shots":
            score = min(tally.landed_body, self.target) * pts["body"] + landed * pts["landed"]
            if tally.landed_body >= self.target:
                score += round(max(0.0, rounds_s - tally.seconds) * pts["second_left"])
        elif self.goal == "survive":  # on your feet, and not by standing there taking it
            score = round(min(tally.seconds, rounds_s) * pts["second"]) + landed * pts["landed"]
            score -= tally.landed_against * pts["taken"]
            if tally.knockdowns_taken == 0 and tally.seconds >= rounds_s:
                score += pts["survived"]
        else:
            score = max(0, tally.card_margin) * pts["card_point"] + landed * pts["landed"]
            if tally.card_margin > 0:
                score += pts["won"]
        score -= tally.knockdowns_taken * pts["knockdown"]
        self.score = max(0, int(score))
        self.counts["perfect"] = tally.landed_body
        self.counts["good"] = tally.landed_head
        self.counts["miss"] = tally.knockdowns_taken
        self.counts["taken"] = tally.landed_against  # the results card of the survive goal
        self.counts["margin"] = tally.card_margin  # and of the cards goal
        self.done = True
        self.emit("end", tally.seconds, points=self.score)
