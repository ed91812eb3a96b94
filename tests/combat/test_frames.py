"""Frame data: a punch starts on the tick it is pressed and moves through its phases on time."""
from __future__ import annotations

import numpy as np

from game.combat import Button, Rules, new_bout, step, view
from game.combat.moves import load_moves
from tests.combat.helpers import stats

NONE = np.uint16(0)


def _close_bout(gap_px: float = 100.0, a="rocky", b="dixon"):
    s = new_bout(stats(a), stats(b), Rules(rounds=1), [1])
    s.x[:, 0] = [-gap_px / 2, gap_px / 2]
    return s


def _throw(s, button, side=0, extra=0):
    bits = np.uint16(int(button) | extra)
    return step(s, bits, NONE) if side == 0 else step(s, NONE, bits)


def test_jab_phases_and_hit_on_first_active_tick():
    s = _close_bout()
    t = load_moves()
    ev = _throw(s, Button.JAB)
    v = view(s).fighters[0]
    assert v.action == "jab" and v.phase == "startup" and v.action_ticks == 0
    assert [e.kind for e in ev.for_lane(0)] == ["round_start", "punch_thrown"]
    su, ac, ln = int(s.p_su[0, 0]), int(s.p_ac[0, 0]), int(s.act_len[0, 0])
    expect_su = max(1, int(t.move["startup_ticks"][0] * s.spd_f[0, 0] + np.float32(0.5)))
    assert su == expect_su
    assert ac - su == t.move["active_ticks"][0]
    landed_at = None
    for tick in range(1, ln + 1):
        ev = step(s, NONE, NONE)
        kinds = [e.kind for e in ev.for_lane(0)]
        fv = view(s).fighters[0]
        if tick < su:
            assert fv.phase == "startup" and "punch_landed" not in kinds
        elif tick < ac:
            assert fv.phase == "active"
        elif tick < ln:
            assert fv.phase == "recovery"
        if "punch_landed" in kinds and landed_at is None:
            landed_at = tick
    assert landed_at == su  # the first active tick
    assert view(s).fighters[0].action in ("idle", "walk_in")


def test_held_button_throws_one_punch_and_press_is_buffered():
    s = _close_bout(300)
    for _ in range(40):
        step(s, np.uint16(Button.JAB), NONE)
    assert s.thrown[0, 0] == 1
    s = _close_bout(300)
    step(s, np.uint16(Button.CROSS), NONE)  # busy with a cross ...
    for _ in range(int(s.act_len[0, 0]) - 3):
        step(s, NONE, NONE)
    step(s, np.uint16(Button.JAB), NONE)  # ... a jab pressed near its end waits in the buffer
    assert s.thrown[0, 0] == 1
    for _ in range(5):
        step(s, NONE, NONE)
    assert s.thrown[0, 0] == 2 and view(s).fighters[0].action == "jab"
    s = _close_bout(300)
    step(s, np.uint16(Button.CROSS), NONE)
    step(s, NONE, NONE)
    step(s, np.uint16(Button.JAB), NONE)  # pressed too early: the buffer has run out by then
    for _ in range(60):
        step(s, NONE, NONE)
    assert s.thrown[0, 0] == 1


def test_body_punch_with_down():
    s = _close_bout()
    _throw(s, Button.HOOK, extra=int(Button.DOWN))
    assert view(s).fighters[0].target == "body"


def _damage(button) -> float:
    s = _close_bout(90)
    _throw(s, button)
    for _ in range(40):
        for e in step(s, NONE, NONE).for_lane(0):
            if e.kind == "punch_landed":
                return e.damage
    raise AssertionError("did not land")


def test_hook_lands_harder_than_jab():
    jab, hook = _damage(Button.JAB), _damage(Button.HOOK)
    assert 0 < jab < hook < 0.25  # events carry damage on the 0..1 scale of a bar
    assert hook > 1.5 * jab


def test_whiff_tires_more_than_landing():
    spent = []
    for gap in (100, 400):  # in range, far out of range
        s = _close_bout(gap)
        before = float(s.stam[0, 0])
        _throw(s, Button.CROSS)
        for _ in range(int(s.act_len[0, 0])):
            step(s, NONE, NONE)
        spent.append(before - float(s.stam[0, 0]))
    assert spent[1] > spent[0] > 0


def test_guard_blocks_and_slip_evades():
    s = _close_bout()
    guard = np.uint16(Button.GUARD)
    kinds = []
    step(s, np.uint16(Button.CROSS), guard)
    for _ in range(30):
        kinds += [e.kind for e in step(s, NONE, guard).for_lane(0)]
    assert "punch_blocked" in kinds and "punch_landed" not in kinds
    s = _close_bout()
    kinds = []
    step(s, np.uint16(Button.HOOK), NONE)
    for _ in range(int(s.p_su[0, 0]) - 5):  # read the wind-up, slip just before it lands
        step(s, NONE, NONE)
    step(s, NONE, np.uint16(Button.DODGE | Button.LEFT))
    assert view(s).fighters[1].action == "slip_left"
    for _ in range(30):
        kinds += [e.kind for e in step(s, NONE, NONE).for_lane(0)]
    assert "punch_whiffed" in kinds and "punch_landed" not in kinds


def test_clinch_and_referee_break():
    s = _close_bout(80)
    toward = np.uint16(Button.GUARD | Button.RIGHT)
    kinds = [e.kind for e in step(s, toward, NONE).for_lane(0)]
    assert "clinch" in kinds
    assert view(s).fighters[1].action == "clinch"
    for _ in range(200):
        kinds += [e.kind for e in step(s, NONE, NONE).for_lane(0)]
    assert "break" in kinds
    assert s.x[1, 0] - s.x[0, 0] >= 100
