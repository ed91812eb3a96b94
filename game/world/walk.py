"""Walking on a map: 8 directions, sliding along walls, facing, the walk cycle, what is near.

Pure geometry on world pixels (no pygame), so tests and the autoplay can use it. A walker's
position is the centre of its feet; its body for collisions is a short box around the feet.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from game.world.tilemap import Rect, ThingDef, WorldMapDef

FEET_W_PX, FEET_H_PX = 36.0, 20.0
WALK_PX_PER_TICK = 3.6  # about 3.4 tiles a second at 64 px tiles
STRIDE_TICKS = 8  # ticks per walk-cycle frame
REACH_PX = 70.0  # how far from a thing Rocky can talk to it or look at it (across a bar)
NOTICE_PX = 190.0  # NPCs turn to face Rocky within this distance


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def feet_box(x: float, y: float) -> Rect:
    return (x - FEET_W_PX / 2, y - FEET_H_PX / 2, FEET_W_PX, FEET_H_PX)


def npc_feet(thing: ThingDef) -> tuple[float, float]:
    """An NPC stands on the bottom of its object's tile."""
    x, y, w, h = thing.rect_px
    return (x + w / 2, y + h - FEET_H_PX / 2 - 4)


def facing_toward(dx: float, dy: float, current: str) -> str:
    """The one of four facings that best shows a direction (diagonals keep a matching one)."""
    if dx == 0 and dy == 0:
        return current
    horiz = "right" if dx > 0 else "left"
    vert = "down" if dy > 0 else "up"
    if dx and dy:
        return current if current in (horiz, vert) else horiz
    return horiz if dx else vert


def face_toward(dx: float, dy: float) -> str:
    """How someone turns to look at a point: along the larger offset."""
    if abs(dx) > abs(dy):
        return "right" if dx > 0 else "left"
    return "down" if dy > 0 else "up"


@dataclass
class Walker:
    """Rocky (or anyone) moving through a map."""

    x_px: float
    y_px: float
    facing: str = "down"
    moving: bool = False
    stride_ticks: int = 0

    @property
    def frame(self) -> int:
        """Walk-cycle column: 0 standing, then 1, 2, 3 while moving."""
        return (self.stride_ticks // STRIDE_TICKS) % 4 if self.moving else 0

    def step(self, dx: int, dy: int, blockers: list[Rect], bounds: tuple[int, int],
             speed_px: float = WALK_PX_PER_TICK) -> None:
        """One tick of input (-1/0/1 per axis): move each axis apart so walls slide you along."""
        self.facing = facing_toward(dx, dy, self.facing)
        self.moving = bool(dx or dy)
        if not self.moving:
            self.stride_ticks = 0
            return
        self.stride_ticks += 1
        k = speed_px / math.hypot(dx, dy)
        self.x_px = self._axis(self.x_px + dx * k, self.y_px, blockers, bounds, "x", dx)
        self.y_px = self._axis(self.x_px, self.y_px + dy * k, blockers, bounds, "y", dy)

    def _axis(self, nx: float, ny: float, blockers: list[Rect], bounds: tuple[int, int],
              axis: str, d: int) -> float:
        box = feet_box(nx, ny)
        for b in blockers:
            if _overlap(box, b):
                if axis == "x":
                    return (b[0] - FEET_W_PX / 2 - 0.01) if d > 0 else (b[0] + b[2] + FEET_W_PX / 2 + 0.01)
                return (b[1] - FEET_H_PX / 2 - 0.01) if d > 0 else (b[1] + b[3] + FEET_H_PX / 2 + 0.01)
        if axis == "x":
            return min(max(nx, FEET_W_PX / 2), bounds[0] - FEET_W_PX / 2)
        return min(max(ny, FEET_H_PX / 2), bounds[1] - FEET_H_PX / 2)


def npc_blockers(npcs: list[ThingDef]) -> list[Rect]:
    return [feet_box(*npc_feet(n)) for n in npcs]


def nearest_thing(walker: Walker, things: list[ThingDef]) -> ThingDef | None:
    """The thing within reach that Rocky would use: in front of him first, then the closest."""
    reach = feet_box(walker.x_px, walker.y_px)
    reach = (reach[0] - REACH_PX, reach[1] - REACH_PX, reach[2] + 2 * REACH_PX,
             reach[3] + 2 * REACH_PX)
    best: tuple[float, ThingDef] | None = None
    ahead = {"down": (0, 1), "up": (0, -1), "left": (-1, 0), "right": (1, 0)}[walker.facing]
    for t in things:
        if t.type not in ("npc", "interact", "station"):
            continue
        if not _overlap(reach, t.rect_px):
            continue
        cx, cy = npc_feet(t) if t.type == "npc" else t.centre_px
        dx, dy = cx - walker.x_px, cy - walker.y_px
        dist = math.hypot(dx, dy)
        behind = (dx * ahead[0] + dy * ahead[1]) < 0
        score = dist + (400.0 if behind else 0.0)
        if best is None or score < best[0]:
            best = (score, t)
    return best[1] if best else None


def door_under(walker: Walker, doors: list[ThingDef]) -> ThingDef | None:
    box = feet_box(walker.x_px, walker.y_px)
    for d in doors:
        if _overlap(box, d.rect_px):
            return d
    return None


def walls_of(world: WorldMapDef) -> list[Rect]:
    return list(world.walls_px)
