"""The state of B bouts as numpy arrays with a leading batch axis.

Fighter arrays have shape (2, B) (row = side; side 0 starts left facing right and the model
never lets the fighters pass each other, so facing is fixed). Lane arrays have shape (B,).
Everything that changes tick to tick lives here, including the CPU's memory; the random numbers
are a counter-based hash of (lane seed, side, tick, salt), so a lane never depends on B.

Corner between rounds: at the bell the model applies the corner recovery at once, then marks
`between_rounds` for a short fixed `corner_ticks` (moves.toml) during which inputs are ignored;
the next round starts when it runs out. The ring holds its corner screen by simply not stepping
while `between_rounds` is True, for as long as it likes; the Virtual Fight never waits.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from game.combat.fighters import FighterStats, load_fighter
from game.combat.moves import MoveTable, load_moves
from game.combat.rules import MAX_ROUNDS, Rules
from game.combat.view import MOVE_NAMES, TARGET_NAMES, FighterView, FightView, Result

# ordered so the hot tests are ranges: free <= 5, punches 6..9, dodges 10..13, unhittable >= 17
ACTION_NAMES = ("idle", "walk_in", "walk_out", "guard_high", "guard_low", "hurt", "jab", "cross",
                "hook", "uppercut", "slip_left", "slip_right", "duck", "step_back", "hit_head",
                "hit_body", "block", "clinch", "getup", "celebrate", "dejected", "knockdown",
                "down")
A = {name: i for i, name in enumerate(ACTION_NAMES)}
PUNCH0 = A["jab"]  # act = PUNCH0 + punch index
METHODS = ("", "KO", "TKO", "UD", "SD", "MD", "DRAW")
M = {name: i for i, name in enumerate(METHODS)}
NO_WINNER = 2  # winner code for a draw

# per-lane arrays (B,) and per-fighter arrays (2, B): every one is compacted together
LANE_FIELDS = ("seed", "rnd", "clock_t", "between_t", "over", "winner", "method", "end_round",
               "end_ticks")
FIGHTER_FIELDS = (
    "act", "act_t", "act_len", "p_su", "p_ac", "move", "resolved", "buf_move", "buf_ttl", "prev_btn",
    "x", "head", "body", "stam", "hurt_t", "kd_total", "kd_round", "thrown", "landed", "punish",
    "down_t", "gp", "leak", "t_clean", "t_power", "t_aggr", "t_def", "ai_btn", "ai_t", "ai_out",
    "seedmix", "bot_step", "bot_wait", "count_wait_t", "ai_jabs",
)
# fixed per bout, derived from the fighters' ratings: rows of one (K, 2, B) array `fixed`,
# so a lane subset gathers them in one go
FIXED_FIELDS = (
    "pow_f", "spd_f", "walk_px", "chin_f", "bodytake_f", "def_f", "cost_f", "regen", "rec_f",
    "heart_f", "reach_bonus", "ai_aggr", "ai_range", "ai_jab", "ai_body", "ai_work", "ai_guard",
    "ai_dodge", "ai_counter", "ai_clinch", "ai_comp",
)
F32 = np.float32


class BoutState:
    """All the arrays of B bouts plus the shared, read-only rules and move table."""

    def __init__(self, rules: Rules, table: MoveTable, batch: int) -> None:
        self.rules = rules
        self.table = table
        self.tick = 0  # ticks since the bell of round 1 (all lanes step in lockstep)
        self.lane_id = np.arange(batch)  # original lane index (kept through compaction)
        self.scores = np.zeros((batch, 3, MAX_ROUNDS, 2), dtype=np.int32)
        self.ai_params: dict = {}  # cpu_buttons' per-level arrays (cleared on compaction)

    @property
    def batch(self) -> int:
        return int(self.seed.shape[0])

    def compact(self, keep: np.ndarray) -> None:
        """Keep only the lanes where `keep` is True (finished lanes stop costing)."""
        self.ai_params = {}
        for name in LANE_FIELDS + ("lane_id", "scores"):
            setattr(self, name, getattr(self, name)[keep])
        for name in FIGHTER_FIELDS:
            setattr(self, name, getattr(self, name)[:, keep])
        self.set_fixed(self.fixed[:, :, keep])

    def set_fixed(self, fixed: np.ndarray) -> None:
        """Install the (K, 2, B) fixed-stats array and its named row views."""
        self.fixed = fixed
        for i, name in enumerate(FIXED_FIELDS):
            setattr(self, name, fixed[i])

    def take(self, lanes: np.ndarray) -> dict[str, np.ndarray]:
        """Copies of the per-lane results of some lanes (for the batch simulator)."""
        out = {k: getattr(self, k)[lanes].copy() for k in
               ("lane_id", "winner", "method", "end_round", "end_ticks", "scores")}
        out.update({k: getattr(self, k)[:, lanes].copy() for k in ("kd_total", "thrown", "landed")})
        return out


def _stats_list(x: FighterStats | Sequence[FighterStats], batch: int) -> list[FighterStats]:
    if isinstance(x, FighterStats):
        return [x] * batch
    xs = list(x)
    if len(xs) != batch:
        raise ValueError(f"got {len(xs)} fighters for a batch of {batch}")
    return xs


def _height(stats: FighterStats) -> int:
    try:
        return load_fighter(stats.fighter_id).look.height_cm
    except ValueError:  # a fighter built in code (tests) has no file
        return 185


def new_bout(a: FighterStats | Sequence[FighterStats], b: FighterStats | Sequence[FighterStats],
             rules: Rules | None = None, seeds: np.ndarray | Sequence[int] = (0,),
             table: MoveTable | None = None) -> BoutState:
    """B = len(seeds) bouts of a against b, before the first bell."""
    rules = rules or Rules()
    table = table or load_moves()
    seeds = np.asarray(seeds, dtype=np.uint64).reshape(-1)
    n = seeds.shape[0]
    s = BoutState(rules, table, n)
    fa, fb = _stats_list(a, n), _stats_list(b, n)
    m = table.model

    def per(fn) -> np.ndarray:
        cache: dict[int, float] = {}
        out = np.empty((2, n), dtype=F32)
        for side, fs in ((0, fa), (1, fb)):
            for i, st in enumerate(fs):
                key = id(st)
                if key not in cache:
                    cache[key] = fn(st)
                out[side, i] = cache[key]
        return out

    r = lambda name: per(lambda st: st.ratings[name] / 100.0)
    power, hand, foot = r("power"), r("hand_speed"), r("foot_speed")
    stamina, recovery, chin = r("stamina"), r("recovery"), r("chin")
    defense, heart = r("defense"), r("heart")
    s.pow_f = (0.45 + 0.7 * power).astype(F32)
    s.spd_f = (1.4 - 0.55 * hand).astype(F32)
    s.walk_px = (m["walk_px"] + m["walk_foot_px"] * foot).astype(F32)
    s.chin_f = (1.5 - 0.9 * chin).astype(F32)
    s.bodytake_f = (1.35 - 0.55 * stamina).astype(F32)
    s.def_f = (1.0 - 0.3 * defense).astype(F32)
    s.cost_f = (1.45 - 0.6 * stamina).astype(F32)
    s.regen = (m["stamina_regen"] * (0.35 + 0.65 * recovery)).astype(F32)
    s.rec_f = recovery.astype(F32)
    s.heart_f = heart.astype(F32)
    s.reach_bonus = per(lambda st: (_height(st) - 185) * 0.6)
    for key in ("aggression", "jab_rate", "body_rate", "work_rate", "guard", "dodge", "counter",
                "clinch", "composure"):
        short = {"aggression": "aggr", "jab_rate": "jab", "body_rate": "body",
                 "work_rate": "work", "composure": "comp"}.get(key, key)
        setattr(s, f"ai_{short}", per(lambda st, k=key: st.ai[k]))
    s.ai_range = per(lambda st: st.range_px)

    # lanes
    s.seed = seeds
    s.rnd = np.ones(n, dtype=np.int32)
    s.clock_t = np.full(n, rules.round_ticks, dtype=np.int32)
    s.between_t = np.zeros(n, dtype=np.int32)
    s.over = np.zeros(n, dtype=bool)
    s.winner = np.full(n, -1, dtype=np.int32)
    s.method = np.zeros(n, dtype=np.int32)
    s.end_round = np.zeros(n, dtype=np.int32)
    s.end_ticks = np.zeros(n, dtype=np.int32)
    # fighters
    zi = lambda: np.zeros((2, n), dtype=np.int32)
    zf = lambda: np.zeros((2, n), dtype=F32)
    # form on the night: each fighter is a little better or worse than his ratings, drawn
    # from the lane's seed, so underdogs win sometimes
    z0 = _splitmix(seeds ^ np.uint64(0x5EED5EED5EED5EED))
    form_u = np.stack([(z0 & np.uint64(0xFFFF)).astype(F32),
                       ((z0 >> np.uint64(16)) & np.uint64(0xFFFF)).astype(F32)]) / F32(65536)
    form = F32(1) + F32(m["form_spread"]) * (form_u * F32(2) - F32(1))
    s.pow_f = s.pow_f * form
    s.spd_f = s.spd_f / form
    s.walk_px = s.walk_px * (F32(1) + (form - F32(1)) * F32(0.5))
    s.set_fixed(np.stack([getattr(s, name) for name in FIXED_FIELDS]).astype(F32))
    for name in ("act", "act_t", "act_len", "p_su", "p_ac", "move", "buf_ttl", "prev_btn",
                 "hurt_t", "kd_total", "kd_round", "thrown", "landed", "down_t", "ai_btn", "ai_t",
                 "ai_out", "bot_step", "bot_wait", "count_wait_t", "ai_jabs"):
        setattr(s, name, zi())
    s.buf_move = zi()
    s.resolved = np.zeros((2, n), dtype=bool)
    half = m["start_gap_px"] / 2
    s.x = np.tile(np.asarray([[-half], [half]], dtype=F32), (1, n))
    s.head, s.body, s.stam = zf() + 100, zf() + 100, zf() + 100
    for name in ("punish", "gp", "leak", "t_clean", "t_power", "t_aggr", "t_def"):
        setattr(s, name, zf())
    # per fighter hash key: splitmix of the lane seed, then the side
    z = _splitmix(seeds)
    s.seedmix = np.stack([z, z ^ np.uint64(0xD1B54A32D192ED03)], axis=0)
    return s


def _splitmix(z: np.ndarray) -> np.ndarray:
    z = z.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def random4(state: BoutState, salt: int, side: int | None = None) -> tuple[np.ndarray, ...]:
    """Four independent uniform [0, 1) float32 arrays (2, B) for this tick and salt
    (or (B,) arrays of one side's numbers: the same values as row `side` of the full call)."""
    k = np.uint64((state.tick * 0x9E3779B97F4A7C15 + salt * 0xC2B2AE3D27D4EB4F) & (2**64 - 1))
    z = (state.seedmix if side is None else state.seedmix[side]) + k
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    u16 = np.ascontiguousarray(z).view(np.uint16).reshape(z.shape + (4,))  # 4 x 16 bits
    u = u16.astype(F32) * F32(1.0 / 65536.0)
    return u[..., 0], u[..., 1], u[..., 2], u[..., 3]


def _result(state: BoutState, lane: int) -> Result | None:
    if not state.over[lane]:
        return None
    w = int(state.winner[lane])
    rounds = int(state.end_round[lane]) - 1 if state.method[lane] in (M["KO"], M["TKO"]) \
        else state.rules.rounds
    cards = tuple(tuple((int(state.scores[lane, j, r, 0]), int(state.scores[lane, j, r, 1]))
                        for r in range(rounds)) for j in range(3))
    t = state.end_ticks[lane] * state.rules.clock_speed / 60.0
    return Result(None if w == NO_WINNER else w, METHODS[state.method[lane]],
                  int(state.end_round[lane]), float(t), cards)


def snapshot(state: BoutState, lane: int = 0) -> FightView:
    """One lane as a FightView (see game.combat.view)."""
    fighters = []
    table = state.table
    for side in (0, 1):
        act = int(state.act[side, lane])
        t = int(state.act_t[side, lane])
        target = phase = None
        progress = 0.0
        name = ACTION_NAMES[act]
        if PUNCH0 <= act < PUNCH0 + 4:
            target = TARGET_NAMES[int(state.move[side, lane]) & 1]
            su, ac = int(state.p_su[side, lane]), int(state.p_ac[side, lane])
            ln = int(state.act_len[side, lane])
            if t < su:
                phase, progress = "startup", t / max(1, su)
            elif t < ac:
                phase, progress = "active", (t - su) / max(1, ac - su)
            else:
                phase, progress = "recovery", min(1.0, (t - ac) / max(1, ln - ac))
        elif state.act_len[side, lane] > 0:
            progress = min(1.0, t / int(state.act_len[side, lane]))
        hurt = bool(state.hurt_t[side, lane] > 0)
        if hurt and name in ("idle", "walk_in", "walk_out"):
            name = "hurt"
        fighters.append(FighterView(
            x_px=float(state.x[side, lane]), facing=1 if side == 0 else -1, action=name,
            target=target, phase=phase, phase_progress=float(progress), action_ticks=t,
            health_head=float(max(0.0, state.head[side, lane]) / 100.0),
            health_body=float(max(0.0, state.body[side, lane]) / 100.0),
            stamina=float(max(0.0, state.stam[side, lane]) / 100.0), hurt=hurt,
            knockdowns=int(state.kd_total[side, lane]),
            punches_thrown=int(state.thrown[side, lane]),
            punches_landed=int(state.landed[side, lane])))
    down = [s for s in (0, 1) if ACTION_NAMES[int(state.act[s, lane])] in ("knockdown", "down")]
    downed = down[0] if down and not state.over[lane] else None
    count = gp = None
    if downed is not None:
        count = min(10, int(state.down_t[downed, lane]) // int(table.model["count_ticks"]))
        gp = float(min(1.0, state.gp[downed, lane] / 100.0))
    clock_left = float(state.clock_t[lane]) * state.rules.clock_speed / 60.0
    return FightView(tuple(fighters), int(state.rnd[lane]), state.rules.rounds, clock_left,
                     bool(state.between_t[lane] > 0), count, downed, gp, bool(state.over[lane]),
                     _result(state, lane), int(state.tick))


__all__ = [
    "ACTION_NAMES",
    "METHODS",
    "MOVE_NAMES",
    "A",
    "BoutState",
    "M",
    "new_bout",
    "random4",
    "snapshot",
]
