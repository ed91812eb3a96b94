"""`python main.py sim A[@AGE] B[@AGE] ...`: the Virtual Fight on the command line.

Runs complete CPU-vs-CPU bouts with the ring's own combat model, batched over processes, and
prints win %, each method's share and a histogram of stoppage rounds (or one JSON object).
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from game import cli_args
from game.combat import Rules, list_fighters, load_fighter
from game.combat.age import MAX_AGE, MIN_AGE
from game.combat.fighters import FighterDataError, FighterStats
from game.combat.moves import DIFFICULTIES
from game.combat.sim import simulate


def _fighter(spec: str) -> tuple[str, FighterStats]:
    fid, _, age = spec.partition("@")
    try:
        fdef = load_fighter(fid)
    except FighterDataError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    try:
        years = int(age) if age else fdef.prime_age
        return f"{fdef.name}@{years}", fdef.at_age(years)
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
    p.add_argument("--rounds", type=cli_args.int_range(1, 15), default=10,
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


def _bar(done: int, total: int, started: float) -> None:
    width = 30
    fill = int(width * done / max(1, total))
    rate = done / max(1e-9, time.perf_counter() - started)
    sys.stderr.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {done}/{total} bouts "
                     f"({rate:.0f}/s)")
    sys.stderr.flush()


def main(argv: list[str]) -> int:
    """Entry point for `main.py sim`; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.bouts < 1:
        print("sim: --bouts must be at least 1", file=sys.stderr)
        return 2
    try:
        rules = Rules(rounds=args.rounds, preset=args.preset)
    except ValueError as exc:
        print(f"sim: {exc}", file=sys.stderr)
        return 2
    (name_a, a), (name_b, b) = args.a, args.b
    started = time.perf_counter()
    show = sys.stderr.isatty() and not args.json
    progress = (lambda done, total: _bar(done, total, started)) if show else None
    chunk = max(1, min(5000, (args.bouts + 1) // 2))
    res = simulate(a, b, args.bouts, rules, seed=args.seed,
                   difficulty=(args.difficulty, args.difficulty), processes=args.processes,
                   chunk=chunk, progress=progress)
    elapsed = time.perf_counter() - started
    if show:
        sys.stderr.write("\n")
    summary = res.summary()
    summary.update({"a": name_a, "b": name_b, "rounds": args.rounds, "seed": args.seed,
                    "seconds": round(elapsed, 2)})
    if args.json:
        print(json.dumps(summary))
        return 0
    n = summary["bouts"]
    pct = lambda k: 100.0 * k / n
    print(f"{name_a} vs {name_b}: {n} bouts of {args.rounds} rounds, seed {args.seed} "
          f"({elapsed:.1f} s)")
    print(f"  {name_a:<24} wins {pct(summary['a_wins']):5.1f}%")
    print(f"  {name_b:<24} wins {pct(summary['b_wins']):5.1f}%")
    print(f"  {'draws':<24}      {pct(summary['draws']):5.1f}%")
    print("methods:")
    for method, count in summary["methods"].items():
        print(f"  {method:<5} {pct(count):5.1f}%  {'#' * round(pct(count) / 2)}")
    print("stoppages by round:")
    top = max(summary["stoppage_rounds"].values(), default=0) or 1
    for rnd, count in summary["stoppage_rounds"].items():
        print(f"  {rnd:>2} {count:6d}  {'#' * round(30 * count / top)}")
    return 0
