"""The CPU levels against scripted players: a beginner's plan beats easy, loses to hard."""
from __future__ import annotations

import numpy as np

from game.combat import Rules
from game.combat.bots import bot_buttons
from game.combat.state import new_bout
from game.combat.step import step
from game.engine import run_mixed
from tests.combat.helpers import stats

RULES = Rules(rounds=2, round_seconds=90, clock_speed=3)  # 1,800 ticks a round


def _cpu_win_pct(bot: str, n: int) -> list[float]:
    a, b = stats("rocky", 35), stats("dixon", 30)
    jobs = [(a, b, bot, lv, n) for lv in ("easy", "medium", "hard")]
    out = []
    for r in run_mixed(jobs, RULES, seed=5, processes=1):
        s = r.summary()
        out.append(100.0 * (s["b_wins"] + 0.5 * s["draws"]) / s["bouts"])
    return out


def test_cpu_levels_rise_against_the_combo_script_and_hard_beats_it():
    easy, medium, hard = _cpu_win_pct("combo", 48)
    assert easy < medium < hard
    assert easy <= 35  # a beginner's plan beats the easy CPU most of the time
    assert hard >= 60


def test_cpu_levels_rise_against_the_counter_script_and_hard_beats_it():
    easy, medium, hard = _cpu_win_pct("counter", 48)
    assert easy <= medium < hard
    assert easy <= 35
    assert hard >= 60


def test_combo_script_throws_jab_jab_cross():
    s = new_bout(stats("rocky"), stats("dixon"), Rules(rounds=1), np.asarray([3]))
    thrown = []
    while len(thrown) < 6 and s.tick < 3000:
        a = bot_buttons(s, 0, "combo")
        ev = step(s, a, np.zeros(1, np.uint16))  # the other man stands still
        thrown += [e.move for e in ev.for_lane(0) if e.kind == "punch_thrown" and e.side == 0]
    assert thrown == ["jab", "jab", "cross", "jab", "jab", "cross"]
