"""The bell, the corner, the judges and the end of a bout.

Three judges score every round on the 10-point must system from clean punches, power landed,
effective aggression and defence, each with his own weights (moves.toml [[judges]]) and his own
noise, so close fights split. A knockdown costs the downed man a point; the round winner keeps
10 (so one knockdown against the loser is 10-8, and a knockdown against the man who otherwise won
the round evens it at 10-10).
"""
from __future__ import annotations

import numpy as np

from game.combat.state import NO_WINNER, A, BoutState, M, random4
from game.combat.view import StepEvents

F32 = np.float32
SIDES = np.asarray([[0], [1]])
SIDE0 = SIDES == 0
EVEN_MARGIN = 0.5  # a judge's score difference under this is a 10-10 round


def must_points(diff: np.ndarray, kd0: np.ndarray, kd1: np.ndarray) -> tuple[np.ndarray, ...]:
    """10-point must: round points for (side 0, side 1) from a judge's score difference
    (+ favours side 0) and the knockdowns each side suffered in the round."""
    p0 = np.where(diff <= -EVEN_MARGIN, 9, 10) - kd0
    p1 = np.where(diff >= EVEN_MARGIN, 9, 10) - kd1
    lift = 10 - np.maximum(p0, p1)
    return np.maximum(p0 + lift, 6), np.maximum(p1 + lift, 6)


def decision(totals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Winner (0, 1 or NO_WINNER) and method code from card totals of shape (N, 3, 2)."""
    a = (totals[:, :, 0] > totals[:, :, 1]).sum(axis=1)
    b = (totals[:, :, 1] > totals[:, :, 0]).sum(axis=1)
    hi, lo = np.maximum(a, b), np.minimum(a, b)
    method = np.select([hi == 3, (hi == 2) & (lo == 1), (hi == 2) & (lo == 0)],
                       [M["UD"], M["SD"], M["MD"]], M["DRAW"])
    winner = np.where(method == M["DRAW"], NO_WINNER, np.where(a > b, 0, 1))
    return winner, method


def end_round(s: BoutState, ev: StepEvents, lanes: np.ndarray) -> None:
    """The bell: judges score the round, then the corner (or the decision after the last)."""
    e = np.nonzero(lanes)[0]
    w = s.table.judges  # (3, 5)
    u = random4(s, 7)
    feats = np.stack([s.t_clean[:, e], s.t_power[:, e], s.t_aggr[:, e] * F32(0.01),
                      s.t_def[:, e]], axis=2)  # (2, E, 4)
    diff_f = feats[0] - feats[1]  # (E, 4) side 0 minus side 1
    base = (diff_f[:, None, :] * w[None, :, :4]).sum(axis=2)  # (E, 3), plain * and +
    noise = np.stack([u[0][0, e] + u[1][0, e], u[0][1, e] + u[1][1, e],
                      u[2][0, e] + u[2][1, e]], axis=1) - F32(1.0)
    diff = base + noise * w[:, 4]
    kd0, kd1 = s.kd_round[0, e][:, None], s.kd_round[1, e][:, None]
    p0, p1 = must_points(diff, kd0, kd1)
    r = s.rnd[e] - 1
    s.scores[e[:, None], np.arange(3)[None, :], r[:, None], 0] = p0
    s.scores[e[:, None], np.arange(3)[None, :], r[:, None], 1] = p1
    ev.add("round_end", lanes & SIDE0)

    last = lanes & (s.rnd >= s.rules.rounds)
    if last.any():
        winner, method = decision(s.scores.sum(axis=2))
        finish(s, ev, last, winner, method)
    corner = lanes & ~last
    if not corner.any():
        return
    m = s.table.model
    c = corner
    rec = s.rec_f * (F32(1.0) - F32(0.004) * (F32(100) - s.body))  # less with body damage
    s.stam = np.where(c, np.minimum(s.stam + F32(m["corner_stamina"]) * rec, 100), s.stam)
    s.head = np.where(c, np.minimum(s.head + F32(m["corner_head"]) * rec, 100), s.head)
    s.body = np.where(c, np.minimum(s.body + F32(m["corner_body"]) * rec, 100), s.body)
    saved = c & ((s.act == A["down"]) | (s.act == A["knockdown"]))
    s.head = np.where(saved, np.maximum(s.head, F32(m["getup_head"])), s.head)
    for name in ("act", "act_t", "act_len", "hurt_t", "kd_round", "buf_ttl", "ai_t", "down_t"):
        arr = getattr(s, name)
        setattr(s, name, np.where(c, 0, arr))
    for name in ("punish", "t_clean", "t_power", "t_aggr", "t_def", "gp"):
        arr = getattr(s, name)
        setattr(s, name, np.where(c, F32(0), arr))
    half = F32(m["start_gap_px"] * 0.5)
    s.x = np.where(c, np.asarray([[-half], [half]], dtype=F32), s.x)
    s.between_t = np.where(corner, int(m["corner_ticks"]), s.between_t)


def finish(s: BoutState, ev: StepEvents, lanes: np.ndarray, winner, method) -> None:
    """End the bouts in `lanes` with a winner (0/1/NO_WINNER) and a method code."""
    lanes = lanes & ~s.over
    if not lanes.any():
        return
    winner = np.broadcast_to(np.asarray(winner, dtype=np.int32), lanes.shape)
    s.over |= lanes
    s.winner = np.where(lanes, winner, s.winner).astype(np.int32)
    s.method = np.where(lanes, method, s.method).astype(np.int32)
    s.end_round = np.where(lanes, s.rnd, s.end_round)
    s.end_ticks = np.where(lanes, s.rules.round_ticks - s.clock_t, s.end_ticks)
    win_col = winner == SIDES
    lose_col = winner == 1 - SIDES
    ko = np.broadcast_to(np.asarray(method), lanes.shape) == M["KO"]
    lf = lanes
    s.act = np.where(lf & win_col, A["celebrate"],
                     np.where(lf & lose_col, np.where(ko, A["down"], A["dejected"]), s.act)
                     ).astype(np.int32)
    s.act_t = np.where(lf, 0, s.act_t)
    s.act_len = np.where(lf, 0, s.act_len)
    ev.add("bout_end", lf & (win_col | ((winner == NO_WINNER) & SIDE0)))
