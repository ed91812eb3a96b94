"""Synthesize missing sounds in a separate, low-priority process.

Synthesis is numpy-heavy Python; on a thread of the game it would compete with the game
loop for the GIL and stutter the first launch. A child process
(``main(CACHE_ROOT, names...)`` in a fresh interpreter) fills the cache instead, and the
game's loader thread picks each file up as soon as it appears (files are written
atomically). If the child cannot start or dies, the loader builds what is missing itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from game.audio import bank
from game.paths import PACKAGE_DIR

_IMPORT_ROOT = PACKAGE_DIR.parent  # the folder that holds the `game` package
# Not "-m game.audio.builder": the package imports this module first, and runpy warns.
_CHILD = "import sys; from game.audio.builder import main; sys.exit(main(sys.argv[1:]))"


def missing(cache: bank.SoundCache) -> list[tuple[str, int]]:
    """Takes that are neither cached nor replaced by an artist's file."""
    if cache.dir is None:
        return []
    out = []
    for name in bank.BUILD_ORDER:
        if bank.override_path(name) is not None:
            continue
        for v in range(bank.SOUND_DEFS[name].variants):
            if not (cache.dir / cache.file_name(name, v)).is_file():
                out.append((name, v))
    return out


def spawn(cache_root: Path) -> subprocess.Popen[bytes] | None:
    """Start the builder process; None if it cannot start (the caller builds in-process)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_IMPORT_ROOT), env.get("PYTHONPATH")) if p)
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0
    try:
        return subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(cache_root)],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            creationflags=flags,
        )
    except (OSError, ValueError):
        return None


def main(argv: list[str] | None = None) -> int:
    """Fill the cache under argv[0] with the named sounds (default: all), in build order."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: builder CACHE_ROOT [names...]", file=sys.stderr)
        return 2
    if hasattr(os, "nice"):
        try:
            os.nice(10)  # the game comes first on a two-core machine
        except OSError:
            pass
    cache = bank.SoundCache(Path(args[0]))
    names = args[1:] or list(bank.BUILD_ORDER)
    for name in names:
        if bank.override_path(name) is not None:
            continue
        for v in range(bank.SOUND_DEFS[name].variants):
            cache.load_or_build(name, v)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
