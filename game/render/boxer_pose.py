"""A drawn boxer for when no sprite sheet is available: a jointed figure posed from the model.

The pose is a pure function of the fighter's view (action, phase, progress, ticks), so it reads
the model and never changes it. Coordinates: feet centre at (0, 0), facing right, y up is
negative, in units of the fighter's height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

Point = tuple[float, float]
Color = tuple[int, int, int]


def hex_color(text: str, default: Color = (128, 128, 128)) -> Color:
    try:
        return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16))
    except (TypeError, ValueError, IndexError):
        return default


@dataclass(frozen=True)
class BoxerLook:
    skin: Color = (214, 168, 130)
    hair: Color = (40, 30, 24)
    hair_style: str = "short"
    trunks: Color = (180, 30, 30)
    trim: Color = (240, 240, 240)
    gloves: Color = (200, 30, 30)
    shoes: Color = (20, 20, 20)
    build: str = "medium"
    height_px: float = 250.0
    beard: bool = False
    age: float = 30.0


@dataclass
class Pose:
    head: Point
    neck: Point
    hip: Point
    knee_f: Point
    foot_f: Point
    knee_b: Point
    foot_b: Point
    lead_elbow: Point
    lead_glove: Point
    rear_elbow: Point
    rear_glove: Point
    angle_rad: float = 0.0  # whole-body rotation about the feet (knockdowns)


def _ease(t: float) -> float:
    t = max(0.0, min(1.0, t))
    return t * t * (3 - 2 * t)


def _extension(phase: str | None, progress: float, windup: float) -> float:
    """How far the punching arm is out: wind-up goes negative (the tell), active is full."""
    if phase == "startup":
        return -windup * math.sin(progress * math.pi * 0.5) + _ease(
            max(0, progress - 0.6) / 0.4
        ) * (1 + windup)
    if phase == "active":
        return 1.0
    if phase == "recovery":
        return 1.0 - _ease(progress)
    return 0.0


def make_pose(
    action: str,
    target: str | None,
    phase: str | None,
    progress: float,
    ticks: int,
    stamina: float = 1.0,
) -> Pose:
    """The stance for one frame; every number is a fraction of the fighter's height."""
    bob = math.sin(ticks * 0.12) * 0.006
    tired = 1.0 - max(0.0, min(1.0, stamina))
    crouch = 0.0
    lean_x = 0.0
    stride = 0.0
    # guard: gloves by the chin
    lead_glove = [0.16, -0.80]
    rear_glove = [0.10, -0.78]
    lead_elbow = [0.08, -0.64]
    rear_elbow = [0.00, -0.64]
    head_off = [0.0, 0.0]
    angle = 0.0
    drop = 0.04 * tired  # tired fighters hold their hands lower
    body_y = 0.45 if target == "body" else 0.0

    if action in ("walk_in", "walk_out"):
        stride = math.sin(ticks * 0.28) * 0.05
    elif action in ("jab", "cross", "hook", "uppercut"):
        windup = {"jab": 0.05, "cross": 0.25, "hook": 0.45, "uppercut": 0.5}[action]
        e = _extension(phase, progress, windup)
        ty = -0.84 + body_y * 0.5  # head or body height
        if action == "jab":
            lead_glove = [0.16 + 0.30 * e, -0.80 + (ty + 0.80) * max(0, e)]
            lead_elbow = [0.10 + 0.15 * e, -0.70 + 0.05 * e]
            lean_x = 0.02 * e
        elif action == "cross":
            rear_glove = [0.10 + 0.36 * e, -0.78 + (ty + 0.78) * max(0, e)]
            rear_elbow = [0.02 + 0.20 * e, -0.66 + 0.04 * e]
            lean_x = 0.06 * e
            head_off = [0.03 * e, 0.01 * max(0, e)]
        elif action == "hook":
            a = max(-1.0, e)
            lead_elbow = [0.06 + 0.16 * max(0, a) - 0.06 * min(0, a), -0.72 + 0.02 * a]
            lead_glove = [0.16 + 0.18 * a, -0.80 + (ty + 0.80) * max(0, a) + 0.04 * min(0, a)]
            lean_x = 0.04 * a
            head_off = [-0.02 * min(0, a), 0]
        else:  # uppercut: dip then drive up
            a = e
            crouch = 0.05 * max(0, -a) + 0.02
            rear_elbow = [0.06 + 0.10 * max(0, a), -0.55 - 0.10 * max(0, a)]
            rear_glove = [
                0.10 + 0.22 * max(0, a),
                -0.62 - (0.24 - body_y * 0.3) * max(0, a) + 0.08 * max(0, -a),
            ]
            lean_x = 0.04 * a
    elif action == "guard_high":
        lead_glove, rear_glove = [0.13, -0.86], [0.10, -0.84]
        lead_elbow, rear_elbow = [0.09, -0.68], [0.05, -0.67]
        head_off = [-0.01, 0.015]
    elif action == "guard_low":
        lead_glove, rear_glove = [0.16, -0.62], [0.12, -0.58]
        lead_elbow, rear_elbow = [0.06, -0.60], [0.02, -0.56]
        crouch = 0.02
    elif action == "block":
        k = 1 - _ease(min(1.0, ticks / 10))
        lead_glove, rear_glove = [0.12 - 0.03 * k, -0.86], [0.09 - 0.03 * k, -0.84]
        lean_x = -0.03 * k
    elif action in ("slip_left", "slip_right"):
        k = math.sin(min(1.0, progress if phase else ticks / 14) * math.pi)
        sgn = -1 if action == "slip_left" else 1
        head_off = [0.05 * sgn * k, 0.07 * k]
        lean_x = 0.04 * sgn * k
        crouch = 0.03 * k
    elif action == "duck":
        k = math.sin(min(1.0, progress if phase else ticks / 18) * math.pi)
        crouch = 0.16 * k
        head_off = [0.02 * k, 0.04 * k]
    elif action == "step_back":
        k = math.sin(min(1.0, ticks / 16) * math.pi)
        lean_x = -0.05 * k
        stride = -0.04 * k
    elif action == "hit_head":
        k = 1 - _ease(min(1.0, ticks / 16))
        head_off = [-0.07 * k, -0.01 * k]
        lean_x = -0.05 * k
        lead_glove, rear_glove = [0.12, -0.76 + 0.05 * k], [0.06, -0.72 + 0.06 * k]
    elif action == "hit_body":
        k = 1 - _ease(min(1.0, ticks / 18))
        crouch = 0.06 * k
        lean_x = 0.05 * k
        head_off = [0.04 * k, 0.05 * k]
        lead_glove, rear_glove = [0.10, -0.62], [0.06, -0.58]
    elif action == "hurt":
        sway = math.sin(ticks * 0.15)
        lean_x = 0.04 * sway
        head_off = [0.03 * sway, 0.03]
        crouch = 0.04
        lead_glove, rear_glove = [0.14, -0.62], [0.06, -0.55]
        lead_elbow, rear_elbow = [0.06, -0.56], [0.0, -0.52]
    elif action == "clinch":
        lead_glove, rear_glove = [0.24, -0.72], [0.22, -0.66]
        lead_elbow, rear_elbow = [0.14, -0.66], [0.10, -0.62]
        lean_x = 0.07
        head_off = [0.05, 0.03]
    elif action in ("knockdown", "down", "getup"):
        if action == "knockdown":
            fall = _ease(min(1.0, ticks / 36))
        elif action == "down":
            fall = 1.0
        else:
            fall = 1.0 - _ease(progress if phase else min(1.0, ticks / 40))
        angle = -math.pi / 2 * 0.97 * fall
        crouch = 0.12 * math.sin(fall * math.pi)
        lead_glove, rear_glove = [0.05 + 0.2 * fall, -0.7 - 0.1 * fall], [-0.05, -0.6]
        lead_elbow, rear_elbow = [0.08, -0.6], [0.0, -0.55]
        head_off = [-0.03 * fall, 0.0]
    elif action == "celebrate":
        jump = abs(math.sin(ticks * 0.12)) * 0.03
        crouch = -jump
        lead_glove, rear_glove = [0.08, -1.12], [-0.06, -1.10]
        lead_elbow, rear_elbow = [0.08, -0.95], [-0.06, -0.94]
    elif action == "dejected":
        lead_glove, rear_glove = [0.10, -0.45], [0.02, -0.44]
        lead_elbow, rear_elbow = [0.06, -0.55], [0.0, -0.54]
        head_off = [0.04, 0.06]
        lean_x = 0.03

    lead_glove[1] += drop
    rear_glove[1] += drop
    y_shift = crouch + bob
    hip = (lean_x * 0.3, -0.50 + y_shift)
    neck = (0.02 + lean_x, -0.83 + y_shift)
    head = (0.04 + lean_x + head_off[0], -0.91 + y_shift + head_off[1])
    knee_bend = 0.03 + crouch * 0.8
    foot_f = (0.12 + stride, 0.0)
    foot_b = (-0.12 - stride, 0.0)
    knee_f = ((hip[0] + foot_f[0]) / 2 + knee_bend, (hip[1] + foot_f[1]) / 2)
    knee_b = ((hip[0] + foot_b[0]) / 2 + knee_bend * 0.6, (hip[1] + foot_b[1]) / 2)

    def sh(p: list[float]) -> Point:
        return (p[0] + lean_x, p[1] + y_shift)

    return Pose(
        head,
        neck,
        hip,
        knee_f,
        foot_f,
        knee_b,
        foot_b,
        sh(lead_elbow),
        sh(lead_glove),
        sh(rear_elbow),
        sh(rear_glove),
        angle,
    )


def _shade(c: Color, k: float) -> Color:
    return (min(255, int(c[0] * k)), min(255, int(c[1] * k)), min(255, int(c[2] * k)))


def draw_boxer(
    surface: pygame.Surface,
    pose: Pose,
    look: BoxerLook,
    foot_x: float,
    foot_y: float,
    facing: int,
    flash: float = 0.0,
) -> None:
    """Draw the figure with its feet at (foot_x, foot_y) on the surface."""
    h = look.height_px
    bulk = {"lean": 0.9, "medium": 1.0, "heavy": 1.12}.get(look.build, 1.0)
    ca, sa = math.cos(pose.angle_rad), math.sin(pose.angle_rad)

    def P(p: Point) -> tuple[float, float]:
        x, y = p
        x, y = x * ca - y * sa, x * sa + y * ca
        if pose.angle_rad:
            y -= 0.0
        return (foot_x + facing * x * h, foot_y + y * h)

    skin = look.skin
    if flash > 0:
        skin = tuple(min(255, int(c + (255 - c) * flash)) for c in skin)  # type: ignore[assignment]
    dark_skin = _shade(skin, 0.78)
    limb = max(3, int(h * 0.055 * bulk))
    leg = max(4, int(h * 0.07 * bulk))
    # back arm, back leg first (they are farther from the camera)
    pygame.draw.line(surface, _shade(look.shoes, 1.0), P(pose.knee_b), P(pose.foot_b), leg)
    pygame.draw.line(surface, dark_skin, P(pose.hip), P(pose.knee_b), leg)
    pygame.draw.line(surface, dark_skin, P(pose.knee_b), P(pose.foot_b), leg)
    fb = P(pose.foot_b)
    pygame.draw.ellipse(
        surface, look.shoes, (fb[0] - h * 0.045, fb[1] - h * 0.025, h * 0.09, h * 0.035)
    )
    rear_sh = P((pose.neck[0] - 0.05, pose.neck[1] + 0.04))
    pygame.draw.line(surface, dark_skin, rear_sh, P(pose.rear_elbow), limb)
    pygame.draw.line(surface, dark_skin, P(pose.rear_elbow), P(pose.rear_glove), limb)
    pygame.draw.circle(surface, _shade(look.gloves, 0.8), P(pose.rear_glove), h * 0.05 * bulk)
    # torso: a quad from the shoulders to the hips
    nx, ny = pose.neck
    hx, hy = pose.hip
    w_sh, w_hip = 0.11 * bulk, 0.075 * bulk
    torso = [
        P((nx - w_sh, ny + 0.03)),
        P((nx + w_sh * 0.8, ny + 0.03)),
        P((hx + w_hip, hy)),
        P((hx - w_hip, hy)),
    ]
    pygame.draw.polygon(surface, skin, torso)
    pygame.draw.polygon(surface, _shade(skin, 0.85), torso, 2)
    # trunks and legs
    trunks = [
        P((hx - w_hip - 0.01, hy - 0.04)),
        P((hx + w_hip + 0.01, hy - 0.04)),
        P((hx + w_hip + 0.02, hy + 0.12)),
        P((hx - w_hip - 0.02, hy + 0.12)),
    ]
    pygame.draw.line(surface, skin, P((hx + 0.02, hy + 0.05)), P(pose.knee_f), leg)
    pygame.draw.line(surface, skin, P(pose.knee_f), P(pose.foot_f), leg)
    ff = P(pose.foot_f)
    pygame.draw.ellipse(
        surface, look.shoes, (ff[0] - h * 0.045, ff[1] - h * 0.03, h * 0.1, h * 0.04)
    )
    pygame.draw.line(
        surface, look.shoes, P((pose.foot_f[0], -0.02)), P((pose.foot_f[0], -0.08)), leg
    )
    pygame.draw.polygon(surface, look.trunks, trunks)
    pygame.draw.line(surface, look.trim, trunks[0], trunks[1], max(2, int(h * 0.015)))
    # head
    head = P(pose.head)
    hr = h * 0.062
    pygame.draw.line(surface, skin, P(pose.neck), head, max(4, int(h * 0.05)))
    pygame.draw.circle(surface, skin, head, hr)
    if look.hair_style != "bald":
        hair_col = look.hair if look.age < 50 else _shade((200, 200, 200), 0.85)
        pygame.draw.circle(
            surface,
            hair_col,
            (head[0] - facing * hr * 0.15, head[1] - hr * 0.25),
            hr * 0.95,
            draw_top_left=True,
            draw_top_right=True,
        )
    if look.beard:
        pygame.draw.circle(
            surface,
            _shade(look.hair, 1.0),
            (head[0] + facing * hr * 0.2, head[1] + hr * 0.45),
            hr * 0.55,
        )
    eye = (head[0] + facing * hr * 0.55, head[1] - hr * 0.1)
    pygame.draw.circle(surface, (20, 20, 20), eye, max(1.5, hr * 0.12))
    # front arm and glove last: nearest the camera
    lead_sh = P((pose.neck[0] + 0.04, pose.neck[1] + 0.04))
    pygame.draw.line(surface, skin, lead_sh, P(pose.lead_elbow), limb)
    pygame.draw.line(surface, skin, P(pose.lead_elbow), P(pose.lead_glove), limb)
    g = P(pose.lead_glove)
    gr = h * 0.055 * bulk
    pygame.draw.circle(surface, look.gloves, g, gr)
    pygame.draw.circle(
        surface, _shade(look.gloves, 1.35), (g[0] - gr * 0.3, g[1] - gr * 0.3), gr * 0.35
    )
    pygame.draw.line(
        surface,
        look.trim,
        (g[0] - facing * gr * 0.9, g[1] + gr * 0.2),
        (g[0] - facing * gr * 0.9, g[1] - gr * 0.3),
        3,
    )
