"""The ring as a subject of bench/frame.py: one frame of a CPU-vs-CPU bout at 1280x720.

    python bench/frame.py --subject ring [--json]

Kept apart from frame.py so the ring's set-up (a lively bout, restarted when it ends) stays
beside the Versus code it depends on.
"""

from __future__ import annotations

import os
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
    from game.bout.setup import BoutSetup, SideSetup

    return BoutSetup(
        (SideSetup("rocky", 60, "cpu", "hard"), SideSetup("dixon", 30, "cpu", "hard")),
        rounds=12,
        clock_speed=6,
        seed=seed,
    )


def ring_subject(app: Any, seed: int = 7) -> Callable[[int], None]:
    """Push a CPU-vs-CPU ring on the app's stack; return one frame of update + draw + present.

    When the bout ends (results screen), a fresh bout is started so every frame times a fight."""
    from game.states.ring.scene import RingScene

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
