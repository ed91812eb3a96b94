"""Motion smears: a translucent arc behind the punching glove on the frame the punch lands.

Arcade sprites sell speed with a smear rather than with more frames; the arc follows the glove's
path over the last frames (straight for jabs and crosses, curved for hooks and uppercuts).
"""
from __future__ import annotations

import math

from .raster import Canvas, capsule
from .skeleton import Body, Joints, Vec

SMEAR_RGB = (255, 248, 226)


def glove_centre(body: Body, j: Joints, hand: str) -> Vec:
    """Centre of the lead ('l') or rear ('r') glove, anchor-relative px, y up."""
    el, wr = (j.l_el, j.l_wr) if hand == "l" else (j.r_el, j.r_wr)
    dx, dy = wr[0] - el[0], wr[1] - el[1]
    k = math.hypot(dx, dy) or 1.0
    return (wr[0] + dx / k * body.glove_r * 0.8, wr[1] + dy / k * body.glove_r * 0.8)


def _bezier(p0: Vec, c: Vec, p1: Vec, t: float) -> Vec:
    a, b, d = (1 - t) ** 2, 2 * (1 - t) * t, t * t
    return (a * p0[0] + b * c[0] + d * p1[0], a * p0[1] + b * c[1] + d * p1[1])


def draw_smear(cv: Canvas, origin: Vec, body: Body, path: list[Vec], kind: str) -> None:
    """Paint the smear along the glove path (oldest first) before the figure is painted."""
    if len(path) < 2:
        return
    p0, p1 = path[0], path[-1]
    length = math.hypot(p1[0] - p0[0], p1[1] - p0[1])
    if length < body.glove_r * 0.8:
        return
    mid = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
    if kind == "hook":  # swings round: bow the path upwards and back
        ctrl = (mid[0] - 0.15 * length, mid[1] + 0.45 * length)
    elif kind == "uppercut":  # scoops: down and forward, then up
        ctrl = (p1[0], p0[1])
    else:
        ctrl = mid
    s = cv.scale
    n = 14
    pts = [_bezier(p0, ctrl, p1, i / n) for i in range(n + 1)]
    gr = body.glove_r

    def xy(v: Vec) -> Vec:
        return ((origin[0] + v[0]) * s, (origin[1] - v[1]) * s)

    for i in range(n):
        t0, t1 = i / n, (i + 1) / n
        r0, r1 = gr * (0.15 + 0.7 * t0) * s, gr * (0.15 + 0.7 * t1) * s
        cv.wash(capsule(xy(pts[i]), r0, xy(pts[i + 1]), r1), SMEAR_RGB, 0.15 + 0.50 * t1)
        cv.wash(capsule(xy(pts[i]), r0 * 0.4, xy(pts[i + 1]), r1 * 0.4), (255, 255, 255),
                0.15 + 0.55 * t1)
