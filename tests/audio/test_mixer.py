"""Audio: plays under the dummy driver, is silent (never raising) without a mixer, pans,
loads from the cache, and honours artist overrides."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.audio import Audio, bank, dsp, mixer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def audio(warm_cache: Path):
    a = Audio({"music_volume": 0.5, "sfx_volume": 80}, cache_dir=warm_cache)
    assert a.enabled
    assert a.wait_until_loaded(30)
    yield a
    a.close()
    pygame.mixer.quit()


def test_settings_volumes_are_read_as_fraction_or_percent(audio: Audio) -> None:
    assert audio.music_volume == pytest.approx(0.5)
    assert audio.sfx_volume == pytest.approx(0.8)


def test_every_call_works_under_the_dummy_driver(audio: Audio) -> None:
    for name in bank.SFX_NAMES:
        assert audio.is_ready(name)
        audio.play(name, pan=-0.7, volume=0.5)
    audio.play_music("menu")
    audio.crowd(0.6)
    assert pygame.mixer.Channel(mixer._CROWD_CHANNEL).get_busy()
    assert any(pygame.mixer.Channel(c).get_busy() for c in mixer._MUSIC_CHANNELS)
    audio.set_volumes(music=0.2, sfx=0.3)
    assert (audio.music_volume, audio.sfx_volume) == (0.2, 0.3)
    audio.play_music("intro")
    audio.stop_music()
    audio.crowd(0.0)
    audio.play("no_such_sound")
    audio.play_music("no_such_music")


def test_effects_never_take_the_music_or_crowd_channels(audio: Audio) -> None:
    audio.play_music("menu")
    audio.crowd(0.5)
    music_ch = mixer._MUSIC_CHANNELS[audio._music_slot]
    for _ in range(60):
        audio.play("power")
    assert pygame.mixer.Channel(music_ch).get_sound() is audio._get("menu")
    assert pygame.mixer.Channel(mixer._CROWD_CHANNEL).get_sound() is audio._get("crowd_bed")


def test_repeated_punches_rotate_through_takes(audio: Audio) -> None:
    pygame.mixer.stop()
    for _ in range(3):
        audio.play("jab")
    playing = [pygame.mixer.Channel(i).get_sound() for i in range(mixer._TOTAL_CHANNELS)]
    jabs = [s for s in playing if s is not None]
    assert len(jabs) == 3 and len({id(s) for s in jabs}) == 3


def test_music_asked_for_before_it_is_built_starts_when_ready(
    tmp_path: Path, warm_cache: Path
) -> None:
    a = Audio(None, cache_dir=warm_cache, build=False)
    a.play_music("menu")  # nothing loaded yet: remembered
    a.crowd(0.4)
    a._load_all(warm_cache)  # what the background thread does
    assert any(pygame.mixer.Channel(c).get_busy() for c in mixer._MUSIC_CHANNELS)
    assert pygame.mixer.Channel(mixer._CROWD_CHANNEL).get_busy()
    a.close()
    pygame.mixer.quit()


def test_no_mixer_means_silence_not_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    pygame.mixer.quit()

    def refuse(*_a: object, **_k: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", refuse)
    a = Audio({"music_volume": 1.0})
    assert not a.enabled
    a.play("jab", pan=1.0)
    a.play_music("menu")
    a.crowd(1.0)
    a.set_volumes(music=0.1, sfx=0.1)
    a.stop_music()
    assert a.wait_until_loaded(0.1)
    a.close()


def test_pan_law_is_full_in_the_centre_and_silent_on_the_far_side() -> None:
    assert mixer.pan_gains(0.0) == pytest.approx((1.0, 1.0))
    assert mixer.pan_gains(-1.0) == pytest.approx((1.0, 0.0), abs=1e-9)
    assert mixer.pan_gains(1.0) == pytest.approx((0.0, 1.0), abs=1e-9)
    left, right = mixer.pan_gains(0.5)
    assert right == 1.0 and 0.0 < left < 1.0


def test_samples_are_converted_to_the_mixer_format() -> None:
    x = np.stack([np.arange(-100, 100, dtype=np.int16)] * 2, axis=1) * 100
    same = mixer.to_mixer_bytes(x, (44100, -16, 2))
    assert np.array_equal(np.frombuffer(same, np.int16).reshape(-1, 2), x)
    half = np.frombuffer(mixer.to_mixer_bytes(x, (22050, -16, 1)), np.int16)
    assert len(half) == 100
    as_float = np.frombuffer(mixer.to_mixer_bytes(x, (48000, 32, 2)), np.float32)
    assert len(as_float) == 2 * round(200 * 48000 / 44100)
    assert np.abs(as_float).max() <= 1.0


def test_cache_round_trip_and_corrupt_file_rebuilds(
    tmp_path: Path, built: dict[str, np.ndarray]
) -> None:
    cache = bank.SoundCache(tmp_path)
    first = cache.load_or_build("ui_move")
    assert cache.dir is not None and (cache.dir / "ui_move.wav").is_file()
    assert np.array_equal(first, built["ui_move"])
    (cache.dir / "ui_move.wav").write_bytes(b"RIFF garbage")
    assert np.array_equal(cache.load_or_build("ui_move"), built["ui_move"])
    stale = tmp_path / "0000old"
    stale.mkdir()
    cache.prune_old()
    assert not stale.exists() and cache.dir.is_dir()


def test_an_artist_file_overrides_the_synthesized_sound(tmp_path: Path) -> None:
    assert bank.override_path("jab", tmp_path) is None
    bank.write_wav(tmp_path / "jab.wav", np.zeros((100, 2), np.int16))
    assert bank.override_path("jab", tmp_path) == tmp_path / "jab.wav"


def test_panned_punch_comes_out_of_one_side(warm_cache: Path, tmp_path: Path) -> None:
    """End to end through SDL's disk driver: what the speakers would get."""
    out = tmp_path / "out.raw"
    script = textwrap.dedent(f"""
        import time
        import pygame
        from pathlib import Path
        from game.audio import Audio
        a = Audio({{"sfx_volume": 1.0}}, cache_dir=Path({str(warm_cache)!r}))
        assert a.wait_until_loaded(30)
        a.play("power", pan=-1.0)
        time.sleep(0.4)
        pygame.mixer.quit()
    """)
    env = dict(
        os.environ,
        SDL_AUDIODRIVER="disk",
        SDL_DISKAUDIOFILE=str(out),
        SDL_DISKAUDIODELAY="0",
        PYTHONPATH=str(ROOT),
    )
    subprocess.run(
        [sys.executable, "-c", script], env=env, check=True, timeout=60, capture_output=True
    )
    data = np.fromfile(out, dtype=np.int16).reshape(-1, 2).astype(np.float64)
    left, right = np.sqrt(np.mean(data**2, axis=0))
    assert left > 100 and right < left * 0.01
    assert np.abs(data).max() < 32767 * 0.99
    _ = dsp  # the same units as the synthesis


def test_a_broken_artist_file_falls_back_to_synthesis(
    tmp_path: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "jab.ogg").write_bytes(b"not an ogg file")
    monkeypatch.setattr(bank.override_path, "__defaults__", (tmp_path,))
    a = Audio(None, cache_dir=warm_cache)
    assert a.wait_until_loaded(30)
    assert a.is_ready("jab") and len(a._sounds["jab"]) == bank.SOUND_DEFS["jab"].variants
    a.close()
    pygame.mixer.quit()


def test_builder_process_fills_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from game.audio import builder

    # main() runs here in the test process: it must not lower the priority of the whole test run
    monkeypatch.setattr(builder, "_lower_priority", lambda: None)
    assert builder.main([str(tmp_path), "ui_move", "jab"]) == 0
    cache = bank.SoundCache(tmp_path)
    assert cache.dir is not None
    names = {p.name for p in cache.dir.iterdir()}
    assert names == {"ui_move.wav", "jab.wav", "jab~1.wav", "jab~2.wav"}
    assert ("ui_move", 0) not in builder.missing(cache)
    assert ("ui_back", 0) in builder.missing(cache)


def test_missing_takes_are_built_in_a_child_process(
    tmp_path: Path, warm_cache: Path, takes: dict[tuple[str, int], np.ndarray]
) -> None:
    import shutil

    shutil.copytree(warm_cache, tmp_path, dirs_exist_ok=True)
    cache = bank.SoundCache(tmp_path)
    assert cache.dir is not None
    for gone in ("ui_back.wav", "jab~2.wav"):
        (cache.dir / gone).unlink()
    a = Audio(None, cache_dir=tmp_path)
    assert a.wait_until_loaded(60)
    assert a._builder is not None and a._builder.wait(30) == 0
    assert (cache.dir / "ui_back.wav").is_file() and (cache.dir / "jab~2.wav").is_file()
    assert np.array_equal(bank.read_wav(cache.dir / "jab~2.wav"), takes[("jab", 2)])
    assert all(a.is_ready(n) for n in bank.BUILD_ORDER)
    a.close()
    pygame.mixer.quit()


def test_without_a_builder_process_sounds_are_built_in_the_game(
    tmp_path: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from game.audio import builder

    shutil.copytree(warm_cache, tmp_path, dirs_exist_ok=True)
    cache = bank.SoundCache(tmp_path)
    assert cache.dir is not None
    (cache.dir / "ui_move.wav").unlink()
    monkeypatch.setattr(builder, "spawn", lambda _root: None)  # e.g. a frozen executable
    a = Audio(None, cache_dir=tmp_path)
    assert a.wait_until_loaded(60)
    assert a._builder is None and a.is_ready("ui_move")
    assert (cache.dir / "ui_move.wav").is_file()
    a.close()
    pygame.mixer.quit()


def test_a_linux_with_no_sound_device_says_so_in_one_line(tmp_path, monkeypatch) -> None:
    """Seen on a machine with no sound card: ALSA printed eight lines before our warning."""
    import sys

    from game.audio.mixer import no_sound_device

    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("SDL_AUDIODRIVER", "PULSE_SERVER", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    assert "no sound device" in no_sound_device(tmp_path)
    runtime = tmp_path / "run"
    (runtime / "pulse").mkdir(parents=True)
    (runtime / "pulse" / "native").write_text("")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert no_sound_device(tmp_path) is None  # a PulseAudio server: let SDL try
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    (tmp_path / "dev" / "snd").mkdir(parents=True)
    (tmp_path / "dev" / "snd" / "pcmC0D0p").write_text("")
    assert no_sound_device(tmp_path) is None  # a sound card
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    assert no_sound_device(tmp_path / "nowhere") is None  # the user's choice is always tried
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("SDL_AUDIODRIVER")
    assert no_sound_device(tmp_path / "nowhere") is None  # only Linux is judged here
