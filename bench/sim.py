"""Combat model benchmark: the B = 1 tick, bouts per second on each engine, and the targets.

    python bench/sim.py [--full]     (--full also runs the 10,000-bout target over 2 processes
                                     through the run layer, on the kernel and on numpy)
    python bench/sim.py --options    the speed options side by side, without touching the model:
                                     CPU per tick against the batch size, how often to compact
                                     finished lanes, and the run layer's chunking over processes
    python bench/sim.py --kernel     what the compiled kernel (numba) costs: import, first
                                     compile, cached load, install size, and what it buys
    python bench/sim.py --first N    the screen's own path to its first 1,000 bouts, N times
    python bench/sim.py --lane-tick N  the kernel's CPU per lane-tick, N times (min and median)

Targets (issue 11): one live-ring tick (B = 1) <= 200 us mean; 10,000 ten-round bouts <= 10 s
wall on 2 cores; the first 1,000 bouts of a run within 2 s of Run. Every speed-up is given as
a ratio against a baseline measured in the same run. Figures are CPU seconds of this process
where it says so (robust to other work on the shared machine) and wall seconds otherwise; the
load average is printed with them.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

import game.combat.sim as sim_mod
from game.combat import Rules, cpu_buttons, load_fighter, new_bout, step
from game.combat.ai import difficulty_params
from game.combat.sim import _policy, bout_seeds, run_lanes


def tick_cost_us(a, b, ticks: int = 3000) -> tuple[float, float, float]:
    """Mean and p99 wall microseconds, and mean CPU microseconds, of one live-ring tick
    (B = 1: both CPU decisions + step + events, as the ring runs it)."""
    state = new_bout(a, b, Rules(rounds=10), [7])
    times = []
    c0 = time.process_time()
    for _ in range(ticks):
        t0 = time.perf_counter()
        ba = cpu_buttons(state, 0, "medium")
        bb = cpu_buttons(state, 1, "medium")
        ev = step(state, ba, bb)
        ev.for_lane(0)
        times.append(time.perf_counter() - t0)
    cpu = (time.process_time() - c0) / ticks * 1e6
    arr = np.asarray(times) * 1e6
    return float(arr.mean()), float(np.percentile(arr, 99)), cpu


def engines_cpu_s(a, b, bouts: int, rounds: int = 3) -> tuple[float, float | None]:
    """CPU seconds for the same `bouts` bouts (one batch) on the numpy model and on the
    compiled kernel (None without numba); the kernel's first call (compile or cache load) is
    paid before the clock starts."""
    from game.combat.sim import run_state
    from game.engine import use_kernel
    from game.kernel import run_compiled

    rules = Rules(rounds=rounds)
    seeds = bout_seeds(5, 0, bouts)
    state = new_bout(a, b, rules, seeds)
    params = tuple(difficulty_params(state, "medium") for _ in (0, 1))
    c0 = time.process_time()
    ref = run_state(state, params)
    numpy_s = time.process_time() - c0
    if not use_kernel():
        return numpy_s, None
    warm = new_bout(a, b, rules, seeds[:2])
    run_compiled(warm, tuple(difficulty_params(warm, "medium") for _ in (0, 1)), 1)
    state = new_bout(a, b, rules, seeds)
    c0 = time.process_time()
    out = run_compiled(state, params, 1)  # each lane stops at its end, as run_state reports it
    kernel_s = time.process_time() - c0
    assert all(np.array_equal(ref[k], out[k]) for k in ref), "kernel and numpy disagree"
    return numpy_s, kernel_s


def kernel_lane_tick_ns(a, b, repeats: int, bouts: int = 1000) -> list[float]:
    """CPU nanoseconds per lane-tick on the compiled kernel (both CPU policies + the step, as
    the workers run a chunk), once per repeat over the same `bouts` three-round bouts; [] without
    the kernel. Its first call (compile or cache load) is paid before the clock starts."""
    from game.engine import use_kernel
    from game.kernel import run_compiled

    if not use_kernel():
        return []
    rules = Rules(rounds=3)
    seeds = bout_seeds(5, 0, bouts)
    out = []
    for k in range(repeats + 1):
        state = new_bout(a, b, rules, seeds if k else seeds[:2])
        params = tuple(difficulty_params(state, "medium") for _ in (0, 1))
        c0 = time.process_time()
        run_compiled(state, params, 1)
        if k:  # (k = 0: the warm-up)
            out.append((time.process_time() - c0) / int(state.lane_ticks.sum()) * 1e9)
    return out


def run_layer(bouts: int, processes: int, numpy_only: bool = False,
              max_chunk: int | None = None,
              warm: bool = False) -> tuple[float, float | None, str, float]:
    """Wall seconds of a Virtual Fight run through the run layer (worker processes), the
    seconds until its first 1,000 bouts were all in, the engine the workers used and the CPU
    seconds they spent (what the run costs whatever else the shared machine is doing).
    `warm`: on workers started ahead and ready (as the screen starts them when it opens)."""
    import resource

    from game.virtual import RunSpec, SimRun
    from game.virtual.warm import WarmWorkers

    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)

    old = os.environ.get("STILL_A_FIGHTER_KERNEL")
    if numpy_only:
        os.environ["STILL_A_FIGHTER_KERNEL"] = "numpy"
    try:
        spec = RunSpec(bouts=bouts, rounds=10, seed=1)
        pool = WarmWorkers(processes, nice=0) if warm else None
        if pool is not None:
            pool.wait_ready()
        t0 = time.perf_counter()
        run = SimRun(spec, processes, nice=0, max_chunk=max_chunk, warm=pool).start()
        first = None
        while not (run.finished or run.error):
            run.poll(0.05)
            if first is None and run.data.finished[:1000].all():
                first = time.perf_counter() - t0
            time.sleep(0.01)
        wall = time.perf_counter() - t0
        if run.error:
            raise RuntimeError(run.error)
        run.cancel()  # reaps the finished workers, so their CPU time is counted
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
        return wall, first, run.engine, cpu
    finally:
        if numpy_only:
            if old is None:
                os.environ.pop("STILL_A_FIGHTER_KERNEL", None)
            else:
                os.environ["STILL_A_FIGHTER_KERNEL"] = old


def first_bouts_s(repeats: int) -> list[tuple[float, float, str]]:
    """The screen's own path to its first 1,000 bouts: workers warmed as the screen warms them
    when it opens (at its niceness), the screen's default run (RunSpec(bouts=1000): exactly its
    first 1,000 bouts), polled at 60 Hz as VirtualFightScene.update does. Per repeat: (wall
    seconds from Run to the last of them in, the 1-minute load average, the engine)."""
    from game.virtual import RunSpec, SimRun
    from game.virtual.warm import WarmWorkers

    out = []
    for k in range(repeats):
        pool = WarmWorkers(2)
        pool.wait_ready()
        t0 = time.perf_counter()
        run = SimRun(RunSpec(bouts=1000, seed=100 + k), 2, warm=pool).start()
        while not (run.finished or run.error):
            run.poll()
            time.sleep(1 / 60)
        wall = time.perf_counter() - t0
        if run.error:
            raise RuntimeError(run.error)
        run.cancel()
        out.append((wall, os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0, run.engine))
    return out


def kernel_costs() -> None:
    """What numba costs (import, first compile, cached load, install size) in fresh processes,
    with a cold and then a warm cache of its own."""
    import importlib.util
    import subprocess
    import tempfile

    if importlib.util.find_spec("numba") is None:
        print("numba is not installed: the Virtual Fight runs on the numpy model")
        return
    root = str(Path(__file__).resolve().parents[1])
    probe = ("import time, sys; t0 = time.perf_counter(); import numba; t1 = time.perf_counter();"
             "from game.combat import Rules, load_fighter, new_bout;"
             "from game.combat.ai import difficulty_params; from game.kernel import run_compiled;"
             "a = load_fighter('rocky').at_age(30); s = new_bout(a, a, Rules(rounds=1), [1]);"
             "t2 = time.perf_counter();"
             "run_compiled(s, tuple(difficulty_params(s, 'medium') for _ in (0, 1)), 1);"
             "print(t1 - t0, time.perf_counter() - t2)")
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache, PYTHONPATH=root)
        for what in ("cold cache", "warm cache"):
            out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=root, check=True,
                                 capture_output=True, text=True).stdout.split()
            print(f"kernel, {what}: import numba {float(out[0]):.2f} s, first bout (compile or "
                  f"load) {float(out[1]):.2f} s ({_load()})")
    size = 0
    for name in ("numba", "llvmlite"):
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            for dirpath, _, files in os.walk(os.path.dirname(spec.origin)):
                size += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    print(f"install size of numba + llvmlite: {size / 1e6:.0f} MB")


def _load() -> str:
    return f"load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""


def tick_cpu_us(a, b, batch: int, ticks: int = 600) -> float:
    """CPU microseconds of one batched tick (both CPU policies + step, no events) at B lanes,
    all lanes live (the first minutes of a run)."""
    state = new_bout(a, b, Rules(rounds=10), bout_seeds(1, 0, batch))
    params = tuple(difficulty_params(state, "medium") for _ in (0, 1))
    for _ in range(60):  # warm up
        step(state, *_policy(state, params), events=False)
    c0 = time.process_time()
    for _ in range(ticks):
        step(state, *_policy(state, params), events=False)
    return (time.process_time() - c0) / ticks * 1e6


def compaction_cpu_s(a, b, rules: Rules, bouts: int, every: int) -> float:
    """CPU seconds for a whole batch with finished lanes dropped every `every` ticks."""
    old = sim_mod.COMPACT_EVERY
    sim_mod.COMPACT_EVERY = every
    try:
        c0 = time.process_time()
        run_lanes(a, b, rules, bout_seeds(3, 0, bouts))
        return time.process_time() - c0
    finally:
        sim_mod.COMPACT_EVERY = old


def options(a, b) -> None:
    """The speed options side by side (see the module docstring)."""
    print(f"-- CPU per tick against the batch size ({_load()})")
    base = None
    for batch in (1, 100, 500, 1000, 2500, 5000):
        us = tick_cpu_us(a, b, batch, ticks=300 if batch >= 2500 else 600)
        base = base or us
        full = 36_000 * us / 1e6  # a ten-round bout is ~36,000 ticks
        print(f"B = {batch:>5}: {us:8.0f} us/tick  {us / batch:7.2f} us/lane-tick   "
              f"10 rounds of this batch ~{full:6.1f} CPU s = {batch / full:7.1f} bouts/s "
              f"per process")
    rules = Rules(rounds=3)
    print(f"-- compaction of finished lanes, 600 three-round bouts in one batch ({_load()})")
    for every in (30, 120, 600, 3600):  # 3600: once a round (the batch ends only by compacting)
        cpu = compaction_cpu_s(a, b, rules, 600, every)
        print(f"every {every:>4} ticks: {cpu:6.1f} CPU s")
    print(f"-- the run layer over processes, 400 three-round bouts ({_load()})")
    from game.virtual import RunSpec, SimRun

    for procs, chunk in ((1, None), (2, None), (2, 50)):
        spec = RunSpec(bouts=400, rounds=3, seed=5)
        t0 = time.perf_counter()
        SimRun(spec, procs, nice=0, max_chunk=chunk).start().wait()
        dt = time.perf_counter() - t0
        print(f"{procs} process(es), chunks of at most {chunk or 2500}: {dt:6.1f} s wall "
              f"= {400 / dt:6.1f} bouts/s ({_load()})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--full", action="store_true", help="also time 10,000 bouts on 2 processes")
    ap.add_argument("--options", action="store_true", help="compare the speed options only")
    ap.add_argument("--kernel", action="store_true", help="what the compiled kernel costs")
    ap.add_argument("--first", type=int, metavar="N", default=0,
                    help="only the screen's first 1,000 bouts after Run, N times")
    ap.add_argument("--lane-tick", type=int, metavar="N", default=0,
                    help="only the kernel's CPU nanoseconds per lane-tick, N times")
    args = ap.parse_args(argv)
    a, b = load_fighter("rocky").at_age(30), load_fighter("dixon").at_age(30)
    if args.first:
        for wall, load, engine in first_bouts_s(args.first):
            print(f"first 1,000 bouts on the screen's path ({engine}, warm workers at the "
                  f"screen's niceness): {wall:.2f} s after Run (target 2 s) (load average "
                  f"{load:.1f})", flush=True)
        return 0
    if args.lane_tick:
        ns = kernel_lane_tick_ns(a, b, args.lane_tick)
        if not ns:
            print("no compiled kernel here (numba missing or STILL_A_FIGHTER_KERNEL=numpy)")
            return 1
        print(f"kernel: {np.min(ns):.1f} ns per lane-tick CPU at best, median {np.median(ns):.1f} "
              f"of {len(ns)} runs of 1,000 three-round bouts ({_load()})")
        return 0
    if args.options:
        options(a, b)
        return 0
    if args.kernel:
        kernel_costs()
        for warm in (False, True):
            wall, first, engine, cpu = run_layer(2000, 2, warm=warm)
            print(f"2,000 ten-round bouts, 2 {'warm' if warm else 'cold'} processes, {engine}: "
                  f"first 1,000 in {first:.1f} s, all in {wall:.1f} s, workers' CPU {cpu:.1f} s "
                  f"({_load()})")
        return 0
    mean, p99, cpu = tick_cost_us(a, b)
    print(f"B = 1 tick (2 CPU decisions + step + events): mean {mean:.0f} us wall "
          f"({cpu:.0f} us CPU), p99 {p99:.0f} us (target: mean <= 200 us) ({_load()})")
    numpy_s, kernel_s = engines_cpu_s(a, b, 400)
    line = f"400 three-round bouts in one batch: numpy {numpy_s:.1f} CPU s"
    if kernel_s is not None:
        line += (f", compiled kernel {kernel_s:.2f} CPU s = {numpy_s / kernel_s:.1f}x "
                 f"(the same results, checked)")
    print(f"{line} ({_load()})")
    if args.full:
        wall, first, engine, cpu = run_layer(10_000, 2, warm=True)
        print(f"10,000 ten-round bouts, run layer, 2 warm processes, {engine}: {wall:.1f} s wall, "
              f"first 1,000 in {first:.1f} s (targets 10 s and 2 s); workers' CPU {cpu:.1f} s "
              f"= {cpu / 2:.1f} s on two free cores ({_load()})")
        if engine == "kernel":
            base, base_first, _, base_cpu = run_layer(10_000, 2, numpy_only=True,
                                                      max_chunk=2500)
            print(f"the same on the numpy model: {base:.1f} s wall, first 1,000 in "
                  f"{base_first:.1f} s, workers' CPU {base_cpu:.1f} s; the kernel: "
                  f"{base / wall:.1f}x to the end, {base_first / first:.1f}x to the first "
                  f"1,000, {base_cpu / cpu:.1f}x in CPU ({_load()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
