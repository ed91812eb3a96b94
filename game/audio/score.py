"""Music as data: a loop is a TOML score of tracks, rendered with the instruments.

Score file (assets/sounds/scores/<name>.toml):
    bpm, beats_per_bar, bars, reverb_wet, reverb_decay_s
    [[tracks]] name, instrument, pan (-1..1), gain_db, velocity (0..1),
               start_bar / end_bar (1-based, inclusive), ramp_db = [from, to] (a build-up),
               and either notes = "D4:1 F#4+A4:0.5 r:0.5 | ..." (pitch:beats, '+' for chords,
               'r' rests, '|' bar lines that are checked) or steps = "x.o." (one char per
               sixteenth: x hit, o soft hit, . rest; the pattern repeats; 'pitch' for toms).
Errors name the file and the field. The render is one exact loop: tails wrap to the start.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from game.audio import dsp
from game.audio.instruments import INSTRUMENTS
from game.paths import ASSETS

SCORES_DIR = ASSETS / "sounds" / "scores"  # = bank's
_PITCH = re.compile(r"^([A-Ga-g])([#b]?)(-?\d)$")
_SEMITONE = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}


class ScoreError(ValueError):
    """A score file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class NoteEvent:
    start_beats: float
    dur_beats: float
    freq_hz: float
    velocity: float


@dataclass(frozen=True)
class Track:
    name: str
    instrument: str
    pan: float
    gain_db: float
    ramp_db: tuple[float, float]  # gain ramp from the track's first bar to the loop's end
    start_beat: float
    events: tuple[NoteEvent, ...]


@dataclass(frozen=True)
class Score:
    name: str
    bpm: float
    beats_per_bar: int
    bars: int
    reverb_wet: float
    reverb_decay_s: float
    tracks: tuple[Track, ...]

    @property
    def loop_s(self) -> float:
        return self.bars * self.beats_per_bar * 60.0 / self.bpm


def pitch_hz(token: str) -> float:
    m = _PITCH.match(token)
    if not m:
        raise ValueError(f"bad pitch {token!r} (want e.g. C4, F#3, Bb2)")
    letter, acc, octave = m.groups()
    semis = _SEMITONE[letter.lower()] + {"#": 1, "b": -1, "": 0}[acc]
    midi = 12 * (int(octave) + 1) + semis
    return 440.0 * 2 ** ((midi - 69) / 12)


def _num(
    data: dict,
    key: str,
    where: str,
    default: float | None = None,
    lo: float = -1e9,
    hi: float = 1e9,
) -> float:
    if key not in data:
        if default is None:
            raise ScoreError(f"{where}.{key}: missing")
        return default
    v = data[key]
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
        raise ScoreError(f"{where}.{key}: expected a number in {lo}..{hi}, got {v!r}")
    return float(v)


def _parse_notes(
    text: str, first_beat: float, beats_per_bar: int, velocity: float, where: str
) -> list[NoteEvent]:
    """Notes may tie across bars; every '|' written must fall exactly on a bar line."""
    events: list[NoteEvent] = []
    beat = first_beat
    for bar_i, bar in enumerate(text.split("|")):
        if bar_i > 0:
            offset = (beat - first_beat) / beats_per_bar
            if abs(offset - round(offset)) > 1e-6:
                raise ScoreError(
                    f"{where}.notes: bar line {bar_i} falls at beat "
                    f"{beat - first_beat:g}, not on a bar of {beats_per_bar} beats"
                )
        for tok in bar.split():
            try:
                pitches, dur = tok.rsplit(":", 1)
                beats = float(dur)
                if beats <= 0:
                    raise ValueError("duration must be > 0")
                if pitches.lower() != "r":
                    for p in pitches.split("+"):
                        events.append(NoteEvent(beat, beats, pitch_hz(p), velocity))
            except ValueError as exc:
                raise ScoreError(f"{where}.notes: bar {bar_i + 1}, token {tok!r}: {exc}") from None
            beat += beats
    return events


def _parse_steps(
    pattern: str, first_beat: float, last_beat: float, freq_hz: float, velocity: float, where: str
) -> list[NoteEvent]:
    cells = [c for c in pattern if not c.isspace() and c != "|"]
    if not cells or any(c not in "xo." for c in cells):
        raise ScoreError(f"{where}.steps: use only x (hit), o (soft), . (rest)")
    events = []
    i = 0
    beat = first_beat
    while beat < last_beat - 1e-9:
        c = cells[i % len(cells)]
        if c != ".":
            events.append(NoteEvent(beat, 0.25, freq_hz, velocity * (1.0 if c == "x" else 0.5)))
        beat += 0.25
        i += 1
    return events


def parse_score(data: dict, name: str, source: str) -> Score:
    """Validate a score dict (from TOML); source is the file name used in errors."""
    bpm = _num(data, "bpm", source, lo=30, hi=300)
    bpb = int(_num(data, "beats_per_bar", source, 4, 1, 16))
    bars = int(_num(data, "bars", source, lo=1, hi=256))
    tracks_raw = data.get("tracks")
    if not isinstance(tracks_raw, list) or not tracks_raw:
        raise ScoreError(f"{source}.tracks: need at least one [[tracks]] table")
    tracks = []
    for i, tr in enumerate(tracks_raw):
        where = f"{source}: tracks[{i}]"
        inst = tr.get("instrument")
        if inst not in INSTRUMENTS:
            raise ScoreError(f"{where}.instrument: {inst!r} is not one of {sorted(INSTRUMENTS)}")
        start_bar = int(_num(tr, "start_bar", where, 1, 1, bars))
        end_bar = int(_num(tr, "end_bar", where, bars, start_bar, bars))
        velocity = _num(tr, "velocity", where, 0.8, 0, 1)
        first = (start_bar - 1) * bpb
        if "notes" in tr and isinstance(tr["notes"], str):
            events = _parse_notes(tr["notes"], first, bpb, velocity, where)
            if events and max(e.start_beats for e in events) >= bars * bpb:
                raise ScoreError(f"{where}.notes: runs past bar {bars}")
        elif "steps" in tr and isinstance(tr["steps"], str):
            try:
                freq = pitch_hz(tr.get("pitch", "A2"))
            except ValueError as exc:
                raise ScoreError(f"{where}.pitch: {exc}") from None
            events = _parse_steps(tr["steps"], first, end_bar * bpb, freq, velocity, where)
        else:
            raise ScoreError(f"{where}: needs a 'notes' or a 'steps' string")
        ramp = tr.get("ramp_db", [0.0, 0.0])
        if (
            not isinstance(ramp, list)
            or len(ramp) != 2
            or not all(isinstance(v, (int, float)) for v in ramp)
        ):
            raise ScoreError(f"{where}.ramp_db: expected [from_db, to_db]")
        tracks.append(
            Track(
                str(tr.get("name", inst)),
                inst,
                _num(tr, "pan", where, 0.0, -1, 1),
                _num(tr, "gain_db", where, 0.0, -60, 12),
                (float(ramp[0]), float(ramp[1])),
                first,
                tuple(events),
            )
        )
    return Score(
        name,
        bpm,
        bpb,
        bars,
        _num(data, "reverb_wet", source, 0.2, 0, 1),
        _num(data, "reverb_decay_s", source, 1.2, 0.1, 6),
        tuple(tracks),
    )


def load_score(name: str, scores_dir: Path = SCORES_DIR) -> Score:
    path = scores_dir / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScoreError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScoreError(f"{path}: not valid TOML ({exc})") from None
    return parse_score(data, name, str(path))


@lru_cache(maxsize=512)
def _note(instrument: str, freq_hz: float, dur_s: float, velocity: float) -> np.ndarray:
    return INSTRUMENTS[instrument](freq_hz, dur_s, velocity)


def render(score: Score) -> np.ndarray:
    """Render one seamless loop of the score as stereo float64."""
    beat_s = 60.0 / score.bpm
    loop_n = dsp.n_samples(score.loop_s)
    out = np.zeros((loop_n + dsp.n_samples(4.0), 2))
    for tr in score.tracks:
        mono = np.zeros(len(out))
        for ev in tr.events:
            note = _note(
                tr.instrument, round(ev.freq_hz, 3), round(ev.dur_beats * beat_s, 4), ev.velocity
            )
            at = dsp.n_samples(ev.start_beats * beat_s) if ev.start_beats > 0 else 0
            k = min(len(note), len(mono) - at)
            mono[at : at + k] += note[:k]
        if tr.ramp_db != (0.0, 0.0):
            ramp_from = dsp.n_samples(tr.start_beat * beat_s)
            ramp = np.interp(np.arange(len(mono)), [ramp_from, loop_n], list(tr.ramp_db))
            mono *= 10 ** (ramp / 20)
        mono *= 10 ** (tr.gain_db / 20)
        left, right = dsp.pan_gains(tr.pan)
        out[:, 0] += mono * left
        out[:, 1] += mono * right
    wet = dsp.reverb(out, score.reverb_wet, score.reverb_decay_s, damping_hz=5000, seed=401)
    _note.cache_clear()
    looped = dsp.wrap_loop(wet, loop_n)
    # Drive the 99.9th-percentile level to the limiter's knee: only rare hits get rounded.
    looped *= 0.75 / max(float(np.percentile(np.abs(looped), 99.9)), 1e-9)
    return dsp.soft_limit(looped)
