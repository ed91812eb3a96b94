"""The camp: fatigue makes work worth less, rest matters, evenings, the calendar ends."""
from __future__ import annotations

from game.story.camp import (
    camp_over,
    can_train,
    drills_at,
    end_day,
    load_camp,
    open_places,
    train,
)
from game.story.progress import begin_chapter, new_story


def _camp_state():
    s = new_story(3)
    begin_chapter(s, "camp")
    return s


def test_each_place_has_its_drills():
    assert {d.id for d in drills_at("gym")} >= {"heavy_bag", "speed_bag", "jump_rope"}
    assert [d.id for d in drills_at("meat_locker")] == ["meat_locker"]
    assert [d.id for d in drills_at("museum_steps")] == ["museum_steps"]


def test_the_meat_locker_opens_after_the_trainers_talk():
    camp = load_camp()
    s = _camp_state()
    assert "meat_locker" not in {p.id for p in open_places(camp, s.flags)}
    s.flags.add("power_unlocked")
    assert "meat_locker" in {p.id for p in open_places(camp, s.flags)}


def test_a_tired_rocky_gains_less_than_a_rested_one():
    camp = load_camp()
    fresh, tired = _camp_state(), _camp_state()
    for drill in ("heavy_bag", "sparring", "jump_rope", "meat_locker", "museum_steps"):
        fresh.fatigue, tired.fatigue = 0, 95
        fresh.sessions_today, tired.sessions_today = {}, {}
        train(fresh, camp, drill, "Champion")
        train(tired, camp, drill, "Champion")
    assert sum(tired.gains.values()) < sum(fresh.gains.values())
    assert fresh.fatigue == camp.per_session


def test_sessions_are_capped_and_rest_clears_fatigue():
    camp = load_camp()
    s = _camp_state()
    for _ in range(camp.max_sessions):
        assert can_train(s, camp)
        train(s, camp, "jump_rope", "Journeyman")
    assert not can_train(s, camp)
    end_day(s, camp, "train")
    assert s.fatigue > 0 and can_train(s, camp) and s.day == 2
    end_day(s, camp, "rest")
    assert s.fatigue == 0 and s.day == 3


def test_the_trainers_talk_comes_on_its_evening_and_the_camp_ends():
    camp = load_camp()
    s = _camp_state()
    evenings = []
    while not camp_over(s, camp):
        evenings.append(end_day(s, camp, "rest"))
    assert len(evenings) == camp.days
    assert evenings[1] == "duke_power"
    assert "evening_robert" not in evenings  # Robert only comes if asked
    assert evenings[-1] == "night_before"
