"""Measure the synthesized sounds without ears: level, peak, clipping, DC, the first and last
samples (clicks), length and where the energy sits in the spectrum. Optionally writes WAVs.

    python bench/sounds.py [NAME ...] [--wav FOLDER]

Figures per sound: length s, peak dBFS, RMS dBFS, loudness (the bank's K-weighted loudest
0.4 s), clipped samples (|x| >= 0.999), DC offset (mean, % of full scale), the first and last
sample (% of full scale: a jump from silence is a click), the largest sample-to-sample jump in
the first and last 5 ms, spectral centroid and the share of energy under 200 Hz / over 6 kHz.
"""
from __future__ import annotations

import argparse
import sys
import wave
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.audio import bank, dsp


def measure(x16: np.ndarray) -> dict[str, float]:
    x = x16.astype(np.float64) / 32767.0
    mono = x.mean(axis=1)
    n = len(mono)
    peak_db, rms_db = dsp.peak_rms_db(x)
    edge = dsp.n_samples(0.005)
    spec = np.abs(np.fft.rfft(mono * np.hanning(n))) ** 2
    f = np.fft.rfftfreq(n, 1 / dsp.SAMPLE_RATE_HZ)
    total = float(spec.sum()) or 1e-20
    return {
        "len_s": n / dsp.SAMPLE_RATE_HZ,
        "peak_db": peak_db,
        "rms_db": rms_db,
        "loud_db": dsp.loudness_db(x),
        "clipped": int((np.abs(x) >= 0.999).sum()),
        "dc_pct": 100 * float(np.abs(x.mean(axis=0)).max()),
        "first_pct": 100 * float(np.abs(x[0]).max()),
        "last_pct": 100 * float(np.abs(x[-1]).max()),
        "jump_in_pct": 100 * float(np.abs(np.diff(x[:edge], axis=0)).max()),
        "jump_out_pct": 100 * float(np.abs(np.diff(x[-edge:], axis=0)).max()),
        "centroid_hz": float((f * spec).sum() / total),
        "low_pct": 100 * float(spec[f < 200].sum() / total),
        "high_pct": 100 * float(spec[f > 6000].sum() / total),
    }


def write_wav(path: Path, x16: np.ndarray) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(dsp.SAMPLE_RATE_HZ)
        w.writeframes(np.ascontiguousarray(x16).tobytes())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("names", nargs="*", help="sounds to measure (default: every sound effect)")
    p.add_argument("--wav", type=Path, help="also write each sound as <folder>/<name>.wav")
    args = p.parse_args(argv)
    names = args.names or list(bank.SFX_NAMES)
    cols = ("len_s", "peak_db", "rms_db", "loud_db", "clipped", "dc_pct", "first_pct",
            "last_pct", "jump_in_pct", "jump_out_pct", "centroid_hz", "low_pct", "high_pct")
    print(f"{'sound':<12}" + "".join(f"{c:>13}" for c in cols))
    for name in names:
        x16 = bank.build(name)
        m = measure(x16)
        print(f"{name:<12}" + "".join(f"{m[c]:>13.2f}" for c in cols))
        if args.wav:
            args.wav.mkdir(parents=True, exist_ok=True)
            write_wav(args.wav / f"{name}.wav", x16)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
