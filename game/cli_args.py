"""Argument types shared by every command line: bad values become a one-line error and exit 2.

argparse turns an ``argparse.ArgumentTypeError`` raised here into ``prog: error: argument
--seed: ...`` and exit status 2, never a traceback. Imports only the standard library, so the
pygame-free commands (``sim``) stay pygame-free.
"""
from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn


class ArgumentParser(argparse.ArgumentParser):
    """argparse with a one-line error (no usage block): ``prog: error: ... (--help ...)``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


SEED_MAX = 2**63 - 1  # seeds go into numpy int64/uint64 state; one range for every command
SCALE_MIN, SCALE_MAX = 0.25, 4.0  # = the settings file's window_scale range


def seed(text: str) -> int:
    """A random seed: a whole number 0 .. 2**63-1."""
    try:
        value = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if not 0 <= value <= SEED_MAX:
        raise argparse.ArgumentTypeError(f"must be 0 .. {SEED_MAX}, got {text}")
    return value


def scale(text: str) -> float:
    """A window scale: a finite number SCALE_MIN .. SCALE_MAX."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got {text!r}") from None
    if not math.isfinite(value) or not SCALE_MIN <= value <= SCALE_MAX:
        raise argparse.ArgumentTypeError(f"must be {SCALE_MIN} .. {SCALE_MAX}, got {text}")
    return value


def int_range(low: int, high: int) -> Callable[[str], int]:
    """A whole number low .. high (for --frames, --rounds, --bouts ...)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be {low} .. {high}, got {text}")
        return value

    parse.__name__ = f"int {low}..{high}"
    return parse


def data_dir(text: str) -> Path:
    """A folder the game can write to; created if missing."""
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file, not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise argparse.ArgumentTypeError(
            f"cannot create {text}: {exc.strerror or exc}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(f"cannot write to {text}")
    return path
