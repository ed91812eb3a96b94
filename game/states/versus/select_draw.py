"""Drawing the Versus fighter select: both corner panels (portrait, live stats card, age slider,
controller) and the rules row. Kept apart from the scene's input and choices; it records where
each row, arrow and slider was drawn so the scene can hit-test the mouse."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render.hud import CORNER_COLORS
from game.states.versus.common import corner_card, draw_backdrop
from game.ui.colours import DIM, GOLD, RED, RED_DARK, WHITE
from game.ui.pickers import (
    IdleView,
    Portraits,
    draw_age_slider,
    draw_arrows,
    draw_focus,
    draw_stats_card,
)
from game.ui.text import shared_text

if TYPE_CHECKING:
    from game.states.versus.select import VersusSelectScene

PANEL_W = 600


def control_label(control: str, difficulty: str) -> str:
    if control == "cpu":
        return f"CPU  \u00b7  {difficulty.upper()}"
    return "PLAYER 1" if control == "human1" else "PLAYER 2"


def clock_label(speed: int) -> str:
    return "REAL TIME  \u00b7  3:00" if speed == 1 else f"3:00 IN {180 // speed} S"


class SelectPainter:
    """Draws one VersusSelectScene; keeps the hit rectangles of the last frame."""

    def __init__(self, scene: VersusSelectScene) -> None:
        self.scene = scene
        self.rects: dict[str, pygame.Rect] = {}
        self.arrows: dict[tuple[str, int], pygame.Rect] = {}
        self.sliders: dict[int, pygame.Rect] = {}
        self.portraits = Portraits()

    def draw(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        draw_backdrop(surface, self.scene.arena, 232)
        tc.blit(surface, "VERSUS", 64, (40, 8), GOLD)
        tc.blit(
            surface,
            "PICK YOUR FIGHTERS, THEIR AGES AND THE RULES",
            18,
            (210, 36),
            DIM,
            kind="bold",
            shadow=None,
        )
        self.rects, self.arrows, self.sliders = {}, {}, {}
        self.cards: dict[int, pygame.Rect] = {}  # each stats card as drawn, legend included
        for i in (0, 1):
            self._panel(
                surface, i, pygame.Rect(24 if i == 0 else 1280 - 24 - PANEL_W, 82, PANEL_W, 500)
            )
        self._rules(surface)
        fonts = getattr(self.scene.app, "fonts", None)
        if fonts is not None:
            from game.ui.widgets import draw_hints

            draw_hints(
                surface,
                fonts,
                [
                    ("UPDOWN", "Choose"),
                    ("LEFTRIGHT", "Change"),
                    ("ENTER / SPACE", "Fight"),
                    ("ESC", "Back"),
                    ("MOUSE", "Click arrows, drag the age"),
                ],
                y=700,
            )

    def _focused(self, row: str) -> bool:
        return self.scene.focused(row)

    def _row_box(self, surface: pygame.Surface, row: str, rect: pygame.Rect) -> None:
        self.rects[row] = rect
        draw_focus(surface, rect, self._focused(row), self.scene.ticks,
                   self.scene.cursor_colour(row))

    def _arrows(self, surface: pygame.Surface, row: str, rect: pygame.Rect) -> None:
        for delta, r in draw_arrows(surface, rect, self._focused(row)).items():
            self.arrows[(row, delta)] = r

    def _panel(self, surface: pygame.Surface, i: int, rect: pygame.Rect) -> None:
        from game.combat import load_fighter

        tc = shared_text()
        s = self.scene.side(i)
        d = load_fighter(s.fighter_id)
        st = self.scene.stats(s.fighter_id, s.age)
        corner_card(surface, rect, i, stripe_px=6, label_size=15, label_xy=(20, 16))
        # portrait with a spotlight
        port = pygame.Rect(rect.x + 16, rect.y + 110, 210, 280)
        surface.blit(self.portraits.spotlight(port.size), port)
        # the red man faces right, toward his stats card: nudge him left and clip his reach,
        # so a glove never covers the card's labels
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(rect.x + 8, rect.y + 90, 248, port.h + 24).clip(clip))
        self.portraits.drawer(s.fighter_id, s.age).draw(
            surface,
            IdleView(1 if i == 0 else -1, self.scene.ticks),
            port.centerx - (18 if i == 0 else 0),
            port.bottom - 14,
        )
        surface.set_clip(clip)
        # fighter row: name with arrows
        name_row = pygame.Rect(rect.x + 10, rect.y + 34, rect.w - 20, 50)
        self._row_box(surface, f"fighter{i}", name_row)
        self._arrows(surface, f"fighter{i}", name_row)
        tc.blit(surface, d.name.upper(), 48, (name_row.x + 40, name_row.y + 2), WHITE)
        tc.blit(
            surface,
            f"\u201c{d.nickname}\u201d  \u00b7  {d.style.upper()}  \u00b7  {d.stance.upper()}",
            15,
            (name_row.x + 42, name_row.bottom + 4),
            GOLD,
            kind="bold",
            shadow=None,
        )
        # stats card and age slider (game.ui.pickers, shared with the Virtual Fight)
        card = pygame.Rect(rect.x + 262, rect.y + 112, rect.w - 278, 276)
        self.cards[i] = draw_stats_card(surface, card, d, st)
        age_row = pygame.Rect(rect.x + 10, rect.y + 401, rect.w - 20, 43)  # below the card's legend
        self._row_box(surface, f"age{i}", age_row)
        self.sliders[i] = draw_age_slider(surface, age_row, s.age, d.prime_age, CORNER_COLORS[i])
        # controller
        ctl_row = pygame.Rect(rect.x + 10, rect.y + 446, rect.w - 20, 46)
        self._row_box(surface, f"control{i}", ctl_row)
        self._arrows(surface, f"control{i}", ctl_row)
        tc.blit(
            surface, "CONTROL", 16, (ctl_row.x + 40, ctl_row.y + 14), DIM, kind="bold", shadow=None
        )
        tc.blit(
            surface,
            control_label(s.control, s.difficulty),
            34,
            (ctl_row.centerx + 40, ctl_row.centery + 2),
            WHITE,
            anchor="center",
        )

    def _rules(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        s = self.scene.setup
        y = 596
        items = (
            ("rounds", "ROUNDS", str(s.rounds), 210),
            ("clock", "CLOCK", clock_label(s.clock_speed), 300),
            (
                "preset",
                "RULES",
                "CLASSIC (3 KD, BELL)" if s.preset == "classic" else "UNIFIED",
                300,
            ),
        )
        x = 24
        for row, label, value, w in items:
            r = pygame.Rect(x, y, w, 76)
            pygame.draw.rect(surface, (14, 14, 22), r, border_radius=10)
            self._row_box(surface, row, r)
            self._arrows(surface, row, r)
            tc.blit(
                surface,
                label,
                14,
                (r.centerx, r.y + 8),
                DIM,
                anchor="midtop",
                kind="bold",
                shadow=None,
            )
            tc.blit(surface, value, 32, (r.centerx, r.y + 28), WHITE, anchor="midtop")
            x += w + 12
        fight = pygame.Rect(x + 8, y, 1280 - 24 - x - 8, 76)
        self.rects["fight"] = fight
        focused = self._focused("fight")
        pygame.draw.rect(
            surface, RED if focused else RED_DARK, fight, border_radius=10
        )
        if focused:
            pygame.draw.rect(surface, GOLD, fight, 3, border_radius=10)
        tc.blit(surface, "FIGHT!", 64, fight.center, WHITE, anchor="center")
