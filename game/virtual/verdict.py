"""The computer's verdict in words: what the TV show says about a run, and one line per bout.
Pure (no pygame), so the story can build a verdict without the Virtual Fight screen."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.combat.state import METHODS, NO_WINNER, M
from game.virtual.run import RunData
from game.virtual.stats import Z95, details

METHOD_WORDS = {"KO": "KNOCKOUT", "TKO": "TKO", "UD": "UNANIMOUS DECISION",
                "SD": "SPLIT DECISION", "MD": "MAJORITY DECISION", "DRAW": "DRAW"}


def clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"


def describe(data: RunData, k: int, short: int = 0) -> str:
    """One bout in a line: "DIXON BY TKO IN ROUND 7 (2:13)", "ROCKY BY SPLIT DECISION".

    ``short`` 1 and 2 are tighter lines for a narrow list: the surname and the method's
    letters ("DIXON, TKO RD 7 (2:13)", "DIXON, UD 97-93 96-94 96-94"); 2 leaves out the cards."""
    names = [n.upper() for n in data.spec.names()]
    w, m = int(data.winner[k]), METHODS[int(data.method[k])]
    if w == NO_WINNER:
        return "A DRAW ON THE CARDS" if not short else "DRAW"
    who = names[w] if not short else names[w].split()[-1]
    rnd, at = int(data.end_round[k]), clock(float(data.end_seconds()[k]))
    cards = data.cards[k]
    if m in ("KO", "TKO"):
        return f"{who} BY {m} IN ROUND {rnd} ({at})" if not short else f"{who}, {m} RD {rnd} ({at})"
    if short == 2:
        return f"{who}, {m}"
    if short:
        return f"{who}, {m} " + " ".join(f"{max(a, b)}-{min(a, b)}" for a, b in cards.tolist())
    scores = ", ".join(f"{max(a, b)}-{min(a, b)}" for a, b in cards.tolist())
    return f"{who} BY {METHOD_WORDS[m]} ({scores})"


#: below this many finished bouts the show makes no pick and puts no win % on the board, only
#: the ranges the truth may lie in (after one bout: 21-100% against 0-79%)
MIN_CALL_BOUTS = 20


def too_close(a_pct: float, b_pct: float, n: int, z: float = Z95) -> bool:
    """Is a's lead over b (win %, same n bouts) within the noise? The difference of two shares
    of one multinomial has variance (pa + pb - (pa - pb)^2) / n."""
    if n <= 0:
        return True
    pa, pb = a_pct / 100, b_pct / 100
    se = math.sqrt(max(0.0, pa + pb - (pa - pb) ** 2) / n)
    return abs(pa - pb) <= z * se


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
    favourite: int | None  # the side that wins clearly more often (None: too close to call)
    headline: str  # "THE COMPUTER PICKS ROCKY"
    lines: tuple[str, ...]  # the lower third's facts, shown in turn
    # a's and b's 95% ranges of win % (the board shows them in words while it is too early)
    low_pct: tuple[float, float] = (0.0, 0.0)
    high_pct: tuple[float, float] = (100.0, 100.0)

    @property
    def too_early(self) -> bool:
        """Too few bouts in for a win % to mean anything (one bout reads 100% vs 0%)."""
        return self.bouts < MIN_CALL_BOUTS


def verdict(data: RunData) -> Verdict:
    """The sports-show verdict of a (finished) run."""
    det = details(data)
    spec = data.spec
    names = spec.names()
    wp = det["win_pct"]
    a, b, d = wp["a"][0], wp["b"][0], wp["draw"][0]
    n = det["bouts"]
    early = n < MIN_CALL_BOUTS
    fav = None if early or too_close(a, b, n) else (0 if a > b else 1)
    if early:
        headline = "TOO EARLY TO CALL"
    elif fav is None:
        headline = "TOO CLOSE TO CALL"
    else:
        headline = f"THE COMPUTER PICKS {names[fav].upper()}"
    lines = []
    if early:
        lines.append(f"ONLY {n:,} FIGHT{'' if n == 1 else 'S'} IN: TOO FEW TO CALL")
        lines.append(f"{names[0].upper()} WINS {wp['a'][1]:.0f} TO {wp['a'][2]:.0f} IN 100,"
                     f" {names[1].upper()} {wp['b'][1]:.0f} TO {wp['b'][2]:.0f}")
    elif fav is None:
        lines.append(f"{names[0].upper()} {a:.0f}, {names[1].upper()} {b:.0f} IN 100: "
                     "A COIN TOSS")
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
    elif not early:
        lines.append(f"DRAWS: {d:.0f} IN 100")
    rounds = det["stoppage_rounds"]
    if sum(x + y for x, y in rounds):
        r = int(np.argmax([x + y for x, y in rounds])) + 1
        lines.append(f"IF IT ENDS EARLY, ROUND {r} IS THE ONE TO WATCH")
    lines.append(f"{det['bouts']:,} FIGHTS OF {spec.rounds} ROUNDS, SAME MODEL AS THE RING")
    return Verdict((spec.a_id, spec.b_id), names, (spec.a_age, spec.b_age), det["bouts"],
                   spec.rounds, (a, b, d),
                   ((wp["a"][2] - wp["a"][1]) / 2, (wp["b"][2] - wp["b"][1]) / 2), fav,
                   headline, tuple(lines), (wp["a"][1], wp["b"][1]), (wp["a"][2], wp["b"][2]))
