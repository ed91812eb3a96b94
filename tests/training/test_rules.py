"""Drill rules: what makes each drill its own game (trips, tricks, calls, burnout, steps)."""
from __future__ import annotations

import pytest

from game.training import list_drills, load_drill
from game.training.autoplay import Autoplayer
from game.training.rules import make_rules
from game.training.timing import TICK_S


def play(drill_id: str, mode: str, seed: int = 1, offset_s: float = 0.0):
    rules = make_rules(load_drill(drill_id), seed=seed)
    rules.offset_s = offset_s
    bot = Autoplayer(mode, seed=seed)
    events = []
    tick = 0
    while not rules.done:
        t = tick * TICK_S
        for action, held in bot.presses(rules, t):
            rules.press(action, t, held)
        rules.update(t)
        events += rules.take_events()
        tick += 1
        assert tick < 60 * 300
    return rules, events


@pytest.mark.parametrize("drill_id", [d for d in list_drills()
                                      if load_drill(d).kind != "sparring"])
def test_perfect_top_idle_bottom_sloppy_between(drill_id):
    grades = ("Champion", "Contender", "Journeyman", "Bum")
    assert play(drill_id, "perfect")[0].result().grade == "Champion"
    assert play(drill_id, "idle")[0].result().grade == "Bum"
    sloppy = play(drill_id, "sloppy")[0].result().grade
    assert grades.index(sloppy) in (1, 2)


def test_perfect_play_is_still_perfect_with_an_offset():
    rules, _ = play("speed_bag", "perfect", offset_s=0.12)
    assert rules.counts["miss"] == 0 and rules.counts["good"] == 0


def test_rope_trips_on_a_miss_and_rests_two_beats():
    rules, events = play("jump_rope", "sloppy")
    trips = [e for e in events if e.kind == "trip"]
    assert trips
    rests = [n for n in rules.notes if n.judged == "rest"]
    assert len(rules.notes) < len(rules.beats) - rules.lead_in_beats or rests


def test_rope_tricks_come_only_with_a_streak():
    rules, events = play("jump_rope", "perfect")
    tricks = [n for n in rules.notes if n.trick]
    assert tricks and all(n.judged == "perfect" for n in tricks)
    first_trick = rules.notes.index(tricks[0])
    assert first_trick >= int(rules.drill.params["trick_streak"]) - 1
    assert any(e.kind == "trick" for e in events)


def test_mitts_calls_fade_as_the_streak_grows():
    rules, _ = play("mitts", "perfect")
    first, last = rules.notes[:6], rules.notes[-6:]
    assert all(n.called for n in first)
    assert not any(n.called for n in last)


def test_heavy_bag_clean_combinations_earn_a_bonus():
    rules, events = play("heavy_bag", "perfect")
    combos = [e for e in events if e.kind == "combo"]
    assert len(combos) == rules.groups


def test_meat_locker_mashing_burns_out():
    rules = make_rules(load_drill("meat_locker"))
    burnt = False
    for i in range(40):
        t = 0.05 * i
        rules.update(t)
        rules.press("hook", t)
        burnt = burnt or any(e.kind == "burnout" for e in rules.take_events())
    assert burnt and rules.burnt_out(2.0)


def test_meat_locker_sweet_spot_lands_harder_than_a_glance():
    a = make_rules(load_drill("meat_locker"))
    a.press("hook", a.sweet_time(1))
    b = make_rules(load_drill("meat_locker"))
    b.press("hook", a.sweet_time(1) + a.period_s / 2)
    assert a.score > 3 * b.score > 0


def test_steps_same_foot_stumbles_and_the_top_pays_for_time_left():
    rules = make_rules(load_drill("museum_steps"))
    rules.press("left", 0.0)
    rules.press("left", 0.4)
    assert rules.step == 1 and any(e.kind == "stumble" for e in rules.take_events())
    perfect, events = play("museum_steps", "perfect")
    top = [e for e in events if e.kind == "top"]
    assert perfect.step == 72 and top and top[0].points > 0


def test_steps_sprinting_drains_more_than_striding():
    stride = make_rules(load_drill("museum_steps"))
    sprint = make_rules(load_drill("museum_steps"))
    period = stride.period_s
    for i in range(10):
        stride.press("left" if i % 2 else "right", i * period)
        sprint.press("left" if i % 2 else "right", i * period + period / 2)
    assert sprint.stamina < stride.stamina


def test_sparring_scores_the_goal_time_left_and_knockdowns():
    from game.training.rules.sparring import SparringTally

    def score(**kw):
        base = {"landed_body": 10, "landed_head": 4, "knockdowns_taken": 0,
                "knockdowns_scored": 0, "seconds": 60.0, "card_margin": 0, "stopped": True}
        base.update(kw)
        rules = make_rules(load_drill("sparring"))
        rules.finish(SparringTally(**base))
        return rules.score

    fast, slow = score(seconds=30.0), score(seconds=150.0)
    assert fast > slow  # reaching the goal sooner is worth more
    assert score(landed_body=6, seconds=180.0) < slow  # short of the goal: no time bonus
    assert score(knockdowns_taken=1) < score()
    assert score(landed_body=0, landed_head=0, seconds=180.0) == 0


def _spar_score(drill_id, **kw):
    from game.training.rules.sparring import SparringTally

    base = {"landed_body": 10, "landed_head": 10, "knockdowns_taken": 0, "knockdowns_scored": 0,
            "seconds": 180.0, "card_margin": 0, "stopped": False, "landed_against": 20}
    base.update(kw)
    rules = make_rules(load_drill(drill_id))
    rules.finish(SparringTally(**base))
    return rules.score


def test_surviving_means_the_bell_on_your_feet_without_taking_everything():
    full = _spar_score("sparring_survive")
    assert _spar_score("sparring_survive", seconds=90.0, stopped=True) < full  # stopped early
    assert _spar_score("sparring_survive", knockdowns_taken=1) < full - 500  # no bonus, a cost
    assert _spar_score("sparring_survive", landed_against=40) < full  # stood there taking it
    assert _spar_score("sparring_survive", landed_head=30) > full  # fought back


def test_the_cards_goal_pays_for_winning_the_round():
    won, lost = _spar_score("sparring_cards", card_margin=3), _spar_score("sparring_cards",
                                                                          card_margin=-3)
    assert _spar_score("sparring_cards", card_margin=1) < won
    assert won - lost > 500  # the round itself is the bonus
    assert lost > _spar_score("sparring_cards", card_margin=-3, landed_body=0, landed_head=0)
    assert _spar_score("sparring_cards", card_margin=-3, landed_body=0, landed_head=0) == 0
