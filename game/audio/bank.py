"""Which sounds exist, how loud each is, and how they are built, cached and overridden.

A sound is built once (numpy synthesis, a few seconds for the whole set), then kept as a
16-bit stereo WAV in the user cache folder under a key of the synthesis code and scores, so
later start-ups only read files. A file assets/sounds/<name>.wav or .ogg replaces the
synthesized sound: an artist can drop in a new one without touching code.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import shutil
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from game.audio import dsp
from game.paths import ASSETS

SOUNDS_DIR = ASSETS / "sounds"
SCORES_DIR = SOUNDS_DIR / "scores"
APP_NAME = "still-a-fighter"


@dataclass(frozen=True)
class SoundDef:
    name: str
    builder: str  # "module:function" in game.audio, imported only when a sound is built
    loudness_db: float  # target of dsp.loudness_db: K-weighted level of the loudest 0.4 s
    loop: bool = False  # loops keep their exact length (no tail trimming)
    music: bool = False
    variants: int = 1  # takes played in turn (build(v) for v < variants), against repetition

    def build_fn(self) -> Callable[..., np.ndarray]:
        """The synthesis function (its module loads on first use: start-up stays light)."""
        module, func = self.builder.split(":")
        return getattr(importlib.import_module(f"game.audio.{module}"), func)


def render_score(name: str) -> np.ndarray:
    from game.audio.score import load_score, render

    return render(load_score(name))


# Levels: the power punch, the bell and the roar are the loudest things in the game; music
# sits a little under them, menus and footsteps well under.
_DEFS = [
    SoundDef("ui_move", "sfx:ui_move", -25.0),
    SoundDef("ui_confirm", "sfx:ui_confirm", -20.0),
    SoundDef("ui_back", "sfx:ui_back", -22.0),
    SoundDef("menu", "bank:render_score", -17.0, loop=True, music=True),
    SoundDef("jab", "sfx:jab", -18.0, variants=3),
    SoundDef("power", "sfx:power", -13.0, variants=3),
    SoundDef("body", "sfx:body", -15.5, variants=3),
    SoundDef("block", "sfx:block", -20.0, variants=3),
    SoundDef("whiff", "sfx:whiff", -25.0, variants=3),
    SoundDef("step", "sfx:step", -29.0, variants=4),
    SoundDef("bell", "sfx:bell", -13.0),
    SoundDef("bell_single", "sfx:bell_single", -13.0),
    SoundDef("count", "sfx:count", -15.0, variants=4),
    SoundDef("crowd_bed", "crowd:crowd_bed", -24.0, loop=True),
    SoundDef("crowd_swell", "crowd:crowd_swell", -18.0),
    SoundDef("crowd_roar", "crowd:crowd_roar", -14.0),
    SoundDef("intro", "bank:render_score", -18.0, loop=True, music=True),
    # training drills (game/audio/drill_sfx.py): the beat sits under the punches it times
    # (7 dB under the jab: a hit on the beat plays both, and their sum must not clip)
    SoundDef("beat", "drill_sfx:beat", -25.0),
    SoundDef("triumph", "drill_sfx:triumph", -15.0),
]
PEAK_CEILING = 10 ** (-1.0 / 20)  # -1 dB FS: room for resampling and the mixer's sums
SOUND_DEFS: dict[str, SoundDef] = {d.name: d for d in _DEFS}
# Build order: what the title screen needs first, then the fight, then the rest.
BUILD_ORDER: tuple[str, ...] = tuple(d.name for d in _DEFS)
MUSIC_NAMES: tuple[str, ...] = tuple(d.name for d in _DEFS if d.music)
SFX_NAMES: tuple[str, ...] = tuple(d.name for d in _DEFS if not d.music)


def build(name: str, variant: int = 0) -> np.ndarray:
    """Synthesize one sound (one take of it) as int16 stereo (n, 2) at dsp.SAMPLE_RATE_HZ."""
    d = SOUND_DEFS[name]
    if not 0 <= variant < d.variants:
        raise ValueError(f"{name} has {d.variants} variant(s), not {variant + 1}")
    fn = d.build_fn()
    if d.music:
        x = fn(name)
    else:
        x = fn(variant) if d.variants > 1 else fn()
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 1:
        x = dsp.pan(x, 0.0)
    if not d.loop:  # cut the tail 70 dB under the peak first: loudness is measured on
        x = dsp.trim_tail(dsp.fade(dsp.normalize(x, 1.0), in_s=0.0005))  # what is played
    x = x * 10 ** ((d.loudness_db - dsp.loudness_db(x)) / 20)
    if np.max(np.abs(x)) > PEAK_CEILING:  # round off the transient rather than turn it down
        x = PEAK_CEILING * dsp.soft_limit(x / PEAK_CEILING, knee=0.6)
    return dsp.to_int16(x)


_NOT_SYNTH = frozenset({"mixer.py", "__init__.py"})  # playback code: no effect on the samples


def code_version() -> str:
    """Hash of everything a built sound depends on: the synthesis code and the scores."""
    h = hashlib.sha1(str(dsp.SAMPLE_RATE_HZ).encode())
    synth = [p for p in sorted(Path(__file__).parent.glob("*.py")) if p.name not in _NOT_SYNTH]
    files = synth + sorted(SCORES_DIR.glob("*.toml"))
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def default_cache_dir() -> Path | None:
    try:
        import platformdirs
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return None
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "sounds"


def override_path(name: str, sounds_dir: Path = SOUNDS_DIR) -> Path | None:
    """An artist's replacement file for a sound, if one is present."""
    for ext in ("wav", "ogg"):
        p = sounds_dir / f"{name}.{ext}"
        if p.is_file():
            return p
    return None


def write_wav(path: Path, samples: np.ndarray) -> None:
    """Write int16 stereo atomically, so a half-written file is never read back."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(2)
            w.setframerate(dsp.SAMPLE_RATE_HZ)
            w.writeframes(np.ascontiguousarray(samples, dtype="<i2").tobytes())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk must not leave half a take behind
        raise


def read_wav(path: Path) -> np.ndarray | None:
    """Read one of our cached WAVs; None if it is missing or not in our format."""
    try:
        with wave.open(str(path), "rb") as w:
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (2, 2, dsp.SAMPLE_RATE_HZ):
                return None
            data = w.readframes(w.getnframes())
    except (OSError, EOFError, wave.Error):
        return None
    arr = np.frombuffer(data, dtype="<i2")
    if arr.size == 0 or arr.size % 2:
        return None
    return arr.reshape(-1, 2)


class SoundCache:
    """Built sounds on disk, keyed by code_version(); every failure just means 'rebuild'."""

    def __init__(self, root: Path | None) -> None:
        self.dir = root / code_version() if root is not None else None

    @staticmethod
    def file_name(name: str, variant: int = 0) -> str:
        return f"{name}.wav" if variant == 0 else f"{name}~{variant}.wav"

    def load_or_build(self, name: str, variant: int = 0) -> np.ndarray:
        file_name = self.file_name(name, variant)
        if self.dir is not None:
            cached = read_wav(self.dir / file_name)
            if cached is not None:
                return cached
        samples = build(name, variant)
        if self.dir is not None:
            try:
                write_wav(self.dir / file_name, samples)
            except OSError:
                pass  # a read-only cache only costs start-up time
        return samples

    def prune_old(self) -> None:
        """Remove sounds cached by older versions of the code (they are never read again)."""
        if self.dir is None or not self.dir.parent.is_dir():
            return
        for other in self.dir.parent.iterdir():
            if other.is_dir() and other != self.dir:
                shutil.rmtree(other, ignore_errors=True)
