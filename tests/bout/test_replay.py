"""Replay files: the round trip, the bad cases (each a one-line message, never another fight),
the recent / saved folders, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import cpu_setup, human_script, humans_setup

from game.bout import BoutSession
from game.bout.replay import (
    RECENT_KEPT,
    ReplayError,
    keep,
    load,
    record_recent,
    replays_dir,
    rle_decode,
    rle_encode,
    save,
    verify,
)


@pytest.fixture(scope="module")
def human_replay() -> dict:
    session = BoutSession(humans_setup("rocky", "dixon", seed=12, rounds=1, clock_speed=6))
    while not session.over:
        held = []
        for player in (0, 1):
            h, t = human_script(player, session.ticks)
            held.append(h)
            session.tap(player, t)
        session.step(held)
    return session.replay().to_dict()


def _write(tmp_path: Path, data: dict | str, name: str = "r.json") -> Path:
    p = tmp_path / name
    p.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return p


def test_run_length_encoding_round_trips_and_is_small(human_replay: dict) -> None:
    values = [0, 0, 0, 16, 16, 0, 2, 2, 2, 2]
    assert rle_decode(rle_encode(values), "x") == tuple(values)
    pairs = sum(len(side) for side in human_replay["inputs"])
    assert pairs < human_replay["ticks"]  # held buttons compress


def test_a_saved_file_loads_and_verifies(tmp_path: Path, human_replay: dict) -> None:
    replay = load(_write(tmp_path, human_replay))
    session = verify(replay)
    assert session.result is not None
    assert replay.result["method"] == session.result.method


@pytest.mark.parametrize("damage, message", [
    (lambda d: d.update(version=99), "version 99"),
    (lambda d: d.update(format="something-else"), "not a Still a Fighter replay"),
    (lambda d: d.update(data_hash="0" * 64), "other fighter or move data"),
    (lambda d: d.update(ticks=d["ticks"] + 5), "do not add up"),
    (lambda d: d["inputs"][0].__setitem__(0, [70000, 1]), "bad entry"),
    (lambda d: d["setup"]["sides"][0].update(fighter_id="apollo"), "not in this game"),
    (lambda d: d["setup"]["sides"][1].update(age=99), "age"),
    (lambda d: d["setup"].pop("seed"), "seed"),
    (lambda d: d.update(final_hash="abc"), "final_hash"),
])
def test_a_damaged_or_foreign_replay_is_one_clear_line(tmp_path: Path, human_replay: dict,
                                                       damage, message: str) -> None:
    data = json.loads(json.dumps(human_replay))
    damage(data)
    with pytest.raises(ReplayError, match=message) as info:
        load(_write(tmp_path, data))
    assert "\n" not in str(info.value)


def test_a_truncated_or_binary_file_is_refused(tmp_path: Path, human_replay: dict) -> None:
    text = json.dumps(human_replay)
    with pytest.raises(ReplayError, match="damaged"):
        load(_write(tmp_path, text[: len(text) // 2]))
    p = tmp_path / "bin.json"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ReplayError, match="not a replay"):
        load(p)
    with pytest.raises(ReplayError, match="no such file"):
        load(tmp_path / "missing.json")
    with pytest.raises(ReplayError, match="damaged"):
        load(_write(tmp_path, "[" * 100_000))


def test_edited_inputs_never_play_as_another_fight(tmp_path: Path, human_replay: dict) -> None:
    data = json.loads(json.dumps(human_replay))
    # blue's second half becomes "walk away", keeping the tick count (an edit that matters: an
    # edit made while a man lies on the canvas changes nothing, and is the same fight)
    ticks = data["ticks"]
    blue = list(rle_decode(data["inputs"][1], "blue"))
    blue[ticks // 2:] = [1 << 1] * (ticks - ticks // 2)
    data["inputs"][1] = rle_encode(blue)
    replay = load(_write(tmp_path, data))  # the file itself is well formed ...
    with pytest.raises(ReplayError, match="played out differently"):
        verify(replay)  # ... but it is not the fight that was recorded


def test_an_edited_cpu_side_is_caught_at_the_tick(tmp_path: Path) -> None:
    session = BoutSession(cpu_setup("rocky", "dixon", seed=4, rounds=1, clock_speed=6))
    session.run()
    data = session.replay().to_dict()
    data["inputs"][0] = rle_encode([1 << 4] * data["ticks"])  # the CPU "only jabbed"
    with pytest.raises(ReplayError, match="CPU in the red corner does something else at tick"):
        verify(load(_write(tmp_path, data)))


def test_recent_replays_keep_the_last_twenty_and_saved_ones_stay() -> None:
    session = BoutSession(cpu_setup("rocky", "dixon", seed=4, rounds=1, clock_speed=6))
    session.run(until=lambda s: s.ticks >= 30)
    session.stop()
    replay = session.replay()
    for _ in range(RECENT_KEPT + 5):
        record_recent(replay)
    assert len(list(replays_dir("recent").glob("*.json"))) == RECENT_KEPT
    kept = keep(replay)
    assert kept.parent == replays_dir("saved") and load(kept).final_hash == replay.final_hash


def test_command_line_saves_and_verifies_a_versus_bout(tmp_path: Path, capsys) -> None:
    from game.replay_cli import main as replay_main
    from game.versus_cli import main as versus_main

    path = tmp_path / "bout.json"
    assert versus_main(["--p1", "cpu", "--p2", "cpu", "--rounds", "1", "--clock-speed", "6",
                        "--seed", "8", "--headless", "--save-replay", str(path)]) == 0
    original = capsys.readouterr().out
    assert replay_main([str(path), "--headless"]) == 0
    replayed = capsys.readouterr().out
    assert replayed.rstrip().endswith("replay verified")
    card = lambda out: [ln for ln in out.splitlines() if ln.startswith(("Winner", "Result",
                                                                        "Method", "Round", "  "))]
    assert card(original) and card(replayed) == card(original)


def test_command_line_refuses_bad_replays_in_one_line(tmp_path: Path, capsys,
                                                      human_replay: dict) -> None:
    from game.replay_cli import main as replay_main

    data = json.loads(json.dumps(human_replay))
    data["version"] = 0
    for path in (_write(tmp_path, data), _write(tmp_path, "{oops", "b.json"),
                 tmp_path / "none.json"):
        assert replay_main([str(path), "--headless"]) == 1
        err = capsys.readouterr().err
        assert err.startswith("replay: ") and err.count("\n") == 1 and "Traceback" not in err


def test_save_writes_what_load_reads(tmp_path: Path, human_replay: dict) -> None:
    replay = load(_write(tmp_path, human_replay))
    again = load(save(replay, tmp_path / "copy.json"))
    assert again == replay
