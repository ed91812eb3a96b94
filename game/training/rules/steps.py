"""The museum steps: run the 72 steps against the clock.

Left and right alternate, one step each. A step on the beat of the music is a stride (cheap on
stamina, a bonus); a step between beats is a sprint (it gets you up faster and costs a lot).
Out of stamina you are winded and only every second step lifts you. The same foot twice is a
stumble. Reach the top and every second left on the clock is worth points.
"""
from __future__ import annotations

from typing import Any

from game.training.drills import DrillDef, get_number
from game.training.rules.base import DrillRules
from game.training.timing import beat_times, judge


class StepsRules(DrillRules):
    inputs = frozenset({"left", "right"})

    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        get_number(params, "steps", 4, 500, where, int)
        get_number(params, "limit_s", 5, 300, where)
        get_number(params, "bpm", 30, 300, where)
        get_number(params, "stride_cost", 0, 1, where)
        get_number(params, "sprint_cost", 0, 1, where)
        get_number(params, "regen_per_s", 0, 2, where)
        get_number(params, "winded_below", 0, 1, where)
        get_number(params, "stumble_s", 0, 5, where)

    def __init__(self, drill: DrillDef, *, seed: int = 1, **kw: Any) -> None:
        super().__init__(drill, seed=seed, **kw)
        p = drill.params
        self.total_steps = int(p["steps"])
        self.limit_s = float(p["limit_s"])
        self.beats = beat_times(float(p["bpm"]), float(p["bpm"]),
                                int(self.limit_s * float(p["bpm"]) / 60) + 2)
        self.step = 0
        self.stamina = 1.0
        self.last_foot: str | None = None
        self.stumble_until_s = float("-inf")  # no stumble yet (-1.0 showed one in the countdown)
        self.top_at_s: float | None = None
        self._winded_half = False
        self._t_s = 0.0

    @property
    def duration_s(self) -> float:
        return self.limit_s

    @property
    def period_s(self) -> float:
        return 60.0 / float(self.drill.params["bpm"])

    def nearest_beat(self, t_s: float) -> float:
        k = max(0, round(t_s / self.period_s))
        return k * self.period_s

    def update(self, t_s: float) -> None:
        if self.done:
            return
        dt = max(0.0, t_s - self._t_s)
        self._t_s = t_s
        self.stamina = min(1.0, self.stamina + float(self.drill.params["regen_per_s"]) * dt)
        if t_s >= self.limit_s:
            self.done = True
            self.emit("end", t_s, points=self.score, text="TIME")

    def press(self, action: str, t_s: float, held: frozenset[str] = frozenset()) -> None:
        early_s = self.drill.windows_ms["ok"] / 1000.0  # a first step a hair before GO counts
        if self.done or action not in self.inputs or t_s < -early_s:
            return
        p = self.drill.params
        if t_s < self.stumble_until_s:
            return
        if action == self.last_foot:
            self.stumble_until_s = t_s + float(p["stumble_s"])
            self.add_streak(False)
            self.counts["miss"] += 1
            self.emit("stumble", t_s, move=action, text="STUMBLE")
            return
        self.last_foot = action
        t = t_s - self.offset_s
        j = judge(t - self.nearest_beat(t), self.drill.windows_ms)
        stride = j in ("perfect", "good")
        self.stamina = max(0.0, self.stamina - float(p["stride_cost" if stride else "sprint_cost"]))
        if self.stamina < float(p["winded_below"]):
            self._winded_half = not self._winded_half
            if self._winded_half:
                self.emit("stray", t_s, move=action, text="WINDED")
                return
        pts = int(self.drill.points["step"])
        if stride:
            assert j is not None
            self.counts[j] += 1
            self.add_streak(True)
            pts += int(self.drill.points[j])
        self.step += 1
        self.score += pts
        self.emit("step", t_s, judgement=j if stride else "sprint", move=action, points=pts)
        if self.step >= self.total_steps:
            self.top_at_s = t_s
            left_s = max(0.0, self.limit_s - t_s)
            bonus = round(left_s * float(self.drill.points["second_left"]))
            self.score += bonus
            self.done = True
            self.emit("top", t_s, points=bonus, text=f"{left_s:.1f} s to spare")
