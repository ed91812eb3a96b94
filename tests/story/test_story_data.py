"""Every dialogue, chapter and camp file validates; the runner walks conversations right."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.story.camp import load_camp
from game.story.chapters import load_chapters, ui_text
from game.story.conditions import flags_read, holds
from game.story.data import StoryDataError
from game.story.dialogue import (
    DialogueRunner,
    check_dialogue,
    load_dialogue_file,
    load_dialogues,
)
from game.story.speakers import load_speakers
from game.story.state import CODE_FLAGS
from game.world.tilemap import load_all


def _flags_set_by_code() -> set[str]:
    chapters = [c.id for c in load_chapters()]
    dialogues = list(load_dialogues())
    return (set(CODE_FLAGS) | {"camp_intro", "finished"} | {f"began_{c}" for c in chapters}
            | {f"intro_{c}" for c in chapters} | {f"talked_{d}" for d in dialogues})


def test_every_dialogue_has_no_dangling_nodes_and_known_speakers():
    speakers = set(load_speakers())
    problems = [p for d in load_dialogues().values() for p in check_dialogue(d, speakers)]
    assert problems == []


def test_every_flag_read_anywhere_is_set_somewhere():
    dialogues = load_dialogues()
    set_ = set().union(*(d.flags_set() for d in dialogues.values())) | _flags_set_by_code()
    read = set().union(*(d.flags_read() for d in dialogues.values()))
    read |= load_camp().flags_read()
    for c in load_chapters():
        for cond, _ in c.goals:
            read |= flags_read(cond)
    for m in load_all().values():
        for t in m.things:
            read |= flags_read(t.props.get("when"))
    assert read - set_ == set()


def test_everything_the_data_names_exists():
    dialogues, speakers, texts = load_dialogues(), load_speakers(), ui_text()
    maps = load_all()
    for c in load_chapters():
        if c.intro:
            assert c.intro in dialogues
        if c.kind == "world":
            maps[c.map].spawn(c.spawn)
        for _, key in c.goals:
            assert key in texts
    camp = load_camp()
    assert camp.intro in dialogues
    for e in camp.evenings:
        assert e.dialogue in dialogues and 1 <= e.day <= camp.days
    for p in camp.places:
        assert f"place.{p.id}" in texts and f"place_blurb.{p.id}" in texts
        if p.map:
            assert p.map in maps
    for m in maps.values():
        for t in m.things:
            if "dialogue" in t.props:
                assert t.props["dialogue"] in dialogues, (m.id, t.name)
            if "blocked" in t.props:
                assert t.props["blocked"] in dialogues
            if t.type == "npc":
                assert speakers[t.props["speaker"]].portrait
    for ending in ("win_stoppage", "lose_stoppage", "win_points", "lose_decision"):
        assert f"ending_{ending}" in dialogues and f"ending.{ending}" in texts
    portraits = Path(__file__).resolve().parents[2] / "assets" / "world"
    for sid, sp in speakers.items():
        if sp.portrait:
            assert (portraits / "portraits" / f"{sid}.png").exists()
            assert (portraits / "people" / f"{sid}.png").exists()


@pytest.mark.parametrize("pick", [0, 1, 2])
def test_every_dialogue_ends_whatever_is_chosen(pick):
    for d in load_dialogues().values():
        for flags in (set(), {"saw_tv", "tv_rocky_won", "robert_came", "power_unlocked",
                              "steps_helps"}):
            DialogueRunner(d, set(flags)).run_auto(pick)


def test_choices_set_flags_and_conditions_branch():
    d = load_dialogues()["robert"]
    flags: set[str] = set()
    r = DialogueRunner(d, flags)
    assert r.page is not None and r.page.speaker == "robert"
    texts = r.run_auto(0)
    assert "robert_came" in flags
    again = DialogueRunner(d, flags).run_auto(0)
    assert len(again) == 1 and again != texts[:1]


def test_paulie_ends_the_chapter_only_after_the_tv():
    d = load_dialogues()["paulie"]
    before = DialogueRunner(d, set())
    before.run_auto()
    assert before.events == []
    after = DialogueRunner(d, {"saw_tv"})
    after.run_auto()
    assert after.events == ["end_chapter"]


def test_conditions():
    assert holds("", set()) and holds("a, !b", {"a"}) and not holds("a,!b", {"a", "b"})
    assert flags_read(" a, !b ,") == {"a", "b"}


def test_bad_dialogue_names_file_and_field(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[x]\nstart = "a"\n[[x.node]]\nid = "a"\nspeaker = "rocky"\nlines = 3\n')
    with pytest.raises(StoryDataError, match=r"bad.toml: \[x\] node\[0\] 'a': field 'lines'"):
        load_dialogue_file(bad)
    bad.write_text('[x]\nstart = "a"\n[[x.node]]\nid = "a"\nspeaker = "rocky"\nlines = ["hi"]\n'
                   'next = "b"\n')
    (d,) = load_dialogue_file(bad).values()
    assert check_dialogue(d, {"rocky"}) == ["bad.toml: [x] node 'a': next 'b' is not a node"]
    assert check_dialogue(d, set())[0].endswith("unknown speaker 'rocky'")


def test_no_film_lines_slip_in():
    """A few lines every viewer of the film knows must never appear in our data."""
    text = "\n".join(p.read_text(encoding="utf-8").lower() for p in
                     (Path(__file__).resolve().parents[2] / "assets" / "story").rglob("*.toml"))
    for phrase in ("sunshine and rainbows", "stuff in the basement", "blunt force trauma",
                   "hurtin' bombs", "how hard you can get hit", "yo, adrian"):
        assert phrase not in text


def test_story_rules_import_no_pygame():
    mods = ["game.story." + p.stem for p in
            (Path(__file__).resolve().parents[2] / "game" / "story").glob("*.py")]
    code = (f"import sys; import {', '.join(mods)}; "
            "sys.exit(1 if 'pygame' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
