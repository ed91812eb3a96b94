"""`python main.py versus ...`: straight into a bout, or (--headless) a whole bout as fast as the
machine runs, through the real ring / corner / results scenes, printing result and scorecards.

  python main.py versus --p1 cpu --p2 cpu --fighter1 rocky --age1 60 --fighter2 dixon --age2 30 \
      --rounds 10 --difficulty hard --headless
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from game import cli_args
from game.bout.setup import (
    CLOCK_SPEEDS,
    DIFFICULTIES,
    MAX_AGE,
    MIN_AGE,
    BoutSetup,
    SideSetup,
)

MAX_HEADLESS_TICKS = 60 * 60 * 60  # an hour of game time: far more than 12 real-time rounds


def build_parser() -> argparse.ArgumentParser:
    p = cli_args.ArgumentParser(
        prog="still-a-fighter versus", description="Run a Versus bout from the command line."
    )
    p.add_argument("--p1", choices=("human", "cpu"), default="human", help="who controls red")
    p.add_argument("--p2", choices=("human", "cpu"), default="cpu", help="who controls blue")
    p.add_argument("--fighter1", default="rocky", help="red corner's fighter id (default: rocky)")
    p.add_argument("--fighter2", default="dixon", help="blue corner's fighter id (default: dixon)")
    p.add_argument("--age1", type=int, default=None,
                   help=f"red corner's age, {MIN_AGE}..{MAX_AGE} (default: his prime)")
    p.add_argument("--age2", type=int, default=None,
                   help=f"blue corner's age, {MIN_AGE}..{MAX_AGE} (default: his prime)")
    p.add_argument("--rounds", type=int, default=3, help="1..12 (default: 3)")
    p.add_argument(
        "--difficulty",
        choices=DIFFICULTIES,
        default="medium",
        help="CPU difficulty (both CPU sides)",
    )
    p.add_argument(
        "--difficulty2",
        choices=DIFFICULTIES,
        default=None,
        help="a different difficulty for the blue CPU",
    )
    p.add_argument(
        "--clock-speed",
        type=int,
        choices=CLOCK_SPEEDS,
        default=3,
        help="fight-clock seconds per real second (1 = real time)",
    )
    p.add_argument("--preset", choices=("classic", "unified"), default="classic",
                   help="rule set: classic (default) or unified")
    p.add_argument("--seed", type=cli_args.seed, default=1,
                   help="seed of the bout, 0 .. 2**63-1 (default: 1)")
    p.add_argument(
        "--headless",
        action="store_true",
        help="no window; without --frames, play the bout to its end and print it",
    )
    p.add_argument("--frames", type=cli_args.int_range(1, 10**9), default=None,
                   help="stop after N frames")
    p.add_argument("--screenshot", default=None, help="save the last frame to this PNG")
    p.add_argument("--intro", action="store_true", help="start with the ring introduction")
    p.add_argument("--save-replay", metavar="PATH", default=None,
                   help="with --headless: write the bout's replay file to PATH")
    return p


def setup_from_args(args: argparse.Namespace) -> BoutSetup:
    """Validate the arguments into a BoutSetup; raises ValueError with a readable message."""
    from game.combat import list_fighters, load_fighter

    known = list_fighters()
    sides = []
    for i, (who, fid, age) in enumerate(
        ((args.p1, args.fighter1, args.age1), (args.p2, args.fighter2, args.age2))
    ):
        if fid not in known:
            raise ValueError(
                f"--fighter{i + 1}: unknown fighter {fid!r}; known: {', '.join(known)}"
            )
        if age is None:
            age = max(MIN_AGE, min(MAX_AGE, load_fighter(fid).prime_age))
        if not MIN_AGE <= age <= MAX_AGE:
            raise ValueError(f"--age{i + 1}: must be {MIN_AGE}..{MAX_AGE}, got {age}")
        diff = args.difficulty2 if (i == 1 and args.difficulty2) else args.difficulty
        control = "cpu" if who == "cpu" else f"human{i + 1}"
        sides.append(SideSetup(fid, age, control, diff))
    if not 1 <= args.rounds <= 12:
        raise ValueError(f"--rounds: must be 1..12, got {args.rounds}")
    return BoutSetup(
        (sides[0], sides[1]),
        rounds=args.rounds,
        clock_speed=args.clock_speed,
        preset=args.preset,
        seed=args.seed,
    )


def format_result(setup: BoutSetup, result: Any) -> str:
    """The result the way a ring announcer's card reads, plus the judges' cards."""
    from game.states.versus.data import load_versus_text

    text = load_versus_text()
    names = setup.names()
    secs = int(result.time_seconds)
    if result.winner is None:
        head = "Result: DRAW"
    else:
        head = f"Winner: {names[result.winner]} ({'red' if result.winner == 0 else 'blue'} corner)"
    lines = [
        head,
        f"Method: {result.method} ({text.method(result.method)})",
        f"Round: {result.round} of {setup.rounds} at {secs // 60}:{secs % 60:02d}",
        "Scorecards (red-blue per round, then total):",
    ]
    for j, card in enumerate(result.scorecards):
        rounds = [f"{a}-{b}" for a, b in card]
        tot = (sum(a for a, _ in card), sum(b for _, b in card))
        judge = text.judges[j] if j < len(text.judges) else f"Judge {j + 1}"
        lines.append(f"  {judge:<16} {' '.join(rounds)}  = {tot[0]}-{tot[1]}")
    return "\n".join(lines)


def run_headless_bout(setup: BoutSetup, *, present: bool = False) -> tuple[Any, Any]:
    """Play a bout through the real scenes with no window and no throttle.

    Returns (results scene, app). The ring is drawn only if `present` (slower)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.app import App
    from game.states.versus.results import VersusResultsScene

    app = App(headless=True, seed=setup.seed, sound=False)
    app.stack.push("ring", setup=setup, present=present)
    tick = 0
    while not isinstance(app.stack.top, VersusResultsScene):
        if tick >= MAX_HEADLESS_TICKS or app.stack.top is None:
            raise RuntimeError(f"bout did not finish in {tick} ticks")
        for item in app.input.tick():
            app.stack.handle(item)
        app.stack.update(tick)
        tick += 1
    return app.stack.top, app


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        setup = setup_from_args(args)
    except ValueError as exc:
        print(f"versus: {exc}", file=sys.stderr)
        return 2
    if args.headless and args.frames is None:
        t0 = time.perf_counter()
        results, app = run_headless_bout(setup)
        print(
            f"{setup.names()[0]} ({setup.sides[0].age}) vs {setup.names()[1]} "
            f"({setup.sides[1].age}), {setup.rounds} rounds, seed {setup.seed}"
        )
        print(format_result(setup, results.result))
        print(f"(simulated in {time.perf_counter() - t0:.1f} s)")
        if args.save_replay:
            from game.bout.replay import save

            try:
                path = save(results.session.replay(), args.save_replay)
            except OSError as exc:
                print(f"versus: cannot write the replay to {args.save_replay}: "
                      f"{exc.strerror or exc}", file=sys.stderr)
                return 1
            print(f"replay saved to {path}")
        close = getattr(app, "close", None)
        if close:
            close()
        return 0
    if args.save_replay:
        print("versus: --save-replay needs --headless (in the game: Save replay on the results)",
              file=sys.stderr)
        return 2
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    from game.app import App, WindowError

    try:
        app = App(headless=args.headless, seed=args.seed, sound=not args.headless)
    except WindowError as exc:
        print(f"versus: {exc}", file=sys.stderr)
        return 1
    first = "versus_intro" if args.intro else "ring"
    code = app.run(
        "menu",
        frames=args.frames,
        screenshot=args.screenshot,
        on_first_frame=lambda: app.stack.push(first, setup=setup),
    )
    close = getattr(app, "close", None)
    if close:
        close()
    return code
