"""Whole-bout behaviour: age matters, mirror matches split, no pygame, the CLI works."""
from __future__ import annotations

import json
import subprocess
import sys

from game.combat import Rules
from game.combat.sim import simulate
from tests.combat.helpers import stats

RULES = Rules(rounds=3, round_seconds=60, clock_speed=3)


def test_prime_rocky_beats_old_rocky_and_heart_does_not_age():
    young, old = stats("rocky", 30), stats("rocky", 60)
    assert young.heart == old.heart
    # age tells over a longer fight: six two-minute rounds
    rules = Rules(rounds=6, round_seconds=120, clock_speed=3)
    # (80 bouts: with 40 the 2:1 margin of a ~72 % favourite sat within a bout of the noise)
    r = simulate(young, old, 80, rules, seed=2, processes=1, chunk=80).summary()
    assert r["a_wins"] > 0.6 * r["bouts"] and r["a_wins"] >= 2 * r["b_wins"]


def test_mirror_match_splits_near_even():
    f = stats("dixon")
    r = simulate(f, f, 128, RULES, seed=4, processes=1, chunk=128).summary()
    decided = r["a_wins"] + r["b_wins"]
    assert decided > 60
    assert 0.3 < r["a_wins"] / decided < 0.7


def test_no_pygame_after_importing_the_model():
    code = ("import sys, game.combat, game.combat.sim, game.sim_cli; "
            "sys.exit(1 if 'pygame' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_sim_cli_json(capsys):
    from game.sim_cli import main
    assert main(["rocky@30", "dixon@30", "--bouts", "6", "--rounds", "1", "--seed", "3",
                 "--json", "--processes", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["bouts"] == 6
    assert out["a_wins"] + out["b_wins"] + out["draws"] == 6
    assert set(out["methods"]) >= {"KO", "TKO", "UD", "SD", "MD", "DRAW"}
    assert list(out["stoppage_rounds"]) == ["1"]


def test_sim_cli_rejects_bad_fighter(capsys):
    from game.sim_cli import main
    try:
        main(["nobody", "dixon"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "nobody" in capsys.readouterr().err
