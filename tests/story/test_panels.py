"""The story's menus read on solid panels: nothing of the picture behind runs through them."""
from __future__ import annotations

import pygame
import pytest

from game.input.actions import Action, ActionEvent
from tests.spies import blit_texts


class _FlatArena:
    """Stands in for the arena behind a screen: one flat colour (the ropes are what varied)."""

    def __init__(self, colour: tuple[int, int, int]) -> None:
        self.colour = colour

    def draw(self, surface: pygame.Surface, *args, **kwargs) -> None:
        surface.fill(self.colour)


def _same_over_two_backdrops(app, scene, rect: pygame.Rect) -> bool:
    shots = []
    for colour in ((255, 255, 255), (200, 20, 20)):
        scene.arena = _FlatArena(colour)
        scene.draw(app.screen, 0.0)
        shots.append(pygame.surfarray.array3d(app.screen.subsurface(rect)).copy())
    return bool((shots[0] == shots[1]).all())


@pytest.mark.parametrize("mode", ["main", "new_slot", "difficulty"])
def test_the_slot_rows_sit_on_a_solid_panel(app, mode):
    """Seen on the story's first screen: the ring ropes of the arena behind it ran across
    CONTINUE, NEW GAME and the three slots. Every row is inside one solid panel."""
    from game.states.story.slots import list_panel

    app.stack.push("menu")
    scene = app.stack.push("story")
    if mode != "main":
        scene.menu.select_key("new")
        scene.handle(ActionEvent(Action.CONFIRM))
        if mode == "difficulty":
            scene.handle(ActionEvent(Action.CONFIRM))
    assert scene.mode == mode
    scene.draw(app.screen, 0.0)
    panel = list_panel(len(scene.menu.items))
    assert scene.menu.rects and all(panel.contains(r) for r in scene.menu.rects)
    assert _same_over_two_backdrops(app, scene, panel)


def _open_chapter(app, chapter: str):
    """A fresh story begun at `chapter`, its scene pushed over the menu: (session, scene)."""
    from game.states.story.session import StorySession
    from game.story.progress import begin_chapter, new_story

    state = new_story(5)
    begin_chapter(state, chapter)
    session = StorySession(1, state)
    app.stack.push("menu")
    name, kwargs = session.scene_for_chapter()
    return session, app.stack.push(name, **kwargs)


def test_the_camp_board_sits_on_solid_panels(app):
    """Seen on the camp's calendar: the ring ropes behind it ran across the places (THE
    MUSEUM STEPS, ADRIAN'S, REST) and between the day cells. They sit on solid panels."""
    from game.states.story.camp import BOARD_PANEL, CALENDAR_PANEL

    _session, scene = _open_chapter(app, "camp")
    while app.stack.top is not scene:  # Duke's welcome
        app.stack.pop()
    scene.draw(app.screen, 0.0)
    assert all(BOARD_PANEL.contains(r) for r in scene.menu.rects)
    for panel in (CALENDAR_PANEL, BOARD_PANEL):
        assert _same_over_two_backdrops(app, scene, panel)


def _camp_station(app):
    session, _camp = _open_chapter(app, "camp")
    station = app.stack.push("story_station", session=session, place="gym")
    return session, station


def test_a_session_that_gives_nothing_says_why(app):
    """Seen on day one: a Bum heavy bag said "Nothing gained. The body needs rest." (and its
    card "nothing more to gain here at his age"): neither was why."""
    from game.story.chapters import say
    from game.training.gains import ceilings

    session, station = _camp_station(app)
    station._trained("sparring", "Bum")  # (a Bum heavy bag gives what auto-train does)
    assert say("camp.no_gain_grade", attributes="power, stamina, hand speed") in station.result
    caps = ceilings("rocky", 60)
    session.state.gains = {"power": caps["power"]}
    station._trained("heavy_bag", "Champion")
    assert say("camp.no_gain_ceiling") in station.result


def test_a_drill_shut_for_the_day_says_the_day_is_full(app):
    """The drills go grey after the day's last session; pressing one said "Rocky is tired:
    training now is worth less", which is not why it would not start."""
    from game.story.chapters import say

    session, station = _camp_station(app)
    session.state.sessions_today = {"heavy_bag": session.camp.max_sessions}
    station._build()
    assert not station.menu.current.enabled or station.menu.current.key == "end_day"
    station.menu.selected = 0
    station.handle(ActionEvent(Action.CONFIRM))
    assert app._toasts[-1][0] == say("camp.day_full", n=session.camp.max_sessions)


def test_the_talk_box_is_solid(app):
    """Seen in the camp: the board's words (a place's blurb, "A quiet day") read through
    Duke's and Rocky's lines in the talk box."""
    from game.states.story.dialogue import StoryDialogueScene

    _open_chapter(app, "camp")
    talk = app.stack.top
    assert isinstance(talk, StoryDialogueScene)  # Duke's welcome
    for _ in range(200):  # the whole first line typed out
        talk.update(0)
    shots = []
    for colour in ((255, 255, 255), (200, 20, 20)):
        app.screen.fill(colour)
        talk.draw(app.screen, 0.0)
        shots.append(pygame.surfarray.array3d(app.screen.subsurface(talk.box)).copy())
    assert (shots[0] == shots[1]).all()


def test_the_goal_line_does_not_hide_the_tv_it_asks_rocky_to_watch(app):
    """Seen on arriving at Adrian's: "The whole room is watching the TV over the bar." was
    drawn right over the TV at the top left of the room."""
    from game.states.story.session import StorySession
    from game.story.progress import new_story

    session = StorySession(1, new_story(5))
    app.stack.push("menu")
    name, kwargs = session.scene_for_chapter()
    world = app.stack.push(name, **kwargs)
    while app.stack.top is not world:  # the evening's first words
        app.stack.pop()
    for _ in range(60):
        world.update(0)
    world.draw(app.screen, 0.0)
    tv = next(t for t in world.things if t.props.get("action") == "tv")
    ox, oy = world.view_offset
    tv_on_screen = pygame.Rect(tv.rect_px).move(ox, oy)
    assert tv_on_screen.colliderect(app.screen.get_rect())  # in view on arrival
    assert world.goal_rect is not None and not world.goal_rect.colliderect(tv_on_screen)


def test_a_camp_place_says_what_to_do_there(app, monkeypatch):
    """Walking into the gym on a camp day, the top line said only DAY 1 OF 12."""
    import game.states.story.world as world_mod
    from game.states.story.session import StorySession
    from game.story.chapters import say
    from game.story.progress import begin_chapter, new_story

    state = new_story(5)
    begin_chapter(state, "camp")
    session = StorySession(1, state)
    app.stack.push("menu")
    world = app.stack.push("story_world", session=session, map_id="gym", spawn="camp",
                           mode="train", place="gym")
    said = blit_texts(monkeypatch, world_mod)
    world.draw(app.screen, 0.0)
    assert any(say("camp.goal_train") in text for text in said)


def test_fight_nights_card_shows_the_players_own_keys(app, monkeypatch):
    """The story's one bout began with no word of the keys (the drills' cards showed some)."""
    import game.states.story.fight as fight_mod

    app.settings.bindings[0]["jab"] = ["j"]
    _session, card = _open_chapter(app, "fight")
    while app.stack.top is not card:  # the walk-out's words
        app.stack.pop()
    said = blit_texts(monkeypatch, fight_mod)
    card.draw(app.screen, 0.0)
    assert card.phase == "card"
    keys = next(t for t in said if "UPPERCUT" in t)
    assert "JAB J" in keys and "CROSS G" in keys


def test_the_session_choices_say_what_they_give(app):
    """A stranger could not tell "Auto-train" from "Play the drill" (no word of the gain)."""
    from game.story.chapters import say

    _session, station = _camp_station(app)
    station.handle(ActionEvent(Action.CONFIRM))  # the first drill
    hints = {item.key: item.hint for item in station.menu.items}
    assert hints["play"] == say("camp.session_play_hint")
    assert hints["auto"] == say("camp.session_auto_hint")
    station.draw(app.screen, 0.0)


def test_quitting_a_story_walk_does_not_speak_of_a_lost_bout(app):
    """Seen walking Adrian's: Esc, Quit to menu asked "Leave this fight? The bout in progress
    will be lost." There was no bout, and the story saves as it is left."""
    from game.story import saves
    from game.story.chapters import say

    session = _walk_adrians(app)
    app.stack.top.handle(ActionEvent(Action.PAUSE))
    pause = app.stack.top
    assert pause.name == "pause"
    pause.menu.select_key("quit")
    pause.handle(ActionEvent(Action.CONFIRM))
    confirm = app.stack.top
    assert confirm.name == "confirm"
    assert confirm.question == say("pause.question") and "bout" not in confirm.detail
    session.state.play_ticks = 777
    confirm.on_yes()
    assert app.stack.top.name == "menu"
    assert saves.load_slot(1)[0].play_ticks == 777  # what it says is so: it was saved


def _walk_adrians(app):
    from game.states.story.session import StorySession
    from game.story.progress import new_story

    session = StorySession(1, new_story(5))
    app.stack.push("menu")
    name, kwargs = session.scene_for_chapter()
    world = app.stack.push(name, **kwargs)
    while app.stack.top is not world:
        app.stack.pop()
    return session


def test_stopping_a_camp_drill_goes_back_to_the_station(app):
    """A story drill's pause went out to the main menu; it goes back to the station, and the
    stopped session gives nothing."""
    session, station = _camp_station(app)
    station.handle(ActionEvent(Action.CONFIRM))  # the heavy bag
    station.menu.select_key("play")
    station.handle(ActionEvent(Action.CONFIRM))
    drill = app.stack.top
    assert drill.name == "drill"
    drill.handle(ActionEvent(Action.CONFIRM))
    drill.handle(ActionEvent(Action.PAUSE))
    pause = app.stack.top
    pause.menu.select_key("quit")
    pause.handle(ActionEvent(Action.CONFIRM))
    app.stack.top.on_yes()
    assert app.stack.top is station
    assert not session.state.sessions_today and not any(session.state.gains.values())


def test_a_session_that_gave_nothing_is_not_told_in_green(app, monkeypatch):
    """"Nothing gained" was written in the green of a gain."""
    import game.states.story.station as station_mod
    from game.ui import colours as C

    _session, station = _camp_station(app)
    colours = blit_texts(monkeypatch, station_mod, lambda text, colour, rect: (text, colour))
    station._trained("sparring", "Bum")
    station.draw(app.screen, 0.0)
    assert C.GREEN not in [c for t, c in colours if "Nothing gained" in t]
    station._trained("heavy_bag", "Champion")
    colours.clear()
    station.draw(app.screen, 0.0)
    assert C.GREEN in [c for t, c in colours if "Gained" in t]


def _card_camp_line(app, monkeypatch, drill, grade):
    """The "Camp: ..." line the drill's results card draws."""
    from game.states.training import cards
    from game.training import DrillResult

    drawn = blit_texts(monkeypatch, cards)
    drill.result = DrillResult(drill.drill.id, 950, grade)
    cards.results(app.screen, app.fonts, drill)
    return next(t for t in drawn if t.startswith("Camp:"))


def test_the_drills_card_shows_the_gain_the_station_then_gives(app, monkeypatch):
    """Seen in the camp: a second heavy bag of the day and the card said a fresh session's
    figure while the station's line after it said less; tired, the card promised a gain and
    the station said "Nothing gained"."""
    from game.training import DrillResult
    from game.training.gains import apply_session

    session, station = _camp_station(app)
    session.state.sessions_today = {"speed_bag": 1}  # once already today
    station.drill = next(d for d in station.drills if d.id == "speed_bag")
    station._build()
    station.menu.select_key("play")
    station.handle(ActionEvent(Action.CONFIRM))
    drill = app.stack.top
    assert drill.name == "drill"
    line = _card_camp_line(app, monkeypatch, drill, "Champion")
    fresh = apply_session({}, "speed_bag", "Champion", fighter_id="rocky", age=60)["hand_speed"]
    app.stack.pop()
    drill.on_finish(DrillResult("speed_bag", 950, "Champion"))
    given = session.state.camp_log[-1]["delta"]["hand_speed"]
    assert 0 < given < fresh  # the repeat counted
    assert line == f"Camp: hand speed +{given}" and f"+{given}" in station.result
    # a fourth time, worn out: nothing; the card says so (and why) as the station will
    session.state.fatigue, session.state.sessions_today = 90, {"speed_bag": 3}
    assert _card_camp_line(app, monkeypatch, drill, "Champion") == \
        "Camp: the body needs rest (tired, or this drill again today)."
    station._trained("speed_bag", "Champion")
    assert "Nothing gained" in station.result
