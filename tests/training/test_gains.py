"""Gains: bounded by an age ceiling, diminishing, less for a repeat; auto-train is half a
Journeyman; a perfect camp never makes Rocky at 60 his prime self."""
from __future__ import annotations

import pytest

from game.combat import load_fighter
from game.combat.age import MAX_GAIN
from game.training import GRADES, list_drills, load_drill
from game.training.gains import AUTO_GRADE, apply_session, best_camp, ceilings

ROCKY = {"fighter_id": "rocky", "age": 60}


def test_a_champion_session_raises_only_the_drills_attributes():
    g = apply_session({}, "heavy_bag", "Champion", **ROCKY)
    assert set(g) == {"power"} and g["power"] > 0
    g2 = apply_session({}, "jump_rope", "Champion", **ROCKY)
    assert set(g2) == {"foot_speed", "stamina"}


def test_better_grades_give_more():
    totals = [sum(apply_session({}, "museum_steps", g, **ROCKY).values()) for g in GRADES]
    assert totals == sorted(totals, reverse=True)
    assert totals[0] > totals[-1]


def test_auto_train_gives_half_a_journeyman_and_less_than_playing_it():
    auto = apply_session({}, "jump_rope", AUTO_GRADE, fighter_id="rocky", age=60)
    journeyman = apply_session({}, "jump_rope", "Journeyman", fighter_id="rocky", age=60)
    assert 0 < sum(auto.values()) < sum(journeyman.values())


def test_repeats_the_same_day_give_less():
    first = apply_session({}, "museum_steps", "Champion", **ROCKY)
    again = apply_session({}, "museum_steps", "Champion", repeats_today=2, **ROCKY)
    assert sum(again.values()) < sum(first.values())


def test_gains_diminish_and_stop_at_the_age_ceiling():
    caps = ceilings("rocky", 60)
    g: dict[str, int] = {}
    steps = []
    for _ in range(40):
        new = apply_session(g, "museum_steps", "Champion", **ROCKY)
        steps.append(new["stamina"] - g.get("stamina", 0))
        assert all(v <= caps[a] for a, v in new.items())
        assert all(new[a] >= g.get(a, 0) for a in new)  # never lowered
        g = new
    assert g["stamina"] == caps["stamina"]
    assert steps == sorted(steps, reverse=True)  # each session adds no more than the last


def test_ceilings_are_a_share_of_what_age_took_and_never_past_max_gain():
    young = ceilings("rocky", 30)  # his prime: nothing lost, nothing to win back
    assert all(v == 0 for v in young.values())
    old = ceilings("rocky", 60)
    assert 0 < max(old.values()) <= MAX_GAIN
    older = ceilings("dixon", 65)
    assert all(v <= MAX_GAIN for v in older.values())
    assert sum(older.values()) > sum(ceilings("dixon", 40).values())


def test_the_best_camp_does_not_make_rocky_at_60_his_prime_self():
    rocky = load_fighter("rocky")
    prime, trained, untrained = (rocky.at_age(30).ratings, rocky.at_age(60, best_camp("rocky", 60)).ratings,
                                 rocky.at_age(60).ratings)
    assert sum(trained.values()) > sum(untrained.values())
    gap_before = sum(prime.values()) - sum(untrained.values())
    gap_after = sum(prime.values()) - sum(trained.values())
    assert gap_after >= gap_before * 0.3  # a good share of the years never comes back
    assert all(trained[a] < prime[a] for a in prime if prime[a] - untrained[a] >= 3)


@pytest.mark.parametrize("drill_id", list_drills())
def test_every_drill_gives_something_to_an_old_fighter(drill_id):
    g = apply_session({}, drill_id, "Champion", fighter_id="dixon", age=60)
    assert sum(g.values()) > 0
    assert set(g) <= set(load_drill(drill_id).attributes)


def test_unknown_grade_is_an_error():
    with pytest.raises(ValueError, match="unknown grade"):
        apply_session({}, "heavy_bag", "Legend", **ROCKY)


@pytest.mark.parametrize("drill_id", list_drills())
def test_every_drill_pays_each_grade_its_due_at_the_start_of_a_camp(drill_id):
    """Seen in the gym: a Journeyman sparring session gave nothing (four gains of 1, and 45% of
    1 rounds to 0) while every other drill paid a Journeyman. In every drill a fresh camp's
    grades rank: Bum <= Journeyman < Contender < Champion, and a Journeyman gains something.
    (Hollander at 65: every ceiling the drills touch is far above a session's gain.)"""
    who = {"fighter_id": "hollander", "age": 65}
    assert all(ceilings(**who)[a] > 3 for a in load_drill(drill_id).gains)
    bum, journeyman, contender, champion = (
        sum(apply_session({}, drill_id, g, **who).values())
        for g in ("Bum", "Journeyman", "Contender", "Champion"))
    assert journeyman >= 1, drill_id
    assert bum <= journeyman < contender < champion, (drill_id, bum, journeyman, contender,
                                                      champion)


@pytest.mark.parametrize("drill_id", list_drills())
def test_playing_a_drill_never_gives_less_than_auto_training_it(drill_id):
    """Seen on camp day one: a Bum session gave nothing in six drills where auto-train, which
    plays nothing, gave +1. Whatever the grade, a played session gives at least that, at every
    point of a camp (fresh, halfway to his ceilings, a repeat the same day)."""
    from game.training.gains import AUTO_GRADE

    who = {"fighter_id": "rocky", "age": 60}
    caps = ceilings(**who)
    for gains in ({}, {a: caps[a] // 2 for a in load_drill(drill_id).gains}):
        for repeats in (0, 1):
            def total(grade, gains=gains, repeats=repeats):
                return sum(apply_session(gains, drill_id, grade, repeats_today=repeats,
                                         **who).values())

            auto = total(AUTO_GRADE)
            for grade in ("Bum", "Journeyman", "Contender", "Champion"):
                assert total(grade) >= auto, (drill_id, grade, gains, repeats)
