"""Which ending a fight result leads to. Rocky is always side 0 (the red corner)."""
from __future__ import annotations

ENDINGS = ("win_stoppage", "lose_stoppage", "win_points", "lose_decision")
STOPPAGES = ("KO", "TKO")


def ending_for(winner: int | None, method: str) -> str:
    """KO either way, a decision win, or going the distance without winning (a lost decision
    or a draw: he walks out to cheers)."""
    stopped = method in STOPPAGES
    if winner == 0:
        return "win_stoppage" if stopped else "win_points"
    if winner == 1 and stopped:
        return "lose_stoppage"
    return "lose_decision"


def dialogue_for(ending: str) -> str:
    return f"ending_{ending}"
