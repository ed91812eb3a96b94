"""The 10-point must system, decisions, and how bouts end."""
from __future__ import annotations

import numpy as np
import pytest

from game.combat import Button, Rules, new_bout, step, view
from game.combat.judges import decision, must_points
from game.combat.state import NO_WINNER, M
from tests.combat.helpers import stats


def _must(diff, kd0=0, kd1=0):
    p0, p1 = must_points(np.asarray([diff]), np.asarray([kd0]), np.asarray([kd1]))
    return int(p0[0]), int(p1[0])


def test_ten_point_must():
    assert _must(3.0) == (10, 9)
    assert _must(-3.0) == (9, 10)
    assert _must(0.1) == (10, 10)
    assert _must(3.0, kd1=1) == (10, 8)  # won the round and dropped him
    assert _must(3.0, kd1=2) == (10, 7)
    assert _must(-3.0, kd0=1) == (8, 10)
    assert _must(3.0, kd0=1) == (10, 10)  # won the round but was down once: even
    assert _must(0.0, kd0=1) == (9, 10)


def _cards(*judges):
    return np.asarray([judges], dtype=np.int32)  # (1, 3, 2)


@pytest.mark.parametrize("cards, winner, method", [
    (((96, 94), (97, 93), (95, 94)), 0, "UD"),
    (((94, 96), (93, 97), (94, 95)), 1, "UD"),
    (((96, 94), (94, 96), (95, 94)), 0, "SD"),
    (((96, 94), (95, 95), (95, 94)), 0, "MD"),
    (((96, 94), (95, 95), (95, 95)), NO_WINNER, "DRAW"),
    (((96, 94), (94, 96), (95, 95)), NO_WINNER, "DRAW"),
])
def test_decisions(cards, winner, method):
    w, m = decision(_cards(*cards))
    assert int(w[0]) == winner and int(m[0]) == M[method]


def test_rules_presets():
    assert Rules(preset="classic").three_knockdown_rule and Rules().saved_by_bell
    u = Rules(preset="unified")
    assert not u.three_knockdown_rule and not u.saved_by_bell
    assert Rules(round_seconds=180, clock_speed=3).round_ticks == 3600
    assert Rules(clock_speed=1).round_ticks == 10800
    with pytest.raises(ValueError):
        Rules(rounds=13)
    with pytest.raises(ValueError):
        Rules(preset="street")


def test_idle_bout_goes_to_the_cards_and_scores_every_round():
    rules = Rules(rounds=2, round_seconds=20, clock_speed=2)  # 600 ticks a round
    s = new_bout(stats("rocky"), stats("dixon"), rules, [4])
    kinds = []
    zero = np.uint16(0)
    while not s.over[0]:
        kinds += [e.kind for e in step(s, zero, zero).for_lane(0)]
    r = view(s).result
    assert kinds.count("round_end") == 2 and kinds.count("bout_end") == 1
    assert kinds.count("round_start") == 2
    assert len(r.scorecards) == 3 and all(len(card) == 2 for card in r.scorecards)
    assert r.method in ("UD", "SD", "MD", "DRAW") and r.round == 2
    for card in r.scorecards:
        for a, b in card:
            assert 10 in (a, b) and min(a, b) >= 9


def test_knockdown_count_and_ko():
    s = new_bout(stats("rocky"), stats("dixon"), Rules(rounds=3), [2])
    s.head[1, 0] = 0.5
    s.x[:, 0] = [-45, 45]
    zero = np.uint16(0)
    kinds = [e.kind for e in step(s, np.uint16(Button.CROSS), zero).for_lane(0)]
    for _ in range(40):
        kinds += [e.kind for e in step(s, zero, zero).for_lane(0)]
    assert "knockdown" in kinds
    v = view(s)
    assert v.downed_side == 1 and v.fighters[1].knockdowns == 1
    while not s.over[0]:  # he never presses a button: counted out
        kinds += [e.kind for e in step(s, zero, zero).for_lane(0)]
    assert kinds.count("count") >= 9
    r = view(s).result
    assert r.method == "KO" and r.winner == 0 and r.round == 1
    assert view(s).fighters[0].action == "celebrate"


def test_mashing_beats_the_count():
    s = new_bout(stats("rocky"), stats("dixon"), Rules(rounds=3), [2])
    s.head[1, 0] = 0.5
    s.x[:, 0] = [-45, 45]
    zero, jab = np.uint16(0), np.uint16(Button.JAB)
    kinds = [e.kind for e in step(s, np.uint16(Button.CROSS), zero).for_lane(0)]
    while "knockdown" not in kinds:
        kinds += [e.kind for e in step(s, zero, zero).for_lane(0)]
    for tick in range(400):  # a fast human: fifteen presses a second
        kinds += [e.kind for e in step(s, zero, jab if tick % 4 == 0 else zero).for_lane(0)]
        if "getup" in kinds:
            break
    assert "getup" in kinds and not s.over[0]
    assert view(s).fighters[1].health_head > 0.2


def test_three_knockdown_rule():
    s = new_bout(stats("rocky"), stats("dixon"), Rules(rounds=3, preset="classic"), [2])
    s.kd_round[1, 0] = 2
    s.kd_total[1, 0] = 2
    s.head[1, 0] = 0.5
    s.x[:, 0] = [-45, 45]
    zero = np.uint16(0)
    step(s, np.uint16(Button.CROSS), zero)
    for _ in range(40):
        step(s, zero, zero)
    assert view(s).result.method == "TKO"


def test_the_bell_saves_a_man_down_in_the_last_round_too_under_classic_rules():
    """Classic rules: the bell saves a man on the floor, the last round too (the cards decide:
    a count finished after the final bell put a spike of knockouts into the last round, issue
    11). Unified rules: no bell saves him; the count goes on and the bout waits for it."""
    from game.combat.state import A

    out = {}
    for preset in ("classic", "unified"):
        rules = Rules(preset=preset, rounds=2, round_seconds=60, clock_speed=3)
        s = new_bout(stats("rocky", 30), stats("dixon", 30), rules, [4])
        s.rnd[:] = 2  # the last round, its clock about to run out, rocky on the floor
        s.clock_t[:] = 2
        s.act[0, :] = A["down"]
        s.act_t[0, :] = 0
        s.kd_round[0, :] = 1
        s.kd_total[0, :] = 1
        for _ in range(4):
            step(s, np.zeros(1, np.uint16), np.zeros(1, np.uint16))
        out[preset] = (bool(s.over[0]), int(s.method[0]))
    assert out["classic"][0] and out["classic"][1] not in (M["KO"], M["TKO"])
    assert not out["unified"][0]  # the count is still running after the bell


def test_nothing_lands_once_the_bout_is_over():
    """A bout stopped while the other man's punch is in the air: the punch never lands, so
    a batch that steps finished lanes on (numpy) or the kernel reports what the result saw."""
    s = new_bout(stats("rocky"), stats("dixon"), Rules(rounds=3), [2, 2])
    s.x[:] = np.asarray([[-45], [45]], dtype=np.float32)
    zero = np.zeros(2, np.uint16)
    cross = np.full(2, Button.CROSS, np.uint16)
    step(s, cross, zero)
    step(s, zero, zero)
    s.over[1] = True  # lane 1: the referee has just stopped it
    head = s.head[1].copy()
    landed = np.zeros(2, dtype=np.int64)
    for _ in range(40):
        landed += step(s, zero, zero).count("punch_landed")
    assert landed[0] == 1 and landed[1] == 0  # lane 0's cross landed; lane 1's did not
    assert s.head[1, 1] == head[1]
