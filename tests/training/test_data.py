"""Drill files: every shipped drill loads; bad data fails naming the file and the field."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from game.training import GRADES, DrillDataError, list_drills, load_drill
from game.training.drills import DRILLS_DIR, grade_for, parse_drill


def test_seven_drills_in_menu_order_with_the_three_sparring_goals():
    ids = list_drills()
    assert ids == ["heavy_bag", "speed_bag", "jump_rope", "meat_locker", "museum_steps",
                   "mitts", "sparring", "sparring_survive", "sparring_cards"]
    goals = [load_drill(i).params["goal"] for i in ids if load_drill(i).kind == "sparring"]
    assert goals == ["body_shots", "survive", "win_round"]


def test_a_sparring_file_missing_a_point_its_goal_scores_fails_naming_it(tmp_path):
    import tomllib

    data = tomllib.loads((DRILLS_DIR / "sparring_survive.toml").read_text())
    del data["points"]["taken"]
    with pytest.raises(DrillDataError, match=r"\[points\].*'taken'"):
        parse_drill("sparring_survive", data, tmp_path / "sparring_survive.toml")


@pytest.mark.parametrize("drill_id", list_drills())
def test_every_drill_loads_with_its_api_fields(drill_id):
    d = load_drill(drill_id)
    assert d.id == drill_id and d.name and d.place in ("gym", "meat_locker", "museum_steps",
                                                       "restaurant")
    assert d.attributes and all(isinstance(a, str) for a in d.attributes)
    assert list(d.bands) == list(GRADES[:-1])


def test_grades_best_first_and_bands():
    assert GRADES == ("Champion", "Contender", "Journeyman", "Bum")
    bands = {"Champion": 300, "Contender": 200, "Journeyman": 100}
    assert grade_for(300, bands) == "Champion"
    assert grade_for(299, bands) == "Contender"
    assert grade_for(100, bands) == "Journeyman"
    assert grade_for(99, bands) == "Bum"


def _raw(drill_id: str) -> dict:
    return tomllib.loads((DRILLS_DIR / f"{drill_id}.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda d: d.pop("name"), "'name'"),
    (lambda d: d.__setitem__("place", "moon"), "'place'"),
    (lambda d: d["windows_ms"].__setitem__("good", 10), "[windows_ms]"),
    (lambda d: d["bands"].__setitem__("Contender", 99999), "[bands]"),
    (lambda d: d["gains"].__setitem__("charisma", 2), "charisma"),
    (lambda d: d["params"].__setitem__("combos", [["jab", "haymaker"]]), "haymaker"),
    (lambda d: d["params"].pop("bpm_start"), "'bpm_start'"),
    (lambda d: d.__setitem__("keys", [["kick", "Kick"]]), "keys[0]"),
])
def test_bad_data_names_the_file_and_the_field(mutate, field, tmp_path: Path):
    data = _raw("heavy_bag")
    mutate(data)
    path = tmp_path / "heavy_bag.toml"
    with pytest.raises(DrillDataError) as err:
        parse_drill("heavy_bag", data, path)
    assert str(path) in str(err.value)
    assert field in str(err.value)


def test_unknown_drill_is_a_clear_error():
    with pytest.raises(DrillDataError, match="no such drill"):
        load_drill("tractor_pull")


def test_no_pygame_after_importing_training():
    code = ("import sys, game.training, game.training.gains, game.training.best, "
            "game.training.autoplay, game.training.rules; "
            "sys.exit(1 if 'pygame' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
