"""Paint one solved pose: limbs, torso, trunks, boots, gloves and head, back to front.

Facing right. For an orthodox fighter the lead (left) side is the far side from the camera and
is painted first and a little darker; a southpaw swaps the sides.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .head import HeadXf, draw_head
from .look import Look
from .raster import (
    Canvas,
    Material,
    Shape,
    capsule,
    ellipse,
    halfplane,
    make_material,
    make_skin,
    polygon,
)
from .skeleton import Body, Joints, Vec

WHITE = (238, 236, 228)
FAR_BIAS = -0.16


@dataclass(frozen=True)
class Palette:
    skin: Material
    trunks: Material
    trim: Material
    gloves: Material
    glove_trim: Material
    shoes: Material
    sole: Material
    sock: Material


def make_palette(look: Look) -> Palette:
    skin = make_skin(look.skin)
    if look.veteran:  # older skin: less sheen, muscles read softer
        skin = replace(skin, light=tuple((a + b) // 2 for a, b in zip(skin.base, skin.light)))
    return Palette(
        skin=skin,
        trunks=make_material(look.trunks, shine=1.3),
        trim=make_material(look.trunks_trim, shine=1.2),
        gloves=make_material(look.gloves, shine=1.5),
        glove_trim=make_material(WHITE),
        shoes=make_material(look.shoes),
        sole=make_material((220, 214, 200)),
        sock=make_material(WHITE),
    )


@dataclass
class Boxes:
    """Rects (x, y, w, h) in 1x canvas pixels, None when absent."""

    head: tuple[int, int, int, int] | None = None
    body: tuple[int, int, int, int] | None = None
    lead_glove: tuple[int, int, int, int] | None = None
    rear_glove: tuple[int, int, int, int] | None = None


class Xf:
    """Anchor-relative y-up pixels -> supersampled canvas pixels."""

    def __init__(self, origin: Vec, scale: int) -> None:
        self.ox, self.oy = origin
        self.s = scale

    def p(self, v: Vec) -> Vec:
        return ((self.ox + v[0]) * self.s, (self.oy - v[1]) * self.s)

    def d(self, r: float) -> float:
        return r * self.s


def _rect(shape: Shape, s: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = shape.box
    return (int(x0 / s), int(y0 / s), math.ceil((x1 - x0) / s), math.ceil((y1 - y0) / s))


def _unit(a: Vec, b: Vec) -> Vec:
    dx, dy = b[0] - a[0], b[1] - a[1]
    k = math.hypot(dx, dy) or 1.0
    return (dx / k, dy / k)


def _arm(cv: Canvas, xf: Xf, body: Body, pal: Palette, sh: Vec, el: Vec, wr: Vec, bias: float,
         ow: float) -> Shape:
    """Upper arm, forearm and glove; returns the glove shape."""
    H, b = body.H, body.build
    cv.paint(xf_cap(xf, sh, 0.047 * H * b, el, 0.034 * H * b), pal.skin, outline_px=ow,
             round_px=xf.d(0.04 * H * b), bias=bias)
    cv.paint(xf_cap(xf, el, 0.034 * H * b, wr, 0.027 * H * b), pal.skin, outline_px=ow,
             round_px=xf.d(0.028 * H * b), bias=bias)
    # Glove: a big rounded fist along the forearm, a cuff, a thumb and a white cuff band.
    ux, uy = _unit(el, wr)
    gr = body.glove_r
    cuff_a = (wr[0] - ux * 0.050 * H, wr[1] - uy * 0.050 * H)
    cuff = xf_cap(xf, cuff_a, 0.033 * H, wr, 0.040 * H)
    gc = (wr[0] + ux * gr * 0.80, wr[1] + uy * gr * 0.80)
    ang = -math.atan2(uy, ux)  # screen angle (y down)
    fist = ellipse(xf.p(gc), xf.d(gr * 1.08), xf.d(gr * 0.92), ang)
    top = (-uy, ux)  # thumb side: "up" relative to the forearm
    thumb_c = (gc[0] + top[0] * gr * 0.62 - ux * gr * 0.30, gc[1] + top[1] * gr * 0.62 - uy * gr * 0.30)
    thumb = ellipse(xf.p(thumb_c), xf.d(gr * 0.42), xf.d(gr * 0.30), ang)
    glove = cuff | fist
    cv.paint(glove, pal.gloves, outline_px=ow, round_px=xf.d(gr * 0.9), bias=bias)
    band = xf_cap(xf, (cuff_a[0] - ux * 0.030 * H, cuff_a[1] - uy * 0.030 * H), 0.05 * H,
                  (cuff_a[0] - ux * 0.018 * H, cuff_a[1] - uy * 0.018 * H), 0.05 * H)
    cv.paint(band, pal.glove_trim, round_px=xf.d(0.03 * H), clip=cuff, bias=bias)
    cv.paint(thumb, pal.gloves, outline_px=ow * 0.8, round_px=xf.d(gr * 0.3), bias=bias + 0.05)
    # Knuckle crease: a short dark arc across the front of the fist.
    k0 = (gc[0] + ux * gr * 0.35 + top[0] * gr * 0.1, gc[1] + uy * gr * 0.35 + top[1] * gr * 0.1)
    k1 = (gc[0] + ux * gr * 0.25 - top[0] * gr * 0.5, gc[1] + uy * gr * 0.25 - top[1] * gr * 0.5)
    cv.stroke(xf_cap(xf, k0, 0.004 * H, k1, 0.003 * H), pal.gloves.shadow, clip=fist)
    return glove | thumb


def xf_cap(xf: Xf, a: Vec, ra: float, b: Vec, rb: float) -> Shape:
    return capsule(xf.p(a), xf.d(ra), xf.p(b), xf.d(rb))


def _leg(cv: Canvas, xf: Xf, body: Body, pal: Palette, hip: Vec, kn: Vec, an: Vec,
         heel_deg: float, bias: float, ow: float) -> Shape:
    """Thigh, shin, sock and high boxing boot; returns the thigh shape (trunks cover it)."""
    H, b = body.H, body.build
    # Boot: a high shaft up the shin and the foot; heel_deg tips the foot (heel up).
    a = math.radians(-heel_deg)
    fd = (math.cos(a), math.sin(a))
    fu = (-fd[1], fd[0])
    heel = (an[0] - fd[0] * 0.028 * H - fu[0] * 0.020 * H, an[1] - fd[1] * 0.028 * H - fu[1] * 0.020 * H)
    toe = (an[0] + fd[0] * 0.088 * H - fu[0] * 0.024 * H, an[1] + fd[1] * 0.088 * H - fu[1] * 0.024 * H)
    su = _unit(an, kn)
    top = (an[0] + su[0] * 0.085 * H, an[1] + su[1] * 0.085 * H)
    shin = xf_cap(xf, kn, 0.038 * H * b, an, 0.024 * H * b)
    ku = _unit(kn, an)
    calf_c = (kn[0] + ku[0] * 0.06 * H + ku[1] * 0.012 * H, kn[1] + ku[1] * 0.06 * H - ku[0] * 0.012 * H)
    calf = ellipse(xf.p(calf_c), xf.d(0.065 * H), xf.d(0.032 * H * b), -math.atan2(ku[1], ku[0]))
    cv.paint(calf | shin, pal.skin, outline_px=ow, round_px=xf.d(0.03 * H), bias=bias)
    sock_top = (an[0] + su[0] * 0.100 * H, an[1] + su[1] * 0.100 * H)
    cv.paint(xf_cap(xf, an, 0.028 * H * b, sock_top, 0.029 * H * b), pal.sock, outline_px=ow,
             round_px=xf.d(0.025 * H), bias=bias)
    def fp(f: float, u: float) -> Vec:
        return (an[0] + (fd[0] * f + fu[0] * u) * H, an[1] + (fd[1] * f + fu[1] * u) * H)

    foot = polygon([xf.p(fp(f, u)) for f, u in (
        (-0.036, -0.036), (0.086, -0.036), (0.096, -0.026), (0.084, -0.010), (0.036, 0.008),
        (0.020, 0.030), (-0.026, 0.030), (-0.040, -0.018))]).grow(xf.d(0.007 * H))
    shaft = xf_cap(xf, an, 0.029 * H * b, top, 0.028 * H * b)
    boot = foot | shaft
    cv.paint(boot, pal.shoes, outline_px=ow, round_px=xf.d(0.025 * H), bias=bias)
    # Sole strip along the bottom of the foot, and laces up the front of the shaft.
    sole = xf_cap(xf, (heel[0] - fu[0] * 0.018 * H, heel[1] - fu[1] * 0.018 * H), 0.010 * H,
                  (toe[0] - fu[0] * 0.016 * H, toe[1] - fu[1] * 0.016 * H), 0.009 * H)
    cv.paint(sole, pal.sole, clip=boot, round_px=xf.d(0.01 * H), bias=bias)
    for k in (0.2, 0.45, 0.7):
        c = (an[0] + su[0] * 0.085 * H * k + fd[0] * 0.020 * H, an[1] + su[1] * 0.085 * H * k + fd[1] * 0.020 * H)
        cv.stroke(ellipse(xf.p(c), xf.d(0.009 * H), xf.d(0.0035 * H), -math.atan2(fd[1], fd[0])),
                  pal.sole.light if bias == 0 else pal.sole.shadow, clip=shaft)
    thigh = xf_cap(xf, hip, 0.064 * H * b, kn, 0.042 * H * b)
    cv.paint(thigh, pal.skin, outline_px=ow, round_px=xf.d(0.045 * H * b), bias=bias)
    return thigh


TRUNK_LEN = 0.50  # trunk legs end half way down the thigh, cut straight


def _trunk_leg(xf: Xf, body: Body, hip: Vec, kn: Vec) -> Shape:
    H, b = body.H, body.build
    u = _unit(hip, kn)
    end = (hip[0] + u[0] * body.thigh * 0.75, hip[1] + u[1] * body.thigh * 0.75)
    cut = (hip[0] + u[0] * body.thigh * TRUNK_LEN, hip[1] + u[1] * body.thigh * TRUNK_LEN)
    return xf_cap(xf, hip, 0.060 * H * b, end, 0.054 * H * b) & halfplane(xf.p(cut), (u[0], -u[1]))


def draw_figure(cv: Canvas, look: Look, body: Body, j: Joints, origin: Vec,
                face: str = "normal") -> Boxes:
    """Paint one pose at origin (anchor = feet centre, 1x canvas px). Returns hit/hurt rects."""
    xf = Xf(origin, cv.scale)
    pal = make_palette(look)
    H = body.H
    ow = 1.25 * cv.scale  # outline width in supersampled px
    boxes = Boxes()
    far, near = ("l", "r") if not look.southpaw else ("r", "l")

    def side(tag: str) -> tuple[Vec, Vec, Vec, Vec, Vec, Vec, float]:
        if tag == "l":
            return j.l_sh, j.l_el, j.l_wr, j.l_hip, j.l_kn, j.l_an, j.lheel_deg
        return j.r_sh, j.r_el, j.r_wr, j.r_hip, j.r_kn, j.r_an, j.rheel_deg

    fsh, fel, fwr, fhip, fkn, fan, fheel = side(far)
    nsh, nel, nwr, nhip, nkn, nan, nheel = side(near)

    g_far = _arm(cv, xf, body, pal, fsh, fel, fwr, FAR_BIAS, ow)
    _leg(cv, xf, body, pal, fhip, fkn, fan, fheel, FAR_BIAS, ow)
    cv.paint(_trunk_leg(xf, body, fhip, fkn), pal.trunks, outline_px=ow,
             round_px=xf.d(0.05 * H), bias=FAR_BIAS)
    _leg(cv, xf, body, pal, nhip, nkn, nan, nheel, 0.0, ow)

    # Torso: a tapered core from the waist to the chest, the pecs and (with age) a gut.
    up = j.torso_dir
    fwd = (up[1], -up[0])
    b = body.build
    top = (j.shoulder[0] - up[0] * 0.02 * H, j.shoulder[1] - up[1] * 0.02 * H)
    ang = -math.atan2(up[1], up[0])
    core = xf_cap(xf, j.hip, body.waist_r, top, body.chest_r * 0.92)
    sag = 0.022 * H * body.stoop  # an old man's chest sits lower
    pec_c = (j.chest[0] + fwd[0] * body.chest_r * 0.38 + up[0] * (0.035 * H - sag),
             j.chest[1] + fwd[1] * body.chest_r * 0.38 + up[1] * (0.035 * H - sag))
    pec = ellipse(xf.p(pec_c), xf.d(0.062 * H), xf.d(body.chest_r * 0.72), ang)
    belly_k = body.belly
    bel_c = (j.hip[0] + up[0] * 0.10 * H + fwd[0] * (0.025 + 0.030 * belly_k) * H,
             j.hip[1] + up[1] * 0.10 * H + fwd[1] * (0.025 + 0.030 * belly_k) * H)
    belly = ellipse(xf.p(bel_c), xf.d((0.085 + 0.012 * belly_k) * H),
                    xf.d((0.058 + 0.030 * belly_k) * H * b), ang)
    lat_c = (j.chest[0] - fwd[0] * body.chest_r * 0.12, j.chest[1] - fwd[1] * body.chest_r * 0.12)
    lat = ellipse(xf.p(lat_c), xf.d(0.10 * H), xf.d(body.chest_r * 0.80), ang)
    torso = core | pec | belly | lat
    cv.paint(torso, pal.skin, outline_px=ow, round_px=xf.d(body.chest_r * 0.8))
    # Muscle definition on a fit body: the pec's lower edge and a line of abs.
    if belly_k < 0.5:
        pe = (pec_c[0] - up[0] * body.chest_r * 0.62, pec_c[1] - up[1] * body.chest_r * 0.62)
        pe2 = (pe[0] + fwd[0] * 0.05 * H + up[0] * 0.01 * H, pe[1] + fwd[1] * 0.05 * H + up[1] * 0.01 * H)
        cv.stroke(xf_cap(xf, (pe[0] - fwd[0] * 0.03 * H, pe[1] - fwd[1] * 0.03 * H), 0.003 * H,
                         pe2, 0.0035 * H), pal.skin.shadow, clip=torso)
    else:
        # A fold above the waistband where the gut hangs.
        fc = (j.hip[0] + up[0] * 0.060 * H + fwd[0] * 0.06 * H, j.hip[1] + up[1] * 0.060 * H + fwd[1] * 0.06 * H)
        cv.stroke(xf_cap(xf, (fc[0] - fwd[0] * 0.05 * H, fc[1] - fwd[1] * 0.05 * H), 0.003 * H,
                         (fc[0] + fwd[0] * 0.05 * H, fc[1] + fwd[1] * 0.05 * H + 0.01 * H), 0.003 * H),
                  pal.skin.shadow, clip=torso)
    boxes.body = _rect(torso, cv.scale)

    # Trunks: high-waisted, over the hips and the near thigh; waistband and side stripe in trim.
    waist_top = (j.hip[0] + up[0] * 0.105 * H, j.hip[1] + up[1] * 0.105 * H)
    wb_lo = (j.hip[0] + up[0] * 0.072 * H, j.hip[1] + up[1] * 0.072 * H)
    below_top = halfplane(xf.p(waist_top), (up[0], -up[1]))
    nleg = _trunk_leg(xf, body, nhip, nkn)
    pelvis = ((core | belly).grow(xf.d(0.006 * H)) & below_top) | xf_cap(
        xf, j.hip, body.waist_r * 1.02, (j.hip[0] - fwd[0] * 0.01 * H, j.hip[1] - 0.02 * H),
        body.waist_r)
    trunks = pelvis | nleg
    cv.paint(trunks, pal.trunks, outline_px=ow, round_px=xf.d(0.06 * H))
    band = halfplane(xf.p(wb_lo), (-up[0], up[1]))
    cv.paint(pelvis & band, pal.trim, round_px=xf.d(0.06 * H))
    ku = _unit(nhip, nkn)
    hem_at = (nhip[0] + ku[0] * body.thigh * (TRUNK_LEN - 0.07),
              nhip[1] + ku[1] * body.thigh * (TRUNK_LEN - 0.07))
    cv.paint(nleg & halfplane(xf.p(hem_at), (-ku[0], ku[1])), pal.trim, round_px=xf.d(0.05 * H))
    s0 = (nhip[0] + up[0] * 0.07 * H, nhip[1] + up[1] * 0.07 * H)
    cv.paint(xf_cap(xf, s0, 0.0065 * H, hem_at, 0.0065 * H),
             pal.trim, clip=trunks - band, round_px=xf.d(0.005 * H), bias=-0.1)

    # Neck and head.
    neck = xf_cap(xf, (j.shoulder[0] - up[0] * 0.03 * H, j.shoulder[1] - up[1] * 0.03 * H),
                  0.040 * H * b, j.neck_top, 0.033 * H * b)
    cv.paint(neck, pal.skin, outline_px=ow, round_px=xf.d(0.03 * H), bias=-0.08)
    hx = HeadXf(xf.p(j.head), j.head_deg, H, cv.scale)
    head = draw_head(cv, look, hx, face, pal.skin, ow)
    boxes.head = _rect(head, cv.scale)

    # Near arm on top, with a deltoid cap over the shoulder.
    delt = ellipse(xf.p((nsh[0] + fwd[0] * 0.005 * H, nsh[1] - 0.01 * H)), xf.d(0.050 * H * b),
                   xf.d(0.044 * H * b), ang)
    cv.paint(delt, pal.skin, outline_px=ow, round_px=xf.d(0.04 * H))
    g_near = _arm(cv, xf, body, pal, nsh, nel, nwr, 0.0, ow)
    lead_g, rear_g = (g_far, g_near) if not look.southpaw else (g_near, g_far)
    boxes.lead_glove = _rect(lead_g, cv.scale)
    boxes.rear_glove = _rect(rear_g, cv.scale)
    return boxes
