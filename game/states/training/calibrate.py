"""Timing calibration: tap along to a click; the median lateness becomes the drills' offset.

The offset covers the whole chain (sound card latency, the display, the keyboard, the player's
ear), so judging in the drills can be fair on any machine. Beats are scheduled against a
``time.perf_counter`` anchor (ticks when headless) and each tap is measured against the nearest.
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.training.keys import key_label
from game.training.timing import TICK_S, TickClock
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints

if TYPE_CHECKING:
    from game.app import App

PERIOD_S = 0.6  # 100 beats a minute
TAPS = 12
LEAD_S = 1.2
MAX_OFFSET_MS = 300


def sound_off_reason(app: Any) -> str:
    """Why the player would hear no click ("" when he would): the calibration times taps
    against a sound, so without one it must say so rather than count silent beats."""
    if not getattr(app.audio, "enabled", False):
        return "The game is running without sound (no sound device, or --no-sound)."
    if float(getattr(app.settings, "sfx_volume", 1.0)) <= 0.0:
        return "The sound volume is at 0%: turn it up in Settings first."
    return ""


class CalibrateScene(Scene):
    def __init__(self, clock: Callable[[], float] | None = None,
                 sound: bool | None = None) -> None:
        super().__init__()
        self._clock_in = clock
        self._sound = sound  # None: ask the app each frame (its sound starts after a frame)
        self.taps_ms: list[float] = []
        self.done_at_s: float | None = None
        self._next_beat = 0

    def enter(self, app: App) -> None:
        super().enter(app)
        self.clock = self._clock_in or (TickClock() if app.headless else time.perf_counter)
        self.anchor_s = self.clock() + LEAD_S
        app.audio.stop_music()

    def now_s(self) -> float:
        return self.clock() - self.anchor_s

    @property
    def silent_reason(self) -> str:
        """Why there is no click to tap to ("" when there is one)."""
        if self._sound is not None:
            return "" if self._sound else "The game is running without sound."
        assert self.app is not None
        return sound_off_reason(self.app)

    @property
    def offset_ms(self) -> int | None:
        """The median of the taps' errors, once there are enough of them."""
        if len(self.taps_ms) < TAPS // 2:
            return None
        median_ms = float(statistics.median(self.taps_ms))
        return round(max(-MAX_OFFSET_MS, min(MAX_OFFSET_MS, median_ms)))

    def tap(self, t_s: float) -> None:
        k = round(t_s / PERIOD_S)
        if k < 0:
            return
        self.taps_ms.append((t_s - k * PERIOD_S) * 1000.0)
        if len(self.taps_ms) >= TAPS and self.done_at_s is None:
            self.done_at_s = t_s

    def handle(self, item: Any) -> None:
        assert self.app is not None
        if not isinstance(item, ActionEvent) or not item.pressed or item.repeat:
            return
        t = self.now_s()
        if item.action is Action.BACK:
            self.app.audio.play("ui_back")
            self.app.stack.pop()
        elif self.silent_reason:
            return  # no click to tap to: nothing to measure
        elif self.done_at_s is None and item.action is Action.JAB:
            self.tap(t)
        elif (self.done_at_s is not None and t - self.done_at_s > 0.8
              and item.action is Action.CONFIRM):
            self.app.settings.input_offset_ms = int(self.offset_ms or 0)
            self.app.save_settings()
            self.app.audio.play("ui_confirm")
            self.app.toast(f"Drill timing offset set to {self.app.settings.input_offset_ms:+d} ms")
            self.app.stack.pop()

    def update(self, tick: int) -> None:
        assert self.app is not None
        t = self.now_s()
        if self.silent_reason:
            self.anchor_s = self.clock() + LEAD_S  # the beats start when the sound does
            self._next_beat = 0
        elif self.done_at_s is None:
            while self._next_beat * PERIOD_S <= t + TICK_S / 2:
                if self._next_beat * PERIOD_S > t - 0.1:
                    self.app.audio.play("beat")
                self._next_beat += 1
        if isinstance(self.clock, TickClock):
            self.clock.advance()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        surface.fill(C.NIGHT)
        t = self.now_s()
        blit_text(surface, fonts.display(72), "TIMING CALIBRATION", (80, 50), C.CREAM, shadow=3)
        pygame.draw.rect(surface, C.RED, (82, 126, 64, 5))
        old = self.app.settings.input_offset_ms
        blit_text(surface, fonts.body(18), f"Now: {old:+d} ms", (1200, 60), C.TEXT_DIM,
                  "topright")
        reason = self.silent_reason
        if reason:
            blit_text(surface, fonts.display(64), "SOUND IS OFF", (640, 330), C.GOLD, "center",
                      shadow=3)
            blit_text(surface, fonts.body(24), reason, (640, 400), C.TEXT, "center")
            blit_text(surface, fonts.body(20), "The calibration times your taps against a "
                      "click you hear; without it there is nothing to measure.", (640, 440),
                      C.TEXT_DIM, "center")
            draw_hints(surface, fonts, [("ESC", "Back")])
            return
        jab = key_label(self.app.settings, "jab")
        blit_text(surface, fonts.body(24), f"Listen to the click and tap {jab} on every beat, "
                  f"{TAPS} times.", (82, 160), C.TEXT)
        blit_text(surface, fonts.body(20), "Tap to the sound, not the light: the light can be "
                  "late too.", (82, 196), C.TEXT_DIM)
        phase = (t / PERIOD_S) % 1.0 if t >= 0 else 1.0
        pulse = max(0.0, 1.0 - phase / 0.2) if self.done_at_s is None else 0.0
        pygame.draw.circle(surface, C.GOLD if pulse else C.SMOKE, (640, 330), int(50 + 30 * pulse))
        blit_text(surface, fonts.display(48), f"{len(self.taps_ms)} / {TAPS}", (640, 330),
                  C.NIGHT if pulse else C.CREAM, "center")
        # each tap on a line from 200 ms early to 200 ms late
        line = pygame.Rect(240, 470, 800, 4)
        dim(surface, 200, line.inflate(20, 60), (20, 20, 30))
        pygame.draw.rect(surface, C.SMOKE, line)
        pygame.draw.line(surface, C.CREAM, (line.centerx, line.y - 22), (line.centerx,
                         line.y + 26), 2)
        for label, x in (("EARLY", line.x), ("ON THE BEAT", line.centerx), ("LATE", line.right)):
            blit_text(surface, fonts.bold(14), label, (x, line.y + 40), C.TEXT_DIM, "midtop")
        for ms in self.taps_ms:
            x = line.centerx + max(-200.0, min(200.0, ms)) / 200.0 * (line.w / 2)
            pygame.draw.circle(surface, C.GOLD, (int(x), line.centery), 8)
        off = self.offset_ms
        if off is not None:
            blit_text(surface, fonts.display(56), f"OFFSET {off:+d} MS", (640, 580), C.GOLD,
                      "center", shadow=2)
        hints = [("ESC", "Cancel")]
        if self.done_at_s is not None:
            hints.insert(0, ("ENTER / " + key_label(self.app.settings, "confirm"), "Keep it"))
        draw_hints(surface, fonts, hints)
