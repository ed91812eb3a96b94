"""Story scenes headless: new game to Adrian's, walking, talking, the TV, the camp, the end."""
from __future__ import annotations

import itertools

import pygame

from game.input.actions import Action, ActionEvent
from game.states.story.session import StorySession
from game.story import saves
from game.story.progress import begin_chapter, new_story

FAKE_TV = {"seed": 1, "bouts": 8, "red_wins": 5, "blue_wins": 3, "winner": 0, "method": "TKO",
           "round": 9}


def press(app, action, n=1):
    for _ in range(n):
        app.stack.handle(ActionEvent(action))
        app.stack.update(app.tick)
        app.stack.draw(app.screen, 0.0)


def tick(app, n=1):
    for _ in range(n):
        app.stack.update(app.tick)
        app.tick += 1
    app.stack.draw(app.screen, 0.0)


def finish_dialogue(app, pick=0, limit=80):
    from game.states.story.dialogue import StoryDialogueScene

    for _ in range(limit):
        top = app.stack.top
        if not isinstance(top, StoryDialogueScene):
            return
        page = top.runner.page
        press(app, Action.CONFIRM)  # show the whole line
        if page is not None and page.choices:
            for _ in range(pick):
                press(app, Action.DOWN)
        press(app, Action.CONFIRM)
    raise AssertionError("dialogue did not end")


def world_session(app, chapter="adrians"):
    state = new_story(5)
    state.tv = dict(FAKE_TV)
    if chapter != "adrians":
        begin_chapter(state, chapter)
    session = StorySession(1, state)
    app.stack.push("menu")
    name, kwargs = session.scene_for_chapter()
    app.stack.push(name, **kwargs)
    return session


def test_new_game_from_the_slots_screen_reaches_adrians_and_saves(app):
    app.stack.push("menu")
    app.stack.push("story")
    assert app.stack.top.menu.current.key == "new"  # nothing to continue yet
    press(app, Action.CONFIRM)
    press(app, Action.CONFIRM)  # slot 1
    press(app, Action.CONFIRM)  # medium
    assert saves.load_slot(1)[0] is not None
    tick(app, 200)  # the chapter card
    assert app.stack.top.name == "story_dialogue"  # the evening's first words
    finish_dialogue(app)
    assert app.stack.top.name == "story_world"


def test_walking_talking_and_the_typing_text(app):
    session = world_session(app)
    world = app.stack.scenes[-2]
    finish_dialogue(app)
    assert app.stack.top is world
    x0 = world.walker.x_px
    key = pygame.K_RIGHT  # the arrows (player 2's keys) walk Rocky too
    app.input.process(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, scancode=0, unicode=""))
    tick(app, 60)
    app.input.process(pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0, unicode=""))
    tick(app)
    assert world.walker.x_px > x0 + 100 and world.walker.facing == "right"
    # stand at the bar in front of Paulie and talk
    paulie = next(t for t in world.people if t.name == "paulie")
    world.walker.x_px, world.walker.y_px, world.walker.facing = paulie.centre_px[0], 267, "up"
    tick(app)
    assert world.near is paulie
    press(app, Action.CONFIRM)
    dlg = app.stack.top
    assert dlg.name == "story_dialogue" and dlg.typing
    press(app, Action.CONFIRM)  # skip the typing
    assert not dlg.typing and dlg.runner.page is not None
    finish_dialogue(app)
    assert "talked_paulie" in session.state.flags and session.state.chapter == "adrians"


def test_the_tv_shows_the_computers_verdict_then_the_room_talks(app):
    session = world_session(app)
    finish_dialogue(app)
    world = app.stack.top
    tv = next(t for t in world.things if t.props.get("action") == "tv")
    world._use(tv)
    assert app.stack.top.name == "story_tv"
    tick(app, 12)
    assert app.stack.top.ready
    press(app, Action.CONFIRM)
    assert app.stack.top.name == "story_dialogue"
    assert "tv_rocky_won" in session.state.flags
    finish_dialogue(app)
    assert "saw_tv" in session.state.flags


def test_talking_to_paulie_after_the_tv_ends_the_chapter(app):
    session = world_session(app)
    finish_dialogue(app)
    session.state.flags |= {"saw_tv", "tv_rocky_won"}
    world = app.stack.top
    world.talk("paulie")
    finish_dialogue(app)
    assert session.state.chapter == "hearing"
    assert app.stack.top.name == "story_card"
    assert saves.load_slot(1)[0].chapter == "hearing"  # autosaved at the chapter


def test_a_camp_day_auto_train_and_call_it_a_day(app):
    session = world_session(app, "camp")
    camp = app.stack.scenes[-2]
    assert camp.name == "story_camp"
    finish_dialogue(app)  # Duke's welcome
    assert camp.menu.current.key == "gym"
    press(app, Action.CONFIRM)
    world = app.stack.top
    assert world.name == "story_world" and world.mode == "train"
    station = next(t for t in world.things if t.type == "station")
    world._use(station)
    st = app.stack.top
    assert st.name == "story_station"
    press(app, Action.CONFIRM)  # the first drill
    st.menu.select_key("auto")
    press(app, Action.CONFIRM)
    assert session.state.gains and session.state.sessions_today
    st.menu.select_key("end_day")
    press(app, Action.CONFIRM)
    assert app.stack.top is camp and session.state.day == 2  # no scene on day 1's evening
    assert saves.load_slot(1)[0].day == 2  # autosaved each day
    camp.menu.select_key("rest")
    press(app, Action.CONFIRM)
    assert app.stack.top.name == "story_dialogue"  # day 2's evening: Duke's talk
    finish_dialogue(app)
    assert "power_unlocked" in session.state.flags and session.state.fatigue == 0
    camp._build()
    assert camp.menu.items[[i.key for i in camp.menu.items].index("meat_locker")].enabled


def test_the_last_camp_day_leads_to_fight_night_and_its_card_draws(app):
    session = world_session(app, "camp")
    finish_dialogue(app)
    session.state.day = session.camp.days
    camp = app.stack.top
    camp.day_done("rest")
    finish_dialogue(app)  # the night before
    assert session.state.chapter == "fight"
    tick(app, 200)
    assert app.stack.top.name == "story_fight"


def test_ending_and_credits_lead_back(app):
    state = new_story(5)
    begin_chapter(state, "ending")
    state.ending = "lose_decision"
    state.fight = {"winner": 1, "method": "SD", "round": 10, "scorecards": []}
    session = StorySession(2, state)
    app.stack.push("menu")
    app.stack.push("story")
    app.stack.push("story_ending", session=session)
    tick(app, 100)
    assert app.stack.top.name == "story_dialogue"
    finish_dialogue(app)
    assert app.stack.top.name == "story_credits"
    press(app, Action.CONFIRM)
    assert app.stack.top.name == "story"
    assert "finished" in saves.load_slot(2)[0].flags


def test_fight_night_walks_out_to_the_ring_with_the_story_setup(app):
    from types import SimpleNamespace

    session = world_session(app, "fight")
    session.state.gains = {"power": 3, "stamina": 2}
    tick(app, 200)
    fight = app.stack.top
    assert fight.name == "story_fight"
    tick(app, 40)
    press(app, Action.CONFIRM)
    finish_dialogue(app)  # the walk-out talk
    ring = app.stack.top
    assert ring.name == "ring"
    red, blue = ring.setup.sides
    assert (red.fighter_id, red.age, red.control, red.gains) == ("rocky", 60, "human1",
                                                                 {"power": 3, "stamina": 2})
    assert (blue.fighter_id, blue.age, blue.control) == ("dixon", 30, "cpu")
    assert ring.setup.rounds == 10 and ring.setup.modifiers[0].from_round == 2
    assert ring.stop_when(SimpleNamespace(view=SimpleNamespace(round=1))) is False
    assert not app._toasts
    assert ring.stop_when(SimpleNamespace(view=SimpleNamespace(round=2))) is False
    assert any("hand" in text for text, _ in app._toasts)
    app.stack.pop()
    result = SimpleNamespace(winner=0, method="UD", round=10, scorecards=[[[10, 9]] * 10] * 3)
    fight._finished(SimpleNamespace(result=result))
    assert session.state.ending == "win_points" and session.state.chapter == "ending"


def test_play_the_drill_hands_its_grade_back_to_the_camp(app):
    from game.training import DrillResult

    session = world_session(app, "camp")
    finish_dialogue(app)
    camp = app.stack.scenes[-1]
    camp.menu.select_key("gym")
    press(app, Action.CONFIRM)
    world = app.stack.top
    world._use(next(t for t in world.things if t.type == "station"))
    station = app.stack.top
    press(app, Action.CONFIRM)  # heavy bag
    assert station.menu.current.key == "play" and station.menu.current.enabled
    press(app, Action.CONFIRM)
    drill = app.stack.top
    assert drill.name == "drill" and drill.drill.id == "heavy_bag" and drill.age == 60
    app.stack.pop()
    drill.on_finish(DrillResult("heavy_bag", 950, "Champion"))
    assert session.state.gains.get("power", 0) > 0
    assert session.state.camp_log[-1]["grade"] == "Champion"
    assert "Champion" in station.result


def test_every_map_draws_with_its_people_and_lamps(app):
    from game.render.world import WorldRenderer
    from game.world.tilemap import STORY_MAPS, load_world_map
    from game.world.walk import npc_feet

    for map_id in STORY_MAPS:
        world = load_world_map(map_id)
        r = WorldRenderer(world)
        people = [(n.props["speaker"], n.props["facing"], 0, *npc_feet(n))
                  for n in world.of_type("npc")]
        x, y, w, h = world.of_type("spawn")[0].rect_px
        app.screen.fill((255, 0, 255))
        r.draw(app.screen, (x + w / 2, y + h / 2), [("rocky", "down", 1, x + w / 2, y + h / 2)]
               + people)
        # the whole screen is map (no magenta left), and it is not one flat colour
        assert app.screen.get_at((640, 360))[:3] != (255, 0, 255), map_id
        colours = {tuple(app.screen.get_at((px, py)))[:3] for px in range(0, 1280, 97)
                   for py in range(0, 720, 89)}
        assert (255, 0, 255) not in colours and len(colours) > 20, map_id


def test_the_hearing_is_a_walk_up_the_aisle_to_the_bench(app):
    """Chapter two starts at the back of the hearing room with nothing in the way: Rocky walks
    up the aisle with the arrow key until the chair's prompt, and his talk ends the chapter."""
    session = world_session(app, "hearing")
    world = app.stack.top
    assert world.name == "story_world" and world.world.id == "hearing"  # no talk pushed
    assert world.near is None and world.walker.facing == "up"
    y0 = world.walker.y_px
    key = pygame.K_UP
    app.input.process(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, scancode=0, unicode=""))
    for _ in range(60 * 6):
        tick(app)
        if world.near is not None and world.near.name == "chair":
            break
    app.input.process(pygame.event.Event(pygame.KEYUP, key=key, mod=0, scancode=0, unicode=""))
    tick(app)
    assert world.walker.y_px < y0 - 250 and world.near.name == "chair"
    press(app, Action.CONFIRM)
    assert app.stack.top.name == "story_dialogue"
    finish_dialogue(app)
    assert "license" in session.state.flags and session.state.chapter == "camp"


def test_one_footer_under_dukes_words_in_the_camp(app, monkeypatch):
    """Seen on day 1: the camp's footer ("Choose / Go / Menu") and the dialogue's ("Next") were
    drawn over each other under Duke's welcome."""
    from game.states.story import camp as camp_module
    from game.states.story import dialogue as dialogue_module

    footers: list[str] = []
    for module in (camp_module, dialogue_module):
        real = module.draw_hints
        monkeypatch.setattr(module, "draw_hints",
                            lambda s, f, hints, *a, _real=real, **k: (
                                footers.append(hints[-1][0]), _real(s, f, hints, *a, **k)))
    world_session(app, "camp")
    assert app.stack.top.name == "story_dialogue"
    app.stack.draw(app.screen, 0.5)
    assert len(footers) == 1
    finish_dialogue(app)
    footers.clear()
    app.stack.draw(app.screen, 0.5)
    assert footers == ["ESC"]  # the camp's own, now that it is on top


def test_the_gym_rows_stay_clear_of_the_session_result(app):
    """Seen on day 1: after an auto-trained session the green "Gained Power +1" line was drawn
    over the gym's last row, "Call it a day"."""
    from game.states.story.station import PANEL

    result_top = PANEL.bottom - 64  # where the two result lines start
    world_session(app, "camp")
    finish_dialogue(app)
    app.stack.top.menu.select_key("gym")
    press(app, Action.CONFIRM)
    world = app.stack.top
    world._use(next(t for t in world.things if t.type == "station"))
    st = app.stack.top
    press(app, Action.CONFIRM)
    st.menu.select_key("auto")
    press(app, Action.CONFIRM)
    assert st.result and len(st.menu.items) >= 8
    app.stack.draw(app.screen, 0.5)
    rows = st.menu.rects
    assert len(rows) == len(st.menu.items)
    assert all(r.bottom <= result_top for r in rows)
    assert all(a.bottom <= b.top for a, b in itertools.pairwise(rows))
    assert min(r.h for r in rows) >= app.fonts.bold(26).get_height()


def test_the_talk_bubble_never_hides_the_man_rocky_is_about_to_talk_to(app):
    """Seen at Adrian's: Rocky a step below Lou, the bubble over Rocky's head covered Lou's
    face."""
    from game.states.story.world import prompt_spot
    from game.world.walk import npc_feet

    world_session(app)
    world = app.stack.scenes[-2]
    finish_dialogue(app)
    checked = 0
    for npc in world.people:
        fx, fy = npc.centre_px[0], npc.rect_px[1] + npc.rect_px[3]
        for dy in (50, 70):  # a step below him, facing him
            world.walker.x_px, world.walker.y_px, world.walker.facing = fx, fy + dy, "up"
            world.camera = [world.walker.x_px, world.walker.y_px]
            tick(app)
            if world.near is not npc or world.walker.y_px != fy + dy:
                continue
            tick(app)
            him = world._person_rect(npc.props["speaker"], *npc_feet(npc), *world.view_offset)
            assert not world.prompt_rect.colliderect(him), npc.name
            checked += 1
    assert checked >= 2
    # alone in the room, the bubble sits over his head
    rocky = pygame.Rect(600, 300, 48, 96)
    spot = prompt_spot((200, 36), rocky, [])
    assert spot.bottom <= rocky.top and spot.centerx == rocky.centerx


def test_every_way_out_of_every_map_shows_above_the_key_hints(app):
    """Seen in the camp's gym: the way out, on the map's bottom edge, lay under the footer."""
    from game.states.story.world import StoryWorldScene
    from game.world.tilemap import STORY_MAPS, load_world_map

    session = world_session(app)
    checked = 0
    for map_id in STORY_MAPS:
        world = load_world_map(map_id)
        spawn = world.of_type("spawn")[0].name
        for door in world.of_type("door"):
            scene = app.stack.push(StoryWorldScene(session, map_id, spawn, mode="train"))
            x, y, w, h = door.rect_px
            scene.walker.x_px, scene.walker.y_px = x + w / 2, y - 40  # a step from it
            scene.camera = [scene.walker.x_px, scene.walker.y_px]
            app.stack.draw(app.screen, 0.0)
            ox, oy = scene.view_offset
            on_screen = pygame.Rect(x + ox, y + oy, w, h)
            assert on_screen.top >= 0 and on_screen.bottom <= 660, (map_id, door.name)
            assert app.screen.get_at((640, 700))[:3] == (9, 10, 16)  # the hints' own strip
            app.stack.pop()
            checked += 1
    assert checked >= 5


def test_every_choice_sits_inside_the_talk_box_with_room_below_it(app):
    """Seen at the hearing: three choices under two lines of the commissioner's question ran
    down to the box's bottom edge; the box grows upward instead, its margin kept."""
    from game.states.story.dialogue import PAD_BOTTOM_PX, StoryDialogueScene
    from game.story.dialogue import load_dialogues
    from game.story.speakers import load_speakers

    speakers = load_speakers()
    checked = 0
    for dialogue in load_dialogues().values():
        for node in dialogue.nodes.values():
            if not node.choices:
                continue
            scene = app.stack.push(StoryDialogueScene(dialogue, set(), speakers))
            scene.runner.node, scene.runner.line = node, len(node.lines) - 1
            scene.shown_chars = 10_000.0
            app.stack.draw(app.screen, 0.0)
            if scene.choice_rects:
                last = max(r.bottom for r in scene.choice_rects)
                assert scene.box.bottom - last >= PAD_BOTTOM_PX - 8, (dialogue.id, node.id)
                assert scene.box.bottom <= 680 and scene.box.top >= 300, (dialogue.id, node.id)
                checked += 1
            app.stack.pop()
    assert checked >= 3


def test_damaged_saves_on_the_slots_screen_are_moved_aside_with_a_message(app, tmp_path):
    """Valid JSON naming things this build does not have: the slots screen says so, shows the
    slot empty and a new game starts; no scene is ever built from the bad save."""
    import json

    good = new_story(3)
    begin_chapter(good, "hearing")
    for slot, changes in ((1, {"chapter": "nowhere"}), (2, {"map": "", "chapter": "camp",
                                                            "sessions_today": {"x": 1}}),
                          (3, {"map": "atlantis"})):
        state = good.to_json() | changes
        saves.slot_path(slot).parent.mkdir(parents=True, exist_ok=True)
        saves.slot_path(slot).write_text(json.dumps({"version": 2, "state": state}))
    app.stack.push("menu")
    app.stack.push("story")
    tick(app, 2)
    assert len(list((tmp_path / "saves").glob("story_*.json.corrupt-*"))) == 3
    assert any("Damaged file story_1.json" in t for t, _ in app._toasts)
    assert app.stack.top.menu.current.key == "new"  # nothing left to continue
    press(app, Action.CONFIRM)
    press(app, Action.CONFIRM)  # slot 1
    press(app, Action.CONFIRM)  # medium
    assert saves.load_slot(1)[0].chapter == "adrians"  # a fresh start
    tick(app, 200)  # the chapter card, then the evening's first words
    finish_dialogue(app)
    assert app.stack.top.name == "story_world"
