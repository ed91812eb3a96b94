"""The TV's virtual fight in chapter one: a real simulation with the game's own model, shown
with the Virtual Fight's sports-show presentation.

Prime Rocky (30) against Dixon (30), ten rounds, seeded from the save, so a playthrough always
sees the same broadcast. It is a Virtual Fight run (``game.virtual``): the bar's show is a
``Verdict`` of that run, plus the one bout the show features. The room's talk follows the
computer's pick: the man who won more of the bouts.

A run's wall time is mostly its number of ticks (its bouts step in lockstep), not its number of
bouts, so the show can afford a few dozen bouts for about the price of one.
"""
from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from game.virtual.run import RunData, RunSpec
from game.virtual.verdict import Verdict, describe, verdict

TV_BOUTS = 40  # a broadcast: enough for a pick, a few seconds of one worker
RED, BLUE = 0, 1


def tv_spec(seed: int, bouts: int = TV_BOUTS) -> RunSpec:
    """The run the bar's TV shows (the same numbers as the Virtual Fight screen's for it)."""
    return RunSpec("rocky", 30, "dixon", 30, bouts=bouts, rounds=10, seed=seed)


def featured_bout(data: RunData) -> int:
    """The bout the show features: the first finished one with a winner (else the first)."""
    done = [k for k in range(data.bouts) if int(data.winner[k]) in (RED, BLUE)]
    return done[0] if done else 0


def computer_pick(data: RunData) -> int:
    """Who the computer says wins: the man who won more bouts; a tie goes to the featured
    bout's winner (and to Dixon, the champion, if that was a draw too)."""
    red, blue = int((data.winner == RED).sum()), int((data.winner == BLUE).sum())
    if red != blue:
        return RED if red > blue else BLUE
    w = int(data.winner[featured_bout(data)])
    return w if w in (RED, BLUE) else BLUE


def story_verdict(data: RunData) -> Verdict:
    """The Virtual Fight's verdict of the run, told as the story's show tells it: the headline
    always names the computer's pick (the room argues about it), a narrow pick says so, and
    the featured bout is one of the facts."""
    v = verdict(data)
    pick = computer_pick(data)
    lines = [f"TONIGHT'S FEATURED FIGHT: {describe(data, featured_bout(data))}", *v.lines]
    if v.favourite is None:
        lines.insert(1, "BY A WHISKER: INSIDE THE ROOM FOR ERROR")
    return replace(v, headline=f"THE COMPUTER PICKS {v.names[pick].upper()}",
                   favourite=pick, lines=tuple(lines))


def tv_record(data: RunData) -> dict[str, Any]:
    """What the save keeps of the broadcast: the pick, the featured bout and the show."""
    from game.combat.state import METHODS

    k = featured_bout(data)
    winner = int(data.winner[k])
    show = asdict(story_verdict(data))
    return {
        "seed": data.spec.seed,
        "bouts": data.bouts,
        "red_wins": int((data.winner == RED).sum()),
        "blue_wins": int((data.winner == BLUE).sum()),
        "pick": computer_pick(data),
        "winner": winner if winner in (RED, BLUE) else None,
        "method": METHODS[int(data.method[k])],
        "round": int(data.end_round[k]),
        "show": {key: list(v) if isinstance(v, tuple) else v for key, v in show.items()},
    }


def show_verdict(tv: dict[str, Any]) -> Verdict:
    """The Verdict to put on screen from a saved record (older saves kept no show: it is
    rebuilt from their counts)."""
    show = tv.get("show")
    if isinstance(show, dict):
        return Verdict(**{key: tuple(v) if isinstance(v, list) else v
                          for key, v in show.items()})
    n = max(1, int(tv.get("bouts", 1)))
    red, blue = int(tv.get("red_wins", 0)), int(tv.get("blue_wins", 0))
    pcts = (100 * red / n, 100 * blue / n, 100 * (n - red - blue) / n)
    pick = int(tv.get("pick", tv.get("winner") if tv.get("winner") in (RED, BLUE) else BLUE))
    names = ("Rocky", "Mason Dixon")
    return Verdict(("rocky", "dixon"), names, (30, 30), n, 10, pcts, (0.0, 0.0), pick,
                   f"THE COMPUTER PICKS {names[pick].upper()}",
                   (f"{names[pick].upper()} WINS {pcts[pick]:.0f} TIMES IN 100",
                    f"{n:,} FIGHTS OF 10 ROUNDS, SAME MODEL AS THE RING"))


def run_virtual_fight(seed: int, bouts: int = TV_BOUTS) -> dict[str, Any]:
    """The whole broadcast here, blocking (autoplay, tests): the saved record."""
    from game.virtual.worker import SimRun

    return tv_record(SimRun(tv_spec(seed, bouts), processes=1, nice=0).start()
                     .wait(interval_s=0.01))


def tv_flag(tv: dict[str, Any]) -> str:
    """The flag the room's talk reads: who the computer picked."""
    pick = tv.get("pick", tv.get("winner"))
    return "tv_rocky_won" if pick == RED else "tv_dixon_won"
