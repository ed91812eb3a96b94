"""Versus words and setup: advice picks the first rule that holds; bad data names the field."""

from __future__ import annotations

import pytest

from game.bout.setup import BoutSetup, SideSetup
from game.states.versus.data import VersusDataError, load_versus_text, parse_versus_text
from game.versus_cli import build_parser, setup_from_args

FACTS = {
    "me_head": 0.9,
    "me_body": 0.9,
    "me_stamina": 0.9,
    "me_accuracy": 0.5,
    "me_age": 30,
    "him_head": 0.9,
    "him_body": 0.9,
    "him_stamina": 0.9,
    "me_ahead": False,
}


def test_corner_tells_you_to_finish_a_hurt_opponent() -> None:
    text = load_versus_text()
    assert "hurt" in text.advise(dict(FACTS, him_head=0.2)).lower()


def test_corner_always_has_something_to_say() -> None:
    assert load_versus_text().advise(FACTS)


def test_every_shipped_fighter_has_a_record() -> None:
    from game.combat import list_fighters

    text = load_versus_text()
    assert all(f in text.records for f in list_fighters())


def test_bad_advice_condition_names_file_and_entry() -> None:
    data = {
        "records": {},
        "judges": {"names": ["a", "b", "c"]},
        "methods": {},
        "advice": [{"when": "always", "line": "ok"}, {"when": "me_hed < 2", "line": "x"}],
    }
    with pytest.raises(VersusDataError, match=r"versus.toml: \[\[advice\]\] #2"):
        parse_versus_text(data, "versus.toml")


def test_cli_builds_the_setup_from_the_issue_example() -> None:
    argv = (
        "--p1 cpu --p2 cpu --fighter1 rocky --age1 60 --fighter2 dixon --age2 30 --rounds 10 "
        "--difficulty hard"
    )
    args = build_parser().parse_args(argv.split())
    setup = setup_from_args(args)
    assert setup.sides == (
        SideSetup("rocky", 60, "cpu", "hard"),
        SideSetup("dixon", 30, "cpu", "hard"),
    )
    assert setup.rounds == 10 and setup.rules().rounds == 10


@pytest.mark.parametrize(
    "argv, field",
    [("--fighter1 nobody", "--fighter1"), ("--age2 80", "--age2"), ("--rounds 13", "--rounds")],
)
def test_cli_rejects_bad_arguments_naming_them(argv: str, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        setup_from_args(build_parser().parse_args(argv.split()))


def test_side_setup_validates() -> None:
    with pytest.raises(ValueError):
        SideSetup("rocky", 70)
    assert SideSetup("rocky", 60, "human2").player == 1
    assert BoutSetup().with_seed(9).seed == 9


def test_every_control_choice_on_the_select_screen_is_one_the_model_accepts() -> None:
    from game.combat.moves import DIFFICULTIES
    from game.states.versus.select import CONTROL_CHOICES

    for control, difficulty in CONTROL_CHOICES:
        SideSetup("rocky", 40, control, difficulty)  # validates
        assert control != "cpu" or difficulty in DIFFICULTIES


def test_story_gains_raise_the_stats_the_ring_fights_with() -> None:
    plain = BoutSetup((SideSetup("rocky", 60), SideSetup("dixon", 30)))
    trained = BoutSetup(
        (SideSetup("rocky", 60, gains={"hand_speed": 10}), SideSetup("dixon", 30))
    )
    assert trained.stats(0).ratings["hand_speed"] > plain.stats(0).ratings["hand_speed"]
    assert trained.stats(1).ratings == plain.stats(1).ratings


def test_on_screen_keys_use_the_keycap_words() -> None:
    """Every footer says ESC and ENTER (the words on the keys), whatever screen draws it."""
    from types import SimpleNamespace

    from game.states.training.keys import key_label
    from game.states.versus.data import action_keys, confirm_keys

    settings = SimpleNamespace(bindings=[{"confirm": ["f"], "back": ["escape"]},
                                         {"confirm": ["return"], "back": ["backspace"]}])
    app = SimpleNamespace(settings=settings)
    assert confirm_keys(app) == "F / ENTER"
    assert action_keys(app, "back", (0,)) == "ESC"
    assert key_label(settings, "back") == "ESC" and key_label(settings, "confirm", 1) == "ENTER"
