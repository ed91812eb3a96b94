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

from game import cli_args

PROCESS_START = time.perf_counter()

# name -> (module with ``main(argv: list[str]) -> int``, one line for --help). Adding a command:
# one line here (plus one in FORWARDED if it takes some of the global options); see
# docs/contracts.md.
SUBCOMMANDS = {
    "sim": ("game.sim_cli", "Virtual Fight: simulate many bouts between two fighters"),
    "versus": ("game.versus_cli", "straight into a Versus bout (--headless: play it, print it)"),
    "replay": ("game.replay_cli", "watch a replay file (--headless: check it is that fight)"),
    "story": ("game.story_cli", "story mode; --headless --autoplay plays it all"),
    "train": ("game.train_cli", "training drills: --list, or play one (--headless --autoplay)"),
}
# Global options that a subcommand also takes: given before the subcommand they are passed on
# (``still-a-fighter --headless versus`` = ``still-a-fighter versus --headless``).
FORWARDED: dict[str, tuple[str, ...]] = {
    "sim": ("seed",),
    "versus": ("headless", "frames", "screenshot", "seed"),
    "replay": ("headless",),
    "train": ("headless", "frames", "screenshot", "seed"),
    "story": ("headless", "seed"),
}
# Global options that every subcommand honours (they act before it starts).
FOR_EVERY_COMMAND = ("log_level", "data_dir", "headless")

EPILOG = """\
examples:
  still-a-fighter                                  play
  still-a-fighter --fullscreen
  still-a-fighter --headless --frames 120 --scene menu --screenshot menu.png
  still-a-fighter sim rocky@30 dixon@30 --bouts 1000
  still-a-fighter --data-dir saves versus --p1 cpu --p2 cpu --headless
  still-a-fighter COMMAND --help                   the options of one command

Settings, saves and crash logs live in the user data folder (see README), or in
$STILL_A_FIGHTER_HOME / --data-dir when given.
"""
NO_DISPLAY = ("no display found ({why}); to run without a window use --headless, "
              "e.g. still-a-fighter --headless --frames 600 --screenshot shot.png")


def version() -> str:
    """The installed version, or pyproject's when run from a checkout that is not installed."""
    from importlib import metadata

    try:
        return metadata.version("still-a-fighter")
    except metadata.PackageNotFoundError:
        import tomllib

        from game.paths import REPO_ROOT

        try:
            with open(REPO_ROOT / "pyproject.toml", "rb") as fh:
                return str(tomllib.load(fh)["project"]["version"]) + " (not installed)"
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "unknown"


def build_parser() -> argparse.ArgumentParser:
    p = cli_args.ArgumentParser(
        prog="still-a-fighter",
        description="Still a Fighter: an arcade boxing game. With no command, play.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {version()}",
                   help="print the version and exit")
    p.add_argument("--headless", action="store_true",
                   help="no window and no sound card (SDL dummy drivers); runs as fast as it can")
    p.add_argument("--frames", type=cli_args.int_range(1, 10**9), metavar="N",
                   help="quit after N frames (in --headless mode one frame = one 1/60 s tick)")
    p.add_argument("--seed", type=cli_args.seed, metavar="S",
                   help="seed for everything random in the game, 0 .. 2**63-1 "
                        "(default: from the clock)")
    p.add_argument("--screenshot", metavar="PATH",
                   help="save the last frame as a PNG at PATH when the game ends")
    p.add_argument("--scene", metavar="NAME", default="title",
                   help="start in this scene (default: title); overlays start over the menu")
    p.add_argument("--list-scenes", action="store_true", help="print the names --scene opens and exit")
    p.add_argument("--log-level", default="WARNING", metavar="LEVEL",
                   choices=["DEBUG", "INFO", "WARNING", "ERROR", "debug", "info", "warning",
                            "error"],
                   help="DEBUG, INFO, WARNING (default) or ERROR")
    p.add_argument("--fullscreen", action="store_true", default=None,
                   help="start in fullscreen for this run (F11 or Alt+Enter toggles and saves)")
    p.add_argument("--scale", type=cli_args.scale, metavar="K",
                   help=f"windowed size = 1280x720 times K, {cli_args.SCALE_MIN} .. "
                        f"{cli_args.SCALE_MAX}, for this run (Settings keeps the saved one)")
    p.add_argument("--no-sound", action="store_true", help="do not start the sound")
    p.add_argument("--data-dir", metavar="DIR", type=cli_args.data_dir,
                   help="keep settings, saves and crash logs in DIR instead of the user folder")
    p.add_argument("--script", metavar="FILE",
                   help="JSON list of scripted input for tests and demos: "
                        '[{"frame": 10, "press": "return"}, {"frame": 50, "focus_lost": true}, '
                        '{"frame": 60, "click": [640, 360]}]')
    commands = p.add_subparsers(dest="command", metavar="COMMAND", title="commands",
                                parser_class=argparse.ArgumentParser,
                                description="each has its own --help (still-a-fighter sim --help)")
    for name, (_, what) in SUBCOMMANDS.items():
        # The subcommand's own parser reads the rest of the line (see _run_subcommand).
        commands.add_parser(name, help=what, add_help=False)
    return p


def _reader_gone() -> int:
    """Our output's reader went away (`| head`, `| grep -q`): stop without a traceback, and
    point stdout at nothing so the interpreter's last flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and of ``python main.py``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command is None and rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(levelname)s %(name)s: %(message)s")
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
    else:
        problem = default_data_dir_problem()
        if problem:
            print(f"still-a-fighter: {problem}", file=sys.stderr)
            return 2
    if args.command is not None:
        try:
            code = _run_subcommand(parser, args, rest)
            sys.stdout.flush()  # inside the guard: a piped stdout writes its buffer here
            return code
        except BrokenPipeError:
            return _reader_gone()
    if args.list_scenes:
        from game.states import registry

        try:
            print("\n".join(n for n in registry.names() if registry.opens_alone(n)))
            sys.stdout.flush()
        except BrokenPipeError:  # `--list-scenes | head -0`: as the subcommands do
            return _reader_gone()
        return 0
    if not args.headless:
        problem = display_problem()
        if problem:
            print(f"still-a-fighter: {problem}", file=sys.stderr)
            return 1
        prefer_x11()
    from game.states import registry

    if not registry.is_registered(args.scene):
        alone = [n for n in registry.names() if registry.opens_alone(n)]
        print(f"still-a-fighter: unknown scene {args.scene!r}; known scenes: {', '.join(alone)}",
              file=sys.stderr)
        return 2
    if not registry.opens_alone(args.scene):
        alone = [n for n in registry.names() if registry.opens_alone(n)]
        print(f"still-a-fighter: scene {args.scene!r} opens only from within the game; "
              f"--scene opens: {', '.join(alone)}", file=sys.stderr)
        return 2
    try:
        script = load_script(args.script) if args.script else None
    except ScriptError as exc:  # a usage error like any other option's: one line, exit 2
        parser.error(str(exc))

    from game.app import App, WindowError

    try:
        app = App(headless=args.headless, seed=args.seed, fullscreen=args.fullscreen,
                  scale=args.scale, sound=not args.no_sound)
    except WindowError as exc:
        print(f"still-a-fighter: {exc}", file=sys.stderr)
        return 1
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
        return ("still-a-fighter: pygame-ce is not installed; install it with: "
                "pip install 'pygame-ce>=2.5.8'")
    if not getattr(pygame, "IS_CE", False):
        return ("This game needs pygame-ce, but classic pygame is installed in its place.\n"
                "Fix: pip uninstall -y pygame && pip install --force-reinstall 'pygame-ce>=2.5.8'")
    return None


def default_data_dir_problem() -> str | None:
    """Why the data folder from $STILL_A_FIGHTER_HOME (or the user folder) cannot be used; a
    file there or a folder that cannot be made is one line, as --data-dir's are, not a traceback."""
    from game import paths

    where = os.environ.get(paths.ENV_HOME)
    if where:
        name = f"${paths.ENV_HOME}"
    else:
        import platformdirs

        where, name = platformdirs.user_data_dir(paths.APP_NAME, appauthor=False), "data folder"
    try:
        cli_args.data_dir(where)
    except argparse.ArgumentTypeError as exc:
        return f"{name}: {exc} (use --data-dir DIR to choose another)"
    return None


def prefer_x11() -> None:
    """On an X desktop (DISPLAY set, no Wayland) ask SDL for X11 only: when the X server is not
    there, SDL would next try Wayland, whose library prints its own "XDG_RUNTIME_DIR is
    invalid" line before our one-line message."""
    if (sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
            and os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
            and not os.environ.get("SDL_VIDEODRIVER")):
        os.environ["SDL_VIDEODRIVER"] = "x11"


def display_problem() -> str | None:
    """Why no window can open here, before SDL quietly falls back to an invisible one."""
    if os.environ.get("SDL_VIDEODRIVER"):
        return None  # the user chose a driver; trust it
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return NO_DISPLAY.format(why="neither DISPLAY nor WAYLAND_DISPLAY is set")
    return None


def _run_subcommand(parser: argparse.ArgumentParser, args: argparse.Namespace,
                    rest: list[str]) -> int:
    name = args.command
    module_name, what = SUBCOMMANDS[name]
    forwarded = FORWARDED.get(name, ())
    defaults = vars(build_parser().parse_args([]))
    unused = [k for k, v in vars(args).items()
              if k not in (*forwarded, *FOR_EVERY_COMMAND, "command") and v != defaults.get(k)]
    if unused:
        flags = ", ".join("--" + k.replace("_", "-") for k in unused)
        parser.error(f"{flags}: not used by '{name}'")
    before: list[str] = []
    for key in forwarded:
        value = getattr(args, key)
        if value is True:
            before.append("--" + key.replace("_", "-"))
        elif value not in (None, False):
            before += ["--" + key.replace("_", "-"), str(value)]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        print(f"'{name}' ({what}) is not built yet: {module_name} is missing.", file=sys.stderr)
        return 2
    result = module.main(before + rest)
    return int(result or 0)


class ScriptError(ValueError):
    """A --script file that cannot be read or used; the message names the file (and item)."""


def load_script(path: str) -> dict[int, list[Any]]:
    """Read a --script file into {frame: [pygame events]}. A press is KEYDOWN now, KEYUP 2 later.

    Raises ScriptError with a one-line message."""
    import pygame

    from game.input.manager import key_code

    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScriptError(f"--script {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ScriptError(f"--script {path}: not JSON: {exc}") from None
    if not isinstance(items, list):
        raise ScriptError(f"--script {path}: must be a JSON list")
    out: dict[int, list[Any]] = {}
    for i, item in enumerate(items):
        try:
            if not isinstance(item, dict):
                raise TypeError('must be an object such as {"frame": 10, "press": "return"}')
            frame = int(item["frame"])
            if "press" in item:
                try:
                    key = key_code(str(item["press"]))
                except ValueError:
                    raise ValueError(f"unknown key name {item['press']!r}") from None
                out.setdefault(frame, []).append(
                    pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, scancode=0, unicode=""))
                out.setdefault(frame + 2, []).append(
                    pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0, unicode=""))
            elif item.get("focus_lost"):
                out.setdefault(frame, []).append(pygame.event.Event(pygame.WINDOWFOCUSLOST))
            elif "click" in item:
                try:
                    x, y = (int(v) for v in item["click"])
                except (TypeError, ValueError):
                    raise ValueError(f"click must be [x, y], got {item['click']!r}") from None
                for t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                    data: dict[str, Any] = {"pos": (x, y)}
                    if t == pygame.MOUSEMOTION:  # a move onto the spot (a still one is dropped)
                        data.update(rel=(1, 1), buttons=(0, 0, 0))
                    else:
                        data.update(button=1)
                    out.setdefault(frame + (t == pygame.MOUSEBUTTONUP), []).append(
                        pygame.event.Event(t, data))
            else:
                raise KeyError("press | focus_lost | click")
        except KeyError as exc:
            raise ScriptError(f"--script {path}: item {i}: needs {exc.args[0]}") from None
        except (TypeError, ValueError) as exc:
            raise ScriptError(f"--script {path}: item {i}: {exc}") from None
    return out
