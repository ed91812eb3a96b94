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
