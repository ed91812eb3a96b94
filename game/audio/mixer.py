"""Audio: the game's one door to the sound card (see docs/contracts.md, "Sound").

It never raises: if the mixer cannot open, every call is a silent no-op. Sounds are loaded
from the cache or synthesized on a background thread, so the first frame is not delayed;
a sound asked for before it is ready is skipped, and music or crowd asked for early starts
as soon as it is ready.
"""

from __future__ import annotations

import logging
import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from game.audio import bank, builder, dsp

log = logging.getLogger(__name__)

_MUSIC_CHANNELS = (0, 1)  # two, so one tune can fade out while the next fades in
_CROWD_CHANNEL = 2
_RESERVED = 3
_TOTAL_CHANNELS = 32
_MUSIC_FADE_MS = 600
_CROWD_FADE_MS = 800
_DEFAULT = object()


def no_sound_device(root: Path = Path("/")) -> str | None:
    """On Linux, why no sound can open (no card, no sound server), or None to try SDL.

    A machine with no sound card made ALSA print eight "ALSA lib ... Unknown PCM default" lines
    before the game's own warning. Only a Linux with none of the ways SDL reaches a sound card
    is refused here: /dev/snd or /dev/dsp, a PulseAudio or PipeWire socket or $PULSE_SERVER;
    an SDL_AUDIODRIVER chosen by the user is always tried."""
    if not sys.platform.startswith("linux") or os.environ.get("SDL_AUDIODRIVER"):
        return None
    snd = root / "dev" / "snd"
    if (snd.is_dir() and any(snd.iterdir())) or (root / "dev" / "dsp").exists():
        return None
    if os.environ.get("PULSE_SERVER"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0")):
        return None
    return "no sound device found (no /dev/snd and no PulseAudio or PipeWire server)"


def _volume_from(settings: Any, names: tuple[str, ...], default: float) -> float:
    """Read a volume from a settings object or dict; 0..1, or 0..100 read as percent."""
    for name in names:
        v = settings.get(name) if isinstance(settings, dict) else getattr(settings, name, None)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            v = float(v) / 100.0 if v > 1.0 else float(v)
            return min(1.0, max(0.0, v))
    return default


def pan_gains(pan: float) -> tuple[float, float]:
    """Equal-power pan law, normalised so the centre plays at full level on both sides."""
    theta = (min(1.0, max(-1.0, pan)) + 1.0) * math.pi / 4
    return (min(1.0, math.cos(theta) * math.sqrt(2.0)), min(1.0, math.sin(theta) * math.sqrt(2.0)))


def to_mixer_bytes(samples: np.ndarray, mixer_format: tuple[int, int, int]) -> bytes:
    """Convert our int16 stereo 44.1 kHz samples to whatever format the mixer opened with."""
    freq, size, channels = mixer_format
    if (freq, size, channels) == (dsp.SAMPLE_RATE_HZ, -16, 2):  # what Audio asks for
        return np.ascontiguousarray(samples, dtype=np.int16).tobytes()
    x = samples.astype(np.float32) / 32768.0
    if freq != dsp.SAMPLE_RATE_HZ:
        n_out = max(1, round(len(x) * freq / dsp.SAMPLE_RATE_HZ))
        src = np.arange(len(x))
        pos = np.linspace(0, len(x) - 1, n_out)
        x = np.stack([np.interp(pos, src, x[:, c]) for c in range(2)], axis=1).astype(np.float32)
    if channels == 1:
        x = x.mean(axis=1, keepdims=True)
    elif channels > 2:
        x = np.concatenate([x, np.zeros((len(x), channels - 2), np.float32)], axis=1)
    if abs(size) == 32:
        return np.ascontiguousarray(x, dtype=np.float32).tobytes()
    if size == 8:
        return ((x * 127 + 128).clip(0, 255)).astype(np.uint8).tobytes()
    if size == -8:
        return (x * 127).clip(-128, 127).astype(np.int8).tobytes()
    if size == 16:
        return ((x * 32767 + 32768).clip(0, 65535)).astype(np.uint16).tobytes()
    return (x * 32767).clip(-32768, 32767).astype(np.int16).tobytes()


class Audio:
    """Plays named sounds and music; see the module docstring for the failure behaviour."""

    def __init__(
        self,
        settings: Any = None,
        *,
        cache_dir: Path | None | object = _DEFAULT,
        open_mixer: bool = True,
        build: bool = True,
    ) -> None:
        self.music_volume = _volume_from(settings, ("music_volume", "volume_music", "music"), 0.7)
        self.sfx_volume = _volume_from(settings, ("sfx_volume", "volume_sfx", "sfx"), 0.9)
        self._lock = threading.Lock()  # guards _sounds
        self._control = threading.RLock()  # music/crowd changes come from two threads
        self._sounds: dict[str, list[Any]] = {}
        self._turns: dict[str, int] = {}
        self._warned: set[str] = set()
        self._music_name: str | None = None
        self._music_loop = True
        self._music_slot = 0
        self._steal = _RESERVED
        self._crowd_level = 0.0
        self._crowd_playing = False
        self._mixer_format: tuple[int, int, int] | None = None
        self._pg: Any = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._builder: subprocess.Popen[bytes] | None = None
        self._builder_lock = threading.Lock()  # spawn vs close: no builder after close()
        self._builder_starts = 0
        self._cache_root: Path | None = None
        self._cache_dir: Path | None = None
        self.build_seconds: float | None = None
        if open_mixer:
            self._open_mixer()
        if self.enabled and build:
            root = bank.default_cache_dir() if cache_dir is _DEFAULT else cache_dir
            self._thread = threading.Thread(
                target=self._load_all, args=(root,), name="audio-build", daemon=True
            )
            self._thread.start()

    # --- set-up ---------------------------------------------------------------------------

    def _open_mixer(self) -> None:
        missing = no_sound_device()
        if missing:  # say it in our one line, before ALSA prints eight of its own
            log.warning("sound disabled: %s", missing)
            self._pg = None
            self._mixer_format = None
            return
        try:
            import pygame

            if not pygame.mixer.get_init():
                pygame.mixer.init(dsp.SAMPLE_RATE_HZ, -16, 2, 512, allowedchanges=0)
            pygame.mixer.set_num_channels(_TOTAL_CHANNELS)
            pygame.mixer.set_reserved(_RESERVED)
            self._mixer_format = pygame.mixer.get_init()
            self._pg = pygame
        except Exception as exc:  # noqa: BLE001 - no device, no driver, no SDL_mixer: play silently
            log.warning("sound disabled: the mixer could not open (%s)", exc)
            self._pg = None
            self._mixer_format = None

    @property
    def enabled(self) -> bool:
        return self._pg is not None and self._mixer_format is not None

    def _load_all(self, cache_root: Path | None) -> None:
        """Loader thread: every sound in build order, from the cache as the builder process
        fills it, or synthesized here if there is no cache or no builder."""
        start = time.perf_counter()
        try:
            cache = bank.SoundCache(cache_root)
            cache.prune_old()
        except OSError:
            cache = bank.SoundCache(None)
        self._cache_dir = cache.dir
        builder.remove_temp_files(cache.dir)  # takes left half-written by a killed game
        self._cache_root = cache_root
        if cache_root is not None and cache.dir is not None and builder.missing(cache):
            self._spawn_builder(cache)
        for name in bank.BUILD_ORDER:
            if self._stop.is_set():
                return
            try:
                sound = self._make_sound(name, cache)
            except Exception as exc:  # noqa: BLE001 - a broken sound must not take the game down
                log.warning("sound %r could not be built: %s", name, exc)
                continue
            if sound is None:
                return  # closed while waiting
            with self._lock:
                self._sounds[name] = sound
            self._on_ready(name)
        self.build_seconds = time.perf_counter() - start

    def _spawn_builder(self, cache: bank.SoundCache) -> None:
        """Start the builder, unless close() came first (then nothing must outlive us)."""
        with self._builder_lock:
            if not self._stop.is_set() and self._cache_root is not None:
                self._builder = builder.spawn(self._cache_root)
                self._builder_starts += 1

    def _wait_for_builder(self, cache: bank.SoundCache, name: str, variant: int) -> bool:
        """Wait until a builder process has written this take (or none is at work any more);
        False if the Audio was closed meanwhile."""
        if self._builder is None or cache.dir is None:
            return not self._stop.is_set()
        path = cache.dir / cache.file_name(name, variant)
        while not self._stop.is_set():
            proc = self._builder
            if path.is_file() or proc is None:
                return True
            code = proc.poll()
            if code == builder.BUSY and self._cache_root is not None:
                # another game's builder is filling the cache: wait for it; if it stops
                # first, start ours again (a few times at most)
                if not builder.busy(self._cache_root):
                    # (it wrote its takes before it let go: this one may have come meanwhile)
                    if path.is_file() or self._builder_starts >= 4:
                        return True
                    self._spawn_builder(cache)
            elif code is not None:
                return True  # ended (done or failed): build anything missing here
            self._stop.wait(0.02)
        return False

    def _make_sound(self, name: str, cache: bank.SoundCache) -> list[Any] | None:
        """Every take of a sound; an artist's file replaces them all."""
        override = bank.override_path(name)
        if override is not None:
            try:
                return [self._pg.mixer.Sound(str(override))]
            except Exception as exc:  # noqa: BLE001 - a bad file falls back to synthesis
                log.warning("could not load %s (%s); using the synthesized sound", override, exc)
        assert self._mixer_format is not None
        takes = []
        for v in range(bank.SOUND_DEFS[name].variants):
            if not self._wait_for_builder(cache, name, v):
                return None
            samples = cache.load_or_build(name, v)  # builds here if the builder failed
            takes.append(self._pg.mixer.Sound(buffer=to_mixer_bytes(samples, self._mixer_format)))
        return takes

    def _on_ready(self, name: str) -> None:
        """Start music or the crowd that were asked for before their sound existed."""
        try:
            with self._control:
                self._start_pending(name)
        except Exception as exc:  # noqa: BLE001 - sound must never stop the game
            log.warning("could not start %r: %s", name, exc)

    def _start_pending(self, name: str) -> None:
        if name == self._music_name and not self._music_busy():
            self._start_music(name, self._music_loop, fade_ms=_MUSIC_FADE_MS)
        if name == "crowd_bed" and self._crowd_level > 0:
            self._apply_crowd()

    def wait_until_loaded(self, timeout_s: float | None = None) -> bool:
        """Block until every sound is loaded (tests, tools); True when done."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def is_ready(self, name: str) -> bool:
        with self._lock:
            return name in self._sounds

    def close(self) -> None:
        """Stop building and silence everything (the mixer itself belongs to pygame.quit)."""
        with self._builder_lock:
            self._stop.set()
            proc = self._builder
        builder.stop(proc, self._cache_dir)  # and delete the take it was writing
        if self.enabled:
            try:
                self._pg.mixer.stop()
            except Exception as exc:  # noqa: BLE001 - closing must not fail either
                log.debug("mixer.stop: %s", exc)

    # --- effects --------------------------------------------------------------------------

    def _get(self, name: str) -> Any:
        """The next take of a sound (takes rotate), or None if it is not loaded (yet)."""
        with self._lock:
            takes = self._sounds.get(name)
            if takes:
                turn = self._turns.get(name, 0)
                self._turns[name] = turn + 1
                return takes[turn % len(takes)]
        if name not in bank.SOUND_DEFS and name not in self._warned:
            self._warned.add(name)
            log.warning("no sound called %r", name)
        return None

    def _free_channel(self) -> Any:
        """A free effects channel, or the next one in turn if all are busy.

        pygame's find_channel ignores reserved channels, so it would cut the music off.
        """
        mixer = self._pg.mixer
        for i in range(_RESERVED, _TOTAL_CHANNELS):
            channel = mixer.Channel(i)
            if not channel.get_busy():
                return channel
        self._steal = _RESERVED + (self._steal + 1 - _RESERVED) % (_TOTAL_CHANNELS - _RESERVED)
        return mixer.Channel(self._steal)

    def play(self, name: str, pan: float = 0.0, volume: float = 1.0) -> None:
        """Play a sound effect; pan -1 (left) .. +1 (right), e.g. where the punch lands."""
        if not self.enabled:
            return
        sound = self._get(name)
        if sound is None:
            return
        try:
            channel = self._free_channel()
            left, right = pan_gains(pan)
            level = max(0.0, min(1.0, volume)) * self.sfx_volume
            # SDL_mixer drops a channel's panning when its previous sound is cut off by
            # play(), so the pan is set before (no first-buffer glitch) and again after.
            channel.set_volume(left * level, right * level)
            channel.play(sound)
            channel.set_volume(left * level, right * level)
        except Exception as exc:  # noqa: BLE001 - sound must never stop the game
            log.warning("could not play %r: %s", name, exc)

    def crowd(self, intensity: float) -> None:
        """Set the crowd bed: 0 silent, ~0.3 a murmur between rounds, 1 a full house."""
        self._crowd_level = max(0.0, min(1.0, float(intensity)))
        if self.enabled:
            try:
                with self._control:
                    self._apply_crowd()
            except Exception as exc:  # noqa: BLE001 - sound must never stop the game
                log.warning("crowd: %s", exc)

    def _apply_crowd(self) -> None:
        channel = self._pg.mixer.Channel(_CROWD_CHANNEL)
        if self._crowd_level <= 0.0:
            if self._crowd_playing:
                channel.fadeout(_CROWD_FADE_MS)
                self._crowd_playing = False
            return
        sound = self._get("crowd_bed")
        if sound is None:
            return  # _on_ready starts it
        volume = self._crowd_level * self.sfx_volume
        channel.set_volume(volume)  # before play: a fade-in ramps up to the volume set now
        if not self._crowd_playing or not channel.get_busy():
            channel.play(sound, loops=-1, fade_ms=_CROWD_FADE_MS)
            self._crowd_playing = True

    # --- music ----------------------------------------------------------------------------

    def _music_busy(self) -> bool:
        return bool(self._pg.mixer.Channel(_MUSIC_CHANNELS[self._music_slot]).get_busy())

    def _start_music(self, name: str, loop: bool, fade_ms: int) -> None:
        sound = self._get(name)
        if sound is None:
            return
        old = self._pg.mixer.Channel(_MUSIC_CHANNELS[self._music_slot])
        if old.get_busy():
            old.fadeout(fade_ms)
        self._music_slot = 1 - self._music_slot
        channel = self._pg.mixer.Channel(_MUSIC_CHANNELS[self._music_slot])
        channel.set_volume(self.music_volume)  # before play: the fade-in ramps up to it
        channel.play(sound, loops=-1 if loop else 0, fade_ms=fade_ms)

    def play_music(self, name: str, loop: bool = True) -> None:
        """Switch to a music track (cross-fading); the same track again keeps playing."""
        if name not in bank.MUSIC_NAMES:
            if name not in self._warned:
                self._warned.add(name)
                log.warning("no music called %r", name)
            return
        if not self.enabled:
            self._music_name = name
            return
        try:
            with self._control:
                if self._music_name == name and self._music_busy():
                    return
                self._music_name, self._music_loop = name, loop
                self._start_music(name, loop, _MUSIC_FADE_MS)
        except Exception as exc:  # noqa: BLE001 - sound must never stop the game
            log.warning("could not play music %r: %s", name, exc)

    def stop_music(self) -> None:
        if not self.enabled:
            self._music_name = None
            return
        try:
            with self._control:
                self._music_name = None
                for ch in _MUSIC_CHANNELS:
                    self._pg.mixer.Channel(ch).fadeout(_MUSIC_FADE_MS)
        except Exception as exc:  # noqa: BLE001 - sound must never stop the game
            log.warning("could not stop music: %s", exc)

    @property
    def music_playing(self) -> str | None:
        """The name of the track asked for last (it may still be building)."""
        return self._music_name

    def set_volumes(self, music: float | None = None, sfx: float | None = None) -> None:
        """Set music and effects volumes, 0..1; playing music and crowd follow at once."""
        if music is not None:
            self.music_volume = max(0.0, min(1.0, float(music)))
        if sfx is not None:
            self.sfx_volume = max(0.0, min(1.0, float(sfx)))
        if not self.enabled:
            return
        try:
            self._pg.mixer.Channel(_MUSIC_CHANNELS[self._music_slot]).set_volume(self.music_volume)
            if self._crowd_playing:
                self._pg.mixer.Channel(_CROWD_CHANNEL).set_volume(
                    self._crowd_level * self.sfx_volume
                )
        except Exception as exc:  # noqa: BLE001 - sound must never stop the game
            log.warning("could not set volumes: %s", exc)
