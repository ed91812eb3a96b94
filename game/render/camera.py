"""The ring camera: follows the pair, pushes in on a knockdown, shakes on big hits.

It lives in world pixels of levels/ring.tmx. It is stepped at the fixed 60 Hz rate by the scene
(never by drawing) and drawn with interpolation between its last two positions.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

VIEW_W_PX = 1280
VIEW_H_PX = 720


@dataclass
class CameraPose:
    x_px: float  # world x at the centre of the view
    y_px: float
    zoom: float

    def lerp(self, other: CameraPose, t: float) -> CameraPose:
        return CameraPose(
            self.x_px + (other.x_px - self.x_px) * t,
            self.y_px + (other.y_px - self.y_px) * t,
            self.zoom + (other.zoom - self.zoom) * t,
        )


class Camera:
    """Smoothly follows a target point inside the map's camera rect."""

    def __init__(
        self,
        bounds: tuple[float, float, float, float],
        x_px: float,
        y_px: float,
        follow_rate: float = 0.12,
        seed: int = 0,
    ) -> None:
        self.bounds = bounds
        self.follow_rate = follow_rate
        self.pose = CameraPose(x_px, y_px, 1.0)
        self.prev = CameraPose(x_px, y_px, 1.0)
        self.target_x_px = x_px
        self.target_y_px = y_px
        self.target_zoom = 1.0
        self.trauma = 0.0  # 0..1, shake amplitude grows with its square
        self.shake_enabled = True
        self._shake_rng = random.Random(seed)
        self.shake_px = (0, 0)
        self._prev_shake_px = (0, 0)

    def follow(self, x_px: float, y_px: float, zoom: float = 1.0) -> None:
        self.target_x_px, self.target_y_px, self.target_zoom = x_px, y_px, zoom

    def snap(self) -> None:
        """Jump straight to the target (scene start, after a cut)."""
        self.pose = CameraPose(self.target_x_px, self.target_y_px, self.target_zoom)
        self._clamp(self.pose)
        self.prev = CameraPose(self.pose.x_px, self.pose.y_px, self.pose.zoom)

    def add_shake(self, amount: float) -> None:
        self.trauma = min(1.0, self.trauma + amount)

    def step(self) -> None:
        """One fixed tick: ease toward the target, decay the shake."""
        self.prev = CameraPose(self.pose.x_px, self.pose.y_px, self.pose.zoom)
        r = self.follow_rate
        p = self.pose
        p.x_px += (self.target_x_px - p.x_px) * r
        p.y_px += (self.target_y_px - p.y_px) * r
        p.zoom += (self.target_zoom - p.zoom) * 0.08
        if abs(p.zoom - self.target_zoom) < 0.002:
            p.zoom = self.target_zoom
        self._clamp(p)
        self._prev_shake_px = self.shake_px
        if self.trauma > 0 and self.shake_enabled:
            amp = 14.0 * self.trauma * self.trauma
            self.shake_px = (
                round(self._shake_rng.uniform(-amp, amp)),
                round(self._shake_rng.uniform(-amp, amp)),
            )
        else:
            self.shake_px = (0, 0)
        self.trauma = max(0.0, self.trauma - 0.045)

    def _clamp(self, p: CameraPose) -> None:
        bx, by, bw, bh = self.bounds
        half_w = VIEW_W_PX / 2 / p.zoom
        half_h = VIEW_H_PX / 2 / p.zoom
        p.x_px = min(max(p.x_px, bx + half_w), bx + bw - half_w)
        p.y_px = min(max(p.y_px, by + half_h), by + bh - half_h)

    def view(self, alpha: float) -> CameraPose:
        """The pose to draw with, interpolated between the last two ticks."""
        return self.prev.lerp(self.pose, alpha)

    def origin(self, pose: CameraPose) -> tuple[int, int]:
        """World coords of the top-left of an unzoomed 1280x720 view centred on the pose."""
        sx, sy = self.shake_px
        return (
            math.floor(pose.x_px - VIEW_W_PX / 2) - sx,
            math.floor(pose.y_px - VIEW_H_PX / 2) - sy,
        )
