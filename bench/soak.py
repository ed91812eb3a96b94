"""Soak: N Versus rematches, CPU vs CPU, headless, every frame drawn; prints RSS per bout.

    python bench/soak.py [--bouts 100] [--ticks-per-bout N] [--json]

Each bout goes the way a player's rematches go: ring -> results -> REMATCH -> intro -> ring, with
a new seed each time, through the real scenes and renderers. RSS is read after each bout; the
growth is measured from the end of the warm-up (the first bouts fill the caches that are meant
to fill). Figures go with the load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

WARMUP_BOUTS = 5


def rss_mb() -> float:
    """Resident set size of this process now, in MB (Linux /proc; else the peak)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1e6 if sys.platform == "darwin" else 1e3)


def soak(bouts: int, *, ticks_per_bout: int | None = None, seed: int = 11,
         on_bout: Any = None) -> list[dict[str, float]]:
    """Play `bouts` rematches; returns one row per bout: bout, ticks, rss_mb, ring_rss_mb."""
    from game.app import App
    from game.bout.setup import BoutSetup, SideSetup
    from game.states.versus.intro import VersusIntroScene
    from game.states.versus.results import VersusResultsScene

    setup = BoutSetup(
        (SideSetup("rocky", 60, "cpu", "hard"), SideSetup("dixon", 30, "cpu", "hard")),
        rounds=1, clock_speed=6, seed=seed)
    app = App(headless=True, seed=seed, sound=False)
    app.stack.push("menu")
    app.stack.push("versus_intro", setup=setup)
    app._start = lambda start: None  # the stack is set up; run() only plays frames
    rows: list[dict[str, float]] = []
    ring_ticks = scene_ticks = 0
    ring_rss = 0.0
    last = app.stack.top
    try:
        while len(rows) < bouts:
            top = app.stack.top
            if top is not last:
                last, scene_ticks = top, 0
            scene_ticks += 1
            if isinstance(top, VersusIntroScene) and scene_ticks == 30:
                top.start()
            elif isinstance(top, VersusResultsScene) and scene_ticks == 30:
                rows.append({"bout": len(rows) + 1, "ticks": ring_ticks, "rss_mb": rss_mb(),
                             "ring_rss_mb": ring_rss})
                if on_bout:
                    on_bout(rows[-1])
                ring_ticks = 0
                top.choose("rematch")
            elif top is not None and top.name == "ring":
                ring_ticks += 1
                if ring_ticks % 60 == 0:
                    ring_rss = max(ring_rss, rss_mb())
                if ticks_per_bout is not None and ring_ticks >= ticks_per_bout:
                    # a short bout: straight to the rematch, as the results screen would
                    rows.append({"bout": len(rows) + 1, "ticks": ring_ticks, "rss_mb": rss_mb(),
                                 "ring_rss_mb": ring_rss})
                    if on_bout:
                        on_bout(rows[-1])
                    ring_ticks = 0
                    app.stack.replace("versus_intro", setup=top.setup.with_seed(
                        top.setup.seed + 1))
                    continue
            if app.run(frames=app.frame + 1) != 0:  # one frame of the real loop
                raise RuntimeError("the game crashed during the soak (see the log)")
    finally:
        app.close()
    return rows


def growth_mb(rows: list[dict[str, float]], warmup: int = WARMUP_BOUTS) -> float:
    """RSS at the end minus RSS just after the warm-up, each the median of up to 5 bouts (one
    bout's RSS moves by a few MB as the bounded caches swap frames)."""
    import statistics

    after = rows[min(warmup, len(rows) - 1):]
    k = max(1, min(5, len(after) // 2))
    return statistics.median(r["rss_mb"] for r in after[-k:]) - statistics.median(
        r["rss_mb"] for r in after[:k])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--bouts", type=int, default=100, help="rematches to play (default 100)")
    p.add_argument("--ticks-per-bout", type=int, default=None,
                   help="cut each bout after N ticks (default: play it to the end)")
    p.add_argument("--warmup", type=int, default=WARMUP_BOUTS,
                   help=f"bouts before growth is measured (default {WARMUP_BOUTS})")
    p.add_argument("--json", action="store_true", help="one JSON object at the end")
    args = p.parse_args(argv)
    started = time.perf_counter()

    def show(row: dict[str, float]) -> None:
        if not args.json:
            print(f"bout {row['bout']:4.0f}  {row['ticks']:6.0f} ticks  RSS {row['rss_mb']:6.1f} MB"
                  f"  (ring peak {row['ring_rss_mb']:6.1f} MB)", flush=True)

    rows = soak(args.bouts, ticks_per_bout=args.ticks_per_bout, on_bout=show)
    summary = {
        "bouts": len(rows),
        "warmup_bouts": args.warmup,
        "growth_after_warmup_mb": round(growth_mb(rows, args.warmup), 1),
        "ring_peak_rss_mb": round(max(r["ring_rss_mb"] for r in rows), 1),
        "final_rss_mb": round(rows[-1]["rss_mb"], 1),
        "seconds": round(time.perf_counter() - started, 1),
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(summary) if args.json else
          f"growth after bout {args.warmup}: {summary['growth_after_warmup_mb']} MB over "
          f"{len(rows) - args.warmup} bouts; ring peak {summary['ring_peak_rss_mb']} MB; "
          f"{summary['seconds']} s at load {summary['load_average']:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
