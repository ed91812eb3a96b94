"""Story mode's front screen: Continue, New game, and the three save slots.

New game asks for a slot (a used one asks before it is overwritten) and the difficulty. A
damaged save is moved aside by the save layer; this screen says so and shows the slot empty.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.story.session import StorySession
from game.states.title import shared_arena
from game.story import saves
from game.story.chapters import chapter, say
from game.story.progress import new_story
from game.story.state import DIFFICULTIES, StoryState
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, slab

ROW_PX = 64
LIST_TOP_PX = 240


def list_panel(n_rows: int) -> pygame.Rect:
    """The solid panel the rows sit on: the arena's ring ropes behind the screen ran right
    through the slot rows and their summaries."""
    return pygame.Rect(50, LIST_TOP_PX - 22, 830, n_rows * ROW_PX + 34)


class StorySlotsScene(Scene):
    def __init__(self, start: str = "") -> None:
        super().__init__()
        self.mode = "main"  # main | new_slot | difficulty
        self.slots: dict[int, StoryState | None] = {}
        self.new_slot = 1
        self.menu = MenuList([])
        self.t = 0
        self.start = start  # "hub": go straight into a fresh game at Adrian's (screenshots)

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.arena = shared_arena(app)
        self._read_slots()
        self._build()
        if self.start == "hub":
            self._begin(self._free_slot(), "medium")

    def uncover(self) -> None:
        self._read_slots()
        self._build()

    def _read_slots(self) -> None:
        assert self.app is not None
        for n in saves.SLOTS:
            state, message = saves.load_slot(n)
            self.slots[n] = state
            if message:
                self.app.toast(message, seconds=8)

    def _free_slot(self) -> int:
        return next((n for n in saves.SLOTS if self.slots.get(n) is None), saves.SLOTS[0])

    def _summary(self, n: int) -> str:
        s = self.slots.get(n)
        if s is None:
            return say("slots.empty")
        c = chapter(s.chapter)
        detail = say("slots.day", day=min(s.day, self.session_days()), days=self.session_days()) \
            if c.kind == "camp" else c.title
        minutes = s.play_ticks // 3600
        return say("slots.summary", chapter=c.subtitle, detail=f"{detail}  |  {minutes} min")

    @staticmethod
    def session_days() -> int:
        from game.story.camp import load_camp

        return load_camp().days

    def _build(self) -> None:
        if self.mode == "main":
            items = [MenuItem(say("slots.continue"), "continue",
                              enabled=saves.latest_slot() is not None),
                     MenuItem(say("slots.new"), "new")]
            items += [MenuItem(say("slots.slot", n=n), f"slot{n}", hint=self._summary(n),
                               enabled=self.slots.get(n) is not None) for n in saves.SLOTS]
        elif self.mode == "new_slot":
            items = [MenuItem(say("slots.slot", n=n), f"new{n}", hint=self._summary(n))
                     for n in saves.SLOTS]
        else:
            items = [MenuItem(d.title(), d, hint=say(f"difficulty.{d}")) for d in DIFFICULTIES]
        self.menu = MenuList(items)
        if self.mode == "difficulty":
            self.menu.select_key("medium")
        else:  # start on the first thing that can be chosen (New game on a fresh install)
            self.menu.selected = next((i for i, it in enumerate(items) if it.enabled), 0)

    def handle(self, item: Any) -> None:
        assert self.app is not None
        app = self.app
        if isinstance(item, ActionEvent) and item.pressed and item.action is Action.PAUSE:
            item = ActionEvent(Action.BACK, item.player)
        choice = self.menu.handle(item)
        if choice is None:
            return
        if choice == "back":
            app.audio.play("ui_back")
            if self.mode == "main":
                app.stack.pop()
            else:
                self.mode = "main" if self.mode == "new_slot" else "new_slot"
                self._build()
            return
        current = self.menu.current
        if not current.enabled:
            app.audio.play("ui_back")
            if choice == "continue":
                app.toast(say("slots.nothing_to_continue"))
            return
        app.audio.play("ui_confirm")
        if choice == "continue":
            self._load(saves.latest_slot() or 1)
        elif choice == "new":
            self.mode = "new_slot"
            self._build()
        elif choice.startswith("slot"):
            self._load(int(choice[4:]))
        elif choice.startswith("new"):
            n = int(choice[3:])
            self.new_slot = n
            if self.slots.get(n) is not None:
                app.stack.push("confirm", question=say("slots.overwrite", n=n),
                               detail=say("slots.overwrite_detail"), yes=say("slots.overwrite_yes"),
                               no=say("slots.overwrite_no"), on_yes=self._to_difficulty)
            else:
                self._to_difficulty()
        elif choice in DIFFICULTIES:
            self._begin(self.new_slot, choice)

    def _to_difficulty(self) -> None:
        self.mode = "difficulty"
        self._build()

    def _load(self, n: int) -> None:
        assert self.app is not None
        state, message = saves.load_slot(n)
        if state is None:
            self.app.toast(message or say("slots.nothing_to_continue"))
            self._read_slots()
            self._build()
            return
        session = StorySession(n, state)
        _early_tv(session)
        self.app.stack.push("story_card", title=chapter(state.chapter).title,
                            subtitle=chapter(state.chapter).subtitle, hold_ticks=90,
                            then=session.scene_for_chapter())

    def _begin(self, n: int, difficulty: str) -> None:
        assert self.app is not None
        seed = (int(self.app.seed) * 31 + n) % 2**31
        state = new_story(seed, difficulty)
        session = StorySession(n, state)
        session.save(self.app)
        _early_tv(session)
        self.mode = "main"
        self._read_slots()
        self._build()
        name, kwargs = session.scene_for_chapter()
        c = chapter(state.chapter)
        self.app.stack.push("story_card", title=c.title, subtitle=c.subtitle,
                            hold_ticks=1 if self.start == "hub" else 170, then=(name, kwargs))

    def update(self, tick: int) -> None:
        self.t += 1

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        self.arena.draw(surface, self.t + alpha + 900, lights=0.5)
        dim(surface, 150)
        blit_text(surface, fonts.display(84), say("slots.title"), (80, 60), C.GOLD, shadow=3)
        pygame.draw.rect(surface, C.RED, (84, 148, 80, 5))
        sub = {"main": say("slots.heading"), "new_slot": say("slots.pick_slot"),
               "difficulty": say("slots.difficulty")}[self.mode]
        blit_text(surface, fonts.body(26), sub, (84, 170), C.TEXT)
        self.menu.rects = []
        y0 = LIST_TOP_PX
        panel = list_panel(len(self.menu.items))
        surface.fill((10, 10, 16), panel)
        pygame.draw.rect(surface, C.GOLD, (panel.x, panel.y, panel.w, 4))
        for i, item in enumerate(self.menu.items):
            rect = pygame.Rect(70, y0 + i * ROW_PX, 760, ROW_PX - 8)
            self.menu.rects.append(rect)
            sel = i == self.menu.selected
            if sel:
                slab(surface, rect, C.RED)
            colour = C.CREAM if sel else (C.TEXT if item.enabled else C.TEXT_FAINT)
            blit_text(surface, fonts.display(44), item.label.upper(),
                      (rect.x + 30, rect.centery + 2), colour, "midleft")
            if item.hint:
                blit_text(surface, fonts.body(20), item.hint, (rect.x + 300, rect.centery),
                          C.CREAM if sel else C.TEXT_DIM, "midleft")
        draw_hints(surface, fonts, [("UPDOWN", say("hints.choose")),
                                    ("ENTER / F", say("hints.select")),
                                    ("ESC", say("hints.back"))])


def _early_tv(session: StorySession) -> None:
    """The bar TV's simulation takes a while on a busy machine: start it with the evening."""
    if session.state.chapter == "adrians" and session.state.tv is None:
        from game.states.story.tv import start_tv_run

        start_tv_run(session)


class StoryHubScene(StorySlotsScene):
    """``--scene hub``: a fresh game straight into Adrian's (screenshots, benchmarks)."""

    def __init__(self) -> None:
        super().__init__(start="hub")
