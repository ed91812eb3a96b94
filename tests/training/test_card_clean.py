"""Behind a drill's instructions card only its picture shows: no meter, clock or counter of
the drill peeks out beside the card or under its bottom edge, cut in half."""
from __future__ import annotations

import pytest

from game.input.actions import Action, ActionEvent
from tests.spies import blit_texts


@pytest.fixture()
def app():
    from game.app import App
    from game.settings import Settings

    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()


@pytest.mark.parametrize("drill_id, module", [("meat_locker", "locker"),
                                              ("museum_steps", "steps")])
def test_the_meters_wait_for_the_drill(app, monkeypatch, drill_id, module):
    """Seen on the cards: the meat locker's swing meter words under the card; the museum
    steps' LEGS AND LUNGS, 0 / 72 STEPS and its clock cut in half at the card's sides."""
    import importlib

    from game.states.training import hud

    view_module = importlib.import_module(f"game.states.training.views.{module}")
    calls = []
    monkeypatch.setattr(view_module.hud, "meter", lambda *a, **k: calls.append(a[4]))
    assert view_module.hud is hud
    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id=drill_id, fighter_id="rocky", age=60)
    scene.draw(app.screen, 0.0)
    assert scene.phase == "card" and not calls
    scene.handle(ActionEvent(Action.CONFIRM))
    scene.draw(app.screen, 0.0)
    assert calls  # in play the meter is there


def test_the_sparring_goal_box_stays_above_the_referees_head(app, monkeypatch):
    """Seen sparring: the BODY SHOTS box under the clock hid the head of the referee standing
    at the back of the ring."""
    from game.render import referee

    heads = []
    real = referee.Referee.draw

    def spy(self, surface, foot_x, foot_y, facing):
        heads.append(foot_y - 0.82 * self.height_px - 0.075 * self.height_px - 0.06
                     * self.height_px)  # neck, head centre, its radius
        return real(self, surface, foot_x, foot_y, facing)

    monkeypatch.setattr(referee.Referee, "draw", spy)
    app.stack.push("menu")
    drill = app.stack.push("drill", drill_id="sparring", fighter_id="rocky", age=60)
    drill.handle(ActionEvent(Action.CONFIRM))
    ring = app.stack.top
    assert ring.name == "spar_ring"
    for _ in range(30):
        app.stack.update(app.tick)
        app.tick += 1
    ring.draw(app.screen, 0.0)
    assert heads and ring.goal_rect is not None
    assert ring.goal_rect.bottom <= min(heads)
    assert ring.goal_rect.top >= 156  # under the knockdown boxes


@pytest.mark.parametrize("drill_id", __import__("game.training", fromlist=["list_drills"])
                         .list_drills())
def test_no_words_on_a_drills_card_touch(app, monkeypatch, drill_id):
    """Seen on the heavy bag's card: "On the beat: PERFECT within 50 ms..." ran into the
    bottom of PRESS F TO START."""
    import itertools

    from game.states.training import cards

    drawn = blit_texts(monkeypatch, cards, lambda text, colour, rect: (text, rect))
    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id=drill_id, fighter_id="rocky", age=60)
    cards.instructions(app.screen, app.fonts, scene)
    clash = [(a[0], b[0]) for a, b in itertools.combinations(drawn, 2) if a[1].colliderect(b[1])]
    assert not clash


@pytest.mark.parametrize("drill_id", __import__("game.training", fromlist=["list_drills"])
                         .list_drills())
def test_no_words_of_the_drill_stick_out_beside_its_card(app, monkeypatch, drill_id):
    """Seen beside the mitts' card: "ERY MOVE", the end of HE CALLS EVERY MOVE, cut by the
    card's edge. On the card every word the drill's picture writes is under the card."""
    import importlib
    import pkgutil

    import pygame

    from game.states.training import views

    card = pygame.Rect(140, 70, 1000, 570)
    modules = [importlib.import_module(f"game.states.training.views.{info.name}")
               for info in pkgutil.iter_modules(views.__path__)]
    drawn = [blit_texts(monkeypatch, m, lambda text, colour, rect: (text, rect))
             for m in modules if hasattr(m, "blit_text")]
    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id=drill_id, fighter_id="rocky", age=60)
    scene.draw(app.screen, 0.0)
    outside = [text for texts in drawn for text, rect in texts if not card.contains(rect)]
    assert scene.phase == "card" and not outside


@pytest.mark.parametrize("drill_id", __import__("game.training", fromlist=["list_drills"])
                         .list_drills())
def test_the_card_names_each_key_as_the_lane_does(drill_id):
    """Seen on the speed bag: the card said F "Left hand", G "Right hand", and the notes in
    the lane said JAB and CROSS."""
    from game.states.training.hud import MOVE_LABELS
    from game.training import load_drill

    for action, text in load_drill(drill_id).keys:
        if action in MOVE_LABELS:
            assert MOVE_LABELS[action].lower() in text.lower(), (action, text)


def test_the_heavy_bags_call_reads_over_the_gym(app):
    """Seen on the heavy bag: the window, a poster and the ring post read through THE CALL
    (JAB, JAB, CROSS). Over white or black, its back is nearly the same dark."""
    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id="heavy_bag", fighter_id="rocky", age=60)
    scene.handle(ActionEvent(Action.CONFIRM))
    for _ in range(600):  # until the trainer calls the first combination
        app.stack.update(app.tick)
        app.tick += 1
        if scene.rules.upcoming(scene.t_s, ahead_s=2.0):
            break
    t = scene.t_s
    assert scene.rules.upcoming(t, ahead_s=2.0)
    backs = []
    for colour in ((255, 255, 255), (0, 0, 0)):
        app.screen.fill(colour)
        scene.view._calls(app.screen, t)
        backs.append(app.screen.get_at((1250, 116))[:3])
    assert max(abs(a - b) for a, b in zip(*backs, strict=True)) <= 30


@pytest.mark.parametrize("drill_id", ["jump_rope", "sparring"])
def test_stopping_a_drill_from_its_pause_goes_back_to_the_training_menu(app, drill_id):
    """Seen in the pause of a jump rope drill: "Quit to menu" asked "Leave this fight? The
    bout in progress will be lost." and went out to the main menu. It asks to stop the drill
    and goes back to the Training menu (from sparring's ring too)."""
    app.stack.push("menu")
    menu = app.stack.push("training")
    menu.select_drill(drill_id)
    menu.handle(ActionEvent(Action.CONFIRM))
    drill = app.stack.top
    drill.handle(ActionEvent(Action.CONFIRM))  # start
    app.stack.top.handle(ActionEvent(Action.PAUSE))
    pause = app.stack.top
    assert pause.name == "pause" and "fight" not in pause.quit_question
    pause.menu.select_key("quit")
    pause.handle(ActionEvent(Action.CONFIRM))
    confirm = app.stack.top
    assert confirm.name == "confirm" and "bout" not in confirm.detail
    confirm.on_yes()
    assert app.stack.top is menu


def test_the_mitts_level_words_sit_on_a_dark_back(app, monkeypatch):
    """HE CALLS EVERY MOVE, gold on the gym's bright window, did not read."""
    from game.states.training.views import mitts

    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id="mitts", fighter_id="rocky", age=60)
    scene.handle(ActionEvent(Action.CONFIRM))
    backs = []
    real = mitts.art
    for colour in ((255, 255, 255), (0, 0, 0)):
        flat = __import__("pygame").Surface((1280, 720))
        flat.fill(colour)
        monkeypatch.setattr(mitts, "art", lambda name, _f=flat: _f if name == "gym" else
                            real(name))
        scene.view.draw(app.screen, 0.5)
        backs.append(app.screen.get_at((1248, 103))[:3])  # inside the back, right of the text
    assert max(abs(a - b) for a, b in zip(*backs, strict=True)) <= 70
