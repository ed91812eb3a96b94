"""Regenerate every fighter's sprite sheets: `python tools/make_sprites.py`.

Reads `assets/fighters/*.toml` ([look] tables) and writes `assets/sprites/<id>_<variant>.png`
+ `.json` for variants prime and veteran. Options pick fighters, variants and folders.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from spritegen.look import LookError, load_look
from spritegen.sheet import write_sheet

VARIANTS = ("prime", "veteran")


def _one(job: tuple[str, str, str, str]) -> str:
    path, variant, out_dir, _ = job
    t0 = time.perf_counter()
    look = load_look(Path(path), variant)
    png, _json = write_sheet(look, variant, Path(out_dir))
    kb = png.stat().st_size // 1024
    return f"{png.name}: {kb} KiB, {time.perf_counter() - t0:.1f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("fighters", nargs="*", help="fighter ids (default: every assets/fighters/*.toml)")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--fighters-dir", default=str(ROOT / "assets" / "fighters"))
    ap.add_argument("--out", default=str(ROOT / "assets" / "sprites"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    fdir = Path(args.fighters_dir)
    ids = args.fighters or sorted(p.stem for p in fdir.glob("*.toml"))
    if not ids:
        print(f"no fighter files in {fdir}", file=sys.stderr)
        return 2
    variants = [v for v in args.variants.split(",") if v]
    for v in variants:
        if v not in VARIANTS:
            print(f"unknown variant {v!r} (expected {', '.join(VARIANTS)})", file=sys.stderr)
            return 2
    jobs = [(str(fdir / f"{i}.toml"), v, args.out, "") for i in ids for v in variants]
    try:  # fail fast on bad data before spending time drawing
        for path, v, _, _ in jobs:
            load_look(Path(path), v)
    except LookError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as ex:
            for line in ex.map(_one, jobs):
                print(line)
    else:
        for j in jobs:
            print(_one(j))
    print(f"{len(jobs)} sheets in {time.perf_counter() - t0:.1f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
