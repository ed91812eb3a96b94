"""The head in profile (facing right): skull and face, ear, eye, brow, nose, mouth, hair, beard.

Features are placed in head-local coordinates (u forward, v up, in body heights H) and mapped to
the canvas through the head's centre and tilt, so a nod or a snapped-back head moves them all.
"""
from __future__ import annotations

import math
from dataclasses import replace

from .look import Look
from .raster import Canvas, Material, Shape, capsule, ellipse, halfplane, make_material, polygon

Vec = tuple[float, float]
DARK = (28, 18, 22)
EYE_WHITE = (236, 230, 220)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


class HeadXf:
    """Maps head-local (u, v) in H units to supersampled canvas pixels."""

    def __init__(self, centre_px: Vec, tilt_deg: float, H: float, scale: int) -> None:
        self.cx, self.cy = centre_px
        self.k = H * scale * 1.12  # heads a touch big: faces must read at game size
        a = math.radians(tilt_deg)  # + nods forward (clockwise on screen for facing right)
        self.ca, self.sa = math.cos(a), math.sin(a)
        self.angle_rad = a

    def p(self, u: float, v: float) -> Vec:
        x = u * self.ca + v * self.sa
        y = u * self.sa - v * self.ca
        return (self.cx + x * self.k, self.cy + y * self.k)

    def d(self, r: float) -> float:
        return r * self.k

    def cap(self, a: Vec, b: Vec, r0: float, r1: float | None = None) -> Shape:
        return capsule(self.p(*a), self.d(r0), self.p(*b), self.d(r1 if r1 is not None else r0))

    def ell(self, c: Vec, rx: float, ry: float, rot_deg: float = 0.0) -> Shape:
        return ellipse(self.p(*c), self.d(rx), self.d(ry), self.angle_rad - math.radians(rot_deg))

    def poly(self, pts: list[Vec]) -> Shape:
        return polygon([self.p(u, v) for u, v in pts])

    def half(self, a: Vec, b: Vec) -> Shape:
        """Keep the side to the left of the directed line a->b (in u,v)."""
        pa, pb = self.p(*a), self.p(*b)
        dx, dy = pb[0] - pa[0], pb[1] - pa[1]
        return halfplane(pa, (dy, -dx))


def _face_points(old: bool) -> list[Vec]:
    jowl = 0.006 if old else 0.0
    return [
        (0.020, 0.056), (0.044, 0.040), (0.055, 0.020), (0.059, 0.012), (0.054, 0.003),
        (0.057, -0.004), (0.071, -0.022), (0.063, -0.029), (0.058, -0.031), (0.059, -0.039),
        (0.055, -0.044), (0.057, -0.049), (0.055, -0.061 - jowl * 0.5), (0.040, -0.070 - jowl),
        (0.012, -0.062 - jowl), (-0.012, -0.044), (-0.020, -0.010), (-0.012, 0.030),
    ]


def draw_head(cv: Canvas, look: Look, xf: HeadXf, face: str, skin: Material,
              outline_px: float) -> Shape:
    """Paint the whole head; returns the head's shape (for hurtboxes)."""
    old = look.veteran
    skull = xf.ell((-0.006, 0.010), 0.057, 0.058)
    face_shape = xf.poly(_face_points(old)).grow(xf.d(0.004))
    head = skull | face_shape
    cv.paint(head, skin, outline_px=outline_px, round_px=xf.d(0.040))
    # Cheekbone/eye-socket shadow and jaw shade give the face some form.
    cv.stroke(xf.ell((0.047, 0.003), 0.011, 0.006), skin.shadow, clip=head)
    _draw_beard(cv, look, xf, head, outline_px)
    _draw_ear(cv, xf, skin, outline_px)
    _draw_face(cv, look, xf, face, skin, head)
    _draw_hair(cv, look, xf, skin, head, outline_px)
    return head


def _draw_ear(cv: Canvas, xf: HeadXf, skin: Material, outline_px: float) -> None:
    ear = xf.ell((-0.004, -0.006), 0.013, 0.020, -10)
    cv.paint(ear, skin, outline_px=outline_px * 0.7, round_px=xf.d(0.010))
    cv.stroke(xf.ell((-0.002, -0.006), 0.006, 0.011, -10), skin.shadow)
    cv.stroke(xf.ell((-0.001, -0.008), 0.003, 0.006, -10), skin.deep or skin.shadow)


def _draw_face(cv: Canvas, look: Look, xf: HeadXf, face: str, skin: Material,
               head: Shape) -> None:
    brow_col = _mix(look.hair, DARK, 0.45) if look.hair_style != "bald" else skin.deep
    if look.veteran:
        brow_col = _mix(look.hair, DARK, 0.25)
    # Brow: angled down at the front when gritting, up when hurt or sad.
    tilt = {"grit": -0.006, "hurt": 0.006, "sad": 0.007, "yell": -0.004}.get(face, 0.0)
    bw = 0.0064 if look.veteran else 0.0050
    cv.stroke(xf.cap((0.032, 0.017), (0.058, 0.014 + tilt), bw, bw * 0.8), brow_col,
              clip=head.grow(xf.d(0.004)))
    eye = (0.047, 0.002)
    if face in ("hurt", "ko"):
        cv.stroke(xf.cap((0.040, 0.001), (0.053, 0.003 if face == "hurt" else -0.001), 0.0022),
                  DARK)
    elif face == "sad":
        cv.stroke(xf.cap((0.042, 0.001), (0.053, 0.0), 0.0028), DARK)
    else:
        cv.stroke(xf.ell(eye, 0.0070, 0.0042), EYE_WHITE, clip=head)
        cv.stroke(xf.ell((eye[0] + 0.0025, eye[1]), 0.0036, 0.0042), DARK, clip=head)
        cv.stroke(xf.cap((0.040, 0.0055), (0.054, 0.0045), 0.0020), _mix(skin.deep, DARK, 0.4))
    # Nostril and the line of the nose wing.
    cv.stroke(xf.ell((0.061, -0.024), 0.0040, 0.0025, 20), skin.deep or DARK, clip=head)
    lip = _mix(skin.shadow, (150, 60, 60), 0.25)
    if face in ("hurt", "ko", "yell"):
        big = {"yell": 0.012, "hurt": 0.008, "ko": 0.007}[face]
        mouth = xf.ell((0.054, -0.044), 0.008, big, 10)
        cv.stroke(mouth, (60, 16, 22), clip=head)
        guard = _mix(look.trunks_trim, (255, 255, 255), 0.2)
        cv.stroke(xf.cap((0.050, -0.044 + big * 0.6), (0.060, -0.044 + big * 0.6), 0.0026),
                  guard, clip=mouth)
    elif face == "sad":
        cv.stroke(xf.cap((0.049, -0.046), (0.058, -0.043), 0.0018), lip)
    else:
        cv.stroke(xf.cap((0.049, -0.042), (0.059, -0.041), 0.0018), lip)
        if face == "grit":
            cv.stroke(xf.cap((0.052, -0.042), (0.058, -0.041), 0.0012), (235, 235, 225))
    if look.veteran:
        crease = _mix(skin.shadow, DARK, 0.35)
        cv.stroke(xf.cap((0.022, 0.036), (0.046, 0.032), 0.0012), crease, clip=head)
        cv.stroke(xf.cap((0.020, 0.027), (0.040, 0.026), 0.0011), crease, clip=head)
        cv.stroke(xf.cap((0.034, 0.004), (0.028, -0.004), 0.0012), crease, clip=head)
        cv.stroke(xf.cap((0.043, -0.010), (0.052, -0.008), 0.0012), crease, clip=head)
        cv.stroke(xf.cap((0.055, -0.030), (0.049, -0.047), 0.0013), crease, clip=head)


def _hair_shape(look: Look, xf: HeadXf) -> Shape | None:
    s = look.hair_style
    cap_ = xf.ell((-0.008, 0.014), 0.063, 0.064)
    above = xf.half((0.050, 0.044), (-0.044, -0.034))  # hairline to nape
    front = xf.half((0.044, 0.080), (0.050, 0.020))  # nothing in front of the forehead
    side = xf.cap((0.004, 0.012), (0.010, -0.016), 0.006)
    if s in ("bald",):
        return None
    if s in ("short", "buzz", "shaved", "slick", "cornrows"):
        base = (cap_ & above & front) | side
        if s == "short":
            # Tufts along the crown and the fringe break the smooth dome into hair.
            for (u, v), rot in (((0.030, 0.072), -20), ((-0.002, 0.080), 5),
                                ((-0.032, 0.074), 30), ((-0.056, 0.054), 55)):
                base = base | xf.ell((u, v), 0.014, 0.0065, rot)
            for (u, v), rot in (((0.050, 0.046), -40), ((0.036, 0.040), -50),
                                ((0.022, 0.032), -60)):
                base = base | (xf.ell((u, v), 0.012, 0.006, rot) & front)
        if s == "slick":
            base = base | xf.ell((-0.050, -0.004), 0.018, 0.026)
        return base
    if s == "curly":
        bumps = xf.ell((-0.008, 0.016), 0.064, 0.066)
        for u, v in ((0.044, 0.056), (0.024, 0.074), (0.0, 0.084), (-0.026, 0.080),
                     (-0.050, 0.066), (-0.068, 0.042), (-0.074, 0.014)):
            bumps = bumps | xf.ell((u, v), 0.017, 0.015)
        return (bumps & above & front) | side
    if s == "afro":
        big = xf.ell((-0.014, 0.030), 0.080, 0.074)
        return (big & xf.half((0.054, 0.026), (-0.030, -0.050)) & front) | side
    if s == "flattop":
        top = xf.poly([(0.044, 0.048), (0.046, 0.092), (-0.050, 0.092), (-0.066, 0.020),
                       (-0.040, -0.030)])
        return ((top.grow(xf.d(0.004)) | cap_) & above & front) | side
    if s == "mohawk":
        return xf.cap((0.036, 0.064), (-0.052, 0.040), 0.012) | xf.ell((-0.010, 0.060), 0.040,
                                                                        0.022)
    if s == "thinning":
        # Horseshoe: back and sides only, the crown and forehead bare.
        back = (cap_ & above & xf.half((-0.075, 0.034), (0.030, 0.014))
                & xf.half((0.010, 0.1), (0.010, -0.1)))
        return back | side
    return None


def _draw_hair(cv: Canvas, look: Look, xf: HeadXf, skin: Material, head: Shape,
               outline_px: float) -> None:
    shape = _hair_shape(look, xf)
    if shape is None:
        if look.hair_style == "bald":
            cv.stroke(xf.ell((-0.010, 0.050), 0.020, 0.008, -20), skin.light, clip=head)
        return
    col = look.hair
    if look.hair_style == "buzz":
        col = _mix(look.hair, skin.base, 0.35)
    elif look.hair_style == "shaved":
        col = _mix(look.hair, skin.base, 0.65)
    mat = replace(make_material(col, shine=1.4 if look.hair_style == "slick" else 0.8), deep=None)
    if look.veteran:  # grey hair: soft, warm shading, no cold blue shadows
        mat = replace(mat, shadow=_mix(col, (110, 100, 96), 0.45), light=_mix(col, (255, 255, 250), 0.5))
    thin = look.hair_style in ("buzz", "shaved", "thinning")
    cv.paint(shape, mat, outline_px=0 if thin else outline_px * 0.8, round_px=xf.d(0.045),
             outline_outside=head, normal_from=xf.ell((-0.006, 0.010), 0.066, 0.068))
    if look.hair_style in ("curly", "afro"):
        # Curl texture: small dark crescents scattered over the mass.
        for u, v in ((0.030, 0.060), (0.005, 0.070), (-0.020, 0.066), (-0.045, 0.055),
                     (0.015, 0.045), (-0.010, 0.048), (-0.035, 0.036), (-0.058, 0.030),
                     (-0.030, 0.016), (-0.055, 0.008)):
            cv.stroke(xf.ell((u, v), 0.006, 0.0025, 30), mat.shadow, clip=shape)
    if look.hair_style in ("short", "slick", "flattop"):
        # Strands: a few darker combed lines and a lighter sheen, so it reads as hair.
        for (u0, v0), (u1, v1) in (((0.040, 0.056), (-0.010, 0.072)),
                                   ((0.026, 0.048), (-0.045, 0.056))):
            cv.stroke(xf.cap((u0, v0), (u1, v1), 0.0018), mat.shadow, clip=shape)
        cv.stroke(xf.cap((0.030, 0.060), (-0.020, 0.072), 0.0025), mat.light, clip=shape)
    if look.hair_style == "cornrows":
        for v0 in (0.018, 0.036, 0.054):
            cv.stroke(xf.cap((0.040, v0 + 0.01), (-0.060, v0 - 0.02), 0.0015), mat.shadow,
                      clip=shape)
    if look.hair_style == "thinning":
        # A few strands combed over the crown.
        for du in (0.0, 0.012):
            cv.stroke(xf.cap((0.025 - du, 0.058), (-0.040 - du, 0.045), 0.0014), mat.base,
                      clip=head.grow(xf.d(0.003)))


def _draw_beard(cv: Canvas, look: Look, xf: HeadXf, head: Shape, outline_px: float) -> None:
    if look.beard == "none":
        return
    # The jaw side of a line from the sideburn to under the nose, and in front of the ear.
    below = xf.half((0.000, 0.004), (0.070, -0.030)) & xf.half((-0.004, -0.1), (-0.004, 0.1))
    if look.beard == "stubble":
        col = _mix(look.hair, (120, 110, 105), 0.3)
        mat = make_material(_mix(col, look.skin, 0.55))
        cv.paint(head & below,
            mat, round_px=xf.d(0.03), bias=0.05)
        return
    mat = make_material(look.hair)
    mustache = xf.cap((0.046, -0.033), (0.061, -0.034), 0.0045, 0.0040)
    if look.beard == "mustache":
        cv.paint(mustache, mat, round_px=xf.d(0.004))
        return
    if look.beard == "goatee":
        cv.paint(mustache | xf.ell((0.050, -0.063), 0.014, 0.012), mat, round_px=xf.d(0.008),
                 outline_px=outline_px * 0.5)
        return
    full = (head.grow(xf.d(0.004)) & below) | mustache
    cv.paint(full, mat, outline_px=outline_px * 0.8, round_px=xf.d(0.02))

