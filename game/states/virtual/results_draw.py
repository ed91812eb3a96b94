"""Drawing the Virtual Fight while it runs and when it is done: the two corners, the progress
(or the verdict), the win bar, four charts and the Watch list. The charts are cached surfaces,
rebuilt only when the run's numbers change (and not more often than CHART_REFRESH_TICKS)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.states.versus.common import corner_card
from game.states.virtual import charts
from game.ui import colours as C
from game.ui.text import shared_text
from game.ui.widgets import draw_hints, slab

if TYPE_CHECKING:
    from game.states.virtual.scene import VirtualFightScene

CHART_REFRESH_TICKS = 20  # while a run fills the charts in, redraw them at most 3 times a second
LEFT_W = 916  # the charts' column (x 24 .. 940); the Watch list is on the right
CHART_W, CHART_H = 454, 174
ITEM_H = 54
LIST_RECT = pygame.Rect(964, 160, 292, 522)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    s = int(seconds + 0.5)
    return f"{s // 60}:{s % 60:02d}"


class ResultsPainter:
    """Draws the run and results modes of a VirtualFightScene."""

    def __init__(self, scene: VirtualFightScene) -> None:
        self.scene = scene
        self.reset()

    def reset(self) -> None:
        self._charts: dict[str, pygame.Surface] = {}
        self._version = -1
        self._built_tick = -CHART_REFRESH_TICKS
        self._final = False
        self._verdict: tuple[Any, Any] | None = None  # (run, its Verdict)

    # -- cached charts ----------------------------------------------------------------------
    def _refresh(self) -> None:
        sc = self.scene
        run = sc.run
        if run is None:
            return
        final = sc.mode == "results"
        if run.data.version == self._version and final == self._final:
            return
        # a big run costs more to recount: 100,000 bouts every 3 s, 2,000 three times a second
        every = max(CHART_REFRESH_TICKS, sc.spec.bouts // 500)
        if not final and sc.ticks - self._built_tick < every:
            return
        from game.virtual.stats import details

        det = details(run.data)
        names = sc.spec.names()
        self._charts = {
            "win": charts.win_bar(det, (LEFT_W, 100), names, final),
            "methods": charts.methods_chart(det, (CHART_W, CHART_H)),
            "rounds": charts.rounds_chart(det, (CHART_W, CHART_H)),
            "margins": charts.margins_chart(det, (CHART_W, CHART_H), names),
            "kd": charts.knockdowns_chart(det, (CHART_W, CHART_H), names),
        }
        self._version, self._final, self._built_tick = run.data.version, final, sc.ticks

    # -- the frame --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        sc = self.scene
        surface.blit(sc.setup_painter.background(), (0, 0))
        tc = shared_text()
        tc.blit(surface, "VIRTUAL FIGHT", 64, (40, 8), C.GOLD)
        s = sc.spec
        rules = "CLASSIC" if s.preset == "classic" else "UNIFIED"
        tc.blit(surface, f"{s.bouts:,} BOUTS  \u00b7  {s.rounds} ROUNDS  \u00b7  {rules}  \u00b7  "
                f"SEED {s.seed}", 18, (1256, 36), C.TEXT_DIM, anchor="topright", kind="bold",
                shadow=None)
        self._corners(surface)
        if sc.mode == "run":
            self._progress(surface)
        else:
            self._draw_verdict(surface)
        self._refresh()
        if self._charts:
            surface.blit(self._charts["win"], (24, 222))
            for k, name in enumerate(("methods", "rounds", "margins", "kd")):
                x = 24 + (k % 2) * (CHART_W + 8)
                y = 328 + (k // 2) * (CHART_H + 6)
                surface.blit(self._charts[name], (x, y))
        self._list(surface)
        fonts = getattr(sc.app, "fonts", None)
        if fonts is not None:
            hints = ([("ESC", "Cancel the run")] if sc.mode == "run" else
                     [("UPDOWN", "Choose"), ("ENTER", "Watch / select"),
                      ("LEFTRIGHT", "Bout number"), ("ESC", "New run")])
            draw_hints(surface, fonts, hints, y=700)

    def _corners(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        sc = self.scene
        names = sc.spec.names()
        for i in (0, 1):
            _fid, age, level = sc.side(i)
            rect = pygame.Rect(24 if i == 0 else 676, 80, 580, 70)
            corner_card(surface, rect, i, stripe_px=5, label_size=13, label_xy=(16, 10))
            anchor, x = ("bottomleft", rect.x + 16) if i == 0 else ("bottomright", rect.right - 16)
            r = tc.blit(surface, names[i].upper(), 44, (x, rect.bottom + 2), C.CREAM,
                        anchor=anchor)
            info = f"AGE {age}  \u00b7  CPU {level.upper()}"
            if i == 0:
                tc.blit(surface, info, 15, (r.right + 16, rect.bottom - 14), C.TEXT_DIM,
                        anchor="bottomleft", kind="bold", shadow=None)
            else:
                tc.blit(surface, info, 15, (r.left - 16, rect.bottom - 14), C.TEXT_DIM,
                        anchor="bottomright", kind="bold", shadow=None)
        tc.blit(surface, "VS", 44, (640, 116), C.GOLD, anchor="center")

    def _progress(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        run = self.scene.run
        s = self.scene.spec
        box = pygame.Rect(24, 160, LEFT_W, 56)
        pygame.draw.rect(surface, charts.CARD_BG, box, border_radius=10)
        frac = run.progress()
        bar = pygame.Rect(box.x + 14, box.y + 34, box.w - 28, 12)
        pygame.draw.rect(surface, charts.GRID, bar, border_radius=6)
        fill = bar.copy()
        fill.w = max(0, round(bar.w * frac))
        if fill.w:
            pygame.draw.rect(surface, C.GOLD, fill, border_radius=6)
            # a light sweeping along the filled part: the screen is alive
            sweep = fill.x + (self.scene.ticks * 6) % max(1, fill.w)
            pygame.draw.rect(surface, C.LIGHT, (sweep, fill.y + 2, 24, fill.h - 4),
                             border_radius=3)
        tc.blit(surface, f"ROUND {run.current_round()} OF {s.rounds} IN ALL {s.bouts:,} RINGS",
                22, (box.x + 14, box.y + 6), C.CREAM, shadow=None)
        left = run.seconds_left()
        rate = run.bouts_per_s()
        stats = (f"{frac * 100:3.0f}%   \u00b7   {rate:,.0f} BOUTS/S   \u00b7   "
                 f"{_clock(left)} LEFT")
        tc.blit(surface, stats, 22, (box.right - 14, box.y + 6), C.GOLD, anchor="topright",
                shadow=None)

    def _draw_verdict(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        sc = self.scene
        run = sc.run
        box = pygame.Rect(24, 160, LEFT_W, 56)
        slab(surface, box.move(-6, 0).inflate(-12, 0), C.RED_DARK, skew_px=14)
        from game.virtual.verdict import verdict

        if self._verdict is None or self._verdict[0] is not run:
            self._verdict = (run, verdict(run.data))
        tc.blit(surface, self._verdict[1].headline, 40, (box.x + 18, box.centery + 2), C.CREAM,
                anchor="midleft")
        tc.blit(surface, f"{run.data.bouts:,} BOUTS IN {run.elapsed_s():.0f} S", 18,
                (box.right - 24, box.centery), C.GOLD, anchor="midright", kind="bold",
                shadow=None)

    def _list(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        sc = self.scene
        box = LIST_RECT
        pygame.draw.rect(surface, charts.CARD_BG, box, border_radius=10)
        title = "THE COMPUTER IS FIGHTING" if sc.mode == "run" else "WATCH A BOUT"
        tc.blit(surface, title, 26, (box.x + 16, box.y + 8), C.GOLD, shadow=None)
        pygame.draw.rect(surface, C.GOLD_DARK, (box.x + 16, box.y + 40, 36, 3))
        y0 = box.y + 52
        if sc.mode == "run":
            done = sc.run.data.done
            for k, (label, value) in enumerate((
                    ("BOUTS DECIDED", f"{done:,}"),
                    ("STILL FIGHTING", f"{sc.spec.bouts - done:,}"),
                    ("TIME", _clock(sc.run.elapsed_s())))):
                y = y0 + 8 + 64 * k
                tc.blit(surface, label, 14, (box.x + 18, y), C.TEXT_DIM, kind="bold",
                        shadow=None)
                tc.blit(surface, value, 36, (box.x + 18, y + 16), C.CREAM, shadow=None)
            y0 = box.bottom - ITEM_H - 12
        sc.menu.rects = []
        for i, item in enumerate(sc.menu.items):
            rect = pygame.Rect(box.x + 8, y0 + i * ITEM_H, box.w - 16, ITEM_H - 4)
            sc.menu.rects.append(rect)
            selected = i == sc.menu.selected
            if selected:
                pygame.draw.rect(surface, C.RED, rect, border_radius=8)
                pygame.draw.rect(surface, C.GOLD, rect, 2, border_radius=8)
            label, sub = item.label, ""
            pick = next((p for p in sc.picks if p.key == item.key), None)
            if item.key == "bout":
                label = f"BOUT #{sc.bout_k + 1:,}"
                sub = (bout_line(sc.run.data, sc.bout_k, "", rect.w - 24)
                       if sc.mode == "results" else "")
                if selected:
                    for delta, x in ((-1, rect.right - 44), (1, rect.right - 18)):
                        pts = [(x - 5 * delta, rect.y + 9), (x + 6 * delta, rect.y + 17),
                               (x - 5 * delta, rect.y + 25)]
                        pygame.draw.polygon(surface, C.GOLD, pts)
            elif pick is not None:
                sub = (bout_line(sc.run.data, pick.bout, f"#{pick.bout + 1:,}  ", rect.w - 24)
                       if pick.bout is not None else "NONE IN THIS RUN")
            elif item.key == "tv":
                sub = "THE SPORTS SHOW'S TAKE ON IT"
            elif item.key == "export":
                sub = "EVERY BOUT, INTO YOUR DATA FOLDER"
            elif item.key == "cancel":
                sub = "STOP THE COMPUTER NOW"
            colour = C.CREAM if selected else (C.TEXT if item.enabled else C.TEXT_FAINT)
            tc.blit(surface, label, 28, (rect.x + 12, rect.y + 2), colour, shadow=None)
            if sub:
                tc.blit(surface, _fit(sub, rect.w - 24), 12, (rect.x + 13, rect.y + 32),
                        C.GOLD if selected else C.TEXT_DIM, kind="bold", shadow=None)
        if sc.last_watch and sc.mode == "results":
            tc.blit(surface, _fit(sc.last_watch, box.w - 28), 12, (box.x + 14, box.bottom - 20),
                    C.GREEN, kind="bold", shadow=None)


def bout_line(data: Any, k: int, prefix: str, width_px: int, size: int = 12) -> str:
    """The longest description of bout k that fits width_px whole (a line cut short would hide
    the method or the cards the player is choosing by); cut only as a last resort."""
    from game.virtual.verdict import describe

    font = shared_text().font("bold", size)
    for short in (0, 1, 2):
        text = prefix + describe(data, k, short=short)
        if font.size(text)[0] <= width_px:
            return text
    return _fit(text, width_px, size)


def _fit(text: str, width_px: int, size: int = 12) -> str:
    """The text, cut with an ellipsis to fit width_px in the bold face at `size`."""
    font = shared_text().font("bold", size)
    if font.size(text)[0] <= width_px:
        return text
    while text and font.size(text + "...")[0] > width_px:
        text = text[:-1]
    return text.rstrip() + "..."

