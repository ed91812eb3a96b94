"""Punches, bell, footwork and menu sounds, each layered from a few synthesized parts.

A punch is a transient (leather crack), a body (pitched thump) and air/room; the four punch
sounds differ in where their energy sits: jab high and short, power low and long, body
muffled and meaty, block a padded mid-range slap with little low end.
Every builder returns stereo float64 (n, 2), unnormalised; the bank sets the levels.
"""

from __future__ import annotations

import numpy as np

from game.audio import dsp
from game.audio.voice import voice

SR = dsp.SAMPLE_RATE_HZ


def _burst(noise: np.ndarray, env: np.ndarray) -> np.ndarray:
    """A noise layer at a known level: the filtered noise is set to RMS 1/3 (peaks near 1)
    before the envelope, so neither the filter's gain nor the seed moves the layer's
    weight in the mix."""
    return noise / (3.0 * max(float(np.sqrt(np.mean(noise**2))), 1e-12)) * env


def _crack(n: int, seed: int, center_hz: float, q: float, decay_s: float) -> np.ndarray:
    """Leather-on-skin crack: band-limited noise with a very fast decay (peak 1)."""
    band = dsp.bandpass(dsp.noise(n, seed), center_hz, q)
    return _burst(band, dsp.env_decay(n, decay_s, attack_s=0.0004))


def _thump(
    n: int, start_hz: float, end_hz: float, glide_s: float, decay_s: float, attack_s: float = 0.001
) -> np.ndarray:
    """Pitched body of a hit: a falling sine, like a struck drum skin (peak 1)."""
    return dsp.sine(dsp.glide(n, start_hz, end_hz, glide_s), n) * dsp.env_decay(
        n, decay_s, attack_s
    )


def _room(
    mono: np.ndarray, wet: float, decay_s: float, damping_hz: float = 4000.0, seed: int = 7
) -> np.ndarray:
    """Centre a dry sound in a small room; the dry end is faded first, since a buffer cut
    off mid-sound clicks."""
    dry = dsp.fade(mono, in_s=0.0, out_s=min(0.03, len(mono) / dsp.SAMPLE_RATE_HZ / 3))
    return dsp.reverb(dsp.pan(dry, 0.0), wet=wet, decay_s=decay_s, damping_hz=damping_hz, seed=seed)


def _vary(v: int) -> tuple[int, float]:
    """Seed offset and pitch factor of variant v: repeated hits must not sound machine-made."""
    return 1000 * v, _PITCH_VARIANTS[v % len(_PITCH_VARIANTS)]


_PITCH_VARIANTS = (1.0, 0.93, 1.07, 0.97)


def jab(v: int = 0) -> np.ndarray:
    """Snappy, light: bright crack and leather slap, a short high pop, tiny room."""
    sd, k = _vary(v)
    n = dsp.n_samples(0.22)
    crack = _crack(n, 11 + sd, 3000 * k, 0.9, 0.04) * 1.4
    slap = _crack(n, 12 + sd, 1400 * k, 1.2, 0.07) * 0.9
    pop = _thump(n, 380 * k, 180 * k, 0.012, 0.08) * 0.45
    click = _burst(dsp.highpass(dsp.noise(n, 13 + sd), 5000), dsp.env_decay(n, 0.006, 0.0001)) * 0.4
    mono = dsp.soft_clip(crack + slap + pop + click, 1.5)
    return _room(mono, wet=0.12, decay_s=0.35, damping_hz=5000, seed=14)


def power(v: int = 0) -> np.ndarray:
    """Deep thud with body: a saturated falling thump, a heavy mid-range thwack and crack on
    top (what carries it on laptop speakers, which play nothing under ~200 Hz), sub weight
    and a longer room tail."""
    sd, k = _vary(v)
    n = dsp.n_samples(0.7)
    body_ = _thump(n, 190 * k, 85 * k, 0.04, 0.3)
    sub = _thump(n, 90, 50, 0.05, 0.35, attack_s=0.004) * 0.5
    weight = _burst(dsp.lowpass(dsp.noise(n, 21 + sd), 500, 3), dsp.env_decay(n, 0.15, 0.002)) * 0.5
    thwack = _burst(
        dsp.bandpass(dsp.noise(n, 26 + sd), 550 * k, 0.9), dsp.env_decay(n, 0.12, 0.001)
    )
    smack = _crack(n, 25 + sd, 1000 * k, 1.0, 0.08)
    crack = _crack(n, 22 + sd, 2500 * k, 0.8, 0.045) * 0.8
    low = dsp.soft_clip((body_ + sub + weight) * 1.5, 2.0)
    mono = low * 0.8 + dsp.soft_clip((thwack * 2.0 + smack * 1.5 + crack) * 1.2, 1.5) * 1.3
    return _room(mono, wet=0.25, decay_s=0.9, damping_hz=3000, seed=24)


def body(v: int = 0) -> np.ndarray:
    """Muffled meaty thump: soft attack, low-mid energy (muffled means no highs, not no
    mids: the mids carry it on small speakers), a wet smack, no sparkle."""
    sd, k = _vary(v)
    k = 1.0 + (k - 1.0) * 0.5  # half the pitch spread: its low-mid balance is touchy
    n = dsp.n_samples(0.45)
    meat = _burst(dsp.bandpass(dsp.noise(n, 31 + sd), 380 * k, 0.8), dsp.env_decay(n, 0.15, 0.003))
    slap = _burst(dsp.bandpass(dsp.noise(n, 34 + sd), 650 * k, 1.2), dsp.env_decay(n, 0.09, 0.002))
    thump = _thump(n, 130 * k, 70 * k, 0.04, 0.2, attack_s=0.003) * 0.7
    smack = _crack(n, 32 + sd, 850 * k, 2.0, 0.06) * 0.6
    mono = dsp.lowpass(dsp.soft_clip(meat * 1.4 + slap * 1.3 + thump + smack, 1.8), 1600, 2)
    return _room(mono, wet=0.12, decay_s=0.4, damping_hz=2000, seed=33)


def block(v: int = 0) -> np.ndarray:
    """Glove on glove: two padded slaps a few ms apart, a hollow mid knock, little bass."""
    sd, k = _vary(v)
    n = dsp.n_samples(0.2)
    slap = _crack(n, 41 + sd, 1000 * k, 1.4, 0.05)
    second = np.roll(
        _crack(n, 42 + sd, 1500 * k, 2.0, 0.035) * 0.6, dsp.n_samples(0.005 + 0.002 * v)
    )
    knock = _thump(n, 320 * k, 240 * k, 0.02, 0.08) * 0.5
    pad = (
        _burst(dsp.bandpass(dsp.noise(n, 43 + sd), 550 * k, 1.2), dsp.env_decay(n, 0.06, 0.002))
        * 0.6
    )
    mono = dsp.highpass(dsp.soft_clip(slap + second + knock + pad, 1.3), 180, 2)
    return _room(mono, wet=0.12, decay_s=0.3, damping_hz=4500, seed=44)


def whiff(v: int = 0) -> np.ndarray:
    """Air swish: noise through a band that sweeps up and back, moving across the stereo field."""
    sd, k = _vary(v)
    dur_s = 0.32 / k
    n = dsp.n_samples(dur_s)

    def mag(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        u = np.clip(t / dur_s, 0, 1)
        center = (600 + 2600 * np.sin(np.pi * u) ** 2) * k
        band = 1.0 / np.sqrt(1 + 4.0 * (f / center - center / np.maximum(f, 1)) ** 2)
        amp = np.sin(np.pi * np.clip(u, 0, 1)) ** 1.5
        return band * amp

    mono = dsp.shaped_noise(n, mag, 51 + sd)
    t = dsp.time_s(n)
    position = np.clip(-0.4 + 0.8 * t / dur_s, -1, 1)
    theta = (position + 1) * np.pi / 4
    st = np.stack([mono * np.cos(theta), mono * np.sin(theta)], axis=1)
    return dsp.fade(st, 0.002, 0.02)


def _bell_strike(n: int, fundamental_hz: float, seed: int) -> np.ndarray:
    """One strike of a ring bell: inharmonic partials, each with its own decay and beating."""
    # Partial ratios of a small struck bell (hum, prime, tierce, quint, nominal, upper partials).
    ratios = [0.5, 1.0, 1.19, 1.5, 2.0, 2.51, 2.68, 3.01, 4.07, 5.2]
    amps = [0.35, 1.0, 0.55, 0.3, 0.75, 0.35, 0.3, 0.22, 0.15, 0.1]
    decays = [6.0, 4.5, 3.8, 3.0, 2.6, 1.8, 1.6, 1.2, 0.8, 0.5]  # s to -60 dB
    g = dsp.rng(seed)
    out = np.zeros(n)
    for r, a, d in zip(ratios, amps, decays):
        f = fundamental_hz * r
        detune = 1.0 + g.uniform(0.0005, 0.002)  # doublet partials beat slowly, like real bells
        ph = g.uniform(0, 1)
        out += (
            a
            * (dsp.sine(f, n, ph) + 0.6 * dsp.sine(f * detune, n, ph))
            * dsp.env_decay(n, d, 0.0005)
        )
    clang = dsp.highpass(dsp.noise(n, seed + 5), 3000) * dsp.env_decay(n, 0.02, 0.0002) * 0.8
    return out + clang


def bell_single() -> np.ndarray:
    n = dsp.n_samples(4.5)
    mono = _bell_strike(n, 880.0, 61)
    return _room(mono, wet=0.3, decay_s=1.6, damping_hz=6000, seed=62)


def bell() -> np.ndarray:
    """The ring bell rung three times in quick succession, as at the start and end of a round."""
    strike_n = dsp.n_samples(4.5)
    gap_n = dsp.n_samples(0.26)
    n = strike_n + 2 * gap_n
    mono = np.zeros(n)
    for i, gain in enumerate((1.0, 0.9, 0.95)):
        s = _bell_strike(strike_n, 880.0 * (1 + 0.002 * i), 63 + i) * gain
        mono[i * gap_n : i * gap_n + strike_n] += s
    return _room(mono, wet=0.3, decay_s=1.6, damping_hz=6000, seed=75)


# Vowel paths of the referee's calls: no words, but each beat sounds like a different one.
_COUNT_VOWELS = (
    (("oo", 0.0), ("uh", 0.1), ("uh", 0.3)),
    (("ee", 0.0), ("ee", 0.15), ("eh", 0.3)),
    (("oh", 0.0), ("oh", 0.12), ("uh", 0.3)),
    (("ah", 0.0), ("ah", 0.1), ("ee", 0.3)),
)


def count(v: int = 0) -> np.ndarray:
    """Referee's count beat: a palm slapping the canvas, then a short barked vowel."""
    sd, k = _vary(v)
    n = dsp.n_samples(0.6)
    slap = _crack(n, 71 + sd, 1500, 1.2, 0.05) + _thump(n, 120, 75, 0.02, 0.12) * 0.5
    call_n = dsp.n_samples(0.32)
    f0 = 150 * k * np.exp(-dsp.time_s(call_n) * 1.2)  # a falling shout
    vowels = _COUNT_VOWELS[v % len(_COUNT_VOWELS)]
    bark = voice(call_n, f0, vowels=vowels, seed=72 + sd, breath=0.15)
    bark *= dsp.env_adsr(call_n, 0.02, 0.1, 0.7, 0.06, 0.24)
    mono = slap
    start = dsp.n_samples(0.07)
    mono[start : start + call_n] += (
        bark * 5.0 * np.max(np.abs(slap)) / max(np.max(np.abs(bark)), 1e-9)
    )
    return _room(mono, wet=0.25, decay_s=1.2, damping_hz=3500, seed=73)


def step(v: int = 0) -> np.ndarray:
    """Canvas shoe scuff: a brushed high band with a soft heel thud."""
    sd, k = _vary(v)
    n = dsp.n_samples(0.14)

    def mag(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        u = np.clip(t / 0.09, 0, 1)
        band = 1.0 / np.sqrt(1 + 1.5 * (f / (2600 * k) - 2600 * k / np.maximum(f, 1)) ** 2)
        return band * np.sin(np.pi * u) ** 0.7

    scuff = dsp.shaped_noise(n, mag, 81 + sd)
    thud = _thump(n, 90 * k, 60 * k, 0.02, 0.06, attack_s=0.002) * np.max(np.abs(scuff)) * 0.8
    return _room(scuff + thud, wet=0.1, decay_s=0.25, damping_hz=4000, seed=82)


def _chime(n: int, freq_hz: float, decay_s: float) -> np.ndarray:
    """A soft FM chime for menus: bell-like but pitched, so it sits apart from the fight."""
    t = dsp.time_s(n)
    mod = np.sin(2 * np.pi * freq_hz * 2.0 * t) * 1.2 * np.exp(-t * 18)
    return np.sin(2 * np.pi * freq_hz * t + mod) * dsp.env_decay(n, decay_s, 0.002)


def ui_move() -> np.ndarray:
    n = dsp.n_samples(0.12)
    tone = _chime(n, 1318.5, 0.08) + 0.3 * _chime(n, 2637.0, 0.04)
    tick = dsp.highpass(dsp.noise(n, 91), 3000) * dsp.env_decay(n, 0.004, 0.0002) * 0.3
    return _room(tone + tick, wet=0.15, decay_s=0.3, seed=92)


def ui_confirm() -> np.ndarray:
    n = dsp.n_samples(0.5)
    mono = _chime(n, 987.8, 0.3)
    off = dsp.n_samples(0.07)
    mono[off:] += _chime(n - off, 1479.98, 0.4) * 0.9
    mono[off * 2 :] += _chime(n - off * 2, 1975.5, 0.3) * 0.5
    return _room(mono, wet=0.2, decay_s=0.5, seed=93)


def ui_back() -> np.ndarray:
    n = dsp.n_samples(0.35)
    mono = _chime(n, 1174.7, 0.12) * 0.8
    off = dsp.n_samples(0.06)
    mono[off:] += _chime(n - off, 880.0, 0.2)
    mono = dsp.lowpass(mono, 3500, 2)
    return _room(mono, wet=0.15, decay_s=0.35, seed=94)
