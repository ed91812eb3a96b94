"""Synthesize missing sounds in a separate, low-priority process.

Synthesis is numpy-heavy Python; on a thread of the game it would compete with the game
loop for the GIL and stutter the first launch. A child process
(``main(CACHE_ROOT, names...)`` in a fresh interpreter) fills the cache instead, and the
game's loader thread picks each file up as soon as it appears (files are written
atomically). If the child cannot start or dies, the loader builds what is missing itself.

One builder per cache (a file lock): a second game started meanwhile waits for the first one's
files. The builder leaves with the game that started it (terminated by ``Audio.close``, or on
its own when its parent disappears), deletes the take it was writing, and builds the title
screen's sounds first at full priority, the rest niced.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

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


BUSY = 3  # exit status of a builder that found another one at work on the same cache
LOCK_NAME = "builder.lock"
_STALE_TMP_S = 60.0  # a temp file older than this belongs to nobody any more


def title_sounds() -> tuple[str, ...]:
    """What the title screen plays: built first, at full priority (the rest is niced)."""
    order = bank.BUILD_ORDER
    return order[: order.index("menu") + 1]


class CacheLock:
    """One builder per cache folder: an OS file lock on ``<cache root>/builder.lock``.

    The OS drops the lock when its holder dies, so a killed builder never blocks the next one.
    """

    def __init__(self, cache_root: Path) -> None:
        self.path = Path(cache_root) / LOCK_NAME
        self._fh: Any = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False if another process holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing the file releases the lock
            self._fh = None


def busy(cache_root: Path) -> bool:
    """True while some builder process is filling this cache."""
    lock = CacheLock(cache_root)
    try:
        if lock.acquire():
            lock.release()
            return False
    except OSError:
        return False
    return True


def remove_temp_files(folder: Path | None, pid: int | None = None) -> int:
    """Delete half-written takes: those of ``pid``, or (pid None) stale ones of any process."""
    if folder is None or not folder.is_dir():
        return 0
    removed = 0
    pattern = f"*.tmp{pid}" if pid is not None else "*.tmp*"
    for path in folder.glob(pattern):
        try:
            if pid is None and time.time() - path.stat().st_mtime < _STALE_TMP_S \
                    and _alive(path.suffix.removeprefix(".tmp")):
                continue  # another process is writing it right now
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _alive(pid_text: str) -> bool:
    if os.name == "nt" or not pid_text.isdigit():
        return True  # cannot tell: rely on the age of the file
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def spawn(cache_root: Path) -> subprocess.Popen[bytes] | None:
    """Start the builder process; None if it cannot start (the caller builds in-process)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_IMPORT_ROOT), env.get("PYTHONPATH")) if p)
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0
    try:
        return subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(cache_root), f"--parent={os.getpid()}"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            creationflags=flags,
        )
    except (OSError, ValueError):
        return None


def stop(proc: subprocess.Popen[bytes] | None, cache_dir: Path | None) -> None:
    """End a builder (the game is leaving) and delete the take it was writing."""
    if proc is None:
        return
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(2.0)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(2.0)
    remove_temp_files(cache_dir, proc.pid)


def _watch_parent(parent_pid: int, cache_dir: Path | None) -> None:
    """Leave as soon as the game that started us is gone (killed, crashed, closed)."""
    while True:
        time.sleep(0.25)
        if os.getppid() != parent_pid:
            remove_temp_files(cache_dir, os.getpid())
            os._exit(0)


def main(argv: list[str] | None = None) -> int:
    """Fill the cache under argv[0] with the named sounds (default: all), in build order.

    ``--parent=PID``: exit when that process is gone. Exits BUSY if another builder is at work.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    parent = [a for a in args if a.startswith("--parent=")]
    args = [a for a in args if not a.startswith("--parent=")]
    if not args:
        print("usage: builder CACHE_ROOT [names...] [--parent=PID]", file=sys.stderr)
        return 2
    lock = CacheLock(Path(args[0]))
    if not lock.acquire():
        return BUSY
    try:
        cache = bank.SoundCache(Path(args[0]))
        remove_temp_files(cache.dir)
        if parent:
            threading.Thread(target=_watch_parent, args=(int(parent[0].split("=")[1]), cache.dir),
                             daemon=True).start()
        if hasattr(signal, "SIGTERM") and threading.current_thread() is threading.main_thread():
            def on_term(_sig: int, _frame: Any) -> None:
                remove_temp_files(cache.dir, os.getpid())
                os._exit(0)

            signal.signal(signal.SIGTERM, on_term)
        names = args[1:] or list(bank.BUILD_ORDER)
        first = [n for n in names if n in title_sounds()]
        for name in first + [n for n in names if n not in first]:
            if name not in first:
                _lower_priority()
            if bank.override_path(name) is not None:
                continue
            for v in range(bank.SOUND_DEFS[name].variants):
                cache.load_or_build(name, v)
    finally:
        lock.release()
    return 0


def _lower_priority() -> None:
    """After the title's sounds, give way to the game (two cores, one of them the game's)."""
    global _niced
    if _niced or not hasattr(os, "nice"):
        return
    _niced = True
    try:
        os.nice(10)
    except OSError:
        pass


_niced = False


if __name__ == "__main__":
    raise SystemExit(main())
