"""The first-launch sound builder: one at a time, gone with the game, no half-written files."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.audio import Audio, bank, builder

ROOT = Path(__file__).resolve().parents[2]


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state


def _builders_for(cache_root: Path) -> list[int]:
    """Process ids of builders working on this cache folder."""
    out = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if str(cache_root).encode() in cmd and _running(int(proc.name)):
                out.append(int(proc.name))
    return out


def test_a_second_builder_on_the_same_cache_leaves_at_once(tmp_path: Path) -> None:
    other = builder.CacheLock(tmp_path)
    assert other.acquire()  # another game's builder is at work
    try:
        assert builder.busy(tmp_path)
        assert builder.main([str(tmp_path), "ui_move"]) == builder.BUSY
        cache = bank.SoundCache(tmp_path)
        assert cache.dir is not None and not (cache.dir / "ui_move.wav").exists()
    finally:
        other.release()
    assert not builder.busy(tmp_path)
    assert builder.main([str(tmp_path), "ui_move"]) == 0


def _until(ready: Callable[[], bool], timeout_s: float = 60.0) -> bool:
    """Wait for a condition, with a deadline generous enough for a loaded machine."""
    deadline = time.monotonic() + timeout_s
    while not ready():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _second_game(tmp_path: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch
                 ) -> tuple[Path, np.ndarray, builder.CacheLock, list[str]]:
    """A full cache but for ui_back, which another game's builder (holding the lock) is
    still making; sounds built in this process are listed instead of built."""
    import shutil

    shutil.copytree(warm_cache, tmp_path, dirs_exist_ok=True)
    cache = bank.SoundCache(tmp_path)
    assert cache.dir is not None
    kept = bank.read_wav(cache.dir / "ui_back.wav")
    (cache.dir / "ui_back.wav").unlink()
    other = builder.CacheLock(tmp_path)
    assert other.acquire()
    built_here: list[str] = []
    monkeypatch.setattr(bank, "build", lambda name, v=0: built_here.append(name))
    return cache.dir / "ui_back.wav", kept, other, built_here


def test_a_second_game_waits_for_the_first_games_builder(tmp_path: Path, warm_cache: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # (conditions, not fixed sleeps: on a loaded machine the loader thread and the builder's
    # interpreter may take seconds to get where a quiet machine gets in milliseconds)
    path, kept, other, built_here = _second_game(tmp_path, warm_cache, monkeypatch)
    a = Audio(None, cache_dir=tmp_path)
    try:
        # ours met the other builder's lock and left; the game waits for the other's file
        assert _until(lambda: a._builder is not None and a._builder.poll() == builder.BUSY)
        assert not a.wait_until_loaded(0.3) and not a.is_ready("ui_back")
        bank.write_wav(path, kept)  # the other builder delivers, then lets go
        other.release()
        assert a.wait_until_loaded(60) and a.is_ready("ui_back")
        assert built_here == [] and a._builder_starts == 1
    finally:
        other.release()
        a.close()
        pygame.mixer.quit()


def test_a_builder_that_delivers_as_the_game_looks_is_not_started_again(
        tmp_path: Path, warm_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other builder writes its last take and lets go between the game's look for the file
    and its look at the lock (a thread preempted there on a loaded machine): the game takes
    the file and starts no builder of its own."""
    path, kept, other, built_here = _second_game(tmp_path, warm_cache, monkeypatch)
    real_busy = builder.busy

    def delivered_meanwhile(cache_root: Path) -> bool:
        if not path.exists():
            bank.write_wav(path, kept)
            other.release()
        return real_busy(cache_root)

    monkeypatch.setattr(builder, "busy", delivered_meanwhile)
    a = Audio(None, cache_dir=tmp_path)
    try:
        assert a.wait_until_loaded(60) and a.is_ready("ui_back")
        assert path.exists() and built_here == [] and a._builder_starts == 1
    finally:
        other.release()
        a.close()
        pygame.mixer.quit()


def test_close_stops_the_builder_and_leaves_no_temp_files(tmp_path: Path) -> None:
    a = Audio(None, cache_dir=tmp_path)
    deadline = time.monotonic() + 10
    while a._builder is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc = a._builder
    assert proc is not None
    time.sleep(0.5)  # somewhere inside the first sounds
    a.close()
    pygame.mixer.quit()
    assert proc.poll() is not None
    assert list(tmp_path.rglob("*.tmp*")) == []
    assert not builder.busy(tmp_path)


def test_the_builder_leaves_when_its_game_is_killed(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from game.audio import builder
        proc = builder.spawn(Path({str(tmp_path)!r}))
        print(proc.pid, flush=True)
        os._exit(0)  # a killed game: no close(), no cleanup
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, timeout=30,
                         capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    pid = int(out.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(pid)
    assert list(tmp_path.rglob("*.tmp*")) == []


@pytest.mark.parametrize("frames", ["1", "40"])
def test_a_short_headless_run_leaves_no_builder(frames: str, tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"),
               STILL_A_FIGHTER_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--headless", "--frames", frames],
                          cwd=tmp_path, env=env, check=False, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    time.sleep(0.3)
    assert _builders_for(tmp_path / "cache" / "still-a-fighter" / "sounds") == []
    assert list((tmp_path / "cache").rglob("*.tmp*")) == []


def test_a_full_disk_leaves_no_half_written_take(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(self: wave.Wave_write, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(wave.Wave_write, "writeframes", disk_full)
    with pytest.raises(OSError):
        bank.write_wav(tmp_path / "jab.wav", bank.build("ui_move"))
    assert list(tmp_path.iterdir()) == []
    cache = bank.SoundCache(tmp_path)
    cache.load_or_build("ui_move")  # the cache shrugs it off
    assert cache.dir is not None and list(cache.dir.glob("*.tmp*")) == []


def test_stale_temp_files_are_removed_when_a_builder_starts(tmp_path: Path) -> None:
    cache = bank.SoundCache(tmp_path)
    assert cache.dir is not None
    cache.dir.mkdir(parents=True)
    stale = cache.dir / "menu.tmp4000000"  # no such process
    stale.write_bytes(b"RIFF half a take")
    assert builder.main([str(tmp_path), "ui_move"]) == 0
    assert not stale.exists()


def test_the_title_screens_sounds_are_built_first_at_full_priority(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    monkeypatch.setattr(bank.SoundCache, "load_or_build",
                        lambda self, name, v=0: events.append(name))
    monkeypatch.setattr(builder, "_lower_priority", lambda: events.append("<niced>"))
    assert builder.main([str(tmp_path), "jab", "menu", "bell", "ui_move"]) == 0
    assert set(builder.title_sounds()) >= {"ui_move", "ui_confirm", "ui_back", "menu"}
    first = events[: events.index("<niced>")]
    assert first == ["menu", "ui_move"]  # asked for in the title's build order
    assert [e for e in events if e != "<niced>"][2:] == ["jab"] * 3 + ["bell"]
