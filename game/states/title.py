"""Title: the arena in the dark, spotlights sweeping the ring, the name, "press start"."""
from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.ui import colours as C
from game.ui.arena import Arena
from game.ui.widgets import blit_text, dim, render

if TYPE_CHECKING:
    from game.app import App

log = logging.getLogger(__name__)

INTRO_TICKS = 70  # title drops in over this many ticks
FIGHTER_SCALE = 0.8
TITLE_FIGHTERS = (("rocky", 64, 455, 1), ("dixon", 28, 825, -1))  # id, age, foot x, facing


class TitleScene(Scene):
    """Any confirm / click goes to the main menu; back asks to quit."""

    def __init__(self) -> None:
        super().__init__()
        self.t_ticks = 0
        self.arena: Arena | None = None
        self._title: pygame.Surface | None = None
        self._fighters: list[tuple[Any, int, int]] | None = None  # (sheet, foot x, facing)
        self._shade: dict[tuple[int, int, int], pygame.Surface] = {}
        self.subtitle_rect: pygame.Rect | None = None  # where the last frame drew it

    def enter(self, app: App) -> None:
        super().enter(app)
        self.arena = shared_arena(app)
        self._title = self._make_title()
        app.audio.play_music("menu")

    def _make_title(self) -> pygame.Surface:
        assert self.app is not None
        font = self.app.fonts.display(196)
        text = "STILL A FIGHTER"
        face = font.render(text, True, C.CREAM)
        w, h = face.get_size()
        out = pygame.Surface((w + 16, h + 16), pygame.SRCALPHA)
        shadow = font.render(text, True, C.RED_DARK)
        for dx, dy in ((8, 8), (7, 7), (6, 6), (5, 5), (4, 4)):  # a deep block shadow
            out.blit(shadow, (dx, dy))
        gold = font.render(text, True, C.GOLD)
        out.blit(gold, (2, 2))
        out.blit(face, (0, 0))
        # warm gold tint rising over the lower half of the letters
        grad = pygame.Surface((w, h), pygame.SRCALPHA)
        for y in range(h // 2, h):
            a = int(170 * (y - h / 2) / (h / 2))
            pygame.draw.line(grad, (255, 255, 255, a), (0, y), (w, y))
        tint = pygame.mask.from_surface(face).to_surface(setcolor=(*C.GOLD, 255),
                                                         unsetcolor=(0, 0, 0, 0))
        tint.blit(grad, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        out.blit(tint, (0, 0))
        return out

    def handle(self, item: Any) -> None:
        # Esc gives BACK before PAUSE; the app delivers only the first if it changes the stack.
        if isinstance(item, ActionEvent):
            if not item.pressed or item.repeat:
                return
            if item.action is Action.BACK:
                self._ask_quit()
            elif item.action in (Action.CONFIRM, Action.PAUSE):
                self._start()
        elif getattr(item, "type", None) == pygame.MOUSEBUTTONDOWN and item.button == 1:
            self._start()

    def _start(self) -> None:
        assert self.app is not None
        if self.t_ticks < 8:  # ignore a key still bouncing from a previous scene
            return
        self.app.audio.play("ui_confirm")
        self.app.stack.replace("menu")

    def _ask_quit(self) -> None:
        assert self.app is not None
        self.app.audio.play("ui_back")
        self.app.stack.push("confirm", question="Hang up the gloves?",
                            detail="Quit Still a Fighter.", yes="QUIT", no="STAY",
                            on_yes=self.app.quit)

    def update(self, tick: int) -> None:
        self.t_ticks += 1
        if self._fighters is None and self.t_ticks >= 2:  # after the first frame is shown
            self._fighters = _load_title_fighters()

    def _draw_fighters(self, surface: pygame.Surface, t: float, light: float) -> None:
        """The old champion and the young one, squared up, backlit as dark shapes."""
        for k, (sheet, foot_x, facing) in enumerate(self._fighters or ()):
            try:
                i = sheet.index("idle", ticks=int(t) + 17 * k)
                key = (k, i, facing)
                img = self._shade.get(key)
                if img is None:
                    surf, _ = sheet.frame("idle", facing, ticks=int(t) + 17 * k)
                    img = pygame.transform.smoothscale_by(surf, FIGHTER_SCALE)
                    self._shade[key] = img
                _, (ax, ay) = sheet.frame("idle", facing, ticks=int(t) + 17 * k)
            except Exception:  # noqa: BLE001 - art is optional on the title
                self._fighters = []
                return
            img.set_alpha(int(255 * light))
            foot_y = self.arena.floor_y_px if self.arena is not None else 495
            surface.blit(img, (foot_x - ax * FIGHTER_SCALE, foot_y - ay * FIGHTER_SCALE))

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None and self.arena is not None and self._title is not None
        t = self.t_ticks + alpha
        intro = min(1.0, t / INTRO_TICKS)
        self.arena.draw(surface, t + 140, lights=min(1.0, 0.25 + intro), front=False,
                        lettering=True)
        if self._fighters:
            self._draw_fighters(surface, t, min(1.0, intro * 1.5))
        self.arena.draw_front(surface)
        fonts = self.app.fonts
        # the name drops in and settles
        ease = 1 - (1 - intro) ** 3
        y = int(-80 + 150 * ease)
        rect = self._title.get_rect(midtop=(640, y))
        self._title.set_alpha(int(255 * ease) if intro < 1 else 255)
        surface.blit(self._title, rect)
        if intro >= 1:
            # on a dark band of its own: the ring's top rope runs right behind it
            sub = "One more fight in South Philadelphia".upper()
            font = fonts.bold(26)
            band = render(font, sub, C.TEXT).get_rect(midtop=(640, rect.y + 198)).inflate(64, 20)
            dim(surface, 225, band, C.PANEL)
            for x in (band.x, band.right - 5):
                pygame.draw.rect(surface, C.RED, (x, band.y, 5, band.h))
            self.subtitle_rect = blit_text(surface, font, sub, (640, rect.y + 198), C.TEXT,
                                           "midtop", shadow=2)
            # "press start" pulses
            pulse = 0.5 + 0.5 * math.sin(t * 2 * math.pi / 80)
            colour = tuple(int(a + (b - a) * pulse) for a, b in zip(C.GOLD_DARK, C.CREAM))
            blit_text(surface, fonts.display(58), "PRESS START", (640, 630), colour, "center",
                      shadow=3)
            blit_text(surface, fonts.body(18), "ENTER / SPACE  ·  PAD START / A  ·  CLICK",
                      (640, 672), C.TEXT_DIM, "center", shadow=1)
        small = render(fonts.body(16), "v0.1  ·  original art, sound and music made by code",
                       C.TEXT_FAINT)
        surface.blit(small, small.get_rect(bottomright=(1268, 712)))


def _load_title_fighters() -> list[tuple[Any, int, int]]:
    """Sprite sheets for the title's two fighters, or [] when the art is not there."""
    try:
        from game.render.sprites import load_sheet

        return [(load_sheet(fid, age), x, facing) for fid, age, x, facing in TITLE_FIGHTERS]
    except Exception as exc:  # noqa: BLE001 - missing or broken art
        log.info("title fighters not shown: %s", exc)
        return []


def shared_arena(app: Any) -> Arena:
    """One Arena per app: building the background costs a few ms, so menus reuse it."""
    arena = getattr(app, "_house_arena", None)
    if arena is None:
        arena = Arena()
        app._house_arena = arena
    return arena
