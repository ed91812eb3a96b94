"""The pose library: keyframes for every action tag, and their sampling into frames.

An animation is a list of segments; each eases from one key pose to the next over a number of
frames, with a per-frame length in ticks (60/s) and, for punches, the model's phase
(startup, which includes the wind-up / active / recovery). Keys are written facing right,
for the lead (jab/hook) and rear (cross/uppercut) hands, so a southpaw reuses them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .skeleton import Pose

TAGS = (
    "idle", "walk_in", "walk_out", "jab_head", "jab_body", "cross_head", "cross_body",
    "hook_head", "hook_body", "uppercut_head", "uppercut_body", "guard_high", "guard_low",
    "slip_left", "slip_right", "duck", "step_back", "hit_head", "hit_body", "block", "hurt",
    "clinch", "knockdown", "down", "getup", "celebrate", "dejected",
)
LOOPING = frozenset({"idle", "walk_in", "walk_out", "guard_high", "guard_low", "hurt", "clinch",
                     "down", "celebrate", "dejected", "duck"})


@dataclass(frozen=True)
class Seg:
    """Ease from the previous pose to `to` over `frames` frames of `ticks` each."""

    to: Pose
    frames: int
    ticks: int
    phase: str | None = None
    ease: str = "inout"  # inout | out (fast start: strikes) | in | linear


@dataclass(frozen=True)
class Frame:
    pose: Pose
    ticks: int
    phase: str | None


def _ease(kind: str, t: float) -> float:
    if kind == "out":
        return 1 - (1 - t) ** 2
    if kind == "in":
        return t * t
    if kind == "inout":
        return 0.5 - 0.5 * math.cos(math.pi * t)
    return t


def sample(start: Pose, segs: list[Seg], slow: float = 1.0) -> list[Frame]:
    """Frames at the end of each step of each segment (a loop's last frame returns to start)."""
    out: list[Frame] = []
    cur = start
    for s in segs:
        for i in range(s.frames):
            t = _ease(s.ease, (i + 1) / s.frames)
            out.append(Frame(cur.lerp(s.to, t), max(1, round(s.ticks * slow)), s.phase))
        cur = s.to
    return out


# --- key poses -------------------------------------------------------------------------------
GUARD = Pose()
BOUNCE = GUARD.with_(hip_y=0.462, torso_deg=13.5, lead_y=0.02, rear_y=0.08, head_deg=8.0)


def _punch(windup: Pose, strike: Pose, *, wind_frames: int, wind_ticks: int,
           mid: Pose | None = None) -> list[Seg]:
    segs = [Seg(windup, wind_frames, wind_ticks, "startup", "inout")]
    if mid is not None:
        segs.append(Seg(mid, 1, 2, "startup", "linear"))
    segs += [
        Seg(strike, 1, 2, "active", "out"),
        Seg(strike.with_(lead_x=strike.lead_x * 0.97, rear_x=strike.rear_x * 0.97), 1, 3,
            "active", "linear"),
        Seg(GUARD.lerp(strike, 0.45), 1, 3, "recovery", "inout"),
        Seg(GUARD, 2, 3, "recovery", "inout"),
    ]
    return segs


def _jab(body: bool) -> list[Seg]:
    low = {"hip_y": 0.435, "torso_deg": 30.0, "head_deg": 2.0} if body else {"torso_deg": 18.0}
    strike = GUARD.with_(lead_x=1.0, lead_y=-0.34 if body else 0.10, lead_bend=-0.2, twist=-0.9,
                         hip_x=0.015, rear_y=0.16, rear_x=0.36, lheel_deg=0.0,
                         face="grit", **low)
    windup = GUARD.with_(lead_x=0.52, lead_y=0.02, twist=0.1, torso_deg=13.0, face="grit",
                         **({"hip_y": 0.455} if body else {}))
    mid = windup.lerp(strike, 0.5).with_(lead_bend=-0.7)
    return _punch(windup, strike, wind_frames=1, wind_ticks=3, mid=mid)


def _cross(body: bool) -> list[Seg]:
    low = {"hip_y": 0.43, "torso_deg": 34.0} if body else {"torso_deg": 23.0}
    strike = GUARD.with_(rear_x=1.02, rear_y=-0.38 if body else 0.06, rear_bend=-0.2, twist=1.0,
                         hip_x=0.045, lead_x=0.38, lead_y=0.14, rheel_deg=28.0, rfoot_x=-0.10,
                         face="grit", head_deg=4.0, **low)
    windup = GUARD.with_(twist=-0.55, rear_x=0.22, rear_y=0.14, torso_deg=6.0, hip_x=-0.02,
                         lead_x=0.72, lead_y=0.04, face="grit",
                         **({"hip_y": 0.455} if body else {}))
    mid = windup.lerp(strike, 0.45)
    return _punch(windup, strike, wind_frames=2, wind_ticks=4, mid=mid)


def _hook(body: bool) -> list[Seg]:
    low = {"hip_y": 0.43, "torso_deg": 30.0} if body else {"torso_deg": 14.0}
    strike = GUARD.with_(lead_x=0.64, lead_y=-0.40 if body else 0.12, lead_bend=0.35,
                         lead_fs=0.55, twist=-1.0, hip_x=0.02, rear_x=0.36, rear_y=0.16,
                         lheel_deg=0.0, rheel_deg=12.0, face="grit", **low)
    windup = GUARD.with_(twist=0.9, lead_x=-0.10, lead_y=0.10 if body else 0.30, lead_bend=1.0,
                         lead_fs=0.9, torso_deg=4.0, hip_x=-0.025, hip_y=0.455, lheel_deg=16.0,
                         rear_x=0.42, rear_y=0.16, face="grit")
    mid = windup.lerp(strike, 0.5).with_(lead_x=0.50, lead_y=strike.lead_y + 0.10,
                                         lead_bend=1.0, lead_fs=0.75)
    return _punch(windup, strike, wind_frames=2, wind_ticks=4, mid=mid)


def _uppercut(body: bool) -> list[Seg]:
    strike = GUARD.with_(rear_x=0.64 if body else 0.60, rear_y=-0.14 if body else 0.36,
                         rear_bend=-1.0, twist=0.9, hip_y=0.47 if body else 0.49,
                         torso_deg=12.0 if body else 2.0, head_deg=0.0, hip_x=0.02,
                         rheel_deg=25.0, lead_x=0.40, lead_y=0.16, face="grit")
    windup = GUARD.with_(hip_y=0.425, torso_deg=26.0, twist=-0.35, rear_x=0.18, rear_y=-0.42,
                         rear_bend=-0.6, head_deg=4.0, lead_x=0.56, lead_y=0.10, face="grit")
    mid = windup.lerp(strike, 0.5).with_(rear_x=0.38, rear_y=-0.30 if body else -0.05)
    return _punch(windup, strike, wind_frames=2, wind_ticks=4, mid=mid)


def library() -> dict[str, tuple[Pose, list[Seg]]]:
    """Every tag as (start pose, segments). Loops end on their start pose."""
    g = GUARD
    hi = g.with_(lead_x=0.50, lead_y=0.40, rear_x=0.40, rear_y=0.42, head_deg=16.0,
                 torso_deg=14.0, twist=0.15, lead_bend=-1.0, face="grit")
    lo = g.with_(lead_x=0.48, lead_y=-0.34, rear_x=0.40, rear_y=-0.28, torso_deg=24.0,
                 head_deg=10.0, hip_y=0.46, face="grit")
    walk1 = g.with_(lfoot_x=0.17, lfoot_y=0.07, lheel_deg=-10.0, hip_x=0.02, hip_y=0.482,
                    lead_x=g.lead_x + 0.05, rear_y=g.rear_y + 0.03, torso_deg=14.0)
    walk2 = g.with_(lfoot_x=0.15, rfoot_x=-0.07, rfoot_y=0.06, hip_x=0.04, hip_y=0.465,
                    rheel_deg=20.0, lead_x=g.lead_x - 0.03, torso_deg=11.0)
    back1 = g.with_(rfoot_x=-0.17, rfoot_y=0.06, rheel_deg=10.0, hip_x=-0.02, hip_y=0.482,
                    torso_deg=10.0, lead_x=g.lead_x + 0.04)
    back2 = g.with_(lfoot_x=0.07, lfoot_y=0.06, rfoot_x=-0.15, hip_x=-0.04, hip_y=0.465,
                    lheel_deg=15.0, torso_deg=12.0)
    slip_l = g.with_(torso_deg=-6.0, hip_x=-0.04, twist=-0.5, head_deg=-4.0, hip_y=0.465,
                     lead_x=0.55, lead_y=0.20, rear_x=0.38, rear_y=0.22, lheel_deg=10.0)
    slip_r = g.with_(torso_deg=32.0, hip_x=0.02, hip_y=0.44, twist=0.6, head_deg=-6.0,
                     lead_x=0.48, lead_y=0.16, rear_x=0.40, rear_y=0.24)
    duck = g.with_(hip_y=0.36, torso_deg=42.0, head_deg=-14.0, lead_x=0.40, lead_y=0.40,
                   rear_x=0.32, rear_y=0.44, lfoot_x=0.14, rfoot_x=-0.14, rheel_deg=12.0)
    duck2 = duck.with_(hip_y=0.355, torso_deg=43.0)
    step_b = g.with_(hip_x=-0.05, torso_deg=2.0, lfoot_x=0.06, lfoot_y=0.07, lheel_deg=10.0,
                     rfoot_x=-0.16, head_deg=2.0)
    snap = g.with_(head_deg=-30.0, torso_deg=-10.0, hip_x=-0.03, lead_x=0.60, lead_y=0.34,
                   rear_x=0.30, rear_y=0.40, lead_bend=-0.6, face="hurt", rheel_deg=-8.0)
    fold = g.with_(torso_deg=40.0, hip_y=0.44, hip_x=-0.02, head_deg=18.0, lead_x=0.50,
                   lead_y=-0.32, rear_x=0.42, rear_y=-0.40, face="hurt")
    blk = hi.with_(hip_x=-0.02, head_deg=22.0, torso_deg=10.0)
    wob1 = g.with_(torso_deg=0.0, hip_x=-0.04, hip_y=0.455, lead_x=0.40, lead_y=-0.30,
                   rear_x=0.30, rear_y=-0.12, head_deg=-16.0, face="hurt", lknee=1.0,
                   twist=0.3)
    wob2 = wob1.with_(torso_deg=22.0, hip_x=0.03, hip_y=0.435, head_deg=20.0, lead_y=-0.45,
                      rear_y=-0.30, twist=-0.2)
    clinch = g.with_(torso_deg=30.0, hip_x=0.04, head_deg=18.0, lead_x=0.92, lead_y=0.02,
                     lead_bend=-0.4, rear_x=0.86, rear_y=0.06, rear_bend=-0.4, twist=0.3,
                     face="grit")
    clinch2 = clinch.with_(torso_deg=32.0, hip_x=0.045, hip_y=0.465)
    lying = Pose(hip_x=-0.16, hip_y=0.105, torso_deg=-94.0, twist=0.2, head_deg=-6.0,
                 lead_x=0.62, lead_y=0.30, lead_bend=1.0, rear_x=0.80, rear_y=0.02,
                 rear_bend=-0.6, lfoot_x=0.18, lfoot_y=0.05, rfoot_x=0.24, rfoot_y=0.040,
                 lknee=1.0, rknee=1.0, lheel_deg=-70.0, rheel_deg=-80.0, face="ko")
    lying2 = lying.with_(lead_y=0.34, rear_y=0.04, torso_deg=-93.0, hip_y=0.107)
    buckle = snap.with_(hip_y=0.40, torso_deg=-20.0, head_deg=-35.0, hip_x=-0.06,
                        lead_y=0.55, rear_y=0.5, face="ko")
    falling = Pose(hip_x=-0.12, hip_y=0.22, torso_deg=-55.0, head_deg=-20.0, lead_x=0.2,
                   lead_y=0.8, rear_x=0.6, rear_y=0.5, lfoot_x=0.14, lfoot_y=0.08, rfoot_x=0.08,
                   lheel_deg=-30.0, rheel_deg=-20.0, face="ko")
    impact = lying.with_(hip_y=0.13, torso_deg=-86.0, lfoot_y=0.12, rfoot_y=0.09,
                         lead_x=0.3, lead_y=0.7, rear_y=0.3)
    sit = Pose(hip_x=-0.14, hip_y=0.09, torso_deg=-20.0, head_deg=10.0, lead_x=0.10,
               lead_y=-0.75, rear_x=0.35, rear_y=-0.75, lfoot_x=0.20, lfoot_y=0.05,
               rfoot_x=0.14, rfoot_y=0.045, lheel_deg=-30.0, face="hurt")
    kneel = Pose(hip_x=-0.06, hip_y=0.25, torso_deg=24.0, head_deg=6.0, lead_x=0.55,
                 lead_y=-0.85, rear_x=0.30, rear_y=-0.30, lfoot_x=0.10, lfoot_y=0.045,
                 rfoot_x=-0.22, rfoot_y=0.030, rknee=1.0, rheel_deg=60.0, face="hurt")
    rising = g.with_(hip_y=0.40, torso_deg=26.0, lead_x=0.45, lead_y=-0.2, rear_x=0.30,
                     rear_y=-0.1, face="grit")
    # the winner: chest open to the crowd, feet planted wide, both gloves high in a V
    arms_up = g.with_(lead_x=0.95, lead_y=0.62, lead_bend=-0.1, rear_x=-0.55, rear_y=0.80,
                      rear_bend=-0.1, torso_deg=-8.0, twist=0.55, head_deg=-22.0, hip_y=0.47,
                      face="yell", lfoot_x=0.17, rfoot_x=-0.16)
    arms_up2 = arms_up.with_(lead_y=0.52, rear_y=0.70, lead_x=1.0, rear_x=-0.6, hip_y=0.462,
                             lead_bend=-0.6, rear_bend=-0.6, torso_deg=-10.0)
    slump = g.with_(torso_deg=22.0, head_deg=30.0, lead_x=0.12, lead_y=-0.94, rear_x=0.05,
                    rear_y=-0.95, hip_y=0.47, face="sad", lfoot_x=0.09, rfoot_x=-0.09,
                    twist=0.3)
    slump2 = slump.with_(torso_deg=24.0, head_deg=33.0, hip_y=0.465)

    lib: dict[str, tuple[Pose, list[Seg]]] = {
        "idle": (g, [Seg(BOUNCE, 3, 6), Seg(g, 3, 6)]),
        "walk_in": (g, [Seg(walk1, 2, 4), Seg(walk2, 2, 4), Seg(g, 2, 4)]),
        "walk_out": (g, [Seg(back1, 2, 4), Seg(back2, 2, 4), Seg(g, 2, 4)]),
        "jab_head": (g, _jab(False)),
        "jab_body": (g, _jab(True)),
        "cross_head": (g, _cross(False)),
        "cross_body": (g, _cross(True)),
        "hook_head": (g, _hook(False)),
        "hook_body": (g, _hook(True)),
        "uppercut_head": (g, _uppercut(False)),
        "uppercut_body": (g, _uppercut(True)),
        "guard_high": (hi, [Seg(hi.with_(hip_y=0.468), 2, 8), Seg(hi, 2, 8)]),
        "guard_low": (lo, [Seg(lo.with_(hip_y=0.452), 2, 8), Seg(lo, 2, 8)]),
        "slip_left": (g, [Seg(slip_l, 2, 3, ease="out"), Seg(slip_l, 1, 6),
                          Seg(g, 2, 4)]),
        "slip_right": (g, [Seg(slip_r, 2, 3, ease="out"), Seg(slip_r, 1, 6),
                           Seg(g, 2, 4)]),
        "duck": (duck, [Seg(duck2, 2, 8), Seg(duck, 2, 8)]),
        "step_back": (g, [Seg(step_b, 2, 4, ease="out"), Seg(step_b, 1, 4), Seg(g, 2, 4)]),
        "hit_head": (g, [Seg(snap, 1, 3, ease="out"), Seg(snap.with_(head_deg=-24.0), 1, 5),
                         Seg(g.lerp(snap, 0.4), 1, 5), Seg(g, 1, 5)]),
        "hit_body": (g, [Seg(fold, 1, 3, ease="out"), Seg(fold.with_(torso_deg=42.0), 1, 6),
                         Seg(g.lerp(fold, 0.4), 1, 5), Seg(g, 1, 5)]),
        "block": (hi, [Seg(blk, 1, 3, ease="out"), Seg(blk, 1, 4), Seg(hi, 2, 4)]),
        "hurt": (wob1, [Seg(wob2, 3, 8), Seg(wob1, 3, 8)]),
        "clinch": (clinch, [Seg(clinch2, 2, 10), Seg(clinch, 2, 10)]),
        "knockdown": (snap, [Seg(buckle, 2, 5), Seg(falling, 2, 5, ease="in"),
                             Seg(impact, 1, 5, ease="in"), Seg(lying, 2, 6, ease="out")]),
        "down": (lying, [Seg(lying2, 2, 16), Seg(lying, 2, 16)]),
        "getup": (lying, [Seg(sit, 2, 10), Seg(kneel, 2, 10), Seg(rising, 2, 8),
                          Seg(g, 2, 6)]),
        "celebrate": (arms_up, [Seg(arms_up2, 2, 7), Seg(arms_up, 2, 7)]),
        "dejected": (slump, [Seg(slump2, 2, 14), Seg(slump, 2, 14)]),
    }
    missing = set(TAGS) - set(lib)
    assert not missing, missing
    return lib


# Each style carries itself differently: out-boxers stand tall with the lead hand low and loose,
# pressure fighters and swarmers crouch behind a high guard. Offsets apply to standing poses.
STYLE_STANCE: dict[str, dict[str, float]] = {
    "out-boxer": {"torso_deg": -5.0, "hip_y": 0.010, "lead_y": -0.16, "lead_x": 0.06},
    "counter-puncher": {"torso_deg": -2.0, "hip_y": 0.004, "lead_y": -0.10},
    "pressure": {"torso_deg": 5.0, "hip_y": -0.012, "rear_y": 0.04},
    "swarmer": {"torso_deg": 7.0, "hip_y": -0.016, "lead_y": 0.05, "rear_y": 0.05},
    "slugger": {"torso_deg": 2.0, "hip_y": -0.006},
}
GUARD_TAGS = frozenset({"idle", "walk_in", "walk_out", "step_back", "slip_left", "slip_right"})


def styled(pose: Pose, style: str, tag: str) -> Pose:
    """Apply a style's stance to a standing pose (hands only while guarding)."""
    off = STYLE_STANCE.get(style)
    if not off or pose.hip_y < 0.38 or abs(pose.torso_deg) > 45:
        return pose
    kw = {}
    for k, v in off.items():
        if k.startswith(("lead", "rear")) and tag not in GUARD_TAGS:
            continue
        kw[k] = getattr(pose, k) + v
    return pose.with_(**kw)

