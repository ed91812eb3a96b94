"""The old trainer in Rocky's corner on fight night: his words come from data, follow the fight
as the model tells it, and reach the ring's corner scene through its hook (Versus keeps its
own corner). Dixon's corner speaks to Dixon, in its own words, never as "YOUR CORNER"."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from game.bout import BoutSession, Modifier
from game.story import fight as fightmod
from game.story.corner import (
    TrainerCorner,
    corner_facts,
    load_corner,
    load_dixon_corner,
    parse_corner,
)
from game.story.data import StoryDataError
from game.story.progress import new_story
from game.story.speakers import load_speakers


def _fighter(kd=0, head=0.8, body=0.8, stamina=0.7):
    return SimpleNamespace(knockdowns=kd, health_head=head, health_body=body, stamina=stamina)


def _session(rnd, points=(30, 30), rocky=None, dixon=None, rounds=10):
    view = SimpleNamespace(round=rnd, rounds=rounds, fighters=(rocky or _fighter(),
                                                               dixon or _fighter()))
    setup = SimpleNamespace(modifiers=tuple(Modifier(s, a, k, from_round=r)
                                            for s, a, k, r in fightmod.STORY_MODIFIERS))
    return SimpleNamespace(view=view, setup=setup, points=lambda: points)


def _ids(trainer):
    return trainer.said


def test_the_corner_file_loads_and_its_speaker_exists():
    corner = load_corner()
    assert corner.speaker in load_speakers()
    assert corner.lines[-1].when == () and not corner.lines[-1].once


def test_every_line_fits_the_corner_box(app):
    font = app.fonts.bold(19)  # the face and size corner.py wraps with
    width = 580 - 40 - 32  # the card, its speech box, the box's margins (corner.py)
    for ln in load_corner().lines + load_dixon_corner().lines:
        rows, row = [], ""
        for word in ln.text.split():
            trial = f"{row} {word}".strip()
            if font.size(trial)[0] > width and row:
                rows.append(row)
                row = word
            else:
                row = trial
        rows.append(row)
        assert len(rows) <= 2, f"{ln.id} needs {len(rows)} lines"


@pytest.mark.parametrize(("table", "field"), [
    ({"speaker": "duke", "line": [{"id": "a", "text": "x", "when": {"mood": 1}},
                                  {"id": "z", "text": "y", "once": False}]}, "when.mood"),
    ({"speaker": "duke", "line": [{"id": "a", "text": "x", "when": {"score": "winning"}},
                                  {"id": "z", "text": "y", "once": False}]}, "when.score"),
    ({"speaker": "duke", "line": [{"id": "a", "text": "x", "when": {"hand_min": 1}},
                                  {"id": "z", "text": "y", "once": False}]}, "when.hand_min"),
    ({"speaker": "duke", "line": [{"id": "a", "text": "x"}]}, "last"),
    ({"speaker": "duke", "line": [{"id": "a"}, {"id": "z", "text": "y", "once": False}]},
     "'text'"),
])
def test_bad_corner_data_fails_naming_the_field(table, field):
    with pytest.raises(StoryDataError, match="corner.toml") as err:
        parse_corner(table)
    assert field in str(err.value)


def test_he_talks_about_what_happened_in_the_round():
    t = TrainerCorner()
    assert t.words(_session(1, points=(27, 30)))[0][1] == next(ln.text for ln in t.corner.lines
                                              if ln.id == "first")
    t.words(_session(2, rocky=_fighter(kd=1)))
    assert _ids(t)[-1] == "down"  # down in round 2
    t.words(_session(3, rocky=_fighter(kd=1)))
    assert _ids(t)[-1] == "hand"  # no new knockdown: now the hand he saw in round 2
    t.words(_session(4, rocky=_fighter(kd=2)))
    assert _ids(t)[-1] == "down_again"
    t.words(_session(5, rocky=_fighter(kd=2), dixon=_fighter(kd=1)))
    assert _ids(t)[-1] == "dixon_down"


def test_he_reads_the_cards_the_damage_and_the_age():
    t = TrainerCorner()
    t.said += ["first", "hand"]
    assert t.line(corner_facts(_session(3, points=(25, 28)))).id == "behind"
    assert t.line(corner_facts(_session(3, points=(28, 25)))).id == "ahead"
    assert t.line(corner_facts(_session(6, points=(50, 60)))).id == "behind_far"
    assert t.line(corner_facts(_session(4, rocky=_fighter(stamina=0.2)))).id == "old_legs"
    assert t.line(corner_facts(_session(4, rocky=_fighter(head=0.2)))).id == "cut_eye"
    assert t.line(corner_facts(_session(9, points=(80, 85)))).id == "last_behind"
    assert t.line(corner_facts(_session(9, points=(86, 85)))).id == "last_ahead"


def test_the_hand_is_the_models_modifier_not_a_script():
    facts = corner_facts(_session(1))
    assert facts["hand"] is False  # hurt in round 1, it shows from round 2
    assert corner_facts(_session(2))["hand"] is True
    s = _session(5)
    s.setup = SimpleNamespace(modifiers=())
    assert corner_facts(s)["hand"] is False


def test_a_real_fight_night_gives_a_line_each_corner_that_holds():
    setup = fightmod.bout_setup(fightmod.plan(new_story(3)), control="cpu")
    session = BoutSession(setup)
    trainer = TrainerCorner()
    for rnd in (1, 2, 3):
        session.run(until=lambda s, r=rnd: s.view.between_rounds and s.view.round == r)
        facts = corner_facts(session, trainer._kd)
        words = trainer.words(session)
        (who, text), (their_who, theirs) = words[0], words[1]
        line = next(ln for ln in trainer.corner.lines if ln.text == text)
        their_line = next(ln for ln in trainer.other.lines if ln.text == theirs)
        assert who == "duke" and line.holds(facts)
        assert their_who == "Dixon's corner" and their_line.holds(facts)
        session.run(until=lambda s: not s.view.between_rounds)
    assert "hand" not in trainer.said[:1]  # never in the first corner


def _first_corner(app, **ring_kwargs):
    from game.bout import BoutSetup, SideSetup
    from game.states.ring.corner import CornerScene

    setup = BoutSetup((SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu", "easy")),
                      rounds=2, clock_speed=6, seed=2)
    app.stack.push("ring", setup=setup, **ring_kwargs)
    for t in range(60 * 40):
        if isinstance(app.stack.top, CornerScene):
            app.stack.draw(app.screen, 0.0)
            return app.stack.top
        app.stack.update(t)
    raise AssertionError("no corner after round 1")


def test_the_ring_gives_the_corner_the_storys_words_and_versus_keeps_its_own(app):
    trainer = TrainerCorner(name="Duke")
    corner = _first_corner(app, corner_words=trainer.words)
    assert corner.who == ("DUKE:", "DIXON'S CORNER:")  # nobody is "your" corner but Rocky's
    assert corner.lines[0] in {ln.text for ln in trainer.corner.lines} and trainer.said
    assert corner.lines[1] in {ln.text for ln in trainer.other.lines} and trainer.other_said
    app.stack.clear()
    plain = _first_corner(app)
    assert plain.who == ("YOUR CORNER:", "YOUR CORNER:")
    assert plain.lines[0] not in {ln.text for ln in trainer.corner.lines}


def test_dixons_corner_reads_the_fight_from_his_side():
    t = TrainerCorner()
    t.other_said += ["first"]
    assert corner_facts(_session(3, points=(28, 25)))["dixon_score"] == "behind"
    who, _ = t.words(_session(3, points=(28, 25)))[1]
    assert who == "Dixon's corner"
    assert t.other_said[-1] == "hand"  # his hand is hurt from round 2: that comes first
    assert t.words(_session(9, points=(80, 85)))[1][1] == next(
        ln.text for ln in load_dixon_corner().lines if ln.id == "last_ahead")
    assert t.words(_session(4, dixon=_fighter(kd=1)))[1][1] == next(
        ln.text for ln in load_dixon_corner().lines if ln.id == "dixon_down")


def test_dixons_corner_needs_a_label_and_its_own_lines():
    with pytest.raises(StoryDataError, match=r"\[dixon\]"):
        parse_corner({"speaker": "duke"}, table="dixon")
    with pytest.raises(StoryDataError, match="label"):
        parse_corner({"dixon": {"line": [{"id": "z", "text": "y", "once": False}]}},
                     table="dixon")
