"""Ring frame time: update + draw of a CPU-vs-CPU bout at 1280x720, against the bare frame.

    python bench/ring_frame.py            # median / p99 of ring vs bare
    python bench/ring_frame.py --json     # {"bare_median_ms", "ring_median_ms", "ring_p99_ms", ...}

For bench/frame.py: ``from bench.ring_frame import ring_subject`` and add
``"ring": ring_subject`` to its SUBJECTS (a function(app) -> per-frame callable).
Run under Xvfb (or a display) to include the real flip; otherwise SDL's dummy driver is used.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def bench_setup(seed: int = 7) -> Any:
    """A lively bout: an old slugger against a young out-boxer, both CPUs on hard."""
    from game.states.versus_config import SideSetup, VersusSetup

    return VersusSetup(
        (SideSetup("rocky", 60, "cpu", "hard"), SideSetup("dixon", 30, "cpu", "hard")),
        rounds=12,
        clock_speed=6,
        seed=seed,
    )


def ring_subject(app: Any, seed: int = 7) -> Callable[[int], None]:
    """Push a CPU-vs-CPU ring on the app's stack; return one frame of update + draw + present.

    When the bout ends (results screen), a fresh bout is started so every frame times a fight."""
    from game.states.ring import RingScene

    ring = {"scene": None, "seed": seed}

    def start() -> None:
        ring["seed"] += 1
        ring["scene"] = app.stack.push("ring", setup=bench_setup(ring["seed"]))

    start()

    work_ms: list[float] = []

    def frame(i: int) -> None:
        t0 = time.perf_counter()
        app.stack.update(app.tick)
        app.tick += 1
        if not any(isinstance(s, RingScene) for s in app.stack.scenes):
            app.stack.clear()
            start()
        app.stack.draw(app.screen, 0.5)
        work_ms.append((time.perf_counter() - t0) * 1000)
        app._present()

    frame.work_ms = work_ms  # type: ignore[attr-defined]  # update + draw only, no present
    return frame


def _bare(app: Any) -> Callable[[int], None]:
    import pygame

    picture = pygame.Surface((1280, 720)).convert()
    picture.fill((40, 40, 60))

    def frame(i: int) -> None:
        app.screen.fill((0, 0, 0))
        app.screen.blit(picture, (0, 0))
        app._present()

    return frame


def _time(frame: Callable[[int], None], frames: int, warmup: int = 30) -> list[float]:
    for i in range(warmup):
        frame(i)
    out = []
    for i in range(frames):
        t0 = time.perf_counter()
        frame(warmup + i)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _summary(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    return {
        "median_ms": statistics.median(s),
        "p99_ms": s[min(len(s) - 1, int(len(s) * 0.99))],
        "max_ms": s[-1],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="ring update+draw frame time vs a bare frame")
    p.add_argument("--frames", type=int, default=1800)
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-vsync", action="store_true", help="present without waiting for vsync")
    args = p.parse_args(argv)
    from game.app import App
    from game.settings import Settings

    app = App(
        headless=not os.environ.get("DISPLAY"),
        seed=1,
        sound=False,
        settings=Settings(),
        vsync=not args.no_vsync,
    )
    bare = _summary(_time(_bare(app), min(args.frames, 600)))
    subject = ring_subject(app)
    ring = _summary(_time(subject, args.frames))
    work = _summary(subject.work_ms[-args.frames :])  # type: ignore[attr-defined]
    out = {
        "video_driver": os.environ.get("SDL_VIDEODRIVER", "x11"),
        "vsync": not args.no_vsync,
        "frames": args.frames,
        "bare_median_ms": bare["median_ms"],
        "bare_p99_ms": bare["p99_ms"],
        "ring_median_ms": ring["median_ms"],
        "ring_p99_ms": ring["p99_ms"],
        "ring_max_ms": ring["max_ms"],
        "ratio_median": ring["median_ms"] / bare["median_ms"],
        "ring_update_draw_median_ms": work["median_ms"],
        "ring_update_draw_p99_ms": work["p99_ms"],
    }
    close = getattr(app, "close", None)
    if close:
        close()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"bare  median {bare['median_ms']:6.2f} ms  p99 {bare['p99_ms']:6.2f} ms")
        print(
            f"ring  median {ring['median_ms']:6.2f} ms  p99 {ring['p99_ms']:6.2f} ms  "
            f"max {ring['max_ms']:6.2f} ms  ratio {out['ratio_median']:.2f}x"
        )
        print(
            f"ring update+draw only (no present)  median {work['median_ms']:6.2f} ms  "
            f"p99 {work['p99_ms']:6.2f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
