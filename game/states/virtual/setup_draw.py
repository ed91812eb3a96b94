"""Drawing the Virtual Fight's setup: two corner panels (portrait, stats card, age slider, CPU
level) with the question between them, and the run row (bouts, rounds, rules, RUN). The pickers
are the house's (game.ui.pickers), the same the Versus select uses."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render.hud import CORNER_COLORS
from game.states.versus.common import corner_card
from game.ui import colours as C
from game.ui.pickers import Portraits, draw_age_slider, draw_arrows, draw_focus, draw_stats_card
from game.ui.text import shared_text
from game.ui.widgets import draw_hints

if TYPE_CHECKING:
    from game.states.virtual.scene import VirtualFightScene

PANEL_W, PANEL_H, PANEL_Y = 520, 492, 84
RUN_ROW_Y = 592


def backdrop(size: tuple[int, int] = (1280, 720)) -> pygame.Surface:
    """The arena behind the Virtual Fight, dimmed, drawn once (the screen only blits it)."""
    from game.states.versus.common import draw_backdrop, new_backdrop

    surf = pygame.Surface(size)
    try:
        draw_backdrop(surf, new_backdrop(11), 226)
    except Exception:  # noqa: BLE001 - no ring map: a plain night is still a screen
        surf.fill(C.NIGHT)
    # a faint scoreboard grid: this is the computer's room
    grid = pygame.Surface(size, pygame.SRCALPHA)
    for x in range(0, size[0], 32):
        pygame.draw.line(grid, (120, 150, 220, 10), (x, 0), (x, size[1]))
    for y in range(0, size[1], 32):
        pygame.draw.line(grid, (120, 150, 220, 10), (0, y), (size[0], y))
    surf.blit(grid, (0, 0))
    return surf


class SetupPainter:
    """Draws the setup mode; keeps the rows', arrows' and sliders' rectangles for the mouse."""

    def __init__(self, scene: VirtualFightScene) -> None:
        self.scene = scene
        self.rects: dict[str, pygame.Rect] = {}
        self.arrows: dict[tuple[str, int], pygame.Rect] = {}
        self.sliders: dict[int, pygame.Rect] = {}
        self.portraits = Portraits()
        self._bg: pygame.Surface | None = None

    def background(self) -> pygame.Surface:
        if self._bg is None:
            self._bg = backdrop()
        return self._bg

    def draw(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        surface.blit(self.background(), (0, 0))
        tc.blit(surface, "VIRTUAL FIGHT", 64, (40, 8), C.GOLD)
        tc.blit(surface, "WHO WOULD WIN? THE COMPUTER FIGHTS IT OUT, THOUSANDS OF TIMES",
                18, (372, 36), C.TEXT_DIM, kind="bold", shadow=None)
        self.rects, self.arrows, self.sliders = {}, {}, {}
        for i in (0, 1):
            x = 24 if i == 0 else 1280 - 24 - PANEL_W
            self._panel(surface, i, pygame.Rect(x, PANEL_Y, PANEL_W, PANEL_H))
        self._middle(surface)
        self._run_row(surface)
        fonts = getattr(self.scene.app, "fonts", None)
        if fonts is not None:
            draw_hints(surface, fonts, [("UPDOWN", "Choose"), ("LEFTRIGHT", "Change"),
                                        ("ENTER", "Run"), ("ESC", "Back"),
                                        ("MOUSE", "Click arrows, drag the age")], y=700)

    def _row(self, surface: pygame.Surface, row: str, rect: pygame.Rect,
             arrows: bool = True) -> None:
        self.rects[row] = rect
        focused = self.scene.focus == _row_index(row)
        draw_focus(surface, rect, focused, self.scene.ticks)
        if arrows:
            for delta, r in draw_arrows(surface, rect, focused).items():
                self.arrows[(row, delta)] = r

    def _panel(self, surface: pygame.Surface, i: int, rect: pygame.Rect) -> None:
        from game.combat import load_fighter

        tc = shared_text()
        fid, age, level = self.scene.side(i)
        d = load_fighter(fid)
        corner_card(surface, rect, i, stripe_px=6, label_size=15, label_xy=(20, 14))
        name_row = pygame.Rect(rect.x + 10, rect.y + 32, rect.w - 20, 50)
        self._row(surface, f"fighter{i}", name_row)
        tc.blit(surface, d.name.upper(), 46, (name_row.x + 40, name_row.y + 3), C.CREAM)
        tc.blit(surface, f"\u201c{d.nickname}\u201d  \u00b7  {d.style.upper()}", 15,
                (name_row.x + 42, name_row.bottom + 4), C.GOLD, kind="bold", shadow=None)
        port = pygame.Rect(rect.x + 12, rect.y + 110, 180, 272)
        clip = surface.get_clip()
        surface.set_clip(port.inflate(16, 0).clip(clip))
        self.portraits.draw(surface, port, fid, age, 1 if i == 0 else -1, self.scene.ticks,
                            nudge_px=-14 if i == 0 else 14)
        surface.set_clip(clip)
        card = pygame.Rect(rect.x + 204, rect.y + 112, rect.w - 218, 268)
        draw_stats_card(surface, card, d, self.scene.stats(fid, age), row_px=33,
                        short_footer=True)
        age_row = pygame.Rect(rect.x + 10, rect.y + 390, rect.w - 20, 48)
        self._row(surface, f"age{i}", age_row, arrows=False)
        self.sliders[i] = draw_age_slider(surface, age_row, age, d.prime_age, CORNER_COLORS[i])
        lvl_row = pygame.Rect(rect.x + 10, rect.y + 440, rect.w - 20, 46)
        self._row(surface, f"level{i}", lvl_row)
        tc.blit(surface, "CPU LEVEL", 16, (lvl_row.x + 40, lvl_row.y + 14), C.TEXT_DIM,
                kind="bold", shadow=None)
        tc.blit(surface, level.upper(), 34, (lvl_row.centerx + 50, lvl_row.centery + 2),
                C.CREAM, anchor="center")

    def _middle(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        cx = 640
        tc.blit(surface, "VS", 96, (cx, 230), C.GOLD, anchor="center")
        pygame.draw.line(surface, C.GOLD_DARK, (cx, 110), (cx, 180), 2)
        pygame.draw.line(surface, C.GOLD_DARK, (cx, 282), (cx, 540), 2)
        s = self.scene.spec
        for k, line in enumerate(("THE SAME", "MODEL AS", "THE RING")):
            tc.blit(surface, line, 15, (cx, 330 + 22 * k), C.TEXT_DIM, anchor="center",
                    kind="bold", shadow=None)
        tc.blit(surface, f"{s.bouts:,}", 38, (cx, 438), C.CREAM, anchor="center")
        tc.blit(surface, "BOUTS", 15, (cx, 466), C.TEXT_DIM, anchor="center", kind="bold",
                shadow=None)

    def _run_row(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        s = self.scene.spec
        rules = "CLASSIC (3 KD, BELL)" if s.preset == "classic" else "UNIFIED"
        items = (("bouts", "BOUTS", f"{s.bouts:,}", 250), ("rounds", "ROUNDS", str(s.rounds), 190),
                 ("rules", "RULES", rules, 300))
        x = 24
        for row, label, value, w in items:
            r = pygame.Rect(x, RUN_ROW_Y, w, 76)
            pygame.draw.rect(surface, (14, 14, 22), r, border_radius=10)
            self._row(surface, row, r)
            tc.blit(surface, label, 14, (r.centerx, r.y + 8), C.TEXT_DIM, anchor="midtop",
                    kind="bold", shadow=None)
            tc.blit(surface, value, 32, (r.centerx, r.y + 28), C.CREAM, anchor="midtop")
            x += w + 12
        run = pygame.Rect(x + 8, RUN_ROW_Y, 1280 - 24 - x - 8, 76)
        self.rects["run"] = run
        focused = self.scene.focus == _row_index("run")
        pygame.draw.rect(surface, C.RED if focused else (120, 24, 30), run, border_radius=10)
        if focused:
            pygame.draw.rect(surface, C.GOLD, run, 3, border_radius=10)
        tc.blit(surface, "RUN THE FIGHTS", 52, run.center, C.CREAM, anchor="center")


def _row_index(row: str) -> int:
    from game.states.virtual.scene import ROWS

    return ROWS.index(row)
