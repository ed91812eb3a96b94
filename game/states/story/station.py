"""A training station in a camp place: pick a drill, then play it or let Rocky auto-train.

Playing pushes the training mode's "drill" scene (its on_finish hands back the grade); either
way the gains come from game.story.camp.train. "Call it a day" ends the camp day.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.states import registry
from game.states.base import Scene
from game.states.story.session import StorySession
from game.story import camp as campmod
from game.story.camp import FIGHTER_ID, STORY_AGE
from game.story.chapters import say
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, slab, wrap

PANEL = pygame.Rect(300, 70, 680, 580)
RESULT_TOP = PANEL.bottom - 64  # two lines of "what the session gave" under the rows


def row_rects(n: int) -> list[pygame.Rect]:
    """The menu rows, closer together when many, so the gym's eight never reach the result
    lines (its "Call it a day" was drawn under "Gained Power +1")."""
    top = PANEL.y + 120
    step = min(56, (RESULT_TOP - 6 - top) // max(1, n))
    height = min(50, step - 4)
    return [pygame.Rect(PANEL.x + 20, top + k * step, PANEL.w - 60, height) for k in range(n)]


class StoryStationScene(Scene):
    opaque = False

    def __init__(self, session: StorySession, place: str,
                 on_end_day: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.session = session
        self.place = place
        self.on_end_day = on_end_day
        self.drills = campmod.drills_at(place)
        self.drill: Any = None  # chosen drill
        self.result = ""
        self.result_gained = False  # green for a gain, gold for a session that gave nothing
        self.menu = MenuList([])

    def enter(self, app: Any) -> None:
        super().enter(app)
        self._build()

    def _build(self) -> None:
        s, camp = self.session.state, self.session.camp
        if self.drill is None:
            items = [MenuItem(d.name, d.id, hint=", ".join(say(f"attr.{a}") for a in d.attributes),
                              enabled=campmod.can_train(s, camp)) for d in self.drills]
            items.append(MenuItem(say("camp.done_for_day"), "end_day"))
        else:
            # what each way does for Rocky: a stranger could not tell auto-train from play
            items = [MenuItem(say("camp.session_play"), "play",
                              hint=say("camp.session_play_hint"),
                              enabled=registry.is_available("drill")),
                     MenuItem(say("camp.session_auto"), "auto",
                              hint=say("camp.session_auto_hint")),
                     MenuItem(say("camp.session_leave"), "leave")]
        self.menu = MenuList(items)
        self.menu.selected = next((i for i, it in enumerate(items) if it.enabled), 0)
        assert self.app is not None
        self.menu.on_move = lambda: self.app.audio.play("ui_move") if self.app else None

    def handle(self, item: Any) -> None:
        assert self.app is not None
        choice = self.menu.handle(item)
        if choice is None:
            return
        app = self.app
        if choice in ("back", "leave"):
            app.audio.play("ui_back")
            if self.drill is not None:
                self.drill = None
                self._build()
            else:
                app.stack.pop()
            return
        if not self.menu.current.enabled:
            app.audio.play("ui_back")
            # a drill is shut when the day's sessions are used up (not for being tired: a
            # tired session still counts, for less)
            app.toast(say("camp.play_missing") if choice == "play" else
                      say("camp.day_full", n=self.session.camp.max_sessions))
            return
        app.audio.play("ui_confirm")
        if choice == "end_day":
            app.stack.pop()
            if self.on_end_day:
                self.on_end_day()
        elif choice == "auto":
            from game.training.gains import AUTO_GRADE

            self._trained(self.drill.id, AUTO_GRADE)
        elif choice == "play":
            app.stack.push("drill", drill_id=self.drill.id, fighter_id=FIGHTER_ID, age=STORY_AGE,
                           gains=dict(self.session.state.gains),
                           on_finish=lambda r: self._trained(r.drill_id, r.grade),
                           preview=self._preview(self.drill.id))
        else:
            self.drill = next(d for d in self.drills if d.id == choice)
            self.result = ""
            self._build()

    def _preview(self, drill_id: str) -> Callable[[str], dict[str, int]]:
        """The drill's results card's figure: the very gain ``_trained`` will apply."""
        s, camp = self.session.state, self.session.camp
        return lambda grade: campmod.preview(s, camp, drill_id, grade)

    def _trained(self, drill_id: str, grade: str) -> None:
        s, camp = self.session.state, self.session.camp
        before = dict(s.gains)
        delta = campmod.train(s, camp, drill_id, grade)
        name = next((d.name for d in self.drills if d.id == drill_id), drill_id)
        gains = ", ".join(f"{say(f'attr.{k}')} +{v}" for k, v in delta.items())
        self.result_gained = bool(gains)
        self.result = say("camp.result", drill=name, grade=grade) + "   " + (
            say("camp.gained", gains=gains) if gains else self._no_gain(before, drill_id, grade))
        self.drill = None
        self._build()
        self.menu.select_key("end_day" if not campmod.can_train(s, camp) else drill_id)

    @staticmethod
    def _no_gain(before: dict[str, int], drill_id: str, grade: str) -> str:
        """Why nothing came of it: his age's ceiling, a grade too low to count even when
        fresh, or else a tired body (a Bum session on day one said "The body needs rest")."""
        from game.training import load_drill
        from game.training.gains import apply_session, ceilings

        drill = load_drill(drill_id)
        caps = ceilings(FIGHTER_ID, STORY_AGE)
        if all(before.get(a, 0) >= caps.get(a, 0) for a in drill.gains):
            return say("camp.no_gain_ceiling")
        fresh = apply_session(dict(before), drill_id, grade, fighter_id=FIGHTER_ID,
                              age=STORY_AGE)
        if not any(fresh.get(a, 0) > before.get(a, 0) for a in drill.gains):
            return say("camp.no_gain_grade", attributes=", ".join(
                say(f"attr.{a}").lower() for a in drill.attributes))
        return say("camp.no_gain")

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        s, camp = self.session.state, self.session.camp
        dim(surface, 120)
        dim(surface, 255, PANEL, (12, 12, 18))  # solid: Rocky and the bags read through
        pygame.draw.rect(surface, C.GOLD, (PANEL.x, PANEL.y, PANEL.w, 4))
        title = say("camp.station", place=say(f"place.{self.place}"))
        if self.drill is not None:
            title = self.drill.name
        blit_text(surface, fonts.display(46), title.upper(), (PANEL.x + 30, PANEL.y + 22), C.CREAM)
        blit_text(surface, fonts.body(18), say("camp.sessions", n=campmod.sessions_today(s)) +
                  f"   |   {say('camp.fatigue')} {s.fatigue}", (PANEL.x + 32, PANEL.y + 80),
                  C.GOLD if campmod.tired(s, camp) else C.TEXT_DIM)
        self.menu.rects = row_rects(len(self.menu.items))
        for i, item in enumerate(self.menu.items):
            r = self.menu.rects[i]
            sel = i == self.menu.selected
            if sel:
                slab(surface, r, C.RED if item.enabled else C.SMOKE, 12)
            col = C.CREAM if sel else (C.TEXT if item.enabled else C.TEXT_FAINT)
            blit_text(surface, fonts.bold(26), item.label, (r.x + 22, r.centery), col, "midleft")
            if item.hint:
                blit_text(surface, fonts.body(18), item.hint, (r.right - 10, r.centery),
                          C.CREAM if sel else C.TEXT_DIM, "midright")
        if self.result:
            for j, line in enumerate(wrap(fonts.body(20), self.result, PANEL.w - 60)[:2]):
                blit_text(surface, fonts.body(20), line, (PANEL.x + 30, RESULT_TOP + 26 * j),
                          C.GREEN if self.result_gained else C.GOLD)
        draw_hints(surface, fonts, [("UPDOWN", say("hints.choose")),
                                    ("ENTER / F", say("hints.select")), ("ESC", say("hints.back"))])
