"""The ring map loads, means what the renderer assumes, and bad maps fail with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.world.ring_layout import MapError, load_ring_layout

MAP = Path(__file__).resolve().parents[2] / "levels" / "ring.tmx"


def test_ring_map_has_two_coloured_and_two_neutral_corners() -> None:
    layout = load_ring_layout()
    assert layout.corner(0).side == 0 and layout.corner(1).side == 1
    assert sum(c.side is None for c in layout.corners) == 2
    # red and blue are diagonally opposite: one at the back edge, one at the front
    ys = {layout.corner(0).y_px, layout.corner(1).y_px}
    assert ys == {layout.canvas_back_y_px, layout.canvas_front_y_px}


def test_ring_width_matches_the_combat_model() -> None:
    from game.combat.moves import load_moves

    layout = load_ring_layout()
    assert layout.model_half_width_px == pytest.approx(load_moves().model["ring_half_px"])
    # a fighter at either rope stays on the canvas, inside the posts
    left = layout.model_to_world_x(-layout.model_half_width_px)
    right = layout.model_to_world_x(layout.model_half_width_px)
    assert layout.canvas_x_px < left < layout.centre_x_px < right
    assert right < layout.canvas_x_px + layout.canvas_w_px


def test_crowd_and_camera_fit_in_the_world() -> None:
    layout = load_ring_layout()
    assert layout.crowd and all(0 <= a.depth <= 1 for a in layout.crowd)
    x, y, w, h = layout.camera_rect
    assert w >= 1280 and h >= 720
    assert layout.world_w_px >= x + w and layout.world_h_px >= y + h
    assert layout.zoom_knockdown > 1.0


def test_missing_property_names_file_object_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "ring.tmx"
    bad.write_text(
        MAP.read_text().replace('<property name="fight_line_px" type="float" value="95"/>', "")
    )
    with pytest.raises(MapError) as err:
        load_ring_layout(bad)
    msg = str(err.value)
    assert str(bad) in msg and "canvas" in msg and "fight_line_px" in msg


def test_bad_colour_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "ring.tmx"
    bad.write_text(MAP.read_text().replace('value="#ffd0312d"', 'value="red"'))
    with pytest.raises(MapError, match="pad_color"):
        load_ring_layout(bad)


def test_missing_file_is_a_map_error(tmp_path: Path) -> None:
    with pytest.raises(MapError, match="not found"):
        load_ring_layout(tmp_path / "nope.tmx")
