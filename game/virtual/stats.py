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
    """Everything the screen, the TV and the export show, over the finished bouts."""
    f = data.finished
    n = int(f.sum())
    winner, method = data.winner[f], data.method[f]
    rnd, kd = data.end_round[f], data.kd_total[f]
    rounds = data.spec.rounds
    out: dict = {"bouts": n, "of": data.bouts}
    out["win_pct"] = {key: list(wilson(int((winner == code).sum()), n))
                      for key, code in (("a", 0), ("b", 1), ("draw", NO_WINNER))}
    out["methods"] = {name: [int(((method == M[name]) & (winner == s)).sum()) for s in (0, 1)]
                      if name != "DRAW" else [int((method == M[name]).sum()), 0]
                      for name in SHOWN_METHODS}
    stop = np.isin(method, STOPPAGES)
    out["stoppage_rounds"] = [[int(((rnd == r) & stop & (winner == s)).sum()) for s in (0, 1)]
                              for r in range(1, rounds + 1)]
    dec = ~stop
    margins = np.rint(data.margins()[f][dec]).astype(int)
    lim = 2 * rounds
    hist = np.bincount(np.clip(margins, -lim, lim) + lim, minlength=2 * lim + 1)
    out["card_margins"] = {"from": -lim, "counts": [int(c) for c in hist],
                           "decisions": int(dec.sum()),
                           "mean_abs": float(np.abs(margins).mean()) if margins.size else 0.0}
    out["knockdowns_per_bout"] = [float(kd[:, s].mean()) if n else 0.0 for s in (0, 1)]
    out["knockdown_bins"] = [[int((np.minimum(kd[:, s], MAX_KD_BIN) == k).sum())
                              for k in range(MAX_KD_BIN + 1)] for s in (0, 1)]
    out["landed_per_bout"] = [float(data.landed[f][:, s].mean()) if n else 0.0 for s in (0, 1)]
    return out


def method_share(det: dict, name: str) -> float:
    """Percent of finished bouts that ended by `name` (either winner)."""
    n = det["bouts"]
    return 100.0 * sum(det["methods"][name]) / n if n else 0.0


assert set(SHOWN_METHODS) <= set(METHODS)
