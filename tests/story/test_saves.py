"""Saves: round trip mid-camp, old versions migrate, damaged files are moved aside alone."""
from __future__ import annotations

import json

import pytest

from game import paths
from game.story import saves
from game.story.camp import end_day, load_camp, train
from game.story.progress import begin_chapter, new_story


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


def _mid_camp():
    s = new_story(42, "hard")
    s.flags |= {"saw_tv", "license", "power_unlocked"}
    begin_chapter(s, "camp")
    camp = load_camp()
    train(s, camp, "heavy_bag", "Champion")
    end_day(s, camp, "train")
    train(s, camp, "meat_locker", "Contender")
    return s


def test_round_trip_mid_camp():
    s = _mid_camp()
    assert saves.save_slot(2, s) is None
    back, message = saves.load_slot(2)
    assert message is None and back is not None
    assert back == s and back.day == 2 and back.sessions_today == {"meat_locker": 1}
    assert back.gains and back.fatigue > 0
    assert saves.latest_slot() == 2


def test_an_empty_slot_is_just_empty():
    assert saves.load_slot(1) == (None, None)
    assert saves.latest_slot() is None


def test_version_1_migrates():
    path = saves.slot_path(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "state": {
        "seed": 9, "difficulty": "easy", "chapter": "camp", "day": 4,
        "flags": {"saw_tv": True, "license": True, "robert_came": False},
        "gains": [["power", 2], ["stamina", 1]]}}))
    s, message = saves.load_slot(1)
    assert message is None and s is not None
    assert s.flags == {"saw_tv", "license"} and s.gains == {"power": 2, "stamina": 1}
    assert s.fatigue == 0 and s.day == 4 and s.difficulty == "easy"


@pytest.mark.parametrize("content", [
    "{not json", json.dumps({"version": 99, "state": {}}),
    json.dumps({"version": 2, "state": {"difficulty": "impossible"}}),
    json.dumps({"version": 2, "state": {"flags": 7}}), "\xff\xfe",
])
def test_a_damaged_save_is_moved_aside_and_the_others_are_untouched(data_dir, content):
    good = _mid_camp()
    saves.save_slot(1, good)
    before = saves.slot_path(1).read_bytes()
    saves.slot_path(3).write_text(content, encoding="utf-8", errors="surrogateescape")
    s, message = saves.load_slot(3)
    assert s is None and message and "story_3.json" in message
    assert not saves.slot_path(3).exists()
    assert list((data_dir / "saves").glob("story_3.json.corrupt-*"))
    assert saves.slot_path(1).read_bytes() == before
    assert saves.load_slot(1)[0] == good


def test_a_save_that_cannot_be_written_says_so(monkeypatch):
    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(saves, "write_json_atomic", boom)
    message = saves.save_slot(1, new_story(1))
    assert message and "No space left" in message


def _write_state(slot: int, **changes) -> None:
    """A real mid-camp save with some fields broken by hand."""
    state = _mid_camp().to_json()
    state.update(changes)
    saves.slot_path(slot).parent.mkdir(parents=True, exist_ok=True)
    saves.slot_path(slot).write_text(json.dumps({"version": 2, "state": state}))


#: fields that name something this build does not have, or hold a value no scene can draw
BROKEN = [
    {"chapter": "nowhere"}, {"chapter": "hearing", "map": "atlantis", "spawn": "door"},
    {"chapter": "hearing", "map": "hearing", "spawn": "roof"}, {"chapter": 3},
    {"sessions_today": {"moon_run": 1}}, {"sessions_today": {"heavy_bag": "two"}},
    {"gains": {"luck": 3}}, {"gains": {"power": 999}}, {"gains": {"power": True}},
    {"flags": ["ok", 7]}, {"flags": "license"}, {"day": 0}, {"day": 500}, {"fatigue": -4},
    {"camp_log": [{"day": 1, "day_kind": "train", "place": "moon"}]},
    {"camp_log": [{"day": 1, "drill": "moon_run", "grade": "Champion", "delta": {}}]},
    {"camp_log": ["day one"]}, {"tv": {"pick": 5}}, {"tv": {"show": {"nonsense": 1}}},
    {"fight": {"winner": 0, "method": "TEA", "round": 3}}, {"ending": "happily_ever_after"},
    {"chapter": "ending", "ending": ""}, {"seed": -1}, {"play_ticks": "long"},
]


@pytest.mark.parametrize("changes", BROKEN, ids=lambda c: ",".join(f"{k}" for k in c))
def test_a_save_naming_what_does_not_exist_is_moved_aside(data_dir, changes):
    _write_state(2, **changes)
    s, message = saves.load_slot(2)
    assert s is None and message and "story_2.json" in message
    field = next(iter(changes)) if "map" not in changes and "ending" not in changes else ""
    assert field in message  # the message names the field
    assert list((data_dir / "saves").glob("story_2.json.corrupt-*"))
    assert not saves.slot_path(2).exists()


def test_an_empty_map_is_the_chapters_own(data_dir):
    _write_state(1, chapter="hearing", map="", spawn="")
    s, message = saves.load_slot(1)
    assert message is None and s is not None
    assert (s.map, s.spawn) == ("hearing", "door")


def test_every_real_chapter_start_is_a_good_save():
    for c in ("adrians", "hearing", "camp", "fight"):
        s = _mid_camp()
        begin_chapter(s, c)
        saves.save_slot(3, s)
        back, message = saves.load_slot(3)
        assert message is None and back == s, c
