"""`python main.py sim A[@AGE] B[@AGE] ...`: the Virtual Fight on the command line.

Runs complete CPU-vs-CPU bouts with the ring's own combat model through the same run layer as
the Virtual Fight screen (game.virtual: worker processes fed in chunks), and prints win % with
its 95% interval, each method's share and a histogram of stoppage rounds (or one JSON object).
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from game import cli_args
from game.combat import list_fighters, load_fighter
from game.combat.age import MAX_AGE, MIN_AGE
from game.combat.fighters import FighterDataError
from game.combat.moves import DIFFICULTIES
from game.virtual.run import RunSpec
from game.virtual.stats import details
from game.virtual.worker import SimRun


def _fighter(spec: str) -> tuple[str, str, int]:
    """"rocky@30" -> ("Rocky@30", "rocky", 30); no age = the fighter's prime."""
    fid, _, age = spec.partition("@")
    try:
        fdef = load_fighter(fid)
    except FighterDataError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    try:
        years = int(age) if age else fdef.prime_age
        fdef.at_age(years)
        return f"{fdef.name}@{years}", fid, years
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bad age in {spec!r}: {exc}") from exc


def build_parser() -> argparse.ArgumentParser:
    p = cli_args.ArgumentParser(
        prog="still-a-fighter sim",
        description="Virtual Fight: simulate complete bouts between two fighters.",
        epilog=f"fighters: {', '.join(list_fighters())}; example: sim rocky@30 dixon@30 "
               "--bouts 10000 --rounds 10 --seed 1")
    p.add_argument("a", type=_fighter,
                   help=f"fighter id, optionally @age {MIN_AGE}..{MAX_AGE} (default: prime)")
    p.add_argument("b", type=_fighter, help="the opponent, same form")
    p.add_argument("--bouts", type=cli_args.int_range(1, 10**8), default=1000,
                   help="how many bouts to simulate (default: 1000)")
    p.add_argument("--rounds", type=cli_args.int_range(1, 12), default=10,
                   help="scheduled rounds per bout (default: 10)")
    p.add_argument("--seed", type=cli_args.seed, default=1,
                   help="seed of the run, 0 .. 2**63-1; the same seed gives the same results")
    p.add_argument("--preset", choices=("classic", "unified"), default="classic",
                   help="rule set: classic (default) or unified")
    p.add_argument("--difficulty", choices=DIFFICULTIES, default="medium",
                   help="CPU level of both corners")
    p.add_argument("--processes", type=cli_args.int_range(1, 64), default=None,
                   help="worker processes (default: up to 2)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead")
    return p


#: seconds with no bout done before the bar says why: the workers' first run after an install
#: (or a new version) compiles the fast simulator, about a minute with nothing else to show
WARMING_AFTER_S = 3.0


def _bar(run: SimRun, started: float) -> None:
    if run.data.done == 0 and time.perf_counter() - started >= WARMING_AFTER_S:
        sys.stderr.write("\rgetting the simulator ready (its first run after an install "
                         "compiles it: up to a minute)...   ")
        sys.stderr.flush()
        return
    width = 30
    frac = run.progress()
    fill = int(width * frac)
    left = run.seconds_left()
    eta = f", {left:.0f} s left" if left is not None else ""
    sys.stderr.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {run.data.done}/{run.spec.bouts} "
                     f"bouts, round {run.current_round()} ({run.bouts_per_s():.0f}/s{eta})   ")
    sys.stderr.flush()


def main(argv: list[str]) -> int:
    """Entry point for `main.py sim`; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.bouts < 1:
        print("sim: --bouts must be at least 1", file=sys.stderr)
        return 2
    (name_a, id_a, age_a), (name_b, id_b, age_b) = args.a, args.b
    try:
        spec = RunSpec(id_a, age_a, id_b, age_b, bouts=args.bouts, rounds=args.rounds,
                       preset=args.preset, levels=(args.difficulty, args.difficulty),
                       seed=args.seed)
    except ValueError as exc:
        print(f"sim: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    show = sys.stderr.isatty() and not args.json
    run = SimRun(spec, args.processes, nice=0).start()
    try:
        data = run.wait(progress=(lambda r: _bar(r, started)) if show else None)
    except KeyboardInterrupt:
        run.cancel()
        print("\nsim: cancelled", file=sys.stderr)
        return 130
    except RuntimeError as exc:
        print(f"sim: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    if show:
        sys.stderr.write("\n")
    summary = data.summary()
    det = details(data)
    summary.update({"a": name_a, "b": name_b, "rounds": args.rounds, "seed": args.seed,
                    "seconds": round(elapsed, 2), "win_pct_ci95": det["win_pct"],
                    "knockdowns_per_bout": det["knockdowns_per_bout"]})
    if args.json:
        print(json.dumps(summary))
        return 0
    n = summary["bouts"]
    pct = lambda k: 100.0 * k / n
    print(f"{name_a} vs {name_b}: {n} bouts of {args.rounds} rounds, seed {args.seed} "
          f"({elapsed:.1f} s)")
    ci = summary["win_pct_ci95"]
    for label, key, count in ((f"{name_a:<24} wins", "a", summary["a_wins"]),
                              (f"{name_b:<24} wins", "b", summary["b_wins"]),
                              (f"{'draws':<24}     ", "draw", summary["draws"])):
        lo, hi = ci[key][1], ci[key][2]
        print(f"  {label} {pct(count):5.1f}%   (95%: {lo:4.1f} - {hi:4.1f})")
    kd = summary["knockdowns_per_bout"]
    print(f"knockdowns per bout: {name_a} down {kd[0]:.2f}, {name_b} down {kd[1]:.2f}")
    print("methods:")
    for method, count in summary["methods"].items():
        print(f"  {method:<5} {pct(count):5.1f}%  {'#' * round(pct(count) / 2)}")
    print("stoppages by round:")
    top = max(summary["stoppage_rounds"].values(), default=0) or 1
    for rnd, count in summary["stoppage_rounds"].items():
        print(f"  {rnd:>2} {count:6d}  {'#' * round(30 * count / top)}")
    return 0
