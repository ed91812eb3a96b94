"""The generator: look data is validated, the veteran is older, poses cover every tag, and a
drawn frame stands on its anchor."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spritegen.figure import draw_figure
from spritegen.look import LookError, load_look, veteran
from spritegen.pngpal import quantize
from spritegen.poses import LOOPING, TAGS, library, sample
from spritegen.raster import Canvas
from spritegen.sheet import PX_PER_CM, canvas_size, source_hash
from spritegen.skeleton import Pose, make_body, solve

from game.paths import ASSETS
from game.render import sprites

FIGHTERS = sorted((ASSETS / "fighters").glob("*.toml"))


def _toml(tmp_path: Path, look: str) -> Path:
    p = tmp_path / "x.toml"
    p.write_text('name = "X"\n[look]\n' + look, encoding="utf-8")
    return p


GOOD = ('skin = "#e0b48f"\nhair = "short"\nhair_color = "#2e2118"\nbuild = "heavy"\n'
        'height_cm = 178\ntrunks = "#1c2e6b"\ntrunks_trim = "#d8d8d8"\ngloves = "red"\n'
        'shoes = "#1a1a1a"\nbeard = false\n')


@pytest.mark.parametrize("path", FIGHTERS, ids=lambda p: p.stem)
def test_every_shipped_fighter_look_parses(path):
    for variant in ("prime", "veteran"):
        look = load_look(path, variant)
        assert 150 <= look.height_cm <= 215


def test_bad_look_fields_name_the_file_and_field(tmp_path):
    with pytest.raises(LookError, match=r"x\.toml.*\[look\]\.skin"):
        load_look(_toml(tmp_path, GOOD.replace('"#e0b48f"', '"plaid"')), "prime")
    with pytest.raises(LookError, match=r"x\.toml.*\[look\]\.build"):
        load_look(_toml(tmp_path, GOOD.replace('"heavy"', '"noodle"')), "prime")
    with pytest.raises(LookError, match=r"x\.toml.*\[look\]\.height_cm"):
        load_look(_toml(tmp_path, GOOD.replace("178", "17")), "prime")
    with pytest.raises(LookError, match=r"x\.toml.*\[look\]\.gloves is missing"):
        load_look(_toml(tmp_path, GOOD.replace('gloves = "red"\n', "")), "prime")


def test_veteran_is_greyer_heavier_and_stooped(tmp_path):
    prime = load_look(_toml(tmp_path, GOOD), "prime")
    old = veteran(prime)
    assert old.veteran and not prime.veteran
    assert sum(old.hair) > sum(prime.hair) + 200  # dark brown -> grey
    assert old.hair_style == "thinning"
    assert old.belly > prime.belly and old.build > prime.build and old.stoop > prime.stoop


def test_pose_library_covers_every_sheet_tag_and_loops_close():
    lib = library()
    assert set(lib) == set(TAGS) == set(sprites.TAGS)
    for tag, (start, segs) in lib.items():
        frames = sample(start, segs)
        assert len(frames) >= 3, tag
        if tag in LOOPING:
            end = frames[-1].pose
            assert vars(end) == pytest.approx(vars(start)), f"{tag} does not close its loop"


def test_poses_interpolate_numbers_and_switch_faces_half_way():
    a, b = Pose(hip_y=0.4, face="normal"), Pose(hip_y=0.5, face="hurt")
    mid = a.lerp(b, 0.5)
    assert mid.hip_y == pytest.approx(0.45)
    assert a.lerp(b, 0.49).face == "normal" and a.lerp(b, 0.5).face == "hurt"


def test_a_drawn_frame_stands_on_its_anchor(tmp_path):
    look = load_look(_toml(tmp_path, GOOD), "prime")
    body = make_body(look, PX_PER_CM)
    cw, ch, anchor = canvas_size(look)
    cv = Canvas(cw, ch, 2)
    boxes = draw_figure(cv, look, body, solve(body, Pose()), anchor)
    rgba = cv.to_rgba8()
    ys, xs = np.nonzero(rgba[..., 3] > 128)
    assert abs(int(ys.max()) - anchor[1]) <= 3, "feet are not on the floor line"
    assert abs(float(np.median(xs[ys > ys.max() - 8])) - anchor[0]) < 0.2 * body.H
    height = anchor[1] - ys.min()
    assert 0.8 * body.H < height < 1.05 * body.H
    assert boxes.head is not None and boxes.body is not None
    # Faces are drawn: the head box holds several distinct colours (eye, brow, skin tones).
    x, y, w, h = boxes.head
    colours = {tuple(c) for c in rgba[y:y + h, x:x + w].reshape(-1, 4) if c[3] == 255}
    assert len(colours) > 10


def test_palette_quantizer_keeps_common_colours_exact():
    rng = np.random.default_rng(1)
    img = np.zeros((40, 40, 4), np.uint8)
    img[:20] = (200, 30, 30, 255)
    img[20:30] = (10, 10, 10, 255)
    img[30:, :5] = rng.integers(0, 256, (10, 5, 4), dtype=np.uint8)  # noise maps to nearest
    idx, pal = quantize(img)
    out = pal[idx]
    assert (out[:30] == img[:30]).all()
    assert (idx == 0).sum() >= (img[..., 3] == 0).sum() - 50


@pytest.mark.parametrize("path", FIGHTERS, ids=lambda p: p.stem)
def test_committed_sheets_match_the_generator_and_the_fighter_file(path):
    import json

    for variant in ("prime", "veteran"):
        doc = json.loads((ASSETS / "sprites" / f"{path.stem}_{variant}.json").read_text())
        assert doc["meta"].get("source_hash") == source_hash(load_look(path, variant)), (
            f"{path.stem}_{variant} sheet is stale: run python tools/make_sprites.py")
