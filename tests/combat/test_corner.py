"""The count: the man still standing walks to the neutral corner, and the referee waits for him."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from game.combat import Button, Rules, new_bout, step, view
from game.combat.step import DOWN_MIN
from tests.combat.helpers import stats

NONE = np.uint16(0)


def test_default_neutral_corners_match_the_ring_map():
    from game.world.ring_layout import load_ring_layout

    layout = load_ring_layout()
    for i, direction in enumerate((-1, 1)):
        c = layout.neutral_corner_toward(direction)
        model_x = (c.x_px - layout.centre_x_px) / layout.world_per_model_px
        assert Rules().neutral_corners_px[i] == pytest.approx(model_x, abs=0.5)


def test_rules_reject_corners_on_the_wrong_side():
    with pytest.raises(ValueError, match="neutral_corners_px"):
        Rules(neutral_corners_px=(50.0, 300.0))


def _knockdown_at(x0: float, x1: float, rules: Rules | None = None):
    """A bout where side 0 has just dropped side 1 (a jab on an empty head bar) at x0 / x1."""
    s = new_bout(stats("rocky"), stats("dixon"), rules or Rules(rounds=3), [4])
    s.x[:, 0] = [x0, x1]
    s.head[1, 0] = 0.5
    for _ in range(30):
        step(s, np.uint16(Button.JAB), NONE)
        if s.act[1, 0] >= DOWN_MIN:
            return s
    raise AssertionError("no knockdown")


def _first_count_tick(s, limit: int = 400) -> tuple[int, list[float]]:
    """Step without input until the referee's first count; side 0's x on each tick before."""
    xs = []
    for tick in range(1, limit):
        ev = step(s, NONE, NONE)
        if any(e.kind == "count" for e in ev.for_lane(0)):
            return tick, xs
        xs.append(float(s.x[0, 0]))
    raise AssertionError("the referee never counted")


def test_standing_man_walks_to_his_neutral_corner_before_the_count():
    s = _knockdown_at(-120.0, 20.0)
    corner = max(Rules().neutral_corners_px[0], -s.table.model["ring_half_px"])
    tick, xs = _first_count_tick(s)
    assert all(b <= a for a, b in itertools.pairwise(xs))  # always toward the corner, never back
    assert xs[-1] == pytest.approx(corner, abs=0.5)  # he got there before the count began
    walk_ticks = next(i for i, x in enumerate(xs) if abs(x - corner) < 0.5)
    ct = int(s.table.model["count_ticks"])
    assert tick == walk_ticks + ct  # the count started on the tick he arrived
    assert view(s).fighters[0].action == "idle"
    # the man on the floor cannot beat a count that has not started
    s2 = _knockdown_at(-120.0, 20.0)
    for _ in range(walk_ticks - 5):
        step(s2, NONE, np.uint16(Button.JAB) if s2.tick % 2 else NONE)
    assert s2.gp[1, 0] == 0 and view(s2).count == 0


def test_count_waits_at_most_count_wait_ticks_for_a_far_walk():
    s = _knockdown_at(130.0, 300.0)  # fight on the far ropes: a long walk back
    tick, xs = _first_count_tick(s)
    m = s.table.model
    # (the knockdown's own tick is the first tick of the wait)
    assert tick == int(m["count_wait_ticks"]) - 1 + int(m["count_ticks"])
    corner = max(Rules().neutral_corners_px[0], -m["ring_half_px"])
    assert corner + 20 < xs[-1] < 130.0 - 100  # he was still on his way


def test_a_man_already_in_the_corner_is_counted_at_once():
    s = _knockdown_at(-330.0, -200.0)
    tick, _ = _first_count_tick(s)
    assert tick <= int(s.table.model["count_ticks"]) + 3


def test_fight_resumes_and_he_comes_back_out():
    s = _knockdown_at(-120.0, 20.0)
    # the downed man gets up (he mashes); then side 0 walks back in from the corner
    for _ in range(1200):
        if s.act[1, 0] < DOWN_MIN:
            break
        step(s, NONE, np.uint16(Button.JAB) if s.tick % 2 else NONE)
    assert s.act[1, 0] < DOWN_MIN and not s.over[0]
    x_corner = float(s.x[0, 0])
    for _ in range(60):
        step(s, np.uint16(Button.RIGHT), NONE)
    assert s.x[0, 0] > x_corner + 60


def test_corner_walk_in_a_batch_matches_single_bouts():
    """Lanes with and without a count side by side step exactly as alone."""
    seeds = [4, 5, 6]
    batch = new_bout(stats("rocky"), stats("dixon"), Rules(rounds=3), seeds)
    batch.x[:, :] = np.asarray([[-120.0, 0.0, 130.0], [20.0, 200.0, 300.0]], dtype=np.float32)
    batch.head[1, [0, 2]] = 0.5
    singles = []
    for lane, sd in enumerate(seeds):
        one = new_bout(stats("rocky"), stats("dixon"), Rules(rounds=3), [sd])
        one.x[:, 0] = batch.x[:, lane]
        one.head[1, 0] = batch.head[1, lane]
        singles.append(one)
    for t in range(300):
        a = np.uint16(Button.JAB) if t < 30 else NONE
        b = np.uint16(Button.JAB) if t % 2 else NONE
        step(batch, np.full(3, a, np.uint16), np.full(3, b, np.uint16), events=False)
        for one in singles:
            step(one, a, b, events=False)
    for lane, one in enumerate(singles):
        assert np.array_equal(one.x[:, 0], batch.x[:, lane])
        assert np.array_equal(one.down_t[:, 0], batch.down_t[:, lane])
        assert np.array_equal(one.gp[:, 0], batch.gp[:, lane])
