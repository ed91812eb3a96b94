"""Best scores persist per drill and fighter; a damaged file is moved aside with a message."""
from __future__ import annotations

from pathlib import Path

from game.training.best import BestScores, best_path, load_best, save_best


def test_best_scores_persist_per_drill_and_fighter(home: Path):
    best, msg = load_best()
    assert msg is None and best.get("heavy_bag", "rocky") is None
    assert best.record("heavy_bag", "rocky", 500)
    assert not best.record("heavy_bag", "rocky", 400)
    assert best.record("heavy_bag", "dixon", 100)
    assert save_best(best) is None
    again, msg = load_best()
    assert msg is None
    assert again.get("heavy_bag", "rocky") == 500 and again.get("heavy_bag", "dixon") == 100
    assert again.get("speed_bag", "rocky") is None


def test_a_damaged_file_is_moved_aside_with_a_message(home: Path):
    path = best_path()
    path.write_text("{not json", encoding="utf-8")
    best, msg = load_best()
    assert isinstance(best, BestScores) and best.scores == {}
    assert msg and "best_scores.json" in msg and "start fresh" in msg
    assert not path.exists()
    assert list(path.parent.glob("best_scores.json.corrupt-*"))


def test_a_wrong_value_is_damage_too(home: Path):
    best_path().write_text('{"version": 1, "scores": {"heavy_bag": {"rocky": -3}}}',
                           encoding="utf-8")
    best, msg = load_best()
    assert best.scores == {} and msg and "heavy_bag.rocky" in msg


def test_a_zero_is_no_best_and_an_old_saved_zero_is_not_shown(home: Path):
    """Seen after a drill left to run out with no input: "best 0" on its card."""
    best, _ = load_best()
    assert not best.record("museum_steps", "rocky", 0)
    assert best.get("museum_steps", "rocky") is None
    best_path().write_text('{"version": 1, "scores": {"museum_steps": {"rocky": 0}}}',
                           encoding="utf-8")
    old, msg = load_best()
    assert msg is None and old.get("museum_steps", "rocky") is None
    assert old.record("museum_steps", "rocky", 5) and old.get("museum_steps", "rocky") == 5
