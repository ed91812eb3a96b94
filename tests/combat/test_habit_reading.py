"""The CPU reads a fixed pattern (a script's jab-jab-cross) and answers it: it sees each punch
of it coming, so fewer of them land, and it still lands its own."""
from __future__ import annotations

import dataclasses

import numpy as np

from game.combat import Rules, cpu_buttons, new_bout, step
from game.combat.ai import _predict
from game.combat.bots import bot_buttons
from game.combat.moves import load_moves
from game.combat.sim import bout_seeds
from tests.combat.helpers import stats

LANES = 48
TICKS = 1200


def _never_reads_habits(level: str):
    """The move table with `level` unable to learn a pattern (for comparison)."""
    t = load_moves()
    diff = {k: dict(v) for k, v in t.difficulty.items()}
    diff[level]["learn_habit"] = 10**6
    return dataclasses.replace(t, difficulty=diff)


def _combo_exchange(level: str, reads: bool) -> tuple[float, float]:
    """(share of the combo script's arriving punches that land, the CPU's landed per script
    punch) over the first rounds of rocky@35 running the script against dixon."""
    table = load_moves() if reads else _never_reads_habits(level)
    s = new_bout(stats("rocky", 35), stats("dixon"), Rules(rounds=1), bout_seeds(33, 0, LANES),
                 table=table)
    landed = arrived = back = 0
    for _ in range(TICKS):
        ev = step(s, bot_buttons(s, 0, "combo"), cpu_buttons(s, 1, level))
        for kind, mask, _move, _d in ev.records:
            if kind == "punch_landed":
                landed += int(mask[0].sum())
                back += int(mask[1].sum())
            if kind in ("punch_blocked", "punch_whiffed"):
                arrived += int(mask[0].sum())
    arrived += landed
    return landed / arrived, back / arrived


def test_the_pattern_predicted_is_the_one_repeated():
    jab, cross = 0 + 1, 2 + 1  # codes are move id + 1
    seq = 0
    for code in (jab, jab, cross) * 2:  # newest in the low bits
        seq = (seq << 3) | code
    assert int(_predict(np.asarray([seq]))[0]) == jab  # jab-jab-cross: a jab comes next
    seq = (seq << 3 | jab) & 0x3FFFF
    assert int(_predict(np.asarray([seq]))[0]) == jab
    seq = (seq << 3 | jab) & 0x3FFFF
    assert int(_predict(np.asarray([seq]))[0]) == cross  # ... and after two jabs, the cross
    only_jabs = 0
    for _ in range(6):
        only_jabs = (only_jabs << 3) | jab
    assert int(_predict(np.asarray([only_jabs]))[0]) == jab


def test_reading_a_repeated_combination_changes_the_cpus_answer():
    for level in ("medium", "hard"):
        land0, back0 = _combo_exchange(level, reads=False)
        land1, back1 = _combo_exchange(level, reads=True)
        # his punches seen coming: slipped, stepped away from, blocked
        assert land1 < land0 * 0.85, (level, land0, land1)
        assert back1 >= back0, (level, back0, back1)  # answered, not only covered up
