"""The story's walkable maps (levels/<id>.tmx) as plain definitions, parsed without pygame.

Object layers give the map its meaning through each object's ``type`` (Tiled 1.9+ writes
``class``; both are read): collision, spawn, door, npc, interact, station. Every field the game
uses is checked here, and a bad one fails with the file, the object and the field named.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.paths import LEVELS
from game.world.ring_layout import MapError

FACINGS = ("down", "left", "right", "up")
#: object type -> properties it must have
REQUIRED: dict[str, tuple[str, ...]] = {
    "collision": (),
    "spawn": ("facing",),
    "door": ("target", "spawn"),
    "npc": ("speaker", "dialogue", "facing"),
    "interact": ("dialogue", "prompt"),
    "station": ("place", "prompt"),
    "light": ("radius",),  # a warm pool of light drawn over the floor (radius px, colour)
}
STORY_MAPS = ("adrians", "street", "gym", "meat_locker", "museum_steps", "hearing")

Rect = tuple[float, float, float, float]  # x, y, w, h in world px


@dataclass(frozen=True)
class ThingDef:
    """Anything placed on the map other than a wall: spawn, door, npc, interact, station."""

    id: int
    type: str
    name: str
    rect_px: Rect
    props: dict[str, str] = field(default_factory=dict)

    @property
    def centre_px(self) -> tuple[float, float]:
        x, y, w, h = self.rect_px
        return (x + w / 2, y + h / 2)

    def chapters(self) -> tuple[str, ...]:
        """Chapters where the thing is present (empty: always)."""
        return tuple(c.strip() for c in self.props.get("chapters", "").split(",") if c.strip())


@dataclass(frozen=True)
class WorldMapDef:
    id: str
    path: str
    title: str
    width_tiles: int
    height_tiles: int
    tile_px: int
    walls_px: tuple[Rect, ...]
    things: tuple[ThingDef, ...]
    #: the lowest the view's top edge may go (map property ``camera_top_max_px``): a room
    #: a little taller than the screen keeps the people at its far wall whole (the hearing's
    #: bench) while Rocky walks in at the door
    camera_top_max_px: int | None = None

    @property
    def size_px(self) -> tuple[int, int]:
        return (self.width_tiles * self.tile_px, self.height_tiles * self.tile_px)

    def of_type(self, kind: str) -> list[ThingDef]:
        return [t for t in self.things if t.type == kind]

    def spawn(self, name: str) -> ThingDef:
        for t in self.of_type("spawn"):
            if t.name == name:
                return t
        raise MapError(f"{self.path}: no spawn named {name!r}")


def map_path(map_id: str) -> Path:
    return LEVELS / f"{map_id}.tmx"


def object_type(obj: Any) -> str:
    """Tiled's ``type`` (older files) or ``class`` (Tiled 1.9+)."""
    return str(getattr(obj, "type", None) or getattr(obj, "class", None)
               or getattr(obj, "properties", {}).get("class", "") or "")


def load_world_map(map_id_or_path: str | Path) -> WorldMapDef:
    """Parse one map (no images) and check every object the game reads."""
    import pytmx  # here, so importing this module stays cheap

    path = Path(map_id_or_path)
    if path.suffix != ".tmx":
        path = map_path(str(map_id_or_path))
    where = str(path)
    try:
        tmx = pytmx.TiledMap(str(path))
    except FileNotFoundError as exc:
        raise MapError(f"{where}: file not found") from exc
    except Exception as exc:  # pytmx raises many kinds of parse errors
        raise MapError(f"{where}: cannot parse map: {exc}") from exc
    if tmx.tilewidth != tmx.tileheight:
        raise MapError(f"{where}: tiles must be square")
    tile = int(tmx.tilewidth)
    walls: list[Rect] = []
    things: list[ThingDef] = []
    seen_ids: set[int] = set()
    for group in tmx.objectgroups:
        for obj in group:
            kind = object_type(obj)
            label = f"object {obj.id} '{obj.name or ''}' ({kind or 'no type'})"
            if obj.id in seen_ids:
                raise MapError(f"{where}: {label}: duplicate object id {obj.id}")
            seen_ids.add(obj.id)
            if kind not in REQUIRED:
                raise MapError(f"{where}: {label}: field 'type' must be one of "
                               f"{', '.join(REQUIRED)}")
            props = {str(k): str(v) for k, v in (obj.properties or {}).items()}
            for name in REQUIRED[kind]:
                if not props.get(name):
                    raise MapError(f"{where}: {label}: missing property '{name}'")
            if kind == "light" and not props["radius"].isdigit():
                raise MapError(f"{where}: {label}: property 'radius' must be whole pixels")
            if "facing" in props and props["facing"] not in FACINGS:
                raise MapError(f"{where}: {label}: property 'facing' must be one of "
                               f"{', '.join(FACINGS)}, got {props['facing']!r}")
            rect = (float(obj.x), float(obj.y), float(obj.width or 0), float(obj.height or 0))
            if rect[2] <= 0 or rect[3] <= 0:
                raise MapError(f"{where}: {label}: needs a width and a height")
            if rect[0] < 0 or rect[1] < 0 or rect[0] + rect[2] > tmx.width * tile \
                    or rect[1] + rect[3] > tmx.height * tile:
                raise MapError(f"{where}: {label}: lies outside the map")
            if kind == "collision":
                if any(v % tile for v in rect):
                    raise MapError(f"{where}: {label}: collision must sit on the "
                                   f"{tile} px tile grid")
                walls.append(rect)
            else:
                if kind in ("spawn", "npc", "station", "door", "light") and not obj.name:
                    raise MapError(f"{where}: {label}: field 'name' is empty")
                things.append(ThingDef(int(obj.id), kind, str(obj.name or ""), rect, props))
    title = str((tmx.properties or {}).get("title", path.stem))
    top_max = (tmx.properties or {}).get("camera_top_max_px")
    if top_max is not None and not str(top_max).isdigit():
        raise MapError(f"{where}: map property 'camera_top_max_px' must be whole pixels, "
                       f"got {top_max!r}")
    names = [t.name for t in things if t.type == "spawn"]
    if len(names) != len(set(names)):
        raise MapError(f"{where}: two spawns share a name")
    if not names:
        raise MapError(f"{where}: no object of type 'spawn'")
    return WorldMapDef(path.stem, where, title, int(tmx.width), int(tmx.height), tile,
                       tuple(walls), tuple(things),
                       int(top_max) if top_max is not None else None)


def validate_links(maps: dict[str, WorldMapDef]) -> None:
    """Doors lead to maps that exist and to spawns that exist there."""
    for m in maps.values():
        for door in m.of_type("door"):
            target = door.props["target"]
            label = f"{m.path}: object {door.id} '{door.name}' (door)"
            if target not in maps:
                raise MapError(f"{label}: property 'target' names unknown map {target!r}")
            if door.props["spawn"] not in {s.name for s in maps[target].of_type("spawn")}:
                raise MapError(f"{label}: property 'spawn' {door.props['spawn']!r} is not a "
                               f"spawn in {target}")


def load_all() -> dict[str, WorldMapDef]:
    maps = {mid: load_world_map(mid) for mid in STORY_MAPS}
    validate_links(maps)
    return maps
