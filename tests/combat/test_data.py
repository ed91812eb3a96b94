"""Fighter and move data load, validate, and fail with messages naming file and field."""
from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest

from game.combat import list_fighters, load_fighter
from game.combat.age import ATTRIBUTES
from game.combat.fighters import FIGHTERS_DIR, FighterDataError, parse_fighter
from game.combat.moves import MOVES_PATH, MovesDataError, load_moves, parse_moves


def test_every_shipped_fighter_loads_with_a_look():
    ids = list_fighters()
    assert {"rocky", "dixon", "ramos", "hollander", "marsh", "carbone"} <= set(ids)
    styles = set()
    for fid in ids:
        f = load_fighter(fid)
        styles.add(f.style)
        assert f.look.hair in ("short", "bald", "cropped", "curly", "slick")
        assert f.look.skin.startswith("#") and len(f.look.skin) == 7
        assert set(f.attributes) == set(ATTRIBUTES)
    assert {"out-boxer", "swarmer", "slugger", "counter-puncher"} <= styles


def test_story_ages():
    assert load_fighter("rocky").story_age == 60
    assert load_fighter("rocky").prime_age == 30
    assert load_fighter("dixon").at_age().age == 30


def _data(fid: str) -> dict:
    return tomllib.loads((FIGHTERS_DIR / f"{fid}.toml").read_text())


@pytest.mark.parametrize("path, value, field", [
    (("attributes", "power"), 150, "power"),
    (("look", "hair"), "mohawk", "hair"),
    (("look", "skin"), "pink", "skin"),
    (("ai", "guard"), 2.0, "guard"),
    (("stance",), "sideways", "stance"),
])
def test_bad_fighter_field_is_named(path, value, field):
    data = copy.deepcopy(_data("rocky"))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(FighterDataError) as err:
        parse_fighter("rocky", data, Path("rocky.toml"))
    assert "rocky.toml" in str(err.value) and field in str(err.value)


def test_missing_fighter_field_is_named():
    data = copy.deepcopy(_data("dixon"))
    del data["look"]["gloves"]
    with pytest.raises(FighterDataError, match="gloves"):
        parse_fighter("dixon", data, Path("dixon.toml"))


def test_bad_moves_field_is_named():
    data = tomllib.loads(MOVES_PATH.read_text())
    data["moves"]["hook"]["startup_ticks"] = "slow"
    with pytest.raises(MovesDataError) as err:
        parse_moves(data, Path("moves.toml"))
    assert "moves.hook" in str(err.value) and "startup_ticks" in str(err.value)


def test_moves_table_has_heavy_tells():
    t = load_moves()
    assert t.tell[4] and t.tell[6] and not t.tell[0]  # hook and uppercut telegraph, jab does not
    assert (t.move["startup_ticks"][4] > t.move["startup_ticks"][0])


def test_age_curve_speed_falls_first_heart_never():
    f = load_fighter("rocky")
    young, old = f.at_age(30), f.at_age(60)
    assert old.heart == young.heart
    drop = {k: 1 - old.ratings[k] / young.ratings[k] for k in ATTRIBUTES}
    assert drop["hand_speed"] > drop["power"] and drop["foot_speed"] > drop["power"]
    assert drop["chin"] > 0 and drop["recovery"] > 0


def test_training_gains_are_bounded():
    f = load_fighter("rocky")
    base = f.at_age(60)
    trained = f.at_age(60, gains={"hand_speed": 50, "stamina": 3, "power": 40})
    assert 0 < trained.hand_speed - base.hand_speed <= 12
    assert trained.stamina == base.stamina + 3
    assert trained.hand_speed <= f.attributes["hand_speed"]
    assert trained.power == f.attributes["power"]  # never past his prime
