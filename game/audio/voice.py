"""A tiny source-filter voice: a buzzing glottal source shaped by moving vowel formants.

The crowd is many of these babbling at once (no recorded speech anywhere), and the
referee's count is one of them barking a vowel.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from game.audio import dsp

# Formant centres F1..F3 in Hz for an adult male voice; higher voices scale them up.
VOWELS_HZ: dict[str, tuple[float, float, float]] = {
    "ah": (730, 1090, 2440),
    "eh": (530, 1840, 2480),
    "ee": (300, 2250, 3000),
    "oh": (570, 840, 2410),
    "oo": (320, 870, 2240),
    "ae": (660, 1720, 2410),
    "uh": (520, 1190, 2390),
}
_FORMANT_AMPS = (1.0, 0.55, 0.3)
_FORMANT_BW_HZ = (90.0, 120.0, 170.0)


def _smooth_noise(n: int, rate_hz: float, seed: int) -> np.ndarray:
    """Slow random wobble in -1..1 (pitch jitter, level drift)."""
    k = max(2, int(n / dsp.SAMPLE_RATE_HZ * rate_hz) + 2)
    pts = dsp.rng(seed).uniform(-1, 1, k)
    return np.interp(np.linspace(0, k - 1, n), np.arange(k), pts)


def voice(
    n: int,
    f0_hz: np.ndarray | float,
    vowels: Sequence[tuple[str, float]],
    seed: int,
    breath: float = 0.1,
    formant_scale: float = 1.0,
    brightness: float = 1.0,
) -> np.ndarray:
    """One voice of n samples. vowels: (vowel name, time_s) keyframes, glided between."""
    f0 = np.broadcast_to(np.asarray(f0_hz, dtype=np.float64), (n,))
    f0 = f0 * (1.0 + 0.012 * _smooth_noise(n, 9.0, seed))
    ph = dsp.phase_cycles(f0, n) % 1.0
    source = (1.0 - 2.0 * ph) + breath * dsp.noise(n, seed + 1) * 0.6
    times = np.array([t for _, t in vowels], dtype=np.float64)
    table = np.array([VOWELS_HZ[v] for v, _ in vowels], dtype=np.float64) * formant_scale

    def gain(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        g = np.zeros((t.shape[0], f.shape[1]))
        for i in range(3):
            centre = np.interp(t[:, 0], times, table[:, i])[:, None]
            half_bw = _FORMANT_BW_HZ[i] * formant_scale * brightness / 2
            g += _FORMANT_AMPS[i] / (1.0 + ((f - centre) / half_bw) ** 2)
        tilt = 1.0 / (1.0 + (f / (3500.0 * brightness)) ** 2)
        return g * tilt

    return dsp.stft_filter(source, gain)


def syllable_envelope(
    n: int, seed: int, rate_hz: float = 4.5, talk_fraction: float = 0.7
) -> np.ndarray:
    """Speech-like loudness: syllables in phrases, with pauses for breath."""
    g = dsp.rng(seed)
    env = np.zeros(n)
    pos = int(g.uniform(0, 0.5) * dsp.SAMPLE_RATE_HZ)
    while pos < n:
        phrase_n = int(g.uniform(0.8, 2.6) * dsp.SAMPLE_RATE_HZ)
        end = min(n, pos + phrase_n)
        while pos < end:
            syl_n = int(dsp.SAMPLE_RATE_HZ / rate_hz * g.uniform(0.6, 1.5))
            k = min(syl_n, n - pos)
            shape = np.sin(np.pi * np.arange(k) / syl_n) ** 1.2 * g.uniform(0.4, 1.0)
            env[pos : pos + k] = np.maximum(env[pos : pos + k], shape)
            pos += int(syl_n * g.uniform(0.85, 1.1))
        pause_s = g.uniform(0.2, 1.2) * (1.0 - talk_fraction) / 0.3
        pos += int(pause_s * dsp.SAMPLE_RATE_HZ)
    return env


def talker(n: int, seed: int, base_f0_hz: float, formant_scale: float) -> np.ndarray:
    """A person chatting: random vowels per syllable, intonation drifting around base_f0_hz."""
    g = dsp.rng(seed)
    dur_s = n / dsp.SAMPLE_RATE_HZ
    names = list(VOWELS_HZ)
    keys = [
        (names[int(g.integers(len(names)))], float(t)) for t in np.arange(0.0, dur_s + 0.2, 0.18)
    ]
    f0 = base_f0_hz * (1.0 + 0.15 * _smooth_noise(n, 2.5, seed + 2))
    sig = voice(n, f0, keys, seed + 3, breath=0.2, formant_scale=formant_scale)
    env = syllable_envelope(n, seed + 4)
    # Consonants: a hiss or click where each syllable starts (s, t, k), the cue that makes
    # babble sound like people talking rather than humming.
    onset = np.clip(np.diff(env, prepend=0.0) * dsp.SAMPLE_RATE_HZ / 40.0, 0.0, 1.0)
    hiss = dsp.highpass(dsp.noise(n, seed + 5), 3000, 2) * onset
    level = np.sqrt(np.mean(sig**2))
    return sig * env + hiss * level * 1.5
