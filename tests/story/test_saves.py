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
