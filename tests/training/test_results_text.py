"""What a drill's results card says a session did for the fighter in the story."""
from __future__ import annotations

from game.states.training.cards import no_gain_reason
from game.training import load_drill
from game.training.gains import apply_session, ceilings


def test_a_bum_session_is_not_called_the_ceiling_of_his_age():
    """Seen on camp day one: a Bum heavy bag read "nothing more to gain here at his age". (A
    Bum heavy bag now gives what auto-train gives; a Bum sparring session still gives
    nothing, its gains being too small to round up.)"""
    drill = load_drill("sparring")
    assert not any(apply_session({}, "sparring", "Bum", fighter_id="rocky", age=60).values())
    said = no_gain_reason({}, drill, "Bum", "rocky", 60)
    assert "at his age" not in said and "better grade" in said and "power" in said


def test_at_the_ceiling_it_says_so():
    drill = load_drill("heavy_bag")
    full = {a: ceilings("rocky", 60)[a] for a in drill.gains}
    assert "at his age" in no_gain_reason(full, drill, "Champion", "rocky", 60)
