"""The drills' feedback words (PERFECT, MISS, TRIPPED!) never sit on one another."""
from __future__ import annotations

import itertools

import pytest

from game.states.training.hud import Popups
from game.ui import colours as C


@pytest.fixture()
def app():
    from game.app import App
    from game.settings import Settings

    a = App(headless=True, seed=1, sound=False, settings=Settings())
    yield a
    a.close()


def _overlaps(rects):
    return [(a, b) for a, b in itertools.combinations(rects, 2) if a.colliderect(b)]


def test_two_words_at_one_spot_are_drawn_apart_for_their_whole_life(app):
    """Seen on the speed bag: OFF BEAT and WRONG on one spot, a blur of red."""
    popups = Popups()
    popups.add("OFF BEAT", C.RED, 700, 120, 1.00, 36)
    popups.draw(app.screen, app.fonts, 1.00)
    popups.add("WRONG", C.RED, 700, 120, 1.05, 36)
    together = 0
    for k in range(60):
        popups.draw(app.screen, app.fonts, 1.05 + k / 60)
        together += len(popups.rects) == 2
        assert not _overlaps(popups.rects), popups.rects
    assert together > 30 and not popups.items  # side by side most of their lives, then gone


def test_a_word_never_rises_into_the_top_bar(app):
    popups = Popups()
    popups.add("MISS", C.RED, 640, 90, 0.0, 36)
    for k in range(48):
        popups.draw(app.screen, app.fonts, k / 60)
        assert all(r.top >= Popups.TOP_PX for r in popups.rects)


def test_a_trip_takes_the_place_of_the_miss_of_the_same_moment(app):
    popups = Popups()
    popups.add("PERFECT", C.GOLD, 640, 200, 0.5, 44)  # an earlier beat's word stays
    popups.add("MISS", C.RED, 640, 150, 1.0, 36)
    popups.add("TRIPPED!", C.RED, 640, 150, 1.0, 52, supersede=True)
    assert [p.text for p in popups.items] == ["PERFECT", "TRIPPED!"]


def test_the_jump_rope_start_shows_one_word_at_a_time(app):
    """Seen at the start of the jump rope: TRIPPED! and MISS printed over each other."""
    app.stack.push("menu")
    scene = app.stack.push("drill", drill_id="jump_rope", fighter_id="rocky", age=60,
                           autoplay="idle", seed=3)
    seen: list[str] = []
    for _ in range(900):
        app.stack.update(app.tick)
        app.tick += 1
        if scene.phase != "play":
            continue
        scene.draw(app.screen, 0.0)
        assert not _overlaps(scene.popups.rects)
        seen += [p.text for p in scene.popups.items]
        moments = [round(p.born_s, 3) for p in scene.popups.items]
        assert len(moments) == len(set(moments)), [p.text for p in scene.popups.items]
    assert "TRIPPED!" in seen and "MISS" not in seen


def test_a_mashed_word_is_not_printed_in_a_column(app):
    """Seen in the meat locker: ARMS GONE mashed eight times stood in a column of eight."""
    popups = Popups()
    for k in range(8):
        popups.add("ARMS GONE", C.RED, 640, 150, 1.0 + 0.1 * k, 36, once=True)
    assert [p.text for p in popups.items] == ["ARMS GONE"]
    popups.add("ARMS GONE", C.RED, 640, 150, 1.0 + Popups.LIFE_S, 36, once=True)
    assert len(popups.items) == 2  # the first one gone, the next mash says it again
    popups2 = Popups()  # a judgement on every beat of the fastest drill shows each time
    for k in range(3):
        popups2.add("PERFECT", C.GOLD, 640, 200, 1.0 + 0.3 * k, 44)
    assert len(popups2.items) == 3

