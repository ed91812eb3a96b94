"""The bout layer: one session runs any mode's bout, its input log replays it bit for bit, and
lane k of a batched simulation is the B = 1 bout with lane k's seed."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from conftest import cpu_setup, human_script, humans_setup

from game.bout import BoutSession, BoutSetup, Modifier, SetupError, SideSetup
from game.bout.replay import Replay, data_hash, from_dict, verify
from game.combat import list_fighters


def _play_humans(session: BoutSession) -> None:
    while not session.over:
        held = []
        for player in (0, 1):
            h, t = human_script(player, session.ticks)
            held.append(h)
            if t:
                session.tap(player, t)
        session.step(held)


def test_importing_the_bout_layer_loads_no_pygame() -> None:
    code = ("import sys, game.bout, game.bout.replay, game.bout.session; "
            "sys.exit(1 if 'pygame' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize("fighter", list_fighters())
def test_cpu_bout_of_every_fighter_replays_bit_for_bit(fighter: str, short_rules) -> None:
    other = "dixon" if fighter != "dixon" else "rocky"
    session = BoutSession(cpu_setup(fighter, other, seed=31, **short_rules))
    session.run()
    assert session.over and session.result is not None
    replay = from_dict(session.replay().to_dict())  # through the file format
    again = verify(replay)
    assert again.state_hash() == session.state_hash()
    assert again.result == session.result


@pytest.mark.parametrize("fighter", list_fighters())
def test_two_human_bout_of_every_fighter_replays_bit_for_bit(fighter: str, short_rules) -> None:
    other = "hollander" if fighter != "hollander" else "rocky"
    session = BoutSession(humans_setup(fighter, other, seed=5, **short_rules))
    _play_humans(session)
    assert session.result is not None
    assert session.landed(0) + session.landed(1) > 10  # the script really fights
    again = verify(from_dict(session.replay().to_dict()))
    assert again.state_hash() == session.state_hash()
    assert again.result == session.result


def test_a_tap_released_within_the_frame_still_reaches_the_model(short_rules) -> None:
    from game.combat.inputs import Button

    session = BoutSession(humans_setup("rocky", "dixon", seed=2, **short_rules))
    while session.view.between_rounds or session.ticks < 5:
        session.step()
    session.tap(0, int(Button.JAB))
    session.step((0, 0))  # nothing held: the key went down and up inside one frame
    assert session.log[0][-1] & int(Button.JAB)
    assert session.view.fighters[0].action == "jab"


def test_lane_k_of_a_batch_replays_as_the_single_bout_with_its_seed() -> None:
    from game.combat import cpu_buttons, new_bout, step, view
    from game.combat.sim import bout_seeds

    setup = cpu_setup("rocky", "dixon", seed=0, rounds=1, clock_speed=6)
    seeds = bout_seeds(77, 0, 6)
    state = new_bout(setup.stats(0), setup.stats(1), setup.rules(), seeds)
    k = 4
    log: tuple[list[int], list[int]] = ([], [])
    while not state.over[k]:
        a = cpu_buttons(state, 0, "hard")
        b = cpu_buttons(state, 1, "medium")
        log[0].append(int(a[k]))
        log[1].append(int(b[k]))
        step(state, a, b)
    lane = view(state, k)
    lane_setup = setup.with_seed(int(seeds[k]))
    single = BoutSession(lane_setup)
    single.run()
    assert single.ticks == len(log[0])
    assert list(single.log[0]) == log[0] and list(single.log[1]) == log[1]
    assert single.result == lane.result
    # and the lane's own input log, as a replay file, verifies against the single bout
    replay = Replay(lane_setup, data_hash(lane_setup), (tuple(log[0]), tuple(log[1])),
                    single.state_hash(), None)
    assert verify(from_dict(replay.to_dict())).result == lane.result


def test_a_modifier_scales_the_side_from_its_round_on() -> None:
    mod = Modifier(1, "power", 0.85, from_round=2)
    plain = BoutSession(cpu_setup("rocky", "dixon", seed=9, rounds=2, clock_speed=6))
    hurt = BoutSession(cpu_setup("rocky", "dixon", seed=9, rounds=2, clock_speed=6,
                                 modifiers=(mod,)))
    before = float(hurt.state.pow_f[1, 0])
    while hurt.view.round < 2 or hurt.view.between_rounds:
        hurt.step()
        plain.step()
    assert float(hurt.state.pow_f[1, 0]) == pytest.approx(before * 0.85, rel=1e-6)
    assert float(plain.state.pow_f[1, 0]) == pytest.approx(before)
    assert float(hurt.state.pow_f[0, 0]) == float(plain.state.pow_f[0, 0])
    hurt.run()
    again = verify(from_dict(hurt.replay().to_dict()))  # the modifier travels with the replay
    assert again.state_hash() == hurt.state_hash()


def test_stop_ends_the_bout_where_the_mode_says() -> None:
    session = BoutSession(cpu_setup("rocky", "dixon", seed=3, rounds=3))
    session.run(until=lambda s: s.landed(0, "body") + s.landed(0, "head") >= 5)
    session.stop()
    assert session.over and session.result is None and session.landed(0) >= 5
    assert session.step() == []  # a stopped bout takes no more steps
    again = verify(from_dict(session.replay().to_dict()))
    assert again.ticks == session.ticks and again.state_hash() == session.state_hash()


def test_setups_refuse_what_cannot_be() -> None:
    with pytest.raises(SetupError, match="age"):
        SideSetup("rocky", 19)
    with pytest.raises(SetupError, match="control"):
        SideSetup("rocky", 40, "robot")
    with pytest.raises(SetupError, match="seed"):
        BoutSetup(seed=-1)
    with pytest.raises(SetupError, match="seed"):
        BoutSetup(seed=2**64)
    with pytest.raises(SetupError, match="rounds"):
        BoutSetup(rounds=13)
    with pytest.raises(SetupError, match="attribute"):
        Modifier(0, "luck", 1.1)
    s = BoutSetup(modifiers=(Modifier(1, "chin", 0.9, 3),), seed=2**64 - 1)
    assert BoutSetup.from_dict(s.to_dict()) == s
    assert np.uint64(s.seed) == np.uint64(2**64 - 1)
