"""main.py end to end, headless, in a subprocess: the flow a player clicks through."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game import cli

ROOT = Path(__file__).resolve().parents[2]


def run_main(args: list[str], home: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, STILL_A_FIGHTER_HOME=str(home))
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          check=False, capture_output=True, text=True, timeout=timeout)


def test_title_menu_settings_back_quit_driven_by_injected_keys(home: Path,
                                                               tmp_path: Path) -> None:
    steps = [(20, "return"),  # title -> menu
             (40, "down"), (46, "down"), (52, "down"), (58, "down"), (64, "down"),  # Settings
             (70, "return"),  # open settings
             (90, "right"),  # music volume +10%
             (110, "escape"),  # back to the menu (saves)
             (130, "down"),  # to Quit
             (150, "return"),  # "Hang up the gloves?" (No is selected)
             (170, "right"),  # Yes
             (190, "return")]  # quit
    script = tmp_path / "script.json"
    script.write_text(json.dumps([{"frame": f, "press": k} for f, k in steps]))
    shot = tmp_path / "last.png"
    proc = run_main(["--headless", "--no-sound", "--frames", "600", "--seed", "3",
                     "--log-level", "INFO", "--script", str(script), "--screenshot", str(shot)],
                    home)
    assert proc.returncode == 0, proc.stderr
    log = proc.stderr
    order = [log.index(s) for s in ("scene push title", "scene replace -> menu",
                                    "scene push settings", "scene pop settings",
                                    "scene push confirm", "scene pop confirm")]
    assert order == sorted(order)
    assert "stopped after 19" in log  # quit by the menu at frame ~192, not by --frames 600
    saved = json.loads((home / "settings.json").read_text())
    assert saved["music_volume"] == pytest.approx(0.8)
    assert shot.exists()


def test_screenshot_flag_writes_a_varied_png(home: Path, tmp_path: Path) -> None:
    shot = tmp_path / "menu.png"
    proc = run_main(["--headless", "--no-sound", "--frames", "40", "--scene", "menu",
                     "--screenshot", str(shot)], home)
    assert proc.returncode == 0, proc.stderr
    image = pygame.image.load(str(shot))
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 1280, 32)
               for y in range(0, 720, 32)}
    assert len(colours) > 20


def test_corrupt_settings_file_is_backed_up_and_the_game_starts(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text("{{{ this is not json")
    proc = run_main(["--headless", "--no-sound", "--frames", "5"], home)
    assert proc.returncode == 0, proc.stderr
    assert "settings.json" in proc.stderr and "Damaged file" in proc.stderr
    assert len(list(home.glob("settings.json.corrupt-*"))) == 1


def test_help_documents_every_flag() -> None:
    text = cli.build_parser().format_help()
    for flag in ("--headless", "--frames", "--seed", "--screenshot", "--scene", "--log-level",
                 "--fullscreen", "--scale", "sim", "versus"):
        assert flag in text


def test_unknown_scene_is_a_clear_error(capsys) -> None:
    assert cli.main(["--headless", "--scene", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("still-a-fighter: unknown scene 'nowhere'") and err.count("\n") == 1


def test_missing_subcommand_module_says_so(monkeypatch, capsys) -> None:
    monkeypatch.setitem(cli.SUBCOMMANDS, "sim", ("game.no_such_sim_cli", "Virtual Fight"))
    assert cli.main(["sim", "--bouts", "10"]) == 2
    assert "not built yet" in capsys.readouterr().err


def test_subcommand_gets_the_remaining_arguments(monkeypatch) -> None:
    seen: list[list[str]] = []
    fake = type(sys)("fake_sim_cli")
    fake.main = lambda argv: seen.append(argv) or 0
    monkeypatch.setitem(sys.modules, "fake_sim_cli", fake)
    monkeypatch.setitem(cli.SUBCOMMANDS, "sim", ("fake_sim_cli", "Virtual Fight"))
    assert cli.main(["sim", "--bouts", "10"]) == 0
    assert seen == [["--bouts", "10"]]


def test_classic_pygame_in_place_of_pygame_ce_is_detected(monkeypatch) -> None:
    monkeypatch.delattr(pygame, "IS_CE", raising=False)
    message = cli.check_pygame()
    assert message and "pygame-ce" in message
