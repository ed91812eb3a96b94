"""The CPU reads a one-button jabber: after a few jabs in a row it answers them, by level."""
from __future__ import annotations

import dataclasses

import numpy as np

from game.combat import Rules, cpu_buttons, new_bout, step
from game.combat.bots import bot_buttons
from game.combat.moves import load_moves
from game.combat.sim import bout_seeds
from game.engine import run_mixed
from tests.combat.helpers import stats

LANES = 48
TICKS = 900


def _never_reads(level: str):
    """The move table with `level` unable to learn a jab habit (for comparison)."""
    t = load_moves()
    diff = {k: dict(v) for k, v in t.difficulty.items()}
    diff[level]["learn_jabs"] = 10**6
    diff[level]["learn_habit"] = 10**6  # the habit reader reads a run of jabs too
    return dataclasses.replace(t, difficulty=diff)


def _exchange(level: str, reads: bool = True, bot: str = "jab5") -> tuple[float, float]:
    """(share of the bot's arriving jabs that land, the CPU's punches landed per bot jab)."""
    table = load_moves() if reads else _never_reads(level)
    s = new_bout(stats("dixon"), stats("dixon"), Rules(rounds=1), bout_seeds(21, 0, LANES),
                 table=table)
    landed = arrived = back = 0
    for _ in range(TICKS):
        a = bot_buttons(s, 0, bot)
        b = cpu_buttons(s, 1, level)
        ev = step(s, a, b)
        for kind, mask, move, _d in ev.records:
            if kind == "punch_landed":
                back += int(mask[1].sum())
            if kind in ("punch_landed", "punch_blocked", "punch_whiffed"):
                n = int((mask[0] & ((move[0] >> 1) == 0)).sum())
                arrived += n
                landed += n * (kind == "punch_landed")
    return landed / arrived, back / arrived


def test_reading_repeated_jabs_changes_the_cpus_answer():
    for level in ("medium", "hard"):
        land0, back0 = _exchange(level, reads=False)
        land1, back1 = _exchange(level)
        assert land1 < land0 * 0.8, (level, land0, land1)  # slipped, parried, made to miss
        assert back1 > back0 * 1.5, (level, back0, back1)  # and answered with his own


def test_higher_levels_answer_read_jabs_better():
    lands = [_exchange(level)[0] for level in ("easy", "medium", "hard")]
    assert lands[0] > lands[1] > lands[2], lands


def test_one_button_players_lose_to_medium_and_hard():
    d30 = stats("dixon", 30)
    rules = Rules(rounds=2, round_seconds=90, clock_speed=3)
    jobs = [(d30, d30, bot, lv, 24) for bot in ("jab5", "jabwalk") for lv in ("medium", "hard")]
    for (_, _, bot, lv, _), r in zip(jobs, run_mixed(jobs, rules, seed=3, processes=1)):
        s = r.summary()
        cpu = (s["b_wins"] + 0.5 * s["draws"]) / s["bouts"]
        assert cpu >= (0.6 if lv == "medium" else 0.8), (bot, lv, cpu)


def test_jab_bots_tap_at_their_rate_and_hold_the_edge_of_reach():
    s = new_bout(stats("dixon"), stats("dixon"), Rules(rounds=1), bout_seeds(2, 0, 8))
    presses = np.zeros(8)
    prev = np.zeros(8, dtype=np.int32)
    gaps = []
    for _ in range(300):  # five seconds against a man who stands still
        a = bot_buttons(s, 0, "jab3")
        presses += ((a & 16) != 0) & ((prev & 16) == 0)
        prev = a
        step(s, a, np.zeros(8, np.uint16), events=False)
        gaps.append(s.x[1] - s.x[0])
    assert np.all((presses >= 8) & (presses <= 15))  # 3 a second, when in range
    edge = s.table.move["reach_px"][0] + s.reach_bonus[0]
    held = np.median(np.asarray(gaps[100:]), axis=0)  # after walking in from the start
    assert np.all((held <= edge + 5) & (held >= edge - 30)), (held, edge)  # (+ knockback)
    assert np.all((s.thrown[0] >= 8) & (s.thrown[1] == 0) & (s.landed[0] >= 0.7 * s.thrown[0]))


def _fire_backs(level: str, bot: str) -> tuple[int, int]:
    """(jabs the CPU presses out of a stun, of them while the jabber's next jab is starting),
    counted on the CPU's decision ticks over 900 ticks of 48 bouts."""
    from game.combat.ai import thinks
    from game.combat.inputs import Button
    from game.combat.state import A
    from game.combat.step import P_HI, P_LO

    s = new_bout(stats("dixon"), stats("dixon"), Rules(rounds=1), bout_seeds(21, 0, LANES))
    fired = into = 0
    for _ in range(TICKS):
        a = bot_buttons(s, 0, bot)
        decides = thinks(s.tick, 1) == 1
        b = cpu_buttons(s, 1, level)
        if decides:
            stunned = np.isin(s.act[1], [A["block"], A["hit_head"], A["hit_body"]])
            jab = stunned & ((b & int(Button.JAB)) != 0)
            starting = (s.act[0] >= P_LO) & (s.act[0] <= P_HI) & (s.act_t[0] < s.p_su[0])
            fired += int(jab.sum())
            into += int((jab & starting).sum())
        step(s, a, b, events=False)
    return fired, into


def test_a_read_jabber_is_answered_out_of_the_stun_but_not_into_his_next_jab():
    """Against ten taps a second the next jab is on its way as the stun ends: a jab fired
    into it is caught in its start-up (hard, firing more often, was stopped more than medium)."""
    for level in ("medium", "hard"):
        for bot in ("jab5", "jab10"):
            fired, into = _fire_backs(level, bot)
            assert fired >= 20, (level, bot, fired)  # he still fires back out of the stun
            assert into == 0, (level, bot, into)  # never into a jab already starting
