"""`still-a-fighter replay PATH`: watch a replay in the ring, or with --headless re-run it and
check that it is the very fight it recorded (prints the result and the cards like `versus`,
then `replay verified`). A file that cannot be that fight is one line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from game import cli_args


def build_parser() -> argparse.ArgumentParser:
    p = cli_args.ArgumentParser(prog="still-a-fighter replay",
                                description="Watch a replay file, or check it with --headless.")
    p.add_argument("path", help="a replay file (.json), e.g. from versus --save-replay")
    p.add_argument("--headless", action="store_true",
                   help="no window: re-run the bout, print its result and check the recording")
    p.add_argument("--data-dir", metavar="DIR", default=None,
                   help="keep settings in DIR instead of the user folder")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    from game.bout.replay import ReplayError, load, verify

    try:
        replay = load(args.path)
    except ReplayError as exc:
        print(f"replay: {exc}", file=sys.stderr)
        return 1
    if args.data_dir:
        from game import paths

        paths.set_data_dir(args.data_dir)
    if args.headless:
        from game.versus_cli import format_result

        try:
            session = verify(replay)
        except ReplayError as exc:
            print(f"replay: {exc}", file=sys.stderr)
            return 1
        s = replay.setup
        names = s.names()
        print(f"{names[0]} ({s.sides[0].age}) vs {names[1]} ({s.sides[1].age}), "
              f"{s.rounds} rounds, seed {s.seed}")
        if session.result is not None:
            print(format_result(s, session.result))
        else:
            print(f"Stopped after {session.ticks} ticks (no decision)")
        print("replay verified")
        return 0
    from game.app import App
    from game.cli import check_pygame

    error = check_pygame()
    if error:
        print(error, file=sys.stderr)
        return 2
    app = App(headless=False, seed=replay.setup.seed, sound=True)
    code = app.run("menu", on_first_frame=lambda: app.stack.push("replay", replay=replay))
    app.close()
    return code
