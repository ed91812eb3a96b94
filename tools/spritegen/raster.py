"""Signed-distance shapes and a painter's canvas with cel shading and outlines.

Every body part is a signed distance field (negative inside), evaluated only inside the part's
bounding box. The distance gives us three things for free: the fill (sdf < 0), an outline of any
width (0 <= sdf < width) and a pseudo-normal for shading (the gradient, tipped towards the viewer by
how deep inside the shape a pixel is), so a limb shades like a cylinder and a head like a ball.
Everything is drawn at a supersampled scale and box-filtered down for clean edges.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Grid = tuple[np.ndarray, np.ndarray]  # (x, y) pixel-centre coordinates, screen space
SDF = Callable[[np.ndarray, np.ndarray], np.ndarray]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1

# Light comes from above, slightly in front and to the fighter's back (facing right).
_LIGHT = np.array([-0.35, -0.75, 0.55])
_LIGHT = _LIGHT / np.linalg.norm(_LIGHT)


@dataclass(frozen=True)
class Shape:
    """A distance field plus the box outside which it is certainly positive."""

    sdf: SDF
    box: Box

    def __or__(self, other: Shape) -> Shape:
        a, b = self.sdf, other.sdf
        return Shape(lambda x, y: np.minimum(a(x, y), b(x, y)), _union_box(self.box, other.box))

    def __and__(self, other: Shape) -> Shape:
        a, b = self.sdf, other.sdf
        return Shape(lambda x, y: np.maximum(a(x, y), b(x, y)), _inter_box(self.box, other.box))

    def __sub__(self, other: Shape) -> Shape:
        a, b = self.sdf, other.sdf
        return Shape(lambda x, y: np.maximum(a(x, y), -b(x, y)), self.box)

    def grow(self, r_px: float) -> Shape:
        """Offset the surface outwards (rounds corners of polygons)."""
        f = self.sdf
        x0, y0, x1, y1 = self.box
        return Shape(lambda x, y: f(x, y) - r_px, (x0 - r_px, y0 - r_px, x1 + r_px, y1 + r_px))


def _union_box(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _inter_box(a: Box, b: Box) -> Box:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def capsule(p0: tuple[float, float], r0: float, p1: tuple[float, float], r1: float) -> Shape:
    """A tapered capsule (limb segment) from p0 with radius r0 to p1 with radius r1."""
    ax, ay = p0
    bx, by = p1
    dx, dy = bx - ax, by - ay
    ll = max(dx * dx + dy * dy, 1e-9)

    def f(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        t = np.clip(((x - ax) * dx + (y - ay) * dy) / ll, 0.0, 1.0)
        px, py = x - (ax + t * dx), y - (ay + t * dy)
        return np.sqrt(px * px + py * py) - (r0 + (r1 - r0) * t)

    r = max(r0, r1)
    return Shape(f, (min(ax, bx) - r, min(ay, by) - r, max(ax, bx) + r, max(ay, by) + r))


def ellipse(c: tuple[float, float], rx: float, ry: float, angle_rad: float = 0.0) -> Shape:
    """An ellipse with semi-axes rx, ry, rotated by angle (screen space, y down)."""
    cx, cy = c
    ca, sa = np.cos(angle_rad), np.sin(angle_rad)
    m = min(rx, ry)

    def f(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        lx = (x - cx) * ca + (y - cy) * sa
        ly = -(x - cx) * sa + (y - cy) * ca
        k = np.sqrt((lx / rx) ** 2 + (ly / ry) ** 2)
        return (k - 1.0) * m

    r = max(rx, ry)
    return Shape(f, (cx - r, cy - r, cx + r, cy + r))


def polygon(points: list[tuple[float, float]]) -> Shape:
    """A closed polygon (exact distance, even-odd inside test)."""
    pts = np.asarray(points, dtype=np.float64)

    def f(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        d = np.full(x.shape, np.inf)
        inside = np.zeros(x.shape, dtype=bool)
        n = len(pts)
        for i in range(n):
            ax, ay = pts[i]
            bx, by = pts[(i + 1) % n]
            ex, ey = bx - ax, by - ay
            ll = max(ex * ex + ey * ey, 1e-9)
            t = np.clip(((x - ax) * ex + (y - ay) * ey) / ll, 0.0, 1.0)
            px, py = x - (ax + t * ex), y - (ay + t * ey)
            d = np.minimum(d, px * px + py * py)
            cond = (ay > y) != (by > y)
            with np.errstate(divide="ignore", invalid="ignore"):
                xi = ax + (y - ay) * ex / np.where(ey == 0, 1e-9, ey)
            inside ^= cond & (x < xi)
        d = np.sqrt(d)
        return np.where(inside, -d, d)

    return Shape(f, (pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max()))


def halfplane(p: tuple[float, float], normal: tuple[float, float]) -> Shape:
    """Everything on the side of the line through p that the normal points away from."""
    nx, ny = normal
    k = float(np.hypot(nx, ny)) or 1.0
    nx, ny = nx / k, ny / k
    px, py = p
    big = 1e5
    return Shape(lambda x, y: (x - px) * nx + (y - py) * ny, (-big, -big, big, big))


@dataclass(frozen=True)
class Material:
    """Tones of one material, dark to light, plus its outline colour (RGB 0..255)."""

    shadow: tuple[int, int, int]
    base: tuple[int, int, int]
    light: tuple[int, int, int]
    outline: tuple[int, int, int]
    deep: tuple[int, int, int] | None = None


def _clamp(c: float) -> int:
    return int(max(0, min(255, round(c))))


def make_skin(rgb: tuple[int, int, int]) -> Material:
    """Skin ramp: warm, ruddy shadows (cold shadows make skin look bruised)."""
    r, g, b = rgb
    shadow = (_clamp(r * 0.80 - 4), _clamp(g * 0.66 - 2), _clamp(b * 0.64 + 2))
    deep = (_clamp(r * 0.58 - 4), _clamp(g * 0.44 - 2), _clamp(b * 0.44 + 4))
    light = (_clamp(r + (255 - r) * 0.28 + 6), _clamp(g + (255 - g) * 0.26 + 4),
             _clamp(b + (255 - b) * 0.18))
    outline = (_clamp(r * 0.25 + 8), _clamp(g * 0.16 + 6), _clamp(b * 0.16 + 8))
    return Material(shadow, (r, g, b), light, outline, deep)


def make_material(rgb: tuple[int, int, int], *, shine: float = 1.0) -> Material:
    """Hue-shifted ramp: shadows go cooler and darker, lights warmer, as pixel artists do."""
    r, g, b = rgb
    shadow = (_clamp(r * 0.70 - 6), _clamp(g * 0.68 - 2), _clamp(b * 0.78 + 14))
    deep = (_clamp(r * 0.48 - 6), _clamp(g * 0.44 - 4), _clamp(b * 0.56 + 12))
    light = (
        _clamp(r + (255 - r) * 0.30 * shine + 8),
        _clamp(g + (255 - g) * 0.26 * shine + 4),
        _clamp(b + (255 - b) * 0.14 * shine),
    )
    outline = (_clamp(r * 0.22 + 12), _clamp(g * 0.18 + 8), _clamp(b * 0.22 + 14))
    return Material(shadow, (r, g, b), light, outline, deep)


class Canvas:
    """RGBA float canvas at supersampled scale; parts are painted back to front."""

    def __init__(self, width_px: int, height_px: int, scale: int) -> None:
        self.scale = scale
        self.w, self.h = width_px * scale, height_px * scale
        self.rgb = np.zeros((self.h, self.w, 3), dtype=np.float32)
        self.alpha = np.zeros((self.h, self.w), dtype=np.float32)
        self.dirty = [self.w, self.h, 0, 0]  # x0, y0, x1, y1 of everything painted

    def _grid(self, box: Box, pad: float) -> tuple[slice, slice, np.ndarray, np.ndarray] | None:
        x0 = max(0, int(np.floor(box[0] - pad)))
        y0 = max(0, int(np.floor(box[1] - pad)))
        x1 = min(self.w, int(np.ceil(box[2] + pad)) + 1)
        y1 = min(self.h, int(np.ceil(box[3] + pad)) + 1)
        if x1 <= x0 or y1 <= y0:
            return None
        d = self.dirty
        d[0], d[1], d[2], d[3] = min(d[0], x0), min(d[1], y0), max(d[2], x1), max(d[3], y1)
        ys, xs = np.mgrid[y0:y1, x0:x1].astype(np.float64)
        return slice(y0, y1), slice(x0, x1), xs + 0.5, ys + 0.5

    def paint(
        self,
        shape: Shape,
        mat: Material,
        *,
        outline_px: float = 0.0,
        round_px: float = 10.0,
        clip: Shape | None = None,
        flat: bool = False,
        bias: float = 0.0,
        outline_outside: Shape | None = None,
        normal_from: Shape | None = None,
    ) -> None:
        """Paint a shape: outline ring, then cel-shaded fill (3-4 tones).

        round_px: how far in from the edge the surface keeps turning (a limb's radius); bias
        brightens (+) or darkens (-) the whole part, e.g. for the far side of the body.
        """
        g = self._grid(shape.box, outline_px + 2)
        if g is None:
            return
        sy, sx, xs, ys = g
        d = shape.sdf(xs, ys)
        if clip is not None:
            d = np.maximum(d, clip.sdf(xs, ys))
        rgb = self.rgb[sy, sx]
        al = self.alpha[sy, sx]
        if outline_px > 0:
            ring = d < outline_px
            if outline_outside is not None:
                # Outline only where it borders empty space or other parts, not over `outside`
                # (hair meets the forehead without a drawn line).
                ring &= (d < 0) | (outline_outside.sdf(xs, ys) > 0)
            rgb[ring] = mat.outline
            al[ring] = 1.0
        inside = d < 0
        if not inside.any():
            return
        if flat:
            rgb[inside] = mat.base
            al[inside] = 1.0
            return
        dn = d if normal_from is None else normal_from.sdf(xs, ys)  # shade as if this shape
        gy, gx = np.gradient(dn)
        gl = np.sqrt(gx * gx + gy * gy) + 1e-9
        depth = np.clip(-dn / max(round_px, 1e-3), 0.0, 1.0)
        tilt = np.clip(1.0 - depth, 0.0, 1.0)
        nz = np.sqrt(np.clip(1.0 - tilt * tilt, 0.0, 1.0))
        nx, ny = gx / gl * tilt, gy / gl * tilt
        v = nx * _LIGHT[0] + ny * _LIGHT[1] + nz * _LIGHT[2] + bias
        tone = np.empty(v.shape + (3,), dtype=np.float32)
        tone[:] = mat.base
        tone[v > 0.86] = mat.light
        tone[v < 0.42] = mat.shadow
        if mat.deep is not None:
            tone[v < 0.02] = mat.deep
        rgb[inside] = tone[inside]
        al[inside] = 1.0

    def stroke(self, shape: Shape, color: tuple[int, int, int], clip: Shape | None = None) -> None:
        """Flat-colour detail (eyes, creases, laces), optionally clipped to a parent shape."""
        g = self._grid(shape.box, 2)
        if g is None:
            return
        sy, sx, xs, ys = g
        d = shape.sdf(xs, ys)
        if clip is not None:
            d = np.maximum(d, clip.sdf(xs, ys))
        m = d < 0
        self.rgb[sy, sx][m] = color
        self.alpha[sy, sx][m] = 1.0

    def wash(self, shape: Shape, color: tuple[int, int, int], alpha: float) -> None:
        """Translucent flat colour under whatever is painted later (motion smears)."""
        g = self._grid(shape.box, 2)
        if g is None:
            return
        sy, sx, xs, ys = g
        m = shape.sdf(xs, ys) < 0
        al = self.alpha[sy, sx]
        rgb = self.rgb[sy, sx]
        up = m & (al < alpha)
        rgb[up] = color
        al[up] = alpha

    def to_rgba8(self) -> np.ndarray:
        """Box-filter down to 1x with premultiplied alpha; returns (h, w, 4) uint8."""
        s = self.scale
        h, w = self.h // s, self.w // s
        out = np.zeros((h, w, 4), dtype=np.uint8)
        x0, y0 = self.dirty[0] // s, self.dirty[1] // s
        x1, y1 = min(w, -(-self.dirty[2] // s)), min(h, -(-self.dirty[3] // s))
        if x1 <= x0 or y1 <= y0:
            return out
        bh, bw = y1 - y0, x1 - x0
        al = self.alpha[y0 * s:y1 * s, x0 * s:x1 * s]
        a = al.reshape(bh, s, bw, s).mean(axis=(1, 3))
        pm = (self.rgb[y0 * s:y1 * s, x0 * s:x1 * s] * al[..., None]).reshape(bh, s, bw, s, 3)
        c = pm.mean(axis=(1, 3))
        box = out[y0:y1, x0:x1]
        nz = a > 1e-6
        box[..., :3][nz] = np.clip(c[nz] / a[nz][:, None] + 0.5, 0, 255).astype(np.uint8)
        box[..., 3] = np.clip(a * 255 + 0.5, 0, 255).astype(np.uint8)
        return out
