"""The ring renderer: draws every model action, reads views without changing anything, and its
timing effects (hit-stop, slow motion) only decide how many model steps a tick takes."""

from __future__ import annotations

import math

import pygame
import pytest
from ring_fakes import fight, fighter

from game.combat.view import Event
from game.render.boxer_pose import make_pose
from game.render.camera import Camera
from game.render.effects import Effects
from game.render.fight import RingRenderer
from game.render.fighters import sprite_tag
from game.states.ring.timing import PresentationTiming

ACTIONS = (
    "idle",
    "walk_in",
    "walk_out",
    "jab",
    "cross",
    "hook",
    "uppercut",
    "guard_high",
    "guard_low",
    "slip_left",
    "slip_right",
    "duck",
    "step_back",
    "hit_head",
    "hit_body",
    "block",
    "hurt",
    "clinch",
    "knockdown",
    "down",
    "getup",
    "celebrate",
    "dejected",
)


def test_sprite_tags_split_punches_by_target() -> None:
    assert sprite_tag("hook", "body") == "hook_body"
    assert sprite_tag("jab", "head") == "jab_head"
    assert sprite_tag("duck", None) == "duck"


@pytest.mark.parametrize("action", ACTIONS)
def test_every_model_action_has_a_finite_pose(action: str) -> None:
    for phase in (None, "startup", "active", "recovery"):
        for progress in (0.0, 0.5, 1.0):
            pose = make_pose(action, "body", phase, progress, 12, 0.5)
            for value in vars(pose).values():
                pts = value if isinstance(value, tuple) else (value,)
                assert all(math.isfinite(v) for v in pts)


def test_heavy_punch_winds_up_before_it_extends() -> None:
    """The tell: in its startup a hook's glove goes back before it comes forward."""
    rest = make_pose("idle", None, None, 0.0, 0).lead_glove[0]
    windup = make_pose("hook", "head", "startup", 0.4, 5).lead_glove[0]
    active = make_pose("hook", "head", "active", 0.5, 12).lead_glove[0]
    assert windup < rest < active


def test_presentation_timing_hitstop_then_slowmo() -> None:
    t = PresentationTiming()
    assert t.steps_this_tick() == 1
    t.hitstop(3)
    assert [t.steps_this_tick() for _ in range(3)] == [0, 0, 0]
    t.slowmo(30, 1 / 3)
    steps = [t.steps_this_tick() for _ in range(30)]
    assert sum(steps) == 10 and max(steps) == 1
    assert t.steps_this_tick() == 1


def test_scene_timing_holds_a_heavy_punch_and_slows_a_knockdown_but_not_a_jab() -> None:
    t = PresentationTiming()
    t.react([Event("punch_landed", 0, "jab", "head", 0.05, 0)])
    assert not t.active
    t.react([Event("punch_landed", 0, "hook", "head", 0.1, 0)])
    assert t.hitstop_ticks == 4
    t.react([Event("knockdown", 1, None, None, 0.0, 60)])
    assert t.hitstop_ticks == 6 and t.slowmo_ticks == 60
    steps = [t.steps_this_tick() for _ in range(66)]
    assert steps[:6] == [0] * 6 and 17 <= sum(steps) <= 18  # 60 slow ticks at 0.3 a tick


def test_camera_stays_inside_the_map_and_eases_to_target() -> None:
    cam = Camera((0, 0, 1600, 896), 800, 430)
    cam.follow(5000, 430)
    for _ in range(200):
        cam.step()
    assert cam.pose.x_px == pytest.approx(1600 - 640)
    cam.follow(800, 430, 1.2)
    cam.step()
    assert 1.0 < cam.pose.zoom < 1.2


def test_sparks_fade_out() -> None:
    fx = Effects(seed=1)
    fx.hit(100, 100, 1.0, 1)
    assert fx.particles
    for _ in range(60):
        fx.step()
    assert not fx.particles


def test_drawing_changes_nothing_it_reads(display: pygame.Surface) -> None:
    r = RingRenderer(
        ("rocky", "dixon"), (60, 30), ("Rocky", "Dixon"), ("P1", "CPU"), use_sprites=False
    )
    v = fight(
        fighter(-50, 1, "hook", target="head", phase="active"),
        fighter(40, -1, "hit_head", action_ticks=2),
    )
    r.on_events([Event("punch_landed", 0, "hook", "head", 0.1, -50)], v)
    for _ in range(3):
        r.step(v)
    before = (
        vars(r.camera.pose).copy(),
        len(r.effects.particles),
        r.arena.excitement,
        list(r.hud.shown[1]),
    )
    r.draw(display, v, v, 0.5)
    r.draw(display, v, v, 0.9)
    after = (
        vars(r.camera.pose).copy(),
        len(r.effects.particles),
        r.arena.excitement,
        list(r.hud.shown[1]),
    )
    assert before == after


def test_knockdown_pushes_the_camera_in_and_slows_time(display: pygame.Surface) -> None:
    r = RingRenderer(
        ("rocky", "dixon"), (60, 30), ("Rocky", "Dixon"), ("P1", "CPU"), use_sprites=False
    )
    v = fight(
        fighter(-30, 1),
        fighter(60, -1, "down", action_ticks=40),
        count=3,
        downed_side=1,
        getup_progress=0.2,
    )
    r.on_events([Event("knockdown", 1, None, None, 0.0, 60)], v)
    for _ in range(120):
        r.step(v)
    assert r.camera.pose.zoom > 1.05
    r.draw(display, v, v, 0.0)  # the zoomed path draws too


def _row_colours(surface: pygame.Surface, x0: int, x1: int, y: int) -> set:
    return {tuple(surface.get_at((x, y)))[:3] for x in range(x0, x1)}


def test_hud_bars_differ_by_shape_not_only_colour(display: pygame.Surface) -> None:
    from game.render.hud import BAR_W_PX, LABEL_W_PX, FightHud

    hud = FightHud(("Rocky", "Dixon"), ("P1", "CPU"), (60, 30))
    v = fight()
    hud.step(v)
    display.fill((0, 0, 0))
    hud.draw(display, v)
    x0 = 16 + 20 + LABEL_W_PX + 20
    x1 = x0 + BAR_W_PX // 2
    stamina = _row_colours(display, x0, x1, 12 + 90 + 8)  # striped
    head = _row_colours(display, x0, x1, 12 + 40 + 10)  # solid (notches sit lower)
    assert len(stamina) >= 2 and len(head) == 1


def test_low_head_bar_shows_a_warning_mark(display: pygame.Surface) -> None:
    from game.render.hud import BAR_W_PX, LABEL_W_PX, FightHud

    hud = FightHud(("Rocky", "Dixon"), ("P1", "CPU"), (60, 30))
    v = fight(fighter(-60, 1, health_head=0.1))
    for _ in range(30):
        hud.step(v)
    display.fill((0, 0, 0))
    hud.draw(display, v)
    bx = 16 + 20 + LABEL_W_PX
    mark = _row_colours(display, bx + BAR_W_PX - 28, bx + BAR_W_PX - 4, 12 + 58)
    assert (213, 94, 0) in mark or (244, 240, 232) in mark  # the triangle, blinking


@pytest.mark.parametrize("downed", [0, 1])
def test_referee_counts_between_the_two_men_and_points_to_a_neutral_corner(downed: int) -> None:
    r = RingRenderer(
        ("rocky", "dixon"), (60, 30), ("Rocky", "Dixon"), ("P1", "CPU"), use_sprites=False
    )
    a = fighter(-40, 1, "down" if downed == 0 else "idle")
    b = fighter(90, -1, "down" if downed == 1 else "idle")
    v = fight(a, b, count=4, downed_side=downed, getup_progress=0.1)
    for _ in range(90):
        r.step(v)
    L = r.layout
    xs = [L.model_to_world_x(-40), L.model_to_world_x(90)]
    ref = r.referee
    assert min(xs) < ref.x_px < max(xs)  # between them, not behind the downed man
    assert ref.depth_px > 0  # come round to the near side of the pair
    standing = 1 - downed
    corner = L.neutral_corner_toward(1 if xs[standing] > xs[downed] else -1)
    assert corner.side is None
    assert ref.point_x_px == corner.x_px
    assert (corner.x_px - xs[downed]) * (xs[standing] - xs[downed]) > 0  # on the standing side
    r.step(fight(fighter(-40, 1), fighter(90, -1)))  # the count is over: he stops pointing
    assert ref.point_x_px is None


def _crowd_poses(arena, front: bool = False) -> list:
    """The arena drawn in each of its six crowd poses (three levels of excitement, two bob
    phases), as pixel arrays; `front` adds the front layer (ringside, flashes)."""
    out = []
    for level in range(3):
        for phase in range(2):
            arena.crowd_level, arena.crowd_phase = level, phase
            s = pygame.Surface((1280, 720))
            arena.draw_back(s, 160, 88)
            if front:
                arena.draw_front(s, 160, 88)
            out.append(pygame.surfarray.array3d(s))
    return out


def _bytes_held(arena) -> int:
    """What the arena keeps of its backdrop: the whole world and the stands' crops."""
    return arena._back.get_pitch() * arena._back.get_height() + sum(
        c.get_pitch() * c.get_height() for c in arena._back_crops if c is not None)


def test_the_crowd_moves_but_the_backdrop_is_kept_once(display: pygame.Surface) -> None:
    """Six crowd poses (three levels of excitement, two bob phases) are one whole world and the
    box of the stands for each: the stands change from pose to pose, the rest of the world is
    the same pixels, and the layers hold well under the 34 MB of six whole worlds."""
    from game.render.ring import ArenaRenderer, clear_static_cache
    from game.world.ring_layout import load_ring_layout

    clear_static_cache()
    arena = ArenaRenderer(load_ring_layout())
    frames = _crowd_poses(arena)
    box = arena._back_box.move(-160, -88)
    for f in frames[1:]:
        diff = (f != frames[0]).any(axis=2)
        assert diff.any()  # the crowd moved
        outside = diff.copy()
        outside[max(0, box.left):box.right, max(0, box.top):box.bottom] = False
        assert not outside.any()  # nothing else did
    assert _bytes_held(arena) < 20_000_000


def test_the_gym_ring_has_no_crowd_and_the_arena_still_has_one(display: pygame.Surface,
                                                               monkeypatch) -> None:
    """Sparring at Duke's gym was fought before a full arena. The gym's backdrop paints nobody
    (walls and empty benches): every crowd pose is the same picture, no ringside heads, no
    camera flashes, one world held; the arena's stands still fill and move."""
    from game.render import ring as ring_mod
    from game.render.ring import ArenaRenderer, clear_static_cache
    from game.states.ring.scene import RingScene
    from game.states.training.spar_ring import SparringRingScene
    from game.world.ring_layout import load_ring_layout

    painted: list[str] = []
    real = ring_mod.draw_crowd
    monkeypatch.setattr(ring_mod, "draw_crowd",
                        lambda s, area, *a: (painted.append(area.name), real(s, area, *a)))

    clear_static_cache()
    gym = ArenaRenderer(load_ring_layout(), venue="gym")
    frames = _crowd_poses(gym, front=True)
    assert painted == []  # nobody in the stands or at ringside
    assert all((f == frames[0]).all() for f in frames[1:])  # nobody bobs
    gym.cheer(1.0)
    for _ in range(120):
        gym.step()
    assert gym.flashes == [] and gym._ringside == []
    assert _bytes_held(gym) < 8_000_000  # one world, no crops

    arena = ArenaRenderer(load_ring_layout())
    frames = _crowd_poses(arena, front=True)
    assert painted and any((f != frames[0]).any() for f in frames[1:])  # the arena's crowd
    assert arena._ringside
    assert SparringRingScene.venue == "gym" and RingScene.venue == "arena"
    clear_static_cache()


def test_the_gym_ring_has_no_crowd_to_hear(monkeypatch) -> None:
    from game.states.ring import scene as scene_mod
    from game.states.training.spar_ring import SparringRingScene

    heard: list[tuple] = []
    monkeypatch.setattr(scene_mod, "audio_call", lambda app, method, *a: heard.append((method, *a)))
    gym = SparringRingScene.__new__(SparringRingScene)
    gym.app = None
    for call in (("crowd", 0.8), ("play", "crowd_roar"), ("play", "bell")):
        gym._audio(*call)
    assert heard == [("crowd", 0.0), ("play", "bell")]
    heard.clear()
    arena = scene_mod.RingScene.__new__(scene_mod.RingScene)
    arena.app = None
    arena._audio("play", "crowd_roar")
    assert heard == [("play", "crowd_roar")]


def test_colour_blind_values_sit_on_a_dark_tab_even_over_a_full_bar(display: pygame.Surface) -> None:
    """Seen playing: a full stamina bar put its white "99" on sky blue, unreadable."""
    from game.render.hud import NUMBER_TAB, FightHud

    hud = FightHud(("Rocky", "Dixon"), ("P1", "CPU"), (60, 30))
    hud.numbers = True
    v = fight()
    hud.step(v)
    display.fill((0, 0, 0))
    hud.draw(display, v)
    assert len(hud.number_boxes) == 4  # head and stamina, both men
    for box in hud.number_boxes:
        assert tuple(display.get_at((box.x + 2, box.centery)))[:3] == NUMBER_TAB
