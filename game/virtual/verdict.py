"""The computer's verdict in words: what the TV show says about a run, and one line per bout.
Pure (no pygame), so the story can build a verdict without the Virtual Fight screen."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.combat.state import METHODS, NO_WINNER, M
from game.virtual.run import RunData
from game.virtual.stats import details

METHOD_WORDS = {"KO": "KNOCKOUT", "TKO": "TKO", "UD": "UNANIMOUS DECISION",
                "SD": "SPLIT DECISION", "MD": "MAJORITY DECISION", "DRAW": "DRAW"}


def clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"


def describe(data: RunData, k: int) -> str:
    """One bout in a line: "DIXON BY TKO IN ROUND 7 (2:13)", "ROCKY BY SPLIT DECISION"."""
    names = [n.upper() for n in data.spec.names()]
    w, m = int(data.winner[k]), METHODS[int(data.method[k])]
    if w == NO_WINNER:
        return "A DRAW ON THE CARDS"
    who = names[w]
    if m in ("KO", "TKO"):
        return (f"{who} BY {m} IN ROUND {int(data.end_round[k])} "
                f"({clock(float(data.end_seconds()[k]))})")
    cards = data.cards[k]
    scores = ", ".join(f"{max(a, b)}-{min(a, b)}" for a, b in cards.tolist())
    return f"{who} BY {METHOD_WORDS[m]} ({scores})"


@dataclass(frozen=True)
class Verdict:
    """What the TV piece shows about a run."""

    fighter_ids: tuple[str, str]
    names: tuple[str, str]
    ages: tuple[int, int]
    bouts: int
    rounds: int
    win_pct: tuple[float, float, float]  # a, b, draw
    margin_pct: tuple[float, float]  # 95% half-widths of a's and b's win %
    favourite: int | None  # the side that wins more often
    headline: str  # "THE COMPUTER PICKS ROCKY"
    lines: tuple[str, ...]  # the lower third's facts, shown in turn


def verdict(data: RunData) -> Verdict:
    """The sports-show verdict of a (finished) run."""
    det = details(data)
    spec = data.spec
    names = spec.names()
    wp = det["win_pct"]
    a, b, d = wp["a"][0], wp["b"][0], wp["draw"][0]
    fav = None if abs(a - b) < 1e-9 else (0 if a > b else 1)
    if fav is None:
        headline = "THE COMPUTER CANNOT SPLIT THEM"
    else:
        headline = f"THE COMPUTER PICKS {names[fav].upper()}"
    lines = []
    if fav is not None:
        p = (a, b)[fav]
        lines.append(f"{names[fav].upper()} WINS {p:.0f} TIMES IN 100")
        wins = np.asarray(data.winner == fav) & data.finished
        stops = int((wins & np.isin(data.method, (M["KO"], M["TKO"]))).sum())
        if wins.sum():
            share = 100 * stops / int(wins.sum())
            lines.append(f"{share:.0f}% OF HIS WINS INSIDE THE DISTANCE" if share >= 50
                         else f"MOSTLY ON THE CARDS: {100 - share:.0f}% OF HIS WINS GO THE DISTANCE")
        dog = 1 - fav
        lines.append(f"{names[dog].upper()} TAKES {(a, b)[dog]:.0f} IN 100. DRAWS: {d:.0f}")
    rounds = det["stoppage_rounds"]
    if sum(x + y for x, y in rounds):
        r = int(np.argmax([x + y for x, y in rounds])) + 1
        lines.append(f"IF IT ENDS EARLY, ROUND {r} IS THE ONE TO WATCH")
    lines.append(f"{det['bouts']:,} FIGHTS OF {spec.rounds} ROUNDS, SAME MODEL AS THE RING")
    return Verdict((spec.a_id, spec.b_id), names, (spec.a_age, spec.b_age), det["bouts"],
                   spec.rounds, (a, b, d),
                   ((wp["a"][2] - wp["a"][1]) / 2, (wp["b"][2] - wp["b"][1]) / 2), fav,
                   headline, tuple(lines))
