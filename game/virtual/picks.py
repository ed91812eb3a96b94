"""Which bout of a run to watch: the most typical, the biggest upset, a knockout, the closest
decision. Each pick is a bout index (or None when the run has no such bout), chosen by a fixed
rule from the finished bouts, so the same run always offers the same bouts."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.combat.state import NO_WINNER, M
from game.virtual.run import RunData

STOP = (M["KO"], M["TKO"])


@dataclass(frozen=True)
class Pick:
    key: str  # "typical" | "upset" | "knockout" | "closest"
    label: str  # what the screen calls it
    bout: int | None
    why: str  # one line under the label


def _finished(data: RunData) -> np.ndarray:
    return np.nonzero(data.finished)[0]


def typical(data: RunData) -> int | None:
    """A bout the favourite won (the side that won more; all bouts when neither did) with the
    commonest of his endings (method, and round if stopped), and within those the one nearest
    the middle (median card margin, or median stoppage time). The favourite's wins first:
    when his stoppages spread over many rounds, the underdog's decision can be the single
    commonest ending, and the "typical bout" would then contradict the verdict."""
    idx = _finished(data)
    if idx.size == 0:
        return None
    side = underdog(data)
    if side is not None:
        idx = idx[data.winner[idx] == 1 - side]
    stop = np.isin(data.method[idx], STOP)
    rnd = np.where(stop, data.end_round[idx], 0)
    key = (data.winner[idx] * 100 + data.method[idx]) * 100 + rnd
    values, counts = np.unique(key, return_counts=True)
    best = values[np.argmax(counts)]  # ties: the smallest key, i.e. side 0 and the first method
    group = idx[key == best]
    measure = data.end_ticks[group] if stop[key == best][0] else data.margins()[group]
    order = np.argsort(measure, kind="stable")
    return int(group[order[(group.size - 1) // 2]])


def underdog(data: RunData) -> int | None:
    """The side that won fewer of the finished bouts (None when they won as many)."""
    w = data.winner[data.finished]
    a, b = int((w == 0).sum()), int((w == 1).sum())
    return None if a == b else (0 if a < b else 1)


def upset(data: RunData) -> int | None:
    """The underdog's most emphatic win: his earliest stoppage, else his widest decision."""
    side = underdog(data)
    if side is None:
        return None
    idx = _finished(data)
    wins = idx[data.winner[idx] == side]
    if wins.size == 0:
        return None
    stops = wins[np.isin(data.method[wins], STOP)]
    if stops.size:
        t = data.end_round[stops].astype(np.int64) * 1_000_000 + data.end_ticks[stops]
        return int(stops[np.argmin(t)])
    margin = data.margins()[wins] * (1 if side == 0 else -1)
    return int(wins[np.argmax(margin)])


def knockout(data: RunData) -> int | None:
    """A knockout with the most knockdowns in it (then the earliest bout); else a TKO."""
    idx = _finished(data)
    for method in ("KO", "TKO"):
        ko = idx[data.method[idx] == M[method]]
        if ko.size:
            kd = data.kd_total[ko].sum(axis=1)
            return int(ko[np.argmax(kd)])
    return None


def closest(data: RunData) -> int | None:
    """The decision nearest to even on the cards; split decisions first on a tie, then draws."""
    idx = _finished(data)
    dec = idx[~np.isin(data.method[idx], STOP)]
    if dec.size == 0:
        return None
    diff = np.abs(data.cards[dec, :, 0] - data.cards[dec, :, 1]).sum(axis=1)
    rank = np.select([data.method[dec] == M["SD"], data.winner[dec] == NO_WINNER], [0, 2], 1)
    order = np.lexsort((dec, rank, diff))
    return int(dec[order[0]])


def picks(data: RunData) -> list[Pick]:
    """The four suggested bouts with their labels, for the screen's Watch list."""
    names = data.spec.names()
    side = underdog(data)
    up_why = (f"{names[side]}, the underdog, wins his best one" if side is not None
              else "Dead even: nobody is the underdog")
    return [
        Pick("typical", "THE TYPICAL BOUT", typical(data), "The favourite's commonest way to win"),
        Pick("upset", "THE BIGGEST UPSET", upset(data), up_why),
        Pick("knockout", "A KNOCKOUT", knockout(data), "Somebody stays down"),
        Pick("closest", "THE CLOSEST DECISION", closest(data), "It comes down to the cards"),
    ]
