"""Draw the story's world: `python tools/make_world.py`.

Writes the tileset (assets/world/tiles.png), every speaker's walking sheet
(assets/world/people/<id>.png: rows down/left/right/up, 4 frames of 64x96) and portrait
(assets/world/portraits/<id>.png, 160x160) from assets/story/speakers.toml, and the maps
(levels/<id>.tmx) from the layouts in tools/worldgen/maps.py. The game loads only the outputs.
"""
from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import pygame
from worldgen.maps import MAPS
from worldgen.people import Look, draw_portrait, draw_walker_sheet
from worldgen.tiles import SCALE, draw_tileset
from worldgen.tmx import write_tmx


def main() -> int:
    world = ROOT / "assets" / "world"
    (world / "people").mkdir(parents=True, exist_ok=True)
    (world / "portraits").mkdir(parents=True, exist_ok=True)
    sheet = draw_tileset()
    pygame.image.save(sheet, str(world / "tiles.png"))
    print(f"tiles.png: {sheet.get_width()}x{sheet.get_height()}")
    speakers_path = ROOT / "assets" / "story" / "speakers.toml"
    speakers = tomllib.loads(speakers_path.read_text(encoding="utf-8"))
    for sid, table in speakers.items():
        if "look" not in table:
            continue
        look = Look.from_table(table["look"], f"{speakers_path.name}: [{sid}.look]")
        pygame.image.save(pygame.transform.scale_by(draw_walker_sheet(look), SCALE), str(world / "people" / f"{sid}.png"))
        pygame.image.save(draw_portrait(look), str(world / "portraits" / f"{sid}.png"))
    print(f"{sum('look' in t for t in speakers.values())} people")
    levels = ROOT / "levels"
    for spec in MAPS:
        n = write_tmx(spec, levels / f"{spec.name}.tmx", "../assets/world/tiles.png",
                      sheet.get_size())
        print(f"{spec.name}.tmx: {len(spec.rows[0])}x{len(spec.rows)} tiles, {n} collision rects")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
