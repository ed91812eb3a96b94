"""Drawing the Versus fighter select: both corner panels (portrait, live stats card, age slider,
controller) and the rules row. Kept apart from the scene's input and choices; it records where
each row, arrow and slider was drawn so the scene can hit-test the mouse."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pygame

from game.bout.setup import MAX_AGE, MIN_AGE
from game.render.hud import CORNER_COLORS, SKY, VERMILLION, YELLOW
from game.render.text import shared_text
from game.states.versus.common import corner_card, draw_backdrop

if TYPE_CHECKING:
    from game.states.versus.select import VersusSelectScene

WHITE = (244, 240, 232)
DIM = (150, 148, 160)
FAINT = (70, 70, 86)
GOLD = (236, 184, 72)
ATTR_LABELS = (
    ("power", "POWER"),
    ("hand_speed", "HAND SPEED"),
    ("foot_speed", "FOOT SPEED"),
    ("stamina", "STAMINA"),
    ("recovery", "RECOVERY"),
    ("chin", "CHIN"),
    ("defense", "DEFENSE"),
    ("heart", "HEART"),
)
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
        self._drawers: dict[tuple[str, int], Any] = {}
        self._spot: pygame.Surface | None = None

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
                    ("ENTER", "Fight"),
                    ("ESC", "Back"),
                    ("MOUSE", "Click arrows, drag the age"),
                ],
                y=700,
            )

    def _focused(self, row: str) -> bool:
        return self.scene.focused(row)

    def _row_box(self, surface: pygame.Surface, row: str, rect: pygame.Rect) -> None:
        self.rects[row] = rect
        if self._focused(row):
            pulse = 120 + int(60 * abs(((self.scene.ticks % 60) / 30) - 1))
            pygame.draw.rect(surface, (60, 40, 20), rect, border_radius=8)
            pygame.draw.rect(surface, (*GOLD[:2], pulse), rect, 2, border_radius=8)

    def _arrows(self, surface: pygame.Surface, row: str, rect: pygame.Rect) -> None:
        for delta, x in ((-1, rect.x + 16), (1, rect.right - 16)):
            r = pygame.Rect(0, 0, 26, 30)
            r.center = (x, rect.centery)
            self.arrows[(row, delta)] = r
            col = GOLD if self._focused(row) else FAINT
            cx, cy = r.center
            pts = [(cx - 6 * delta, cy - 9), (cx + 7 * delta, cy), (cx - 6 * delta, cy + 9)]
            pygame.draw.polygon(surface, col, pts)

    def _panel(self, surface: pygame.Surface, i: int, rect: pygame.Rect) -> None:
        from game.combat import load_fighter

        tc = shared_text()
        s = self.scene.side(i)
        d = load_fighter(s.fighter_id)
        st = self.scene.stats(s.fighter_id, s.age)
        corner_card(surface, rect, i, stripe_px=6, label_size=15, label_xy=(20, 16))
        # portrait with a spotlight
        port = pygame.Rect(rect.x + 16, rect.y + 110, 210, 280)
        surface.blit(self._spotlight(port.size), port)
        # the red man faces right, toward his stats card: nudge him left and clip his reach,
        # so a glove never covers the card's labels
        clip = surface.get_clip()
        surface.set_clip(pygame.Rect(rect.x + 8, rect.y + 90, 248, port.h + 24).clip(clip))
        self._drawer(s.fighter_id, s.age).draw(
            surface,
            _IdleView(1 if i == 0 else -1, self.scene.ticks),
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
        # stats card
        card = pygame.Rect(rect.x + 262, rect.y + 112, rect.w - 278, 276)
        for k, (attr, label) in enumerate(ATTR_LABELS):
            y = card.y + k * 34
            value = int(st.ratings[attr])
            prime = int(d.attributes[attr])
            tc.blit(surface, label, 14, (card.x, y + 4), DIM, kind="bold", shadow=None)
            bar = pygame.Rect(card.x + 104, y + 4, card.w - 150, 16)
            pygame.draw.rect(surface, (40, 40, 52), bar, border_radius=3)
            lost = pygame.Rect(bar.x, bar.y, round(bar.w * prime / 100), bar.h)
            pygame.draw.rect(surface, (90, 40, 36), lost, border_radius=3)
            for x in range(lost.x, lost.right, 6):  # hatched: what the years took
                pygame.draw.line(
                    surface,
                    (130, 60, 50),
                    (x, lost.bottom - 1),
                    (min(lost.right - 1, x + 5), lost.y),
                    1,
                )
            col = SKY if value >= 80 else (YELLOW if value >= 60 else VERMILLION)
            pygame.draw.rect(
                surface, col, (bar.x, bar.y, round(bar.w * value / 100), bar.h), border_radius=3
            )
            mx = bar.x + round(bar.w * prime / 100)
            pygame.draw.line(surface, WHITE, (mx, bar.y - 3), (mx, bar.bottom + 2), 2)
            tc.blit(surface, str(value), 26, (card.right, y - 2), WHITE, anchor="topright")
        tc.blit(
            surface,
            f"PRIME AT {d.prime_age}  \u00b7  MARK: PRIME  \u00b7  HATCH: LOST TO AGE",
            12,
            (card.x, card.bottom - 4),
            DIM,
            kind="bold",
            shadow=None,
        )
        # age slider
        age_row = pygame.Rect(rect.x + 10, rect.y + 396, rect.w - 20, 48)
        self._row_box(surface, f"age{i}", age_row)
        tc.blit(surface, "AGE", 16, (age_row.x + 14, age_row.y + 15), DIM, kind="bold", shadow=None)
        tc.blit(surface, str(s.age), 40, (age_row.x + 56, age_row.y + 4), WHITE)
        track = pygame.Rect(age_row.x + 120, age_row.centery - 4, age_row.w - 150, 8)
        self.sliders[i] = track
        pygame.draw.rect(surface, (50, 50, 64), track, border_radius=4)
        t = (s.age - MIN_AGE) / (MAX_AGE - MIN_AGE)
        pygame.draw.rect(
            surface,
            CORNER_COLORS[i],
            (track.x, track.y, round(track.w * t), track.h),
            border_radius=4,
        )
        for a in range(MIN_AGE, MAX_AGE + 1, 5):
            x = track.x + round(track.w * (a - MIN_AGE) / (MAX_AGE - MIN_AGE))
            pygame.draw.line(surface, FAINT, (x, track.bottom + 3), (x, track.bottom + 7), 1)
        px = track.x + round(track.w * (d.prime_age - MIN_AGE) / (MAX_AGE - MIN_AGE))
        if MIN_AGE <= d.prime_age <= MAX_AGE:
            pygame.draw.line(surface, GOLD, (px, track.y - 6), (px, track.y - 1), 2)
        knob = (track.x + round(track.w * t), track.centery)
        pygame.draw.circle(surface, WHITE, knob, 11)
        pygame.draw.circle(surface, CORNER_COLORS[i], knob, 7)
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
            surface, (206, 40, 48) if focused else (120, 24, 30), fight, border_radius=10
        )
        if focused:
            pygame.draw.rect(surface, GOLD, fight, 3, border_radius=10)
        tc.blit(surface, "FIGHT!", 64, fight.center, WHITE, anchor="center")

    def _spotlight(self, size: tuple[int, int]) -> pygame.Surface:
        """A soft beam from above onto a pool of light (made once)."""
        spot = self._spot
        if spot is None:
            w, h = size
            spot = pygame.Surface(size, pygame.SRCALPHA)
            for k in range(12, 0, -1):
                f = k / 12
                pygame.draw.polygon(
                    spot,
                    (255, 236, 190, 7),
                    [
                        (w / 2 - 14 * f, 0),
                        (w / 2 + 14 * f, 0),
                        (w / 2 + w * 0.48 * f, h - 14),
                        (w / 2 - w * 0.48 * f, h - 14),
                    ],
                )
            for k in range(8, 0, -1):
                pygame.draw.ellipse(
                    spot, (255, 236, 190, 14), (w / 2 - 12 * k, h - 14 - 3 * k, 24 * k, 6 * k)
                )
            self._spot = spot
        return spot

    def _drawer(self, fighter_id: str, age: int) -> Any:
        from game.render.fighters import FighterDrawer

        key = (fighter_id, 0 if age < 45 else 1)
        if key not in self._drawers:
            self._drawers[key] = FighterDrawer(fighter_id, age)
        d = self._drawers[key]
        d.look = replace(d.look, age=age)
        return d


class _IdleView:
    """Just enough of a FighterView to pose a fighter standing in his corner."""

    def __init__(self, facing: int, ticks: int) -> None:
        self.facing = facing
        self.action = "idle"
        self.target = None
        self.phase = None
        self.phase_progress = 0.0
        self.action_ticks = ticks
        self.stamina = 1.0
