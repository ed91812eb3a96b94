"""The TV's virtual fight in chapter one: a real, small simulation with the game's own model.

Prime Rocky (30) against Dixon (30) over ten rounds, seeded from the save, so a playthrough
always sees the same broadcast. The room's talk follows the featured bout (the first bout of
the run that has a winner).
"""
from __future__ import annotations

from typing import Any

TV_BOUTS = 12  # small: a broadcast, not the Virtual Fight screen (a second or two)


def run_virtual_fight(seed: int, bouts: int = TV_BOUTS) -> dict[str, Any]:
    from game.combat import load_fighter
    from game.combat.rules import Rules
    from game.combat.sim import simulate
    from game.combat.state import METHODS

    rocky, dixon = load_fighter("rocky"), load_fighter("dixon")
    res = simulate(rocky.at_age(30), dixon.at_age(30), bouts, Rules(rounds=10), seed=seed,
                   processes=1)
    featured = next((i for i in range(res.bouts) if int(res.winner[i]) in (0, 1)), 0)
    winner = int(res.winner[featured])
    return {
        "seed": seed,
        "bouts": res.bouts,
        "red_wins": int((res.winner == 0).sum()),
        "blue_wins": int((res.winner == 1).sum()),
        "winner": winner if winner in (0, 1) else None,
        "method": METHODS[int(res.method[featured])],
        "round": int(res.end_round[featured]),
    }


def tv_flag(tv: dict[str, Any]) -> str:
    """The flag the room's talk reads: who the computer picked."""
    return "tv_rocky_won" if tv.get("winner") == 0 else "tv_dixon_won"
