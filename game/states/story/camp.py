"""The camp's calendar: twelve days; each morning Rocky picks where to go.

Training places open their map (the station there offers the drills); Adrian's is an evening's
work and half a rest; rest clears the fatigue. After the day, an evening scene may play; the
day is saved; after the last day comes fight night.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.story.session import StorySession, story_pause
from game.states.title import shared_arena
from game.story import camp as campmod
from game.story.chapters import say
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, render, slab, wrap

CELL = pygame.Rect(0, 0, 118, 92)
GRID_X, GRID_Y = 70, 200
# solid panels under the calendar and under the places and the body: the arena's ring ropes
# behind the screen ran across THE MUSEUM STEPS, ADRIAN'S and REST
CALENDAR_PANEL = pygame.Rect(56, 186, 530, 436)
BOARD_PANEL = pygame.Rect(592, 146, 674, 476)
PANEL_FILL = (12, 12, 18)


class StoryCampScene(Scene):
    pausable = True

    def __init__(self, session: StorySession) -> None:
        super().__init__()
        self.session = session
        self.menu = MenuList([])
        self.t = 0
        self.message = ""

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.arena = shared_arena(app)
        self._build()
        camp = self.session.camp
        if camp.intro and "camp_intro" not in self.session.state.flags:
            self.session.state.flags.add("camp_intro")
            self._talk(camp.intro)

    def exit(self) -> None:
        if self.app is not None:
            self.session.save(self.app)

    def uncover(self) -> None:
        self._build()

    def _build(self) -> None:
        state, camp = self.session.state, self.session.camp
        items = []
        for p in camp.places:
            open_ = p in campmod.open_places(camp, state.flags)
            items.append(MenuItem(say(f"place.{p.id}"), p.id,
                                  hint=say(f"place_blurb.{p.id}") if open_ else say("camp.locked"),
                                  enabled=open_))
        keep = self.menu.current.key if self.menu.items else None
        self.menu = MenuList(items)
        if keep:
            self.menu.select_key(keep)
        assert self.app is not None
        self.menu.on_move = lambda: self.app.audio.play("ui_move") if self.app else None

    def _talk(self, dialogue_id: str, then: Any = None) -> None:
        assert self.app is not None
        s = self.session
        self.app.stack.push("story_dialogue", dialogue=s.dialogues[dialogue_id],
                            flags=s.state.flags, speakers=s.speakers,
                            on_done=(lambda ev: then()) if then else None)

    def handle(self, item: Any) -> None:
        assert self.app is not None
        if isinstance(item, ActionEvent) and item.pressed and item.action in (Action.PAUSE,
                                                                               Action.BACK):
            self.app.stack.push("pause", **story_pause())
            return
        choice = self.menu.handle(item)
        if choice is None or choice == "back":
            return
        if not self.menu.current.enabled:
            self.app.audio.play("ui_back")
            self.app.toast(say("camp.locked"))
            return
        self.app.audio.play("ui_confirm")
        place = self.session.camp.place(choice)
        if place.kind == "rest":
            self.day_done("rest")
        else:
            spawn = "camp" if place.kind == "train" else "start"
            self.app.stack.push("story_world", session=self.session, map_id=place.map,
                                spawn=spawn, mode=place.kind, place=place.id,
                                on_leave=lambda p=place: self.day_done(p.kind, p.id))

    def day_done(self, kind: str, place: str = "") -> None:
        """The day is over (the place was left, or it was a rest day)."""
        assert self.app is not None
        s, camp = self.session.state, self.session.camp
        before = s.fatigue
        evening = campmod.end_day(s, camp, kind, place)
        if kind != "train":
            self.message = say("camp.restored", before=before, after=s.fatigue)
        else:
            self.message = ""
        self.session.save(self.app)
        self._build()

        def after() -> None:
            if campmod.camp_over(s, camp):
                self.session.next_chapter(self.app)

        if evening:
            self._talk(evening, after)
        else:
            after()

    def update(self, tick: int) -> None:
        self.t += 1

    # -- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        s, camp = self.session.state, self.session.camp
        self.arena.draw(surface, self.t + alpha, lights=0.3)
        dim(surface, 185)
        blit_text(surface, fonts.display(76), say("camp.title"), (70, 40), C.GOLD, shadow=3)
        pygame.draw.rect(surface, C.RED, (74, 118, 80, 5))
        left = camp.days - s.day + 1
        sub = say("camp.last") if left <= 1 else say("camp.until", left=left)
        day = say("camp.day", day=min(s.day, camp.days), days=camp.days)
        blit_text(surface, fonts.bold(26), f"{day}   |   {sub}", (74, 136), C.CREAM)
        for panel in (CALENDAR_PANEL, BOARD_PANEL):
            surface.fill(PANEL_FILL, panel)
            pygame.draw.rect(surface, C.GOLD, (panel.x, panel.y, panel.w, 4))
        self._draw_calendar(surface)
        self._draw_places(surface)
        self._draw_body(surface)
        if self.message:
            blit_text(surface, fonts.body(20), self.message, (74, 640), C.TEXT_DIM)
        if self.app.stack.top is self:  # under Duke's words the dialogue has its own footer
            draw_hints(surface, fonts, [("UPDOWN", say("hints.choose")),
                                        ("ENTER / F", say("camp.go")), ("ESC", say("hints.menu"))])

    def _day_label(self, day: int) -> str:
        """Where Rocky went that day, and how many sessions he did."""
        s = self.session.state
        entries = [e for e in s.camp_log if e.get("day") == day]
        closing = next((e for e in entries if "day_kind" in e), None)
        if closing is None:
            return ""
        label = say(f"place_short.{closing.get('place', closing['day_kind'])}")
        sessions = sum(1 for e in entries if "drill" in e)
        return f"{label} x{sessions}" if sessions else label

    def _draw_calendar(self, surface: pygame.Surface) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        s, camp = self.session.state, self.session.camp
        cols = 4
        for d in range(1, camp.days + 2):
            i = d - 1
            r = CELL.move(GRID_X + (i % cols) * (CELL.w + 10), GRID_Y + (i // cols) * (CELL.h + 10))
            fight = d == camp.days + 1
            done, today = d < s.day, d == s.day
            base = (36, 30, 34) if not done else (52, 46, 40)
            if fight:
                base = C.RED_DARK
            pygame.draw.rect(surface, base, r, border_radius=6)
            if today:
                glow = 2 + int(2 * abs(((self.t // 3) % 20) - 10) / 10)
                pygame.draw.rect(surface, C.GOLD, r, glow, border_radius=6)
            else:
                pygame.draw.rect(surface, (70, 64, 66), r, 1, border_radius=6)
            pygame.draw.rect(surface, C.RED if not fight else C.GOLD, (r.x, r.y, r.w, 18),
                             border_top_left_radius=6, border_top_right_radius=6)
            if fight:
                blit_text(surface, fonts.display(34), say("camp.fight_cell"),
                          (r.centerx, r.centery + 4), C.CREAM, "center")
                continue
            blit_text(surface, fonts.display(44), str(d), (r.x + 12, r.y + 22),
                      C.CREAM if not done else C.TEXT_DIM)
            label = self._day_label(d)
            if label:
                blit_text(surface, fonts.body(16), label, (r.x + 10, r.bottom - 8), C.GOLD,
                          "bottomleft")
                x0, x1, y0, y1 = r.right - 30, r.right - 12, r.y + 30, r.y + 50  # crossed off
                pygame.draw.line(surface, C.GOLD, (x0, y0), (x1, y1), 3)
                pygame.draw.line(surface, C.GOLD, (x1, y0), (x0, y1), 3)

    def _draw_places(self, surface: pygame.Surface) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        x0, y0 = 600, 200
        blit_text(surface, fonts.bold(22), say("camp.choose"), (x0, y0 - 36), C.TEXT_DIM)
        self.menu.rects = []
        for i, item in enumerate(self.menu.items):
            r = pygame.Rect(x0, y0 + i * 62, 320, 54)
            self.menu.rects.append(r)
            sel = i == self.menu.selected
            if sel:
                slab(surface, r, C.RED if item.enabled else C.SMOKE)
            col = C.CREAM if sel else (C.TEXT if item.enabled else C.TEXT_FAINT)
            blit_text(surface, fonts.display(38), item.label.upper(), (r.x + 26, r.centery + 2),
                      col, "midleft")
        cur = self.menu.current
        blit_text(surface, fonts.body(20), cur.hint, (x0, y0 + len(self.menu.items) * 62 + 8),
                  C.TEXT if cur.enabled else C.TEXT_DIM)

    def _draw_body(self, surface: pygame.Surface) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        s, camp = self.session.state, self.session.camp
        x0, y0 = 980, 200
        blit_text(surface, fonts.bold(20), say("camp.fatigue").upper(), (x0, y0 - 36), C.TEXT_DIM)
        bar = pygame.Rect(x0, y0 - 8, 240, 16)
        pygame.draw.rect(surface, (40, 40, 48), bar, border_radius=4)
        colour = C.GREEN if s.fatigue < camp.tired_at else (C.GOLD if s.fatigue < 85 else C.RED)
        pygame.draw.rect(surface, colour, (bar.x, bar.y, int(bar.w * s.fatigue / 100), bar.h),
                         border_radius=4)
        if campmod.tired(s, camp):
            blit_text(surface, fonts.body(16), say("camp.tired"), (x0, bar.bottom + 6), C.GOLD)
        y = y0 + 50
        blit_text(surface, fonts.bold(20), say("camp.stats").upper(), (x0, y), C.TEXT_DIM)
        y += 34
        gains = {k: v for k, v in sorted(s.gains.items()) if v}
        if not gains:
            width_px = surface.get_width() - 30 - x0  # the column runs to the screen's edge
            for line in wrap(fonts.body(18), say("camp.none_yet"), width_px):
                blit_text(surface, fonts.body(18), line, (x0, y), C.TEXT_DIM)
                y += 24
        for attr, v in gains.items():
            blit_text(surface, fonts.body(20), say(f"attr.{attr}"), (x0, y), C.TEXT)
            pip = render(fonts.bold(20), f"+{v}", C.GREEN)
            surface.blit(pip, pip.get_rect(topright=(x0 + 240, y)))
            y += 30
