"""The Virtual Fight as a sports show: a studio, the two fighters under their names, each man's
win % on the big board, a lower third with the computer's verdict and a crawl of the facts.

A reusable piece: `TvShow(verdict).draw(surface, rect, t_ticks)` draws into any rectangle (the
full screen from the Virtual Fight's results, or the bar's TV in the story's chapter 1). The
studio is drawn once on a 1280x720 canvas and scaled to the rectangle; the board with the
numbers is a small surface of its own, so `set_verdict` (a run still filling in) redraws only
the board, the lower third and the crawl, never the studio; the lower third's line, its slide
and the crawl move, from cached surfaces.
"""
from __future__ import annotations

import pygame

from game.render.hud import CORNER_COLORS
from game.ui import colours as C
from game.ui.pickers import Portraits
from game.ui.text import shared_text

CANVAS = (1280, 720)
LINE_TICKS = 240  # each lower-third fact stays 4 s
SLIDE_TICKS = 18  # and slides in over 0.3 s
CRAWL_PX_PER_TICK = 2.0  # at canvas scale
STUDIO_TOP, STUDIO_BOTTOM = (10, 16, 40), (30, 8, 18)
CHANNEL = "FIGHT NIGHT SPORTS DESK"
BOARD = pygame.Rect(430, 150, 420, 300)  # the numbers, on the canvas


def pct_size(text: str) -> int:
    """The board's win % size: three digits ("100%") take a smaller one, or they run into
    "WINS" between the two numbers."""
    return 110 if len(text) < 4 else 84


class TvShow:
    """Draws one Verdict (game.virtual.verdict) as a TV show into any rect."""

    def __init__(self, verdict, channel: str = CHANNEL) -> None:
        self.v = verdict
        self.channel = channel  # the show's name, top right (the story's bar has its own)
        self._canvas: pygame.Surface | None = None
        self._scaled: dict[tuple[str, int, int], pygame.Surface] = {}
        self.portraits = Portraits()

    def set_verdict(self, verdict) -> None:
        """Show new numbers (a run filling in): the studio is kept when the men are the same."""
        same_men = (verdict.fighter_ids, verdict.names, verdict.ages) == (
            self.v.fighter_ids, self.v.names, self.v.ages)
        self.v = verdict
        if not same_men:
            self._canvas = None
            self._scaled.clear()
            return
        self._scaled = {k: v for k, v in self._scaled.items() if k[0] == "studio"}

    # -- still layer ----------------------------------------------------------------------
    def _studio(self) -> pygame.Surface:
        if self._canvas is not None:
            return self._canvas
        w, h = CANVAS
        s = pygame.Surface(CANVAS)
        for y in range(h):  # studio gradient, night blue to a red floor
            t = y / h
            s.fill(tuple(round(a + (b - a) * t) for a, b in zip(STUDIO_TOP, STUDIO_BOTTOM,
                                                                strict=True)), (0, y, w, 1))
        glow = pygame.Surface(CANVAS, pygame.SRCALPHA)
        for k in range(14, 0, -1):  # a light wall behind the board
            pygame.draw.ellipse(glow, (90, 120, 220, 6), (640 - 46 * k, 250 - 20 * k, 92 * k,
                                                          40 * k))
        for x in range(0, w, 64):  # a studio floor in perspective
            pygame.draw.line(glow, (255, 255, 255, 14), (x, 560), (640 + (x - 640) * 2.2, h))
        for y, a in ((560, 26), (600, 18), (650, 12)):
            pygame.draw.line(glow, (255, 255, 255, a), (0, y), (w, y))
        s.blit(glow, (0, 0))
        tc = shared_text()
        v = self.v
        for side in (0, 1):  # the fighters on their plinths, the board between them
            cx = 250 if side == 0 else 1030
            plinth = pygame.Rect(0, 0, 300, 30)
            plinth.midtop = (cx, 556)
            pygame.draw.ellipse(s, (0, 0, 0), plinth.inflate(30, 10))
            pygame.draw.ellipse(s, CORNER_COLORS[side], plinth, 3)
            port = pygame.Rect(0, 0, 300, 330)
            port.midbottom = (cx, 576)
            self.portraits.draw(s, port, v.fighter_ids[side], v.ages[side],
                                1 if side == 0 else -1, 0)
            banner = pygame.Rect(0, 0, 300, 58)
            banner.midtop = (cx, 170)
            pygame.draw.rect(s, CORNER_COLORS[side], banner)
            pygame.draw.rect(s, C.GOLD, (banner.x, banner.bottom, banner.w, 4))
            tc.blit(s, v.names[side].upper(), 46, banner.center, C.CREAM, anchor="center")
            tc.blit(s, f"AGE {v.ages[side]}", 22, (cx, banner.bottom + 10), C.GOLD,
                    anchor="midtop", kind="bold", shadow=None)
        board = BOARD
        pygame.draw.rect(s, (6, 8, 18), board, border_radius=14)
        pygame.draw.rect(s, C.GOLD_DARK, board, 3, border_radius=14)
        # the channel's bug, top left, and the show's name, top right
        bug = pygame.Rect(36, 30, 250, 64)
        pygame.draw.rect(s, C.RED, bug)
        pygame.draw.rect(s, C.GOLD, (bug.x, bug.bottom - 6, bug.w, 6))
        tc.blit(s, "VIRTUAL", 40, (bug.x + 14, bug.y + 4), C.CREAM)
        tc.blit(s, "FIGHT", 40, (bug.x + 136, bug.y + 4), C.GOLD)
        tc.blit(s, self.channel, 18, (1244, 44), C.CREAM, anchor="topright", kind="bold",
                shadow=None)
        self._canvas = s
        return s

    def _board(self) -> pygame.Surface:
        """The numbers on the board (canvas scale, BOARD's size): redrawn per verdict."""
        v = self.v
        s = pygame.Surface(BOARD.size, pygame.SRCALPHA)  # round corners over the studio
        pygame.draw.rect(s, (6, 8, 18), s.get_rect(), border_radius=14)
        pygame.draw.rect(s, C.GOLD_DARK, s.get_rect(), 3, border_radius=14)
        tc = shared_text()
        cx, w, h = BOARD.w // 2, BOARD.w, BOARD.h
        tc.blit(s, "COMPUTER SIMULATION", 20, (cx, 16), C.GOLD, anchor="midtop", kind="bold",
                shadow=None)
        fights = f"{v.bouts:,} FIGHT{'' if v.bouts == 1 else 'S'}"  # "1 FIGHTS" early in a run
        tc.blit(s, f"{fights}  \u00b7  {v.rounds} ROUNDS", 18, (cx, 44), C.TEXT_DIM,
                anchor="midtop", kind="bold", shadow=None)
        if getattr(v, "too_early", False):
            self._early_board(s, v)
            return s
        for side in (0, 1):
            x = 110 if side == 0 else w - 110
            pct = v.win_pct[side]
            text = f"{pct:.0f}%"
            tc.blit(s, text, pct_size(text), (x, 168), CORNER_COLORS[side], anchor="center")
            tc.blit(s, f"\u00b1{v.margin_pct[side]:.1f}", 20, (x, 226), C.TEXT_DIM,
                    anchor="midtop", kind="bold", shadow=None)
        tc.blit(s, "WINS", 26, (cx, 168), C.CREAM, anchor="center")
        tc.blit(s, f"DRAW {v.win_pct[2]:.0f}%", 18, (cx, h - 30), C.TEXT_DIM, anchor="midtop",
                kind="bold", shadow=None)
        return s

    @staticmethod
    def _early_board(s: pygame.Surface, v) -> None:
        """Too few bouts in: no win % (one bout reads 100% vs 0%), the ranges the truth may
        lie in, and the board says it is too early."""
        tc = shared_text()
        w = s.get_width()
        for side in (0, 1):
            x = 110 if side == 0 else w - 110
            lo, hi = v.low_pct[side], v.high_pct[side]
            tc.blit(s, f"{lo:.0f}\u2013{hi:.0f}%", 56, (x, 150), CORNER_COLORS[side],
                    anchor="center")
            tc.blit(s, "MAY WIN", 20, (x, 186), C.TEXT_DIM, anchor="midtop", kind="bold",
                    shadow=None)
        tc.blit(s, "TOO EARLY", 34, (w // 2, 236), C.GOLD, anchor="center")
        tc.blit(s, "TO CALL", 34, (w // 2, 268), C.GOLD, anchor="center")

    # -- moving parts, at canvas scale ---------------------------------------------------------
    def _lower_third(self, line: str) -> pygame.Surface:
        v = self.v
        surf = pygame.Surface((1060, 132), pygame.SRCALPHA)
        colour = CORNER_COLORS[v.favourite] if v.favourite is not None else C.SMOKE
        pygame.draw.polygon(surf, (0, 0, 0, 150), [(26, 6), (1060, 6), (1040, 82), (6, 82)])
        pygame.draw.polygon(surf, colour, [(20, 0), (1050, 0), (1030, 76), (0, 76)])
        pygame.draw.polygon(surf, C.CREAM, [(0, 80), (1000, 80), (990, 124), (0, 124)])
        tc = shared_text()
        tc.blit(surf, v.headline, 60, (36, 40), C.CREAM, anchor="midleft")
        tc.blit(surf, line, 28, (30, 103), C.NIGHT, anchor="midleft", shadow=None)
        return surf

    def _crawl(self) -> pygame.Surface:
        v = self.v
        text = "   \u2022   ".join(v.lines + (v.headline,)) + "   \u2022   "
        tc = shared_text()
        strip = tc.render(text, 24, C.CREAM, kind="bold", shadow=None)
        return strip

    def _scaled_of(self, key: str, make, k: float) -> pygame.Surface:
        size_key = (key, round(k * 1000), 0)
        surf = self._scaled.get(size_key)
        if surf is None:
            src = make()
            size = (max(1, round(src.get_width() * k)), max(1, round(src.get_height() * k)))
            surf = pygame.transform.smoothscale(src, size) if k != 1 else src
            if len(self._scaled) > 48:
                self._scaled.clear()
            self._scaled[size_key] = surf
        return surf

    # -- the frame ------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, rect: pygame.Rect, t_ticks: float) -> None:
        """The show at time t_ticks (60 per second) in `rect` of `surface`."""
        rect = pygame.Rect(rect)
        k = rect.h / CANVAS[1]
        still = self._scaled_of("studio", self._studio, k)
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip) if clip else rect)
        surface.blit(still, rect.topleft)
        board = self._scaled_of("board", self._board, k)
        surface.blit(board, (rect.x + round(BOARD.x * k), rect.y + round(BOARD.y * k)))
        lines = self.v.lines or ("",)
        n = int(t_ticks // LINE_TICKS)
        line = lines[n % len(lines)]
        third = self._scaled_of(f"lt:{line}", lambda: self._lower_third(line), k)
        since = t_ticks - n * LINE_TICKS
        slide = min(1.0, since / SLIDE_TICKS)
        ease = 1 - (1 - slide) ** 3
        x = rect.x + round((-third.get_width() + (40 + third.get_width()) * ease) * 1.0)
        surface.blit(third, (x, rect.y + round(536 * k)))
        # the crawl along the bottom edge
        bar_h = round(40 * k)
        bar = pygame.Rect(rect.x, rect.bottom - bar_h, rect.w, bar_h)
        surface.fill((8, 8, 14), bar)
        pygame.draw.rect(surface, C.GOLD, (bar.x, bar.y, bar.w, max(1, round(3 * k))))
        strip = self._scaled_of("crawl", self._crawl, k)
        off = (t_ticks * CRAWL_PX_PER_TICK * k) % strip.get_width()
        sx = bar.x - off
        y = bar.centery - strip.get_height() // 2 + 1
        while sx < bar.right:
            surface.blit(strip, (round(sx), y))
            sx += strip.get_width()
        # the blinking dot of a show on the air
        if int(t_ticks // 30) % 2 == 0:
            pygame.draw.circle(surface, C.RED, (rect.right - round(40 * k), rect.y + round(80 * k)),
                               max(2, round(8 * k)))
        surface.set_clip(clip)
