"""Settings: sound, screen, fight options, and the way in to each player's controls.

Left/right change a value, confirm toggles or opens; every change is applied at once and saved
when the scene is left.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.input.actions import Action, ActionEvent
from game.settings import WINDOW_SCALES
from game.states.base import Scene
from game.states.title import shared_arena
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, slab

if TYPE_CHECKING:
    from game.app import App

ROWS: list[tuple[str, str, str]] = [  # key, label, help line
    ("music_volume", "Music volume", "Left / right: 10% steps."),
    ("sfx_volume", "Sound volume", "Punches, crowd, bell and menus."),
    ("fullscreen", "Fullscreen", "F11 or Alt+Enter toggles it anywhere."),
    ("window_scale", "Window size", "The window's size when not fullscreen."),
    ("screen_shake", "Screen shake", "Shake the camera on big punches."),
    ("colourblind_meters", "Colour-blind-safe meters", "Meters that do not rely on red/green."),
    ("real_time_clock", "Round clock", "Arcade: a 3:00 round lasts 60 s. Real time: 3:00."),
    ("input_offset_ms", "Drill timing offset",
     "Left / right: 5 ms steps. Enter: calibrate by tapping to the beat."),
    ("controls_p1", "Controls: player 1", "Rebind player 1's keys."),
    ("controls_p2", "Controls: player 2", "Rebind player 2's keys."),
    ("back", "Back", "Save and go back."),
]


class SettingsScene(Scene):
    def __init__(self) -> None:
        super().__init__()
        self.menu = MenuList([MenuItem(label, key, hint) for key, label, hint in ROWS])
        self.t_ticks = 0

    def enter(self, app: App) -> None:
        super().enter(app)
        self.menu.on_move = lambda: app.audio.play("ui_move")

    def exit(self) -> None:
        assert self.app is not None
        self.app.save_settings()

    # -- values ----------------------------------------------------------------------------
    def value_text(self, key: str) -> str:
        assert self.app is not None
        s = self.app.settings
        if key in ("music_volume", "sfx_volume"):
            return f"{round(getattr(s, key) * 100)}%"
        if key == "window_scale":
            wanted = f"{round(1280 * s.window_scale)} x {round(720 * s.window_scale)}"
            fitted = self.app.fitted_window_scale()
            if fitted < s.window_scale:  # the window was shrunk to fit the desktop
                return f"{round(1280 * fitted)} x {round(720 * fitted)} ({wanted} does not fit)"
            return wanted
        if key == "real_time_clock":
            return "Real time" if s.real_time_clock else "Arcade"
        if key == "input_offset_ms":
            return f"{s.input_offset_ms:+d} ms"
        if key in ("fullscreen", "screen_shake", "colourblind_meters"):
            return "On" if getattr(s, key) else "Off"
        return ""

    def change(self, key: str, step: int) -> bool:
        """Change a setting by one step (-1/+1; 0 = confirm). Returns whether it changed."""
        assert self.app is not None
        s, app = self.app.settings, self.app
        if key in ("music_volume", "sfx_volume"):
            old = getattr(s, key)
            new = min(1.0, max(0.0, round(old + (step or 1) * 0.1, 2)))
            if step == 0 and old >= 1.0:
                new = 0.0
            setattr(s, key, new)
            app.apply_settings()
            return new != old
        if key == "window_scale":
            scales = list(WINDOW_SCALES)
            i = min(range(len(scales)), key=lambda j: abs(scales[j] - s.window_scale))
            i = (i + (step or 1)) % len(scales)
            s.window_scale = scales[i]
            if not s.fullscreen:
                app.apply_settings(window=True)
            return True
        if key == "fullscreen":
            app.toggle_fullscreen()
            return True
        if key == "input_offset_ms":
            if step == 0:
                app.stack.push("calibrate")
                return True
            s.input_offset_ms = max(-300, min(300, s.input_offset_ms + 5 * step))
            return True
        if key in ("screen_shake", "colourblind_meters", "real_time_clock"):
            setattr(s, key, not getattr(s, key))
            return True
        return False

    # -- scene -----------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        assert self.app is not None
        app = self.app
        key = self.menu.current.key
        if isinstance(item, ActionEvent) and item.pressed and item.action in (Action.LEFT,
                                                                               Action.RIGHT):
            if self.change(key, -1 if item.action is Action.LEFT else 1):
                app.audio.play("ui_move")
            return
        choice = self.menu.handle(item)
        if choice is None:
            return
        if choice in ("back",):
            app.audio.play("ui_back")
            app.stack.pop()
        elif choice in ("controls_p1", "controls_p2"):
            app.audio.play("ui_confirm")
            app.stack.push("controls", player=0 if choice == "controls_p1" else 1)
        else:
            self.change(choice, 0)
            app.audio.play("ui_confirm")

    def update(self, tick: int) -> None:
        self.t_ticks += 1

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        shared_arena(self.app).draw(surface, self.t_ticks + alpha + 900, lights=0.35)
        dim(surface, 150)
        blit_text(surface, fonts.display(84), "SETTINGS", (80, 36), C.CREAM, shadow=3)
        pygame.draw.rect(surface, C.RED, (82, 122, 64, 5))
        self.menu.rects = []
        y = 150
        for i, item in enumerate(self.menu.items):
            rect = pygame.Rect(80, y, 1120, 42)
            self.menu.rects.append(rect)
            selected = i == self.menu.selected
            if selected:
                slab(surface, rect, C.RED, 12)
            elif i % 2 == 0:
                dim(surface, 70, rect)
            colour = C.CREAM if selected else C.TEXT
            blit_text(surface, fonts.display(38), item.label.upper(), (rect.x + 26,
                                                                       rect.centery + 2), colour,
                      "midleft")
            self._draw_value(surface, item.key, rect, selected)
            y += 45
        blit_text(surface, fonts.body(20), self.menu.current.hint, (82, 660), C.TEXT_DIM,
                  "midleft")
        draw_hints(surface, fonts, [("UPDOWN", "Choose"), ("LEFTRIGHT", "Change"), ("ENTER / F", "Select"),
                                    ("ESC", "Save and back")])

    def _draw_value(self, surface: pygame.Surface, key: str, rect: pygame.Rect,
                    selected: bool) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        colour = C.CREAM if selected else C.GOLD
        if key in ("music_volume", "sfx_volume"):
            value = getattr(self.app.settings, key)
            bar = pygame.Rect(rect.right - 330, rect.centery - 7, 220, 14)
            pygame.draw.rect(surface, (30, 30, 40), bar)
            pygame.draw.rect(surface, colour, (bar.x, bar.y, int(bar.w * value), bar.h))
            for k in range(1, 10):
                x = bar.x + bar.w * k // 10
                pygame.draw.line(surface, (10, 10, 16), (x, bar.y), (x, bar.bottom - 1))
        text = self.value_text(key)
        if key.startswith("controls"):
            text = ">"
        if text:
            blit_text(surface, fonts.display(36), text.upper(), (rect.right - 30,
                                                                 rect.centery + 2),
                      colour, "midright")
