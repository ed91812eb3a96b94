"""`still-a-fighter train ...`: the drills from the command line.

  still-a-fighter train --list
  still-a-fighter train heavy_bag --headless --autoplay perfect [--fighter rocky --age 60]
  still-a-fighter train mitts                     # straight into the drill, in a window

With --headless and --autoplay the drill is played through its real scene by a scripted player
(perfect, sloppy or idle) as fast as the machine runs, and the last line is
``score <number> grade <name>``. Scripted runs never touch the player's best scores.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from game import cli_args

MAX_TICKS = 60 * 60 * 20  # twenty minutes of game time: far more than any drill


def build_parser() -> argparse.ArgumentParser:
    p = cli_args.ArgumentParser(prog="still-a-fighter train",
                                description="Training drills from the command line.")
    p.add_argument("drill", nargs="?", help="drill id (see --list)")
    p.add_argument("--list", action="store_true", help="print the drill ids, one a line")
    p.add_argument("--fighter", default="rocky", help="fighter id (default: rocky)")
    p.add_argument("--age", type=int, default=None, help="20..65 (default: his age in the story)")
    p.add_argument("--autoplay", choices=("perfect", "sloppy", "idle"), default=None,
                   help="a scripted player plays the drill")
    p.add_argument("--headless", action="store_true",
                   help="no window; with --autoplay, play the drill to its end and print it")
    p.add_argument("--seed", type=cli_args.seed, default=1, help="seed of the drill's calls")
    p.add_argument("--frames", type=cli_args.int_range(1, 10**9), default=None,
                   help="stop after N frames")
    p.add_argument("--screenshot", default=None, help="save the last frame to this PNG")
    p.add_argument("--data-dir", default=None, help="keep best scores in DIR")
    return p


def run_headless(drill_id: str, mode: str, *, fighter_id: str = "rocky", age: int | None = None,
                 seed: int = 1, app: Any = None) -> tuple[Any, Any]:
    """Play a drill through its real scene with a scripted player; (drill scene, app)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.app import App
    from game.states.training.drill import DrillScene

    if app is None:
        app = App(headless=True, seed=seed, sound=False)
    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id=drill_id, fighter_id=fighter_id, age=age,
                           autoplay=mode, seed=seed)
    assert isinstance(scene, DrillScene)
    for _ in range(MAX_TICKS):
        if scene.phase == "results":
            return scene, app
        for item in app.input.tick():
            app.stack.handle(item)
        app.stack.update(app.tick)
        app.tick += 1
    raise RuntimeError(f"{drill_id} did not finish in {MAX_TICKS} ticks")


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    from game.training import DrillDataError, list_drills, load_drill

    if args.list:
        print("\n".join(list_drills()))
        return 0
    if not args.drill:
        print("train: name a drill (or --list)", file=sys.stderr)
        return 2
    if args.drill not in list_drills():  # one line naming the choices, not the data path
        print(f"train: no such drill {args.drill!r} (one of: {', '.join(list_drills())})",
              file=sys.stderr)
        return 2
    try:
        load_drill(args.drill)
    except DrillDataError as exc:
        print(f"train: {exc}", file=sys.stderr)
        return 2
    from game.combat import list_fighters

    if args.fighter not in list_fighters():
        print(f"train: --fighter: unknown {args.fighter!r}; known: {', '.join(list_fighters())}",
              file=sys.stderr)
        return 2
    if args.age is not None and not 20 <= args.age <= 65:
        print(f"train: --age: must be 20..65, got {args.age}", file=sys.stderr)
        return 2
    if args.data_dir:
        from game import paths

        paths.set_data_dir(args.data_dir)
    if args.headless and args.autoplay and args.frames is None:
        scene, app = run_headless(args.drill, args.autoplay, fighter_id=args.fighter,
                                  age=args.age, seed=args.seed)
        result = scene.result
        if args.screenshot:
            import pygame

            scene.draw(app.screen, 0.0)
            pygame.image.save(app.screen, args.screenshot)
        app.close()
        print(f"{scene.drill.name}: {scene.fighter.name} at {scene.age}, {args.autoplay} player")
        print(f"score {result.score} grade {result.grade}")
        return 0
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    from game.app import App

    app = App(headless=args.headless, seed=args.seed, sound=not args.headless)
    code = app.run("training", frames=args.frames, screenshot=args.screenshot,
                   on_first_frame=lambda: app.stack.push(
                       "drill", drill_id=args.drill, fighter_id=args.fighter, age=args.age,
                       autoplay=args.autoplay, seed=args.seed))
    app.close()
    return code
