"""Fighter sprite sheets: PNG + Aseprite-style JSON from `assets/sprites/`, made by
`tools/make_sprites.py` (or redrawn by an artist in the same format).

Frames are drawn facing right; facing left is a mirrored copy made on use (bounded cache). A frame is
picked by ticks since the action started (looping tags wrap, others hold their last frame) or by
progress 0..1 within a punch phase, so the model's frame data drives the animation speed.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from game.paths import ASSETS

SPRITES_DIR = ASSETS / "sprites"
VETERAN_AGE = 45  # at this age and older the veteran sheet is used
VARIANTS = ("prime", "veteran")
# Mirrored frames kept per sheet, in bytes (a sheet has ~156 frames of 0.1-0.26 MB; keeping
# every mirrored one made memory grow with every rematch as new frames were seen). Least
# recently used go first. A fighter drawn at the sheet's own size facing left uses these.
MIRRORED_MAX_BYTES = 9_000_000
TAGS = (
    "idle", "walk_in", "walk_out", "jab_head", "jab_body", "cross_head", "cross_body",
    "hook_head", "hook_body", "uppercut_head", "uppercut_body", "guard_high", "guard_low",
    "slip_left", "slip_right", "duck", "step_back", "hit_head", "hit_body", "block", "hurt",
    "clinch", "knockdown", "down", "getup", "celebrate", "dejected",
)
PHASES = ("startup", "active", "recovery")

Rect = tuple[int, int, int, int]


class SheetError(ValueError):
    """A sheet that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class FrameDef:
    """One frame as stored (facing right). Rects are in frame coordinates."""

    rect: Rect  # in the sheet
    anchor: tuple[int, int]  # feet centre
    duration_ticks: int
    phase: str | None
    hurtbox: Rect | None
    hitbox: Rect | None


@dataclass(frozen=True)
class TagDef:
    name: str
    frames: tuple[int, ...]  # indices into SpriteSheet.frames
    loop: bool


def variant_for_age(age: float) -> str:
    return "veteran" if age >= VETERAN_AGE else "prime"


def _rect(src: str, where: str, d: Any, required: bool = True) -> Rect | None:
    if d is None and not required:
        return None
    try:
        r = (int(d["x"]), int(d["y"]), int(d["w"]), int(d["h"]))
    except (TypeError, KeyError, ValueError):
        raise SheetError(f"{src}: {where}: expected {{x, y, w, h}}, got {d!r}") from None
    return r


def _mirror(r: Rect | None, w: int) -> Rect | None:
    return None if r is None else (w - r[0] - r[2], r[1], r[2], r[3])


class SpriteSheet:
    """One fighter variant's frames and tags; surfaces are cut from one sheet image."""

    def __init__(self, image: pygame.Surface, doc: dict, src: str) -> None:
        self.src = src
        self.image = image
        meta = doc.get("meta")
        if not isinstance(meta, dict):
            raise SheetError(f"{src}: meta: missing")
        self.fighter_id = str(meta.get("fighter", ""))
        self.variant = str(meta.get("variant", ""))
        self.height_px = int(meta.get("height_px", 0))
        raw_frames = doc.get("frames")
        if not isinstance(raw_frames, list) or not raw_frames:
            raise SheetError(f"{src}: frames: expected a non-empty list")
        iw, ih = image.get_size()
        frames: list[FrameDef] = []
        for i, fr in enumerate(raw_frames):
            where = f"frames[{i}]"
            if not isinstance(fr, dict):
                raise SheetError(f"{src}: {where}: expected an object")
            rect = _rect(src, f"{where}.frame", fr.get("frame"))
            assert rect is not None
            x, y, w, h = rect
            if w <= 0 or h <= 0 or x < 0 or y < 0 or x + w > iw or y + h > ih:
                raise SheetError(f"{src}: {where}.frame {rect} is outside the {iw}x{ih} image")
            anc = fr.get("anchor")
            try:
                anchor = (int(anc["x"]), int(anc["y"]))
            except (TypeError, KeyError, ValueError):
                raise SheetError(f"{src}: {where}.anchor: expected {{x, y}}") from None
            ticks = fr.get("duration_ticks", round(float(fr.get("duration", 100)) * 60 / 1000))
            if not isinstance(ticks, int) or ticks <= 0:
                raise SheetError(f"{src}: {where}.duration_ticks: expected a positive int")
            phase = fr.get("phase")
            if phase is not None and phase not in PHASES:
                raise SheetError(f"{src}: {where}.phase: {phase!r} not in {PHASES}")
            frames.append(FrameDef(rect, anchor, ticks, phase,
                                   _rect(src, f"{where}.hurtbox", fr.get("hurtbox"), False),
                                   _rect(src, f"{where}.hitbox", fr.get("hitbox"), False)))
        self.frames = frames
        tags: dict[str, TagDef] = {}
        for i, t in enumerate(meta.get("frameTags") or []):
            try:
                name, a, b = str(t["name"]), int(t["from"]), int(t["to"])
            except (TypeError, KeyError, ValueError):
                raise SheetError(f"{src}: meta.frameTags[{i}]: expected name/from/to") from None
            if not 0 <= a <= b < len(frames):
                raise SheetError(f"{src}: meta.frameTags[{i}] ({name}): frames {a}..{b} out of "
                                 f"range 0..{len(frames) - 1}")
            tags[name] = TagDef(name, tuple(range(a, b + 1)), bool(t.get("loop", False)))
        missing = [t for t in TAGS if t not in tags]
        if missing:
            raise SheetError(f"{src}: meta.frameTags: missing {', '.join(missing)}")
        self.tags = tags
        self._surf: dict[tuple[int, int], pygame.Surface] = {}  # (i, 1): subsurfaces, free
        # (i, -1): mirrored copies (~0.2 MB each), least recently used dropped past the bound
        self._mirrored: OrderedDict[int, pygame.Surface] = OrderedDict()
        self.mirrored_bytes = 0

    # -- frames ------------------------------------------------------------------------------
    def tag_ticks(self, tag: str) -> int:
        return sum(self.frames[i].duration_ticks for i in self._tag(tag).frames)

    def _tag(self, tag: str) -> TagDef:
        try:
            return self.tags[tag]
        except KeyError:
            raise KeyError(f"{self.src}: no tag {tag!r}") from None

    def index(self, tag: str, *, ticks: int | None = None, progress: float | None = None,
              phase: str | None = None) -> int:
        """The frame index for a moment of an action (see frame())."""
        t = self._tag(tag)
        idx = t.frames
        if progress is not None:
            if phase is not None:
                sel = tuple(i for i in idx if self.frames[i].phase == phase)
                idx = sel or idx
            k = int(max(0.0, min(1.0, progress)) * len(idx))
            return idx[min(len(idx) - 1, k)]
        if ticks is None:
            return idx[0]
        total = sum(self.frames[i].duration_ticks for i in idx)
        ticks = max(0, int(ticks))
        if t.loop:
            ticks %= total
        elif ticks >= total:
            return idx[-1]
        for i in idx:
            ticks -= self.frames[i].duration_ticks
            if ticks < 0:
                return i
        return idx[-1]

    def surface(self, i: int, facing: int) -> pygame.Surface:
        base = self._surf.get((i, 1))
        if base is None:
            base = self.image.subsurface(pygame.Rect(self.frames[i].rect))
            self._surf[(i, 1)] = base
        if facing >= 0:
            return base
        s = self._mirrored.get(i)
        if s is None:
            s = pygame.transform.flip(base, True, False)
            self._mirrored[i] = s
            self.mirrored_bytes += s.get_width() * s.get_height() * s.get_bytesize()
            while self.mirrored_bytes > MIRRORED_MAX_BYTES and len(self._mirrored) > 1:
                old = self._mirrored.popitem(last=False)[1]
                self.mirrored_bytes -= old.get_width() * old.get_height() * old.get_bytesize()
        else:
            self._mirrored.move_to_end(i)
        return s

    def frame(self, tag: str, facing: int, *, ticks: int | None = None,
              progress: float | None = None, phase: str | None = None,
              ) -> tuple[pygame.Surface, tuple[int, int]]:
        """(surface, anchor) for `tag` facing +1 (right) or -1 (left).

        By `ticks` since the action started, or by `progress` 0..1 (within `phase` if that tag
        has frames of that phase, else across the whole tag). The anchor is the feet centre in
        the surface's coordinates: blit at (foot_x - ax, foot_y - ay).
        """
        i = self.index(tag, ticks=ticks, progress=progress, phase=phase)
        f = self.frames[i]
        surf = self.surface(i, facing)
        if facing >= 0:
            return surf, f.anchor
        return surf, (f.rect[2] - f.anchor[0], f.anchor[1])

    def boxes(self, i: int, facing: int) -> tuple[Rect | None, Rect | None]:
        """(hurtbox, hitbox) of frame i relative to its anchor (x right of the feet, y down)."""
        f = self.frames[i]
        w = f.rect[2]
        ax, ay = f.anchor if facing >= 0 else (w - f.anchor[0], f.anchor[1])
        out = []
        for r in (f.hurtbox, f.hitbox):
            r = r if facing >= 0 else _mirror(r, w)
            out.append(None if r is None else (r[0] - ax, r[1] - ay, r[2], r[3]))
        return out[0], out[1]


_cache: dict[tuple[str, str, str], SpriteSheet] = {}


def load_sheet(fighter_id: str, age: float = 30, *, variant: str | None = None,
               directory: Path | None = None) -> SpriteSheet:
    """The sheet for a fighter at an age (veteran from VETERAN_AGE). Cached per process."""
    v = variant or variant_for_age(age)
    if v not in VARIANTS:
        raise SheetError(f"unknown variant {v!r} (expected {', '.join(VARIANTS)})")
    d = directory or SPRITES_DIR
    key = (str(d), fighter_id, v)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    png, js = d / f"{fighter_id}_{v}.png", d / f"{fighter_id}_{v}.json"
    try:
        doc = json.loads(js.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SheetError(f"{js}: no such sheet (run python tools/make_sprites.py)") from None
    except (OSError, json.JSONDecodeError) as e:
        raise SheetError(f"{js}: cannot read: {e}") from e
    if not isinstance(doc, dict):
        raise SheetError(f"{js}: expected a JSON object")
    try:
        image = pygame.image.load(str(png))
    except (pygame.error, FileNotFoundError, OSError) as e:
        raise SheetError(f"{png}: cannot load: {e}") from e
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        image = image.convert_alpha()
    sheet = SpriteSheet(image, doc, str(js))
    _cache[key] = sheet
    return sheet


def clear_cache() -> None:
    _cache.clear()
