"""Chooses each fighter's picture from the model's view: a sprite-sheet frame when the art is
there, else the drawn figure of boxer_pose. Reads the view; never changes the model."""

from __future__ import annotations

import logging
from collections import OrderedDict

import pygame

from game.render.boxer_pose import BoxerLook, draw_boxer, hex_color, make_pose

log = logging.getLogger(__name__)

PUNCHES = ("jab", "cross", "hook", "uppercut")
PX_PER_CM = 1.5  # the sprite sheets' scale: a 190 cm heavyweight is ~285 px tall
# Scaled frames kept per drawer, in bytes (least recently used dropped first). A bout's working
# set is ~40-60 frames (idle, walk, guard, the punches thrown) of 0.1-0.3 MB at the ring's
# scale; bounding bytes, not frames, keeps a knockdown's wide frames from adding megabytes.
# Freed with the drawer at the end of the bout.
SPRITE_CACHE_MAX_BYTES = 13_000_000


def sprite_tag(action: str, target: str | None) -> str:
    """Sheet tag for a view action: punches are split by target (jab_head, hook_body ...)."""
    if action in PUNCHES:
        return f"{action}_{target or 'head'}"
    return action


def look_for(fighter_id: str, age: float) -> BoxerLook:
    """Colours and build from the fighter's [look] table, with safe defaults."""
    try:
        from game.combat import load_fighter

        lk = load_fighter(fighter_id).look
        return BoxerLook(
            skin=hex_color(lk.skin),
            hair=hex_color(lk.hair_color),
            hair_style=lk.hair,
            trunks=hex_color(lk.trunks),
            trim=hex_color(lk.trunks_trim),
            gloves=hex_color(lk.gloves),
            shoes=hex_color(lk.shoes),
            build=lk.build,
            height_px=PX_PER_CM * lk.height_cm,
            beard=lk.beard,
            age=age,
        )
    except Exception as exc:  # noqa: BLE001 - a missing fighter still draws, in default colours
        log.warning("no look for %s: %s", fighter_id, exc)
        return BoxerLook(age=age)


def _bytes(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


class FighterDrawer:
    """Draws one fighter; sprite frames are scaled once and cached."""

    def __init__(self, fighter_id: str, age: float, use_sprites: bool = True) -> None:
        self.fighter_id = fighter_id
        self.look = look_for(fighter_id, age)
        self.sheet = None
        self.scale = 1.0
        # (frame index, facing) -> the frame scaled and mirrored; see SPRITE_CACHE_MAX_BYTES
        self._cache: OrderedDict[tuple[int, int], pygame.Surface] = OrderedDict()
        self.cache_bytes = 0
        if use_sprites:
            try:
                from game.render.sprites import load_sheet

                self.sheet = load_sheet(fighter_id, int(age))
                surf, anchor = self.sheet.frame("idle", 1, ticks=0)
                top = surf.get_bounding_rect().top
                natural_h = max(1.0, anchor[1] - top)
                k = self.look.height_px / natural_h
                self.scale = 1.0 if abs(k - 1.0) < 0.08 else k
            except Exception as exc:  # noqa: BLE001 - no art yet, or a broken sheet: draw the figure instead
                log.info("sprites for %s unavailable (%s); drawing the figure", fighter_id, exc)
                self.sheet = None

    @property
    def height_px(self) -> float:
        return self.look.height_px

    def _frame(self, f) -> tuple[pygame.Surface, tuple[float, float]]:
        tag = sprite_tag(f.action, f.target)
        sheet = self.sheet
        assert sheet is not None
        if self.scale == 1.0:
            if f.phase is not None:
                return sheet.frame(tag, f.facing, phase=f.phase, progress=f.phase_progress)
            return sheet.frame(tag, f.facing, ticks=f.action_ticks)
        if f.phase is not None:
            i = sheet.index(tag, phase=f.phase, progress=f.phase_progress)
        else:
            i = sheet.index(tag, ticks=f.action_ticks)
        facing = 1 if f.facing >= 0 else -1
        scaled = self._cache.get((i, facing))
        if scaled is None:
            # scale the sheet's own (unmirrored) frame, then mirror the result: the sheet keeps
            # no mirrored copy for the ring
            base = sheet.surface(i, 1)
            w, h = base.get_size()
            scaled = pygame.transform.smoothscale(
                base, (max(1, round(w * self.scale)), max(1, round(h * self.scale)))
            )
            if facing < 0:
                scaled = pygame.transform.flip(scaled, True, False)
            self._cache[(i, facing)] = scaled
            self.cache_bytes += _bytes(scaled)
            while self.cache_bytes > SPRITE_CACHE_MAX_BYTES and len(self._cache) > 1:
                self.cache_bytes -= _bytes(self._cache.popitem(last=False)[1])
        else:
            self._cache.move_to_end((i, facing))
        fr = sheet.frames[i]
        ax = fr.anchor[0] if facing > 0 else fr.rect[2] - fr.anchor[0]
        return scaled, (ax * self.scale, fr.anchor[1] * self.scale)

    def draw(
        self,
        surface: pygame.Surface,
        f,
        foot_x: float,
        foot_y: float,
        flash: float = 0.0,
    ) -> None:
        """Draw the fighter view `f` with its feet at (foot_x, foot_y) on `surface`."""
        if self.sheet is not None:
            try:
                img, (ax, ay) = self._frame(f)
                if flash > 0.15:  # the hit lights him up for a few frames
                    img = img.copy()
                    k = int(110 * flash)
                    img.fill((k, k, k, 0), special_flags=pygame.BLEND_RGBA_ADD)
                surface.blit(img, (round(foot_x - ax), round(foot_y - ay)))
                return
            except Exception as exc:  # noqa: BLE001 - a missing tag: fall back for good, once, loudly
                log.warning("sprite frame failed for %s %s: %s", self.fighter_id, f.action, exc)
                self.sheet = None
        pose = make_pose(f.action, f.target, f.phase, f.phase_progress, f.action_ticks, f.stamina)
        draw_boxer(surface, pose, self.look, foot_x, foot_y, f.facing, flash)

    def impact_point(
        self, f, foot_x: float, foot_y: float, target: str | None
    ) -> tuple[float, float]:
        """Where a punch to this fighter lands on screen (head or body), for sparks."""
        h = self.look.height_px
        y = foot_y - (0.88 if target != "body" else 0.6) * h
        return foot_x + f.facing * 0.06 * h, y
