"""Sounds of the training drills: the beat click and the sting at the top of the steps.

Built like game.audio.sfx: stereo float64 (n, 2), unnormalised; the bank sets the levels.
"""

from __future__ import annotations

import numpy as np

from game.audio import dsp


def beat() -> np.ndarray:
    """A wood-block click for the drills' beat: a pitched knock whose front edge is the beat
    (a 1.5 ms rise), 80 ms of body and a little room so it is not dry.

    Measured (bench/sounds.py): a sharper knock (0.5 ms rise, 35 ms body, a hot noise click)
    had a crest of 23 dB, so at its level its peak went past the limiter, and a punch landed on
    the beat summed with it to +2 dB FS in the mixer: a crackle on every good hit. This shape
    has a crest of about 16 dB and its peak leaves room for the punch it times."""
    n = dsp.n_samples(0.18)
    knock = dsp.sine(1250.0, n) * dsp.env_decay(n, 0.08, attack_s=0.0015)
    overtone = dsp.sine(3150.0, n) * dsp.env_decay(n, 0.02, attack_s=0.001) * 0.3
    click = dsp.bandpass(dsp.noise(n, 501), 4200, 1.2) * dsp.env_decay(n, 0.004, 0.0001)
    click *= 0.25 / max(float(np.max(np.abs(click))), 1e-9)
    mono = knock + overtone + click
    return dsp.reverb(dsp.pan(mono, 0.0), wet=0.08, decay_s=0.25, damping_hz=5000, seed=502)


def _brass(n: int, freq_hz: float, seed: int) -> np.ndarray:
    """A brass-like voice: odd and even harmonics that open up as the note swells."""
    t = dsp.time_s(n)
    out = np.zeros(n)
    vibrato = 1.0 + 0.004 * np.sin(2 * np.pi * 5.2 * t + seed)
    for h in range(1, 9):
        bright = np.clip(t / 0.25, 0.0, 1.0) ** (0.5 * h)  # upper harmonics arrive late
        out += dsp.sine(freq_hz * h * vibrato, n) * bright / h
    return out


def triumph() -> np.ndarray:
    """The top of the steps: two swelling brass chords, the second a fourth higher, held."""
    n = dsp.n_samples(2.6)
    mono = np.zeros(n)
    first = dsp.n_samples(0.55)
    for i, f in enumerate((196.0, 246.9, 293.7, 392.0)):  # G major
        env = dsp.env_adsr(first, 0.04, 0.1, 0.8, 0.1, 0.4)
        mono[:first] += _brass(first, f, i) * env
    rest = n - first
    for i, f in enumerate((261.6, 329.6, 392.0, 523.3)):  # up to C major, held
        env = dsp.env_adsr(rest, 0.08, 0.3, 0.75, 0.6, 1.2)
        mono[first:] += _brass(rest, f, 10 + i) * env
    mono = dsp.lowpass(mono, 5000, 2)
    timp = dsp.sine(dsp.glide(n, 110, 98, 0.05), n) * dsp.env_decay(n, 0.5, 0.002) * 2.0
    mono[first:] += timp[:rest]
    return dsp.reverb(dsp.pan(mono, 0.0), wet=0.3, decay_s=1.8, damping_hz=4500, seed=503)
