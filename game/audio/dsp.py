"""Signal primitives for the synthesized sounds: numpy only, float32/float64 arrays.

Mono signals are 1-D arrays; stereo signals are (n, 2). Everything is built at
SAMPLE_RATE_HZ and every random source takes an explicit seed, so a sound builds
to the same samples every time (the cache and the tests rely on that).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

SAMPLE_RATE_HZ = 44100
NYQUIST_HZ = SAMPLE_RATE_HZ / 2

# STFT frame used by the time-varying filters: 1024 samples (23 ms), hop of a quarter.
_FFT_N = 1024
_HOP_N = _FFT_N // 4


def rng(seed: int) -> np.random.Generator:
    """A seeded generator: sounds must build identically run after run."""
    return np.random.default_rng(seed)


def n_samples(duration_s: float) -> int:
    return max(1, round(duration_s * SAMPLE_RATE_HZ))


def time_s(n: int) -> np.ndarray:
    return np.arange(n, dtype=np.float64) / SAMPLE_RATE_HZ


# --- envelopes -------------------------------------------------------------------------------


def env_decay(n: int, decay_s: float, attack_s: float = 0.001, hold_s: float = 0.0) -> np.ndarray:
    """Linear attack, optional hold, then exponential decay (decay_s = time to -60 dB)."""
    t = time_s(n)
    env = np.exp(-6.91 * np.maximum(t - attack_s - hold_s, 0.0) / max(decay_s, 1e-4))
    if attack_s > 0:
        env *= np.clip(t / attack_s, 0.0, 1.0)
    return env


def env_adsr(
    n: int, attack_s: float, decay_s: float, sustain: float, release_s: float, gate_s: float
) -> np.ndarray:
    """Classic ADSR: the note is held for gate_s, then released over release_s."""
    t = time_s(n)
    a = np.clip(t / max(attack_s, 1e-4), 0.0, 1.0)
    d = sustain + (1.0 - sustain) * np.exp(
        -5.0 * np.maximum(t - attack_s, 0.0) / max(decay_s, 1e-4)
    )
    env = np.where(t < attack_s, a, d)
    rel = np.exp(-6.91 * np.maximum(t - gate_s, 0.0) / max(release_s, 1e-4))
    return env * rel


def fade(x: np.ndarray, in_s: float = 0.0, out_s: float = 0.0) -> np.ndarray:
    """Short linear fades at the ends so a sound never starts or stops with a click."""
    y = x.copy()
    n = len(y)
    if in_s > 0:
        k = min(n, n_samples(in_s))
        ramp = np.linspace(0.0, 1.0, k)
        y[:k] = (y[:k].T * ramp).T
    if out_s > 0:
        k = min(n, n_samples(out_s))
        ramp = np.linspace(1.0, 0.0, k)
        y[n - k :] = (y[n - k :].T * ramp).T
    return y


# --- sources ---------------------------------------------------------------------------------


def noise(n: int, seed: int) -> np.ndarray:
    return rng(seed).standard_normal(n)


def phase_cycles(freq_hz: np.ndarray | float, n: int) -> np.ndarray:
    """Running phase in cycles for a (possibly gliding) frequency."""
    f = np.broadcast_to(np.asarray(freq_hz, dtype=np.float64), (n,))
    return np.cumsum(f) / SAMPLE_RATE_HZ


def sine(freq_hz: np.ndarray | float, n: int, phase0: float = 0.0) -> np.ndarray:
    return np.sin(2 * np.pi * (phase_cycles(freq_hz, n) + phase0))


def glide(n: int, start_hz: float, end_hz: float, time_const_s: float) -> np.ndarray:
    """Exponential pitch drop/rise: the body of every thump and tom."""
    t = time_s(n)
    return end_hz + (start_hz - end_hz) * np.exp(-t / max(time_const_s, 1e-4))


def wavetable(harmonic_amps: np.ndarray, size: int = 4096) -> np.ndarray:
    """One cycle of a waveform from its harmonic amplitudes (sine phases), via one irfft."""
    amps = np.asarray(harmonic_amps, dtype=np.float64)[: size // 2 - 1]
    spec = np.zeros(size // 2 + 1, dtype=np.complex128)
    spec[1 : len(amps) + 1] = -1j * amps * (size / 2)
    return np.fft.irfft(spec, n=size)


def _table_pos(
    size: int, freq_hz: np.ndarray | float, n: int, phase0: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    pos = ((phase_cycles(freq_hz, n) + phase0) % 1.0) * size
    i0 = pos.astype(np.int64)
    return i0, (i0 + 1) % size, pos - i0


def table_osc(
    table: np.ndarray, freq_hz: np.ndarray | float, n: int, phase0: float = 0.0
) -> np.ndarray:
    """Read a wavetable at a (possibly varying) frequency with linear interpolation."""
    i0, i1, frac = _table_pos(len(table), freq_hz, n, phase0)
    return table[i0] + (table[i1] - table[i0]) * frac


def table_osc_pair(
    table_a: np.ndarray,
    table_b: np.ndarray,
    freq_hz: np.ndarray | float,
    n: int,
    phase0: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Two same-size wavetables read in step (a dark and a bright one, for cross-fades)."""
    i0, i1, frac = _table_pos(len(table_a), freq_hz, n, phase0)
    return (
        table_a[i0] + (table_a[i1] - table_a[i0]) * frac,
        table_b[i0] + (table_b[i1] - table_b[i0]) * frac,
    )


def saw_table(max_freq_hz: float, brightness: float = 1.0) -> np.ndarray:
    """Band-limited sawtooth for notes up to max_freq_hz; brightness < 1 rolls off the top."""
    k_max = max(1, min(80, int(NYQUIST_HZ * 0.9 / max(max_freq_hz, 20.0))))
    k = np.arange(1, k_max + 1)
    amps = (1.0 / k) * np.exp(-(k - 1) / max(brightness * 12.0, 0.3))
    return wavetable(amps)


# --- filters ---------------------------------------------------------------------------------


def _freqs(n: int) -> np.ndarray:
    return np.fft.rfftfreq(n, 1.0 / SAMPLE_RATE_HZ)


def fft_filter(x: np.ndarray, gain_fn: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """Zero-phase filter by a magnitude response; filter sources before enveloping them."""
    n = len(x)
    spec = np.fft.rfft(x, axis=0)
    g = gain_fn(_freqs(n))
    if x.ndim == 2:
        g = g[:, None]
    return np.fft.irfft(spec * g, n=n, axis=0)


def lp_gain(cutoff_hz: float, order: int = 2) -> Callable[[np.ndarray], np.ndarray]:
    return lambda f: 1.0 / np.sqrt(1.0 + (f / cutoff_hz) ** (2 * order))


def hp_gain(cutoff_hz: float, order: int = 2) -> Callable[[np.ndarray], np.ndarray]:
    return lambda f: 1.0 / np.sqrt(1.0 + (cutoff_hz / np.maximum(f, 1e-3)) ** (2 * order))


def bp_gain(center_hz: float, q: float) -> Callable[[np.ndarray], np.ndarray]:
    """A resonant band: q is centre / bandwidth."""

    def g(f: np.ndarray) -> np.ndarray:
        ff = np.maximum(f, 1e-3)
        return 1.0 / np.sqrt(1.0 + q * q * (ff / center_hz - center_hz / ff) ** 2)

    return g


def lowpass(x: np.ndarray, cutoff_hz: float, order: int = 2) -> np.ndarray:
    return fft_filter(x, lp_gain(cutoff_hz, order))


def highpass(x: np.ndarray, cutoff_hz: float, order: int = 2) -> np.ndarray:
    return fft_filter(x, hp_gain(cutoff_hz, order))


def bandpass(x: np.ndarray, center_hz: float, q: float) -> np.ndarray:
    return fft_filter(x, bp_gain(center_hz, q))


def pink(n: int, seed: int) -> np.ndarray:
    """Pink-ish noise (-3 dB/octave): the base of rumble and air."""
    return fft_filter(noise(n, seed), lambda f: 1.0 / np.sqrt(np.maximum(f, 20.0) / 20.0))


# --- time-varying spectra (STFT) ------------------------------------------------------------


def _frame_times_s(n_frames: int) -> np.ndarray:
    return (np.arange(n_frames) * _HOP_N + _FFT_N / 2) / SAMPLE_RATE_HZ


def _overlap_add(frames: np.ndarray, n: int) -> np.ndarray:
    """Overlap-add windowed frames at a quarter-frame hop, normalised for the Hann window."""
    n_frames = frames.shape[0]
    out = np.zeros((n_frames + 3) * _HOP_N)
    blocks = frames.reshape(n_frames, 4, _HOP_N)
    for j in range(4):
        out[j * _HOP_N : (j * _HOP_N + n_frames * _HOP_N)] += blocks[:, j, :].reshape(-1)
    return out[_FFT_N // 2 : _FFT_N // 2 + n] / 1.5  # Hann^2 at 75 % overlap sums to 1.5


def shaped_noise(
    n: int, mag_fn: Callable[[np.ndarray, np.ndarray], np.ndarray], seed: int
) -> np.ndarray:
    """Noise whose spectrum follows mag_fn(t_s[frames, 1], f_hz[1, bins]) over time."""
    n_frames = (n + _FFT_N) // _HOP_N + 1
    t = _frame_times_s(n_frames)[:, None] - (_FFT_N / 2) / SAMPLE_RATE_HZ
    f = _freqs(_FFT_N)[None, :]
    g = rng(seed)
    spec = g.standard_normal((n_frames, len(f[0]))) + 1j * g.standard_normal((n_frames, len(f[0])))
    frames = np.fft.irfft(spec * mag_fn(t, f), n=_FFT_N, axis=1) * np.hanning(_FFT_N)
    return _overlap_add(frames, n) * 27.7  # a flat mag of 1 gives unit-variance noise


def stft_filter(
    x: np.ndarray, gain_fn: Callable[[np.ndarray, np.ndarray], np.ndarray]
) -> np.ndarray:
    """Filter a mono signal by a response that changes over time: gain_fn(t_s, f_hz)."""
    n = len(x)
    win = np.hanning(_FFT_N)
    padded = np.concatenate([np.zeros(_FFT_N // 2), x, np.zeros(_FFT_N * 2)])
    n_frames = (n + _FFT_N) // _HOP_N + 1
    idx = np.arange(n_frames)[:, None] * _HOP_N + np.arange(_FFT_N)[None, :]
    frames = padded[idx] * win
    spec = np.fft.rfft(frames, axis=1)
    t = (np.arange(n_frames) * _HOP_N / SAMPLE_RATE_HZ)[:, None]
    f = _freqs(_FFT_N)[None, :]
    out = np.fft.irfft(spec * gain_fn(t, f), n=_FFT_N, axis=1) * win
    return _overlap_add(out, n)


# --- space -----------------------------------------------------------------------------------


def pan_gains(position: float) -> tuple[float, float]:
    """Equal-power pan law scaled so the centre is unity on both sides: -1 left .. +1 right."""
    theta = (min(1.0, max(-1.0, float(position))) + 1.0) * np.pi / 4
    return float(np.cos(theta) * np.sqrt(2.0)), float(np.sin(theta) * np.sqrt(2.0))


def pan(mono: np.ndarray, position: float) -> np.ndarray:
    """Equal-power pan of a mono signal into stereo (n, 2)."""
    left, right = pan_gains(position)
    out = np.empty((len(mono), 2))
    out[:, 0] = mono * left
    out[:, 1] = mono * right
    return out


def impulse_response(
    decay_s: float, damping_hz: float, seed: int, predelay_s: float = 0.01
) -> np.ndarray:
    """A synthetic room: decorrelated stereo noise tails whose highs die faster (stereo IR)."""
    n = n_samples(decay_s * 1.1 + predelay_s)

    def mag(t: np.ndarray, f: np.ndarray) -> np.ndarray:
        t60 = decay_s / (1.0 + (f / damping_hz) ** 1.5)  # high frequencies decay sooner
        return np.exp(-6.91 * np.maximum(t, 0.0) / t60)

    left = shaped_noise(n, mag, seed)
    right = shaped_noise(n, mag, seed + 1)
    ir = np.stack([left, right], axis=1)
    ir = fade(ir, in_s=0.004)
    pre = np.zeros((n_samples(predelay_s), 2))
    ir = np.concatenate([pre, ir])
    return ir / np.sqrt((ir**2).sum(0))  # each side at unit energy: no lean to one side


def convolve(x: np.ndarray, ir: np.ndarray) -> np.ndarray:
    """FFT convolution of a stereo signal with a stereo IR, output as long as both."""
    n = len(x) + len(ir) - 1
    size = 1 << (n - 1).bit_length()
    y = np.fft.irfft(np.fft.rfft(x, size, axis=0) * np.fft.rfft(ir, size, axis=0), size, axis=0)
    return y[:n]


def reverb(
    x: np.ndarray,
    wet: float,
    decay_s: float = 0.8,
    damping_hz: float = 4000.0,
    seed: int = 7,
    predelay_s: float = 0.012,
) -> np.ndarray:
    """Dry signal plus a synthetic room; the output is longer by the tail."""
    if x.ndim == 1:
        x = pan(x, 0.0)
    ir = impulse_response(decay_s, damping_hz, seed, predelay_s)
    wet_sig = convolve(x, ir)
    out = wet_sig * wet
    out[: len(x)] += x * (1.0 - 0.5 * wet)
    return out


# --- levels ----------------------------------------------------------------------------------


def soft_clip(x: np.ndarray, drive: float = 1.0) -> np.ndarray:
    """tanh saturation: thickens thumps and keeps peaks rounded."""
    return np.tanh(x * drive) / np.tanh(drive)


def soft_limit(x: np.ndarray, knee: float = 0.7) -> np.ndarray:
    """Linear below the knee, then a tanh shoulder that never passes 1: rounds off the odd
    drum transient so the mix can sit louder (a crude bus limiter)."""
    a = np.abs(x)
    over = a > knee
    y = x.copy()
    y[over] = np.sign(x[over]) * (knee + (1 - knee) * np.tanh((a[over] - knee) / (1 - knee)))
    return y


def normalize(x: np.ndarray, peak: float) -> np.ndarray:
    m = float(np.max(np.abs(x)))
    return x * (peak / m) if m > 0 else x


def trim_tail(x: np.ndarray, floor_db: float = -70.0) -> np.ndarray:
    """Cut the inaudible end of a sound (after normalising) and fade the cut."""
    level = np.max(np.abs(x), axis=1) if x.ndim == 2 else np.abs(x)
    loud = np.nonzero(level > 10 ** (floor_db / 20))[0]
    end = int(loud[-1]) + 1 if len(loud) else 1
    return fade(x[:end], out_s=min(0.02, end / SAMPLE_RATE_HZ / 4))


def wrap_loop(x: np.ndarray, loop_n: int) -> np.ndarray:
    """Fold everything past loop_n back onto the start so a loop plays seamlessly."""
    out = x[:loop_n].copy()
    rest = x[loop_n:]
    while len(rest):
        k = min(len(rest), loop_n)
        out[:k] += rest[:k]
        rest = rest[k:]
    return out


def crossfade_loop(x: np.ndarray, loop_n: int) -> np.ndarray:
    """Loop a non-periodic texture: the material past loop_n fades in over the start."""
    xf = len(x) - loop_n
    out = x[:loop_n].copy()
    if xf > 0:
        ramp = np.sin(np.linspace(0, np.pi / 2, xf)) ** 2
        shape = (slice(None), None) if x.ndim == 2 else (slice(None),)
        out[:xf] = x[:xf] * ramp[shape] + x[loop_n:] * (1 - ramp)[shape]
    return out


def _k_weight(f: np.ndarray) -> np.ndarray:
    """ITU-R BS.1770 K-weighting (magnitude): a high-pass near 40 Hz and a +4 dB shelf
    above ~1.5 kHz, the weighting behind LUFS loudness."""
    ff = np.maximum(f, 1e-3)
    hp = 1.0 / np.sqrt(1.0 + (38.0 / ff) ** 4)
    r = (ff / 1500.0) ** 2
    shelf = np.sqrt((1.0 + r * 10**0.4) / (1.0 + r))
    return hp * shelf


def loudness_db(x: np.ndarray, window_s: float = 0.4) -> float:
    """Perceived level: K-weighted RMS of the loudest 0.4 s (like momentary LUFS, in dB FS).
    Peak level says little about a punch (a 1 ms click can own the peak), so sounds are
    balanced by this instead."""
    mono = x.mean(axis=1) if x.ndim == 2 else x
    mono = np.asarray(mono, dtype=np.float64)
    weighted = fft_filter(mono, _k_weight)
    n = min(len(weighted), n_samples(window_s))
    power = np.cumsum(np.concatenate([[0.0], weighted**2]))
    hop = max(1, n // 4)
    starts = np.arange(0, len(weighted) - n + 1, hop)
    best = float(np.max((power[starts + n] - power[starts]) / n))
    return 10 * np.log10(max(best, 1e-20))


def to_int16(x: np.ndarray) -> np.ndarray:
    return (np.clip(x, -1.0, 1.0) * 32767).astype(np.int16)


def peak_rms_db(x: np.ndarray) -> tuple[float, float]:
    """Peak and RMS in dB full scale (for reports and tests)."""
    p = float(np.max(np.abs(x)))
    r = float(np.sqrt(np.mean(np.asarray(x, dtype=np.float64) ** 2)))
    return (20 * np.log10(max(p, 1e-12)), 20 * np.log10(max(r, 1e-12)))
