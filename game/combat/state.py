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
from dataclasses import dataclass

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

F32 = np.float32
I32 = np.int32


@dataclass(frozen=True)
class FieldDef:
    """One array of the bout state: its name, element type and what it holds (with its unit)."""

    name: str
    dtype: type
    doc: str


# Every array of the bout state, declared once with its unit, so a reader sees the whole state
# here and compaction, hashes and replays cannot miss a field (GGPO keeps its state in one struct
# the same way). Shapes: LANE (B,); FIGHTER (2, B), row = side (0 starts left facing right);
# FIXED rows of one (K, 2, B) float32 array `fixed`, derived from the ratings at the first bell.
LANE = (
    FieldDef("seed", np.uint64, "the lane's seed: every random number of the lane comes from it"),
    FieldDef("rnd", I32, "round being fought (or just ended), 1-based"),
    FieldDef("clock_t", I32, "ticks of play left in the round"),
    FieldDef("between_t", I32, "ticks left of the corner break; 0 while they fight"),
    FieldDef("over", np.bool_, "the bout has its result"),
    FieldDef("winner", I32, "-1 not yet, 0 or 1 the side, NO_WINNER (2) a draw"),
    FieldDef("method", I32, "how it ended: index into METHODS (0 = not yet)"),
    FieldDef("end_round", I32, "round it ended in, 1-based"),
    FieldDef("end_ticks", I32, "ticks into that round when it ended"),
)
FIGHTER = (
    FieldDef("act", I32, "what he is doing: index into ACTION_NAMES"),
    FieldDef("act_t", I32, "ticks since that action started"),
    FieldDef("act_len", I32, "ticks the action lasts (0 = until something else happens)"),
    FieldDef("p_su", I32, "punch: act_t at which its startup ends and it is active"),
    FieldDef("p_ac", I32, "punch: act_t at which its active ticks end (recovery begins)"),
    FieldDef("move", I32, "punch: move id = punch index * 2 + 1 for the body"),
    FieldDef("resolved", np.bool_, "punch: it has already connected (hits at most once)"),
    FieldDef("buf_move", I32, "a punch pressed too early, thrown as soon as he can"),
    FieldDef("buf_ttl", I32, "ticks the buffered punch is kept (0 = none)"),
    FieldDef("prev_btn", I32, "last tick's buttons (punches are edge-triggered)"),
    FieldDef("x", F32, "px: centre on the ring floor, 0 = ring centre, + = right"),
    FieldDef("head", F32, "head health, 0..100 bar points"),
    FieldDef("body", F32, "body health, 0..100 bar points"),
    FieldDef("stam", F32, "stamina, 0..100 bar points"),
    FieldDef("hurt_t", I32, "ticks left of being hurt (wobbly, slower)"),
    FieldDef("kd_total", I32, "times knocked down in the bout"),
    FieldDef("kd_round", I32, "times knocked down in this round"),
    FieldDef("thrown", I32, "punches thrown in the bout"),
    FieldDef("landed", I32, "punches landed in the bout"),
    FieldDef("punish", F32, "unanswered punishment, bar points (the referee stops it at a limit)"),
    FieldDef("down_t", I32, "ticks of the referee's count so far while he is down"),
    FieldDef("gp", F32, "get-up progress while down, 0..100"),
    FieldDef("leak", F32, "get-up progress lost per tick (grows with each knockdown)"),
    FieldDef("t_clean", F32, "judges' tally this round: clean punches (power ones count 1.5)"),
    FieldDef("t_power", F32, "judges' tally this round: damage of power punches landed"),
    FieldDef("t_aggr", F32, "judges' tally this round: effective aggression"),
    FieldDef("t_def", F32, "judges' tally this round: punches blocked or made to miss"),
    FieldDef("ai_btn", I32, "CPU: the buttons it decided to hold"),
    FieldDef("ai_t", I32, "CPU: ticks it keeps holding them before it thinks again"),
    FieldDef("ai_out", I32, "CPU: its buttons for this tick"),
    FieldDef("seedmix", np.uint64, "hash key of this fighter's random numbers (lane seed, side)"),
    FieldDef("bot_step", I32, "scripted player (bench/tests): position in its combination"),
    FieldDef("bot_wait", I32, "scripted player: ticks to wait before the next combination"),
    FieldDef("count_wait_t", I32, "ticks the count has waited for the standing man to reach "
                                  "the neutral corner"),
    FieldDef("ai_jabs", I32, "CPU: the other man's jabs in a row it has seen (it reads the "
                             "habit at learn_jabs)"),
    FieldDef("clinches", I32, "clinches he started in the bout (a count for the bench)"),
    FieldDef("ai_seq", I32, "CPU: the other man's last punches, 3 bits each (move id + 1), the "
                            "newest lowest (the habit reader)"),
    FieldDef("ai_hab", I32, "CPU: the other man's punches in a row that repeated his pattern"),
)
FIXED = (
    FieldDef("pow_f", F32, "damage dealt factor (power, form on the night)"),
    FieldDef("spd_f", F32, "startup / recovery ticks factor (hand speed): lower is faster"),
    FieldDef("walk_px", F32, "px walked per tick (foot speed)"),
    FieldDef("chin_f", F32, "head damage taken factor (chin): lower is tougher"),
    FieldDef("bodytake_f", F32, "body damage taken factor (stamina rating)"),
    FieldDef("def_f", F32, "damage that gets through factor (defense)"),
    FieldDef("cost_f", F32, "stamina spent factor (stamina rating)"),
    FieldDef("regen", F32, "stamina regained per tick, bar points"),
    FieldDef("rec_f", F32, "recovery rating, 0..1 (corner and between-punch recovery)"),
    FieldDef("heart_f", F32, "heart rating, 0..1 (getting up, desperation power)"),
    FieldDef("reach_bonus", F32, "px of reach from height (0 at 185 cm)"),
    FieldDef("ai_aggr", F32, "CPU personality from the fighter's file: aggression, 0..1"),
    FieldDef("ai_range", F32, "CPU: distance he likes to fight at, px"),
    FieldDef("ai_jab", F32, "CPU: share of jabs, 0..1"),
    FieldDef("ai_body", F32, "CPU: share of body punches, 0..1"),
    FieldDef("ai_work", F32, "CPU: work rate, 0..1"),
    FieldDef("ai_guard", F32, "CPU: how much he guards, 0..1"),
    FieldDef("ai_dodge", F32, "CPU: how much he slips and ducks, 0..1"),
    FieldDef("ai_counter", F32, "CPU: how much he counters, 0..1"),
    FieldDef("ai_clinch", F32, "CPU: how much he clinches, 0..1"),
    FieldDef("ai_comp", F32, "CPU: composure when hurt, 0..1"),
)
LANE_FIELDS = tuple(f.name for f in LANE)
FIGHTER_FIELDS = tuple(f.name for f in FIGHTER)
FIXED_FIELDS = tuple(f.name for f in FIXED)


class BoutState:
    """All the arrays of B bouts plus the shared, read-only rules and move table."""

    def __init__(self, rules: Rules, table: MoveTable, batch: int) -> None:
        self.rules = rules
        self.table = table
        self.tick = 0  # ticks since the bell of round 1 (all lanes step in lockstep)
        self.lane_id = np.arange(batch)  # original lane index (kept through compaction)
        # judges' cards: lane x judge x round x side, 10-point must system
        self.scores = np.zeros((batch, 3, MAX_ROUNDS, 2), dtype=np.int32)
        for f in LANE:  # every declared array exists, zeroed, from the start
            setattr(self, f.name, np.zeros(batch, dtype=f.dtype))
        for f in FIGHTER:
            setattr(self, f.name, np.zeros((2, batch), dtype=f.dtype))
        self.set_fixed(np.zeros((len(FIXED), 2, batch), dtype=F32))
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
    ai = lambda key: per(lambda st: st.ai[key])  # the fighter's [ai] table, 0..1
    s.ai_aggr, s.ai_jab, s.ai_body = ai("aggression"), ai("jab_rate"), ai("body_rate")
    s.ai_work, s.ai_guard, s.ai_dodge = ai("work_rate"), ai("guard"), ai("dodge")
    s.ai_counter, s.ai_clinch, s.ai_comp = ai("counter"), ai("clinch"), ai("composure")
    s.ai_range = per(lambda st: st.range_px)

    # lanes (the declared arrays start at zero; these start elsewhere)
    s.seed = seeds
    s.rnd[:] = 1
    s.clock_t[:] = rules.round_ticks
    s.winner[:] = -1
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
    # fighters (the declared arrays start at zero; these start elsewhere)
    half = m["start_gap_px"] / 2
    s.x = np.tile(np.asarray([[-half], [half]], dtype=F32), (1, n))
    s.head[:], s.body[:], s.stam[:] = 100, 100, 100
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
    k = np.asarray((state.tick * 0x9E3779B97F4A7C15 + salt * 0xC2B2AE3D27D4EB4F) & (2**64 - 1),
                   dtype=np.uint64)
    z = (state.seedmix if side is None else state.seedmix[side]) + k
    z = (z ^ (z >> _U30)) * _MUL1
    z = (z ^ (z >> _U27)) * _MUL2
    z ^= z >> _U31
    # 4 x 16 bits, the lowest first, by shifts (a view as uint16 would follow the byte order)
    u16 = (z[..., None] >> _PIECE_SHIFTS) & _PIECE_MASK
    u = u16.astype(F32) * _INV_65536
    return u[..., 0], u[..., 1], u[..., 2], u[..., 3]


# random4's constants as 0-d arrays: the cheapest operands on the live ring's one-lane arrays
_U30, _U27, _U31 = (np.asarray(v, dtype=np.uint64) for v in (30, 27, 31))
_MUL1 = np.asarray(0xBF58476D1CE4E5B9, dtype=np.uint64)
_MUL2 = np.asarray(0x94D049BB133111EB, dtype=np.uint64)
_PIECE_SHIFTS = np.asarray([0, 16, 32, 48], dtype=np.uint64)
_PIECE_MASK = np.asarray(0xFFFF, dtype=np.uint64)
_INV_65536 = np.asarray(1.0 / 65536.0, dtype=F32)


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
