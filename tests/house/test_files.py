"""Settings and files that a real machine damages: deep nesting, unnamed keys, one bad field,
killed saves, full or read-only folders. Nothing is lost and the game never stops for it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game import paths
from game.settings import Settings, load_settings, save_settings
from game.states.base import Scene

ROOT = Path(__file__).resolve().parents[2]


def _write_settings(home: Path, **fields) -> Path:
    data = Settings().to_json()
    data.update(fields)
    home.mkdir(parents=True, exist_ok=True)
    path = home / "settings.json"
    path.write_text(json.dumps(data))
    return path


def test_a_deeply_nested_settings_file_is_moved_aside(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "settings.json").write_text("[" * 100_000)
    settings, message = load_settings()
    assert settings == Settings()
    assert message and "settings.json" in message and "nested" in message
    assert len(list(home.glob("settings.json.corrupt-*"))) == 1


def test_the_game_starts_with_a_deeply_nested_settings_file(home: Path, tmp_path: Path) -> None:
    home.mkdir(parents=True)
    (home / "settings.json").write_text("[" * 100_000)
    env = dict(os.environ, STILL_A_FIGHTER_HOME=str(home))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--headless", "--no-sound",
                           "--frames", "3"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr


def test_a_bad_field_resets_that_field_only(home: Path) -> None:
    path = _write_settings(home, music_volume="loud", sfx_volume=0.2, fullscreen=True)
    settings, message = load_settings()
    assert settings.music_volume == Settings().music_volume  # reset
    assert settings.sfx_volume == 0.2 and settings.fullscreen  # kept
    assert message and "music_volume" in message
    assert len(list(home.glob("settings.json.corrupt-*"))) == 1  # the original, kept
    assert json.loads(path.read_text())["sfx_volume"] == 0.2  # repaired in place ...
    assert load_settings()[1] is None  # ... so the message shows once


def test_a_key_with_no_name_resets_that_binding_only(home: Path) -> None:
    data = Settings().to_json()
    data["bindings"][0]["jab"] = [""]
    data["bindings"][1]["cross"] = ["no such key"]
    data["bindings"][1]["jab"] = ["j"]
    data["music_volume"] = 0.3
    _write_settings(home, **data)
    settings, message = load_settings()
    assert settings.bindings[0]["jab"] == Settings().bindings[0]["jab"]
    assert settings.bindings[1]["cross"] == Settings().bindings[1]["cross"]
    assert settings.bindings[1]["jab"] == ["j"] and settings.music_volume == 0.3
    assert message and "bindings[0].jab" in message and "bindings[1].cross" in message


def test_the_controls_screen_refuses_a_key_with_no_name(app, home: Path) -> None:
    from game.states.controls import ControlsScene

    scene = ControlsScene(player=0)
    app.stack.push(scene)
    scene.capturing = "jab"
    scene._capture_frame = -1
    before = list(app.settings.bindings[0]["jab"])
    scene.handle(pygame.event.Event(pygame.KEYDOWN, key=0, mod=0, scancode=0, unicode=""))
    assert app.settings.bindings[0]["jab"] == before
    assert scene.capturing == "jab" and "press another" in scene.message
    app.save_settings()
    assert load_settings()[1] is None


def test_command_line_values_are_not_saved(home: Path) -> None:
    from game.app import App

    save_settings(Settings(window_scale=1.25, music_volume=0.5))
    app = App(headless=True, sound=False, scale=2.0, fullscreen=True)
    try:
        assert app.settings.window_scale == 2.0 and app.settings.fullscreen
        app.settings.music_volume = 0.4  # the player changes something else
        app.save_settings()
        saved = json.loads((home / "settings.json").read_text())
        assert saved["window_scale"] == 1.25 and saved["fullscreen"] is False
        assert saved["music_volume"] == 0.4
        app.settings.window_scale = 1.5  # chosen in Settings: that one is the player's
        app.save_settings()
        assert json.loads((home / "settings.json").read_text())["window_scale"] == 1.5
    finally:
        app.close()


def test_a_failed_save_leaves_no_temp_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*args, **kwargs) -> None:
        raise OSError(28, "No space left on device")

    save_settings(Settings())
    monkeypatch.setattr(json, "dump", disk_full)
    message = save_settings(Settings(music_volume=0.1))
    assert message and "No space left" in message
    assert sorted(p.name for p in home.iterdir()) == ["settings.json"]


def test_temp_files_of_killed_saves_are_removed_at_start(home: Path) -> None:
    from game.app import App

    home.mkdir(parents=True)
    dead = [home / f".settings.json.{pid}.tmp" for pid in (4_000_001, 4_000_002)]
    shot = home / "screenshots" / ".20261129-230000.png.4000003.tmp.png"
    shot.parent.mkdir()
    for path in (*dead, shot):
        path.write_text("")
    alive = home / f".settings.json.{os.getppid()}.tmp"  # another copy of the game, saving
    alive.write_text("{}")
    app = App(headless=True, sound=False)
    app.close()
    assert not any(p.exists() for p in (*dead, shot))
    assert alive.exists()


def _press_f12(app) -> None:
    app.run(frames=4, script={1: [pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F12, mod=0)]})


def test_f12_in_a_folder_that_cannot_be_written_is_a_toast(app, tmp_path: Path) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("")
    paths.set_data_dir(a_file / "data")  # every write under it fails, like a read-only disk
    _press_f12(app)
    assert app.exit_code == 0 and app.stack.top is not None
    assert any("Could not save the screenshot" in text for text, _ in app._toasts)


def test_f12_on_a_full_disk_leaves_no_empty_png(app, home: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pygame.image, "save", lambda surface, name: Path(name).write_bytes(b""))
    _press_f12(app)
    assert app.exit_code == 0
    assert any("Could not save the screenshot" in text for text, _ in app._toasts)
    assert list((home / "screenshots").iterdir()) == []


def test_a_crash_log_that_cannot_be_written_goes_to_the_terminal(app, tmp_path: Path,
                                                                 capsys) -> None:
    class Boom(Scene):
        def update(self, tick: int) -> None:
            raise RuntimeError("punched through the canvas")

    a_file = tmp_path / "not-a-folder"
    a_file.write_text("")
    paths.set_data_dir(a_file / "data")
    app._start = lambda start: app.stack.push(Boom())
    assert app.run(frames=5) == 1
    err = capsys.readouterr().err
    assert "could not write the crash log" in err
    assert "RuntimeError: punched through the canvas" in err



def test_a_file_where_the_saves_folder_should_be_is_moved_aside(home: Path) -> None:
    """Seen auditing: `saves` made a file crashed the story's slot screen (FileExistsError)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "saves").write_text("not a folder")
    folder = paths.saves_dir()
    assert folder.is_dir()
    kept = list(home.glob("saves.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == "not a folder"
