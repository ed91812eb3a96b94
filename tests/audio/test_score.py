"""Scores are data: they load, and bad ones fail naming the file and the field."""

from __future__ import annotations

import pytest

from game.audio import score


def test_pitch_names_map_to_equal_temperament() -> None:
    assert score.pitch_hz("A4") == pytest.approx(440.0)
    assert score.pitch_hz("C4") == pytest.approx(261.63, abs=0.01)
    assert score.pitch_hz("F#3") == pytest.approx(score.pitch_hz("Gb3"))
    with pytest.raises(ValueError):
        score.pitch_hz("H2")


@pytest.mark.parametrize("name", ["menu", "intro"])
def test_shipped_scores_load(name: str) -> None:
    sc = score.load_score(name)
    assert sc.tracks and all(t.events for t in sc.tracks)
    assert sc.loop_s == pytest.approx(sc.bars * sc.beats_per_bar * 60 / sc.bpm)
    last_beat = sc.bars * sc.beats_per_bar
    assert all(0 <= e.start_beats < last_beat for t in sc.tracks for e in t.events)


def _score(**track: object) -> dict:
    base = {"instrument": "bass", "notes": "D2:4"}
    base.update(track)
    return {"bpm": 100, "bars": 2, "tracks": [base]}


@pytest.mark.parametrize(
    "track, field",
    [
        ({"instrument": "kazoo"}, "tracks[0].instrument"),
        ({"notes": "D2:3 | D2:4"}, "tracks[0].notes"),
        ({"notes": "Q9:4"}, "tracks[0].notes"),
        ({"notes": None, "steps": "x.y."}, "tracks[0].steps"),
        ({"pan": 3}, "tracks[0].pan"),
        ({"ramp_db": "loud"}, "tracks[0].ramp_db"),
        ({"notes": "D2:4 | D2:4 | D2:4"}, "tracks[0].notes"),
    ],
)
def test_bad_score_names_file_and_field(track: dict, field: str) -> None:
    with pytest.raises(score.ScoreError) as err:
        score.parse_score(_score(**track), "bad", "scores/bad.toml")
    assert "scores/bad.toml" in str(err.value) and field in str(err.value)


def test_missing_top_level_field_is_named() -> None:
    with pytest.raises(score.ScoreError, match=r"bad.toml\.bpm"):
        score.parse_score({"bars": 1, "tracks": []}, "bad", "bad.toml")


def test_unreadable_score_file_is_named(tmp_path) -> None:
    (tmp_path / "broken.toml").write_text("bpm = = 3")
    with pytest.raises(score.ScoreError, match="broken.toml"):
        score.load_score("broken", tmp_path)


def test_notes_may_tie_over_bar_lines_and_steps_repeat() -> None:
    sc = score.parse_score(
        {
            "bpm": 120,
            "bars": 2,
            "tracks": [
                {"instrument": "strings", "notes": "D3:6 D3:2"},
                {"instrument": "hat", "steps": "x.o."},
            ],
        },
        "t",
        "t.toml",
    )
    strings, hats = sc.tracks
    assert [e.dur_beats for e in strings.events] == [6.0, 2.0]
    assert len(hats.events) == 16  # 2 bars of 16ths, a hit on every other one
    assert [e.velocity for e in hats.events[:2]] == [0.8, 0.4]


def test_render_is_one_exact_loop() -> None:
    sc = score.parse_score(
        {
            "bpm": 120,
            "bars": 1,
            "reverb_wet": 0.3,
            "tracks": [{"instrument": "kick", "steps": "x..."}],
        },
        "t",
        "t.toml",
    )
    out = score.render(sc)
    assert out.shape == (round(2.0 * 44100), 2)
    assert abs(out).max() <= 1.0
