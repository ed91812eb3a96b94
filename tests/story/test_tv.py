"""The bar's TV: the Virtual Fight's show fed by the story's own run, a show that goes on the
air while the run fills in, and a worker that never outlives the chapter."""
from __future__ import annotations

import json
import multiprocessing as mp
import time

import pytest

from game.input.actions import Action, ActionEvent
from game.states.story.session import StorySession
from game.story import tv as storytv
from game.story.progress import new_story
from game.virtual.run import RunData, RunSpec

from .test_scenes import FAKE_TV, finish_dialogue, tick


def _data(winners: list[int]) -> RunData:
    data = RunData(storytv.tv_spec(7, bouts=len(winners)))
    data.winner[:] = winners
    data.method[:] = [3] * len(winners)  # UD
    data.end_round[:] = 10
    return data


def test_the_show_is_the_virtual_fights_verdict_naming_the_computers_pick():
    data = _data([1, 0, 0, 1, 0, 0, 0, 1])  # Rocky 5, Dixon 3: too few to call, still a pick
    v = storytv.story_verdict(data)
    assert v.headline == "THE COMPUTER PICKS ROCKY" and v.favourite == 0
    assert v.names == ("Rocky", "Mason Dixon") and v.ages == (30, 30) and v.rounds == 10
    assert v.lines[0].startswith("TONIGHT'S FEATURED FIGHT: MASON DIXON BY")  # bout 0
    assert any("WHISKER" in line for line in v.lines)
    rec = storytv.tv_record(data)
    assert rec["pick"] == 0 and rec["winner"] == 1 and storytv.tv_flag(rec) == "tv_rocky_won"
    assert storytv.show_verdict(json.loads(json.dumps(rec))) == v  # the save keeps the show


def test_a_tie_goes_to_the_featured_bouts_winner_and_old_saves_still_show():
    assert storytv.computer_pick(_data([1, 0, 2, 2])) == 1
    assert storytv.tv_flag({"winner": 0}) == "tv_rocky_won"  # a record from before the pick
    v = storytv.show_verdict(dict(FAKE_TV))
    assert v.headline == "THE COMPUTER PICKS ROCKY" and v.bouts == 8


def test_the_broadcast_is_a_real_seeded_run():
    a = storytv.run_virtual_fight(3, bouts=2)
    assert a == storytv.run_virtual_fight(3, bouts=2)
    assert a["bouts"] == 2 and a["red_wins"] + a["blue_wins"] <= 2
    assert a["show"]["fighter_ids"] == ["rocky", "dixon"]


def _session(app, spec: RunSpec, monkeypatch) -> StorySession:
    monkeypatch.setattr("game.states.story.tv.tv_spec", lambda seed: spec)
    session = StorySession(1, new_story(5))
    app.stack.push("menu")
    name, kwargs = session.scene_for_chapter()
    app.stack.push(name, **kwargs)
    finish_dialogue(app)
    return session


def _use_tv(app):
    world = app.stack.top
    tv = next(t for t in world.things if t.props.get("action") == "tv")
    world._use(tv)
    return app.stack.top


def test_the_show_goes_on_the_air_while_its_run_fills_in(app, monkeypatch):
    session = _session(app, RunSpec(bouts=3, rounds=1, seed=5), monkeypatch)
    scene = _use_tv(app)
    assert scene.name == "story_tv" and not scene.ready
    assert scene.show is not None and scene.show.v.headline.startswith("LIVE")
    tick(app, 2)  # the show draws while the worker fights
    scene.handle(ActionEvent(Action.CONFIRM))  # not stuck: he steps back to the bar
    assert app.stack.top.name == "story_world" and "saw_tv" not in session.state.flags
    deadline = time.monotonic() + 60
    scene = _use_tv(app)
    while not scene.ready and time.monotonic() < deadline:
        tick(app, 10)
        time.sleep(0.02)
    assert scene.ready and scene.show.v.headline.startswith("THE COMPUTER PICKS")
    assert session.state.tv is not None and session.tv_run is None
    scene.handle(ActionEvent(Action.CONFIRM))
    assert app.stack.top.name == "story_dialogue"  # the room talks about what it saw
    assert storytv.tv_flag(session.state.tv) in session.state.flags


def test_leaving_the_chapter_stops_the_tvs_worker(app, monkeypatch):
    session = _session(app, RunSpec(bouts=50, rounds=10, seed=5), monkeypatch)
    run = session.tv_run
    assert run is not None and run.running
    pids = set(run.pids)
    assert pids and pids <= {p.pid for p in mp.active_children()}
    world = app.stack.top
    session.state.flags.add("saw_tv")  # (the front door opens after the show)
    world._through(next(d for d in world.world.of_type("door")))  # a door of the chapter...
    assert app.stack.top.name == "story_world" and app.stack.top.world.id == "street"
    assert session.tv_run is run and run.running  # ...keeps the show going
    app.stack.pop_to(app.stack.scenes[0])  # quit to the menu
    assert session.tv_run is None and run.cancelled and not run.alive()
    assert not {p.pid for p in mp.active_children()} & pids


@pytest.mark.parametrize("flags", [set(), {"saw_tv"}])
def test_the_tv_scene_draws_the_saved_show(app, flags):
    session = StorySession(1, new_story(5))
    session.state.tv = storytv.tv_record(_data([0, 1, 1]))
    session.state.flags |= flags
    app.stack.push("menu")
    app.stack.push("story_tv", session=session)
    tick(app, 3)
    scene = app.stack.top
    assert scene.ready and scene.show.v.headline == "THE COMPUTER PICKS MASON DIXON"
    assert "tv_dixon_won" in session.state.flags


def _spy_on_tv_text(monkeypatch) -> list[str]:
    """Record every text the TV show draws (through the shared text cache)."""
    from game.render import tv as tvmod
    from game.ui.text import shared_text

    said: list[str] = []
    real = shared_text()

    class Spy:
        def __getattr__(self, name):
            return getattr(real, name)

        def blit(self, target, text, *args, **kwargs):
            said.append(text)
            return real.blit(target, text, *args, **kwargs)

    monkeypatch.setattr(tvmod, "shared_text", lambda: Spy())
    return said


def test_the_show_says_1_fight_not_1_fights(app, monkeypatch):
    """Seen on the bar's TV as the run began: "1 FIGHTS · 10 ROUNDS"."""
    import pygame

    from game.render import tv as tvmod

    said = _spy_on_tv_text(monkeypatch)
    for winners, words in (([0], "1 FIGHT  \u00b7"), ([0, 1], "2 FIGHTS  \u00b7")):
        show = tvmod.TvShow(storytv.story_verdict(_data(winners)))
        show.draw(app.screen, pygame.Rect(0, 0, 1024, 576), 0)
        assert any(t.startswith(words) for t in said), (words, said)


def test_after_one_bout_the_live_show_makes_no_pick_and_shows_no_100_percent(app, monkeypatch):
    """Seen on the bar's TV one bout into its run: "100% vs 0% ±39.7", a pick out of one fight.
    Too few bouts in: no favourite, the board says so and shows the ranges, not a win %."""
    import pygame

    from game.render import tv as tvmod
    from game.states.story import tv as scenetv
    from game.virtual.verdict import MIN_CALL_BOUTS, verdict

    one = verdict(_data([0]))
    assert one.too_early and one.favourite is None and one.headline == "TOO EARLY TO CALL"
    assert not any("100 TIMES" in line for line in one.lines)
    assert one.low_pct[0] > 15 and one.high_pct[0] == 100  # Wilson: 21 to 100
    full = verdict(_data([0] * MIN_CALL_BOUTS))
    assert not full.too_early and full.favourite == 0

    said = _spy_on_tv_text(monkeypatch)
    class Run:  # the story's worker, one bout in
        data = _data([0, 0, 0])
        version = 1

        def current_round(self) -> int:
            return 4

    Run.data.winner[1:] = -1  # NOT_YET: only the first is in
    assert Run.data.done == 1
    session = StorySession(1, new_story(5))
    session.tv_run = Run()
    live = scenetv.live_verdict(session)
    show = tvmod.TvShow(live)
    show.draw(app.screen, pygame.Rect(0, 0, 1024, 576), 0)
    assert "100%" not in said and "0%" not in said, said
    assert "TOO EARLY" in said and any(t.endswith("\u2013100%") for t in said), said
    said.clear()
    show.set_verdict(full)  # enough in: the board shows the numbers
    show.draw(app.screen, pygame.Rect(0, 0, 1024, 576), 0)
    assert "100%" in said and "TOO EARLY" not in said
