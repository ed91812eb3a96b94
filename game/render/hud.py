"""The fight HUD: names, bars, round and clock, knockdowns, announcements, the count, get-up.

Colour-blind safe: the bars differ by shape as well as colour (head = solid with 10 % notches,
body = thin solid, stamina = striped), each carries a text label, and a low bar blinks and shows a
warning mark. The Okabe-Ito palette keeps the hues apart for the common colour-vision types.
step() runs at 60 Hz (bar trails, timers); draw() only reads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui.colours import (
    BLUISH_GREEN,
    CORNER_COLORS,
    DIM,
    ORANGE,
    PANEL,
    SKY,
    VERMILLION,
    WHITE,
    YELLOW,
)
from game.ui.text import shade, shared_text

COUNT_Y_PX = 312  # centre of the big count; clear of the "... IS DOWN" line above it
CORNER_NAMES = ("RED CORNER", "BLUE CORNER")

BAR_W_PX = 400
LABEL_W_PX = 66
HEAD_H_PX = 22
BODY_H_PX = 8
STAM_H_PX = 12


NUMBER_TAB = (20, 20, 28)  # the dark tab under a meter's value (colour-blind meters)


@dataclass
class Announcement:
    text: str
    sub: str
    ticks_left: int
    total_ticks: int
    color: tuple[int, int, int]


class FightHud:
    """Draws over the ring at the logical 1280x720 resolution."""

    def __init__(
        self, names: tuple[str, str], tags: tuple[str, str], ages: tuple[int, int] = (0, 0)
    ) -> None:
        self.names = names
        self.tags = tags
        self.ages = ages
        self.trail = [[1.0, 1.0], [1.0, 1.0]]  # lagging "damage" part of head/body bars
        self.shown = [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]
        self.ticks = 0
        self.announcement: Announcement | None = None
        self.count_ticks = 0
        self.last_count: int | None = None
        self.count_x_px: float | None = None  # screen x over the downed man (set by the renderer)
        self._panels: list[pygame.Surface] = []
        self._stripes: pygame.Surface | None = None
        self.numbers = False  # settings: colour-blind meters add the value as text
        self.number_boxes: list[pygame.Rect] = []  # where the last frame drew those values

    # -- timing -----------------------------------------------------------------------------
    def announce(
        self, text: str, sub: str = "", ticks: int = 90, color: tuple[int, int, int] = WHITE
    ) -> None:
        self.announcement = Announcement(text, sub, ticks, ticks, color)

    def step(self, view) -> None:
        self.ticks += 1
        for side in (0, 1):
            f = view.fighters[side]
            vals = (f.health_head, f.health_body, f.stamina)
            for i, v in enumerate(vals):
                self.shown[side][i] += (v - self.shown[side][i]) * 0.35
            for i, v in enumerate(vals[:2]):
                if v >= self.trail[side][i]:
                    self.trail[side][i] = v
                else:
                    self.trail[side][i] = max(v, self.trail[side][i] - 0.004)
        if self.announcement is not None:
            self.announcement.ticks_left -= 1
            if self.announcement.ticks_left <= 0:
                self.announcement = None
        if view.count != self.last_count:
            self.last_count = view.count
            self.count_ticks = 0
        else:
            self.count_ticks += 1

    # -- static parts -----------------------------------------------------------------------
    def _build(self) -> None:
        tc = shared_text()
        for side in (0, 1):
            panel = pygame.Surface((BAR_W_PX + 40 + LABEL_W_PX, 118), pygame.SRCALPHA)
            pygame.draw.rect(panel, (*PANEL, 200), panel.get_rect(), border_radius=10)
            stripe_x = 0 if side == 0 else panel.get_width() - 8
            pygame.draw.rect(
                panel,
                CORNER_COLORS[side],
                (stripe_x, 0, 8, 118),
                border_top_left_radius=10 if side == 0 else 0,
                border_bottom_left_radius=10 if side == 0 else 0,
                border_top_right_radius=10 if side == 1 else 0,
                border_bottom_right_radius=10 if side == 1 else 0,
            )
            name = tc.render(self.names[side].upper(), 36, WHITE)
            age = f"  \u00b7  AGE {self.ages[side]}" if self.ages[side] else ""
            room_px = panel.get_width() - name.get_width() - 60
            # a long name leaves less room: drop the corner's name, then the age, never overlap
            for text in (f"{self.tags[side]}  \u00b7  {CORNER_NAMES[side]}{age}",
                         f"{self.tags[side]}{age}", self.tags[side]):
                tag = tc.render(text, 15, DIM, kind="bold", shadow=None)
                if tag.get_width() <= room_px:
                    break
            if side == 0:
                panel.blit(name, (22, 4))
                panel.blit(tag, (24 + name.get_width() + 12, 18))
            else:
                panel.blit(name, name.get_rect(topright=(panel.get_width() - 22, 4)))
                panel.blit(
                    tag, tag.get_rect(topright=(panel.get_width() - 34 - name.get_width(), 18))
                )
            for label, y in (
                ("HEAD", 40 + HEAD_H_PX // 2),
                ("BODY", 72 + BODY_H_PX // 2),
                ("STAMINA", 90 + STAM_H_PX // 2),
            ):
                t = tc.render(label, 13, DIM, kind="bold", shadow=None)
                if side == 0:
                    panel.blit(t, t.get_rect(midleft=(20, y)))
                else:
                    panel.blit(t, t.get_rect(midright=(panel.get_width() - 20, y)))
            self._panels.append(panel)
        stripes = pygame.Surface((BAR_W_PX, STAM_H_PX), pygame.SRCALPHA)
        for x in range(-STAM_H_PX, BAR_W_PX, 10):
            pygame.draw.polygon(
                stripes,
                (255, 255, 255, 70),
                [(x, STAM_H_PX), (x + 5, STAM_H_PX), (x + 5 + STAM_H_PX, 0), (x + STAM_H_PX, 0)],
            )
        self._stripes = stripes

    # -- drawing ----------------------------------------------------------------------------
    def _bar(
        self,
        surface: pygame.Surface,
        x: int,
        y: int,
        h: int,
        value: float,
        trail: float,
        color: tuple[int, int, int],
        right_to_left: bool,
        notches: bool,
        striped: bool,
    ) -> None:
        pygame.draw.rect(
            surface, (34, 34, 44), (x - 2, y - 2, BAR_W_PX + 4, h + 4), border_radius=3
        )
        pygame.draw.rect(surface, (60, 20, 24), (x, y, BAR_W_PX, h))

        def span(v: float) -> pygame.Rect:
            w = round(BAR_W_PX * max(0.0, min(1.0, v)))
            return pygame.Rect(x + BAR_W_PX - w if right_to_left else x, y, w, h)

        if trail > value:
            pygame.draw.rect(surface, (250, 250, 250), span(trail))
        r = span(value)
        pygame.draw.rect(surface, color, r)
        pygame.draw.rect(
            surface, tuple(min(255, c + 50) for c in color), (r.x, r.y, r.w, max(2, h // 4))
        )
        if striped and self._stripes is not None and r.w > 0:
            surface.blit(self._stripes, r.topleft, pygame.Rect(0, 0, r.w, h))
        if notches:
            for k in range(1, 10):
                nx = x + BAR_W_PX * k // 10
                pygame.draw.line(surface, (20, 20, 26), (nx, y + h - 6), (nx, y + h - 1), 2)

    def draw(self, surface: pygame.Surface, view) -> None:
        if not self._panels:
            self._build()
        tc = shared_text()
        W = surface.get_width()
        self.number_boxes = []
        for side in (0, 1):
            panel = self._panels[side]
            px = 16 if side == 0 else W - 16 - panel.get_width()
            surface.blit(panel, (px, 12))
            bx = px + 20 + LABEL_W_PX if side == 0 else px + 20
            rtl = side == 1
            head, body, stam = self.shown[side]
            low = head < 0.25
            blink = low and (self.ticks // 12) % 2 == 0
            head_col = (VERMILLION if low else YELLOW) if not blink else WHITE
            self._bar(
                surface,
                bx,
                12 + 40,
                HEAD_H_PX,
                head,
                self.trail[side][0],
                head_col,
                rtl,
                True,
                False,
            )
            self._bar(
                surface,
                bx,
                12 + 72,
                BODY_H_PX,
                body,
                self.trail[side][1],
                ORANGE,
                rtl,
                False,
                False,
            )
            self._bar(surface, bx, 12 + 90, STAM_H_PX, stam, stam, SKY, rtl, False, True)
            if self.numbers:
                for val, y, hgt in ((head, 52, HEAD_H_PX), (stam, 102, STAM_H_PX)):
                    tx = bx + 6 if side == 1 else bx + BAR_W_PX - 6
                    label = tc.render(f"{round(val * 100)}", hgt + 2, WHITE, "bold", None)
                    at = label.get_rect(**{"midleft" if side == 1 else "midright":
                                           (tx, y + hgt // 2 + 1)})
                    # on a dark tab: over a full bar, white figures on yellow or sky blue
                    # were the one thing this setting is for and could not be read
                    box = at.inflate(8, 2)
                    pygame.draw.rect(surface, NUMBER_TAB, box, border_radius=3)
                    surface.blit(label, at)
                    self.number_boxes.append(box)
            if low:  # a warning mark beside the bar: shape, not just colour
                wx = bx + BAR_W_PX - 28 if side == 0 else bx + 6
                pts = [(wx + 11, 12 + 39), (wx + 23, 12 + 61), (wx - 1, 12 + 61)]
                pygame.draw.polygon(surface, VERMILLION if not blink else WHITE, pts)
                tc.blit(
                    surface,
                    "!",
                    18,
                    (wx + 11, 12 + 63),
                    (10, 10, 10),
                    anchor="midbottom",
                    shadow=None,
                )
            # knockdown pips
            f = view.fighters[side]
            n_pips = max(3, f.knockdowns)
            back = pygame.Rect(0, 0, 22 * n_pips + 44, 24)
            back.top = 12 + panel.get_height() + 4
            if side == 0:
                back.right = px + panel.get_width()
            else:
                back.left = px
            pygame.draw.rect(surface, PANEL, back, border_radius=6)
            tc.blit(
                surface,
                "KD",
                14,
                (back.x + 8 if side == 0 else back.right - 8, back.centery),
                DIM,
                anchor="midleft" if side == 0 else "midright",
                kind="bold",
                shadow=None,
            )
            for k in range(n_pips):
                cx = (back.right - 14 - k * 22) if side == 0 else (back.x + 14 + k * 22)
                r = pygame.Rect(0, 0, 16, 16)
                r.center = (cx, back.centery)
                if k < f.knockdowns:
                    pygame.draw.rect(surface, VERMILLION, r, border_radius=3)
                    tc.blit(surface, "K", 14, r.center, WHITE, anchor="center", shadow=None)
                else:
                    pygame.draw.rect(surface, (90, 90, 100), r, 2, border_radius=3)
        self._draw_clock(surface, view)
        if view.count is not None and view.downed_side is not None:
            self._draw_count(surface, view)
        if self.announcement is not None:
            self._draw_announcement(surface)

    def _draw_clock(self, surface: pygame.Surface, view) -> None:
        tc = shared_text()
        cx = surface.get_width() // 2
        box = pygame.Rect(0, 0, 150, 104)
        box.midtop = (cx, 10)
        pygame.draw.rect(surface, PANEL, box, border_radius=10)
        pygame.draw.rect(surface, (236, 184, 72), box, 2, border_radius=10)
        tc.blit(
            surface,
            f"ROUND {view.round} / {view.rounds}",
            24,
            (cx, 16),
            (236, 184, 72),
            anchor="midtop",
            shadow=None,
        )
        if view.between_rounds:
            tc.blit(surface, "CORNER", 46, (cx, 44), WHITE, anchor="midtop")
        else:
            secs = max(0, math.ceil(view.clock_seconds_left))
            col = VERMILLION if secs <= 10 and view.round >= 1 else WHITE
            tc.blit(surface, f"{secs // 60}:{secs % 60:02d}", 56, (cx, 40), col, anchor="midtop")

    def _draw_count(self, surface: pygame.Surface, view) -> None:
        tc = shared_text()
        W, H = surface.get_size()
        pop = max(0.0, 1.0 - self.count_ticks / 10)
        # over the downed man (the renderer says where he lies), so the number does not hide
        # the referee or the man still standing
        cx = W // 2 if self.count_x_px is None else round(min(W - 260, max(260, self.count_x_px)))
        size = 170 + int(60 * pop) // 10 * 10
        if view.count >= 1:
            tc.blit(
                surface,
                str(view.count),
                size,
                (cx, COUNT_Y_PX),
                WHITE,
                anchor="center",
                shadow=(120, 0, 0),
            )
        else:  # still falling: the referee has not started counting
            tc.blit(
                surface,
                "DOWN!",
                130,
                (cx, COUNT_Y_PX),
                YELLOW,
                anchor="center",
                shadow=(120, 0, 0),
            )
        side = view.downed_side
        name = self.names[side].upper()
        # below the knockdown boxes, which a long name would otherwise run into
        tc.blit(surface, f"{name} IS DOWN", 34, (cx, 186), YELLOW, anchor="center")
        if view.getup_progress is not None:
            human = not self.tags[side].startswith("CPU")
            bar = pygame.Rect(0, 0, 360, 26)
            bar.center = (W // 2, H - 70)
            back = bar.inflate(28, 64)
            back.bottom = bar.bottom + 14
            # a lower-third band, so the apron's lettering does not peek round the panel
            surface.blit(shade((W, H - back.top + 10), (6, 6, 12, 215)), (0, back.top - 10))
            pygame.draw.rect(surface, PANEL, back, border_radius=10)
            pygame.draw.rect(surface, (60, 60, 70), bar, border_radius=5)
            fill = bar.copy()
            fill.w = round(bar.w * max(0.0, min(1.0, view.getup_progress)))
            pygame.draw.rect(surface, BLUISH_GREEN, fill, border_radius=5)
            for k in range(1, 4):
                x = bar.x + bar.w * k // 4
                pygame.draw.line(surface, PANEL, (x, bar.y), (x, bar.bottom), 2)
            label = "MASH PUNCH TO GET UP!" if human else "GETTING UP..."
            col = WHITE if (not human or (self.ticks // 8) % 2) else YELLOW
            tc.blit(surface, label, 28, (W // 2, bar.top - 6), col, anchor="midbottom")

    def _draw_announcement(self, surface: pygame.Surface) -> None:
        a = self.announcement
        assert a is not None
        tc = shared_text()
        W, H = surface.get_size()
        age = a.total_ticks - a.ticks_left
        slide = min(1.0, age / 8)
        band_h = 130
        y = H // 2 - 150
        band = pygame.Rect(0, y - band_h // 2, round(W * slide), band_h)
        band.centerx = W // 2
        surface.blit(shade((W, band_h), (0, 0, 0, 150)), band, pygame.Rect(0, 0, band.w, band_h))
        pygame.draw.line(surface, a.color, band.topleft, band.topright, 3)
        pygame.draw.line(surface, a.color, band.bottomleft, band.bottomright, 3)
        if slide >= 1.0:
            tc.blit(
                surface,
                a.text,
                104,
                (W // 2, y - (14 if a.sub else 0)),
                a.color,
                anchor="center",
                shadow=(0, 0, 0),
            )
            if a.sub:
                tc.blit(surface, a.sub, 28, (W // 2, y + 44), WHITE, anchor="center", kind="bold")
