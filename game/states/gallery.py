"""The sprite gallery: every fighter's every action animating, for artists and for review.

`python main.py --scene gallery`. Two views (CONFIRM toggles):
- grid: all actions of one fighter at half size, labelled; LEFT/RIGHT fighter, UP/DOWN variant;
- line-up: every fighter at full size on a ring floor playing one action, alternately facing;
  LEFT/RIGHT action, UP/DOWN variant.
JAB shows the hurt/hit boxes and anchors stored in the sheets.
Non-looping actions replay after a short hold. BACK leaves.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.render.sprites import SPRITES_DIR, TAGS, VARIANTS, SheetError, SpriteSheet, load_sheet
from game.states.base import Scene
from game.ui.colours import DIM, GOLD, TEXT

BG_TOP = (16, 18, 28)
BG_BOTTOM = (40, 38, 48)
FLOOR = (178, 168, 150)
FLOOR_EDGE = (120, 112, 100)

HOLD_TICKS = 40  # a one-shot action holds its last frame this long before replaying
GRID_COLS = 9
GRID_SCALE = 0.5
FIRST = ("rocky", "dixon")


def fighter_ids(directory: Any = None) -> list[str]:
    """Fighters that have a prime sheet, the two heroes first."""
    d = directory or SPRITES_DIR
    ids = sorted(p.name[: -len("_prime.json")] for p in d.glob("*_prime.json"))
    return [i for i in FIRST if i in ids] + [i for i in ids if i not in FIRST]


def _ticks_for(sheet: SpriteSheet, tag: str, t: int) -> int:
    if sheet.tags[tag].loop:
        return t
    return t % (sheet.tag_ticks(tag) + HOLD_TICKS)


class GalleryScene(Scene):
    """Read-only view of the sheets; never touches the fight model."""

    def __init__(self, fighter: str | None = None, variant: str = "prime", view: str = "grid",
                 tag: str = "idle") -> None:
        super().__init__()
        self.ids = fighter_ids()
        self.fi = self.ids.index(fighter) if fighter in self.ids else 0
        self.variant = variant if variant in VARIANTS else "prime"
        self.view = view if view in ("grid", "lineup") else "grid"
        self.tag_i = TAGS.index(tag) if tag in TAGS else 0
        self.t = 0
        self.show_boxes = False  # JAB toggles hurt/hit boxes and anchors
        self.error = "" if self.ids else f"no sprite sheets in {SPRITES_DIR}"
        self._scaled: dict[tuple[int, int], pygame.Surface] = {}
        self._font_cache: dict[int, pygame.font.Font] = {}
        self._bg: pygame.Surface | None = None

    # -- input / update ----------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        name = _action_name(item)
        if name is None:
            return
        if name == "back":
            if self.app is not None:
                self.app.stack.pop()
        elif name == "confirm":
            self.view = "lineup" if self.view == "grid" else "grid"
            self.t = 0
        elif name in ("left", "right"):
            d = -1 if name == "left" else 1
            if self.view == "grid" and self.ids:
                self.fi = (self.fi + d) % len(self.ids)
            else:
                self.tag_i = (self.tag_i + d) % len(TAGS)
            self.t = 0
        elif name == "jab":
            self.show_boxes = not self.show_boxes
        elif name in ("up", "down"):
            self.variant = "veteran" if self.variant == "prime" else "prime"
            self.t = 0

    def update(self, tick: int) -> None:
        self.t += 1

    # -- drawing -----------------------------------------------------------------------------
    def _font(self, size: int) -> pygame.font.Font:
        fonts = getattr(self.app, "fonts", None)
        if fonts is not None:
            return fonts.bold(size)
        f = self._font_cache.get(size)
        if f is None:
            if not pygame.font.get_init():
                pygame.font.init()
            f = self._font_cache[size] = pygame.font.Font(None, size + 4)
        return f

    def _text(self, surface: pygame.Surface, text: str, pos: tuple[int, int], size: int,
              colour: tuple[int, int, int] = TEXT, anchor: str = "topleft") -> None:
        img = self._font(size).render(text, True, colour)
        r = img.get_rect(**{anchor: pos})
        surface.blit(img, r)

    def _sheet(self, fid: str) -> SpriteSheet | None:
        try:
            return load_sheet(fid, variant=self.variant)
        except SheetError as e:
            self.error = str(e)
            return None

    def _background(self, size: tuple[int, int]) -> pygame.Surface:
        if self._bg is None or self._bg.get_size() != size:
            w, h = size
            bg = pygame.Surface(size)
            for y in range(h):
                k = y / max(1, h - 1)
                c = tuple(int(a + (b - a) * k) for a, b in zip(BG_TOP, BG_BOTTOM))
                pygame.draw.line(bg, c, (0, y), (w, y))
            self._bg = bg
        return self._bg

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        surface.blit(self._background(surface.get_size()), (0, 0))
        if not self.ids:
            self._text(surface, self.error, (40, 40), 22, GOLD)
            return
        if self.view == "grid":
            self._draw_grid(surface)
        else:
            self._draw_lineup(surface)

    def _draw_grid(self, surface: pygame.Surface) -> None:
        fid = self.ids[self.fi]
        sheet = self._sheet(fid)
        self._text(surface, f"{fid.upper()}  ·  {self.variant}", (24, 14), 26, GOLD)
        self._text(surface, "LEFT/RIGHT fighter   UP/DOWN prime/veteran   CONFIRM line-up   "
                   "JAB boxes   BACK leave", (1256, 20), 16, DIM, "topright")
        if sheet is None:
            self._text(surface, self.error, (24, 60), 18, GOLD)
            return
        cell_w, cell_h = 1280 // GRID_COLS, 222
        for k, tag in enumerate(TAGS):
            col, row = k % GRID_COLS, k // GRID_COLS
            foot = (col * cell_w + cell_w // 2, 54 + row * cell_h + cell_h - 34)
            pygame.draw.line(surface, FLOOR_EDGE, (foot[0] - cell_w // 2 + 8, foot[1]),
                             (foot[0] + cell_w // 2 - 8, foot[1]), 2)
            i = sheet.index(tag, ticks=_ticks_for(sheet, tag, self.t))
            img = self._scaled_frame(sheet, i)
            ax, ay = sheet.frames[i].anchor
            surface.blit(img, (foot[0] - round(ax * GRID_SCALE), foot[1] - round(ay * GRID_SCALE)))
            if self.show_boxes:
                _draw_boxes(surface, sheet, i, 1, foot, GRID_SCALE)
            ph = sheet.frames[i].phase
            self._text(surface, tag, (foot[0], foot[1] + 6), 15, TEXT, "midtop")
            if ph:
                self._text(surface, ph, (foot[0], foot[1] + 22), 13, GOLD, "midtop")

    def _scaled_frame(self, sheet: SpriteSheet, i: int) -> pygame.Surface:
        key = (id(sheet), i)
        s = self._scaled.get(key)
        if s is None:
            s = pygame.transform.smoothscale_by(sheet.surface(i, 1), GRID_SCALE)
            self._scaled[key] = s
        return s

    def _draw_lineup(self, surface: pygame.Surface) -> None:
        tag = TAGS[self.tag_i]
        self._text(surface, f"{tag}  ·  {self.variant}", (24, 14), 26, GOLD)
        self._text(surface, "LEFT/RIGHT action   UP/DOWN prime/veteran   CONFIRM grid   "
                   "JAB boxes   BACK leave", (1256, 20), 16, DIM, "topright")
        floor_y = 610
        pygame.draw.rect(surface, FLOOR, (0, floor_y, 1280, 720 - floor_y))
        pygame.draw.rect(surface, FLOOR_EDGE, (0, floor_y, 1280, 4))
        n = len(self.ids)
        for k, fid in enumerate(self.ids):
            sheet = self._sheet(fid)
            x = round((k + 0.5) * 1280 / n)
            self._text(surface, fid, (x, floor_y + 70), 18, (40, 36, 40), "midtop")
            if sheet is None:
                continue
            facing = 1 if k % 2 == 0 else -1
            img, (ax, ay) = sheet.frame(tag, facing, ticks=_ticks_for(sheet, tag, self.t))
            shadow = pygame.Rect(0, 0, 150, 18)
            shadow.center = (x, floor_y + 8)
            pygame.draw.ellipse(surface, (128, 120, 106), shadow)
            surface.blit(img, (x - ax, floor_y + 8 - ay))
            if self.show_boxes:
                i = sheet.index(tag, ticks=_ticks_for(sheet, tag, self.t))
                _draw_boxes(surface, sheet, i, facing, (x, floor_y + 8), 1.0)


def _draw_boxes(surface: pygame.Surface, sheet: SpriteSheet, i: int, facing: int,
                foot: tuple[int, int], scale: float) -> None:
    """Hurtbox (green), hitbox (red) and the anchor (a cross at the feet)."""
    hurt, hit = sheet.boxes(i, facing)
    for r, col in ((hurt, (80, 220, 120)), (hit, (240, 70, 60))):
        if r is not None:
            pygame.draw.rect(surface, col, (foot[0] + r[0] * scale, foot[1] + r[1] * scale,
                                            r[2] * scale, r[3] * scale), 1)
    pygame.draw.line(surface, GOLD, (foot[0] - 6, foot[1]), (foot[0] + 6, foot[1]))
    pygame.draw.line(surface, GOLD, (foot[0], foot[1] - 6), (foot[0], foot[1] + 6))


def _action_name(item: Any) -> str | None:
    """An ActionEvent press as a lower-case action name (raw events are ignored: the app
    already turns keys and pads into actions)."""
    action = getattr(item, "action", None)
    if action is None or not getattr(item, "pressed", True):
        return None
    return str(getattr(action, "value", action)).lower()
