"""Combat model benchmark: bouts per second at several batch sizes, and the B = 1 tick cost.

    python bench/sim.py [--full]     (--full also runs the 10,000-bout target over 2 processes)
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from game.combat import Rules, cpu_buttons, load_fighter, new_bout, step
from game.combat.sim import bout_seeds, run_lanes, simulate


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--full", action="store_true", help="also time 10,000 bouts on 2 processes")
    args = ap.parse_args(argv)
    a, b = load_fighter("rocky").at_age(30), load_fighter("dixon").at_age(30)
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
