"""The one input format of the combat model: a bit set of held buttons per fighter per tick.

A human's keys or pad and the CPU policy both produce it, so the model cannot tell them apart.

Semantics (decided by the model, see ``step``):
- LEFT / RIGHT are *screen* directions; the model turns them into toward / away from the
  opponent using the fighter's facing. Toward = walk in, away = walk out.
- A punch button alone throws to the head; DOWN + punch throws to the body.
- GUARD = high guard, GUARD + DOWN = low guard; GUARD + toward when close = clinch.
- DODGE + LEFT/RIGHT = slip to that screen side, DODGE + DOWN = duck, DODGE alone = step back.
- Punch buttons are edge-triggered (the state keeps last tick's buttons) and buffered for a few
  ticks, so a press held across many ticks throws exactly one punch.
A tick's input is ``np.uint16`` for one fighter, or an array of shape ``(B,)`` for B bouts.
"""
from __future__ import annotations

from enum import IntFlag

import numpy as np


class Button(IntFlag):
    """Held buttons; OR them together. Values fit in uint16."""

    NONE = 0
    LEFT = 1 << 0
    RIGHT = 1 << 1
    UP = 1 << 2
    DOWN = 1 << 3
    JAB = 1 << 4
    CROSS = 1 << 5
    HOOK = 1 << 6
    UPPERCUT = 1 << 7
    GUARD = 1 << 8
    DODGE = 1 << 9


PUNCH_BUTTONS = Button.JAB | Button.CROSS | Button.HOOK | Button.UPPERCUT
INPUT_DTYPE = np.uint16


def buttons(*held: Button, batch: int | None = None) -> np.ndarray:
    """Pack held buttons into the model's input dtype (a scalar array, or shape (batch,))."""
    value = 0
    for b in held:
        value |= int(b)
    if batch is None:
        return np.asarray(value, dtype=INPUT_DTYPE)
    return np.full(batch, value, dtype=INPUT_DTYPE)
