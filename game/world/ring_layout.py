"""The ring's layout from levels/ring.tmx: where the canvas, posts, corners, crowd and lights are.

The map is parsed without images (pytmx.TiledMap(path)); only typed object properties carry
meaning, and a bad or missing one fails here with the file, object and field named.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.paths import LEVELS

LEVELS_DIR = LEVELS
RING_MAP_PATH = LEVELS_DIR / "ring.tmx"

Color = tuple[int, int, int]


class MapError(ValueError):
    """A map file is missing something the game needs; the message names file, object and field."""


@dataclass(frozen=True)
class CornerDef:
    name: str
    x_px: float
    y_px: float
    side: int | None  # 0 red, 1 blue, None for a neutral corner
    pad_color: Color


@dataclass(frozen=True)
class CrowdAreaDef:
    name: str
    x_px: float
    y_px: float
    w_px: float
    h_px: float
    depth: float  # 0 far .. 1 near
    rows: int
    seat_px: float
    seed: int
    flash_rate: float  # camera flashes per second per 1000 px of width, at full excitement


@dataclass(frozen=True)
class LightDef:
    name: str
    x_px: float
    y_px: float
    radius_px: float
    color: Color
    intensity: float


@dataclass(frozen=True)
class RingLayoutDef:
    """World-pixel geometry of the arena (the map is bigger than the 1280x720 view)."""

    path: str
    name: str
    world_w_px: int
    world_h_px: int
    backdrop_top: Color
    backdrop_bottom: Color
    canvas_x_px: float
    canvas_back_y_px: float
    canvas_w_px: float
    canvas_depth_px: float
    back_inset_px: float
    fight_line_px: float  # fighters' feet, measured down from the back edge
    model_half_width_px: float  # the model's x range that the canvas width stands for
    rope_count: int
    post_height_px: float
    apron_height_px: float
    canvas_color: Color
    apron_color: Color
    rope_color: Color
    corners: tuple[CornerDef, ...]
    crowd: tuple[CrowdAreaDef, ...]
    lights: tuple[LightDef, ...]
    camera_rect: tuple[float, float, float, float]
    zoom_knockdown: float
    follow_rate: float
    look_y_px: float

    @property
    def centre_x_px(self) -> float:
        return self.canvas_x_px + self.canvas_w_px / 2

    @property
    def canvas_front_y_px(self) -> float:
        return self.canvas_back_y_px + self.canvas_depth_px

    @property
    def floor_y_px(self) -> float:
        """World y of the fighters' feet."""
        return self.canvas_back_y_px + self.fight_line_px

    @property
    def world_per_model_px(self) -> float:
        """World pixels per model pixel along the fight line (the line is inset by perspective)."""
        t = self.fight_line_px / self.canvas_depth_px
        half_line = self.canvas_w_px / 2 - self.back_inset_px * (1 - t)
        return (half_line - 40.0) / self.model_half_width_px

    def model_to_world_x(self, x_px: float) -> float:
        return self.centre_x_px + x_px * self.world_per_model_px

    def corner(self, side: int) -> CornerDef:
        for c in self.corners:
            if c.side == side:
                return c
        raise KeyError(side)

    def neutral_corner_toward(self, direction: int) -> CornerDef:
        """The neutral corner on the left (direction -1) or right (+1) of the ring: where the
        referee sends the man still standing during a count."""
        neutral = sorted((c for c in self.corners if c.side is None), key=lambda c: c.x_px)
        return neutral[0] if direction < 0 else neutral[-1]


def parse_color(text: Any, where: str) -> Color:
    """Tiled writes colours as #AARRGGBB (or #RRGGBB)."""
    if not isinstance(text, str) or not text.startswith("#") or len(text) not in (7, 9):
        raise MapError(f"{where}: expected a colour like #ff2f5d8a, got {text!r}")
    digits = text[1:] if len(text) == 7 else text[3:]
    try:
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    except ValueError as exc:
        raise MapError(f"{where}: bad colour {text!r}") from exc


class _Reader:
    """Reads typed properties with errors that say where."""

    def __init__(self, path: str) -> None:
        self.path = path

    def prop(self, obj: Any, field: str, kind: type, where: str) -> Any:
        props = getattr(obj, "properties", {}) or {}
        if field not in props:
            raise MapError(f"{self.path}: {where}: missing property '{field}'")
        value = props[field]
        if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if kind is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if kind is str and isinstance(value, str):
            return value
        if kind is Color:
            return parse_color(value, f"{self.path}: {where}: property '{field}'")
        raise MapError(
            f"{self.path}: {where}: property '{field}' should be {kind.__name__}, got {value!r}"
        )


def load_ring_layout(path: str | Path | None = None) -> RingLayoutDef:
    """Parse the ring map (no images) and validate every field the renderer and scenes use."""
    import pytmx  # imported here so importing the module stays cheap

    path = str(path or RING_MAP_PATH)
    try:
        tmx = pytmx.TiledMap(path)
    except FileNotFoundError as exc:
        raise MapError(f"{path}: file not found") from exc
    except Exception as exc:  # pytmx raises a variety of parse errors
        raise MapError(f"{path}: cannot parse map: {exc}") from exc
    r = _Reader(path)
    by_type: dict[str, list[Any]] = {}
    for group in tmx.objectgroups:
        for obj in group:
            by_type.setdefault(obj.type or "", []).append(obj)

    def one(kind: str) -> Any:
        found = by_type.get(kind, [])
        if len(found) != 1:
            raise MapError(
                f"{path}: expected exactly one object of type '{kind}', found {len(found)}"
            )
        return found[0]

    canvas = one("ring_bounds")
    w = f"object '{canvas.name}' (ring_bounds)"
    if canvas.width <= 0 or canvas.height <= 0:
        raise MapError(f"{path}: {w}: must be a rectangle with size")
    fight_line = r.prop(canvas, "fight_line_px", float, w)
    if not 0 < fight_line < canvas.height:
        raise MapError(f"{path}: {w}: property 'fight_line_px' must lie inside the canvas depth")
    half_w = r.prop(canvas, "model_half_width_px", float, w)
    if half_w <= 0:
        raise MapError(f"{path}: {w}: property 'model_half_width_px' must be > 0")
    rope_count = r.prop(canvas, "rope_count", int, w)
    if not 1 <= rope_count <= 5:
        raise MapError(f"{path}: {w}: property 'rope_count' must be 1..5")

    corners = []
    for obj in by_type.get("corner", []) + by_type.get("neutral_corner", []):
        cw = f"object '{obj.name}' ({obj.type})"
        side = r.prop(obj, "side", int, cw) if obj.type == "corner" else None
        if side not in (0, 1, None):
            raise MapError(f"{path}: {cw}: property 'side' must be 0 (red) or 1 (blue)")
        corners.append(
            CornerDef(
                obj.name, float(obj.x), float(obj.y), side, r.prop(obj, "pad_color", Color, cw)
            )
        )
    sides = sorted(c.side for c in corners if c.side is not None)
    if sides != [0, 1] or len(corners) != 4:
        raise MapError(
            f"{path}: need a red (side 0) and a blue (side 1) corner and two neutral "
            f"corners, found sides {sides} in {len(corners)} corners"
        )

    crowd = []
    for obj in by_type.get("crowd", []):
        cw = f"object '{obj.name}' (crowd)"
        depth = r.prop(obj, "depth", float, cw)
        if not 0.0 <= depth <= 1.0:
            raise MapError(f"{path}: {cw}: property 'depth' must be 0..1")
        rows = r.prop(obj, "rows", int, cw)
        seat = r.prop(obj, "seat_px", float, cw)
        if rows < 1 or seat < 4:
            raise MapError(f"{path}: {cw}: 'rows' must be >= 1 and 'seat_px' >= 4")
        crowd.append(
            CrowdAreaDef(
                obj.name,
                float(obj.x),
                float(obj.y),
                float(obj.width),
                float(obj.height),
                depth,
                rows,
                seat,
                r.prop(obj, "seed", int, cw),
                r.prop(obj, "flash_rate", float, cw),
            )
        )
    if not crowd:
        raise MapError(f"{path}: no objects of type 'crowd'")

    lights = []
    for obj in by_type.get("light", []):
        lw = f"object '{obj.name}' (light)"
        lights.append(
            LightDef(
                obj.name,
                float(obj.x),
                float(obj.y),
                r.prop(obj, "radius_px", float, lw),
                r.prop(obj, "color", Color, lw),
                r.prop(obj, "intensity", float, lw),
            )
        )

    cam = one("camera")
    cw = f"object '{cam.name}' (camera)"
    props = tmx.properties or {}
    return RingLayoutDef(
        path=path,
        name=str(props.get("name", "Ring")),
        world_w_px=int(tmx.width * tmx.tilewidth),
        world_h_px=int(tmx.height * tmx.tileheight),
        backdrop_top=parse_color(
            props.get("backdrop_top", "#ff000000"), f"{path}: map property 'backdrop_top'"
        ),
        backdrop_bottom=parse_color(
            props.get("backdrop_bottom", "#ff000000"), f"{path}: map property 'backdrop_bottom'"
        ),
        canvas_x_px=float(canvas.x),
        canvas_back_y_px=float(canvas.y),
        canvas_w_px=float(canvas.width),
        canvas_depth_px=float(canvas.height),
        back_inset_px=r.prop(canvas, "back_inset_px", float, w),
        fight_line_px=fight_line,
        model_half_width_px=half_w,
        rope_count=rope_count,
        post_height_px=r.prop(canvas, "post_height_px", float, w),
        apron_height_px=r.prop(canvas, "apron_height_px", float, w),
        canvas_color=r.prop(canvas, "canvas_color", Color, w),
        apron_color=r.prop(canvas, "apron_color", Color, w),
        rope_color=r.prop(canvas, "rope_color", Color, w),
        corners=tuple(corners),
        crowd=tuple(crowd),
        lights=tuple(lights),
        camera_rect=(float(cam.x), float(cam.y), float(cam.width), float(cam.height)),
        zoom_knockdown=r.prop(cam, "zoom_knockdown", float, cw),
        follow_rate=r.prop(cam, "follow_rate", float, cw),
        look_y_px=r.prop(cam, "look_y_px", float, cw),
    )
