"""Write a Tiled map (.tmx, CSV layers, embedded tileset) from an ASCII layout.

Each layout character stands for (floor tile, object tile or None, blocks). Blocking cells are
merged into as few grid-aligned rectangles as possible for the collision layer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from worldgen.tiles import COLUMNS, MAP_TILE_PX, TILE_NAMES

TILE_PX = MAP_TILE_PX


@dataclass
class MapObject:
    type: str
    name: str
    x_tiles: float
    y_tiles: float
    w_tiles: float = 1.0
    h_tiles: float = 1.0
    props: dict[str, str] = field(default_factory=dict)


@dataclass
class MapSpec:
    name: str
    title: str
    rows: list[str]
    legend: dict[str, tuple[str, str | None, bool]]
    objects: list[MapObject]
    music: str = ""


def _collision_rects(blocked: list[list[bool]]) -> list[tuple[int, int, int, int]]:
    """Greedy merge: horizontal runs, then stack equal runs downwards."""
    h, w = len(blocked), len(blocked[0])
    used = [[False] * w for _ in range(h)]
    rects = []
    for y in range(h):
        x = 0
        while x < w:
            if not blocked[y][x] or used[y][x]:
                x += 1
                continue
            x1 = x
            while x1 < w and blocked[y][x1] and not used[y][x1]:
                x1 += 1
            y1 = y + 1
            while y1 < h and all(blocked[y1][i] and not used[y1][i] for i in range(x, x1)):
                y1 += 1
            for yy in range(y, y1):
                for xx in range(x, x1):
                    used[yy][xx] = True
            rects.append((x, y, x1 - x, y1 - y))
            x = x1
    return rects


def write_tmx(spec: MapSpec, path: Path, tileset_rel: str, tileset_size: tuple[int, int]) -> int:
    """Write the map; returns the number of collision rectangles."""
    width = len(spec.rows[0])
    for i, row in enumerate(spec.rows):
        if len(row) != width:
            raise ValueError(f"{spec.name}: row {i} is {len(row)} wide, expected {width}")
    height = len(spec.rows)
    floor, over, blocked = [], [], []
    for y, row in enumerate(spec.rows):
        frow, orow, brow = [], [], []
        for x, ch in enumerate(row):
            if ch not in spec.legend:
                raise ValueError(f"{spec.name}: unknown layout character {ch!r} at {x},{y}")
            f, o, b = spec.legend[ch]
            frow.append(TILE_NAMES[f] + 1)
            orow.append(TILE_NAMES[o] + 1 if o else 0)
            brow.append(b)
        floor.append(frow)
        over.append(orow)
        blocked.append(brow)
    rects = _collision_rects(blocked)
    ntiles = len(TILE_NAMES)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           (f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" '
           f'renderorder="right-down" width="{width}" height="{height}" tilewidth="{TILE_PX}" '
           f'tileheight="{TILE_PX}" infinite="0" nextlayerid="6" nextobjectid="{1000}">'),
           ' <properties>',
           f'  <property name="title" value={quoteattr(spec.title)}/>',
           f'  <property name="music" value={quoteattr(spec.music)}/>',
           ' </properties>',
           (f' <tileset firstgid="1" name="world" tilewidth="{TILE_PX}" tileheight="{TILE_PX}" '
           f'tilecount="{ntiles}" columns="{COLUMNS}">'),
           (f'  <image source="{tileset_rel}" width="{tileset_size[0]}" '
           f'height="{tileset_size[1]}"/>'),
           ' </tileset>']
    for lid, (lname, grid) in enumerate((("floor", floor), ("furniture", over)), start=1):
        out.append(f' <layer id="{lid}" name="{lname}" width="{width}" height="{height}">')
        out.append('  <data encoding="csv">')
        out.append(",\n".join(",".join(str(v) for v in row) for row in grid))
        out.append('  </data>')
        out.append(' </layer>')
    oid = 1
    out.append(' <objectgroup id="3" name="collision">')
    for x, y, w, h in rects:
        out.append(f'  <object id="{oid}" type="collision" x="{x * TILE_PX}" y="{y * TILE_PX}" '
                   f'width="{w * TILE_PX}" height="{h * TILE_PX}"/>')
        oid += 1
    out.append(' </objectgroup>')
    out.append(' <objectgroup id="4" name="things">')
    for obj in spec.objects:
        out.append(f'  <object id="{oid}" name={quoteattr(obj.name)} type="{obj.type}" '
                   f'x="{obj.x_tiles * TILE_PX:g}" y="{obj.y_tiles * TILE_PX:g}" '
                   f'width="{obj.w_tiles * TILE_PX:g}" height="{obj.h_tiles * TILE_PX:g}">')
        oid += 1
        if obj.props:
            out.append('   <properties>')
            for k, v in obj.props.items():
                out.append(f'    <property name="{k}" value={quoteattr(v)}/>')
            out.append('   </properties>')
        out.append('  </object>')
    out.append(' </objectgroup>')
    out.append('</map>')
    text = "\n".join(out) + "\n"
    text = text.replace('nextobjectid="1000"', f'nextobjectid="{oid}"')
    path.write_text(text, encoding="utf-8")
    return len(rects)
