"""Build every game sound, write them as WAV files and print their levels.

The game does not need this script (it synthesizes and caches sounds itself); it is for
listening, for checking levels, and for an artist who wants the files to start from.
A file dropped in as assets/sounds/<name>.wav (or .ogg) replaces that sound in the game.

    python tools/make_sounds.py [--out build/sounds] [--png] [names...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.audio import bank, dsp


def describe(samples: np.ndarray) -> dict[str, float]:
    """Levels and shape of an int16 stereo sound: what the report and the tests look at."""
    x = samples.astype(np.float64) / 32768.0
    peak_db, rms_db = dsp.peak_rms_db(x)
    mono = x.mean(axis=1)
    spec = np.abs(np.fft.rfft(mono)) ** 2
    f = np.fft.rfftfreq(len(mono), 1 / dsp.SAMPLE_RATE_HZ)
    total = max(spec.sum(), 1e-20)
    left, right = np.sqrt(np.mean(x[:, 0] ** 2)), np.sqrt(np.mean(x[:, 1] ** 2))
    return {
        "dur_s": len(x) / dsp.SAMPLE_RATE_HZ,
        "peak_db": peak_db,
        "loud_db": dsp.loudness_db(x),
        "rms_db": rms_db,
        "crest_db": peak_db - rms_db,
        "centroid_hz": float((spec * f).sum() / total),
        "low_pct": float(100 * spec[f < 250].sum() / total),
        "high_pct": float(100 * spec[f > 4000].sum() / total),
        "lr_db": float(20 * np.log10(max(left, 1e-12) / max(right, 1e-12))),
        "seam": float(np.max(np.abs(x[0] - x[-1]))),
    }


def spectrogram_png(samples: np.ndarray, path: Path) -> None:
    """A log-frequency spectrogram with the waveform under it, for looking at a sound."""
    import pygame

    mono = samples.astype(np.float64).mean(axis=1) / 32768.0
    n_fft, hop = 2048, max(64, len(mono) // 900)
    frames = max(1, (len(mono) - n_fft) // hop)
    idx = np.arange(frames)[:, None] * hop + np.arange(n_fft)[None, :]
    padded = np.concatenate([mono, np.zeros(n_fft)])
    mag = np.abs(np.fft.rfft(padded[idx] * np.hanning(n_fft), axis=1))
    f = np.fft.rfftfreq(n_fft, 1 / dsp.SAMPLE_RATE_HZ)
    rows = np.geomspace(30, 20000, 256)
    img = np.stack([np.interp(rows, f, m) for m in mag], axis=0)
    db = 20 * np.log10(img + 1e-9)
    level = np.clip((db - db.max() + 80) / 80, 0, 1)
    h_spec, h_wave = 256, 100
    rgb = np.zeros((frames, h_spec + h_wave, 3), np.uint8)
    rgb[:, :h_spec, 0] = (255 * np.clip(level * 1.6 - 0.3, 0, 1))[:, ::-1]
    rgb[:, :h_spec, 1] = (255 * np.clip(level * 2.0 - 1.0, 0, 1))[:, ::-1]
    rgb[:, :h_spec, 2] = (255 * np.clip(level * 1.5, 0, 1) * (1 - level))[:, ::-1]
    env = np.array(
        [np.max(np.abs(mono[i * hop : i * hop + hop]), initial=0) for i in range(frames)]
    )
    for i, e in enumerate(env):
        k = int(e * h_wave / 2)
        rgb[i, h_spec + h_wave // 2 - k : h_spec + h_wave // 2 + k + 1] = (120, 200, 255)
    pygame.image.save(pygame.surfarray.make_surface(rgb), str(path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="sounds to build (default: all)")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "sounds")
    ap.add_argument("--png", action="store_true", help="also write spectrogram PNGs")
    args = ap.parse_args(argv)
    names = args.names or list(bank.BUILD_ORDER)
    unknown = [n for n in names if n not in bank.SOUND_DEFS]
    if unknown:
        ap.error(f"unknown sounds: {unknown}; known: {list(bank.BUILD_ORDER)}")
    args.out.mkdir(parents=True, exist_ok=True)
    print(
        f"{'sound':12} {'build ms':>8} {'dur s':>6} {'peak dB':>7} {'RMS dB':>7} {'crest':>6} "
        f"{'centroid':>8} {'<250Hz%':>7} {'>4kHz%':>7} {'L/R dB':>6} {'loud':>6} {'target':>6}"
    )
    total_s = 0.0
    files = 0
    for name in names:
        for v in range(bank.SOUND_DEFS[name].variants):  # every take, as the game has them
            t0 = time.perf_counter()
            samples = bank.build(name, v)
            dt = time.perf_counter() - t0
            total_s += dt
            stem = bank.SoundCache.file_name(name, v)[: -len(".wav")]
            bank.write_wav(args.out / f"{stem}.wav", samples)
            files += 1
            d = describe(samples)
            target_db = bank.SOUND_DEFS[name].loudness_db
            print(
                f"{stem:12} {dt * 1000:8.0f} {d['dur_s']:6.2f} {d['peak_db']:7.1f} "
                f"{d['rms_db']:7.1f} {d['crest_db']:6.1f} {d['centroid_hz']:8.0f} "
                f"{d['low_pct']:7.1f} {d['high_pct']:7.1f} {d['lr_db']:6.1f} {d['loud_db']:6.1f} "
                f"{target_db:6.1f}"
            )
            if args.png:
                spectrogram_png(samples, args.out / f"{stem}.png")
    print(f"built {files} files ({len(names)} sounds) in {total_s:.2f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
