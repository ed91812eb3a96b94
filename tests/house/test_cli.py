"""The command line as a stranger types it: subcommands, global options, one-line errors."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli, sim_cli, versus_cli
from game.bout import setup as versus_config
from game.combat import age

ROOT = Path(__file__).resolve().parents[2]


def run_main(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=env,
                          check=False, capture_output=True, text=True, timeout=60)


def parsers() -> list[argparse.ArgumentParser]:
    return [cli.build_parser(), sim_cli.build_parser(), versus_cli.build_parser()]


def test_help_lists_every_subcommand() -> None:
    text = cli.build_parser().format_help()
    for name in cli.SUBCOMMANDS:
        assert f"    {name} " in text


def test_every_option_has_help_text() -> None:
    for parser in parsers():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                assert all(choice.help for choice in action._choices_actions)
                continue
            assert action.help and action.help != argparse.SUPPRESS, (parser.prog, action.dest)


def test_version_prints_the_package_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("still-a-fighter 0.") and cli.version().split()[0] in out


def test_global_options_before_a_subcommand_are_passed_on(monkeypatch) -> None:
    seen: list[list[str]] = []
    fake = type(sys)("fake_versus_cli")
    fake.main = lambda argv: seen.append(argv) or 0
    monkeypatch.setitem(sys.modules, "fake_versus_cli", fake)
    monkeypatch.setitem(cli.SUBCOMMANDS, "versus", ("fake_versus_cli", "Versus"))
    assert cli.main(["--seed", "7", "--headless", "--log-level", "info", "versus",
                     "--p1", "cpu", "--seed", "9"]) == 0
    assert seen == [["--headless", "--seed", "7", "--p1", "cpu", "--seed", "9"]]


def test_a_global_option_a_subcommand_does_not_use_is_an_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--scale", "2", "sim", "rocky", "dixon"])
    assert exit_info.value.code == 2
    assert "--scale: not used by 'sim'" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["versus", "--seed", "-1"], ["versus", "--seed", str(2**64)],
    ["sim", "rocky", "dixon", "--seed", "-1"], ["sim", "rocky", "dixon", "--seed", str(10**23)],
    ["--seed", "x"], ["--scale", "0"], ["--scale", "-1"], ["--scale", "1e9"], ["--scale", "nan"],
    ["--scale", "50"], ["--frames", "-5"], ["sim", "rocky@18", "dixon"],
    ["sim", "rocky", "dixon@70"], ["versus", "--age1", "19"], ["versus", "--age2", "66"],
    ["sim", "rocky", "dixon", "--bouts", "0"], ["--bogus"],
])
def test_bad_values_are_one_line_and_exit_2(argv: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        code = cli.main(argv)
        raise SystemExit(code)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err and "Traceback" not in err, err


def test_data_dir_that_is_a_file_or_cannot_be_created(tmp_path: Path, capsys) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    for bad in (a_file, a_file / "inside"):
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["--data-dir", str(bad), "--list-scenes"])
        assert exit_info.value.code == 2
        err = capsys.readouterr().err.strip()
        assert "--data-dir" in err and "\n" not in err


def test_one_age_range_everywhere() -> None:
    assert (age.MIN_AGE, age.MAX_AGE) == (20, 65)
    assert (versus_config.MIN_AGE, versus_config.MAX_AGE) == (age.MIN_AGE, age.MAX_AGE)
    sim_cli.build_parser().parse_args(["rocky@20", "dixon@65"])  # both ends are playable
    assert "from 20 to 65" in (ROOT / "README.md").read_text()


def _env_without_pygame(tmp_path: Path, body: str) -> dict[str, str]:
    shadow = tmp_path / "shadow" / "pygame"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(body)
    return dict(os.environ, PYTHONPATH=str(tmp_path / "shadow"))


@pytest.mark.parametrize("argv", [[], ["versus", "--headless"], ["sim", "rocky", "dixon"]])
def test_no_pygame_at_all_is_one_line_on_every_path(argv: list[str], tmp_path: Path) -> None:
    env = _env_without_pygame(tmp_path, "raise ImportError('No module named pygame')\n")
    proc = run_main(argv, env, tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "pygame-ce" in proc.stderr, proc.stderr


def test_classic_pygame_is_refused_for_versus_too(tmp_path: Path) -> None:
    env = _env_without_pygame(tmp_path, "version = '2.6.1'\n")
    proc = run_main(["versus", "--headless"], env, tmp_path)
    assert proc.returncode == 2 and "classic pygame" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("argv", [["--no-sound", "--frames", "5"],
                                  ["versus", "--frames", "5"]])
def test_no_display_and_no_headless_says_so(argv: list[str], tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    proc = run_main(argv, env, tmp_path)
    assert proc.returncode != 0
    assert "no display found" in proc.stderr and "--headless" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_display_that_cannot_be_opened_is_one_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("SDL_VIDEODRIVER", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR")}
    env["DISPLAY"] = ":97"  # no X server there
    proc = run_main(["--no-sound", "--frames", "5"], env, tmp_path)
    assert proc.returncode != 0
    assert "--headless" in proc.stderr and "Traceback" not in proc.stderr
    # one line: SDL does not go on to Wayland, whose library printed "XDG_RUNTIME_DIR is invalid"
    assert proc.stderr.strip().count("\n") == 0, proc.stderr


@pytest.mark.parametrize("argv", [
    ["sim", "rocky", "dixon", "--bouts", "4", "--rounds", "1", "--processes", "1"],
    ["--list-scenes"],  # printed outside the subcommands' guard: a BrokenPipeError traceback
], ids=["sim", "list-scenes"])
def test_a_reader_that_goes_away_is_no_traceback(tmp_path: Path, argv: list[str]) -> None:
    """`still-a-fighter sim ... | head -1`: when the pipe's reader is gone the game stops
    quietly (exit 1, nothing on stderr), as command-line tools do.

    What is tested is the write to a pipe with no reader, not the workers: one process on the
    numpy model (about 1.5 s). With the default two spawned workers on the compiled kernel, a
    cold numba cache (any change to the kernel's sources) cost a minute of compiling, and beside
    two busy loops the run went past the 120 s timeout."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # gone before the game writes a byte
    try:
        proc = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--headless", *argv],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
            env=dict(os.environ, STILL_A_FIGHTER_HOME=str(tmp_path),
                     STILL_A_FIGHTER_KERNEL="numpy"))
    finally:
        os.close(write_end)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_a_scene_that_needs_the_game_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    """--scene story_tv (a story chapter's TV needs its session) crashed with a crash log; it
    is a one-line refusal now, and --list-scenes names only what --scene can open."""
    from game import paths

    for name in ("story_tv", "story_world", "corner", "drill"):
        code = cli.main(["--headless", "--data-dir", str(tmp_path), "--scene", name])
        err = capsys.readouterr().err.strip()
        assert code == 2, name
        assert "opens only from within the game" in err and "\n" not in err, err
        assert not list(tmp_path.glob("crash-*.log"))
    assert cli.main(["--data-dir", str(tmp_path), "--list-scenes"]) == 0
    listed = capsys.readouterr().out.split()
    assert "story_tv" not in listed and "corner" not in listed
    assert {"title", "menu", "virtual_fight", "hub", "train_heavy_bag"} <= set(listed)
    paths.set_data_dir(None)


def test_every_scene_listed_opens_alone(tmp_path: Path) -> None:
    """Each name --list-scenes prints runs a few frames from --scene without a crash."""
    from game import paths
    from game.app import App
    from game.settings import Settings
    from game.states import registry

    paths.set_data_dir(tmp_path)
    try:
        for name in (n for n in registry.names() if registry.opens_alone(n)):
            app = App(headless=True, seed=1, sound=False, settings=Settings())
            try:
                assert app.run(name, frames=3) == 0, name
            finally:
                app.close()
    finally:
        paths.set_data_dir(None)
    assert not list(tmp_path.glob("crash-*.log"))


def test_a_data_folder_from_the_environment_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    env = {**os.environ, "STILL_A_FIGHTER_HOME": str(a_file)}
    result = run_main(["--headless", "--frames", "2"], env, tmp_path)
    assert result.returncode == 2
    err = result.stderr.strip()
    assert "STILL_A_FIGHTER_HOME" in err and "is a file" in err, err
    assert "\n" not in err and "Traceback" not in err


@pytest.mark.parametrize(("text", "says"), [
    (None, "No such file"),
    ("[1, 2", "not JSON"),
    ('{"frame": 1}', "must be a JSON list"),
    ('[{"press": "return"}]', "item 0: needs frame"),
    ('[{"frame": 1, "press": "return"}, {"frame": 3, "press": "nokey"}]',
     "item 1: unknown key name 'nokey'"),
    ('[{"frame": 1, "hover": true}]', "needs press | focus_lost | click"),
    ('[{"frame": 1, "click": [5]}]', "click must be [x, y]"),
    ('["return"]', "must be an object"),
])
def test_a_bad_script_is_a_one_line_usage_error(tmp_path: Path, capsys, text, says) -> None:
    """--script errors left with exit 1 (SystemExit with a message); every other usage error on
    the command line is one line and exit 2."""
    script = tmp_path / "script.json"
    if text is not None:
        script.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--headless", "--data-dir", str(tmp_path), "--frames", "2",
                  "--script", str(script)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("still-a-fighter: error: --script "), err
    assert str(script) in err and says in err, err
    from game import paths

    paths.set_data_dir(None)
