"""The pause overlay: drawn over the frozen scene below (the ring keeps its picture)."""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.confirm import FOOTER
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, slab


class PauseScene(Scene):
    opaque = False

    def __init__(self, message: str = "", quit_label: str = "Quit to menu",
                 back_to: Scene | None = None, quit_question: str | None = "Leave this fight?",
                 quit_detail: str = "The bout in progress will be lost.") -> None:
        super().__init__()
        self.message = message
        self.back_to = back_to  # quit lands here instead of the main menu (a watched bout)
        # what the confirm asks: a story walk is no bout, and nothing of it is lost; None asks
        # nothing (a watched bout loses nothing)
        self.quit_question = quit_question
        self.quit_detail = quit_detail
        self.menu = MenuList([MenuItem("Resume", "resume"), MenuItem("How to fight", "help"),
                              MenuItem("Settings", "settings"), MenuItem(quit_label, "quit")])

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.menu.on_move = lambda: app.audio.play("ui_move")
        app.input.release_everything()  # nobody keeps "holding" a key through the pause

    def handle(self, item: Any) -> None:
        assert self.app is not None
        app = self.app
        if isinstance(item, ActionEvent) and item.pressed and item.action is Action.PAUSE:
            choice: str | None = "resume"
        else:
            choice = self.menu.handle(item)
        if choice in ("resume", "back"):
            app.audio.play("ui_back")
            app.stack.pop()
        elif choice == "help":
            app.audio.play("ui_confirm")
            app.stack.push("help")
        elif choice == "settings":
            app.audio.play("ui_confirm")
            app.stack.push("settings")
        elif choice == "quit" and self.quit_question is None:
            app.audio.play("ui_back")  # a watched bout loses nothing: no "will be lost?" question
            self._quit_to_menu()
        elif choice == "quit":
            app.audio.play("ui_confirm")
            app.stack.push("confirm", question=self.quit_question, detail=self.quit_detail,
                           yes="LEAVE", no="STAY", on_yes=self._quit_to_menu)

    def _quit_to_menu(self) -> None:
        assert self.app is not None
        stack = self.app.stack
        if self.back_to is not None and self.back_to in stack.scenes:
            stack.pop_to(self.back_to)
            return
        for scene in stack.scenes:
            if scene.name == "menu":
                stack.pop_to(scene)
                return
        stack.clear()
        stack.push("menu")

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        dim(surface, 170)
        band = pygame.Rect(0, 150, 1280, 420)
        dim(surface, 120, band)
        pygame.draw.rect(surface, C.GOLD, (0, band.y, 1280, 3))
        pygame.draw.rect(surface, C.GOLD, (0, band.bottom - 3, 1280, 3))
        blit_text(surface, fonts.display(120), "PAUSED", (160, band.y + 28), C.CREAM, shadow=4)
        if self.message:
            blit_text(surface, fonts.bold(22), self.message, (166, band.y + 160), C.GOLD)
        self.menu.rects = []
        for i, item in enumerate(self.menu.items):
            rect = pygame.Rect(720, band.y + 60 + i * 88, 420, 70)
            self.menu.rects.append(rect)
            selected = i == self.menu.selected
            if selected:
                slab(surface, rect, C.RED)
            blit_text(surface, fonts.display(58), item.label.upper(),
                      (rect.x + 34, rect.centery + 3), C.CREAM if selected else C.TEXT_DIM,
                      "midleft")
        surface.fill(C.NIGHT, FOOTER)  # the scene below may have its own key hints there
        draw_hints(surface, fonts, [("UPDOWN", "Choose"), ("ENTER / F", "Select"),
                                    ("ESC / P", "Resume")])
