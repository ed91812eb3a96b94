"""The drills' own sounds, measured (nobody can listen in CI): the beat and the triumph start
and end in silence, carry no DC, are not squashed by the limiter, and mix with what plays at
the same moment without clipping."""

from __future__ import annotations

import numpy as np
import pytest

from game.audio import bank, dsp

FULL_SCALE = 32767.0
DEFAULT_SFX_VOLUME = 0.9  # game.audio.mixer's default effects volume
BEAT_IN_DRILL = 0.6  # views/base.py: the beat under the notes (1.0 only in the count-in)


def _f(x: np.ndarray) -> np.ndarray:
    return x.astype(np.float64) / FULL_SCALE


def _mix_peak(*parts: tuple[np.ndarray, float]) -> float:
    """Peak of sounds started on the same sample, each at its channel volume, as SDL sums
    them (before its clamp), times the default effects volume."""
    n = max(len(x) for x, _ in parts)
    out = np.zeros((n, 2))
    for x, vol in parts:
        out[: len(x)] += _f(x) * vol * DEFAULT_SFX_VOLUME
    return float(np.abs(out).max())


@pytest.mark.parametrize("name", ["beat", "triumph"])
def test_drill_sound_starts_and_ends_silent_without_dc(built, name) -> None:
    x = _f(built[name])
    assert np.abs(x[0]).max() < 1e-3 and np.abs(x[-1]).max() < 1e-3
    assert np.abs(x.mean(axis=0)).max() < 1e-3  # under 0.1% of full scale


@pytest.mark.parametrize("name", ["beat", "triumph"])
def test_drill_sound_is_not_squashed_by_the_limiter(built, name) -> None:
    """Its peak stays under the bank's ceiling with room to spare: the limiter never bends
    the transient, so what is played is the sound as designed."""
    peak_db = 20 * np.log10(np.abs(_f(built[name])).max())
    assert peak_db < -3.0
    assert abs(dsp.loudness_db(_f(built[name])) - bank.SOUND_DEFS[name].loudness_db) < 0.5


def test_the_beat_sits_under_the_punches_it_times(built) -> None:
    loud = {n: dsp.loudness_db(_f(built[n])) for n in ("beat", "jab", "power")}
    assert loud["beat"] < loud["jab"] - 5 < loud["power"]


@pytest.mark.parametrize("punch", ["jab", "body", "power"])
def test_a_punch_landed_on_the_beat_does_not_clip(takes, punch) -> None:
    """The heavy bag plays the hit (up to full volume) at the press and the beat at the beat:
    a perfect hit starts both together, and their sum must stay under full scale."""
    beat = takes[("beat", 0)]
    for v in range(bank.SOUND_DEFS[punch].variants):
        assert _mix_peak((beat, BEAT_IN_DRILL), (takes[(punch, v)], 1.0)) < 1.0


def test_the_top_of_the_steps_does_not_clip(built) -> None:
    """views/steps.py plays the triumph with the crowd's roar at half volume."""
    assert _mix_peak((built["triumph"], 1.0), (built["crowd_roar"], 0.5)) < 1.0


def test_the_triumph_is_two_chords_held_then_fading(built) -> None:
    """The second chord is held (a steady level for about a second) and the tail fades
    smoothly to silence, with no step back up."""
    x = _f(built["triumph"]).mean(axis=1)
    frame = dsp.n_samples(0.05)
    k = len(x) // frame
    rms_db = 20 * np.log10(np.sqrt((x[: k * frame].reshape(k, frame) ** 2).mean(axis=1)) + 1e-9)
    top = int(np.argmax(rms_db))
    held = rms_db[(rms_db > rms_db.max() - 3)]
    assert len(held) * 0.05 >= 1.0
    tail = rms_db[top + 30:]
    assert len(tail) and np.all(np.diff(tail) < 3.0)
