"""The loader rejects broken sheets with a message naming the file and the field."""
from __future__ import annotations

import json

import pygame
import pytest

from game.render.sprites import TAGS, SheetError, load_sheet


def _write(tmp_path, doc, size=(64, 64)):
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((200, 0, 0, 255))
    pygame.image.save(surf, str(tmp_path / "x_prime.png"))
    (tmp_path / "x_prime.json").write_text(json.dumps(doc))


def _doc(**over):
    frames = [{"frame": {"x": 0, "y": 0, "w": 32, "h": 32}, "anchor": {"x": 16, "y": 30},
               "duration_ticks": 4, "phase": None}]
    tags = [{"name": t, "from": 0, "to": 0, "direction": "forward"} for t in TAGS]
    doc = {"frames": frames, "meta": {"frameTags": tags}}
    doc.update(over)
    return doc


def test_a_minimal_valid_sheet_loads(tmp_path):
    _write(tmp_path, _doc())
    sheet = load_sheet("x", variant="prime", directory=tmp_path)
    surf, anchor = sheet.frame("idle", -1, ticks=0)
    assert surf.get_size() == (32, 32) and anchor == (16, 30)


def test_missing_tag_is_named(tmp_path):
    doc = _doc()
    doc["meta"]["frameTags"] = [t for t in doc["meta"]["frameTags"] if t["name"] != "duck"]
    _write(tmp_path, doc)
    with pytest.raises(SheetError, match=r"x_prime\.json.*frameTags.*duck"):
        load_sheet("x", variant="prime", directory=tmp_path)


def test_frame_outside_the_image_is_named(tmp_path):
    doc = _doc()
    doc["frames"][0]["frame"] = {"x": 40, "y": 0, "w": 32, "h": 32}
    _write(tmp_path, doc)
    with pytest.raises(SheetError, match=r"frames\[0\]\.frame"):
        load_sheet("x", variant="prime", directory=tmp_path)


def test_bad_anchor_and_missing_file_are_named(tmp_path):
    doc = _doc()
    del doc["frames"][0]["anchor"]
    _write(tmp_path, doc)
    with pytest.raises(SheetError, match=r"frames\[0\]\.anchor"):
        load_sheet("x", variant="prime", directory=tmp_path)
    with pytest.raises(SheetError, match="no such sheet"):
        load_sheet("nobody", variant="prime", directory=tmp_path)
