"""game.combat.step for one lane, compiled with numba, and the loop that runs lanes to the end.

Each lane runs alone from its first bell to its result (no lockstep, no compaction): the CPU
policy (game.kernel.policy) then the step, tick after tick, in exactly the numpy model's order
and float32 arithmetic. A lane of the numpy model never depends on the others, so this is the
same fight bit for bit (tests/combat/test_kernel.py compares every field over many seeds).

What runs every tick (think, mash, step_lane and the common parts of a step) is inlined into
run_lanes (numba's inline="always"): a call passes each array argument as about seven machine
words on the stack, and with a dozen arrays per call that cost as much as the model itself
(107 ns per lane-tick called, 60 ns inlined). The rare parts (end of round, the count, a punch
that lands) stay calls, which keeps the compile time down.
"""
from __future__ import annotations

import numba as nb
import numpy as np

from game.combat.rules import MAX_ROUNDS
from game.combat.state import NO_WINNER, A, M
from game.combat.step import (
    DOWN_BIT,
    DOWN_MIN,
    END_NEXT,
    FREE_MAX,
    GUARD_HI,
    GUARD_LO,
    INTENT,
    P_HI,
    P_LO,
    PUNCH0,
    PUNCH_LUT,
    PUNCH_MASK,
    REGEN,
    UNHIT_MIN,
    VEL,
)
from game.kernel import layout as L
from game.kernel.bots import press
from game.kernel.layout import (
    ACT,
    ACT_LEN,
    ACT_T,
    AI_OUT,
    AI_T,
    BETWEEN_T,
    BODY,
    BODYTAKE_F,
    BUF_MOVE,
    BUF_TTL,
    CHIN_F,
    CLOCK_T,
    COST_F,
    COUNT_WAIT_T,
    DEF_F,
    DOWN_T,
    END_ROUND,
    END_TICKS,
    F_BEATS_DUCK,
    F_HEAVY,
    GP,
    HEAD,
    HEART_F,
    HURT_T,
    KD_ROUND,
    KD_TOTAL,
    LANDED,
    LEAK,
    M_ACTIVE,
    M_BLOCKSTUN,
    M_DAMAGE,
    M_HITSTUN,
    M_KNOCKBACK,
    M_REACH,
    M_RECOVERY,
    M_STAM_COST,
    M_STARTUP,
    M_WHIFF_COST,
    METHOD,
    MOVE,
    OVER,
    P_AC,
    P_SU,
    POW_F,
    PREV_BTN,
    PUNISH,
    REACH_BONUS,
    REC_F,
    REGEN_F,
    RESOLVED,
    RND,
    SPD_F,
    STAM,
    T_AGGR,
    T_CLEAN,
    T_DEF,
    T_POWER,
    THROWN,
    WALK_PX,
    WINNER,
    X,
)
from game.kernel.policy import N_PRE, fb, mash, mix, prepare, rand_key, think, unit

# game.combat.state.A / M and the step's lookup tables (frozen into the compiled code)
IDLE, WALK_IN, WALK_OUT = A["idle"], A["walk_in"], A["walk_out"]
DUCK, SLIP_L, SLIP_R, STEP_BACK = A["duck"], A["slip_left"], A["slip_right"], A["step_back"]
HIT_HEAD, BLOCK, CLINCH, GETUP = A["hit_head"], A["block"], A["clinch"], A["getup"]
CELEBRATE, DEJECTED, KNOCKDOWN, DOWN_ACT = A["celebrate"], A["dejected"], A["knockdown"], A["down"]
GUARD_HIGH = A["guard_high"]
M_KO, M_TKO, M_UD, M_SD, M_MD, M_DRAW = M["KO"], M["TKO"], M["UD"], M["SD"], M["MD"], M["DRAW"]


# rows of the scratch arrays (per-side temporaries of one tick): sb bool, si int32, sf float32
(S_ENDED, S_FREE, S_START, S_CHANGED, S_STEPPING, S_ACTIVE, S_DOWNED, S_CONN, S_DUCKING, S_WHIFF,
 S_IN_RANGE, S_BLOCKED, S_LANDED, S_COUNTER, S_KD, S_HEAVY_HIT, S_STAND, S_THERE, S_WAITING,
 S_RISE) = range(0, 40, 2)
S_PRESSED, S_EFF, S_ACT, S_NEW_ACT = range(0, 8, 2)
S_RAW, S_DMG, S_DH, S_DB, S_DST, S_U_LEAK = range(0, 12, 2)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def finish(ia, la, ci, j, winner, method):
    """judges.finish for lane j."""
    if la[OVER]:
        return
    la[OVER] = 1
    la[WINNER] = winner
    la[METHOD] = method
    la[END_ROUND] = la[RND]
    la[END_TICKS] = ci[L.CI_ROUND_TICKS] - la[CLOCK_T]
    for s in range(2):
        if winner == s:
            ia[ACT + s] = CELEBRATE
        elif winner == 1 - s:
            ia[ACT + s] = DOWN_ACT if method == M_KO else DEJECTED
        ia[ACT_T + s] = 0
        ia[ACT_LEN + s] = 0


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def must(diff, kd0, kd1):
    p0 = (9 if diff <= np.float32(-0.5) else 10) - kd0
    p1 = (9 if diff >= np.float32(0.5) else 10) - kd1
    lift = 10 - max(p0, p1)
    return max(p0 + lift, 6), max(p1 + lift, 6)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def end_round(ia, fa, fx, la, seedmix, scores, judges, cf, ci, j, tick):
    """judges.end_round for lane j: score the round, then the decision or the corner."""
    z0 = mix(seedmix[0] + rand_key(tick, 7))
    z1 = mix(seedmix[1] + rand_key(tick, 7))
    d = (fa[T_CLEAN] - fa[T_CLEAN + 1], fa[T_POWER] - fa[T_POWER + 1],
         fa[T_AGGR] * np.float32(0.01) - fa[T_AGGR + 1] * np.float32(0.01),
         fa[T_DEF] - fa[T_DEF + 1])
    noise = (unit(z0, 0) + unit(z0, 1), unit(z1, 0) + unit(z1, 1), unit(z0, 2) + unit(z1, 2))
    r = la[RND] - 1
    kd0, kd1 = ia[KD_ROUND], ia[KD_ROUND + 1]
    for jj in range(3):
        base = np.float32(-0.0)  # numpy's sum of 4: in order, from -0.0
        base += d[0] * judges[jj, 0]
        base += d[1] * judges[jj, 1]
        base += d[2] * judges[jj, 2]
        base += d[3] * judges[jj, 3]
        diff = base + (noise[jj] - np.float32(1.0)) * judges[jj, 4]
        p0, p1 = must(diff, kd0, kd1)
        scores[jj, r, 0] = p0
        scores[jj, r, 1] = p1
    if la[RND] >= ci[L.CI_ROUNDS]:
        a = 0
        b = 0
        for jj in range(3):
            t0 = 0
            t1 = 0
            for rr in range(scores.shape[1]):
                t0 += scores[jj, rr, 0]
                t1 += scores[jj, rr, 1]
            a += t0 > t1
            b += t1 > t0
        hi, lo = max(a, b), min(a, b)
        if hi == 3:
            method = M_UD
        elif hi == 2 and lo == 1:
            method = M_SD
        elif hi == 2 and lo == 0:
            method = M_MD
        else:
            method = M_DRAW
        winner = NO_WINNER if method == M_DRAW else (0 if a > b else 1)
        finish(ia, la, ci, j, winner, method)
        return
    # the corner: recovery, then everything of the round reset
    for s in range(2):
        rec = fx[REC_F + s] * (np.float32(1.0) - np.float32(0.004)
                                 * (np.float32(100) - fa[BODY + s]))
        fa[STAM + s] = min(fa[STAM + s] + cf[L.CF_CORNER_STAMINA] * rec, np.float32(100))
        fa[HEAD + s] = min(fa[HEAD + s] + cf[L.CF_CORNER_HEAD] * rec, np.float32(100))
        fa[BODY + s] = min(fa[BODY + s] + cf[L.CF_CORNER_BODY] * rec, np.float32(100))
        a = ia[ACT + s]
        if a == DOWN_ACT or a == KNOCKDOWN:
            fa[HEAD + s] = max(fa[HEAD + s], cf[L.CF_GETUP_HEAD])
        for f in (ACT, ACT_T, ACT_LEN, HURT_T, KD_ROUND, BUF_TTL, AI_T, DOWN_T):
            ia[f + s] = 0
        for f in (PUNISH, T_CLEAN, T_POWER, T_AGGR, T_DEF, GP):
            fa[f + s] = np.float32(0)
    fa[X] = -cf[L.CF_START_HALF]
    fa[X + 1] = cf[L.CF_START_HALF]
    la[BETWEEN_T] = ci[L.CI_CORNER_TICKS]


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def start_punch(ia, fa, fx, cf, move_i, move_f, j, sb):
    """step._start_punch on lane j (sb[S_START + s]: side s starts his buffered punch)."""
    one = np.float32(1)
    low = cf[L.CF_LOW]
    for s in range(2):
        mv = ia[BUF_MOVE + s]
        spd = fx[SPD_F + s] * (one + np.float32(0.6) * max(low - fa[STAM + s],
                                                             np.float32(0)) / low)
        spd = spd * (one + fb(ia[HURT_T + s] > 0) * cf[L.CF_HURT_SLOW_M1])
        su = np.int32(max(np.float64(move_i[M_STARTUP + mv]) * np.float64(spd) + 0.5, 1.0))
        rc = np.int32(np.float64(move_i[M_RECOVERY + mv]) * np.float64(spd) + 0.5)
        ac = su + move_i[M_ACTIVE + mv]
        st = sb[S_START + s]
        if st:
            ia[P_SU + s] = su
            ia[P_AC + s] = ac
            ia[ACT_LEN + s] = ac + rc
            ia[MOVE + s] = mv
            ia[RESOLVED + s] = 0
            ia[THROWN + s] += 1
            ia[BUF_TTL + s] = 0
        fa[STAM + s] = fa[STAM + s] - fb(st) * (move_f[M_STAM_COST + mv] * fx[COST_F + s])
        fa[T_AGGR + s] = fa[T_AGGR + s] + fb(st) * np.float32(8.0)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def constrain(fa, j, half, min_gap):
    """step._constrain: inside the ropes and min_gap apart."""
    x0, x1 = fa[X], fa[X + 1]
    over = max(min_gap - (x1 - x0), np.float32(0)) * np.float32(0.5)
    x0 = x0 - over
    x1 = x1 + over
    x0 = min(max(x0, -half), half - min_gap)
    x1 = min(max(x1, -half + min_gap), half)
    x1 = max(x1, x0 + min_gap)
    x0 = min(x0, x1 - min_gap)
    fa[X], fa[X + 1] = x0, x1


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def knockdown(ia, fa, fx, la, cf, ci, j, sb, sf):
    """step._knockdown on lane j."""
    for s in range(2):
        if sb[S_KD + s]:
            ia[ACT + s] = KNOCKDOWN
            ia[ACT_T + s] = 0
            ia[ACT_LEN + s] = ci[L.CI_FALL_TICKS]
            ia[KD_TOTAL + s] += 1
            ia[KD_ROUND + s] += 1
            ia[DOWN_T + s] = 0
            ia[COUNT_WAIT_T + s] = 0
            fa[GP + s] = np.float32(0)
            head = min(max(fa[HEAD + s], np.float32(0)), np.float32(100))
            fa[LEAK + s] = (cf[L.CF_GETUP_LEAK] * np.float32(ia[KD_TOTAL + s])
                              * (np.float32(0.4) + np.float32(1.3) * sf[S_U_LEAK + s])
                              * (np.float32(1.5) - fx[HEART_F + s] * np.float32(0.7))
                              * (np.float32(1.6) - head * np.float32(0.006)))
    for s in range(2):
        if sb[S_KD + 1 - s] and not sb[S_KD + s]:
            ia[ACT + s] = WALK_OUT
            ia[ACT_LEN + s] = 0
            ia[BUF_TTL + s] = 0
        elif sb[S_KD + s]:
            ia[BUF_TTL + s] = 0
    if ci[L.CI_THREE_KD] and not la[OVER]:
        three0 = sb[S_KD] and ia[KD_ROUND] >= 3
        three1 = sb[S_KD + 1] and ia[KD_ROUND + 1] >= 3
        if three0 or three1:
            finish(ia, la, ci, j, 1 if three0 else 0, M_TKO)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def resolve(ia, fa, fx, la, seedmix, cf, ci, move_i, move_f, flags, j, tick, sb, sf):
    """step._resolve on lane j: punches that arrive are blocked or land."""
    one = np.float32(1)
    z = (mix(seedmix[0] + rand_key(tick, 1)), mix(seedmix[1] + rand_key(tick, 1)))
    for s in range(2):
        o = 1 - s
        mv = ia[MOVE + s]
        opp_act, opp_t = ia[ACT + o], ia[ACT_T + o]
        head_t = (mv & 1) == 0
        guard = GUARD_HI[opp_act] if head_t else GUARD_LO[opp_act]
        sb[S_BLOCKED + s] = sb[S_CONN + s] and guard
        sb[S_LANDED + s] = sb[S_CONN + s] and not sb[S_BLOCKED + s]
        opp_punch = opp_act >= P_LO and opp_act <= P_HI
        sb[S_COUNTER + s] = (sb[S_LANDED + s] and opp_punch
                      and (opp_t < ia[P_SU + o] or opp_t >= ia[P_AC + o]))
        low = cf[L.CF_LOW]
        stamfac = one - np.float32(0.6) * max(low - fa[STAM + s], np.float32(0)) / low
        spread = cf[L.CF_SPREAD]
        desperate = (max(cf[L.CF_HB12] - fa[HEAD + s], np.float32(0)) * cf[L.CF_INV_HB12]
                     * fx[HEART_F + s] * cf[L.CF_HEART_POWER])
        u_dmg = unit(z[s], 0)
        from_below = flags[F_BEATS_DUCK + mv] != 0
        r = (move_f[M_DAMAGE + mv] * fx[POW_F + s] * stamfac * (one + desperate)
             * (cf[L.CF_DMG_BASE] + spread * u_dmg)
             * (one + fb(sb[S_COUNTER + s]) * cf[L.CF_COUNTER_M1])
             * (one + fb(from_below and sb[S_DUCKING + s]) * cf[L.CF_DUCK_M1]))
        sf[S_RAW + s] = r
        take = fx[CHIN_F + o] if head_t else fx[BODYTAKE_F + o]
        dm = r * fx[DEF_F + o] * take
        sf[S_DMG + s] = dm
        chip = r * (cf[L.CF_CHIP] + cf[L.CF_LEAKY] * (one - fa[STAM + o] * np.float32(0.01)))
        lh, lb = sb[S_LANDED + s] and head_t, sb[S_LANDED + s] and not head_t
        sf[S_DH + s] = (fb(lh) * dm + fb(sb[S_BLOCKED + s] and head_t) * chip
                 + fb(lb) * (dm * cf[L.CF_HEAD_FROM_BODY]))
        sf[S_DB + s] = (fb(lb) * (dm * cf[L.CF_BODY_MULT])
                        + fb(sb[S_BLOCKED + s] and not head_t) * chip)
        sf[S_DST + s] = (fb(lb) * (dm * cf[L.CF_BODY_STAM_MULT])
                  + fb(sb[S_BLOCKED + s]) * (r * cf[L.CF_BLOCK_COST]))
    was_hurt = (ia[HURT_T] > 0, ia[HURT_T + 1] > 0)
    for s in range(2):
        o = 1 - s
        fa[T_DEF + s] = fa[T_DEF + s] + fb(sb[S_BLOCKED + o])
        th, tb = sf[S_DH + o], sf[S_DB + o]
        fa[HEAD + s] = fa[HEAD + s] - th
        fa[BODY + s] = fa[BODY + s] - tb
        fa[STAM + s] = max(fa[STAM + s] - sf[S_DST + o], np.float32(0))
        ia[LANDED + s] += sb[S_LANDED + s]
        heavy = flags[F_HEAVY + ia[MOVE + s]] != 0
        fa[T_CLEAN + s] = fa[T_CLEAN + s] + fb(sb[S_LANDED + s]) * (one + fb(heavy)
                                                                 * np.float32(0.5))
        fa[T_POWER + s] = fa[T_POWER + s] + fb(sb[S_LANDED + s] and heavy) * sf[S_DMG + s]
        fa[PUNISH + s] = max(fa[PUNISH + s] + th + tb * np.float32(0.5)
                               - (sf[S_DH + s] + sf[S_DB + s]) * np.float32(1.5), np.float32(0))
    any_heavy = False
    for s in range(2):
        o = 1 - s
        took, blk, omv = sb[S_LANDED + o], sb[S_BLOCKED + o], ia[MOVE + o]
        if took:
            stun = move_i[M_HITSTUN + omv]
        else:
            stun = move_i[M_BLOCKSTUN + omv]
        if was_hurt[s]:
            stun = np.int32(np.float64(stun) * np.float64(cf[L.CF_HURT_SLOW]))
        if took:
            ia[ACT + s] = HIT_HEAD + (omv & 1)
        elif blk:
            ia[ACT + s] = BLOCK
        if took or blk:
            ia[ACT_T + s] = 0
            ia[ACT_LEN + s] = stun
        kb = move_f[M_KNOCKBACK + omv] * (fb(took) + fb(blk) * np.float32(0.5))
        half = cf[L.CF_HALF]
        dirn = np.float32(1.0) if s == 0 else np.float32(-1.0)
        fa[X + s] = min(max(fa[X + s] - kb * dirn, -half), half)
        th = sf[S_DH + o]
        big = th > cf[L.CF_HURT_HIT] * (np.float32(0.4) + np.float32(0.006)
                                        * max(fa[HEAD + s], np.float32(0)))
        if took and (big or fa[HEAD + s] < cf[L.CF_HURT_BELOW]):
            ia[HURT_T + s] = ci[L.CI_HURT_TICKS]
        sb[S_KD + s] = took and (fa[HEAD + s] <= np.float32(0) or fa[BODY + s] <= np.float32(0))
        sb[S_HEAVY_HIT + s] = took and flags[F_HEAVY + omv] != 0 and th >= cf[L.CF_KD_HIT]
        any_heavy = any_heavy or sb[S_HEAVY_HIT + s]
    if any_heavy:
        flash = cf[L.CF_KD_FLASH]
        for s in range(2):
            o = 1 - s
            chance = (cf[L.CF_KD_CHANCE] * (np.float32(1.2) - fx[HEART_F + s] * np.float32(0.7))
                      * (flash + fb(was_hurt[s]) * (one - flash))
                      * (np.float32(0.5) + fb(sb[S_COUNTER + o]) * np.float32(0.5))
                      * fx[POW_F + o])
            sb[S_KD + s] = sb[S_KD + s] or (sb[S_LANDED + o] and sb[S_HEAVY_HIT + s]
                                          and unit(z[s], 1) < chance)
    if sb[S_KD] or sb[S_KD + 1]:
        sf[S_U_LEAK], sf[S_U_LEAK + 1] = unit(z[0], 2), unit(z[1], 2)
        knockdown(ia, fa, fx, la, cf, ci, j, sb, sf)


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def contact(ia, fa, fx, la, seedmix, cf, ci, move_i, move_f, flags, j, tick, sb, sf):
    """step._contact on lane j: which punches in their active ticks connect, which whiff."""
    gap = fa[X + 1] - fa[X]
    for s in range(2):
        o = 1 - s
        mv = ia[MOVE + s]
        opp_act, opp_t = ia[ACT + o], ia[ACT_T + o]
        head_t = (mv & 1) == 0
        sb[S_IN_RANGE + s] = gap <= move_f[M_REACH + mv] + fx[REACH_BONUS + s]
        dodging = opp_t < ia[ACT_LEN + o] - ci[L.CI_VULNERABLE_TICKS]
        sb[S_DUCKING + s] = opp_act == DUCK and dodging
        slipping = (opp_act == SLIP_L or opp_act == SLIP_R) and dodging
        evade = head_t and (slipping or (sb[S_DUCKING + s] and flags[F_BEATS_DUCK + mv] == 0))
        sb[S_CONN + s] = (sb[S_ACTIVE + s] and sb[S_IN_RANGE + s] and not evade
                          and opp_act < UNHIT_MIN)
        sb[S_WHIFF + s] = (sb[S_ACTIVE + s] and not sb[S_CONN + s]
                           and ia[ACT_T + s] == ia[P_AC + s] - 1)
    if sb[S_WHIFF] or sb[S_WHIFF + 1]:
        for s in range(2):
            mv = ia[MOVE + s]
            fa[STAM + s] = fa[STAM + s] - fb(sb[S_WHIFF + s]) * (move_f[M_WHIFF_COST + mv]
                                                              * fx[COST_F + s])
        t0 = fb(sb[S_WHIFF + 1] and sb[S_IN_RANGE + 1])
        t1 = fb(sb[S_WHIFF] and sb[S_IN_RANGE])
        fa[T_DEF] = fa[T_DEF] + t0
        fa[T_DEF + 1] = fa[T_DEF + 1] + t1
    if not (sb[S_CONN] or sb[S_CONN + 1]):
        return
    for s in range(2):
        if sb[S_CONN + s]:
            ia[RESOLVED + s] = 1
    resolve(ia, fa, fx, la, seedmix, cf, ci, move_i, move_f, flags, j, tick, sb, sf)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def count(ia, fa, fx, la, cf, ci, j, sb, si):
    """step._count on lane j: the referee counts, the downed man mashes to get up."""
    live = la[OVER] == 0
    for s in range(2):
        sb[S_STAND + s] = sb[S_DOWNED + 1 - s] and not sb[S_DOWNED + s] and ia[ACT + s] < CLINCH
    for s in range(2):
        corner = cf[L.CF_CORNER_L] if s == 0 else cf[L.CF_CORNER_R]
        to_go = (corner - fa[X + s]) * fb(sb[S_STAND + s] and live)
        walk = fx[WALK_PX + s]
        sb[S_THERE + s] = abs(to_go) <= walk
        fa[X + s] = fa[X + s] + min(max(to_go, -walk), walk)
        if sb[S_STAND + s] and live:
            ia[ACT + s] = IDLE if sb[S_THERE + s] else WALK_OUT
    for s in range(2):
        o = 1 - s
        sb[S_WAITING + s] = (sb[S_DOWNED + s] and live and (sb[S_STAND + o] and not sb[S_THERE + o])
                      and ia[COUNT_WAIT_T + s] < ci[L.CI_COUNT_WAIT_TICKS])
    ct = ci[L.CI_COUNT_TICKS]
    for s in range(2):
        ia[COUNT_WAIT_T + s] += sb[S_WAITING + s]
        counting = sb[S_DOWNED + s] and live and not sb[S_WAITING + s]
        ia[DOWN_T + s] += counting
        lying = ia[ACT + s] == DOWN_ACT and counting
        mash_now = (si[S_PRESSED + s] & PUNCH_MASK) != 0 and lying
        gain = (cf[L.CF_GETUP_PRESS] * (np.float32(0.45) + np.float32(0.55) * fx[HEART_F + s])
                / (np.float32(0.6) + np.float32(0.4) * np.float32(ia[KD_TOTAL + s])))
        if lying:
            fa[GP + s] = max(fa[GP + s] + fb(mash_now) * gain - fa[LEAK + s],
                               np.float32(0))
        sb[S_RISE + s] = lying and fa[GP + s] >= np.float32(100) and ia[DOWN_T + s] < 10 * ct
    for s in range(2):
        if sb[S_RISE + s]:
            ia[ACT + s] = GETUP
            ia[ACT_T + s] = 0
            ia[ACT_LEN + s] = ci[L.CI_GETUP_TICKS]
            restore = (cf[L.CF_GETUP_HEAD]
                       - np.float32(8) * np.float32(ia[KD_TOTAL + s] - 1)
                       + np.float32(12) * fx[HEART_F + s])
            fa[HEAD + s] = max(fa[HEAD + s], restore)
            fa[BODY + s] = max(fa[BODY + s], np.float32(25))
            ia[HURT_T + s] = ci[L.CI_HURT_TICKS]
            fa[PUNISH + s] = np.float32(0)
    out0 = sb[S_DOWNED] and live and not sb[S_RISE] and ia[DOWN_T] >= 10 * ct
    out1 = sb[S_DOWNED + 1] and live and not sb[S_RISE + 1] and ia[DOWN_T + 1] >= 10 * ct
    if out0 or out1:
        finish(ia, la, ci, j, 1 if out0 else 0, M_KO)


@nb.njit(cache=True, _nrt=False, error_model="numpy", inline="always")
def step_lane(ia, fa, fx, la, seedmix, scores, cf, ci, move_i, move_f, flags, dlen, cost,
              judges, j, tick, sb, si, sf):
    """step.step on lane j for the tick `tick` (already counted), buttons from ai_out."""
    one = np.float32(1)
    for s in range(2):
        ia[ACT_T + s] += 1
    btn = (ia[AI_OUT], ia[AI_OUT + 1])
    for s in range(2):
        si[S_PRESSED + s] = btn[s] & ~ia[PREV_BTN + s]
        ia[PREV_BTN + s] = btn[s]
        si[S_ACT + s] = ia[ACT + s]
    any_down = si[S_ACT] >= DOWN_MIN or si[S_ACT + 1] >= DOWN_MIN
    fight = la[OVER] == 0 and la[BETWEEN_T] == 0
    play = fight and not any_down
    for s in range(2):
        si[S_EFF + s] = btn[s] if play else 0
        pr = si[S_PRESSED + s] & si[S_EFF + s]
        punch = PUNCH_LUT[(pr >> 4) & 15]
        if punch >= 0:
            ia[BUF_MOVE + s] = punch * 2 + ((si[S_EFF + s] & DOWN_BIT) != 0)
            ia[BUF_TTL + s] = ci[L.CI_BUFFER_TICKS]
        else:
            ia[BUF_TTL + s] -= 1

    # timed actions that run out
    for s in range(2):
        sb[S_ENDED + s] = ia[ACT_LEN + s] > 0 and ia[ACT_T + s] >= ia[ACT_LEN + s]
    if sb[S_ENDED] or sb[S_ENDED + 1]:
        brk = False
        for s in range(2):
            if sb[S_ENDED + s]:
                was = si[S_ACT + s]
                si[S_ACT + s] = END_NEXT[was]
                ia[ACT_T + s] = 0
                ia[ACT_LEN + s] = 0
                brk = brk or was == CLINCH
        if brk:
            fa[X] = -cf[L.CF_BREAK_HALF]
            fa[X + 1] = cf[L.CF_BREAK_HALF]

    # free fighters choose: punch, or what the held buttons say
    gap = fa[X + 1] - fa[X]
    for s in range(2):
        opp = si[S_ACT + 1 - s]
        sb[S_FREE + s] = si[S_ACT + s] <= FREE_MAX and play
        clinch_ok = gap <= cf[L.CF_CLINCH_GAP] and (opp <= FREE_MAX or (opp >= HIT_HEAD
                                                                         and opp <= BLOCK))
        key = ((si[S_EFF + s] & 0x0B) | ((si[S_EFF + s] >> 4) & 0x30) | (64 if clinch_ok else 0)
               | (128 if s == 1 else 0))
        sb[S_START + s] = sb[S_FREE + s] and ia[BUF_TTL + s] > 0
        si[S_NEW_ACT + s] = PUNCH0 + (ia[BUF_MOVE + s] >> 1) if sb[S_START + s] else INTENT[key]
        sb[S_CHANGED + s] = sb[S_FREE + s] and si[S_NEW_ACT + s] != si[S_ACT + s]
    if sb[S_CHANGED] or sb[S_CHANGED + 1]:
        for s in range(2):
            if sb[S_FREE + s]:
                si[S_ACT + s] = si[S_NEW_ACT + s]
            if sb[S_CHANGED + s]:
                ia[ACT_T + s] = 0
            timed = dlen[si[S_ACT + s]]
            if sb[S_CHANGED + s]:
                ia[ACT_LEN + s] = timed
            fa[STAM + s] -= fb(sb[S_CHANGED + s] and timed > 0) * (cf[L.CF_DODGE_COST]
                                                              * fx[COST_F + s])
        if sb[S_START] or sb[S_START + 1]:
            start_punch(ia, fa, fx, cf, move_i, move_f, j, sb)
        cl0 = sb[S_CHANGED] and si[S_ACT] == CLINCH
        cl1 = sb[S_CHANGED + 1] and si[S_ACT + 1] == CLINCH
        if cl0 or cl1:
            for s in range(2):
                si[S_ACT + s] = CLINCH
                ia[ACT_T + s] = 0
                ia[ACT_LEN + s] = ci[L.CI_CLINCH_TICKS]
            fa[STAM] -= fb(cl0) * cf[L.CF_CLINCH_COST]
            fa[STAM + 1] -= fb(cl1) * cf[L.CF_CLINCH_COST]
            ia[L.CLINCHES] += cl0
            ia[L.CLINCHES + 1] += cl1
    for s in range(2):
        ia[ACT + s] = si[S_ACT + s]

    # movement: walking, stepping back, the ropes, bodies touching
    any_step = False
    for s in range(2):
        a = si[S_ACT + s]
        sb[S_STEPPING + s] = a == STEP_BACK
        any_step = any_step or sb[S_STEPPING + s]
        toward = 2 if s == 0 else 1  # Button.RIGHT / LEFT
        shell = a == GUARD_HIGH and (si[S_EFF + s] & toward) != 0
        vel = (VEL[a] - fb(sb[S_STEPPING + s]) * cf[L.CF_STEP_BACK_SPEED]
               + fb(shell) * np.float32(0.6))
        slow = one - fb(ia[HURT_T + s] > 0) * np.float32(0.4)
        dirn = np.float32(1.0) if s == 0 else np.float32(-1.0)
        dx = vel * fx[WALK_PX + s] * slow * dirn * fb(play)
        fa[X + s] += dx
        fa[T_AGGR + s] += fb(a == WALK_IN)
    half = cf[L.CF_HALF]
    if any_step:
        past0 = max(abs(fa[X]) - half, np.float32(0)) * fb(sb[S_STEPPING])
        past1 = max(abs(fa[X + 1]) - half, np.float32(0)) * fb(sb[S_STEPPING + 1])
        fa[X] += past1 * np.float32(-1.0) * np.float32(0.5)
        fa[X + 1] += past0 * np.float32(1.0) * np.float32(0.5)
    constrain(fa, j, half, cf[L.CF_MIN_GAP])

    # punches in their active window
    for s in range(2):
        a, t = si[S_ACT + s], ia[ACT_T + s]
        sb[S_ACTIVE + s] = (a >= P_LO and a <= P_HI and t >= ia[P_SU + s] and t < ia[P_AC + s]
                     and ia[RESOLVED + s] == 0 and la[OVER] == 0)
    if sb[S_ACTIVE] or sb[S_ACTIVE + 1]:
        contact(ia, fa, fx, la, seedmix, cf, ci, move_i, move_f, flags, j, tick, sb, sf)

    # stamina and health over time
    if tick & 3 == 0:  # step.REGEN_EVERY = 4
        k4 = np.float32(4)
        for s in range(2):
            a = ia[ACT + s]
            st = fa[STAM + s] + (fx[REGEN_F + s] * REGEN[a]
                                   * (np.float32(0.5) + fa[BODY + s] * np.float32(0.005))
                                   - cost[a]) * k4
            fa[STAM + s] = min(max(st, np.float32(0)), np.float32(100))
            fa[HEAD + s] = min(fa[HEAD + s] + fx[REC_F + s] * cf[L.CF_HEAD_REGEN_K],
                                 np.float32(100))
            fa[BODY + s] = min(fa[BODY + s] + fx[REC_F + s] * cf[L.CF_BODY_REGEN_K],
                                 np.float32(100))
            fa[PUNISH + s] *= cf[L.CF_DECAY_K]
    else:
        for s in range(2):
            fa[STAM + s] = max(fa[STAM + s], np.float32(0))
    for s in range(2):
        if ia[HURT_T + s] > 0:
            ia[HURT_T + s] -= 1

    # knocked down fighters: the count
    for s in range(2):
        sb[S_DOWNED + s] = ia[ACT + s] >= DOWN_MIN
    if sb[S_DOWNED] or sb[S_DOWNED + 1]:
        count(ia, fa, fx, la, cf, ci, j, sb, si)

    # referee stoppage
    stop0 = fa[PUNISH] > cf[L.CF_STOP_LIMIT] and ia[HURT_T] > 0
    stop1 = fa[PUNISH + 1] > cf[L.CF_STOP_LIMIT] and ia[HURT_T + 1] > 0
    if stop0 or stop1:
        stop0 = stop0 and fight and ia[ACT] < DOWN_MIN
        stop1 = stop1 and fight and ia[ACT + 1] < DOWN_MIN
        if stop0 or stop1:
            finish(ia, la, ci, j, 1 if stop0 else 0, M_TKO)

    # the clock, the bell, the corner
    fight = la[OVER] == 0 and la[BETWEEN_T] == 0
    if fight and la[CLOCK_T] > 0:
        la[CLOCK_T] -= 1
    if not fight and la[BETWEEN_T] > 0:
        la[BETWEEN_T] -= 1
        if la[BETWEEN_T] == 0 and la[OVER] == 0:
            la[RND] += 1
            la[CLOCK_T] = ci[L.CI_ROUND_TICKS]
    if fight and la[CLOCK_T] <= 0:
        anyd = ia[ACT] >= DOWN_MIN or ia[ACT + 1] >= DOWN_MIN
        saved = ci[L.CI_SAVED_BY_BELL] != 0  # the last round too: the cards decide
        if not anyd or saved:
            end_round(ia, fa, fx, la, seedmix, scores, judges, cf, ci, j, tick)


@nb.njit(cache=True, _nrt=False, error_model="numpy")
def run_lanes(lo, hi, start_tick, ia, fa, fx, la, ticks, dp, seedmix, scores, cf, ci, move_i,
              move_f, flags, dlen, cost, judges, max_ticks, settle, pre, sb, si, sf, li, lf,
              lx, ld, ll, lsm, lsc, codes, bmem):
    """Lanes lo..hi-1, each from `start_tick` until its bout is over and the tick is a
    multiple of `settle` (or max_ticks): the CPU of each side thinks on its ticks (ai.thinks),
    then the step. ticks[j] gets the tick each lane stopped on.

    A lane is copied into small arrays of its own (li, lf, lx, ld, ll, lsm, lsc: its rows of
    ia, fa, fx, dp, la, seedmix, scores) while it runs, and back when it stops: the step then
    reads a few cache lines instead of one per field. The fighter arrays among them are flat
    (field F of side s at [F + s], layout's offsets): with the side known, every access is a
    constant offset from the array's start (2-d arrays cost a multiply by a shape the compiler
    cannot see, and a register for it: 63 -> 56 ns per lane-tick).

    `settle` = the numpy simulator's COMPACT_EVERY: it takes a lane's results when it drops
    the finished lanes, and a punch already in its active window can still land after the
    final bell of a draw, so stepping on to that tick gives its very numbers.
    `codes[s, j]`: 0 where side s of lane j is the CPU, else the scripted player it is
    (game.kernel.bots), whose memory is bmem[:, s, j]."""
    for j in range(lo, hi):
        for s in range(2):
            for f in range(li.shape[0] // 2):
                li[2 * f + s] = ia[f, s, j]
            for f in range(lf.shape[0] // 2):
                lf[2 * f + s] = fa[f, s, j]
            for f in range(lx.shape[0] // 2):
                lx[2 * f + s] = fx[f, s, j]
            for f in range(ld.shape[0] // 2):
                ld[2 * f + s] = dp[f, s, j]
            lsm[s] = seedmix[s, j]
        for f in range(ll.shape[0]):
            ll[f] = la[f, j]
        for a in range(3):
            for r in range(lsc.shape[1]):
                lsc[a, r, 0], lsc[a, r, 1] = scores[j, a, r, 0], scores[j, a, r, 1]
        prepare(lx, ld, move_f, j, 0, pre)
        prepare(lx, ld, move_f, j, 1, pre)
        tick = start_tick
        while (ll[OVER] == 0 or tick % settle != 0) and tick < max_ticks:
            phase = (tick + 1) & 3  # ai.thinks: THINK_TICKS = 4
            if phase & 1 == 0:  # side 0 thinks on phase 0 and side 1 on 2; the other mashes
                side = phase >> 1  # (the two touch different fields: in either order)
                think(li, lf, lx, ld, pre, lsm, move_f, flags, cf, j, side, tick)
                mash(li, ld, lsm, j, 1 - side, tick)
            tick += 1
            if codes[0, j] + codes[1, j] != 0:  # a scripted side presses every tick
                press(li, lf, lx, move_f, lsm, codes, bmem, j, tick - 1)
            step_lane(li, lf, lx, ll, lsm, lsc, cf, ci, move_i, move_f, flags, dlen,
                      cost, judges, j, tick, sb, si, sf)
        ticks[j] = tick
        for s in range(2):
            for f in range(li.shape[0] // 2):
                ia[f, s, j] = li[2 * f + s]
            for f in range(lf.shape[0] // 2):
                fa[f, s, j] = lf[2 * f + s]
        for f in range(ll.shape[0]):
            la[f, j] = ll[f]
        for a in range(3):
            for r in range(lsc.shape[1]):
                scores[j, a, r, 0], scores[j, a, r, 1] = lsc[a, r, 0], lsc[a, r, 1]


def scratch() -> tuple[np.ndarray, ...]:
    """run_lanes' scratch arrays (the kernel itself allocates nothing, so it runs without
    numba's reference counting, which costs more than the model on this many branches)."""
    return (np.zeros(N_PRE * 2, np.float32), np.zeros(20 * 2, np.bool_),
            np.zeros(4 * 2, np.int32), np.zeros(6 * 2, np.float32),
            np.zeros(len(L.INT_FIELDS) * 2, np.int32),
            np.zeros(len(L.FLOAT_FIELDS) * 2, np.float32),
            np.zeros(len(L.FIXED_FIELDS) * 2, np.float32),
            np.zeros(len(L.DIFF_FIELDS) * 2, np.float32), np.zeros(len(L.LANE_INT), np.int32),
            np.zeros(2, np.uint64), np.zeros((3, MAX_ROUNDS, 2), np.int32))
