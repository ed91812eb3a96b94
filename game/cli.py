"""Command line: ``still-a-fighter`` / ``python main.py`` start the game; subcommands run tools.

Heavy modules (pygame, numpy, the game) are imported only after the arguments are parsed, so
``--help`` is instant and start-up stays quick.
"""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

PROCESS_START = time.perf_counter()

SUBCOMMANDS = {
    "sim": ("game.sim_cli", "Virtual Fight from the command line (simulate many bouts)"),
    "versus": ("game.versus_cli", "run a versus bout from the command line"),
    "replay": ("game.replay_cli", "watch a saved replay, or check it (--headless)"),
    "story": ("game.story_cli", "story mode; --headless --autoplay plays it all"),
    "train": ("game.train_cli", "training drills: --list, or play one (--headless --autoplay)"),
}

EPILOG = """\
subcommands (each has its own --help):
  sim ...      Virtual Fight: simulate many bouts between two fighters and print the odds
  versus ...   run a versus bout from the command line
  replay PATH  watch a replay file; with --headless check that it is the fight it recorded
  story ...    story mode (--scene hub starts at Adrian's; --headless --autoplay plays it all)
  train ...    training drills: --list, or DRILL [--headless --autoplay perfect|sloppy|idle]

examples:
  still-a-fighter                                  play
  still-a-fighter --fullscreen
  still-a-fighter --headless --frames 120 --scene menu --screenshot menu.png
  still-a-fighter sim --help

Settings, saves and crash logs live in the user data folder (see README), or in
$STILL_A_FIGHTER_HOME / --data-dir when given.
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="still-a-fighter",
        description="Still a Fighter: an arcade boxing game.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--headless", action="store_true",
                   help="no window and no sound card (SDL dummy drivers); runs as fast as it can")
    p.add_argument("--frames", type=int, metavar="N",
                   help="quit after N frames (in --headless mode one frame = one 1/60 s tick)")
    p.add_argument("--seed", type=int, metavar="S",
                   help="seed for everything random in the game (default: from the clock)")
    p.add_argument("--screenshot", metavar="PATH",
                   help="save the last frame as a PNG at PATH when the game ends")
    p.add_argument("--scene", metavar="NAME", default="title",
                   help="start in this scene (default: title); overlays start over the menu")
    p.add_argument("--list-scenes", action="store_true", help="print the scene names and exit")
    p.add_argument("--log-level", default="WARNING", metavar="LEVEL",
                   choices=["DEBUG", "INFO", "WARNING", "ERROR", "debug", "info", "warning",
                            "error"],
                   help="DEBUG, INFO, WARNING (default) or ERROR")
    p.add_argument("--fullscreen", action="store_true", default=None,
                   help="start in fullscreen (F11 or Alt+Enter toggles while playing)")
    p.add_argument("--scale", type=float, metavar="K",
                   help="windowed size = 1280x720 times K (e.g. 0.75, 1.5)")
    p.add_argument("--no-sound", action="store_true", help="do not start the sound")
    p.add_argument("--data-dir", metavar="DIR",
                   help="keep settings, saves and crash logs in DIR instead of the user folder")
    p.add_argument("--script", metavar="FILE",
                   help="JSON list of scripted input for tests and demos: "
                        '[{"frame": 10, "press": "return"}, {"frame": 50, "focus_lost": true}, '
                        '{"frame": 60, "click": [640, 360]}]')
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of ``python main.py``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        return _run_subcommand(argv[0], argv[1:])
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(levelname)s %(name)s: %(message)s")
    if args.list_scenes:
        from game.states import registry

        print("\n".join(registry.names()))
        return 0
    if args.headless:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    error = check_pygame()
    if error:
        print(error, file=sys.stderr)
        return 2
    if args.data_dir:
        from game import paths

        paths.set_data_dir(args.data_dir)
    from game.states import registry

    if not registry.is_registered(args.scene):
        print(f"unknown scene {args.scene!r}; known scenes: {', '.join(registry.names())}",
              file=sys.stderr)
        return 2
    script = load_script(args.script) if args.script else None

    from game.app import App

    app = App(headless=args.headless, seed=args.seed, fullscreen=args.fullscreen,
              scale=args.scale, sound=not args.no_sound)
    log = logging.getLogger("game")
    code = app.run(args.scene, frames=args.frames, screenshot=args.screenshot, script=script,
                   on_first_frame=lambda: log.info(
                       "first frame after %.0f ms", (time.perf_counter() - PROCESS_START) * 1000))
    log.info("stopped after %d frames, %d ticks", app.frame, app.tick)
    app.close()
    return code


def check_pygame() -> str | None:
    """pygame-ce is required; classic pygame installed in its place gets a clear message."""
    try:
        import pygame
    except ImportError:
        return ("pygame-ce is not installed. Install the game with: pip install -e .")
    if not getattr(pygame, "IS_CE", False):
        return ("This game needs pygame-ce, but classic pygame is installed in its place.\n"
                "Fix: pip uninstall -y pygame && pip install --force-reinstall 'pygame-ce>=2.5.8'")
    return None


def _run_subcommand(name: str, argv: list[str]) -> int:
    module_name, what = SUBCOMMANDS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        print(f"'{name}' ({what}) is not built yet: {module_name} is missing.", file=sys.stderr)
        return 2
    result = module.main(argv)
    return int(result or 0)


def load_script(path: str) -> dict[int, list[Any]]:
    """Read a --script file into {frame: [pygame events]}. A press is KEYDOWN now, KEYUP 2 later."""
    import pygame

    from game.input.manager import key_code

    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SystemExit(f"--script {path}: {exc}") from None
    if not isinstance(items, list):
        raise SystemExit(f"--script {path}: must be a JSON list")
    out: dict[int, list[Any]] = {}
    for i, item in enumerate(items):
        try:
            frame = int(item["frame"])
            if "press" in item:
                key = key_code(item["press"])
                out.setdefault(frame, []).append(
                    pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, scancode=0, unicode=""))
                out.setdefault(frame + 2, []).append(
                    pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0, unicode=""))
            elif item.get("focus_lost"):
                out.setdefault(frame, []).append(pygame.event.Event(pygame.WINDOWFOCUSLOST))
            elif "click" in item:
                x, y = item["click"]
                for t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                    data: dict[str, Any] = {"pos": (x, y)}
                    if t == pygame.MOUSEMOTION:
                        data.update(rel=(0, 0), buttons=(0, 0, 0))
                    else:
                        data.update(button=1)
                    out.setdefault(frame + (t == pygame.MOUSEBUTTONUP), []).append(
                        pygame.event.Event(t, data))
            else:
                raise KeyError("press | focus_lost | click")
        except (KeyError, TypeError, ValueError) as exc:
            raise SystemExit(f"--script {path}: item {i}: {exc}") from None
    return out
