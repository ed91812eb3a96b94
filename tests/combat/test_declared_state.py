"""The bout state is declared in one place, and what a move *is* comes from its data."""

from __future__ import annotations

import numpy as np
import pytest

from game.combat import Rules, load_fighter, new_bout
from game.combat.moves import MovesDataError, load_moves, parse_moves
from game.combat.state import FIGHTER, FIXED, LANE


def test_every_array_of_the_state_is_declared_with_its_type_and_shape() -> None:
    s = new_bout(load_fighter("rocky").at_age(60), load_fighter("dixon").at_age(30), Rules(),
                 np.arange(3, dtype=np.uint64))
    declared = {f.name: f for f in LANE + FIGHTER + FIXED}
    arrays = {k for k, v in vars(s).items() if isinstance(v, np.ndarray)}
    extras = {"lane_id", "scores", "fixed"}  # bookkeeping, commented in BoutState.__init__
    assert arrays - extras == set(declared), "an array of the state is not declared"
    for f in LANE:
        assert getattr(s, f.name).shape == (3,) and getattr(s, f.name).dtype == f.dtype
    for f in FIGHTER:
        assert getattr(s, f.name).shape == (2, 3) and getattr(s, f.name).dtype == f.dtype
    for i, f in enumerate(FIXED):
        assert np.shares_memory(getattr(s, f.name), s.fixed[i])
    assert all(len(f.doc) > 10 for f in declared.values())  # each says what it holds


def test_move_flags_come_from_the_data_and_keep_the_old_meaning() -> None:
    t = load_moves()
    mv = np.arange(8)
    # the shipped data gives exactly what the code used to test by number
    assert (t.heavy == (mv >= 2)).all()  # cross, hook, uppercut
    assert (t.beats_duck == ((mv >> 1) == 3)).all()  # the uppercut, head and body
    assert (t.tell == ((mv >> 1) >= 2)).all()


def test_a_move_without_its_flags_is_refused_naming_the_field() -> None:
    import tomllib

    data = tomllib.loads(load_moves().path.read_text(encoding="utf-8"))
    del data["moves"]["hook"]["beats_duck"]
    with pytest.raises(MovesDataError, match=r"moves.hook.*beats_duck"):
        parse_moves(data, load_moves().path)
