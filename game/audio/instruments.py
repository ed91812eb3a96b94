"""Instruments for the music: each renders one note (or hit) to a mono array.

Signature of every instrument: (freq_hz, dur_s, velocity) -> mono float64, which may run
past dur_s by its release. Drums ignore freq_hz. Seeds derive from the note so a score
renders identically every time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from game.audio import dsp

Instrument = Callable[[float, float, float], np.ndarray]


@lru_cache(maxsize=64)
def _saw(max_freq_hz: int, brightness: float) -> np.ndarray:
    return dsp.saw_table(float(max_freq_hz), brightness)


def brass(freq_hz: float, dur_s: float, velocity: float) -> np.ndarray:
    """A brass section: the tone brightens as the player blows in, scoops up to pitch, then
    settles with a late vibrato; two detuned players and a soft octave below."""
    n = dsp.n_samples(dur_s + 0.25)
    t = dsp.time_s(n)
    scoop = 1.0 - 0.025 * np.exp(-t / 0.035)
    vib_depth = 0.006 * np.clip((t - 0.25) / 0.3, 0, 1)
    f = freq_hz * scoop * (1 + vib_depth * np.sin(2 * np.pi * 5.2 * t))
    top = int(freq_hz * 1.1) + 1
    dark, bright = _saw(top, 0.15), _saw(top, 0.9)
    amp = dsp.env_adsr(n, 0.03, 0.25, 0.75, 0.14, dur_s)
    # Brightness follows the breath: a bright blat on the attack, mellower while held.
    blat = np.clip(amp * (0.55 + 0.45 * np.exp(-t / 0.12)) * (0.6 + 0.5 * velocity), 0, 1)
    out = np.zeros(n)
    for detune, ph in ((1.0, 0.0), (1.004, 0.37), (0.997, 0.71)):
        d, b = dsp.table_osc_pair(dark, bright, f * detune, n, ph)
        out += d + (b - d) * blat
    out += 0.35 * dsp.table_osc(dark, f * 0.5, n)
    return out * amp * velocity / 3.0


def bass(freq_hz: float, dur_s: float, velocity: float) -> np.ndarray:
    """Picked electric bass: a bright pluck that darkens quickly, over a sine sub."""
    n = dsp.n_samples(dur_s + 0.08)
    t = dsp.time_s(n)
    top = int(freq_hz) + 1
    dark, bright = _saw(top, 0.12), _saw(top, 0.7)
    pluck = np.exp(-t / 0.06)
    d, b = dsp.table_osc_pair(dark, bright, freq_hz, n)
    tone = d + (b - d) * pluck + 0.8 * dsp.sine(freq_hz, n)
    amp = dsp.env_adsr(n, 0.004, 0.3, 0.6, 0.05, dur_s * 0.92)
    return dsp.soft_clip(tone * amp * 0.8, 1.3) * velocity


def strings(freq_hz: float, dur_s: float, velocity: float) -> np.ndarray:
    """A string section pad: detuned saws, slow bow attack, dark top."""
    n = dsp.n_samples(dur_s + 0.5)
    t = dsp.time_s(n)
    table = _saw(int(freq_hz * 1.02) + 1, 0.35)
    out = np.zeros(n)
    for detune, ph in ((1.0, 0.0), (1.006, 0.3), (0.994, 0.6), (1.012, 0.15)):
        vib = 1 + 0.004 * np.sin(2 * np.pi * (4.6 + detune) * t + ph * 6)
        out += dsp.table_osc(table, freq_hz * detune * vib, n, ph)
    return out * dsp.env_adsr(n, 0.18, 0.5, 0.85, 0.45, dur_s) * velocity / 4.0


def tremolo(freq_hz: float, dur_s: float, velocity: float) -> np.ndarray:
    """Tremolo strings: the nervous bowing of suspense scenes (12 bow strokes a second)."""
    n = dsp.n_samples(dur_s + 0.3)
    t = dsp.time_s(n)
    trem = 0.55 + 0.45 * np.abs(np.sin(np.pi * 6.0 * t))
    return strings(freq_hz, dur_s, velocity)[:n] * trem


def _noise_hit(
    n: int,
    seed: int,
    gain_fn: Callable[[np.ndarray], np.ndarray],
    decay_s: float,
    attack_s: float = 0.0005,
) -> np.ndarray:
    return dsp.fft_filter(dsp.noise(n, seed), gain_fn) * dsp.env_decay(n, decay_s, attack_s)


def kick(_freq_hz: float, _dur_s: float, velocity: float) -> np.ndarray:
    n = dsp.n_samples(0.45)
    body = dsp.sine(dsp.glide(n, 160, 48, 0.03), n) * dsp.env_decay(n, 0.38, 0.001)
    click = _noise_hit(n, 301, dsp.bp_gain(3000, 0.7), 0.008) * 0.3
    return dsp.soft_clip((body + click) * 1.3, 1.5) * velocity


def snare(_freq_hz: float, _dur_s: float, velocity: float) -> np.ndarray:
    n = dsp.n_samples(0.35)
    tone = dsp.sine(dsp.glide(n, 240, 185, 0.02), n) * dsp.env_decay(n, 0.12, 0.001) * 0.7
    wires = _noise_hit(n, 311 + int(velocity * 10), dsp.hp_gain(1800, 2), 0.2) * 0.9
    return (tone + wires) * velocity


def hat(_freq_hz: float, _dur_s: float, velocity: float) -> np.ndarray:
    n = dsp.n_samples(0.09)
    return _noise_hit(n, 321, dsp.hp_gain(7500, 3), 0.05) * velocity * 0.5


def crash(_freq_hz: float, _dur_s: float, velocity: float) -> np.ndarray:
    n = dsp.n_samples(2.2)
    wash = _noise_hit(n, 331, dsp.hp_gain(4000, 2), 1.8, 0.002)
    ring = (
        sum(dsp.sine(f, n) for f in (3170.0, 4410.0, 5230.0, 6810.0)) * dsp.env_decay(n, 1.0) * 0.05
    )
    return (wash + ring) * velocity * 0.6


def tom(freq_hz: float, _dur_s: float, velocity: float) -> np.ndarray:
    """Big low drum (taiko/floor tom) for the tense intro; pitched by the note."""
    n = dsp.n_samples(0.7)
    body = dsp.sine(dsp.glide(n, freq_hz * 1.6, freq_hz, 0.04), n) * dsp.env_decay(n, 0.55, 0.002)
    skin = _noise_hit(n, 341, dsp.lp_gain(900, 2), 0.08) * 0.6
    return dsp.soft_clip((body + skin) * 1.2, 1.4) * velocity


def timpani(freq_hz: float, dur_s: float, velocity: float) -> np.ndarray:
    n = dsp.n_samples(max(dur_s, 1.2) + 0.3)
    ratios_amps = ((1.0, 1.0), (1.5, 0.5), (1.98, 0.35), (2.44, 0.2))
    tone = sum(
        a * dsp.sine(freq_hz * r, n) * dsp.env_decay(n, 1.4 / r, 0.003) for r, a in ratios_amps
    )
    mallet = _noise_hit(n, 351, dsp.lp_gain(1500, 2), 0.04) * 0.5
    return (tone + mallet) * velocity


def riser(_freq_hz: float, dur_s: float, velocity: float) -> np.ndarray:
    """A rising wash of noise: the tension before a fight."""
    n = dsp.n_samples(dur_s)

    def mag(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        u = np.clip(t / dur_s, 0, 1)
        centre = 300 * (1 + 20 * u**2)
        return (u**2) / np.sqrt(1 + 2.0 * (f / centre - centre / np.maximum(f, 1)) ** 2)

    return dsp.fade(dsp.shaped_noise(n, mag, 361), out_s=0.02) * velocity * 0.5


INSTRUMENTS: dict[str, Instrument] = {
    "brass": brass,
    "bass": bass,
    "strings": strings,
    "tremolo": tremolo,
    "kick": kick,
    "snare": snare,
    "hat": hat,
    "crash": crash,
    "tom": tom,
    "timpani": timpani,
    "riser": riser,
}
DRUMS = frozenset({"kick", "snare", "hat", "crash"})
