"""``still-a-fighter story``: play story mode, or let the machine play it.

    still-a-fighter story                         the story's slot screen
    still-a-fighter story --scene hub             a new game straight into Adrian's
    still-a-fighter story --headless --autoplay [--seed S] [--difficulty D]
        plays the whole story: automatic choices, auto-trained drills, a CPU in Rocky's
        place; one line per chapter and the ending; exit 0
"""
from __future__ import annotations

import argparse
import sys

from game import cli_args
from game.story.tv import TV_BOUTS


def build_parser() -> argparse.ArgumentParser:
    p = cli_args.ArgumentParser(prog="still-a-fighter story", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--autoplay", action="store_true",
                   help="play the whole story with no player (needs --headless)")
    p.add_argument("--headless", action="store_true", help="no window, no sound")
    p.add_argument("--seed", type=cli_args.seed, default=1, metavar="S", help="the playthrough's seed")
    p.add_argument("--difficulty", default="medium", choices=["easy", "medium", "hard"],
                   help="how hard Dixon fights (default: medium)")
    p.add_argument("--choice", type=_choice_index, default=0, metavar="N",
                   help="autoplay picks the Nth choice of every question (default 0)")
    p.add_argument("--tv-bouts", type=int, default=TV_BOUTS, metavar="N",
                   help=f"bouts the TV's virtual fight simulates (default {TV_BOUTS}, as in "
                        "the game: the same seed shows the same broadcast)")
    p.add_argument("--scene", default="story", choices=["story", "hub"],
                   help="where the game starts: the slot screen or Adrian's")
    p.add_argument("--data-dir", metavar="DIR", help="keep saves in DIR")
    p.add_argument("--frames", type=cli_args.int_range(1, 10**9), metavar="N",
                   help="quit after N frames")
    p.add_argument("--screenshot", metavar="PATH", help="save the last frame as a PNG")
    return p


def _choice_index(text: str) -> int:
    """--choice: 0 .. one less than the most choices any question of the story offers (a
    larger one was silently clamped to the last choice)."""
    from game.story.dialogue import load_dialogues

    most = max((len(node.choices) for d in load_dialogues().values()
                for node in d.nodes.values()), default=1)
    return cli_args.int_range(0, most - 1)(text)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.autoplay:
        if not args.headless:
            print("--autoplay needs --headless", file=sys.stderr)
            return 2
        from game.story.autoplay import Autoplay

        if args.tv_bouts < 1:
            print("--tv-bouts must be at least 1", file=sys.stderr)
            return 2
        Autoplay(args.seed, args.difficulty, choice=args.choice, tv_bouts=args.tv_bouts,
                 say=lambda line: print(line, flush=True)).run()
        return 0
    from game.cli import main as game_main

    forward = ["--scene", args.scene, "--seed", str(args.seed)]
    if args.headless:
        forward.append("--headless")
    if args.data_dir:
        forward += ["--data-dir", args.data_dir]
    if args.frames:
        forward += ["--frames", str(args.frames)]
    if args.screenshot:
        forward += ["--screenshot", args.screenshot]
    return game_main(forward)
