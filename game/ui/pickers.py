"""Pickers shared by the screens that choose fighters (Versus select, Virtual Fight): a focused
row, the left/right arrows, the live stats card and the age slider. Each draws where it is told
and returns the rectangles the scene needs for the mouse."""
from __future__ import annotations

from typing import Any

import pygame

from game.bout.setup import MAX_AGE, MIN_AGE  # the age slider's range
from game.render.hud import SKY, VERMILLION, WHITE, YELLOW
from game.ui import colours as C
from game.ui.text import shared_text

TRACK = (50, 50, 64)
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


def draw_focus(surface: pygame.Surface, rect: pygame.Rect, focused: bool, ticks: int,
               edge: tuple[int, int, int] | None = None) -> None:
    """The warm box with a pulsing edge (gold, or the player's ``edge`` colour when two
    cursors share the screen) around the row the cursor is on."""
    if focused:
        pulse = 120 + int(60 * abs(((ticks % 60) / 30) - 1))
        pygame.draw.rect(surface, (60, 40, 20), rect, border_radius=8)
        if edge is None:  # gold whose blue channel pulses
            pygame.draw.rect(surface, (*C.GOLD[:2], pulse), rect, 2, border_radius=8)
        else:
            pygame.draw.rect(surface, edge, rect, 3, border_radius=8)


def draw_arrows(surface: pygame.Surface, rect: pygame.Rect,
                focused: bool) -> dict[int, pygame.Rect]:
    """A left and a right arrow at the row's ends; returns {-1: left rect, +1: right rect}."""
    out = {}
    for delta, x in ((-1, rect.x + 16), (1, rect.right - 16)):
        r = pygame.Rect(0, 0, 26, 30)
        r.center = (x, rect.centery)
        out[delta] = r
        cx, cy = r.center
        pts = [(cx - 6 * delta, cy - 9), (cx + 7 * delta, cy), (cx - 6 * delta, cy + 9)]
        pygame.draw.polygon(surface, C.GOLD if focused else C.FAINT, pts)
    return out


def draw_stats_card(surface: pygame.Surface, card: pygame.Rect, fdef: Any, stats: Any, *,
                    row_px: int = 34, footer: bool = True,
                    short_footer: bool = False) -> pygame.Rect:
    """Eight bars: the rating at this age (colour by level), the prime mark, and hatching for
    what the years took. Returns the area drawn (the legend line included), so a screen can
    keep its next row clear of it."""
    drawn = pygame.Rect(card)
    tc = shared_text()
    for k, (attr, label) in enumerate(ATTR_LABELS):
        y = card.y + k * row_px
        value = int(stats.ratings[attr])
        prime = int(fdef.attributes[attr])
        tc.blit(surface, label, 14, (card.x, y + 4), C.TEXT_DIM, kind="bold", shadow=None)
        bar = pygame.Rect(card.x + 104, y + 4, card.w - 150, 16)
        pygame.draw.rect(surface, (40, 40, 52), bar, border_radius=3)
        lost = pygame.Rect(bar.x, bar.y, round(bar.w * prime / 100), bar.h)
        pygame.draw.rect(surface, (90, 40, 36), lost, border_radius=3)
        for x in range(lost.x, lost.right, 6):  # hatched: what the years took
            pygame.draw.line(surface, (130, 60, 50), (x, lost.bottom - 1),
                             (min(lost.right - 1, x + 5), lost.y), 1)
        col = SKY if value >= 80 else (YELLOW if value >= 60 else VERMILLION)
        pygame.draw.rect(surface, col, (bar.x, bar.y, round(bar.w * value / 100), bar.h),
                         border_radius=3)
        mx = bar.x + round(bar.w * prime / 100)
        pygame.draw.line(surface, WHITE, (mx, bar.y - 3), (mx, bar.bottom + 2), 2)
        tc.blit(surface, str(value), 26, (card.right, y - 2), WHITE, anchor="topright")
    if footer:
        mark = "" if short_footer else "  \u00b7  MARK: PRIME"
        drawn.union_ip(tc.blit(surface, f"PRIME AT {fdef.prime_age}{mark}  \u00b7  HATCH: LOST TO AGE",
                               12, (card.x, card.bottom - 4), C.TEXT_DIM, kind="bold", shadow=None))
    return drawn


def draw_age_slider(surface: pygame.Surface, row: pygame.Rect, age: int, prime_age: int,
                    colour: tuple[int, int, int]) -> pygame.Rect:
    """"AGE 30" and a slider from MIN_AGE to MAX_AGE with the prime marked; returns the track."""
    tc = shared_text()
    tc.blit(surface, "AGE", 16, (row.x + 14, row.y + 15), C.TEXT_DIM, kind="bold", shadow=None)
    tc.blit(surface, str(age), 40, (row.x + 56, row.y + 4), WHITE)
    track = pygame.Rect(row.x + 120, row.centery - 4, row.w - 150, 8)
    pygame.draw.rect(surface, TRACK, track, border_radius=4)
    t = (age - MIN_AGE) / (MAX_AGE - MIN_AGE)
    pygame.draw.rect(surface, colour, (track.x, track.y, round(track.w * t), track.h),
                     border_radius=4)
    for a in range(MIN_AGE, MAX_AGE + 1, 5):
        x = track.x + round(track.w * (a - MIN_AGE) / (MAX_AGE - MIN_AGE))
        pygame.draw.line(surface, C.FAINT, (x, track.bottom + 3), (x, track.bottom + 7), 1)
    if MIN_AGE <= prime_age <= MAX_AGE:
        px = track.x + round(track.w * (prime_age - MIN_AGE) / (MAX_AGE - MIN_AGE))
        pygame.draw.line(surface, C.GOLD, (px, track.y - 6), (px, track.y - 1), 2)
    knob = (track.x + round(track.w * t), track.centery)
    pygame.draw.circle(surface, WHITE, knob, 11)
    pygame.draw.circle(surface, colour, knob, 7)
    return track


def age_at(track: pygame.Rect, x: int) -> int:
    """The age under the mouse's x on a slider track."""
    t = max(0.0, min(1.0, (x - track.x) / track.w))
    return round(MIN_AGE + t * (MAX_AGE - MIN_AGE))


class RowMouse:
    """The mouse on a screen of setup rows: press on an age slider and drag it, click a row's
    arrow or the row itself, turn the wheel on the focused row. ``handle`` says what was hit;
    the scene decides what that means for its rows."""

    def __init__(self) -> None:
        self.dragging: int | None = None

    def handle(self, item: Any, sliders: dict[int, pygame.Rect],
               arrows: dict[tuple[str, int], pygame.Rect],
               rects: dict[str, pygame.Rect]) -> tuple[str, Any] | None:
        """("slide", (side, x)) | ("arrow", (row, delta)) | ("row", row) | ("wheel", dy)."""
        t = getattr(item, "type", None)
        if t == pygame.MOUSEBUTTONDOWN and item.button == 1:
            for i, r in sliders.items():
                if r.inflate(0, 24).collidepoint(item.pos):
                    self.dragging = i
                    return "slide", (i, item.pos[0])
            for key, r in arrows.items():
                if r.collidepoint(item.pos):
                    return "arrow", key
            for row, r in rects.items():
                if r.collidepoint(item.pos):
                    return "row", row
        elif t == pygame.MOUSEBUTTONUP:
            self.dragging = None
        elif t == pygame.MOUSEMOTION and self.dragging is not None:
            return "slide", (self.dragging, item.pos[0])
        elif t == pygame.MOUSEWHEEL:
            return "wheel", item.y
        return None


class IdleView:
    """Just enough of a FighterView to pose a fighter standing in his corner."""

    def __init__(self, facing: int, ticks: int) -> None:
        self.facing = facing
        self.action = "idle"
        self.target = None
        self.phase = None
        self.phase_progress = 0.0
        self.action_ticks = ticks
        self.stamina = 1.0


class Portraits:
    """Fighters standing in a pool of light, as on a select screen; drawers and the light are
    made once and kept."""

    def __init__(self) -> None:
        self._drawers: dict[tuple[str, int], Any] = {}
        self._spots: dict[tuple[int, int], pygame.Surface] = {}

    def drawer(self, fighter_id: str, age: int) -> Any:
        from dataclasses import replace

        from game.render.fighters import FighterDrawer

        key = (fighter_id, 0 if age < 45 else 1)
        if key not in self._drawers:
            self._drawers[key] = FighterDrawer(fighter_id, age)
        d = self._drawers[key]
        d.look = replace(d.look, age=age)
        return d

    def spotlight(self, size: tuple[int, int]) -> pygame.Surface:
        """A soft beam from above onto a pool of light."""
        spot = self._spots.get(size)
        if spot is None:
            w, h = size
            spot = pygame.Surface(size, pygame.SRCALPHA)
            for k in range(12, 0, -1):
                f = k / 12
                pygame.draw.polygon(spot, (255, 236, 190, 7), [
                    (w / 2 - 14 * f, 0), (w / 2 + 14 * f, 0),
                    (w / 2 + w * 0.48 * f, h - 14), (w / 2 - w * 0.48 * f, h - 14)])
            for k in range(8, 0, -1):
                pygame.draw.ellipse(spot, (255, 236, 190, 14),
                                    (w / 2 - 12 * k, h - 14 - 3 * k, 24 * k, 6 * k))
            self._spots[size] = spot
        return spot

    def draw(self, surface: pygame.Surface, port: pygame.Rect, fighter_id: str, age: int,
             facing: int, ticks: int, nudge_px: int = 0) -> None:
        """The fighter idling with his feet near the bottom of `port`, in the light."""
        surface.blit(self.spotlight(port.size), port)
        self.drawer(fighter_id, age).draw(surface, IdleView(facing, ticks),
                                          port.centerx + nudge_px, port.bottom - 14)
