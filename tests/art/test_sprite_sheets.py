"""The committed sheets: every fighter and variant loads, agrees with its JSON and draws."""
from __future__ import annotations

import json

import pygame
import pytest

from game.paths import ASSETS
from game.render.sprites import TAGS, load_sheet

FIGHTERS = sorted(p.stem for p in (ASSETS / "fighters").glob("*.toml"))
SHEETS = [(f, v) for f in FIGHTERS for v in ("prime", "veteran")]
PUNCHES = [t for t in TAGS if t.split("_")[0] in ("jab", "cross", "hook", "uppercut")]
LOOPS = {"idle", "walk_in", "walk_out", "guard_high", "guard_low", "hurt", "clinch", "down",
         "celebrate", "dejected"}


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.display.init()
    yield


def test_every_fighter_has_both_sheets():
    assert FIGHTERS, "no fighters in assets/fighters"
    for f, v in SHEETS:
        assert (ASSETS / "sprites" / f"{f}_{v}.png").is_file(), f"{f}_{v}.png missing"
        assert (ASSETS / "sprites" / f"{f}_{v}.json").is_file(), f"{f}_{v}.json missing"


@pytest.mark.parametrize("fighter,variant", SHEETS)
def test_sheet_loads_and_agrees_with_its_json(fighter, variant):
    sheet = load_sheet(fighter, variant=variant)
    w, h = sheet.image.get_size()
    doc = json.loads((ASSETS / "sprites" / f"{fighter}_{variant}.json").read_text())
    assert doc["meta"]["size"] == {"w": w, "h": h}
    assert set(TAGS) <= set(sheet.tags)
    for fr in sheet.frames:
        x, y, fw, fh = fr.rect
        assert 0 <= x and 0 <= y and x + fw <= w and y + fh <= h
        ax, ay = fr.anchor
        assert 0 <= ax <= fw and 0 <= ay <= fh, "anchor outside its frame"
        assert fr.duration_ticks > 0


@pytest.mark.parametrize("fighter,variant", SHEETS)
def test_every_action_draws_something_in_both_facings(fighter, variant):
    sheet = load_sheet(fighter, variant=variant)
    for tag in TAGS:
        for facing in (1, -1):
            surf, (ax, ay) = sheet.frame(tag, facing, ticks=3)
            r = surf.get_bounding_rect()
            assert r.w > 20 and r.h > 20, f"{tag} is (nearly) empty"
            assert 0 <= ax <= surf.get_width() and 0 <= ay <= surf.get_height()


@pytest.mark.parametrize("fighter", FIGHTERS)
def test_punches_have_phases_in_order_and_hitboxes_when_active(fighter):
    sheet = load_sheet(fighter, variant="prime")
    order = {"startup": 0, "active": 1, "recovery": 2}
    for tag in PUNCHES:
        phases = [sheet.frames[i].phase for i in sheet.tags[tag].frames]
        assert set(phases) == set(order), f"{tag}: {phases}"
        ranks = [order[p] for p in phases]
        assert ranks == sorted(ranks), f"{tag}: phases out of order {phases}"
        heavy = not tag.startswith("jab")
        wind = sum(p == "startup" for p in phases)
        assert wind >= (3 if heavy else 2), f"{tag}: no visible wind-up ({wind} startup frames)"
        for i in sheet.tags[tag].frames:
            fr = sheet.frames[i]
            assert (fr.hitbox is not None) == (fr.phase == "active"), f"{tag} frame {i}"
            assert fr.hurtbox is not None


def test_looping_tags_wrap_and_one_shots_hold_their_last_frame():
    sheet = load_sheet("rocky", variant="prime")
    for tag in LOOPS:
        assert sheet.tags[tag].loop, tag
        total = sheet.tag_ticks(tag)
        assert sheet.index(tag, ticks=total + 1) == sheet.index(tag, ticks=1)
    jab = sheet.tags["jab_head"]
    assert not jab.loop
    assert sheet.index("jab_head", ticks=10_000) == jab.frames[-1]
    assert sheet.index("jab_head", ticks=0) == jab.frames[0]


def test_progress_within_a_phase_picks_that_phases_frames():
    sheet = load_sheet("dixon", variant="prime")
    for phase in ("startup", "active", "recovery"):
        for p in (0.0, 0.5, 0.99, 1.0):
            i = sheet.index("cross_head", phase=phase, progress=p)
            assert sheet.frames[i].phase == phase
    first = sheet.index("cross_head", phase="startup", progress=0.0)
    last = sheet.index("cross_head", phase="startup", progress=1.0)
    assert first < last


def test_facing_left_is_the_mirror_image_with_a_mirrored_anchor():
    sheet = load_sheet("rocky", variant="prime")
    right, (ax, ay) = sheet.frame("jab_head", 1, phase="active", progress=0.0)
    left, (bx, by) = sheet.frame("jab_head", -1, phase="active", progress=0.0)
    assert left.get_size() == right.get_size()
    assert (bx, by) == (right.get_width() - ax, ay)
    w = right.get_width()
    for x, y in ((w // 4, right.get_height() // 3), (w - 5, right.get_height() // 2)):
        assert right.get_at((x, y)) == left.get_at((w - 1 - x, y))
    # The punch reaches towards the facing: the glove is right of the feet facing right.
    i = sheet.index("jab_head", phase="active", progress=0.0)
    _, hit_r = sheet.boxes(i, 1)
    _, hit_l = sheet.boxes(i, -1)
    assert hit_r is not None and hit_l is not None
    assert hit_r[0] > 0 and hit_l[0] + hit_l[2] < 0


def test_veteran_is_used_from_45():
    assert load_sheet("rocky", 60).variant == "veteran"
    assert load_sheet("rocky", 30).variant == "prime"
    assert load_sheet("rocky", 44).variant == "prime"
    assert load_sheet("rocky", 45).variant == "veteran"


def test_sheets_stay_small():
    total = sum(p.stat().st_size for p in (ASSETS / "sprites").glob("*.*"))
    assert total < 12 * 1024 * 1024, f"sprite assets are {total / 1e6:.1f} MB"
