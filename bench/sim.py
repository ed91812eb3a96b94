"""Combat model benchmark: bouts per second at several batch sizes, and the B = 1 tick cost.

    python bench/sim.py [--full]     (--full also runs the 10,000-bout target over 2 processes)
    python bench/sim.py --options    the speed options side by side, without touching the model:
                                     CPU per tick against the batch size, how often to compact
                                     finished lanes, and the run layer's chunking over processes

Figures are CPU seconds of this process where it says so (robust to other work on the machine)
and wall seconds otherwise; the load average is printed with them.
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
from game.combat.sim import _policy, bout_seeds, run_lanes, simulate


def tick_cost_us(a, b, ticks: int = 3000) -> tuple[float, float]:
    """Mean and p99 microseconds of one live-ring tick (B = 1: CPU decision + step + events)."""
    state = new_bout(a, b, Rules(rounds=10), [7])
    times = []
    for _ in range(ticks):
        t0 = time.perf_counter()
        ba = cpu_buttons(state, 0, "medium")
        bb = cpu_buttons(state, 1, "medium")
        ev = step(state, ba, bb)
        ev.for_lane(0)
        times.append(time.perf_counter() - t0)
    arr = np.asarray(times) * 1e6
    return float(arr.mean()), float(np.percentile(arr, 99))


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
    args = ap.parse_args(argv)
    a, b = load_fighter("rocky").at_age(30), load_fighter("dixon").at_age(30)
    if args.options:
        options(a, b)
        return 0
    rules = Rules(rounds=10)
    mean, p99 = tick_cost_us(a, b)
    print(f"B = 1 tick (2 CPU decisions + step + events): mean {mean:.0f} us, p99 {p99:.0f} us "
          f"(target < 500 us)")
    for batch, bouts in ((1, 2), (100, 100), (1000, 1000), (10000, 10000)):
        if batch == 10000 and not args.full:
            continue
        t0 = time.perf_counter()
        if batch >= 10000:
            res = simulate(a, b, bouts, rules, seed=1, processes=2, chunk=bouts // 2)
            n = res.bouts
            how = "2 processes x 5,000"
        else:
            n = 0
            for start in range(0, bouts, batch):
                run_lanes(a, b, rules, bout_seeds(1, start, batch))
                n += batch
            how = "1 process"
        dt = time.perf_counter() - t0
        print(f"B = {batch:>6}: {n:>6} ten-round bouts in {dt:7.1f} s = {n / dt:8.1f} bouts/s "
              f"({how})")
    if args.full:
        print("target: 10,000 ten-round bouts in under 60 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
