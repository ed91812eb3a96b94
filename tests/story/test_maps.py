"""Every story map parses without pygame's images and passes the validator."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.paths import LEVELS
from game.world.ring_layout import MapError
from game.world.tilemap import REQUIRED, STORY_MAPS, load_all, load_world_map, validate_links

STORY_TMX = sorted(p for p in LEVELS.glob("*.tmx") if p.stem != "ring")


def test_every_story_map_is_listed_and_loads():
    assert {p.stem for p in STORY_TMX} == set(STORY_MAPS)
    maps = load_all()
    for m in maps.values():
        assert m.of_type("spawn"), m.id
        w, h = m.size_px
        for t in m.things:
            assert t.type in REQUIRED and t.type != "collision"
            x, y, tw, th = t.rect_px
            assert 0 <= x and x + tw <= w and 0 <= y and y + th <= h
        for x, y, tw, th in m.walls_px:
            assert all(v % m.tile_px == 0 for v in (x, y, tw, th))


def test_adrians_has_what_the_story_needs():
    m = load_world_map("adrians")
    names = {t.name for t in m.things}
    assert {"tv", "photo_wall", "front_door", "paulie", "robert", "cook"} <= names
    assert any(t.props.get("action") == "tv" for t in m.of_type("interact"))


def test_camp_places_have_a_station_and_a_camp_spawn():
    for mid, place in (("gym", "gym"), ("meat_locker", "meat_locker"),
                       ("museum_steps", "museum_steps")):
        m = load_world_map(mid)
        assert [s.props["place"] for s in m.of_type("station")] == [place]
        m.spawn("camp")


def test_parsing_maps_does_not_load_images_or_open_a_window():
    code = ("import sys; from game.world.tilemap import load_all; load_all(); "
            "import pygame; sys.exit(1 if pygame.display.get_init() else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def _tmx(body: str, tmp_path: Path, name: str = "bad.tmx") -> Path:
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.10" orientation="orthogonal" renderorder="right-down" width="4" height="4"
 tilewidth="64" tileheight="64" infinite="0" nextlayerid="3" nextobjectid="9">
 <objectgroup id="1" name="things">
  <object id="1" name="start" type="spawn" x="64" y="64" width="64" height="64">
   <properties><property name="facing" value="down"/></properties>
  </object>
{body}
 </objectgroup>
</map>
"""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, words", [
    (('<object id="2" type="door" name="d" x="0" y="0" width="64" height="64">'
     '<properties><property name="target" value="x"/></properties></object>'),
     ["object 2", "'spawn'"]),
    (('<object id="2" type="npc" name="n" x="0" y="0" width="64" height="64">'
     '<properties><property name="speaker" value="lou"/><property name="dialogue" value="lou"/>'
     '<property name="facing" value="sideways"/></properties></object>'), ["facing"]),
    ('<object id="2" type="collision" x="10" y="0" width="64" height="64"/>', ["tile grid"]),
    ('<object id="2" type="collision" x="192" y="0" width="128" height="64"/>', ["outside"]),
    ('<object id="2" type="teleporter" x="0" y="0" width="64" height="64"/>', ["type"]),
])
def test_a_bad_object_is_named_with_its_field(tmp_path, body, words):
    with pytest.raises(MapError) as exc:
        load_world_map(_tmx(body, tmp_path))
    assert "bad.tmx" in str(exc.value)
    for w in words:
        assert w in str(exc.value)


def test_duplicate_ids_are_refused(tmp_path):
    body = '<object id="1" type="collision" x="0" y="0" width="64" height="64"/>'
    with pytest.raises(MapError, match="duplicate object id 1"):
        load_world_map(_tmx(body, tmp_path))


def test_class_is_read_like_type(tmp_path):
    body = ('<object id="2" name="s2" class="spawn" x="0" y="0" width="64" height="64">'
            '<properties><property name="facing" value="up"/></properties></object>')
    m = load_world_map(_tmx(body, tmp_path))
    assert {s.name for s in m.of_type("spawn")} == {"start", "s2"}


def test_a_door_to_a_missing_map_or_spawn_is_refused(tmp_path):
    door = ('<object id="2" type="door" name="d" x="0" y="0" width="64" height="64">'
            '<properties><property name="target" value="{t}"/>'
            '<property name="spawn" value="{s}"/></properties></object>')
    a = load_world_map(_tmx(door.format(t="b", s="nowhere"), tmp_path, "a.tmx"))
    b = load_world_map(_tmx("", tmp_path, "b.tmx"))
    with pytest.raises(MapError, match="'nowhere' is not a spawn in b"):
        validate_links({"a": a, "b": b})
    with pytest.raises(MapError, match="unknown map 'b'"):
        validate_links({"a": a})
    ok = load_world_map(_tmx(door.format(t="b", s="start"), tmp_path, "a.tmx"))
    validate_links({"a": ok, "b": b})
