"""The scripted players (game.combat.bots, and ai.masher_buttons) for one lane, compiled.

A line-for-line scalar transcription, as game.kernel.policy is of the CPU: bench/balance.py's
rows of one-button players and plans then run on the kernel too, bit for bit the numpy bouts
(tests/combat/test_kernel.py). A lane's side plays the script of its code (0: the CPU, else
1 + its index in game.combat.sim.SCRIPTS); its memory (bot_step, bot_wait) is `bmem[:, side, j]`.
Imports numba: only game.kernel.lanes imports this.
"""
from __future__ import annotations

import numba as nb
import numpy as np

from game.combat import bots as scripts
from game.combat.inputs import Button
from game.combat.state import A
from game.combat.step import FREE_MAX, P_HI, P_LO
from game.kernel.layout import ACT, ACT_T, AI_OUT, M_REACH, P_AC, PREV_BTN, REACH_BONUS, X
from game.kernel.policy import PUNCH_BITS, mix, rand_key, unit

# script codes: 1 + the index in game.combat.sim.SCRIPTS = ("masher", *bots.BOTS)
MASHER, COMBO, COUNTER, JAB3, JAB5, JAB10, JABWALK = range(1, 8)
assert scripts.BOTS == ("combo", "counter", "jab3", "jab5", "jab10", "jabwalk")
B_LEFT, B_RIGHT, B_DOWN = int(Button.LEFT), int(Button.RIGHT), int(Button.DOWN)
B_JAB, B_CROSS, B_HOOK, B_GUARD = (int(Button.JAB), int(Button.CROSS), int(Button.HOOK),
                                   int(Button.GUARD))
COMBO_BITS = tuple(int(b) for b in scripts.COMBO)
COMBO_PAUSE_TICKS = scripts.COMBO_PAUSE_TICKS
HIT_HEAD, HIT_BODY, DOWN_ACT = A["hit_head"], A["hit_body"], A["down"]


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def masher(ia, fa, seedmix, i, tick):
    """ai.masher_buttons: walks in and mashes random punches, never defends."""
    z = mix(seedmix[i] + rand_key(tick, 11 + i))
    u1, u2, u3 = unit(z, 0), unit(z, 1), unit(z, 2)
    toward = B_RIGHT if i == 0 else B_LEFT
    gap = fa[X + 1] - fa[X]
    low = u3 < np.float32(0.4)
    if ia[ACT + i] == DOWN_ACT:
        return B_JAB if low else 0
    if u1 < np.float32(0.3) and gap < np.float32(220):
        return PUNCH_BITS[np.int32(u2 * np.float32(4))] + (B_DOWN if low else 0)
    return toward if gap > np.float32(140) else 0


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def combo(ia, fa, fx, move_f, bmem, i, j):
    """bots.combo_buttons: walk in, jab-jab-cross, guard otherwise."""
    gap = fa[X + 1] - fa[X]
    in_range = gap <= move_f[M_REACH + 2] + fx[REACH_BONUS + i] - np.float32(5)
    free = ia[ACT + i] <= FREE_MAX
    was_punch = (ia[PREV_BTN + i] & (B_JAB | B_CROSS)) != 0
    step_i, pause = bmem[0, i, j], bmem[1, i, j]
    fire = in_range and free and pause <= 0 and not was_punch
    out = B_GUARD if in_range else (B_RIGHT if i == 0 else B_LEFT)
    if fire:
        out = COMBO_BITS[min(step_i, 2)]
    nxt = step_i + (1 if fire else 0)
    done = nxt >= 3
    bmem[0, i, j] = 0 if done else nxt
    bmem[1, i, j] = COMBO_PAUSE_TICKS if (done and fire) else max(pause - 1, 0)
    return out


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def counter(ia, fa, fx, move_f, i):
    """bots.counter_buttons: high guard, walk in behind it, hook into his recovery."""
    o = 1 - i
    gap = fa[X + 1] - fa[X]
    opp, opp_t = ia[ACT + o], ia[ACT_T + o]
    opening = ((opp >= P_LO and opp <= P_HI and opp_t >= ia[P_AC + o])
               or (opp >= HIT_HEAD and opp <= HIT_BODY))
    free = ia[ACT + i] <= FREE_MAX
    was_punch = (ia[PREV_BTN + i] & (B_HOOK | B_CROSS)) != 0
    hook_ok = gap <= move_f[M_REACH + 4] + fx[REACH_BONUS + i]
    cross_ok = gap <= move_f[M_REACH + 2] + fx[REACH_BONUS + i]
    if opening and free and not was_punch and cross_ok:
        return B_HOOK if hook_ok else B_CROSS
    return B_GUARD + ((B_RIGHT if i == 0 else B_LEFT) if gap > np.float32(175) else 0)


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def jabber(fa, fx, move_f, seedmix, i, tick, period, walk_in):
    """bots.jabber_buttons: jab at the edge of his reach (or walking in), nothing else."""
    gap = fa[X + 1] - fa[X]
    edge = move_f[M_REACH] + fx[REACH_BONUS + i]
    phase = np.int32(seedmix[i] % np.uint64(period))
    tap = (tick + phase) % period == 0
    toward, away = (B_RIGHT, B_LEFT) if i == 0 else (B_LEFT, B_RIGHT)
    if walk_in:
        move = toward
    else:
        tap = tap and gap <= edge
        move = ((toward if gap > edge - np.float32(4) else 0)
                + (away if gap < edge - np.float32(22) else 0))
    return (B_JAB if tap else 0) + move


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def press(ia, fa, fx, move_f, seedmix, codes, bmem, j, tick):
    """Every tick, before the step: each scripted side of lane j sets its buttons (ai_out),
    over whatever the CPU policy decided for that side (as sim._policy does)."""
    for i in range(2):
        code = codes[i, j]
        if code == 0:
            continue
        if code == MASHER:
            ia[AI_OUT + i] = masher(ia, fa, seedmix, i, tick)
            continue
        if code == COMBO:
            out = combo(ia, fa, fx, move_f, bmem, i, j)
        elif code == COUNTER:
            out = counter(ia, fa, fx, move_f, i)
        elif code == JAB3:
            out = jabber(fa, fx, move_f, seedmix, i, tick, 20, False)
        elif code == JAB5:
            out = jabber(fa, fx, move_f, seedmix, i, tick, 12, False)
        elif code == JAB10:
            out = jabber(fa, fx, move_f, seedmix, i, tick, 6, False)
        else:
            out = jabber(fa, fx, move_f, seedmix, i, tick, 12, True)
        if ia[ACT + i] == DOWN_ACT:  # bots._mash: on the floor a press every other tick
            out = (tick % 2) * B_JAB
        ia[AI_OUT + i] = out

