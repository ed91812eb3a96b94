"""Timing windows and beat times: how a press is judged against the beat.

Times are seconds since the drill's beat anchor (a ``time.perf_counter`` reading taken when the
drill starts in the game, or ticks / 60 in headless runs and tests). A press is judged on its
error ``press_s - offset_s - beat_s``: the player's audio/input offset from Settings is taken
off first, so a late sound card or a slow keyboard does not cost points.
"""
from __future__ import annotations

from collections.abc import Callable

#: Judgements, best first; "miss" is a note nobody answered (or answered wrong).
JUDGEMENTS = ("perfect", "good", "ok", "miss")
TICK_S = 1.0 / 60.0

Clock = Callable[[], float]


def judge(error_s: float, windows_ms: dict[str, int]) -> str | None:
    """The judgement for a press ``error_s`` off its beat; None when outside every window.

    The window edges belong to the better judgement: exactly 50 ms off with perfect = 50 is
    still perfect.
    """
    err_ms = abs(error_s) * 1000.0
    for name in ("perfect", "good", "ok"):
        # a hair of tolerance so 0.05 s (not exact in binary) counts as 50 ms
        if err_ms <= windows_ms[name] + 1e-6:
            return name
    return None


def beat_times(bpm_start: float, bpm_end: float, beats: int, start_s: float = 0.0) -> list[float]:
    """Times of ``beats`` beats whose tempo moves evenly from bpm_start to bpm_end."""
    out = []
    t = start_s
    for k in range(beats):
        out.append(t)
        frac = k / max(1, beats - 1)
        bpm = bpm_start + (bpm_end - bpm_start) * frac
        t += 60.0 / bpm
    return out


class TickClock:
    """A clock that counts fixed 60 Hz steps: headless runs and tests judge on ticks."""

    def __init__(self) -> None:
        self.ticks = 0

    def advance(self) -> None:
        self.ticks += 1

    def __call__(self) -> float:
        return self.ticks * TICK_S
