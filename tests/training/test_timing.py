"""Timing windows: edges belong to the better judgement; offsets move the beat; ticks clock."""
from __future__ import annotations

import itertools

import pytest

from game.training import load_drill
from game.training.rules import make_rules
from game.training.timing import TickClock, beat_times, judge

WIN = {"perfect": 50, "good": 100, "ok": 150}


@pytest.mark.parametrize(("error_ms", "expected"), [
    (0, "perfect"), (50, "perfect"), (-50, "perfect"), (50.5, "good"), (-51, "good"),
    (100, "good"), (100.5, "ok"), (150, "ok"), (-150, "ok"), (150.5, None), (400, None),
])
def test_window_edges(error_ms, expected):
    assert judge(error_ms / 1000.0, WIN) == expected


def test_beat_times_follow_the_tempo_ramp():
    flat = beat_times(120, 120, 5)
    assert flat == pytest.approx([0.0, 0.5, 1.0, 1.5, 2.0])
    ramp = beat_times(120, 240, 9)
    gaps = [b - a for a, b in itertools.pairwise(ramp)]
    assert all(g2 < g1 for g1, g2 in itertools.pairwise(gaps))
    assert gaps[0] == pytest.approx(0.5)


def test_tick_clock_counts_sixtieths():
    clock = TickClock()
    for _ in range(90):
        clock.advance()
    assert clock() == pytest.approx(1.5)


def _first_note(rules):
    rules.update(0.0)
    return rules.upcoming(0.0, ahead_s=10)[0]


@pytest.mark.parametrize(("error_ms", "judgement", "points"), [
    (45, "perfect", 50), (-45, "perfect", 50), (55, "good", 30), (130, "ok", 10),
])
def test_a_speed_bag_press_scores_by_its_window(error_ms, judgement, points):
    rules = make_rules(load_drill("speed_bag"))
    note = _first_note(rules)
    rules.press("jab", note.t_s + error_ms / 1000.0)
    events = [e for e in rules.take_events() if e.kind == "hit"]
    assert [(e.judgement, e.points) for e in events] == [(judgement, points)]
    assert rules.score == points


def test_a_press_past_the_ok_window_is_not_a_hit_and_the_note_is_missed():
    rules = make_rules(load_drill("speed_bag"))
    note = _first_note(rules)
    rules.press("jab", note.t_s + 0.140)  # speed bag ok = 135 ms
    assert rules.score == 0
    rules.update(note.t_s + 0.3)
    assert rules.counts["miss"] == 1


def test_the_wrong_hand_is_a_miss():
    rules = make_rules(load_drill("speed_bag"))
    note = _first_note(rules)
    assert note.move == "jab"
    rules.press("cross", note.t_s)
    assert rules.counts["miss"] == 1 and rules.score == 0


def test_offset_is_taken_off_each_press():
    rules = make_rules(load_drill("speed_bag"))
    rules.offset_s = 0.080  # this player's presses arrive 80 ms late
    note = _first_note(rules)
    rules.press("jab", note.t_s + 0.080)
    assert rules.counts["perfect"] == 1


def test_body_calls_need_down_held():
    rules = make_rules(load_drill("heavy_bag"))
    rules.update(0.0)
    body = next(n for n in rules.notes if n.move == "body_hook") if any(
        n.move == "body_hook" for n in rules.notes) else None
    t = 0.0
    while body is None:
        t += 0.5
        rules.update(t)
        body = next((n for n in rules.notes if n.move == "body_hook"), None)
    rules.press("hook", body.t_s, frozenset())
    assert body.judged == "miss"
    other = make_rules(load_drill("heavy_bag"))
    other.update(t)
    twin = next(n for n in other.notes if n.move == "body_hook")
    other.press("hook", twin.t_s, frozenset({"down"}))
    assert twin.judged == "perfect"
