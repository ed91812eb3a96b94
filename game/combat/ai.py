"""CPU fighters as array operations: one policy for every style, shaped by the fighter's [ai]
personality, and difficulty levels that change only reaction time, reading of tells, mistakes,
punishing and getting up (moves.toml [difficulty.*]); never stats.

The CPU produces the very same held-button bits a human does. Its short memory (a defensive
hold it committed to) lives in the bout state, so CPU bouts replay bit for bit.
"""
from __future__ import annotations

import numpy as np

from game.combat.inputs import Button
from game.combat.moves import DIFFICULTIES
from game.combat.state import A, BoutState, random4
from game.combat.step import (
    I_FREE_MAX,
    I_GUARD_HIGH,
    I_HIT_HEAD,
    I_P_HI,
    I_P_LO,
    _any,
    _c,
    _consts,
)

F32 = np.float32
I32 = np.int32
PUNCH_BITS = np.asarray([Button.JAB, Button.CROSS, Button.HOOK, Button.UPPERCUT], dtype=I32)
GUARD, DODGE, DOWN = I32(Button.GUARD), I32(Button.DODGE), I32(Button.DOWN)
LEFT, RIGHT, JAB = I32(Button.LEFT), I32(Button.RIGHT), I32(Button.JAB)
_SIDE = np.asarray([[0], [1]])
# _think's numbers as 0-d arrays (game.combat.step._c): on the live ring's one-lane arrays a
# Python or numpy scalar operand costs about twice as much; the values and types are the same
_F = {v: _c(v) for v in (0.1, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0, 5.0, 10.0, 12.0, 15.0, 16.0, 20.0, 25.0,
                         40.0, 60.0, 80.0, 160.0, 170.0)}
_F_INV45, _F_0025, _F_02 = _c(1 / 45), _c(0.025), _c(0.2)
_I = {v: _c(v, I32) for v in (0, 1, 2, 3, 4, 16, 20)}
_B_GUARD, _B_DODGE, _B_DOWN, _B_JAB = (_c(b, I32) for b in (GUARD, DODGE, DOWN, JAB))
_B_TOWARD = (_c(RIGHT, I32), _c(LEFT, I32))  # by side
_B_AWAY = (_c(LEFT, I32), _c(RIGHT, I32))
_B_SLIP_RIGHT, _B_LEFT_RIGHT = _c(DODGE + RIGHT, I32), _c(LEFT - RIGHT, I32)
_A_HIT_BODY, _A_GUARD_LOW, _A_DOWN = (_c(A[n], I32) for n in ("hit_body", "guard_low", "down"))
_I_SHELL_TICKS, _I_SEQ_MASK = _c(30, I32), _c(0x3FFFF, I32)


def difficulty_params(state: BoutState, difficulty) -> dict[str, np.ndarray]:
    """Per-lane arrays of the difficulty numbers, from a name or an array of names / indices."""
    table = state.table.difficulty
    if isinstance(difficulty, str):
        if difficulty not in table:
            raise ValueError(f"difficulty must be one of {DIFFICULTIES}, got {difficulty!r}")
        return {k: np.full(state.batch, v, dtype=F32) for k, v in table[difficulty].items()}
    arr = np.asarray(difficulty)
    if arr.dtype.kind in "US":
        arr = np.asarray([DIFFICULTIES.index(str(x)) for x in arr])
    arr = np.broadcast_to(arr.astype(np.int64), (state.batch,))
    out = {}
    for k in table["easy"]:
        lut = np.asarray([table[n][k] for n in DIFFICULTIES], dtype=F32)
        out[k] = lut[arr]
    return out


def cpu_buttons(state: BoutState, side: int, difficulty="medium") -> np.ndarray:
    """Held buttons (uint16, shape (B,)) for the CPU fighting on `side` this tick.

    Call it once per tick before `step`. A CPU fighter thinks every THINK_TICKS ticks (the two
    sides on different ticks) and holds his buttons in between, except that a downed CPU keeps
    mashing every other tick; the ring and the batch simulator both see exactly this."""
    s = state
    when = thinks(s.tick, side)
    if when:
        # the ring asks every tick with the same level: keep its arrays with the state
        key = (side, difficulty) if isinstance(difficulty, str) else None
        p = s.ai_params.get(key) if key else None
        if p is None:
            p = difficulty_params(s, difficulty)
            if key:
                s.ai_params[key] = p
        if when == 1:
            s.ai_out[side] = _think(s, side, p)
        else:
            _mash(s, side, p)
    return s.ai_out[side].astype(np.uint16)


THINK_TICKS = 4
SHELL_TICKS = 30  # a guard held this long is a habit the CPU may read (and punch around)


def thinks(tick: int, side: int) -> int:
    """For the step after `tick`: 1 if `side` thinks, 2 if he only mashes (when down), else 0."""
    phase = (tick + 1) % THINK_TICKS
    if phase == 2 * side:
        return 1
    return 2 if phase % 2 == 0 else 0


def _mash(s: BoutState, i: int, p: dict[str, np.ndarray]) -> None:
    """Between thinks, a CPU on the floor keeps pressing to beat the count."""
    lying = s.act[i] == A["down"]
    if lying.any():
        u = random4(s, 21 + i, i)[0]
        s.ai_out[i] = np.where(lying, (u < p["mash"]) * JAB, s.ai_out[i])


def cpu_both(state: BoutState, params: tuple[dict[str, np.ndarray], dict[str, np.ndarray]]
             ) -> tuple[np.ndarray, np.ndarray]:
    """Held buttons for both sides (int32 (B,) each) from per-side difficulty arrays."""
    s = state
    for side in (0, 1):
        when = thinks(s.tick, side)
        if when == 1:
            s.ai_out[side] = _think(s, side, params[side])
        elif when == 2:
            _mash(s, side, params[side])
    return s.ai_out[0], s.ai_out[1]


def _prepare(s: BoutState, i: int, p: dict[str, np.ndarray]) -> None:
    """Per-bout products the policy needs every tick, kept in `p` (as "pre_*" (B,) arrays, so
    the batch simulator compacts them with the rest)."""
    o = 1 - i
    reach = s.table.move["reach_px"]
    t_def = s.table.defense
    bonus, obonus = s.reach_bonus[i], s.reach_bonus[o]
    aggr = s.ai_aggr[i]
    p["pre_in"] = aggr + F32(0.2)
    p["pre_out"] = F32(1) - aggr
    p["pre_stepout"] = (F32(1) - aggr) * F32(0.3)
    p["pre_duck"] = s.ai_dodge[i] * F32(0.4)
    p["pre_dodge"] = s.ai_dodge[i] * F32(0.8)
    p["pre_shell"] = aggr * s.ai_guard[i]
    p["pre_r0"] = reach[0] + bonus
    p["pre_r2"] = reach[2] + bonus
    p["pre_r4"] = reach[4] + bonus
    p["pre_r6"] = reach[6] + bonus
    p["pre_danger"] = reach[0] + obonus + F32(15)
    p["pre_punish"] = p["punish"] * s.ai_counter[i]
    p["pre_guard"] = s.ai_guard[i] * (F32(0.1) + p["read"])
    p["pre_work"] = s.ai_work[i] * F32(0.3)
    p["pre_clinch"] = s.ai_clinch[i] * F32(0.25)
    p["pre_hold"] = F32(0.12) + s.ai_clinch[i] * F32(0.5)
    p["pre_hold_gap"] = np.full(s.batch, F32(t_def["clinch_gap_px"] + 25))
    p["pre_body"] = s.ai_body[i]
    p["pre_jab"] = s.ai_jab[i]
    p["pre_comp"] = F32(1) - s.ai_comp[i]
    p["pre_range"] = s.ai_range[i]
    p["pre_slipjab"] = F32(0.45) + s.ai_dodge[i] * F32(0.5)
    p["pre_backjab"] = p["pre_slipjab"] + (F32(1) - aggr) * F32(0.35)
    p["pre_hookjab"] = F32(0.06) + (F32(1) - aggr) * F32(0.12)
    p["pre_side"] = np.full(s.batch, i)


def _think(s: BoutState, i: int, p: dict[str, np.ndarray]) -> np.ndarray:
    """One side's decision this tick, (B,) int32 held buttons; updates his hold memory."""
    if p.get("pre_side") is None or int(p["pre_side"][0]) != i:
        _prepare(s, i, p)
    o = 1 - i
    t = s.table
    act, opp, opp_t = s.act[i], s.act[o], s.act_t[o]
    gap = s.x[1] - s.x[0]
    u1, u2, u3, u4 = random4(s, 3 + i, i)
    reach = t.move["reach_px"]
    kc = _consts(t)
    half = kc["half"]
    f, n = _F, _I
    hurt = s.hurt_t[i] > n[0]
    toward, away = _B_TOWARD[i], _B_AWAY[i]

    # how pressed he feels: backed to the ropes with the other man close, or hurt
    back = s.x[0] + half if i == 0 else half - s.x[1]
    pressed = ((back < f[60.0]) & (gap < f[170.0])) | hurt
    shaken = pressed * p["pre_comp"]
    mistake = p["mistake"] + shaken * f[0.4]

    # defence: the other man's punch is coming and he has had time to see it
    opp_mv = s.move[o]
    opp_punch = (opp >= I_P_LO) & (opp <= I_P_HI)
    threat = (opp_punch & (opp_t >= p["react_ticks"]) & (opp_t < s.p_su[o])
              & (gap <= reach[opp_mv] + s.reach_bonus[o] + f[20.0]))
    free = act <= I_FREE_MAX
    respond = threat & free & (u1 < p["read"] * (f[1.0] - shaken * f[0.5]))
    opp_body = (opp_mv & n[1]) == n[1]
    wrong = u4 < mistake
    guard_bits = _B_GUARD + (opp_body ^ wrong) * _B_DOWN
    left = u3 < f[0.5]
    slip_bits = _B_SLIP_RIGHT + left * _B_LEFT_RIGHT
    # vs an uppercut: slip; vs other head punches: slip or duck; vs the body: step back
    duck = ~s.table.beats_duck[opp_mv] & (u2 < p["pre_duck"])
    dodge_bits = np.where(opp_body, _B_DODGE, slip_bits + duck * (_B_DOWN - slip_bits + _B_DODGE))
    dodge_it = (u2 < p["pre_dodge"]) & ~wrong
    defend = np.where(dodge_it, dodge_bits, guard_bits)
    hold = s.p_ac[o] - opp_t + n[2]

    # reading a one-button habit: the other man's jabs in a row; once he has seen enough of
    # them (learn_jabs, by level) he answers the next as it starts: slip it, step back out of
    # its reach or parry it, then walks in on the jabber and counters his recovery
    jab_mv = (opp_mv >> n[1]) == n[0]
    new_punch = opp_punch & (opp_t < n[THINK_TICKS])
    punched = _any(new_punch)  # (without a new punch of his, neither memory below changes)
    streak = s.ai_jabs[i]
    if punched:
        streak = np.where(new_punch, np.where(jab_mv, streak + n[1], n[0]), streak)
        s.ai_jabs[i] = streak
    know = streak >= p["learn_jabs"]
    reading = _any(know)  # (the live ring skips this work until a habit is read)
    if reading:
        ua = (u1 * F32(64)) % F32(1)
        jab_in = (opp_punch & jab_mv & (opp_t < s.p_su[o])
                  & (gap <= reach[0] + s.reach_bonus[o] + 20))
        answer = jab_in & know & free & (ua < p["jab_read"] * (F32(1) - shaken * F32(0.5)))
        uc = (u3 * F32(64)) % F32(1)
        answer_bits = np.where(uc < p["pre_slipjab"], slip_bits,
                               np.where(uc < p["pre_backjab"], DODGE, GUARD))
        respond = respond | answer
        defend = np.where(answer, answer_bits, defend)

    # reading a pattern (a person would): he remembers the other man's last punches (ai_seq); a
    # punch that repeats the pattern they keep (the same punch, or a fixed combination such as
    # jab-jab-cross) lengthens the streak (ai_hab). Once he has seen learn_habit of them in a row
    # he sees each next punch of it coming: slips it, steps back from it or blocks it as it
    # starts, and counters its recovery (below)
    # (the head punches of it: a punch to the body changes levels and breaks the read)
    hab = s.ai_hab[i]
    if punched:
        seq = s.ai_seq[i]
        kept = (opp_mv + n[1] == _predict(seq)) & ~opp_body
        hab = np.where(new_punch, np.where(kept, hab + n[1], n[0]), hab)
        s.ai_hab[i] = hab
        s.ai_seq[i] = np.where(new_punch, ((seq << n[3]) | (opp_mv + n[1])) & _I_SEQ_MASK, seq)
    know_h = hab >= p["learn_habit"]
    read_h = know_h & opp_punch  # the punch on its way is the one he predicted
    habit = _any(know_h)
    if habit:
        ub = (u2 * F32(64)) % F32(1)
        coming = (read_h & (opp_t < s.p_su[o]) & free
                  & (gap <= reach[opp_mv] + s.reach_bonus[o] + 20))
        seen = coming & ~respond & (ub < p["habit_read"] * (F32(1) - shaken * F32(0.5)))
        ud = (u3 * F32(256)) % F32(1)
        seen_bits = np.where(opp_body, DODGE, np.where(ud < p["pre_slipjab"], slip_bits, GUARD))
        respond = respond | seen
        defend = np.where(seen, seen_bits, defend)

    # a committed hold (guard or dodge) keeps going; a new threat replaces it
    ai_t, ai_btn = s.ai_t[i], s.ai_btn[i]
    held = ai_t > n[0]
    keep = held & ~respond
    # (a man who keeps his hold or answers a punch chooses no attack or step: when every lane
    # does one or the other, as on about half of the live ring's thinks, that work is skipped)
    if _any(~(held | respond)):
        # offence: in range, free, and it is time to work; more when the other man is hurt
        # he paces himself: his work falls as his stamina does (a man who empties his tank in the
        # second round is stopped in it)
        # (pacing is judgement, by level: a beginner keeps throwing until the tank is empty)
        # (np.clip as min(max()): the same values, no bound is 0)
        paced = np.minimum(np.maximum((s.stam[i] - f[15.0]) * _F_INV45, _F_02), f[1.0])
        burnt = np.minimum(s.stam[i] * _F_0025, f[1.0]) * f[0.7] + f[0.3]
        stam_f = burnt + p["pace"] * (paced - burnt)
        rate = (p["pre_work"] * stam_f * (f[1.0] - shaken * f[0.6])
                * (f[1.0] + (s.hurt_t[o] > n[0]) * p["punish"]))
        # punishing: he is in his recovery or stunned and within reach of a cross
        opening = (opp_punch & (opp_t >= s.p_ac[o])) | ((opp >= I_HIT_HEAD) & (opp <= _A_HIT_BODY))
        if reading:  # against a read jabber: punish more, with a jab if a cross falls short
            # (lane by lane: a lane that has not read its man punishes as below, so no lane's bout
            # depends on what the other lanes of the batch have learned)
            punish_now = opening & (u1 < np.where(know, np.maximum(p["pre_punish"], p["jab_read"]),
                                                  p["pre_punish"] * stam_f)) & (
                gap <= np.where(know, p["pre_r0"], p["pre_r2"]))
        else:
            punish_now = opening & (u1 < p["pre_punish"] * stam_f) & (gap <= p["pre_r2"])
        if habit:  # the recovery of a punch he saw coming is his to counter
            punish_now |= opening & read_h & (u1 < p["habit_read"]) & (gap <= p["pre_r2"])
        # a landed jab opens the way for a hook: step in behind it and throw it (out-boxers too)
        jab_hit = (((s.move[i] >> n[1]) == n[0]) & s.resolved[i] & free & (s.act_t[i] < n[16])
                   & (u4 < p["pre_hookjab"]))
        # a careless CPU (mistake) also throws from too far out and whiffs
        attack = free & (((gap <= p["pre_r0"] + mistake * f[80.0]) & (u3 < rate)) | punish_now)
        attack = attack | (free & jab_hit & (gap <= p["pre_r4"]))
        # jab, else a power punch that fits the distance: hook / uppercut close, cross / hook long
        close = gap < f[160.0]
        power = n[1] + close + (u4 >= f[0.6] - close * f[0.1])
        # a careful fighter throws only what reaches: a hook too far is a cross, an uppercut a hook
        fits = (u2 * f[16.0]) % f[1.0] < p["read"]  # judging distance is part of reading
        power -= ((power == n[3]) & (gap > p["pre_r6"])) * (n[1] + ~fits)
        power -= ((power == n[2]) & (gap > p["pre_r4"]) & fits)
        jab = u2 < p["pre_jab"] * (f[1.0] - punish_now * f[0.7])
        if reading:
            jab |= know & (gap > p["pre_r2"])
        # so does a corner, where a man hooks his way out
        cornered = (back < f[60.0]) & (gap <= p["pre_r4"]) & (u4 < p["pre_hookjab"] + f[0.4])
        hook_now = (jab_hit | cornered) & (gap <= p["pre_r4"])
        power = np.where(hook_now, n[2], power)
        jab = jab & ~hook_now
        # reading the guard: to the body of a man who holds his hands high, upstairs if he drops
        # them
        body = u1 < p["pre_body"]
        see = (u4 < p["read"]) & (opp_t >= _I_SHELL_TICKS)  # a guard held long enough to read
        body = (body | (see & (opp == I_GUARD_HIGH))) & ~(see & (opp == _A_GUARD_LOW))
        if habit:  # and a man who covers up after his combination is hit where he does not cover
            body |= know_h & (opp == A["guard_high"]) & ((u3 * F32(16)) % F32(1) < p["habit_read"])
        punch_bits = PUNCH_BITS[power * ~jab] + body * _B_DOWN

        # movement toward the range he likes; pressure fighters rarely back up
        # against a jabber he has read: get inside his jab, to where his own cross lands
        want = p["pre_range"] + hurt * f[40.0]
        if reading:
            want = np.where(know, np.minimum(p["pre_range"], p["pre_r2"] - 25), p["pre_range"])
            want = want + hurt * F32(40)
        go_in = ((gap > want + f[10.0]) & (u4 < p["pre_in"])) | (jab_hit & (gap > p["pre_r4"]))
        go_out = (gap < want - f[25.0]) & (u4 < p["pre_out"]) & ~go_in
        walk = go_in * toward + go_out * away
        # pressure fighters walk in behind a high guard through the other man's jab
        shell = (go_in & (gap > t.defense["clinch_gap_px"] + 15)
                 & (gap <= p["pre_danger"] - f[5.0]) & (u1 < p["pre_shell"]))
        walk = walk + shell * _B_GUARD
        # crowded on the ropes: a mover steps out (pivots off); anyone hurt and close holds on
        on_ropes = (back < f[40.0]) & (gap < want - f[10.0])
        step_out = on_ropes & (u2 < p["pre_stepout"]) & free & ~attack
        walk = np.where(step_out, _B_DODGE, walk)
        # a hurt or spent man in close holds on (walking in behind the guard to tie him up)
        spent = s.stam[i] < f[12.0]
        clinch = ((((hurt | spent) & (gap < p["pre_hold_gap"]) & (u2 < p["pre_hold"]))
                   | (on_ropes & (gap < kc["clinch_gap"]) & (u2 < p["pre_clinch"])))
                  & ~attack & ~step_out)
        in_danger = gap <= p["pre_danger"]
        # anticipation is part of reading: better CPUs keep the guard up more when in danger
        idle_guard = in_danger & (u1 < p["pre_guard"]) & ~attack & ~clinch

        out = np.where(attack, punch_bits, walk)
        out = np.where(clinch, _B_GUARD + toward, out)
        out = np.where(idle_guard, _B_GUARD + (u4 < f[0.3]) * _B_DOWN, out)
        out = np.where(respond, defend, out)
        out = np.where(keep, ai_btn, out)
        new_hold = respond | (idle_guard & ~keep)
    else:
        out = np.where(respond, defend, ai_btn)
        new_hold = respond
    s.ai_t[i] = np.where(new_hold, np.where(respond, hold, n[20]),
                         ai_t - n[THINK_TICKS] * held)
    s.ai_btn[i] = np.where(new_hold, out, ai_btn)

    # a read jabber: fire a jab back out of the block or the hit, pressed in the last ticks of
    # the stun so the buffer throws it on the first free tick, before his next jab lands; but
    # not when that next jab is already on its way (ten taps a second): a jab thrown into it is
    # caught in its start-up, and trading so, the better reader was the one stopped
    if reading:
        stun_end = (((act == A["block"]) | (act == A["hit_head"]) | (act == A["hit_body"]))
                    & (s.act_t[i] >= s.act_len[i] - 5))
        fire_back = (stun_end & know & jab_mv & (uc < p["jab_read"])
                     & ~(opp_punch & (opp_t < s.p_su[o])))
        out = np.where(fire_back, JAB, out)
        s.ai_t[i] = np.where(fire_back, 0, s.ai_t[i])

    # knocked down: mash to get up
    out = np.where(act == _A_DOWN, (u3 < p["mash"]) * _B_JAB, out)
    return out.astype(I32)


def _predict(seq: np.ndarray) -> np.ndarray:
    """The other man's next punch (move id + 1) if he keeps his pattern: his recent punches
    (`ai_seq`, newest in the low 3 bits) repeat every three, two or one punches (tried in that
    order), else the punch three back (so a new three-punch pattern can start to count)."""
    c1, c2, c3 = seq & 7, (seq >> 3) & 7, (seq >> 6) & 7
    p3 = (seq & 0x1FF) == (seq >> 9) & 0x1FF
    p2 = (seq & 0x3F) == (seq >> 6) & 0x3F
    p1 = c1 == c2
    return np.where(p3, c3, np.where(p2, c2, np.where(p1, c1, c3)))


def masher_buttons(state: BoutState, side: int) -> np.ndarray:
    """A fixed test bot: walks in and mashes random punches, never defends. (int32, (B,))"""
    s = state
    u1, u2, u3, _ = random4(s, 11 + side, side)
    toward = RIGHT if side == 0 else LEFT
    gap = s.x[1] - s.x[0]
    punch = PUNCH_BITS[(u2 * 4).astype(I32)] + (u3 < 0.4) * DOWN
    out = np.where((u1 < 0.3) & (gap < 220), punch, (gap > 140) * toward)
    return np.where(s.act[side] == A["down"], (u3 < 0.4) * JAB, out).astype(I32)
