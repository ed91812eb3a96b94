"""The jointed figure: body proportions, a pose of joint targets, and solving it to joints.

A pose is a flat set of numbers (hip position, lean, twist, head tilt, a target per hand and per
foot and the bend direction of each elbow and knee); hands and feet are placed by two-bone IK.
Poses interpolate field by field, so keyframes blend into smooth in-betweens.
Pose units: positions in body heights (H) from the feet-centre anchor, y up; hands in arm lengths
relative to their shoulder; angles in degrees.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

from .look import Look

Vec = tuple[float, float]


@dataclass(frozen=True)
class Pose:
    hip_x: float = 0.0
    hip_y: float = 0.475
    torso_deg: float = 12.0  # lean forward from vertical
    twist: float = 0.0  # -1 lead shoulder forward (jab) .. +1 rear shoulder forward (cross)
    head_deg: float = 6.0  # chin tucked (+) or thrown back (-)
    head_dx: float = 0.0  # head pushed forward of the neck, in H
    lead_x: float = 0.70  # lead glove target relative to lead shoulder (arm lengths)
    lead_y: float = -0.10
    lead_bend: float = -1.0  # -1 elbow down .. +1 elbow up (hooks)
    rear_x: float = 0.46
    rear_y: float = -0.05
    rear_bend: float = -1.0
    lead_fs: float = 1.0  # forearm foreshortening (a hook's forearm points at the camera)
    rear_fs: float = 1.0
    lfoot_x: float = 0.115  # lead foot (ankle) in H from anchor, y up from the floor
    lfoot_y: float = 0.045
    rfoot_x: float = -0.115
    rfoot_y: float = 0.045
    lknee: float = 1.0  # +1 knee forward, -1 backward
    rknee: float = 1.0
    lheel_deg: float = 0.0  # foot tilt: + heel raised
    rheel_deg: float = 0.0
    face: str = "normal"  # normal | grit | hurt | ko | yell | sad (not interpolated)
    glow: float = 0.0  # unused by the body; kept so effects can ride on a pose

    def lerp(self, other: Pose, t: float) -> Pose:
        vals = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            vals[f.name] = a + (b - a) * t if isinstance(a, float) else (a if t < 0.5 else b)
        return Pose(**vals)

    def with_(self, **kw: float | str) -> Pose:
        return replace(self, **kw)


@dataclass(frozen=True)
class Body:
    """Segment lengths and radii in px at 1x, from height and build."""

    H: float
    build: float
    torso: float
    neck: float
    head_rx: float
    head_ry: float
    upper_arm: float
    forearm: float
    thigh: float
    shin: float
    foot: float
    ankle: float
    shoulder_w: float
    glove_r: float
    chest_r: float
    waist_r: float
    belly: float
    stoop: float

    @property
    def arm(self) -> float:
        return self.upper_arm + self.forearm


def make_body(look: Look, px_per_cm: float) -> Body:
    H = look.height_cm * px_per_cm
    b = look.build
    return Body(
        H=H, build=b, torso=0.30 * H, neck=0.045 * H, head_rx=0.060 * H, head_ry=0.066 * H,
        upper_arm=0.165 * H, forearm=0.150 * H, thigh=0.245 * H, shin=0.235 * H,
        foot=0.135 * H, ankle=0.045 * H, shoulder_w=0.055 * H * b,
        glove_r=0.064 * H, chest_r=0.108 * H * b, waist_r=0.080 * H * b * (1 + 0.12 * look.belly),
        belly=look.belly, stoop=look.stoop,
    )


@dataclass(frozen=True)
class Joints:
    """Solved joint positions, y up, px from the anchor. 'l' = lead side, 'r' = rear side."""

    hip: Vec
    chest: Vec
    shoulder: Vec
    neck_top: Vec
    head: Vec
    torso_dir: Vec
    head_deg: float
    l_sh: Vec
    l_el: Vec
    l_wr: Vec
    r_sh: Vec
    r_el: Vec
    r_wr: Vec
    l_hip: Vec
    l_kn: Vec
    l_an: Vec
    r_hip: Vec
    r_kn: Vec
    r_an: Vec
    lheel_deg: float
    rheel_deg: float


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + b[0] * k, a[1] + b[1] * k)


def _ik(root: Vec, target: Vec, a: float, b: float, bend: float) -> tuple[Vec, Vec]:
    """Two-bone IK; bend +1 rotates the first bone counter-clockwise (y up), -1 clockwise."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    d = math.hypot(dx, dy)
    d = min(max(d, abs(a - b) + 1e-3), a + b - 1e-3)
    base = math.atan2(dy, dx)
    cos_t = (a * a + d * d - b * b) / (2 * a * d)
    theta = math.acos(max(-1.0, min(1.0, cos_t)))
    ang = base + theta * max(-1.0, min(1.0, bend))
    mid = (root[0] + a * math.cos(ang), root[1] + a * math.sin(ang))
    # The second bone points at the (clamped) target from wherever the elbow/knee landed.
    tx, ty = root[0] + d * math.cos(base), root[1] + d * math.sin(base)
    ex, ey = tx - mid[0], ty - mid[1]
    el = math.hypot(ex, ey) or 1.0
    end = (mid[0] + ex / el * b, mid[1] + ey / el * b)
    return mid, end


def solve(body: Body, p: Pose) -> Joints:
    H = body.H
    stoop = body.stoop
    lean = math.radians(p.torso_deg + 7.0 * stoop)
    up: Vec = (math.sin(lean), math.cos(lean))
    fwd: Vec = (math.cos(lean), -math.sin(lean))
    hip: Vec = (p.hip_x * H, (p.hip_y - 0.015 * stoop) * H)
    shoulder = _add(hip, up, body.torso * (1 - 0.03 * stoop))
    chest = _add(hip, up, body.torso * 0.64)
    # Hunched: the shoulders roll forward and the head juts out.
    shoulder = _add(shoulder, fwd, 0.012 * H * stoop)
    lean_head = math.radians(p.torso_deg + 7.0 * stoop + p.head_deg * 0.4 - 14.0)
    neck_top = (shoulder[0] + math.sin(lean_head) * body.neck + (p.head_dx + 0.026 * stoop) * H,
                shoulder[1] + math.cos(lean_head) * body.neck + 0.004 * H * stoop)
    # The head keeps looking at the opponent while the body leans a little, and follows the
    # body fully once it is falling or lying.
    k = 0.3 + 0.7 * min(1.0, max(0.0, (abs(p.torso_deg) - 30.0) / 50.0))
    head_deg = p.head_deg + 4.0 * stoop + k * p.torso_deg
    ha = math.radians(head_deg)
    ox, oy = 0.010 * H, body.head_ry * 0.95
    head = (neck_top[0] + ox * math.cos(ha) + oy * math.sin(ha),
            neck_top[1] - ox * math.sin(ha) + oy * math.cos(ha))
    off = body.shoulder_w * (0.30 - 0.75 * p.twist)
    l_sh = _add(_add(shoulder, fwd, off), up, -0.004 * H)
    r_sh = _add(_add(shoulder, fwd, -off), up, -0.010 * H)
    arm = body.arm
    l_el, l_wr = _ik(l_sh, (l_sh[0] + p.lead_x * arm, l_sh[1] + p.lead_y * arm),
                     body.upper_arm, body.forearm * p.lead_fs, p.lead_bend)
    r_el, r_wr = _ik(r_sh, (r_sh[0] + p.rear_x * arm, r_sh[1] + p.rear_y * arm),
                     body.upper_arm, body.forearm * p.rear_fs, p.rear_bend)
    l_hip = _add(hip, fwd, 0.018 * H)
    r_hip = _add(hip, fwd, -0.018 * H)
    l_kn, l_an = _ik(l_hip, (p.lfoot_x * H, p.lfoot_y * H), body.thigh, body.shin, p.lknee)
    r_kn, r_an = _ik(r_hip, (p.rfoot_x * H, p.rfoot_y * H), body.thigh, body.shin, p.rknee)
    return Joints(hip, chest, shoulder, neck_top, head, up, head_deg,
                  l_sh, l_el, l_wr, r_sh, r_el, r_wr, l_hip, l_kn, l_an, r_hip, r_kn, r_an,
                  p.lheel_deg, p.rheel_deg)
