"""The numbers a boxing fan reads off a run: win % with a 95% interval, how the bouts ended,
when the stoppages came, how wide the cards were, how often each man went down."""
from __future__ import annotations

import math

import numpy as np

from game.combat.state import METHODS, NO_WINNER, M
from game.virtual.run import RunData

Z95 = 1.959964  # two-sided 95% normal quantile
SHOWN_METHODS = ("KO", "TKO", "UD", "SD", "MD", "DRAW")
STOPPAGES = (M["KO"], M["TKO"])
MAX_KD_BIN = 3  # knockdowns per bout are counted 0, 1, 2, 3+


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float, float]:
    """Share k/n with its Wilson score interval, all in percent (honest near 0 % and 100 %)."""
    if n <= 0:
        return 0.0, 0.0, 100.0
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return 100 * p, 100 * max(0.0, mid - half), 100 * min(1.0, mid + half)


def details(data: RunData) -> dict:
    """Everything the screen, the TV and the export show, over the finished bouts.

    Counted with a few bincounts rather than a mask per cell, so 100,000 bouts cost a few ms
    (the screen recounts while a run fills in)."""
    f = data.finished
    n = int(f.sum())
    if n == data.bouts:  # complete: views, no copies
        f = slice(None)
    winner, method = data.winner[f], data.method[f]
    rnd, kd = data.end_round[f], data.kd_total[f]
    rounds = data.spec.rounds
    out: dict = {"bouts": n, "of": data.bouts}
    wins = np.bincount(winner, minlength=3)  # 0, 1, NO_WINNER
    out["win_pct"] = {key: list(wilson(int(wins[code]), n))
                      for key, code in (("a", 0), ("b", 1), ("draw", NO_WINNER))}
    nm = len(METHODS)
    by = np.bincount(winner * nm + method, minlength=3 * nm).reshape(3, nm)  # winner x method
    out["methods"] = {name: ([int(by[0, M[name]]), int(by[1, M[name]])] if name != "DRAW"
                             else [int(by[:, M[name]].sum()), 0]) for name in SHOWN_METHODS}
    stop = (method == M["KO"]) | (method == M["TKO"])
    side_rnd = np.bincount(winner[stop] * (rounds + 1) + rnd[stop],
                           minlength=3 * (rounds + 1)).reshape(3, rounds + 1)
    out["stoppage_rounds"] = [[int(side_rnd[0, r]), int(side_rnd[1, r])]
                              for r in range(1, rounds + 1)]
    dec = ~stop
    diff = data.cards[:, :, 0].sum(axis=1) - data.cards[:, :, 1].sum(axis=1)  # all bouts
    margins = np.rint(diff[f][dec] / 3.0).astype(np.int64)
    lim = 2 * rounds
    hist = np.bincount(np.clip(margins, -lim, lim) + lim, minlength=2 * lim + 1)
    out["card_margins"] = {"from": -lim, "counts": [int(c) for c in hist],
                           "decisions": int(dec.sum()),
                           "mean_abs": float(np.abs(margins).mean()) if margins.size else 0.0}
    out["knockdowns_per_bout"] = [float(kd[:, s].mean()) if n else 0.0 for s in (0, 1)]
    k = MAX_KD_BIN + 1
    kdm = np.minimum(kd, MAX_KD_BIN)
    pair = np.bincount(kdm[:, 0] * k + kdm[:, 1], minlength=k * k).reshape(k, k)  # a x b
    out["knockdown_bins"] = [pair.sum(axis=1).tolist(), pair.sum(axis=0).tolist()]
    out["landed_per_bout"] = [float(data.landed[f][:, s].mean()) if n else 0.0 for s in (0, 1)]
    return out


def method_share(det: dict, name: str) -> float:
    """Percent of finished bouts that ended by `name` (either winner)."""
    n = det["bouts"]
    return 100.0 * sum(det["methods"][name]) / n if n else 0.0


assert set(SHOWN_METHODS) <= set(METHODS)
