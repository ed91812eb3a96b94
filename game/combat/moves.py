"""Frame data and tuning numbers from `assets/moves.toml`, validated and turned into arrays.

Move ids: punch * 2 + (1 for body), punch in jab, cross, hook, uppercut. Body punches share the
frame data of their head version; the model applies the body rules.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from game.combat.fighters import ASSETS_DIR
from game.combat.view import MOVE_NAMES

MOVES_PATH = ASSETS_DIR / "moves.toml"
MOVE_INT = ("startup_ticks", "active_ticks", "recovery_ticks", "hitstun_ticks", "blockstun_ticks")
MOVE_FLOAT = ("reach_px", "damage", "stamina_cost", "whiff_cost", "knockback_px")
MOVE_BOOL = ("tell", "heavy", "beats_duck")  # what a move *is*: see the comments in moves.toml
DEFENSE_INT = ("slip_ticks", "duck_ticks", "step_back_ticks", "vulnerable_ticks", "clinch_ticks")
DEFENSE_FLOAT = ("step_back_speed", "dodge_cost", "block_cost", "chip", "leaky_guard",
                 "clinch_gap_px", "break_gap_px", "clinch_cost")
MODEL_INT = ("buffer_ticks", "hurt_ticks", "count_ticks", "getup_ticks", "fall_ticks",
             "corner_ticks", "count_wait_ticks")
MODEL_FLOAT = (
    "ring_half_px", "min_gap_px", "start_gap_px", "walk_px", "walk_foot_px", "counter_mult",
    "duck_uppercut_mult", "body_mult", "body_stamina_mult", "head_from_body", "damage_spread",
    "hurt_below", "hurt_hit", "hurt_slow", "kd_hit", "kd_chance", "kd_flash", "stamina_regen", "move_cost",
    "guard_cost", "head_regen", "body_regen", "low_stamina", "getup_press", "getup_leak",
    "getup_head", "stop_limit", "stop_decay", "corner_stamina", "corner_head", "corner_body",
    "form_spread", "heart_power",
)
JUDGE_FIELDS = ("clean", "power", "aggression", "defense", "noise")
DIFFICULTY_FIELDS = ("react_ticks", "read", "mistake", "punish", "mash", "learn_jabs", "jab_read",
                     "learn_habit", "habit_read", "pace")
DIFFICULTIES = ("easy", "medium", "hard")


class MovesDataError(ValueError):
    """moves.toml is missing a field or has a bad value."""


@dataclass(frozen=True)
class MoveTable:
    """Everything the model reads from moves.toml. Per-move arrays have 8 entries (move ids)."""

    move: dict[str, np.ndarray]  # field -> (8,) array
    tell: np.ndarray  # (8,) bool: a readable wind-up
    heavy: np.ndarray  # (8,) bool: a power punch (judges' power, knockdown on a hurt counter)
    beats_duck: np.ndarray  # (8,) bool: catches a ducking man instead of missing him
    defense: dict[str, float]
    model: dict[str, float]
    judges: np.ndarray  # (3, 5): clean, power, aggression, defense, noise
    difficulty: dict[str, dict[str, float]]
    path: Path


def _num(table: dict, key: str, where: str, integer: bool) -> float:
    if key not in table:
        raise MovesDataError(f"{where}: missing field '{key}'")
    v = table[key]
    ok = isinstance(v, int) if integer else isinstance(v, (int, float))
    if isinstance(v, bool) or not ok:
        kind = "an integer" if integer else "a number"
        raise MovesDataError(f"{where}: field '{key}' must be {kind}, got {v!r}")
    if v < 0:
        raise MovesDataError(f"{where}: field '{key}' must not be negative, got {v!r}")
    return v


def parse_moves(data: dict, path: Path) -> MoveTable:
    """Validate the parsed TOML; every error names the file and the field."""
    f = str(path)
    moves_t = data.get("moves")
    if not isinstance(moves_t, dict):
        raise MovesDataError(f"{f}: missing table [moves]")
    move: dict[str, list[float]] = {k: [] for k in MOVE_INT + MOVE_FLOAT}
    flags: dict[str, list[bool]] = {k: [] for k in MOVE_BOOL}
    for name in MOVE_NAMES:
        w = f"{f} [moves.{name}]"
        t = moves_t.get(name)
        if not isinstance(t, dict):
            raise MovesDataError(f"{w}: missing table")
        for key in MOVE_INT + MOVE_FLOAT:
            v = _num(t, key, w, key in MOVE_INT)
            move[key] += [v, v]
        for key in MOVE_BOOL:
            if not isinstance(t.get(key), bool):
                raise MovesDataError(f"{w}: field '{key}' must be true or false")
            flags[key] += [t[key], t[key]]
        if t["startup_ticks"] < 1 or t["active_ticks"] < 1:
            raise MovesDataError(f"{w}: startup_ticks and active_ticks must be at least 1")
    arrays = {k: np.asarray(v, dtype=np.int32 if k in MOVE_INT else np.float32)
              for k, v in move.items()}
    sections = {}
    for sec, ints, floats in (("defense", DEFENSE_INT, DEFENSE_FLOAT),
                              ("model", MODEL_INT, MODEL_FLOAT)):
        t = data.get(sec)
        if not isinstance(t, dict):
            raise MovesDataError(f"{f}: missing table [{sec}]")
        sections[sec] = {k: _num(t, k, f"{f} [{sec}]", k in ints) for k in ints + floats}
    judges_t = data.get("judges")
    if not isinstance(judges_t, list) or len(judges_t) != 3:
        raise MovesDataError(f"{f}: [[judges]] must list exactly 3 judges")
    judges = np.asarray([[_num(j, k, f"{f} [[judges]] #{i + 1}", False) for k in JUDGE_FIELDS]
                         for i, j in enumerate(judges_t)], dtype=np.float32)
    diff_t = data.get("difficulty")
    if not isinstance(diff_t, dict):
        raise MovesDataError(f"{f}: missing table [difficulty]")
    difficulty = {}
    for name in DIFFICULTIES:
        t = diff_t.get(name)
        if not isinstance(t, dict):
            raise MovesDataError(f"{f} [difficulty.{name}]: missing table")
        difficulty[name] = {k: _num(t, k, f"{f} [difficulty.{name}]", k == "react_ticks")
                            for k in DIFFICULTY_FIELDS}
    return MoveTable(arrays, np.asarray(flags["tell"]), np.asarray(flags["heavy"]),
                     np.asarray(flags["beats_duck"]), sections["defense"], sections["model"],
                     judges, difficulty, path)


@lru_cache(maxsize=4)
def load_moves(path: Path = MOVES_PATH) -> MoveTable:
    """Load and validate moves.toml (cached)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise MovesDataError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise MovesDataError(f"{path}: cannot read: {exc}") from exc
    return parse_moves(data, Path(path))


def heavy_moves(table: MoveTable | None = None) -> frozenset[str]:
    """Names of the power punches (moves.toml `heavy`), for the ring's pictures and sound."""
    t = table or load_moves()
    return frozenset(name for i, name in enumerate(MOVE_NAMES) if t.heavy[2 * i])
