"""Toasts on the real screens: never over what the player can press.

Seen by playing: a toast (a pad connected, a screenshot saved) covered the Versus results'
buttons and Settings' Back for its 4 s."""
from __future__ import annotations

import itertools

import pygame
import pytest

from game.bout.setup import BoutSetup, SideSetup
from game.combat.view import Result


def drawn_toasts(app, monkeypatch, texts: list[str]) -> list[pygame.Rect]:
    """Draw the top scene and the app's overlays; the rectangles the toasts took."""
    from game.ui import widgets

    drawn: list[pygame.Rect] = []
    real = widgets.draw_toast

    def spy(surface, fonts, text, y):
        rect = real(surface, fonts, text, y)
        drawn.append(rect)
        return rect

    monkeypatch.setattr(widgets, "draw_toast", spy)
    for text in texts:
        app.toast(text)
    app.stack.draw(app.screen, 0.0)
    app._draw_overlays()
    return drawn


def _results(app):
    setup = BoutSetup((SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu")),
                      rounds=2, seed=7)
    res = Result(1, "UD", 2, 180.0, (((9, 10), (9, 10)),) * 3)
    return app.stack.push("versus_results", setup=setup, result=res)


SCENES = {
    "settings": lambda app: app.stack.push("settings"),
    "versus_results": _results,
    "menu": lambda app: app.stack.push("menu"),
    "pause": lambda app: (app.stack.push("menu"), app.stack.push("pause"))[1],
    "versus_select": lambda app: app.stack.push("versus_select"),
    "virtual_fight": lambda app: app.stack.push("virtual_fight"),
    "controls": lambda app: app.stack.push("controls", player=0),
    "training": lambda app: app.stack.push("training"),
    "story_slots": lambda app: app.stack.push("story"),
}
ONE = ["Pad connected: player 2"]
THREE = ["Damaged file story_1.json: invalid JSON at line 2: Expecting value. " * 2,
         "Screenshot saved", "Controller for player 2 disconnected"]


@pytest.mark.parametrize("texts", [ONE, THREE], ids=["one", "three"])
@pytest.mark.parametrize("name", list(SCENES))
def test_a_toast_covers_none_of_the_screens_controls(app, monkeypatch, name, texts) -> None:
    scene = SCENES[name](app)
    app.stack.draw(app.screen, 0.0)  # the controls' rectangles come from a draw
    controls = scene.control_rects()
    assert controls, f"{name} says where none of its controls are"
    drawn = drawn_toasts(app, monkeypatch, texts)
    assert len(drawn) == len(texts)
    for toast in drawn:
        assert app.screen.get_rect().contains(toast), (name, toast)
        hit = [c for c in controls if toast.colliderect(c)]
        assert not hit, f"{name}: toast {toast} covers {hit}"
    for a, b in itertools.pairwise(drawn):
        assert not a.colliderect(b)


def test_settings_back_and_the_results_buttons_are_controls(app) -> None:
    """The two seen by playing, by their own rectangles: the test above looks at these."""
    settings = app.stack.push("settings")
    app.stack.draw(app.screen, 0.0)
    assert settings.menu.rects[-1] in settings.control_rects()  # Back, the bottom row
    results = _results(app)
    app.stack.draw(app.screen, 0.0)
    assert all(r in results.control_rects() for r in results.rects)
    assert max(r.bottom for r in results.rects) > 640  # the row the old toast sat on


def test_with_no_controls_the_toast_keeps_its_place_at_the_bottom(app, monkeypatch) -> None:
    from game.states.base import Scene
    from game.ui.widgets import TOAST_BOTTOM_PX

    app.stack.push(Scene())
    (toast,) = drawn_toasts(app, monkeypatch, ONE)
    assert toast.bottom == TOAST_BOTTOM_PX
