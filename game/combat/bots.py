"""Scripted players: what a beginner with a plan does, as batched array policies.

They stand in for a human in tests and in `bench/balance.py`, so we can measure whether each CPU
level is beatable (easy) or beats a simple plan (hard). They produce the same held-button bits a
human does and act every tick (a human is not held to the CPU's think rate). Their memory is the
state's `bot_step` / `bot_wait` rows, so it is compacted and replayed with the rest.

- "combo":   walk in; in range throw jab, jab, cross as fast as the model allows; guard high
             for a moment after each combo (and whenever busy).
- "counter": keep the high guard up and walk in behind it; when the other man is in the
             recovery of a punch (or stunned), fire a hook (a cross if too far for a hook).
- "jab3", "jab5", "jab10": the one-button player: stay at the edge of his jab's reach (walk in
             when out of it, back off when crowded) and tap jab 3, 5 or 10 times a second;
             nothing else, no guard, no other punch.
- "jabwalk": jab spam walking in: hold toward and tap jab 5 times a second.
"""
from __future__ import annotations

import numpy as np

from game.combat.inputs import Button
from game.combat.state import A, BoutState
from game.combat.step import FREE_MAX, P_HI, P_LO

I32 = np.int32
JAB, CROSS, HOOK = I32(Button.JAB), I32(Button.CROSS), I32(Button.HOOK)
GUARD = I32(Button.GUARD)
BOTS = ("combo", "counter", "jab3", "jab5", "jab10", "jabwalk")
ONE_BUTTON = ("jab3", "jab5", "jab10", "jabwalk")
COMBO = np.asarray([Button.JAB, Button.JAB, Button.CROSS], dtype=I32)
COMBO_PAUSE_TICKS = 30


def _toward(side: int) -> I32:
    return I32(Button.RIGHT) if side == 0 else I32(Button.LEFT)


def _mash(s: BoutState, side: int, out: np.ndarray) -> np.ndarray:
    """On the floor a human hammers the button: a press every other tick."""
    return np.where(s.act[side] == A["down"], (s.tick % 2) * JAB, out)


def combo_buttons(state: BoutState, side: int) -> np.ndarray:
    """The "combo" script: walk in, jab-jab-cross, guard otherwise. (int32, (B,))"""
    s = state
    gap = s.x[1] - s.x[0]
    reach = s.table.move["reach_px"]
    in_range = gap <= reach[2] + s.reach_bonus[side] - 5  # where the cross lands
    free = s.act[side] <= FREE_MAX
    was_punch = (s.prev_btn[side] & int(Button.JAB | Button.CROSS)) != 0
    step_i, pause = s.bot_step[side], s.bot_wait[side]
    fire = in_range & free & (pause <= 0) & ~was_punch
    out = np.where(in_range, GUARD, _toward(side))
    out = np.where(fire, COMBO[np.minimum(step_i, 2)], out)
    nxt = step_i + fire
    done = nxt >= 3
    s.bot_step[side] = np.where(done, 0, nxt)
    s.bot_wait[side] = np.where(done & fire, COMBO_PAUSE_TICKS, np.maximum(pause - 1, 0))
    return _mash(s, side, out).astype(I32)


def counter_buttons(state: BoutState, side: int) -> np.ndarray:
    """The "counter" script: high guard, walk in behind it, hook into the other man's recovery."""
    s = state
    o = 1 - side
    gap = s.x[1] - s.x[0]
    reach = s.table.move["reach_px"]
    opp, opp_t = s.act[o], s.act_t[o]
    opening = (((opp >= P_LO) & (opp <= P_HI) & (opp_t >= s.p_ac[o]))
               | ((opp >= A["hit_head"]) & (opp <= A["hit_body"])))
    free = s.act[side] <= FREE_MAX
    was_punch = (s.prev_btn[side] & int(Button.HOOK | Button.CROSS)) != 0
    hook_ok = gap <= reach[4] + s.reach_bonus[side]
    cross_ok = gap <= reach[2] + s.reach_bonus[side]
    fire = opening & free & ~was_punch & cross_ok
    punch = np.where(hook_ok, HOOK, CROSS)
    # walk in behind the guard until close (GUARD + toward that close would be a clinch)
    out = GUARD + (gap > 175) * _toward(side)
    out = np.where(fire, punch, out)
    return _mash(s, side, out).astype(I32)


def _tap(s: BoutState, side: int, period_ticks: int) -> np.ndarray:
    """True on the ticks a tapping human presses (one press every period, released the next
    tick); each lane has its own phase, drawn from its seed, so lanes do not tap in step."""
    phase = (s.seedmix[side] % np.uint64(period_ticks)).astype(I32)
    return (s.tick + phase) % period_ticks == 0


def jabber_buttons(state: BoutState, side: int, taps_per_s: int = 5,
                   walk_in: bool = False) -> np.ndarray:
    """The one-button player: jab at the edge of his reach (or walking in), nothing else."""
    s = state
    gap = s.x[1] - s.x[0]
    edge = s.table.move["reach_px"][0] + s.reach_bonus[side]
    tap = _tap(s, side, 60 // taps_per_s)
    if walk_in:
        move = _toward(side)
    else:
        tap &= gap <= edge  # taps once in range (out of it he only walks)
        # hold the edge: in when out of reach, back off when he comes more than a step inside
        move = (gap > edge - 4) * _toward(side) + (gap < edge - 22) * _away(side)
    out = np.where(tap, JAB, 0) + move
    return _mash(s, side, out.astype(I32)).astype(I32)


def _away(side: int) -> I32:
    return I32(Button.LEFT) if side == 0 else I32(Button.RIGHT)


BOT_FUNCS = {"combo": combo_buttons, "counter": counter_buttons,
             "jab3": lambda s, i: jabber_buttons(s, i, 3),
             "jab5": lambda s, i: jabber_buttons(s, i, 5),
             "jab10": lambda s, i: jabber_buttons(s, i, 10),
             "jabwalk": lambda s, i: jabber_buttons(s, i, 5, walk_in=True)}


def bot_buttons(state: BoutState, side: int, name: str) -> np.ndarray:
    """Held buttons of the named script for `side` this tick (call once per tick before step)."""
    if name not in BOT_FUNCS:
        raise ValueError(f"bot must be one of {BOTS}, got {name!r}")
    return BOT_FUNCS[name](state, side)
