"""Replay files: a bout's setup, both sides' buttons per tick (run-length encoded), a hash of
the fighter and move data it was fought under, and a hash of the final model state.

A replay is only ever played as the fight it was: a file recorded under other data, a damaged
file, a wrong version or edited inputs is refused with a one-line `ReplayError` (the game shows
it and goes back; the command line prints it and exits non-zero), never played as another fight.

Files live in the data folder: `replays/recent/` keeps the last RECENT_KEPT bouts on its own,
`replays/saved/` what the player kept with "Save replay".
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.bout.setup import BoutSetup, SetupError

FORMAT = "still-a-fighter-replay"
VERSION = 1
RECENT_KEPT = 20
MAX_TICKS = 60 * 60 * 60  # an hour of ticks: more than any bout
MAX_FILE_BYTES = 8 * 1024 * 1024


class ReplayError(ValueError):
    """The file cannot be played as the fight it records; the message is one line."""


@dataclass(frozen=True)
class Replay:
    setup: BoutSetup
    data_hash: str  # model data it was fought under (moves + both fighters' files)
    inputs: tuple[tuple[int, ...], tuple[int, ...]]  # each side's buttons, one per model tick
    final_hash: str  # state_hash of the model after the last tick
    result: dict[str, Any] | None  # what the bout came to, for lists and the check after

    @property
    def ticks(self) -> int:
        return len(self.inputs[0])

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "setup": self.setup.to_dict(),
                "data_hash": self.data_hash, "ticks": self.ticks,
                "inputs": [rle_encode(side) for side in self.inputs],
                "final_hash": self.final_hash, "result": self.result}


# -- run-length encoding ---------------------------------------------------------------------
def rle_encode(values: tuple[int, ...] | list[int]) -> list[list[int]]:
    """[[value, count], ...]: held buttons repeat for many ticks, so this is ~50x smaller."""
    out: list[list[int]] = []
    for v in values:
        if out and out[-1][0] == v:
            out[-1][1] += 1
        else:
            out.append([int(v), 1])
    return out


def rle_decode(pairs: Any, where: str) -> tuple[int, ...]:
    if not isinstance(pairs, list):
        raise ReplayError(f"{where} must be a list of [buttons, ticks] pairs")
    out: list[int] = []
    for pair in pairs:
        if (not isinstance(pair, list) or len(pair) != 2
                or any(type(x) is not int for x in pair)
                or not 0 <= pair[0] <= 0xFFFF or not 1 <= pair[1] <= MAX_TICKS):
            raise ReplayError(f"{where} has a bad entry {str(pair)[:40]}")
        out.extend([pair[0]] * pair[1])
        if len(out) > MAX_TICKS:
            raise ReplayError(f"{where} is longer than any bout")
    return tuple(out)


# -- what a replay depends on ----------------------------------------------------------------
def data_hash(setup: BoutSetup) -> str:
    """SHA-256 of the data that decides the fight: the move table and both fighters' files."""
    from game.paths import ASSETS

    h = hashlib.sha256()
    files = [ASSETS / "moves.toml"] + [ASSETS / "fighters" / f"{s.fighter_id}.toml"
                                       for s in setup.sides]
    for path in files:
        h.update(path.name.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def from_dict(data: Any, name: str = "replay") -> Replay:
    """Check every field; raises ReplayError naming the file and what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReplayError(f"{name}: not a Still a Fighter replay")
    version = data.get("version")
    if version != VERSION:
        raise ReplayError(f"{name}: replay version {version!r}; this game plays version {VERSION}")
    try:
        setup = BoutSetup.from_dict(data.get("setup"))
    except SetupError as exc:
        raise ReplayError(f"{name}: {exc}") from None
    from game.combat import list_fighters

    for i, side in enumerate(setup.sides):
        if side.fighter_id not in list_fighters():
            raise ReplayError(f"{name}: fighter {side.fighter_id!r} (side {i}) is not in this game")
    raw = data.get("inputs")
    if not isinstance(raw, list) or len(raw) != 2:
        raise ReplayError(f"{name}: inputs must be two lists, one per side")
    inputs = (rle_decode(raw[0], f"{name}: inputs[0]"), rle_decode(raw[1], f"{name}: inputs[1]"))
    ticks = data.get("ticks")
    if type(ticks) is not int or len(inputs[0]) != ticks or len(inputs[1]) != ticks:
        raise ReplayError(f"{name}: the inputs do not add up to {ticks!r} ticks (edited?)")
    for key in ("data_hash", "final_hash"):
        v = data.get(key)
        if not isinstance(v, str) or len(v) != 64:
            raise ReplayError(f"{name}: {key} is missing or damaged")
    if data["data_hash"] != data_hash(setup):
        raise ReplayError(f"{name}: recorded with other fighter or move data than this game has")
    result = data.get("result")
    if result is not None and not isinstance(result, dict):
        raise ReplayError(f"{name}: result must be an object")
    return Replay(setup, data["data_hash"], (inputs[0], inputs[1]), data["final_hash"], result)


def load(path: str | os.PathLike[str]) -> Replay:
    """Read and check a replay file; every failure is a one-line ReplayError."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_FILE_BYTES:
            raise ReplayError(f"{p.name}: too large to be a replay")
        text = p.read_text(encoding="utf-8")
    except ReplayError:
        raise
    except FileNotFoundError:
        raise ReplayError(f"{p}: no such file") from None
    except UnicodeDecodeError:
        raise ReplayError(f"{p.name}: not a replay (not text)") from None
    except OSError as exc:
        raise ReplayError(f"{p.name}: cannot read ({exc.strerror or exc})") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise ReplayError(f"{p.name}: damaged (not valid JSON{where})") from None
    return from_dict(data, p.name)


def save(replay: Replay, path: str | os.PathLike[str]) -> Path:
    from game.paths import write_json_atomic

    p = Path(path)
    write_json_atomic(p, replay.to_dict())
    return p


# -- the data folder -------------------------------------------------------------------------
def replays_dir(kind: str) -> Path:
    """`recent` (kept automatically, the last RECENT_KEPT) or `saved` (kept for good)."""
    from game.paths import data_dir

    path = data_dir() / "replays" / kind
    path.mkdir(parents=True, exist_ok=True)
    return path


def _file_name(replay: Replay) -> str:
    a, b = replay.setup.sides
    stamp = time.strftime("%Y%m%d-%H%M%S")  # file naming only; never read by the model
    return f"{stamp}-{a.fighter_id}{a.age}-v-{b.fighter_id}{b.age}-s{replay.setup.seed}.json"


def _new_path(folder: Path, replay: Replay) -> Path:
    """A file name in `folder` that no other replay has (two bouts may end in one second)."""
    path = folder / _file_name(replay)
    n = 1
    while path.exists():
        path = folder / f"{path.stem.split('~')[0]}~{n}.json"
        n += 1
    return path


def record_recent(replay: Replay) -> Path:
    """Write to `recent/` and drop the oldest beyond RECENT_KEPT."""
    folder = replays_dir("recent")
    path = save(replay, _new_path(folder, replay))
    files = sorted(folder.glob("*.json"), key=lambda f: (f.stat().st_mtime, f.name))
    for old in files[:-RECENT_KEPT]:
        try:
            old.unlink()
        except OSError:
            pass
    return path


def keep(replay: Replay) -> Path:
    """"Save replay": a copy in `saved/` that is never pruned."""
    return save(replay, _new_path(replays_dir("saved"), replay))


def session_for(replay: Replay) -> Any:
    """A BoutSession that plays `replay`: recorded buttons for every side, the CPU re-checked."""
    from game.bout.session import BoutSession, CpuControl, RecordedControl

    controls = [RecordedControl(replay.inputs[i], CpuControl(s.difficulty) if s.is_cpu else None)
                for i, s in enumerate(replay.setup.sides)]
    return BoutSession(replay.setup, controls=controls, length_ticks=replay.ticks)


def verify(replay: Replay) -> Any:
    """Play the whole replay headless; return the finished session, or raise ReplayError if
    it is not the recorded fight (edited inputs, another version of the model)."""
    from game.bout.session import ReplayMismatch

    session = session_for(replay)
    try:
        while not session.over:
            session.step()
    except ReplayMismatch as exc:
        raise ReplayError(str(exc)) from None
    if session.state_hash() != replay.final_hash:
        raise ReplayError("the replay played out differently from the recording "
                          "(edited inputs, or another version of the game)")
    return session
