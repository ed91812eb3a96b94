"""The drill scenes, headless: scripted players through the real scene, the cards, the menu."""
from __future__ import annotations

import pygame
import pytest

from game.input.actions import Action, ActionEvent
from game.train_cli import main as train_main
from game.train_cli import run_headless
from game.training import GRADES, list_drills, load_drill
from game.training.best import best_path, load_best
from tests.spies import blit_texts

RHYTHM_AND_STAMINA = [d for d in list_drills() if load_drill(d).kind != "sparring"]
SPARRING = [d for d in list_drills() if load_drill(d).kind == "sparring"]


@pytest.fixture()
def app():
    from game.app import App
    from game.settings import Settings

    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()


@pytest.mark.parametrize("drill_id", RHYTHM_AND_STAMINA)
def test_scripted_players_get_their_grades_through_the_real_scene(drill_id, app):
    grades = {}
    for mode in ("perfect", "sloppy", "idle"):
        scene, _ = run_headless(drill_id, mode, seed=3, app=app)
        grades[mode] = scene.result.grade
        app.stack.clear()
    assert grades["perfect"] == GRADES[0]
    assert grades["idle"] == GRADES[-1]
    assert grades["sloppy"] in GRADES[1:-1]


def test_cli_prints_score_and_grade(capsys):
    assert train_main(["speed_bag", "--headless", "--autoplay", "perfect"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    words = last.split()
    assert words[0] == "score" and int(words[1]) > 0 and words[2:] == ["grade", "Champion"]


def test_cli_lists_the_drills(capsys):
    assert train_main(["--list"]) == 0
    assert capsys.readouterr().out.split() == list_drills()


def test_cli_rejects_an_unknown_drill(capsys):
    assert train_main(["tractor_pull", "--headless", "--autoplay", "idle"]) == 2
    err = capsys.readouterr().err
    assert "no such drill 'tractor_pull'" in err
    assert err.count("\n") == 1 and "/" not in err and "[" not in err  # no path, no repr list
    assert all(d in err for d in list_drills())


def _drill(app, drill_id="speed_bag", **kw):
    app.stack.push("menu")
    return app.stack.push("drill", drill_id=drill_id, fighter_id="rocky", age=60, **kw)


def _tick(app, n=1):
    for _ in range(n):
        app.stack.update(app.tick)
        app.tick += 1


def test_the_card_shows_the_players_own_keys(app):
    from game.states.training.keys import key_label

    app.settings.bindings[0]["jab"] = ["j"]
    scene = _drill(app)
    assert scene.phase == "card"
    assert key_label(app.settings, "jab") == "J"
    scene.draw(app.screen, 0.0)  # draws with the rebound key without error
    scene.handle(ActionEvent(Action.CONFIRM))
    assert scene.phase == "play"


def test_a_human_press_on_the_beat_scores_and_a_new_best_is_saved(app):
    scene = _drill(app)
    scene.handle(ActionEvent(Action.CONFIRM))
    first = None
    while first is None:
        _tick(app)
        notes = scene.rules.upcoming(scene.now_s(), ahead_s=10)
        first = notes[0] if notes else None
    while scene.now_s() < first.t_s - 1 / 120:
        _tick(app)
    scene.handle(ActionEvent(Action.JAB))
    scene.handle(ActionEvent(Action.JAB, pressed=False))
    assert scene.rules.counts["perfect"] == 1
    while scene.phase != "results":
        _tick(app)
    assert scene.new_best and scene.result.score == scene.rules.score > 0
    best, msg = load_best()
    assert msg is None and best.get("speed_bag", "rocky") == scene.result.score


def test_pause_stops_the_drill_clock(app):
    scene = _drill(app)
    scene.handle(ActionEvent(Action.CONFIRM))
    _tick(app, 30)
    before = scene.now_s()
    scene.handle(ActionEvent(Action.PAUSE))
    assert app.stack.top.name == "pause"
    for _ in range(120):  # the clock (ticks here) runs on while paused ...
        scene.clock.advance()
    app.stack.pop()
    assert scene.now_s() == pytest.approx(before, abs=1e-9)  # ... but the drill's time does not


def test_retry_starts_a_fresh_session_and_back_calls_on_finish_once(app):
    got = []
    scene, _ = run_headless("mitts", "perfect", seed=2, app=app)
    scene.on_finish = got.append
    first = scene.result
    _tick(app, 30)
    scene.handle(ActionEvent(Action.CONFIRM))  # retry
    assert scene.phase == "play" and scene.rules.score == 0 and scene.attempts == 2
    while scene.phase != "results":
        _tick(app)
    _tick(app, 30)
    scene.handle(ActionEvent(Action.BACK))
    assert len(got) == 1 and got[0].drill_id == "mitts" and got[0].grade == first.grade
    assert scene not in app.stack.scenes


@pytest.mark.parametrize("every_ticks", [7, 18])  # eight and three presses a second
def test_mashing_the_jab_key_through_the_end_is_not_a_retry(app, every_ticks):
    """F is jab and confirm: a player still hammering it when the drill ends stays on the
    results; one press after half a second's pause is a retry."""
    scene, _ = run_headless("mitts", "perfect", seed=2, app=app)
    for _ in range(12):  # presses through the results card
        scene.handle(ActionEvent(Action.CONFIRM))
        _tick(app, every_ticks)
    assert scene.phase == "results" and scene.attempts == 1
    _tick(app, 30 - every_ticks)
    scene.handle(ActionEvent(Action.CONFIRM))
    assert scene.phase == "play" and scene.attempts == 2


def test_scripted_runs_leave_the_best_scores_alone(app):
    run_headless("jump_rope", "perfect", app=app)
    assert not best_path().exists()


def test_a_damaged_best_file_is_moved_aside_and_said(app):
    best_path().parent.mkdir(parents=True, exist_ok=True)
    best_path().write_text("[1, 2", encoding="utf-8")
    _drill(app)
    assert any("best_scores.json" in text for text, _ in app._toasts)
    assert list(best_path().parent.glob("best_scores.json.corrupt-*"))


def test_training_menu_opens_the_chosen_drill_for_the_chosen_fighter(app):
    app.stack.push("menu")
    menu = app.stack.push("training")
    menu.handle(ActionEvent(Action.DOWN))  # speed bag
    for _ in range(len(menu.drills) - 1):
        menu.handle(ActionEvent(Action.DOWN))  # ... down to the fighter row
    menu.handle(ActionEvent(Action.RIGHT))
    fighter = menu.fighter_id
    assert fighter != "rocky"
    menu.handle(ActionEvent(Action.DOWN))  # age row
    menu.handle(ActionEvent(Action.LEFT))
    age = menu.age
    menu.handle(ActionEvent(Action.DOWN))  # wraps to the heavy bag
    menu.handle(ActionEvent(Action.CONFIRM))
    drill = app.stack.top
    assert drill.name == "drill" and drill.drill.id == "heavy_bag"
    assert drill.fighter.fighter_id == fighter and drill.age == age
    menu.draw(app.screen, 0.0)


@pytest.mark.parametrize("drill_id", RHYTHM_AND_STAMINA)
def test_every_drill_draws_in_every_phase(drill_id, app):
    scene = _drill(app, drill_id, autoplay="sloppy")
    for _ in range(3):
        scene.draw(app.screen, 0.5)
        _tick(app, 400)
    while scene.phase != "results":
        _tick(app, 30)
    scene.draw(app.screen, 0.0)
    assert app.screen.get_at((640, 360)) != pygame.Color(0, 0, 0)


@pytest.mark.parametrize("drill_id", SPARRING)
def test_sparring_runs_a_real_bout_and_grades_the_scripted_boxers(app, drill_id):
    grades, taken = {}, {}
    for mode in ("perfect", "sloppy", "idle"):
        scene, _ = run_headless(drill_id, mode, seed=3, app=app)
        grades[mode] = (scene.result.grade, scene.rules.counts["perfect"])
        taken[mode] = scene.rules.counts["taken"]
        assert scene.phase == "results" and app.stack.top is scene  # the ring popped itself
        scene.draw(app.screen, 0.0)  # the results card, with the goal's own count
        app.stack.clear()
    if drill_id == "sparring":
        assert grades["perfect"] == ("Champion", 10)  # stopped at the tenth body shot
    assert grades["perfect"][0] == "Champion"
    assert grades["idle"][0] == "Bum"
    assert grades["sloppy"][0] in GRADES[1:-1]
    if drill_id == "sparring_survive":
        assert taken["idle"] > taken["perfect"]  # standing there is not surviving


@pytest.mark.parametrize(("drill_id", "goal"), [
    ("sparring", ("BODY SHOTS", "0 / 10")),
    ("sparring_survive", ("SURVIVE: HITS TAKEN / KNOCKDOWNS", "0 / 0")),
    ("sparring_cards", ("WIN IT ON THE CARDS: PUNCHES LANDED", "0 - 0")),
])
def test_a_human_spars_in_the_ring_with_the_goal_on_screen(app, drill_id, goal):
    scene = _drill(app, drill_id)
    scene.draw(app.screen, 0.0)  # the card, with every key of the ring
    scene.handle(ActionEvent(Action.CONFIRM))
    ring = app.stack.top
    assert ring.name == "spar_ring" and ring.setup.sides[0].control == "human1"
    assert ring.setup.sides[0].fighter_id == "rocky" and ring.setup.sides[0].age == 60
    assert ring.goal(ring.session) == goal
    # the gym's ring is lettered for the gym, not for fight night (seen on the apron)
    apron = ring.renderer.arena.apron_text
    assert "SPARRING" in apron and "FIGHT NIGHT" not in apron
    _tick(app, 5)
    ring.draw(app.screen, 0.0)


def test_a_drill_opened_on_its_own_goes_back_to_the_training_menu(app):
    app.stack.push("train_heavy_bag")
    app.stack.top.handle(ActionEvent(Action.BACK))
    assert [s.name for s in app.stack.scenes] == ["training"]


@pytest.mark.parametrize("scene_name, drill_id", [("train_jump_rope", "jump_rope"),
                                                   ("train_sparring", "sparring")])
def test_escape_from_a_drill_opened_with_scene_lands_in_the_training_menu(app, scene_name,
                                                                           drill_id):
    """`--scene train_jump_rope` opens the drill over the main menu; Esc on its card went
    straight back to the main menu. It goes to the Training menu, on that drill, and Esc
    there goes on to the main menu."""
    esc = {"key": pygame.K_ESCAPE, "mod": 0, "scancode": 0, "unicode": ""}

    def tap_escape():
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, esc))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, esc))
        app._events()

    app.running = True
    app._start(scene_name)  # what `python main.py --scene <name>` builds
    assert [s.name for s in app.stack.scenes] == ["menu", scene_name]
    tap_escape()
    assert [s.name for s in app.stack.scenes] == ["menu", "training"]
    assert app.stack.top.row == drill_id
    tap_escape()
    assert [s.name for s in app.stack.scenes] == ["menu"]


def test_the_escape_key_goes_back_from_the_card_and_the_results(app):
    """Seen playing: on the results card (and the drill's first card) the footer says "Esc
    Back", but the app turned Esc into Pause for this pausable scene and nothing answered it."""
    esc = {"key": pygame.K_ESCAPE, "mod": 0, "scancode": 0, "unicode": ""}

    def tap_escape():
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, esc))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, esc))
        app._events()

    app.running = True  # as inside App.run, which hands events to the scenes
    scene = _drill(app)
    assert scene.phase == "card"
    tap_escape()
    assert scene not in app.stack.scenes
    scene, _ = run_headless("mitts", "perfect", seed=2, app=app)
    assert scene.phase == "results"
    _tick(app, 30)
    tap_escape()
    assert scene not in app.stack.scenes
    # while the drill runs, Esc still pauses it
    scene = _drill(app)
    scene.handle(ActionEvent(Action.CONFIRM))
    assert scene.phase == "play"
    tap_escape()
    assert app.stack.top.name == "pause"


def test_a_drill_run_out_with_no_key_pressed_is_no_best(app, monkeypatch):
    """QA left the museum steps to run to the time limit: "NEW BEST!", then "best 0" on the
    card. A session without a press is not a best, whatever it scored."""
    scene = _drill(app, "museum_steps")
    scene.handle(ActionEvent(Action.CONFIRM))
    real_result = type(scene.rules).result
    monkeypatch.setattr(type(scene.rules), "result",  # even a (made up) score: no press, no best
                        lambda self: _with_score(real_result(self), 3))
    while scene.phase != "results":
        _tick(app)
    assert scene.presses == 0 and not scene.new_best
    best, _ = load_best()
    assert best.get("museum_steps", "rocky") is None
    from game.states.training import cards

    said = blit_texts(monkeypatch, cards)
    scene.draw(app.screen, 0.0)
    assert "NEW BEST!" not in said and "no best yet" in said
    said.clear()
    again = app.stack.push("drill", drill_id="museum_steps", fighter_id="rocky", age=60)
    again.draw(app.screen, 0.0)  # opened again: its card says there is no best yet
    assert again.phase == "card" and "Rocky: no best score yet" in said, said


def _with_score(result, score):
    from dataclasses import replace

    return replace(result, score=score)


@pytest.mark.parametrize("drill_id", ["speed_bag", "jump_rope", "museum_steps"])
def test_a_beat_drill_without_sound_says_so_on_its_card_and_in_play(app, monkeypatch, drill_id):
    """With --no-sound (no device, or the volume at 0) the beat clicks are silent: the card
    and the play say the sound is off and the beat is watched (the lane's NOW ring pulses)."""
    from game.states.training import calibrate, cards

    said = blit_texts(monkeypatch, cards)
    assert calibrate.sound_off_reason(app)  # the test app runs with sound=False
    scene = _drill(app, drill_id)
    assert scene.sound_off
    scene.draw(app.screen, 0.0)
    assert cards.SOUND_OFF_CARD in said
    scene.handle(ActionEvent(Action.CONFIRM))
    _tick(app, 5)
    scene.draw(app.screen, 0.0)
    assert scene.phase == "play" and cards.SOUND_OFF_PLAY in said
    said.clear()
    monkeypatch.setattr(calibrate, "sound_off_reason", lambda app: "")  # a sound to follow
    assert not scene.sound_off
    scene.draw(app.screen, 0.0)
    assert cards.SOUND_OFF_PLAY not in said


def test_sparring_has_no_beat_to_miss(app):
    assert not _drill(app, "sparring").sound_off


def _same_over_two_gyms(app, monkeypatch, scene, area: pygame.Rect) -> bool:
    """Whether the Training menu's pixels in `area` stay the same over two different gym
    pictures (white, then red): solid, nothing of the gym reads through."""
    from game.states.training import menu as menu_mod

    shots = []
    for colour in ((255, 255, 255), (200, 20, 20)):
        backdrop = pygame.Surface((1280, 720))
        backdrop.fill(colour)
        monkeypatch.setattr(menu_mod, "art", lambda name, _b=backdrop: _b)
        scene.draw(app.screen, 0.0)
        shots.append(pygame.surfarray.array3d(app.screen.subsurface(area)).copy())
    return bool((shots[0] == shots[1]).all())


def test_the_training_menus_card_covers_the_gym_behind_it(app, monkeypatch):
    """Seen on the Training menu: the gym's ring ropes ran through the right-hand card. The
    card is solid: drawn over two different backdrops, its pixels are the same."""
    app.stack.push("menu")
    scene = app.stack.push("training")
    assert _same_over_two_gyms(app, monkeypatch, scene, pygame.Rect(680, 130, 540, 520))


def test_the_training_menus_drill_list_sits_on_a_solid_panel(app, monkeypatch):
    """Seen on the Training menu: the gym's windows, a poster and the floor line ran through
    the drill names and their best scores. The list (and the fighter and age rows) sit on a
    solid panel: over two backdrops its pixels are the same."""
    from game.states.training import menu as menu_mod

    app.stack.push("menu")
    scene = app.stack.push("training")
    panel = menu_mod.LIST_PANEL
    assert _same_over_two_gyms(app, monkeypatch, scene, panel)
    rows = [scene._row_rect(i) for i in range(len(scene.drills))]
    assert all(panel.contains(r) for r in rows)


def test_a_drills_card_covers_the_drill_behind_it(app):
    """Seen on the museum steps' card: "LEGS AND LUNGS" and the clock read through it (and the
    gym's ropes through the speed bag's). The card is solid: over two different pictures, the
    pixels inside it are the same."""
    from game.states.training import cards

    scene = app.stack.push("train_museum_steps")
    assert scene.phase == "card"
    card = pygame.Rect(140, 70, 1000, 570)
    shots = []
    for colour in ((255, 255, 255), (200, 20, 20)):
        app.screen.fill(colour)
        cards.instructions(app.screen, app.fonts, scene)
        shots.append(pygame.surfarray.array3d(app.screen.subsurface(card)).copy())
    assert (shots[0] == shots[1]).all()


def test_the_menus_best_column_says_no_best_yet_in_words(app, monkeypatch):
    """A bare "-" for a drill never played read as a placeholder left in."""
    from game.states.training import menu as menu_mod
    from game.training.best import load_best, save_best

    best, _ = load_best()
    best.record("heavy_bag", "rocky", 4321)
    save_best(best)
    drawn = blit_texts(monkeypatch, menu_mod, lambda text, colour, rect: (text, colour))
    app.stack.push("menu")
    menu = app.stack.push("training")
    app.stack.draw(app.screen, 0.0)
    texts = [t for t, _ in drawn]
    assert "-" not in texts
    assert texts.count(menu_mod.NO_BEST) == len(menu.drills) - 1  # all but the heavy bag
    assert "4,321" in texts
    colours = {c for t, c in drawn if t == menu_mod.NO_BEST}
    assert colours and all(c != tuple(menu_mod.C.GOLD) for c in colours)  # dim, not a score
