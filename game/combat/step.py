"""One tick of B bouts: inputs -> actions -> movement -> punches -> damage -> referee -> clock.

The same function runs the live ring (B = 1) and the Virtual Fight (B = thousands). It is a
fixed, small set of vectorised numpy operations on (2, B) arrays (both fighters at once; the
opponent of row s is row 1 - s, read through `[::-1]`). Rare or sparse work (landing punches,
knockdowns, the bell) runs only on the lanes that need it. Outcome arithmetic is + - * / on
float32 and integers, so replays hold across machines.
"""
from __future__ import annotations

import numpy as np

from game.combat.inputs import Button
from game.combat.judges import end_round, finish
from game.combat.state import (
    FIGHTER_FIELDS,
    FIXED_FIELDS,
    LANE_FIELDS,
    PUNCH0,
    A,
    BoutState,
    M,
    random4,
)
from game.combat.view import NoEvents, StepEvents

F32 = np.float32
I32 = np.int32
N_ACT = len(A)
DIR = np.asarray([[1.0], [-1.0]], dtype=F32)  # screen direction of "toward" for side 0 / 1
TOWARD = np.asarray([[int(Button.RIGHT)], [int(Button.LEFT)]], dtype=I32)
AWAY = np.asarray([[int(Button.LEFT)], [int(Button.RIGHT)]], dtype=I32)
SIDE0 = np.asarray([[True], [False]])  # broadcast a lane mask onto side 0 only
PIVOT = np.asarray([[-1.0], [1.0]], dtype=F32)  # the other man set back: side 0 left, 1 right
SIDE_KEY = np.asarray([[0], [128]], dtype=I32)
DOWN_BIT, GUARD_BIT, DODGE_BIT = int(Button.DOWN), int(Button.GUARD), int(Button.DODGE)
PUNCH_MASK = int(Button.JAB | Button.CROSS | Button.HOOK | Button.UPPERCUT)
FREE_MAX = A["hurt"]  # act <= this: free to start something
P_LO, P_HI = A["jab"], A["uppercut"]
UNHIT_MIN = A["clinch"]  # act >= this: cannot be hit
DOWN_MIN = A["knockdown"]  # act >= this: on the floor
REGEN_EVERY = 4  # ticks between stamina / health recovery updates


def _any(mask: np.ndarray) -> bool:
    """mask.any(), at a fraction of its cost on the live ring's one-lane arrays."""
    return np.count_nonzero(mask) > 0


def _lut(items: dict[str, float] | tuple[str, ...], dtype=bool, default=0) -> np.ndarray:
    out = np.full(N_ACT, default, dtype=dtype)
    pairs = items.items() if isinstance(items, dict) else ((n, 1) for n in items)
    for n, v in pairs:
        out[A[n]] = v
    return out


GUARD_HI = _lut(("guard_high", "block"))
GUARD_LO = _lut(("guard_low", "block"))
END_NEXT = np.arange(N_ACT, dtype=I32)  # what a timed action becomes when it runs out
for _n in ("jab", "cross", "hook", "uppercut", "slip_left", "slip_right", "duck", "step_back",
           "hit_head", "hit_body", "block", "clinch", "getup"):
    END_NEXT[A[_n]] = A["idle"]
END_NEXT[A["knockdown"]] = A["down"]
VEL = _lut({"walk_in": 1.0, "walk_out": -0.7}, F32, 0.0)  # x walking speed, toward = +
REGEN = _lut({"idle": 1.0, "guard_high": 0.8, "guard_low": 0.8, "walk_in": 0.55,
              "walk_out": 0.55, "clinch": 1.6, "hit_head": 0.3, "hit_body": 0.2, "block": 0.5,
              "duck": 0.5, "slip_left": 0.5, "slip_right": 0.5, "step_back": 0.3,
              "down": 0.6, "getup": 0.6, "hurt": 1.0}, F32, 0.0)
PUNCH_LUT = np.full(16, -1, dtype=I32)  # pressed punch bits (>> 4) -> strongest punch
for _bits in range(1, 16):
    PUNCH_LUT[_bits] = _bits.bit_length() - 1


def _intent_lut() -> np.ndarray:
    """Action a free fighter takes from (held LEFT/RIGHT/DOWN/GUARD/DODGE, clinch ok, side)."""
    out = np.zeros(256, dtype=I32)
    for key in range(256):
        left, right, down = key & 1, key & 2, key & 8
        guard, dodge, close, side = key & 16, key & 32, key & 64, key & 128
        tow, away = (left, right) if side else (right, left)
        if dodge:
            act = ("slip_left" if left else "slip_right" if right else "duck" if down
                   else "step_back")
        elif guard:
            act = "clinch" if tow and close else "guard_low" if down else "guard_high"
        else:
            act = "walk_in" if tow else "walk_out" if away else "idle"
        out[key] = A[act]
    return out


INTENT = _intent_lut()
_COST_CACHE: dict[int, tuple[np.ndarray, np.ndarray]] = {}
_CONST_CACHE: dict[int, dict[str, np.ndarray]] = {}


def _c(v, dtype=F32) -> np.ndarray:
    """A 0-d array of v: numpy's cheapest operand on the live ring's tiny arrays (a numpy or
    Python scalar costs twice as much there), with the same value and type in every result."""
    return np.asarray(v, dtype=dtype)


C0, C1, C04, C06 = _c(0.0), _c(1.0), _c(0.4), _c(0.6)
I0, I1, I2, I4, I15, I64 = (_c(v, I32) for v in (0, 1, 2, 4, 15, 64))
I_0B, I_30, I_DOWN_BIT = _c(0x0B, I32), _c(0x30, I32), _c(DOWN_BIT, I32)
I_DOWN_MIN, I_FREE_MAX, I_P_LO, I_P_HI = (_c(v, I32) for v in (DOWN_MIN, FREE_MAX, P_LO, P_HI))
I_HIT_HEAD, I_BLOCK, I_STEP_BACK, I_GUARD_HIGH, I_WALK_IN = (
    _c(A[n], I32) for n in ("hit_head", "block", "step_back", "guard_high", "walk_in"))


def _consts(table) -> dict[str, np.ndarray]:
    """The table's numbers the step uses every tick, as 0-d arrays (float32 as F32() makes
    them; the clinch gap as the float32 that comparing with the Python number gives)."""
    key = id(table)
    if key not in _CONST_CACHE:
        m, d = table.model, table.defense
        _CONST_CACHE[key] = {
            "buffer_ticks": _c(m["buffer_ticks"], I32), "clinch_gap": _c(d["clinch_gap_px"]),
            "step_back_speed": _c(d["step_back_speed"]), "half": _c(m["ring_half_px"]),
            "min_gap": _c(m["min_gap_px"]), "stop_limit": _c(m["stop_limit"]),
        }
    return _CONST_CACHE[key]


def _luts(table) -> tuple[np.ndarray, np.ndarray]:
    """Per-table lookups: timed length of each action, stamina spent per tick in it."""
    key = id(table)
    if key not in _COST_CACHE:
        d, m = table.defense, table.model
        length = _lut({"slip_left": d["slip_ticks"], "slip_right": d["slip_ticks"],
                       "duck": d["duck_ticks"], "step_back": d["step_back_ticks"]}, I32, 0)
        cost = _lut({"walk_in": m["move_cost"], "walk_out": m["move_cost"],
                     "step_back": 2 * m["move_cost"], "guard_high": m["guard_cost"],
                     "guard_low": m["guard_cost"], "block": m["guard_cost"]}, F32, 0.0)
        _COST_CACHE[key] = (length, cost)
    return _COST_CACHE[key]


def step(state: BoutState, buttons_a, buttons_b, events: bool = True) -> StepEvents:
    """Advance every live lane one tick (mutates `state`); returns what happened.
    `events=False` (the batch simulator) skips building the event records."""
    s = state
    ev = StepEvents() if events else NoEvents()
    s.tick += 1
    s.act_t += 1
    b = s.batch
    t = s.table
    m, d = t.model, t.defense
    dlen, cost = _luts(t)
    kc = _consts(t)
    if s.tick == 1:
        ev.add("round_start", np.ones(b, dtype=bool) & SIDE0)

    btn = np.empty((2, b), dtype=I32)
    btn[0] = buttons_a
    btn[1] = buttons_b
    pressed = btn & ~s.prev_btn
    s.prev_btn = btn
    act = s.act
    any_down = (act[0] >= I_DOWN_MIN) | (act[1] >= I_DOWN_MIN)
    fight = ~s.over & (s.between_t == I0)
    play = fight & ~any_down
    eff = btn * play
    pr = pressed & eff

    # --- punch buffer: a press waits a few ticks for the fighter to be free
    punch = PUNCH_LUT[(pr >> I4) & I15]
    new_press = punch >= I0
    down_h = (eff & I_DOWN_BIT) != I0
    s.buf_move = np.where(new_press, punch * I2 + down_h, s.buf_move)
    s.buf_ttl = np.where(new_press, kc["buffer_ticks"], s.buf_ttl - I1)

    # --- timed actions that run out
    ended = (s.act_len > I0) & (s.act_t >= s.act_len)
    if _any(ended):
        was = act
        act = np.where(ended, END_NEXT[was], was)
        s.act_t[ended] = 0
        s.act_len[ended] = 0
        brk = ended & (was == A["clinch"])
        if _any(brk):
            lanes = brk[0] | brk[1]
            # the referee parts them in the middle of the ring
            half = F32(d["break_gap_px"] * 0.5)
            s.x = np.where(lanes, np.asarray([[-half], [half]], dtype=F32), s.x)
            ev.add("break", brk)

    # --- free fighters choose what to do: punch, or what the held buttons say
    free = (act <= I_FREE_MAX) & play
    gap = s.x[1] - s.x[0]
    opp = act[::-1]
    clinch_ok = ((gap <= kc["clinch_gap"]) & ((opp <= I_FREE_MAX) | ((opp >= I_HIT_HEAD)
                                                                       & (opp <= I_BLOCK))))
    key = (eff & I_0B) | ((eff >> I4) & I_30) | (clinch_ok * I64) | SIDE_KEY
    start_p = free & (s.buf_ttl > I0)
    new_act = np.where(start_p, PUNCH0 + (s.buf_move >> 1), INTENT[key])
    changed = free & (new_act != act)
    if _any(changed):
        act = np.where(free, new_act, act)
        s.act_t[changed] = 0
        timed = dlen[act]
        s.act_len = np.where(changed, timed, s.act_len)
        s.stam -= (changed & (timed > 0)) * (F32(d["dodge_cost"]) * s.cost_f)
        if _any(start_p):
            _on_lanes(s, ev, _start_punch, start_p, denser=3)  # lanes starting a punch
        cl = changed & (act == A["clinch"])
        if _any(cl):
            both = cl | cl[::-1]
            act = np.where(both, A["clinch"], act)
            s.act_t[both] = 0
            s.act_len[both] = I32(d["clinch_ticks"])
            s.stam -= cl * F32(d["clinch_cost"])
            s.clinches = s.clinches + cl
            ev.add("clinch", cl)
    s.act = act

    # --- movement: walking, stepping back, the ropes, bodies touching
    stepping = act == I_STEP_BACK
    # GUARD + toward out of clinch range walks in behind the guard, slower
    shell = (act == I_GUARD_HIGH) & ((eff & TOWARD) != I0)
    vel = VEL[act] - stepping * kc["step_back_speed"] + shell * C06
    slow = C1 - (s.hurt_t > I0) * C04
    dx = vel * s.walk_px * slow * DIR * play  # during a count the model walks him (_count)
    s.x += dx
    s.t_aggr += act == I_WALK_IN
    half = kc["half"]
    if _any(stepping):
        # stepping back into the ropes pivots off them: the pair turns, the gap still opens
        # (in this side view: he stays on the ropes' line and the other man is set back)
        past = np.maximum(np.abs(s.x) - half, 0) * stepping
        s.x += past[::-1] * PIVOT * F32(0.5)
    _constrain(s.x, half, kc["min_gap"])

    # --- punches in their active window: connect, or whiff at its last active tick
    active = ((act >= I_P_LO) & (act <= I_P_HI) & (s.act_t >= s.p_su) & (s.act_t < s.p_ac)
              & ~s.resolved & ~s.over)  # nothing lands once the bout is over
    if _any(active):
        _contact(s, ev, active, b)

    # --- stamina and health over time
    # (every REGEN_EVERY ticks, that many ticks' worth: the same model, fewer operations)
    act = s.act
    if s.tick % REGEN_EVERY == 0:
        k = F32(REGEN_EVERY)
        s.stam += (s.regen * REGEN[act] * (F32(0.5) + s.body * F32(0.005)) - cost[act]) * k
        np.clip(s.stam, 0, 100, out=s.stam)
        s.head += s.rec_f * F32(m["head_regen"] * REGEN_EVERY)
        np.minimum(s.head, 100, out=s.head)
        s.body += s.rec_f * F32(m["body_regen"] * REGEN_EVERY)
        np.minimum(s.body, 100, out=s.body)
        decay = 1.0
        for _ in range(REGEN_EVERY):  # repeated * rather than pow(): the same on every machine
            decay *= m["stop_decay"]
        s.punish *= F32(decay)
    else:
        np.maximum(s.stam, C0, out=s.stam)
    s.hurt_t -= s.hurt_t > I0

    # --- knocked down fighters: the count and the get-up challenge
    downed = act >= I_DOWN_MIN
    if _any(downed):
        _on_lanes(s, ev, _count, downed, pressed)  # lanes with a man on the floor

    # --- referee stoppage: hurt and taking punishment without answering
    stop = (s.punish > kc["stop_limit"]) & (s.hurt_t > I0)
    if _any(stop):
        stop &= fight & (s.act < DOWN_MIN)
        lanes = stop[0] | stop[1]
        if _any(lanes):
            finish(s, ev, lanes, np.where(stop[0], 1, 0), M["TKO"])

    # --- the clock, the bell, the corner
    fight = ~s.over & (s.between_t == I0)
    s.clock_t -= fight & (s.clock_t > I0)
    if _any(~fight):
        brk = s.between_t > 0
        if _any(brk):
            s.between_t -= brk
            start = brk & (s.between_t == 0) & ~s.over
            if _any(start):
                s.rnd += start
                s.clock_t[start] = s.rules.round_ticks
                ev.add("round_start", start & SIDE0)
    bell = fight & (s.clock_t <= I0)
    if _any(bell):
        dn = s.act >= DOWN_MIN
        anyd = dn[0] | dn[1]
        saved = s.rules.saved_by_bell  # the last round too: the cards decide
        bell &= ~anyd | saved
        if _any(bell):
            end_round(s, ev, bell)
    if ev.enabled:
        ev.x_px = s.x.copy()
    return ev


def _start_punch(s: BoutState, ev: StepEvents, start_p: np.ndarray) -> None:
    """Frame data for new punches: hand speed, low stamina and being hurt stretch them."""
    mv_t, m = s.table.move, s.table.model
    mv = s.buf_move
    low = F32(m["low_stamina"])
    spd = s.spd_f * (F32(1) + F32(0.6) * np.maximum(low - s.stam, 0) / low)
    spd = spd * (F32(1) + (s.hurt_t > 0) * F32(m["hurt_slow"] - 1))
    su = np.maximum(mv_t["startup_ticks"][mv] * spd + F32(0.5), 1).astype(I32)
    rc = (mv_t["recovery_ticks"][mv] * spd + F32(0.5)).astype(I32)
    ac = su + mv_t["active_ticks"][mv]
    s.p_su = np.where(start_p, su, s.p_su)
    s.p_ac = np.where(start_p, ac, s.p_ac)
    s.act_len = np.where(start_p, ac + rc, s.act_len)
    s.move = np.where(start_p, mv, s.move)
    s.resolved = s.resolved & ~start_p
    s.stam = s.stam - start_p * (mv_t["stamina_cost"][mv] * s.cost_f)
    s.thrown = s.thrown + start_p
    s.t_aggr = s.t_aggr + start_p * F32(8.0)
    s.buf_ttl = np.where(start_p, 0, s.buf_ttl)
    ev.add("punch_thrown", start_p, s.move)


def _constrain(x: np.ndarray, half: np.float32, min_gap: np.float32) -> None:
    """Keep both fighters (rows of x, in place) inside the ropes and `min_gap` apart."""
    x0, x1 = x[0], x[1]
    over = np.maximum(min_gap - (x1 - x0), 0) * F32(0.5)
    x0 -= over
    x1 += over
    # np.clip, as min(max()): the same values (no bound is 0, so no signed zero to choose)
    np.minimum(np.maximum(x0, -half, out=x0), half - min_gap, out=x0)
    np.minimum(np.maximum(x1, -half + min_gap, out=x1), half, out=x1)
    np.maximum(x1, x0 + min_gap, out=x1)
    np.minimum(x0, x1 - min_gap, out=x0)


_FIGHTER = frozenset(FIGHTER_FIELDS)
_LANE = frozenset(LANE_FIELDS)
_FIXED = frozenset(FIXED_FIELDS)


class _Sub:
    """A few lanes of a BoutState: arrays are gathered on first read, written back by flush."""

    def __init__(self, s: BoutState, lanes: np.ndarray) -> None:
        object.__setattr__(self, "_s", s)
        object.__setattr__(self, "_lanes", lanes)
        object.__setattr__(self, "_dirty", set())

    def __getattr__(self, name: str):
        v = getattr(self._s, name)
        if name in _FIGHTER or name in _FIXED:
            v = v[:, self._lanes]
        elif name in _LANE:
            v = v[self._lanes]
        else:
            return v
        object.__setattr__(self, name, v)
        return v

    def __setattr__(self, name: str, value) -> None:
        object.__setattr__(self, name, value)
        self._dirty.add(name)

    def flush(self) -> None:
        for name in self._dirty:
            if name in _FIGHTER:
                getattr(self._s, name)[:, self._lanes] = self.__dict__[name]
            elif name in _LANE:
                getattr(self._s, name)[self._lanes] = self.__dict__[name]
            else:
                setattr(self._s, name, self.__dict__[name])


class _SubEvents:
    """Events of a lane subset, widened back to the whole batch."""

    enabled = True

    def __init__(self, ev: StepEvents, lanes: np.ndarray, batch: int) -> None:
        self.ev, self.lanes, self.batch = ev, lanes, batch

    def _wide(self, a: np.ndarray | None, dtype) -> np.ndarray | None:
        if a is None:
            return None
        out = np.zeros((2, self.batch), dtype=dtype)
        out[:, self.lanes] = a
        return out

    def add(self, kind, mask, move_id=None, damage=None) -> None:
        self.ev.add(kind, self._wide(mask, bool), self._wide(move_id, I32),
                    self._wide(damage, F32))


def _on_lanes(s: BoutState, ev: StepEvents, fn, mask: np.ndarray, *per_side: np.ndarray,
              denser: int = 2) -> None:
    """Run ``fn(s, ev, mask, *per_side)`` on only the lanes where ``mask`` is set, when they are
    fewer than 1/denser of the batch: gathering a few lanes beats whole-batch work then."""
    b = mask.shape[1]
    lanes = np.nonzero(mask[0] | mask[1])[0]
    if denser * lanes.size < b:
        sub = _Sub(s, lanes)
        fn(sub, _SubEvents(ev, lanes, b) if ev.enabled else ev,
           *(a[:, lanes] for a in (mask, *per_side)))
        sub.flush()
    else:
        fn(s, ev, mask, *per_side)


def _contact(s: BoutState, ev: StepEvents, active: np.ndarray, b: int) -> None:
    """Which punches in their active ticks connect (maybe blocked) and which whiff."""
    t = s.table
    mv_t, d = t.move, t.defense
    act, mv = s.act, s.move
    gap = s.x[1] - s.x[0]
    opp_act, opp_t = act[::-1], s.act_t[::-1]
    head_t = (mv & 1) == 0
    in_range = gap <= mv_t["reach_px"][mv] + s.reach_bonus
    dodging = opp_t < s.act_len[::-1] - I32(d["vulnerable_ticks"])
    ducking = (opp_act == A["duck"]) & dodging
    slipping = ((opp_act == A["slip_left"]) | (opp_act == A["slip_right"])) & dodging
    evade = head_t & (slipping | (ducking & ~t.beats_duck[mv]))
    conn = active & in_range & ~evade & (opp_act < UNHIT_MIN)
    whiff = active & ~conn & (s.act_t == s.p_ac - 1)
    if _any(whiff):
        s.stam -= whiff * (mv_t["whiff_cost"][mv] * s.cost_f)
        # the defender gets credit for punches that came in range and missed
        s.t_def += (whiff & in_range)[::-1]
        ev.add("punch_whiffed", whiff, mv)
    if not _any(conn):
        return
    s.resolved |= conn
    _on_lanes(s, ev, _resolve, conn, ducking)  # lanes where a punch arrives


def _resolve(s: BoutState, ev: StepEvents, conn: np.ndarray, ducking: np.ndarray) -> None:
    """Punches that arrive: blocked (chip, block stun) or landed (damage, hit stun, knockdowns)."""
    t = s.table
    mv_t, m, d = t.move, t.model, t.defense
    act, mv = s.act, s.move
    opp_act, opp_t = act[::-1], s.act_t[::-1]
    head_t = (mv & 1) == 0
    from_below = t.beats_duck[mv]  # catches a ducking man (duck_uppercut_mult)
    blocked = conn & np.where(head_t, GUARD_HI[opp_act], GUARD_LO[opp_act])
    landed = conn & ~blocked
    s.t_def = s.t_def + blocked[::-1]
    u_dmg, u_kd, u_leak, _ = random4(s, 1)
    opp_punch = (opp_act >= P_LO) & (opp_act <= P_HI)
    counter = landed & opp_punch & ((opp_t < s.p_su[::-1]) | (opp_t >= s.p_ac[::-1]))
    low = F32(m["low_stamina"])
    stamfac = F32(1) - F32(0.6) * np.maximum(low - s.stam, 0) / low
    spread = F32(m["damage_spread"])
    # heart: a hurt man with a big heart punches back harder (desperation), a small one folds
    desperate = np.maximum(F32(m["hurt_below"] + 12) - s.head, 0) * F32(
        1.0 / (m["hurt_below"] + 12)) * s.heart_f * F32(m["heart_power"])
    raw = (mv_t["damage"][mv] * s.pow_f * stamfac * (F32(1) + desperate)
           * (F32(1) - spread * F32(0.5) + spread * u_dmg)
           * (F32(1) + counter * F32(m["counter_mult"] - 1))
           * (F32(1) + (from_below & ducking) * F32(m["duck_uppercut_mult"] - 1)))
    dmg = raw * s.def_f[::-1] * np.where(head_t, s.chin_f[::-1], s.bodytake_f[::-1])
    chip = raw * (F32(d["chip"]) + F32(d["leaky_guard"]) * (F32(1) - s.stam[::-1] * F32(0.01)))
    body_t = ~head_t
    lh, lb = landed & head_t, landed & body_t
    dealt_head = lh * dmg + (blocked & head_t) * chip + lb * (dmg * F32(m["head_from_body"]))
    dealt_body = lb * (dmg * F32(m["body_mult"])) + (blocked & body_t) * chip
    dealt_stam = lb * (dmg * F32(m["body_stamina_mult"])) + blocked * (raw * F32(d["block_cost"]))
    th, tb = dealt_head[::-1], dealt_body[::-1]
    was_hurt = s.hurt_t > 0
    s.head = s.head - th
    s.body = s.body - tb
    s.stam = np.maximum(s.stam - dealt_stam[::-1], 0)
    s.landed = s.landed + landed
    heavy_mv = t.heavy[mv]
    s.t_clean = s.t_clean + landed * (F32(1) + heavy_mv * F32(0.5))
    s.t_power = s.t_power + (landed & heavy_mv) * dmg
    s.punish = np.maximum(s.punish + th + tb * F32(0.5) - (dealt_head + dealt_body) * F32(1.5), 0)
    # the one hit reacts: hit stun, block stun, knocked back
    took, blk, omv = landed[::-1], blocked[::-1], mv[::-1]
    stun = np.where(took, mv_t["hitstun_ticks"][omv], mv_t["blockstun_ticks"][omv])
    stun = np.where(was_hurt, (stun * F32(m["hurt_slow"])).astype(I32), stun)
    react = took | blk
    s.act = np.where(took, A["hit_head"] + (omv & 1), np.where(blk, A["block"], s.act))
    s.act_t = np.where(react, 0, s.act_t)
    s.act_len = np.where(react, stun, s.act_len)
    kb = mv_t["knockback_px"][omv] * (took + blk * F32(0.5))
    # knocked back away from the puncher: the gap only grows, so the ropes are the only limit
    half = F32(m["ring_half_px"])
    s.x = np.clip(s.x - kb * DIR, -half, half)
    # hurt: under hurt_below, or one hit that is big for what he has left (a fresh man takes
    # hurt_hit, a worn one less): mismatches can end early, not all when the bar runs low
    big = th > F32(m["hurt_hit"]) * (F32(0.4) + F32(0.006) * np.maximum(s.head, 0))
    s.hurt_t = np.where(took & (big | (s.head < m["hurt_below"])),
                        I32(m["hurt_ticks"]), s.hurt_t)
    if ev.enabled:  # event damage is on the 0..1 scale of a full bar
        bar = (dealt_head + dealt_body) * F32(0.01)
        ev.add("punch_landed", landed, mv, bar)
        if _any(blocked):
            ev.add("punch_blocked", blocked, mv, bar)
        if _any(counter):
            ev.add("counter", counter, mv, bar)
    # knockdowns: out of head or body, or a big power punch that lands: likely on a hurt man,
    # a flash knockdown (kd_flash as likely) on one who is not, twice as likely on a counter;
    # the chance grows with the puncher's power and shrinks with the victim's heart
    kd = took & ((s.head <= 0) | (s.body <= 0))
    heavy = took & t.heavy[omv] & (th >= m["kd_hit"])
    if _any(heavy):
        flash = F32(m["kd_flash"])
        chance = (F32(m["kd_chance"]) * (F32(1.2) - s.heart_f * F32(0.7))
                  * (flash + was_hurt * (F32(1) - flash))
                  * (F32(0.5) + counter[::-1] * F32(0.5)) * s.pow_f[::-1])
        kd |= took & heavy & (u_kd < chance)
    if _any(kd):
        _knockdown(s, ev, kd, u_leak)


def _knockdown(s: BoutState, ev: StepEvents, kd: np.ndarray, u: np.ndarray) -> None:
    m = s.table.model
    s.act = np.where(kd, A["knockdown"], s.act)
    s.act_t = np.where(kd, 0, s.act_t)
    s.act_len = np.where(kd, I32(m["fall_ticks"]), s.act_len)
    s.kd_total = s.kd_total + kd
    s.kd_round = s.kd_round + kd
    s.down_t = np.where(kd, 0, s.down_t)
    s.count_wait_t = np.where(kd, 0, s.count_wait_t)
    s.gp = np.where(kd, F32(0), s.gp)
    leak = (F32(m["getup_leak"]) * s.kd_total.astype(F32) * (F32(0.4) + F32(1.3) * u)
            * (F32(1.5) - s.heart_f * F32(0.7)) * (F32(1.6) - s.head.clip(0, 100) * F32(0.006)))
    s.leak = np.where(kd, leak, s.leak)
    # the other man goes to a neutral corner (_count walks him there), his punch cancelled
    other = kd[::-1] & ~kd
    s.act = np.where(other, A["walk_out"], s.act)
    s.act_len = np.where(other, 0, s.act_len)
    s.buf_ttl = np.where(other | kd, 0, s.buf_ttl)
    ev.add("knockdown", kd)
    if s.rules.three_knockdown_rule:
        three = kd & (s.kd_round >= 3) & ~s.over
        if _any(three):
            lanes = three[0] | three[1]
            finish(s, ev, lanes, np.where(three[0], 1, 0), M["TKO"])


def _count(s: BoutState, ev: StepEvents, downed: np.ndarray, pressed: np.ndarray) -> None:
    """The referee counts; the downed man mashes to beat the count (harder each time down).

    The man still standing walks to the neutral corner on his side; the count (and the downed
    man's climb back up) waits until he is there, or count_wait_ticks at most."""
    m = s.table.model
    live = ~s.over
    stand = downed[::-1] & ~downed & (s.act < A["clinch"])  # the other man, free to walk
    half = F32(m["ring_half_px"])
    left, right = s.rules.neutral_corners_px
    corner = np.asarray([[max(left, -half)], [min(right, half)]], dtype=F32)
    to_go = (corner - s.x) * (stand & live)
    walk = s.walk_px
    there = np.abs(to_go) <= walk
    s.x = s.x + np.clip(to_go, -walk, walk)
    s.act = np.where(stand & live, np.where(there, A["idle"], A["walk_out"]), s.act)
    waiting = (downed & live & (stand & ~there)[::-1]
               & (s.count_wait_t < I32(m["count_wait_ticks"])))
    s.count_wait_t = s.count_wait_t + waiting
    counting = downed & live & ~waiting
    s.down_t = s.down_t + counting
    ct = int(m["count_ticks"])
    ticking = counting & (s.down_t % ct == 0)
    if _any(ticking):
        ev.add("count", ticking)
    lying = (s.act == A["down"]) & counting
    mash = ((pressed & PUNCH_MASK) != 0) & lying
    gain = (F32(m["getup_press"]) * (F32(0.45) + F32(0.55) * s.heart_f)
            / (F32(0.6) + F32(0.4) * s.kd_total.astype(F32)))
    s.gp = np.where(lying, np.maximum(s.gp + mash * gain - s.leak, 0), s.gp)
    rise = lying & (s.gp >= 100) & (s.down_t < 10 * ct)
    if _any(rise):
        s.act = np.where(rise, A["getup"], s.act)
        s.act_t = np.where(rise, 0, s.act_t)
        s.act_len = np.where(rise, I32(m["getup_ticks"]), s.act_len)
        restore = F32(m["getup_head"]) - F32(8) * (s.kd_total - 1).astype(F32) + F32(12) * s.heart_f
        s.head = np.where(rise, np.maximum(s.head, restore), s.head)
        s.body = np.where(rise, np.maximum(s.body, F32(25)), s.body)
        s.hurt_t = np.where(rise, I32(m["hurt_ticks"]), s.hurt_t)
        s.punish = np.where(rise, F32(0), s.punish)
        ev.add("getup", rise)
    out = downed & live & ~rise & (s.down_t >= 10 * ct)
    if _any(out):
        lanes = out[0] | out[1]
        finish(s, ev, lanes, np.where(out[0], 1, 0), M["KO"])
