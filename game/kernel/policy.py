"""The CPU policy of game.combat.ai (`_think`, `_mash`) for one lane, compiled with numba.

A line-for-line scalar transcription of the numpy policy: every float is float32 and every
constant is made float32 where numpy makes it so, so a lane decides exactly as the numpy model
does (tests/combat/test_kernel.py checks it over many seeds). Imports numba: only
game.kernel.lanes imports this, and only when numba is installed.
"""
from __future__ import annotations

import numba as nb
import numpy as np

from game.combat import ai
from game.combat.inputs import Button
from game.combat.state import A
from game.combat.step import FREE_MAX, P_HI, P_LO
from game.kernel.layout import (
    ACT,
    ACT_LEN,
    ACT_T,
    AI_AGGR,
    AI_BODY,
    AI_BTN,
    AI_CLINCH,
    AI_COMP,
    AI_COUNTER,
    AI_DODGE,
    AI_GUARD,
    AI_HAB,
    AI_JAB,
    AI_JABS,
    AI_OUT,
    AI_RANGE,
    AI_SEQ,
    AI_T,
    AI_WORK,
    CF_CLINCH_GAP,
    CF_CLINCH_GAP15,
    CF_HALF,
    CF_HOLD_GAP,
    D_HABIT_READ,
    D_JAB_READ,
    D_LEARN,
    D_LEARN_HABIT,
    D_MASH,
    D_MISTAKE,
    D_PACE,
    D_PUNISH,
    D_REACT,
    D_READ,
    F_BEATS_DUCK,
    HURT_T,
    M_REACH,
    MOVE,
    P_AC,
    P_SU,
    REACH_BONUS,
    RESOLVED,
    STAM,
    X,
)

# action codes and button bits (game.combat.state.A, game.combat.inputs.Button)
HIT_HEAD, HIT_BODY, BLOCK, DOWN_ACT = A["hit_head"], A["hit_body"], A["block"], A["down"]
GUARD_HIGH, GUARD_LOW = A["guard_high"], A["guard_low"]
B_LEFT, B_RIGHT, B_DOWN = int(Button.LEFT), int(Button.RIGHT), int(Button.DOWN)
B_JAB, B_GUARD, B_DODGE = int(Button.JAB), int(Button.GUARD), int(Button.DODGE)
PUNCH_BITS = tuple(int(b) for b in ai.PUNCH_BITS)
THINK_TICKS = ai.THINK_TICKS
N_PRE = 23
(PRE_IN, PRE_OUT, PRE_STEPOUT, PRE_DUCK, PRE_DODGE, PRE_SHELL, PRE_R0, PRE_R2, PRE_R4, PRE_R6,
 PRE_DANGER, PRE_PUNISH, PRE_GUARD, PRE_WORK, PRE_CLINCH, PRE_BODY, PRE_JAB, PRE_COMP,
 PRE_RANGE, PRE_SLIPJAB, PRE_BACKJAB, PRE_HOOKJAB, PRE_HOLD) = range(0, 2 * N_PRE, 2)
INV_45 = np.float32(1 / 45)  # ai._think's pacing slope
SEQ_MASK = 0x3FFFF  # ai_seq keeps six punches of 3 bits


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def mix(z):
    """The counter hash of game.combat.state.random4 (uint64 in, uint64 out)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def rand_key(tick, salt):
    """random4's per-(tick, salt) key, mod 2**64."""
    return (np.uint64(tick) * np.uint64(0x9E3779B97F4A7C15)
            + np.uint64(salt) * np.uint64(0xC2B2AE3D27D4EB4F))


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def unit(z, k):
    """The k-th 16-bit piece of z as a float32 in [0, 1) (random4's u[..., k])."""
    return np.float32(piece(z, k)) * np.float32(1.0 / 65536.0)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def piece(z, k):
    """The k-th 16-bit piece of z, as an int32."""
    return np.int32((z >> np.uint64(16 * k)) & np.uint64(0xFFFF))


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def frac(p, bits):
    """(p / 65536 * 2**bits) % 1 for a 16-bit piece p, exactly as numpy's float32 remainder
    gives it (u * 64 % 1 in the numpy policy): every step there is exact in float32, so this
    is the same number, without a remainder."""
    low = 16 - bits
    return np.float32(p & ((1 << low) - 1)) * np.float32(1.0 / (1 << low))


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def prepare(fx, dp, move_f, j, i, pre):
    """ai._prepare for side i of lane j, into pre (side i's value of PRE_X at [PRE_X + i])."""
    o = 1 - i
    bonus, obonus = fx[REACH_BONUS + i], fx[REACH_BONUS + o]
    aggr = fx[AI_AGGR + i]
    one = np.float32(1)
    pre[PRE_IN + i] = aggr + np.float32(0.2)
    pre[PRE_OUT + i] = one - aggr
    pre[PRE_STEPOUT + i] = (one - aggr) * np.float32(0.3)
    pre[PRE_DUCK + i] = fx[AI_DODGE + i] * np.float32(0.4)
    pre[PRE_DODGE + i] = fx[AI_DODGE + i] * np.float32(0.8)
    pre[PRE_SHELL + i] = aggr * fx[AI_GUARD + i]
    pre[PRE_R0 + i] = move_f[M_REACH] + bonus
    pre[PRE_R2 + i] = move_f[M_REACH + 2] + bonus
    pre[PRE_R4 + i] = move_f[M_REACH + 4] + bonus
    pre[PRE_R6 + i] = move_f[M_REACH + 6] + bonus
    pre[PRE_DANGER + i] = move_f[M_REACH] + obonus + np.float32(15)
    pre[PRE_PUNISH + i] = dp[D_PUNISH + i] * fx[AI_COUNTER + i]
    pre[PRE_GUARD + i] = fx[AI_GUARD + i] * (np.float32(0.1) + dp[D_READ + i])
    pre[PRE_WORK + i] = fx[AI_WORK + i] * np.float32(0.3)
    pre[PRE_CLINCH + i] = fx[AI_CLINCH + i] * np.float32(0.25)
    pre[PRE_BODY + i] = fx[AI_BODY + i]
    pre[PRE_JAB + i] = fx[AI_JAB + i]
    pre[PRE_COMP + i] = one - fx[AI_COMP + i]
    pre[PRE_RANGE + i] = fx[AI_RANGE + i]
    pre[PRE_SLIPJAB + i] = np.float32(0.45) + fx[AI_DODGE + i] * np.float32(0.5)
    pre[PRE_BACKJAB + i] = pre[PRE_SLIPJAB + i] + (one - aggr) * np.float32(0.35)
    pre[PRE_HOOKJAB + i] = np.float32(0.06) + (one - aggr) * np.float32(0.12)
    pre[PRE_HOLD + i] = np.float32(0.12) + fx[AI_CLINCH + i] * np.float32(0.5)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def predict(seq):
    """ai._predict: the other man's next punch (move id + 1) if he keeps his pattern."""
    c1, c2, c3 = seq & 7, (seq >> 3) & 7, (seq >> 6) & 7
    if (seq & 0x1FF) == ((seq >> 9) & 0x1FF):
        return c3
    if (seq & 0x3F) == ((seq >> 6) & 0x3F):
        return c2
    if c1 == c2:
        return c1
    return c3


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def fb(b):
    return np.float32(1.0) if b else np.float32(0.0)


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def on_its_way(ia, fx, move_f, o, mv, gap):
    """Side o's punch (move mv) is still before its strike and the gap within its reach
    (+ 20 px): ai._think's test for a punch to answer (threat, jab_in, coming)."""
    return (ia[ACT_T + o] < ia[P_SU + o]
            and gap <= move_f[M_REACH + mv] + fx[REACH_BONUS + o] + np.float32(20))


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def sees(u, odds, shaken):
    """A read of his that works (u < odds), half as often when he is fully shaken."""
    return u < odds * (np.float32(1) - shaken * np.float32(0.5))


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def think(ia, fa, fx, dp, pre, seedmix, move_f, flags, cf, j, i, tick):
    """ai._think for side i of lane j at `tick` (before the step): sets ai_out[i]."""
    o = 1 - i
    act, opp, opp_t = ia[ACT + i], ia[ACT + o], ia[ACT_T + o]
    x0, x1 = fa[X], fa[X + 1]
    gap = x1 - x0
    z = mix(seedmix[i] + rand_key(tick, 3 + i))
    u1, u2, u3, u4 = unit(z, 0), unit(z, 1), unit(z, 2), unit(z, 3)
    half = cf[CF_HALF]
    hurt = ia[HURT_T + i] > 0
    if i == 0:
        toward, away = B_RIGHT, B_LEFT
        back = x0 + half
    else:
        toward, away = B_LEFT, B_RIGHT
        back = half - x1
    one = np.float32(1)
    read = dp[D_READ + i]
    pressed = ((back < np.float32(60)) and (gap < np.float32(170))) or hurt
    shaken = fb(pressed) * pre[PRE_COMP + i]
    mistake = dp[D_MISTAKE + i] + shaken * np.float32(0.4)

    opp_mv = ia[MOVE + o]
    opp_punch = opp >= P_LO and opp <= P_HI
    threat = (opp_punch and np.float64(opp_t) >= np.float64(dp[D_REACT + i])
              and on_its_way(ia, fx, move_f, o, opp_mv, gap))
    free = act <= FREE_MAX
    respond = threat and free and sees(u1, read, shaken)
    opp_body = (opp_mv & 1) == 1
    wrong = u4 < mistake
    guard_bits = B_GUARD + (B_DOWN if opp_body != wrong else 0)
    left = u3 < np.float32(0.5)
    slip_bits = (B_DODGE + B_RIGHT) + ((B_LEFT - B_RIGHT) if left else 0)
    duck = flags[F_BEATS_DUCK + opp_mv] == 0 and u2 < pre[PRE_DUCK + i]
    if opp_body:
        dodge_bits = B_DODGE
    else:
        dodge_bits = slip_bits + ((B_DOWN - slip_bits + B_DODGE) if duck else 0)
    dodge_it = u2 < pre[PRE_DODGE + i] and not wrong
    defend = dodge_bits if dodge_it else guard_bits
    hold = ia[P_AC + o] - opp_t + 2

    jab_mv = (opp_mv >> 1) == 0
    new_punch = opp_punch and opp_t < 4
    streak = ia[AI_JABS + i]
    if new_punch:
        streak = streak + 1 if jab_mv else 0
    ia[AI_JABS + i] = streak
    know = np.float64(streak) >= np.float64(dp[D_LEARN + i])
    jab_read = dp[D_JAB_READ + i]
    uc = np.float32(0)
    if know:
        ua = frac(piece(z, 0), 6)  # (u1 * 64) % 1
        jab_in = opp_punch and jab_mv and on_its_way(ia, fx, move_f, o, 0, gap)
        answer = jab_in and free and sees(ua, jab_read, shaken)
        uc = frac(piece(z, 2), 6)  # (u3 * 64) % 1
        if uc < pre[PRE_SLIPJAB + i]:
            answer_bits = slip_bits
        elif uc < pre[PRE_BACKJAB + i]:
            answer_bits = B_DODGE
        else:
            answer_bits = B_GUARD
        respond = respond or answer
        if answer:
            defend = answer_bits

    # the habit reader: his memory of the other man's punches (ai_seq) and the streak of them
    # that kept the pattern (ai_hab); once known, he sees the predicted punch coming
    seq, hab = ia[AI_SEQ + i], ia[AI_HAB + i]
    if new_punch:
        kept = opp_mv + 1 == predict(seq) and not opp_body  # a body shot breaks the read
        hab = hab + 1 if kept else 0
        ia[AI_SEQ + i] = ((seq << 3) | (opp_mv + 1)) & SEQ_MASK
    ia[AI_HAB + i] = hab
    know_h = np.float64(hab) >= np.float64(dp[D_LEARN_HABIT + i])
    read_h = know_h and opp_punch
    habit_read = dp[D_HABIT_READ + i]
    if know_h:
        ub = frac(piece(z, 1), 6)  # (u2 * 64) % 1
        coming = read_h and free and on_its_way(ia, fx, move_f, o, opp_mv, gap)
        seen = coming and not respond and sees(ub, habit_read, shaken)
        ud = frac(piece(z, 2), 8)  # (u3 * 256) % 1
        if opp_body:
            seen_bits = B_DODGE
        elif ud < pre[PRE_SLIPJAB + i]:
            seen_bits = slip_bits
        else:
            seen_bits = B_GUARD
        respond = respond or seen
        if seen:
            defend = seen_bits

    # pacing: work falls with stamina, by level (pace 0: the old burn-out curve)
    paced = min(max((fa[STAM + i] - np.float32(15)) * INV_45, np.float32(0.2)), one)
    burnt = min(fa[STAM + i] * np.float32(0.025), one) * np.float32(0.7) + np.float32(0.3)
    stam_f = burnt + dp[D_PACE + i] * (paced - burnt)
    rate = (pre[PRE_WORK + i] * stam_f * (one - shaken * np.float32(0.6))
            * (one + fb(ia[HURT_T + o] > 0) * dp[D_PUNISH + i]))
    opening = ((opp_punch and opp_t >= ia[P_AC + o])
               or (opp >= HIT_HEAD and opp <= HIT_BODY))
    if know:
        punish_now = (opening and u1 < max(pre[PRE_PUNISH + i], jab_read)
                      and gap <= pre[PRE_R0 + i])
    else:
        punish_now = opening and u1 < pre[PRE_PUNISH + i] * stam_f and gap <= pre[PRE_R2 + i]
    if know_h:  # the recovery of a punch he saw coming
        punish_now = punish_now or (opening and read_h and u1 < habit_read
                                    and gap <= pre[PRE_R2 + i])
    jab_hit = (((ia[MOVE + i] >> 1) == 0) and ia[RESOLVED + i] != 0 and free
               and ia[ACT_T + i] < 16 and u4 < pre[PRE_HOOKJAB + i])
    attack = free and (((gap <= pre[PRE_R0 + i] + mistake * np.float32(80)) and u3 < rate)
                       or punish_now)
    attack = attack or (free and jab_hit and gap <= pre[PRE_R4 + i])
    close = gap < np.float32(160)
    power = 1 + (1 if close else 0) + (1 if u4 >= np.float32(0.6) - fb(close) * np.float32(0.1)
                                       else 0)
    fits = frac(piece(z, 1), 4) < read  # (u2 * 16) % 1
    if power == 3 and gap > pre[PRE_R6 + i]:
        power -= 1 if fits else 2
    if power == 2 and gap > pre[PRE_R4 + i] and fits:
        power -= 1
    jab = u2 < pre[PRE_JAB + i] * (one - fb(punish_now) * np.float32(0.7))
    if know:
        jab = jab or gap > pre[PRE_R2 + i]
    cornered = (back < np.float32(60) and gap <= pre[PRE_R4 + i]
                and u4 < pre[PRE_HOOKJAB + i] + np.float32(0.4))
    hook_now = (jab_hit or cornered) and gap <= pre[PRE_R4 + i]
    if hook_now:
        power = 2
        jab = False
    body = u1 < pre[PRE_BODY + i]
    see = u4 < read and opp_t >= 30
    if see and opp == GUARD_HIGH:
        body = True
    elif see and opp == GUARD_LOW:
        body = False
    if know_h and opp == GUARD_HIGH and frac(piece(z, 2), 4) < habit_read:  # (u3 * 16) % 1
        body = True
    punch_bits = PUNCH_BITS[0 if jab else power] + (B_DOWN if body else 0)

    hurt40 = fb(hurt) * np.float32(40)
    if know:
        want = min(pre[PRE_RANGE + i], pre[PRE_R2 + i] - np.float32(25)) + hurt40
    else:
        want = pre[PRE_RANGE + i] + hurt40
    go_in = ((gap > want + np.float32(10) and u4 < pre[PRE_IN + i])
             or (jab_hit and gap > pre[PRE_R4 + i]))
    go_out = gap < want - np.float32(25) and u4 < pre[PRE_OUT + i] and not go_in
    walk = (toward if go_in else 0) + (away if go_out else 0)
    shell = (go_in and gap > cf[CF_CLINCH_GAP15] and gap <= pre[PRE_DANGER + i] - np.float32(5)
             and u1 < pre[PRE_SHELL + i])
    if shell:
        walk += B_GUARD
    on_ropes = back < np.float32(40) and gap < want - np.float32(10)
    step_out = on_ropes and u2 < pre[PRE_STEPOUT + i] and free and not attack
    if step_out:
        walk = B_DODGE
    spent = fa[STAM + i] < np.float32(12)
    clinch = ((((hurt or spent) and gap < cf[CF_HOLD_GAP] and u2 < pre[PRE_HOLD + i])
               or (on_ropes and gap < cf[CF_CLINCH_GAP] and u2 < pre[PRE_CLINCH + i]))
              and not attack and not step_out)
    in_danger = gap <= pre[PRE_DANGER + i]
    idle_guard = in_danger and u1 < pre[PRE_GUARD + i] and not attack and not clinch

    out = punch_bits if attack else walk
    if clinch:
        out = B_GUARD + toward
    if idle_guard:
        out = B_GUARD + (B_DOWN if u4 < np.float32(0.3) else 0)
    if respond:
        out = defend
    ai_t, ai_btn = ia[AI_T + i], ia[AI_BTN + i]
    keep = ai_t > 0 and not respond
    if keep:
        out = ai_btn
    new_hold = respond or (idle_guard and not keep)
    if new_hold:
        ia[AI_T + i] = hold if respond else 20
        ia[AI_BTN + i] = out
    else:
        ia[AI_T + i] = ai_t - (4 if ai_t > 0 else 0)
    if know:
        stun_end = ((act == BLOCK or act == HIT_HEAD or act == HIT_BODY)
                    and ia[ACT_T + i] >= ia[ACT_LEN + i] - 5)
        if (stun_end and jab_mv and uc < jab_read
                and not (opp_punch and opp_t < ia[P_SU + o])):  # not into his next jab
            out = B_JAB
            ia[AI_T + i] = 0
    if act == DOWN_ACT:
        out = B_JAB if u3 < dp[D_MASH + i] else 0
    ia[AI_OUT + i] = out


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def mash(ia, dp, seedmix, j, i, tick):
    """ai._mash: between thinks, a CPU on the floor keeps pressing to beat the count."""
    if ia[ACT + i] == DOWN_ACT:
        z = mix(seedmix[i] + rand_key(tick, 21 + i))
        ia[AI_OUT + i] = B_JAB if unit(z, 0) < dp[D_MASH + i] else 0
