"""How the drills draw: the hanging bag and beef turn about their hook, cheaply."""
from __future__ import annotations

import numpy as np
import pygame
import pytest

from tests.spies import blit_texts


@pytest.fixture()
def app():
    from game.app import App
    from game.settings import Settings

    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()


def _padded_reference(surface, name, pivot, angle_deg):
    """The old way: pad the picture so its hook is the centre, rotate all of it."""
    from game.states.training.art import art

    img = art(name)
    w, h = img.get_size()
    pad = pygame.Surface((max(w, 2 * h), 2 * h), pygame.SRCALPHA)
    pad.blit(img, (pad.get_width() // 2 - w // 2, h))
    rot = pygame.transform.rotate(pad, round(angle_deg))
    surface.blit(rot, rot.get_rect(center=pivot))


def _ink_centre(surface):
    a = pygame.surfarray.array_alpha(surface).astype(float)
    ys, xs = np.mgrid[0:a.shape[1], 0:a.shape[0]]
    return (a.T * xs).sum() / a.sum(), (a.T * ys).sum() / a.sum()


@pytest.mark.parametrize("name", ["heavy_bag", "beef"])
@pytest.mark.parametrize("angle", [-28.0, -9.4, 0.0, 3.6, 17.0, 30.0])
def test_a_hanging_picture_turns_about_its_hook(app, name, angle):
    from game.states.training.views.bag import draw_hanging

    pivot = (640, 90)
    new = pygame.Surface((1280, 900), pygame.SRCALPHA)
    old = pygame.Surface((1280, 900), pygame.SRCALPHA)
    draw_hanging(new, name, pivot, angle)
    _padded_reference(old, name, pivot, angle)
    (nx, ny), (ox, oy) = _ink_centre(new), _ink_centre(old)
    assert abs(nx - ox) < 1.0 and abs(ny - oy) < 1.0
    from game.states.training.art import art, rotated

    w, h = art(name).get_size()  # only the picture was turned, not a padded square
    turned = rotated(name, round(angle), step_deg=1)  # the cached picture draw_hanging blitted
    assert turned.get_width() * turned.get_height() <= (w + h) ** 2


def _steps_with_spy(app, monkeypatch):
    """The museum steps drill over the menu, with every text its view draws recorded."""
    from game.states.training.views import steps as steps_view

    said = blit_texts(monkeypatch, steps_view)
    app.stack.push("menu")
    return said, app.stack.push("drill", drill_id="museum_steps", fighter_id="rocky", age=60)


def test_the_steps_say_stumble_only_after_a_stumble(app, monkeypatch):
    """Seen on the museum steps: "STUMBLE!" stood behind the drill's card and over the
    countdown before a single step (the rules began with a stumble ending at -1 s)."""
    from game.input.actions import Action, ActionEvent
    said, scene = _steps_with_spy(app, monkeypatch)
    scene.draw(app.screen, 0.0)  # the card
    assert "STUMBLE!" not in said and "3" not in said  # nor the countdown behind the card
    scene.handle(ActionEvent(Action.CONFIRM))  # start: the countdown
    for t_s in (-2.5, -1.5, -0.5):
        scene.t_s = t_s
        scene.draw(app.screen, 0.0)
    assert scene.phase == "play" and "STUMBLE!" not in said and "3" in said
    scene.rules.stumble_until_s = 0.6  # a real stumble (the same foot twice) does show
    scene.t_s = 0.2
    scene.draw(app.screen, 0.0)
    assert "STUMBLE!" in said


def test_the_steps_stride_panel_is_drawn_in_play_only(app, monkeypatch):
    """Seen on the museum steps: the STRIDE panel showed through the bottom of the drill's card
    (and under its PRESS F TO START) before play began."""
    from game.input.actions import Action, ActionEvent
    said, scene = _steps_with_spy(app, monkeypatch)
    scene.draw(app.screen, 0.0)  # the card
    assert scene.phase == "card" and "STRIDE" not in said
    scene.handle(ActionEvent(Action.CONFIRM))
    scene.t_s = 0.5
    scene.draw(app.screen, 0.0)
    assert scene.phase == "play" and "STRIDE" in said


@pytest.mark.parametrize("drill_id", ["heavy_bag", "speed_bag", "jump_rope", "mitts"])
def test_the_note_lane_is_drawn_in_play_only(app, monkeypatch, drill_id):
    """Seen on the speed bag and the jump rope: the lane's NOW ring showed through the bottom
    of the drill's card before play began (as the steps' STRIDE panel did)."""
    from game.input.actions import Action, ActionEvent
    from game.states.training import hud

    lanes: list[float] = []
    real = hud.note_lane
    monkeypatch.setattr(hud, "note_lane", lambda s, f, r, t_s, *a, **k: (lanes.append(t_s),
                                                                          real(s, f, r, t_s, *a,
                                                                               **k)))
    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id=drill_id, fighter_id="rocky", age=60)
    scene.draw(app.screen, 0.0)
    assert scene.phase == "card" and lanes == []
    scene.handle(ActionEvent(Action.CONFIRM))
    scene.t_s = 0.5
    scene.draw(app.screen, 0.0)
    assert scene.phase == "play" and lanes
