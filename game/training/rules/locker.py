"""Meat locker: power bursts on hanging beef while the cold drains stamina.

The beef swings on a fixed period; a punch thrown as it swings back into you (the sweet spot,
judged in the drill's ms windows) lands full; anywhere else it glances. Each punch costs stamina
and power falls with stamina; the cold drains it all the time and it comes back only while you
rest. Throw with nothing left and you burn out: arms like lead for a while. Pace or burn out.
"""
from __future__ import annotations

from typing import Any

from game.training.drills import DrillDataError, DrillDef, get_field, get_number
from game.training.rules.base import DrillRules
from game.training.timing import judge

QUALITY = {"perfect": 1.0, "good": 0.75, "ok": 0.5, "glance": 0.15}
REST_AFTER_PUNCH_S = 0.35  # stamina only comes back when you have not punched for this long


class LockerRules(DrillRules):
    inputs = frozenset({"jab", "cross", "hook", "uppercut"})

    @classmethod
    def check_params(cls, params: dict[str, Any], where: str) -> None:
        get_number(params, "length_s", 5, 300, where)
        get_number(params, "swing_period_s", 0.4, 5, where)
        get_number(params, "first_swing_s", 0, 10, where)
        get_number(params, "regen_per_s", 0, 2, where)
        get_number(params, "cold_per_s", 0, 1, where)
        get_number(params, "burnout_s", 0, 10, where)
        punches = get_field(params, "punches", dict, where)
        for name in cls.inputs:
            row = get_field(punches, name, list, f"{where} punches")
            if len(row) != 2 or not all(isinstance(x, (int, float)) for x in row):
                raise DrillDataError(f"{where} punches: field '{name}' must be [power, "
                                     f"stamina_cost], got {row!r}")

    def __init__(self, drill: DrillDef, *, seed: int = 1, **kw: Any) -> None:
        super().__init__(drill, seed=seed, **kw)
        p = drill.params
        self.period_s = float(p["swing_period_s"])
        self.first_s = float(p["first_swing_s"])
        self.stamina = 1.0
        self.burnt_until_s = -1.0
        self.last_punch_s = -10.0
        self.last_punch: str | None = None
        self._hit_swings: set[int] = set()
        self._t_s = 0.0
        self.power_landed = 0.0

    @property
    def duration_s(self) -> float:
        return float(self.drill.params["length_s"])

    def swing_phase(self, t_s: float) -> float:
        """0 at a sweet spot (the beef at you), 0.5 at the far end of its swing."""
        return ((t_s - self.first_s) / self.period_s) % 1.0

    def swing_index(self, t_s: float) -> int:
        return round((t_s - self.first_s) / self.period_s)

    def sweet_time(self, k: int) -> float:
        return self.first_s + k * self.period_s

    def burnt_out(self, t_s: float) -> bool:
        return t_s < self.burnt_until_s

    def update(self, t_s: float) -> None:
        if self.done:
            return
        p = self.drill.params
        dt = max(0.0, t_s - self._t_s)
        self._t_s = t_s
        rate = -float(p["cold_per_s"])
        if t_s - self.last_punch_s >= REST_AFTER_PUNCH_S and not self.burnt_out(t_s):
            rate += float(p["regen_per_s"])
        self.stamina = max(0.0, min(1.0, self.stamina + rate * dt))
        if t_s >= self.duration_s:
            self.done = True
            self.emit("end", t_s, points=self.score)

    def press(self, action: str, t_s: float, held: frozenset[str] = frozenset()) -> None:
        if self.done or action not in self.inputs or t_s < 0:
            return
        if self.burnt_out(t_s):
            self.emit("stray", t_s, move=action, text="ARMS GONE")
            return
        power, cost = self.drill.params["punches"][action]
        self.last_punch_s, self.last_punch = t_s, action
        if self.stamina < cost:
            self.stamina = 0.0
            self.burnt_until_s = t_s + float(self.drill.params["burnout_s"])
            self.add_streak(False)
            self.counts["miss"] += 1
            self.emit("burnout", t_s, move=action, text="BURNED OUT")
            return
        before = self.stamina
        self.stamina -= cost
        t = t_s - self.offset_s
        k = self.swing_index(t)
        j = judge(t - self.sweet_time(k), self.drill.windows_ms) if k not in self._hit_swings \
            else None
        if j is None:
            j_name = "glance"
            self.add_streak(False)
        else:
            j_name = j
            self._hit_swings.add(k)
            self.counts[j] += 1
            self.add_streak(True)
        landed = power * QUALITY[j_name] * (0.35 + 0.65 * before)
        self.power_landed += landed
        pts = round(landed * self.drill.points["per_power"])
        self.score += pts
        self.emit("hit", t_s, judgement=j_name, move=action, points=pts,
                  power=min(1.0, landed / 1.2), text=f"{(t - self.sweet_time(k)) * 1000:+.0f} ms")
