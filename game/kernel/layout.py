"""How the compiled lane kernel sees a BoutState: stacked arrays and named row indices.

The kernel (game.kernel.lanes) works on a few stacked arrays instead of the state's ~60 named
ones: integer fighter fields (NI, 2, B), float fighter fields (NF, 2, B), lane fields (NL, B),
the fixed ratings (K, 2, B) and the model's constants, each precomputed here in exactly the
float32 (or float64) arithmetic the numpy model uses, so the two paths agree bit for bit.
Plain numpy: importing this never imports numba.
"""
from __future__ import annotations

import numpy as np

from game.combat.state import FIXED_FIELDS, BoutState
from game.combat.step import _luts

F32 = np.float32
I32 = np.int32

INT_FIELDS = ("act", "act_t", "act_len", "p_su", "p_ac", "move", "resolved", "buf_move",
              "buf_ttl", "prev_btn", "hurt_t", "kd_total", "kd_round", "thrown", "landed",
              "down_t", "ai_btn", "ai_t", "ai_out", "count_wait_t", "ai_jabs", "clinches", "ai_seq",
              "ai_hab")
FLOAT_FIELDS = ("x", "head", "body", "stam", "punish", "gp", "leak", "t_clean", "t_power",
                "t_aggr", "t_def")
LANE_INT = ("rnd", "clock_t", "between_t", "over", "winner", "method", "end_round", "end_ticks")
# The kernel keeps one lane's fighter fields in flat arrays, side 0's value of field f at
# [F] and side 1's at [F + 1]: these names are those offsets, twice the row in the stacked
# arrays (ia[F // 2, side, lane]), compile-time constants of the kernel
(ACT, ACT_T, ACT_LEN, P_SU, P_AC, MOVE, RESOLVED, BUF_MOVE, BUF_TTL, PREV_BTN, HURT_T, KD_TOTAL,
 KD_ROUND, THROWN, LANDED, DOWN_T, AI_BTN, AI_T, AI_OUT, COUNT_WAIT_T, AI_JABS, CLINCHES, AI_SEQ,
 AI_HAB) = range(0, 48, 2)
(X, HEAD, BODY, STAM, PUNISH, GP, LEAK, T_CLEAN, T_POWER, T_AGGR, T_DEF) = range(0, 22, 2)
(RND, CLOCK_T, BETWEEN_T, OVER, WINNER, METHOD, END_ROUND, END_TICKS) = range(8)
(POW_F, SPD_F, WALK_PX, CHIN_F, BODYTAKE_F, DEF_F, COST_F, REGEN_F, REC_F, HEART_F, REACH_BONUS,
 AI_AGGR, AI_RANGE, AI_JAB, AI_BODY, AI_WORK, AI_GUARD, AI_DODGE, AI_COUNTER, AI_CLINCH,
 AI_COMP) = range(0, 42, 2)
assert tuple(FIXED_FIELDS[i // 2] for i in (POW_F, AI_COMP)) == ("pow_f", "ai_comp")
assert len(INT_FIELDS) == AI_HAB // 2 + 1 and len(FLOAT_FIELDS) == T_DEF // 2 + 1
DIFF_FIELDS = ("react_ticks", "read", "mistake", "punish", "mash", "learn_jabs", "jab_read",
               "learn_habit", "habit_read", "pace")
(D_REACT, D_READ, D_MISTAKE, D_PUNISH, D_MASH, D_LEARN, D_JAB_READ, D_LEARN_HABIT, D_HABIT_READ,
 D_PACE) = range(0, 20, 2)
assert len(DIFF_FIELDS) == D_PACE // 2 + 1
MOVE_INT = ("startup_ticks", "active_ticks", "recovery_ticks", "hitstun_ticks", "blockstun_ticks")
MOVE_FLOAT = ("reach_px", "damage", "stamina_cost", "whiff_cost", "knockback_px")
N_MOVES = 8  # punches x (head, body): the row length of the move tables
# the move tables are flat too: move m's number of row M at [M + m]
(M_STARTUP, M_ACTIVE, M_RECOVERY, M_HITSTUN, M_BLOCKSTUN) = range(0, 5 * N_MOVES, N_MOVES)
(M_REACH, M_DAMAGE, M_STAM_COST, M_WHIFF_COST, M_KNOCKBACK) = range(0, 5 * N_MOVES, N_MOVES)
F_HEAVY, F_BEATS_DUCK = 0, N_MOVES  # rows of the flags table

# float32 constants of the model, each as the numpy model computes it (see constants())
CF_NAMES = ("half", "min_gap", "clinch_gap", "break_half", "step_back_speed", "dodge_cost",
            "clinch_cost", "low", "hurt_slow_m1", "hurt_slow", "spread", "dmg_base", "hb12",
            "inv_hb12", "heart_power", "counter_m1", "duck_m1", "chip", "leaky",
            "head_from_body", "body_mult", "body_stam_mult", "block_cost", "hurt_hit",
            "hurt_below", "kd_hit", "kd_chance", "getup_leak", "head_regen_k", "body_regen_k",
            "decay_k", "stop_limit", "getup_press", "getup_head", "corner_stamina",
            "corner_head", "corner_body", "start_half", "corner_l", "corner_r", "clinch_gap15",
            "kd_flash", "hold_gap")
CI_NAMES = ("buffer_ticks", "vulnerable_ticks", "clinch_ticks", "hurt_ticks", "fall_ticks",
            "count_ticks", "count_wait_ticks", "getup_ticks", "round_ticks", "rounds",
            "corner_ticks", "three_kd", "saved_by_bell")
(CF_HALF, CF_MIN_GAP, CF_CLINCH_GAP, CF_BREAK_HALF, CF_STEP_BACK_SPEED, CF_DODGE_COST,
 CF_CLINCH_COST, CF_LOW, CF_HURT_SLOW_M1, CF_HURT_SLOW, CF_SPREAD, CF_DMG_BASE, CF_HB12,
 CF_INV_HB12, CF_HEART_POWER, CF_COUNTER_M1, CF_DUCK_M1, CF_CHIP, CF_LEAKY, CF_HEAD_FROM_BODY,
 CF_BODY_MULT, CF_BODY_STAM_MULT, CF_BLOCK_COST, CF_HURT_HIT, CF_HURT_BELOW, CF_KD_HIT,
 CF_KD_CHANCE, CF_GETUP_LEAK, CF_HEAD_REGEN_K, CF_BODY_REGEN_K, CF_DECAY_K, CF_STOP_LIMIT,
 CF_GETUP_PRESS, CF_GETUP_HEAD, CF_CORNER_STAMINA, CF_CORNER_HEAD, CF_CORNER_BODY,
 CF_START_HALF, CF_CORNER_L, CF_CORNER_R, CF_CLINCH_GAP15, CF_KD_FLASH, CF_HOLD_GAP) = range(43)
(CI_BUFFER_TICKS, CI_VULNERABLE_TICKS, CI_CLINCH_TICKS, CI_HURT_TICKS, CI_FALL_TICKS,
 CI_COUNT_TICKS, CI_COUNT_WAIT_TICKS, CI_GETUP_TICKS, CI_ROUND_TICKS, CI_ROUNDS,
 CI_CORNER_TICKS, CI_THREE_KD, CI_SAVED_BY_BELL) = range(13)
assert len(CF_NAMES) == CF_HOLD_GAP + 1 and len(CI_NAMES) == CI_SAVED_BY_BELL + 1


def constants(state: BoutState) -> tuple[np.ndarray, ...]:
    """(cf, ci, move_i, move_f, flags, dlen, cost, judges) for the kernel."""
    t, r = state.table, state.rules
    m, d = t.model, t.defense
    half = F32(m["ring_half_px"])
    decay = 1.0
    for _ in range(4):  # as step: REGEN_EVERY repeated products
        decay *= m["stop_decay"]
    spread = F32(m["damage_spread"])
    left, right = r.neutral_corners_px
    cf = {
        "half": half, "min_gap": F32(m["min_gap_px"]), "clinch_gap": F32(d["clinch_gap_px"]),
        "break_half": F32(d["break_gap_px"] * 0.5), "step_back_speed": F32(d["step_back_speed"]),
        "dodge_cost": F32(d["dodge_cost"]), "clinch_cost": F32(d["clinch_cost"]),
        "low": F32(m["low_stamina"]), "hurt_slow_m1": F32(m["hurt_slow"] - 1),
        "hurt_slow": F32(m["hurt_slow"]), "spread": spread,
        "dmg_base": F32(1) - spread * F32(0.5), "hb12": F32(m["hurt_below"] + 12),
        "inv_hb12": F32(1.0 / (m["hurt_below"] + 12)), "heart_power": F32(m["heart_power"]),
        "counter_m1": F32(m["counter_mult"] - 1), "duck_m1": F32(m["duck_uppercut_mult"] - 1),
        "chip": F32(d["chip"]), "leaky": F32(d["leaky_guard"]),
        "head_from_body": F32(m["head_from_body"]), "body_mult": F32(m["body_mult"]),
        "body_stam_mult": F32(m["body_stamina_mult"]), "block_cost": F32(d["block_cost"]),
        "hurt_hit": F32(m["hurt_hit"]), "hurt_below": F32(m["hurt_below"]),
        "kd_hit": F32(m["kd_hit"]), "kd_chance": F32(m["kd_chance"]),
        "getup_leak": F32(m["getup_leak"]), "head_regen_k": F32(m["head_regen"] * 4),
        "body_regen_k": F32(m["body_regen"] * 4), "decay_k": F32(decay),
        "stop_limit": F32(m["stop_limit"]), "getup_press": F32(m["getup_press"]),
        "getup_head": F32(m["getup_head"]), "corner_stamina": F32(m["corner_stamina"]),
        "corner_head": F32(m["corner_head"]), "corner_body": F32(m["corner_body"]),
        "start_half": F32(m["start_gap_px"] * 0.5),
        "corner_l": F32(max(left, -half)), "corner_r": F32(min(right, half)),
        "clinch_gap15": F32(d["clinch_gap_px"] + 15), "kd_flash": F32(m["kd_flash"]),
        "hold_gap": F32(d["clinch_gap_px"] + 25),  # ai._prepare's pre_hold_gap
    }
    ci = {
        "buffer_ticks": m["buffer_ticks"], "vulnerable_ticks": d["vulnerable_ticks"],
        "clinch_ticks": d["clinch_ticks"], "hurt_ticks": m["hurt_ticks"],
        "fall_ticks": m["fall_ticks"], "count_ticks": m["count_ticks"],
        "count_wait_ticks": m["count_wait_ticks"], "getup_ticks": m["getup_ticks"],
        "round_ticks": r.round_ticks, "rounds": r.rounds, "corner_ticks": m["corner_ticks"],
        "three_kd": int(bool(r.three_knockdown_rule)), "saved_by_bell": int(bool(r.saved_by_bell)),
    }
    dlen, cost = _luts(t)
    move_i = np.stack([np.asarray(t.move[k], I32) for k in MOVE_INT])
    move_f = np.stack([np.asarray(t.move[k], F32) for k in MOVE_FLOAT])
    flags = np.stack([np.asarray(t.heavy, I32), np.asarray(t.beats_duck, I32)])
    assert move_i.shape[1] == N_MOVES
    return (np.asarray([cf[n] for n in CF_NAMES], F32), np.asarray([ci[n] for n in CI_NAMES], I32),
            move_i.ravel(), move_f.ravel(), flags.ravel(), np.asarray(dlen, I32),
            np.asarray(cost, F32),
            np.ascontiguousarray(t.judges, F32))


def pack(state: BoutState) -> tuple[np.ndarray, ...]:
    """The state's arrays stacked for the kernel: (ia, fa, la, fx, seedmix, scores)."""
    ia = np.stack([getattr(state, n).astype(I32) for n in INT_FIELDS])
    fa = np.stack([getattr(state, n) for n in FLOAT_FIELDS]).astype(F32)
    la = np.stack([getattr(state, n).astype(I32) for n in LANE_INT])
    return (ia, fa, la, np.ascontiguousarray(state.fixed, F32),
            np.ascontiguousarray(state.seedmix), np.ascontiguousarray(state.scores))


def unpack(state: BoutState, ia: np.ndarray, fa: np.ndarray, la: np.ndarray,
           scores: np.ndarray) -> None:
    """Write the kernel's arrays back into the state (with the state's own dtypes)."""
    for i, n in enumerate(INT_FIELDS):
        setattr(state, n, ia[i].astype(getattr(state, n).dtype))
    for i, n in enumerate(FLOAT_FIELDS):
        setattr(state, n, fa[i].copy())
    for i, n in enumerate(LANE_INT):
        setattr(state, n, la[i].astype(getattr(state, n).dtype))
    state.scores = scores


def difficulty_rows(params: tuple[dict, dict], batch: int) -> np.ndarray:
    """(10, 2, B) float32 difficulty numbers of both sides (rows as DIFF_FIELDS)."""
    out = np.empty((len(DIFF_FIELDS), 2, batch), F32)
    for side in (0, 1):
        for i, k in enumerate(DIFF_FIELDS):
            out[i, side] = params[side][k]
    return out
