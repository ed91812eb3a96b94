"""Where the game keeps its files, and safe JSON reading/writing for them.

The data folder is the platform's user data folder (platformdirs), or ``$STILL_A_FIGHTER_HOME``
when set (tests and portable installs), or the ``--data-dir`` flag.
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)

APP_NAME = "still-a-fighter"
ENV_HOME = "STILL_A_FIGHTER_HOME"
PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


def _data_folder(name: str) -> Path:
    """A top-level data folder of the repository (``assets``, ``levels``).

    A wheel carries them inside the package (``game/assets``, see setup.py); a source checkout
    or an editable install reads them from the top of the repository.
    """
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else REPO_ROOT / name


ASSETS = _data_folder("assets")
LEVELS = _data_folder("levels")

_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Use ``path`` as the data folder for this process (``None`` restores the default)."""
    global _override
    _override = Path(path) if path is not None else None


def data_dir() -> Path:
    """The folder for settings, saves, best scores and crash logs (created on demand)."""
    if _override is not None:
        path = _override
    elif os.environ.get(ENV_HOME):
        path = Path(os.environ[ENV_HOME])
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.json"


def saves_dir() -> Path:
    path = data_dir() / "saves"
    if path.exists() and not path.is_dir():  # a damaged folder: a file where it should be
        moved = quarantine(path)
        log.warning("Damaged data folder: %s was a file, not a folder. Kept it as %s.",
                    path.name, moved.name)
    path.mkdir(parents=True, exist_ok=True)
    return path


def temp_path(path: Path) -> Path:
    """Where ``path`` is written before it replaces the real file: ``.name.<pid>.tmp<ext>``
    (hidden, tagged with the writer's process id, keeping the extension for image writers)."""
    ext = path.suffix if path.suffix != ".json" else ""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp{ext}")


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a temp file, then put it in place of ``path``: a crash, a full disk
    or a read-only folder never leaves a half or empty file. A failed write deletes its temp
    file and raises OSError (a write that produced nothing counts as failed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        write(tmp)
        if tmp.stat().st_size == 0:
            raise OSError(28, "nothing was written (is the disk full?)")
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON so a crash mid-write never leaves a half file: temp file, fsync, replace."""

    def dump(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())

    write_atomic(path, dump)


def remove_stale_temp_files(folder: Path | None = None) -> int:
    """Delete temp files (see temp_path) left by killed or failed writes; returns how many.

    Run at start: a file of a process that is still running (another copy of the game) stays.
    """
    removed = 0
    folders = [folder] if folder is not None else [data_dir(), data_dir() / "saves",
                                                    data_dir() / "screenshots"]
    for where in folders:
        if not where.is_dir():
            continue
        for path in where.glob(".*.tmp*"):
            parts = path.name.split(".")
            if "tmp" not in parts[2:]:
                continue  # not one of ours
            pid = parts[parts.index("tmp", 2) - 1]
            if pid.isdigit() and int(pid) != os.getpid() and _process_alive(int(pid)):
                continue
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def _process_alive(pid: int) -> bool:
    if os.name == "nt":
        return False  # no cheap check; temp files are only seconds old while in use
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _corrupt_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while dest.exists():
        dest = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    return dest


def quarantine(path: Path) -> Path:
    """Move a bad file aside (``name.corrupt-YYYYmmdd-HHMMSS``) and return the new path."""
    dest = _corrupt_name(path)
    os.replace(path, dest)
    return dest


def keep_copy(path: Path) -> Path:
    """Copy a partly bad file aside (same name as quarantine) before it is repaired."""
    import shutil

    dest = _corrupt_name(path)
    shutil.copyfile(path, dest)
    return dest


class BadFile(Exception):
    """A data file that exists but cannot be used; the message names the file and field."""


def read_json(path: Path) -> Any:
    """Read JSON; raises BadFile with the file name on unreadable or malformed content."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BadFile(f"{path.name}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise BadFile(f"{path.name}: cannot read ({exc.strerror})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadFile(f"{path.name}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    except RecursionError:
        raise BadFile(f"{path.name}: nested too deeply to be a game file") from None


def load_json_or_quarantine(path: Path, parse: Callable[[Any, str], T]) -> tuple[T | None, str | None]:
    """Load a JSON data file (save, best scores) through ``parse(data, file_name)``.

    Returns (value, None); (None, None) when the file does not exist; or, when the file is
    unreadable or ``parse`` raises BadFile/ValueError, moves it aside and returns
    (None, message) so the caller can show the message and go on with defaults.
    """
    if not path.exists():
        return None, None
    try:
        return parse(read_json(path), path.name), None
    except (BadFile, ValueError, KeyError, TypeError, RecursionError) as exc:
        detail = str(exc) if str(exc).startswith(path.name) else f"{path.name}: {exc}"
        try:
            moved = quarantine(path)
            message = f"Damaged file {detail}. Kept a copy as {moved.name}."
        except OSError as move_exc:
            message = f"Damaged file {detail}. It could not be moved aside ({move_exc})."
        log.warning(message)
        return None, message
