"""The story plays itself to an ending; different fight results reach different endings."""
from __future__ import annotations

import subprocess
import sys

from game.story import fight as fightmod
from game.story.autoplay import Autoplay
from game.story.endings import ending_for

FAKE_TV = {"seed": 0, "bouts": 4, "red_wins": 3, "blue_wins": 1, "winner": 0, "method": "KO",
           "round": 8}


def _play(result, choice=0):
    lines: list[str] = []
    a = Autoplay(11, choice=choice, say=lines.append, tv=lambda seed, n: dict(FAKE_TV),
                 fight=lambda plan: dict(result, scorecards=[]))
    return a.run(), lines


def test_different_fight_results_reach_different_endings():
    outcomes = [({"winner": 0, "method": "KO", "round": 7}, "win_stoppage"),
                ({"winner": 1, "method": "TKO", "round": 4}, "lose_stoppage"),
                ({"winner": 0, "method": "UD", "round": 10}, "win_points"),
                ({"winner": 1, "method": "SD", "round": 10}, "lose_decision")]
    seen = set()
    for result, ending in outcomes:
        state, lines = _play(result)
        assert state.ending == ending
        assert lines[-1] == f"Ending: {ending}"
        assert len(lines) == 5  # four chapters and the ending
        seen.add(state.ending)
    assert len(seen) == 4


def test_choices_change_the_playthrough():
    a, _ = _play({"winner": 1, "method": "SD", "round": 10}, choice=0)
    b, _ = _play({"winner": 1, "method": "SD", "round": 10}, choice=1)
    assert "robert_came" in a.flags and "robert_came" not in b.flags
    assert a.gains and a.day == 13


def test_ending_rules():
    assert ending_for(None, "DRAW") == "lose_decision"
    assert ending_for(1, "MD") == "lose_decision"
    assert ending_for(0, "SD") == "win_points"


def test_the_fight_plan_carries_camp_and_difficulty():
    state, _ = _play({"winner": 0, "method": "KO", "round": 7})
    p = fightmod.plan(state)
    assert p.gains == state.gains and p.rounds == 10 and p.difficulty == "medium"


def test_autoplay_command_line_reaches_an_ending():
    out = subprocess.run([sys.executable, "main.py", "story", "--headless", "--autoplay",
                          "--seed", "4", "--tv-bouts", "1"], capture_output=True, text=True,
                         timeout=600, check=False)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("Chapter One") and lines[-1].startswith("Ending: ")
    assert lines[-1].split(": ")[1] in ("win_stoppage", "lose_stoppage", "win_points",
                                        "lose_decision")


def test_a_choice_no_question_has_is_a_one_line_error(capsys):
    """--choice 99 was clamped to each question's last choice without a word."""
    import pytest

    from game.story.dialogue import load_dialogues
    from game.story_cli import main

    most = max(len(n.choices) for d in load_dialogues().values() for n in d.nodes.values())
    with pytest.raises(SystemExit) as stop:
        main(["--headless", "--autoplay", "--choice", "99"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--choice" in err and f"0 .. {most - 1}" in err and "99" in err
