"""Settings: round trip, atomic write, and recovery from damaged files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import paths
from game.settings import SETTINGS_VERSION, Settings, load_settings, save_settings


def test_settings_round_trip_through_the_data_folder(home: Path) -> None:
    s = Settings(music_volume=0.3, fullscreen=True, window_scale=1.5, screen_shake=False)
    s.bindings[1]["jab"] = ["j"]
    assert save_settings(s) is None
    assert (home / "settings.json").exists()
    loaded, message = load_settings()
    assert message is None
    assert loaded == s
    assert json.loads((home / "settings.json").read_text())["version"] == SETTINGS_VERSION


def test_saving_leaves_no_temp_files(home: Path) -> None:
    save_settings(Settings())
    save_settings(Settings(sfx_volume=0.1))
    assert sorted(p.name for p in home.iterdir()) == ["settings.json"]


def test_missing_file_gives_defaults_without_a_message() -> None:
    settings, message = load_settings()
    assert settings == Settings() and message is None


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]",
                                     b'{"version": 99}'])
def test_corrupt_file_is_moved_aside_and_defaults_are_used(home: Path, content: bytes) -> None:
    path = home / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    settings, message = load_settings()
    assert settings == Settings()
    assert message and "settings.json" in message
    backups = list(home.glob("settings.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert not path.exists()


def test_a_bad_field_is_named_in_the_message(home: Path) -> None:
    paths.write_json_atomic(home / "settings.json",
                            {"version": SETTINGS_VERSION, "music_volume": "loud"})
    _, message = load_settings()
    assert message is not None and "music_volume" in message


def test_bad_bindings_are_named_too() -> None:
    data = Settings().to_json()
    data["bindings"][0]["kick"] = ["x"]
    with pytest.raises(paths.BadFile, match=r"bindings\[0\]\.kick"):
        Settings.from_json(data)


def test_missing_actions_in_saved_bindings_get_defaults() -> None:
    data = Settings().to_json()
    del data["bindings"][0]["jab"]
    assert Settings.from_json(data).bindings[0]["jab"] == ["f"]


def test_an_unwritable_folder_gives_a_message_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    message = save_settings(Settings(), blocker / "settings.json")
    assert message and message.startswith("Could not save settings")


def test_saves_can_use_the_same_quarantine_helper(home: Path) -> None:
    save = home / "saves" / "story.json"
    save.parent.mkdir(parents=True)
    save.write_text('{"day": 3')

    def parse(data, name):
        return int(data["day"])

    value, message = paths.load_json_or_quarantine(save, parse)
    assert value is None and message and "story.json" in message
    assert len(list(save.parent.glob("story.json.corrupt-*"))) == 1
    paths.write_json_atomic(save, {"day": 4})
    assert paths.load_json_or_quarantine(save, parse) == (4, None)


def test_many_bad_fields_keep_the_message_short_enough_to_read_whole(home: Path, caplog) -> None:
    """Seen playing: 22 bad fields made a toast of 22 reasons, cut off before "Kept a copy"."""
    data = Settings().to_json()
    for key in ("music_volume", "sfx_volume", "window_scale"):
        data[key] = "NaN"
    for key in ("fullscreen", "screen_shake", "colourblind_meters"):
        data[key] = "yes"
    paths.write_json_atomic(home / "settings.json", data)
    with caplog.at_level("WARNING"):
        settings, message = load_settings()
    assert settings == Settings()
    assert message is not None and message.startswith("Reset 6 bad setting(s)")
    assert "music_volume, sfx_volume, fullscreen and 3 more" in message
    assert "colourblind" not in message and "NaN" not in message
    assert message.rstrip(".").split(". ")[-1].startswith("Kept a copy as settings.json.corrupt-")
    assert len(message) < 200
    assert "colourblind_meters" in caplog.text  # the log still names every one
