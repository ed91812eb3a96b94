"""The arena crowd: babbling formant voices spread over the stereo field in a big hall.

crowd_bed is a seamless loop (every voice is made periodic before it is placed, and the
hall's tail is folded back onto the start); crowd_swell is an "oooh" rising into cheers;
crowd_roar is the whole arena on its feet: shouts, claps and whistles.
"""

from __future__ import annotations

import numpy as np

from game.audio import dsp
from game.audio.voice import talker, voice

BED_LOOP_S = 12.0  # long enough that no voice is heard to repeat under a round


def _person(g: np.random.Generator) -> tuple[float, float]:
    """Base pitch and formant scale of a random spectator (about 2 in 3 are men)."""
    if g.uniform() < 0.65:
        return float(g.uniform(95, 145)), float(g.uniform(0.95, 1.05))
    return float(g.uniform(180, 250)), float(g.uniform(1.12, 1.22))


def _hall(x: np.ndarray, wet: float, seed: int) -> np.ndarray:
    return dsp.reverb(x, wet=wet, decay_s=2.2, damping_hz=2500, seed=seed, predelay_s=0.03)


def crowd_bed() -> np.ndarray:
    """A loopable murmur of a big arena: ~40 talkers near and far, plus room rumble."""
    loop_n = dsp.n_samples(BED_LOOP_S)
    xfade_n = dsp.n_samples(0.4)
    g = dsp.rng(101)
    near = np.zeros((loop_n, 2))
    far = np.zeros((loop_n, 2))
    for i in range(14):
        f0, scale = _person(g)
        one = dsp.crossfade_loop(talker(loop_n + xfade_n, 200 + i * 10, f0, scale), loop_n)
        for copy in range(3):
            shifted = np.roll(one, int(g.integers(loop_n)))
            side = 1.0 if (i + copy) % 2 else -1.0
            placed = dsp.pan(shifted, side * float(g.uniform(0.05, 0.9))) * g.uniform(0.4, 1.0)
            if copy == 0 and i < 6:
                near += placed
            else:
                far += placed
    far = dsp.lowpass(far, 2000, 2)
    rumble_mono = dsp.lowpass(dsp.pink(loop_n + xfade_n, 102), 450, 2)
    rumble = dsp.crossfade_loop(dsp.pan(rumble_mono, 0.0), loop_n)
    rumble *= 0.5 * np.sqrt(np.mean(far**2)) / max(np.sqrt(np.mean(rumble**2)), 1e-9)
    mix = near * 0.6 + far + rumble
    wet = _hall(mix, 0.45, 103)
    return dsp.wrap_loop(wet, loop_n)


def _chorus(
    n: int,
    count: int,
    seed: int,
    vowels: list[tuple[str, float]],
    pitch_curve: np.ndarray,
    pitch_mult: float,
    brightness: float,
) -> np.ndarray:
    """Many people sounding the same vowel path together, each at his own pitch and place."""
    g = dsp.rng(seed)
    out = np.zeros((n, 2))
    for i in range(count):
        f0, scale = _person(g)
        lag_n = int(g.uniform(0, 0.25) * dsp.SAMPLE_RATE_HZ)
        f0_curve = f0 * pitch_mult * np.roll(pitch_curve, lag_n) * (1 + 0.03 * g.standard_normal())
        keys = [(v, t + lag_n / dsp.SAMPLE_RATE_HZ) for v, t in vowels]
        sig = voice(
            n,
            f0_curve,
            [(vowels[0][0], 0.0)] + keys,
            seed * 100 + i,
            breath=0.35,
            formant_scale=scale,
            brightness=brightness,
        )
        sig[:lag_n] = 0
        side = 1.0 if i % 2 else -1.0  # alternate sides so the chorus stays centred
        out += dsp.pan(sig, side * float(g.uniform(0.05, 0.9))) * g.uniform(0.5, 1.0)
    return out


def _claps(n: int, seed: int, rate_hz: float, env: np.ndarray) -> np.ndarray:
    """Scattered hand claps, denser where env is high."""
    g = dsp.rng(seed)
    out = np.zeros((n, 2))
    clap_n = dsp.n_samples(0.03)
    shape = dsp.env_decay(clap_n, 0.025, 0.0005)
    count = int(rate_hz * n / dsp.SAMPLE_RATE_HZ)
    for _ in range(count):
        at = int(g.integers(0, n - clap_n))
        if g.uniform() > env[at]:
            continue
        burst = g.standard_normal(clap_n) * shape * g.uniform(0.3, 1.0)
        out[at : at + clap_n] += dsp.pan(burst, float(g.uniform(-0.9, 0.9)))
    return dsp.bandpass(out, 1400, 0.8)


def _whistle(n: int, seed: int, start_s: float, dur_s: float) -> np.ndarray:
    """A two-finger whistle: a pure high tone with a rise and a wavering top."""
    g = dsp.rng(seed)
    k = dsp.n_samples(dur_s)
    t = dsp.time_s(k)
    f = (
        g.uniform(2300, 3000)
        * (1 + 0.12 * np.minimum(t / 0.15, 1.0))
        * (1 + 0.01 * np.sin(2 * np.pi * 6 * t))
    )
    tone = dsp.sine(f, k) * dsp.env_adsr(k, 0.04, 0.2, 0.8, 0.1, dur_s - 0.1)
    out = np.zeros(n)
    at = dsp.n_samples(start_s)
    out[at : at + k] = tone[: max(0, min(k, n - at))]
    return dsp.pan(out, float(g.uniform(-0.7, 0.7)))


def crowd_swell() -> np.ndarray:
    """A rising "oooh" that opens into cheering, about 3 s."""
    n = dsp.n_samples(3.2)
    t = dsp.time_s(n)
    rise = np.clip(t / 1.8, 0, 1)
    pitch = 1.0 + 0.35 * rise**1.5
    amp = np.sin(np.pi / 2 * rise) ** 2 * np.exp(-np.maximum(t - 2.0, 0) * 2.2)
    chorus = _chorus(n, 18, 111, [("oo", 0.0), ("oh", 0.9), ("ah", 1.7)], pitch, 1.15, 1.0)
    claps = _claps(n, 112, 120, amp)
    mix = chorus * amp[:, None] + claps * np.sqrt(np.mean(chorus**2)) * 0.8
    return dsp.fade(_hall(mix, 0.5, 113), 0.01, 0.3)


def crowd_roar() -> np.ndarray:
    """The arena on its feet: shouting, claps and whistles, about 4 s with a long fall."""
    n = dsp.n_samples(4.2)
    t = dsp.time_s(n)
    amp = np.clip(t / 0.25, 0, 1) * np.exp(-np.maximum(t - 1.2, 0) * 1.1)
    pitch = 1.0 + 0.08 * np.sin(2 * np.pi * 0.7 * t)
    shouts = _chorus(
        n, 24, 121, [("ah", 0.0), ("ae", 0.6), ("eh", 1.4), ("ah", 2.2)], pitch, 1.5, 1.4
    )
    level = np.sqrt(np.mean(shouts**2))
    claps = _claps(n, 122, 260, np.clip(amp * 1.3, 0, 1)) * level * 1.2
    whistles = (_whistle(n, 123, 0.3, 1.1) + _whistle(n, 124, 1.0, 0.9)) * level * 0.5
    rumble = dsp.pan(dsp.lowpass(dsp.pink(n, 125), 300, 2), 0.0)
    rumble *= level * 0.6 / max(np.sqrt(np.mean(rumble**2)), 1e-9)
    mix = (shouts + rumble) * amp[:, None] + claps + whistles * amp[:, None]
    return dsp.fade(_hall(mix, 0.5, 126), 0.005, 0.4)
