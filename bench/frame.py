"""Frame-time benchmark: a scene's update+draw+present against a bare frame, in the same run.

    python bench/frame.py                 # title vs bare, printed
    python bench/frame.py --json          # machine-readable (bare_median_ms, title_median_ms ...)
    python bench/frame.py --scaling       # also: cost of each way to scale 1280x720 to a window
    python bench/frame.py --subject ring  # a CPU-vs-CPU bout in the ring (bench/ring_frame.py)
    python bench/frame.py --subject drill_heavy_bag   # a training drill, played perfectly
    python bench/frame.py --subject hub   # walking Adrian's in story mode (bench/hub_frame.py)

A "bare frame" is fill + one full-screen blit + present: the floor any scene pays. Run under a
real display (or Xvfb) to include the real flip; without DISPLAY it uses SDL's dummy driver.
Time to first frame is measured on a fresh process (`main.py`) from spawn to its first flip.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame


def summary(samples_ms: list[float]) -> dict[str, float]:
    s = sorted(samples_ms)
    return {"median_ms": statistics.median(s), "p99_ms": s[min(len(s) - 1, int(len(s) * 0.99))],
            "mean_ms": statistics.fmean(s), "max_ms": s[-1]}


CPU_MS: dict[int, list[float]] = {}  # id(frame fn) -> this thread's CPU ms per frame


def time_frames(frame: Callable[[int], None], frames: int, warmup: int = 30) -> list[float]:
    """Wall-clock ms per frame; the thread's CPU ms go to CPU_MS (robust to machine load)."""
    for i in range(warmup):
        frame(i)
    out = []
    cpu = CPU_MS.setdefault(id(frame), [])
    for i in range(frames):
        c0, t0 = time.thread_time(), time.perf_counter()
        frame(warmup + i)
        out.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return out


def interleaved(a: Callable[[int], None], b: Callable[[int], None], frames: int,
                block: int = 50) -> tuple[list[float], list[float]]:
    """Time a and b in alternating blocks, so both see the same machine load."""
    out_a: list[float] = []
    out_b: list[float] = []
    time_frames(a, 0, warmup=30)
    time_frames(b, 0, warmup=30)
    done = 0
    while done < frames:
        n = min(block, frames - done)
        out_a += time_frames(a, n, warmup=2)
        out_b += time_frames(b, n, warmup=2)
        done += n
    return out_a, out_b


# -- subjects: name -> function(app) returning a per-frame callable -------------------------
def _scene_subject(scene_name: str, **kwargs: Any) -> Callable[[Any], Callable[[int], None]]:
    def make(app: Any) -> Callable[[int], None]:
        app.stack.push(scene_name, **kwargs)

        def frame(i: int) -> None:
            app.stack.update(app.tick)
            app.tick += 1
            app.stack.draw(app.screen, 0.5)
            app._present()

        return frame

    return make


def _ring_subject(app: Any) -> Callable[[int], None]:
    from bench.ring_frame import ring_subject

    return ring_subject(app)


def _virtual_subject(app: Any) -> Callable[[int], None]:
    """The Virtual Fight while its workers run 2,000 ten-round bouts (started before timing)."""
    from game.virtual import RunSpec

    scene = app.stack.push("virtual_fight", spec=RunSpec(bouts=2000, rounds=10))
    scene.start_run()
    frame = _scene_subject_frame(app)
    frame.scene = scene  # type: ignore[attr-defined]
    return frame


def _scene_subject_frame(app: Any) -> Callable[[int], None]:
    work: list[float] = []

    def frame(i: int) -> None:
        t0 = time.perf_counter()
        app.stack.update(app.tick)
        app.tick += 1
        app.stack.draw(app.screen, 0.5)
        work.append((time.perf_counter() - t0) * 1000)
        app._present()

    frame.work_ms = work  # type: ignore[attr-defined]
    return frame


def _hub_subject(app: Any) -> Callable[[int], None]:
    from bench.hub_frame import hub_subject

    return hub_subject(app)


#: Each subject is timed against the bare frame, interleaved, in the same run.
SUBJECTS: dict[str, Callable[[Any], Callable[[int], None]]] = {
    "title": _scene_subject("title"),
    "menu": _scene_subject("menu"),
    "ring": _ring_subject,
    "virtual": _virtual_subject,
    "hub": _hub_subject,  # story: walking Adrian's (bench/hub_frame.py)
}


def _drill_subject(drill_id: str) -> Callable[[Any], Callable[[int], None]]:
    """A training drill played by the perfect script, one 1/60 s of drill time per frame."""
    def make(app: Any) -> Callable[[int], None]:
        from game.training.timing import TickClock

        clock = TickClock()
        app.stack.push("drill", drill_id=drill_id, autoplay="perfect", clock=clock, seed=1)
        work: list[float] = []

        def frame(i: int) -> None:
            t0 = time.perf_counter()
            app.stack.update(app.tick)  # the scene advances its tick clock itself
            app.tick += 1
            app.stack.draw(app.screen, 0.5)
            work.append((time.perf_counter() - t0) * 1000)
            app._present()

        frame.work_ms = work  # type: ignore[attr-defined]
        return frame

    return make


# training: --subject drill_<id> (the six drills that draw their own scene)
for _drill in ("heavy_bag", "speed_bag", "jump_rope", "meat_locker", "museum_steps", "mitts"):
    SUBJECTS[f"drill_{_drill}"] = _drill_subject(_drill)


def bare(app: Any) -> Callable[[int], None]:
    picture = pygame.Surface((1280, 720)).convert()
    picture.fill((40, 40, 60))

    def frame(i: int) -> None:
        app.screen.fill((0, 0, 0))
        app.screen.blit(picture, (0, 0))
        app._present()

    return frame


def scaling(frames: int, reps: int = 3) -> dict[str, dict[str, float]]:
    """Cost per presented frame of each way to put the 1280x720 picture in a window.

    Each option runs ``reps`` times, interleaved with the others; the least disturbed run
    (lowest median) is kept, since other processes only ever add time.
    """
    logical = pygame.Surface((1280, 720))
    logical.fill((90, 30, 30))
    pygame.draw.circle(logical, (200, 200, 80), (640, 360), 200)

    def surface_direct() -> Callable[[int], None]:
        win = pygame.display.set_mode((1280, 720))
        src = logical.convert(win)
        return lambda i: (win.blit(src, (0, 0)), pygame.display.flip())

    def surface_scaled(size: tuple[int, int], smooth: bool = False) -> Callable[[], Callable]:
        def make() -> Callable[[int], None]:
            win = pygame.display.set_mode(size)
            src = logical.convert(win)
            scale = pygame.transform.smoothscale if smooth else pygame.transform.scale
            return lambda i: (scale(src, size, win), pygame.display.flip())
        return make

    def sdl_scaled(fullscreen: bool) -> Callable[[], Callable]:
        def make() -> Callable[[int], None]:
            flags = pygame.SCALED | (pygame.FULLSCREEN if fullscreen else 0)
            win = pygame.display.set_mode((1280, 720), flags, vsync=0)
            return lambda i: (win.blit(logical, (0, 0)), pygame.display.flip())
        return make

    options: dict[str, Callable[[], Callable[[int], None]]] = {
        "surface_1280x720_direct": surface_direct,
        "surface_1920x1080_nearest_scale": surface_scaled((1920, 1080)),
        "surface_1920x1080_smoothscale": surface_scaled((1920, 1080), smooth=True),
        "surface_960x540_nearest_scale": surface_scaled((960, 540)),
        "SCALED_1280x720_window": sdl_scaled(False),
        "SCALED_fullscreen_desktop": sdl_scaled(True),
    }
    best: dict[str, dict[str, float]] = {}
    for _ in range(reps):
        for name, make in options.items():
            pygame.display.quit()
            pygame.display.init()
            try:
                stats = summary(time_frames(make(), frames))
            except pygame.error as exc:
                best[name] = {"error": str(exc)}  # type: ignore[dict-item]
                continue
            stats["window_w"], stats["window_h"] = pygame.display.get_window_size()
            if name not in best or stats["median_ms"] < best[name].get("median_ms", 1e9):
                best[name] = stats
    pygame.display.quit()
    return best


def first_frame_ms() -> float | None:
    """Spawn main.py and time until it reports its first presented frame."""
    env = dict(os.environ, STILL_A_FIGHTER_HOME=str(ROOT / "out" / "bench-home"))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--frames", "2",
                             "--log-level", "INFO", "--no-sound"]
                            + ([] if os.environ.get("DISPLAY") else ["--headless"]),
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    found = None
    assert proc.stderr is not None
    for line in proc.stderr:
        if "first frame after" in line and found is None:
            found = (time.perf_counter() - t0) * 1000
    proc.wait()
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=600)
    p.add_argument("--subject", default="title", choices=sorted(SUBJECTS))
    p.add_argument("--scaling", action="store_true", help="also time the window-scaling options")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--present", choices=["scaled", "surface"],
                   help="how the app puts frames on screen (default: the app's choice)")
    p.add_argument("--window-scale", type=float, default=1.0)
    p.add_argument("--fullscreen", action="store_true")
    args = p.parse_args(argv)

    from game.app import App
    from game.settings import Settings

    if args.present:
        os.environ["STILL_A_FIGHTER_PRESENT"] = args.present
    settings = Settings(window_scale=args.window_scale, fullscreen=args.fullscreen)
    app = App(headless=not os.environ.get("DISPLAY"), seed=1, sound=False, settings=settings,
              vsync=False)
    app.screen.fill((0, 0, 0))
    bare_fn, subject_fn = bare(app), SUBJECTS[args.subject](app)
    bare_samples, subject_samples = interleaved(bare_fn, subject_fn, args.frames)
    bare_ms, subject_ms = summary(bare_samples), summary(subject_samples)
    running = getattr(getattr(subject_fn, "scene", None), "run", None)
    if running is not None:  # the Virtual Fight: were its workers still running throughout?
        print(f"virtual fight run: {running.data.done} of {running.spec.bouts} bouts decided, "
              f"{running.progress() * 100:.0f}% stepped, still running: {running.running}",
              file=sys.stderr)
    bare_cpu, subject_cpu = summary(CPU_MS[id(bare_fn)]), summary(CPU_MS[id(subject_fn)])
    present_mode, window_px = app.present_mode, pygame.display.get_window_size()
    app.close()
    out: dict[str, Any] = {
        "video_driver": os.environ.get("SDL_VIDEODRIVER", "x11" if os.environ.get("DISPLAY")
                                       else "?"),
        "frames": args.frames,
        "subject": args.subject,
        "present_mode": present_mode,
        "window_px": list(window_px),
        "bare_median_ms": bare_ms["median_ms"], "bare_p99_ms": bare_ms["p99_ms"],
        f"{args.subject}_median_ms": subject_ms["median_ms"],
        f"{args.subject}_p99_ms": subject_ms["p99_ms"],
        "ratio_median": subject_ms["median_ms"] / bare_ms["median_ms"],
        "bare_cpu_median_ms": bare_cpu["median_ms"],
        f"{args.subject}_cpu_median_ms": subject_cpu["median_ms"],
        f"{args.subject}_cpu_p99_ms": subject_cpu["p99_ms"],
        "load_average_1min": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "first_frame_ms": first_frame_ms(),
    }
    work = getattr(subject_fn, "work_ms", None)  # update + draw alone, when the subject keeps it
    if work:
        work_ms = summary(work[-args.frames:])
        out[f"{args.subject}_update_draw_median_ms"] = work_ms["median_ms"]
        out[f"{args.subject}_update_draw_p99_ms"] = work_ms["p99_ms"]
    if args.scaling:
        pygame.init()
        out["scaling"] = scaling(max(100, args.frames // 3))
        pygame.quit()
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"video driver: {out['video_driver']}   present: {present_mode}   "
          f"window: {window_px[0]}x{window_px[1]}   frames: {args.frames}")
    print(f"bare frame      median {bare_ms['median_ms']:6.2f} ms   p99 {bare_ms['p99_ms']:6.2f} ms")
    print(f"{args.subject:<15} median {subject_ms['median_ms']:6.2f} ms   "
          f"p99 {subject_ms['p99_ms']:6.2f} ms   ratio {out['ratio_median']:.2f}x")
    print(f"CPU of this thread: bare {bare_cpu['median_ms']:.2f} ms, {args.subject} "
          f"{subject_cpu['median_ms']:.2f} ms (median; {args.subject} p99 "
          f"{subject_cpu['p99_ms']:.2f} ms; load average "
          f"{out['load_average_1min']:.1f})")
    if work:
        print(f"{args.subject} update+draw alone (no present): median "
              f"{out[args.subject + '_update_draw_median_ms']:.2f} ms   p99 "
              f"{out[args.subject + '_update_draw_p99_ms']:.2f} ms")
    ff = out["first_frame_ms"]
    print(f"first frame     {ff:.0f} ms from process spawn" if ff else "first frame: not seen")
    for name, st in out.get("scaling", {}).items():
        if "error" in st:
            print(f"  {name:<34} unavailable: {st['error']}")
        else:
            print(f"  {name:<34} median {st['median_ms']:6.2f} ms   p99 {st['p99_ms']:6.2f} ms"
                  f"   window {st['window_w']:.0f}x{st['window_h']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
