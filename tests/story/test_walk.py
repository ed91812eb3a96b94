"""Walking: 8 directions at one speed, sliding along walls, what Rocky can reach, doors."""
from __future__ import annotations

import math

from game.world.tilemap import ThingDef, load_world_map
from game.world.walk import WALK_PX_PER_TICK, Walker, door_under, nearest_thing, npc_feet

BOUNDS = (2000, 2000)


def test_diagonal_walking_is_no_faster_than_straight():
    w = Walker(500, 500)
    w.step(1, 1, [], BOUNDS)
    assert math.isclose(math.hypot(w.x_px - 500, w.y_px - 500), WALK_PX_PER_TICK, rel_tol=1e-6)


def test_walking_into_a_wall_diagonally_slides_along_it():
    wall = (0.0, 400.0, 2000.0, 64.0)  # a wall just above
    w = Walker(500, 480)
    for _ in range(30):
        w.step(1, -1, [wall], BOUNDS)
    assert w.y_px >= 464 + 10 - 0.5  # never inside the wall
    assert w.x_px > 500 + 20 * WALK_PX_PER_TICK * 0.7  # kept moving along it


def test_the_map_edge_holds_and_facing_follows_input():
    w = Walker(30, 30)
    for _ in range(20):
        w.step(-1, 0, [], BOUNDS)
    assert w.x_px >= 18 and w.facing == "left"
    w.step(0, 1, [], BOUNDS)
    assert w.facing == "down" and w.moving
    w.step(0, 0, [], BOUNDS)
    assert not w.moving and w.frame == 0


def test_walk_cycle_advances_while_moving():
    w = Walker(500, 500)
    frames = set()
    for _ in range(40):
        w.step(1, 0, [], BOUNDS)
        frames.add(w.frame)
    assert frames == {0, 1, 2, 3}


def test_rocky_reaches_paulie_across_the_bar_and_prefers_what_he_faces():
    m = load_world_map("adrians")
    paulie = next(t for t in m.of_type("npc") if t.name == "paulie")
    x, y = npc_feet(paulie)
    w = Walker(x, 270, "up")  # pressed against the bar counter, under the TV's corner
    assert nearest_thing(w, m.things) is paulie
    w.facing = "down"
    far = Walker(x + 900, y + 600)
    assert nearest_thing(far, [paulie]) is None


def test_the_bar_tv_is_in_reach_from_a_step_back_from_the_counter():
    """A player walks up to the bar under the TV and stops roughly there: the TV's prompt must
    not need Rocky pressed flush against the counter."""
    m = load_world_map("adrians")
    tv = next(t for t in m.of_type("interact") if t.name == "tv")
    x = tv.centre_px[0]
    w = Walker(x, 600, "up")
    for _ in range(200):  # walk up until the counter stops him
        w.step(0, -1, list(m.walls_px), m.size_px)
    counter_y = w.y_px
    w = Walker(x, counter_y + 24, "up")  # a step short of the counter
    assert nearest_thing(w, m.things) is tv


def test_stepping_on_the_front_door_finds_it():
    m = load_world_map("adrians")
    door = next(t for t in m.of_type("door"))
    cx, cy = door.centre_px
    assert door_under(Walker(cx, cy), m.of_type("door")) is door
    assert door_under(Walker(cx, cy - 200), m.of_type("door")) is None


def test_thing_centre():
    t = ThingDef(1, "interact", "x", (0.0, 0.0, 64.0, 128.0), {})
    assert t.centre_px == (32.0, 64.0)


def test_people_turn_along_the_larger_offset():
    from game.world.walk import face_toward

    assert face_toward(22, -100) == "up" and face_toward(-90, 10) == "left"
    assert face_toward(0, 5) == "down" and face_toward(40, -3) == "right"
