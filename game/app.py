"""The application: window, fixed-step loop, scene stack, and the services scenes use.

Scenes get ``app.settings``, ``app.audio``, ``app.fonts``, ``app.input``, ``app.stack``,
``app.seed`` and ``app.quit()`` (see docs/contracts.md), plus ``app.toast(text)`` for a short
message over any scene and ``app.save_settings()`` / ``app.apply_settings()``.

Loop: events -> actions -> fixed 60 Hz updates (accumulator, at most MAX_STEPS per frame, so a
long stall never spirals) -> draw with the interpolation fraction -> present. Headless runs take
exactly one step per frame and are not throttled to real time.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game import paths
from game.input.actions import Action, ActionEvent
from game.input.manager import InputManager
from game.settings import Settings, load_settings, save_settings
from game.states.stack import SceneStack
from game.ui.fonts import Fonts

log = logging.getLogger(__name__)

LOGICAL_SIZE = (1280, 720)
FPS = 60
STEP_S = 1.0 / FPS
MAX_STEPS = 5  # catch-up cap per frame
ENV_PRESENT = "STILL_A_FIGHTER_PRESENT"  # "scaled" (default) or "surface"


class WindowError(RuntimeError):
    """No window can be opened here; the message says why and what to do (--headless)."""


class SilentAudio:
    """Stand-in with game.audio.Audio's interface, used until (or if never) real sound starts."""

    def __init__(self, settings: Any = None) -> None:
        self.music: str | None = None
        self.music_loop = True

    def play(self, name: str, pan: float = 0.0, volume: float = 1.0) -> None:
        pass

    def play_music(self, name: str, loop: bool = True) -> None:
        self.music, self.music_loop = name, loop

    def stop_music(self) -> None:
        self.music = None

    def set_volumes(self, music: float | None = None, sfx: float | None = None) -> None:
        pass

    def crowd(self, intensity: float) -> None:
        pass


class App:
    """Owns the window and the loop; one per process."""

    def __init__(self, *, headless: bool = False, seed: int | None = None,
                 fullscreen: bool | None = None, scale: float | None = None,
                 sound: bool = True, settings: Settings | None = None,
                 vsync: bool = True) -> None:
        self.headless = headless
        self.vsync = vsync
        self.present_mode = "surface"  # or "scaled"; see _open_window
        self.seed = int(seed if seed is not None else time.time_ns() % 2**31)
        try:
            paths.remove_stale_temp_files()  # left by a killed or failed save
        except OSError as exc:
            log.warning("could not tidy the data folder: %s", exc)
        if settings is None:
            settings, message = load_settings()
        else:
            message = None
        self.settings = settings
        # Command-line values are for this run only: save_settings writes the saved ones back
        # unless the player changed them in the game. field -> (this run's, saved)
        self._run_only: dict[str, tuple[Any, Any]] = {}
        if fullscreen is not None:
            self._run_only["fullscreen"] = (fullscreen, self.settings.fullscreen)
            self.settings.fullscreen = fullscreen
        if scale is not None:
            self._run_only["window_scale"] = (scale, self.settings.window_scale)
            self.settings.window_scale = scale
        self._sound_wanted = sound
        self.running = False
        self.frame = 0
        self.tick = 0
        self.exit_code = 0
        self.show_fps = False  # F3
        self._take_screenshot = False  # F12
        self._frame_ms: list[float] = []
        self._toasts: list[tuple[str, int]] = []  # (text, until_tick)
        self._last_top: Any = None

        try:
            pygame.display.init()
            self._check_display()
            pygame.font.init()
            pygame.display.set_caption("Still a Fighter")
            from game.ui.widgets import make_icon

            pygame.display.set_icon(make_icon())
            self.window: pygame.Surface = pygame.display.get_surface()  # set by _open_window
            self.screen: pygame.Surface = pygame.Surface(LOGICAL_SIZE)
            self._dest: pygame.Surface | None = None
            self._open_window()
        except pygame.error as exc:
            pygame.quit()
            where = f" on display {os.environ['DISPLAY']}" if os.environ.get("DISPLAY") else ""
            raise WindowError(f"cannot open a window{where} ({exc}); to run without a window "
                              "use --headless") from None
        self.fonts = Fonts()
        self.input = InputManager(self.settings.bindings)
        self.input.set_pad_buttons(self.settings.pad_buttons)
        self.input.init_controllers()
        self.audio: Any = SilentAudio(self.settings)
        self.stack = SceneStack(self)
        if message:
            self.toast(message, seconds=8)

    # -- services for scenes ---------------------------------------------------------------
    def quit(self) -> None:
        """Stop the loop after this frame."""
        self.running = False

    def toast(self, text: str, seconds: float = 4.0) -> None:
        """Show a short message at the bottom of the screen over any scene."""
        # the same words again (a key pressed twice) keep one line on screen, for longer
        self._toasts = [(t, until) for t, until in self._toasts if t != text]
        self._toasts.append((text, self.tick + int(seconds * FPS)))

    def save_settings(self) -> None:
        to_save = dataclasses.replace(self.settings)
        for name, (run_value, saved_value) in self._run_only.items():
            if getattr(self.settings, name) == run_value:
                setattr(to_save, name, saved_value)
        error = save_settings(to_save)
        if error:
            self.toast(error)

    def apply_settings(self, *, window: bool = False) -> None:
        """Push changed settings to the subsystems (volumes, bindings; window if asked)."""
        self.audio.set_volumes(music=self.settings.music_volume, sfx=self.settings.sfx_volume)
        self.input.set_keymaps(self.settings.bindings)
        self.input.set_pad_buttons(self.settings.pad_buttons)
        if window:
            self._open_window()

    def toggle_fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen
        self._open_window()
        self.save_settings()

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int]:
        """Window pixel -> logical 1280x720 pixel (SCALED mode: SDL already did it)."""
        if self._dest is None:
            return pos
        ox, oy = self._dest.get_abs_offset()
        w, h = self._dest.get_size()
        return (int((pos[0] - ox) * LOGICAL_SIZE[0] / w), int((pos[1] - oy) * LOGICAL_SIZE[1] / h))

    # -- window ----------------------------------------------------------------------------
    def _check_display(self) -> None:
        """Refuse SDL's silent fallback to an invisible window when a real one was wanted."""
        if self.headless or os.environ.get("SDL_VIDEODRIVER"):
            return
        driver = pygame.display.get_driver()
        if driver in ("offscreen", "dummy"):
            pygame.quit()
            raise WindowError(f"no display found (SDL fell back to its {driver} driver); to run "
                              "without a window use --headless")

    def fitted_window_scale(self) -> float:
        """The settings' window scale, shrunk so the window fits the desktop."""
        s = self.settings.window_scale
        try:
            desk_w, desk_h = pygame.display.get_desktop_sizes()[0]
        except (pygame.error, IndexError):
            return s
        return max(0.25, min(s, desk_w / LOGICAL_SIZE[0], desk_h / LOGICAL_SIZE[1]))

    def _open_window(self) -> None:
        """(Re)create the window for the current settings.

        "scaled" (default): SDL's SCALED mode; the window surface IS the 1280x720 logical screen
        and SDL's renderer scales it (GL when available, letterboxed, mouse mapped for us), with
        vsync where the platform gives it. "surface" (fallback, or $STILL_A_FIGHTER_PRESENT):
        a plain window surface; at 1280x720 scenes draw straight onto it, at any other size we
        nearest-scale the logical screen into it once per frame. bench/frame.py --scaling
        measures both (numbers in the README / report).
        """
        if self.headless:
            self.window = pygame.display.set_mode(LOGICAL_SIZE)
            self.present_mode = "surface"
            self._fit()
            return
        wanted = os.environ.get(ENV_PRESENT, "scaled")
        if wanted == "scaled":
            try:
                self._open_scaled()
                self.present_mode = "scaled"
                return
            except pygame.error as exc:
                log.warning("SCALED window failed (%s); scaling by hand", exc)
        if self.settings.fullscreen:
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            s = self.fitted_window_scale()
            size = (round(LOGICAL_SIZE[0] * s), round(LOGICAL_SIZE[1] * s))
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.present_mode = "surface"
        self._fit()

    def _open_scaled(self) -> None:
        flags = pygame.SCALED | (pygame.FULLSCREEN if self.settings.fullscreen
                                 else pygame.RESIZABLE)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                self.window = pygame.display.set_mode(LOGICAL_SIZE, flags,
                                                      vsync=1 if self.vsync else 0)
            except pygame.error:
                self.window = pygame.display.set_mode(LOGICAL_SIZE, flags)
        for w in caught:
            log.info("display: %s", w.message)
        self.screen, self._dest = self.window, None
        if not self.settings.fullscreen and self.settings.window_scale != 1.0:
            s = self.fitted_window_scale()
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    window = pygame.Window.from_display_module()
                    window.minimum_size = (320, 180)  # SCALED sets the logical size as minimum
                    window.size = (round(LOGICAL_SIZE[0] * s), round(LOGICAL_SIZE[1] * s))
            except (AttributeError, pygame.error) as exc:
                log.info("could not size the window: %s", exc)

    def _fit(self) -> None:
        if self.present_mode == "scaled":
            return  # SDL keeps the logical size and letterboxes by itself
        self.window = pygame.display.get_surface()
        wsize = self.window.get_size()
        if wsize == LOGICAL_SIZE:
            self.screen = self.window
            self._dest = None
            return
        if self.screen is self.window or self.screen.get_size() != LOGICAL_SIZE:
            self.screen = pygame.Surface(LOGICAL_SIZE).convert()
        k = min(wsize[0] / LOGICAL_SIZE[0], wsize[1] / LOGICAL_SIZE[1])
        w, h = max(1, int(LOGICAL_SIZE[0] * k)), max(1, int(LOGICAL_SIZE[1] * k))
        rect = pygame.Rect((wsize[0] - w) // 2, (wsize[1] - h) // 2, w, h)
        self.window.fill((0, 0, 0))
        self._dest = self.window.subsurface(rect)

    def _present(self) -> None:
        if self._dest is not None:
            # nearest-neighbour scale straight into the window (no temporary surface)
            pygame.transform.scale(self.screen, self._dest.get_size(), self._dest)
        pygame.display.flip()

    # -- loop ------------------------------------------------------------------------------
    def run(self, start: str = "title", *, frames: int | None = None,
            screenshot: str | Path | None = None,
            script: dict[int, list[pygame.event.Event]] | None = None,
            on_first_frame: Callable[[], None] | None = None) -> int:
        """Run until quit (or ``frames`` frames); returns the process exit code."""
        self.running = True
        try:
            self._start(start)
            self._loop(frames, script or {}, on_first_frame)
        except Exception:  # noqa: BLE001 - any error: crash log + message
            self.exit_code = 1
            self._crash(traceback.format_exc())
        finally:
            if screenshot:
                try:
                    self._save_screenshot(Path(screenshot))
                except (OSError, pygame.error) as exc:
                    print(f"still-a-fighter: could not save --screenshot {screenshot}: "
                          f"{_reason(exc)}", file=sys.stderr)
                    self.exit_code = self.exit_code or 1
        return self.exit_code

    def close(self) -> None:
        """Exit every scene (they save what they own) and shut pygame down."""
        try:
            self.stack.clear()
        except Exception:  # exiting scenes must not hide the real outcome
            log.exception("error while closing scenes")
        close_audio = getattr(self.audio, "close", None)
        if close_audio:
            try:
                close_audio()
            except Exception:
                log.exception("error while closing the sound")
        from game.ui.text import shared_text

        shared_text().forget()  # its fonts die with pygame
        pygame.quit()

    def _start(self, start: str) -> None:
        from game.states import registry

        registry.scene_class(start)  # an unknown scene fails here, before anything is pushed
        if start not in ("title", "menu"):
            # the menu sits under every other first scene: overlays need something to sit on,
            # and Back from a scene opened with --scene lands in the game, not out of it
            self.stack.push("menu")
        self.stack.push(start)

    def _loop(self, frames: int | None, script: dict[int, list[pygame.event.Event]],
              on_first_frame: Callable[[], None] | None) -> None:
        acc_s = 0.0
        prev = time.perf_counter()
        next_frame = prev
        while self.running:
            t0 = time.perf_counter()
            if self.headless:
                acc_s = STEP_S
            else:
                acc_s += min(t0 - prev, MAX_STEPS * STEP_S)
            prev = t0
            for event in script.get(self.frame, ()):
                pygame.event.post(event)
            self._events()
            steps = 0
            while self.running and acc_s >= STEP_S and steps < MAX_STEPS:
                for item in self.input.tick():
                    self.stack.handle(item)
                self.stack.update(self.tick)
                self.tick += 1
                acc_s -= STEP_S
                steps += 1
            if self.stack.top is not self._last_top:  # a scene change: a bout's renderers
                self._last_top = self.stack.top  # and frame caches were just let go
                trim_heap()
            if self.headless:
                acc_s = 0.0
            elif acc_s >= STEP_S:
                acc_s = STEP_S * 0.999  # dropped time after a stall: do not spiral
            alpha = acc_s / STEP_S
            self.stack.draw(self.screen, alpha)
            if self._take_screenshot:  # F12: before the overlays, so no toast in the picture
                self._take_screenshot = False
                try:
                    path = paths.data_dir() / "screenshots" / time.strftime("%Y%m%d-%H%M%S.png")
                    self._save_screenshot(path)
                except (OSError, pygame.error) as exc:
                    log.error("screenshot failed: %s", exc)
                    self.toast(f"Could not save the screenshot: {_reason(exc)}")
                else:
                    self.toast(f"Screenshot saved: {path}")
            self._draw_overlays()
            self._present()
            self.frame += 1
            if self.frame == 1:
                if on_first_frame:
                    on_first_frame()
                self._start_audio()
            self._frame_ms.append((time.perf_counter() - t0) * 1000)
            if len(self._frame_ms) > 120:
                del self._frame_ms[:60]
            if frames is not None and self.frame >= frames:
                break
            if not self.headless:
                next_frame = max(next_frame + STEP_S, time.perf_counter() - STEP_S)
                _sleep_until(next_frame)

    def _events(self) -> None:
        for event in pygame.event.get():
            t = event.type
            if t == pygame.QUIT:
                self.quit()
                continue
            if t == pygame.KEYDOWN and (event.key == pygame.K_F11 or (
                    event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT)):
                self.toggle_fullscreen()
                continue
            if t == pygame.KEYDOWN and event.key == pygame.K_F3:
                self.show_fps = not self.show_fps
                continue
            if t == pygame.KEYDOWN and event.key == pygame.K_F12:
                self._take_screenshot = True
                continue
            if t in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED):
                self._fit()
                continue
            if t == pygame.MOUSEMOTION and tuple(event.rel) == (0, 0):
                # SDL's report of where the pointer rests when a window opens or is remade
                # (Settings > Window size): not a move, so it must not steal a menu's row
                continue
            if t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                data = dict(event.dict)
                data["pos"] = self.to_logical(event.pos)
                event = pygame.event.Event(t, data)
            top = self.stack.top
            items: list[Any] = list(self.input.process(event))
            if top is not None and (top.pausable if top.back_pauses is None else top.back_pauses):
                items = [_back_pauses(i) for i in items]
            # One raw input acts on one scene: stop once the scene it was meant for is gone
            # (so Esc that closes the pause overlay does not also reopen it).
            for item in [*items, event]:
                if self.stack.top is not top or not self.running:
                    break
                self.stack.handle(item)
            # after the scene got its releases: pause for lost focus or a pulled pad
            if t == pygame.WINDOWFOCUSLOST:
                self._auto_pause("Paused: the window lost focus")
            for player in self.input.take_disconnects():
                self._auto_pause(f"Controller for player {player + 1} disconnected")
            for player, pad_name in self.input.take_connects():
                self.toast(f"{pad_name} connected: player {player + 1}")

    def _auto_pause(self, message: str) -> None:
        """Pause a scene that can be paused; elsewhere (menus) just say what happened."""
        top = self.stack.top
        if top is not None and top.pausable:
            self.stack.push("pause", message=message)
        elif "focus" not in message:
            self.toast(message)

    def _start_audio(self) -> None:
        """Start sound after the first frame is on screen (synthesis must not delay it)."""
        if not self._sound_wanted:
            return
        silent = self.audio
        try:
            from game.audio import Audio
        except ImportError as exc:
            log.info("sound not available yet (%s); running silent", exc)
            return
        try:
            audio = Audio(self.settings)
            audio.set_volumes(music=self.settings.music_volume, sfx=self.settings.sfx_volume)
        except Exception:
            log.exception("sound failed to start; running silent")
            return
        self.audio = audio
        if isinstance(silent, SilentAudio) and silent.music:
            audio.play_music(silent.music, loop=silent.music_loop)

    def _draw_overlays(self) -> None:
        now = self.tick
        self._toasts = [(t, until) for t, until in self._toasts if until > now]
        if self._toasts:
            from game.ui import widgets

            # Never over what the player can press: each strip goes to the spot nearest its
            # place in the stack that is clear of the top scene's controls and of the others.
            top = self.stack.top
            avoid = [r.inflate(0, 8) for r in (top.control_rects() if top else [])]
            want = widgets.TOAST_BOTTOM_PX
            for text, _ in reversed(self._toasts[-3:]):
                h = widgets.toast_height(self.fonts, text)
                bottom = widgets.toast_spot(h, want, avoid)
                rect = widgets.draw_toast(self.screen, self.fonts, text, bottom - 20)
                # Stack by each strip's height: a two-line toast is taller than a fixed step,
                # and the one above darkened the top of its first line.
                avoid.append(rect.inflate(0, 10))
                want = rect.top - 6
        if self.show_fps and self._frame_ms:
            ms = sorted(self._frame_ms)[len(self._frame_ms) // 2]
            surf = self.fonts.body(18).render(f"{ms:.2f} ms/frame  tick {self.tick}", True,
                                              (255, 255, 0))
            self.screen.blit(surf, (8, 8))

    def _save_screenshot(self, path: Path) -> None:
        """Write the logical screen as PNG via a temp file: a full disk leaves no empty PNG."""
        paths.write_atomic(path, lambda tmp: pygame.image.save(self.screen, str(tmp)))
        log.info("screenshot saved to %s", path)

    def _crash(self, trace: str) -> None:
        """Write a crash log and show a short message instead of vanishing."""
        log.error("unexpected error:\n%s", trace)
        crash_file = None
        try:
            crash_file = paths.data_dir() / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.log"
            crash_file.write_text(trace, encoding="utf-8")
            log.error("crash log written to %s", crash_file)
        except OSError as exc:
            crash_file = None
            # the terminal is the crash log's last resort
            print(f"still-a-fighter: could not write the crash log ({_reason(exc)}); "
                  f"here it is:\n{trace}", file=sys.stderr, flush=True)
        if self.headless:
            return
        try:
            from game.ui.widgets import draw_crash

            draw_crash(self.screen, self.fonts, trace.strip().splitlines()[-1], crash_file)
            self._present()
            deadline = time.perf_counter() + 60
            while time.perf_counter() < deadline:
                event = pygame.event.wait(500)
                if event.type in (pygame.QUIT, pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN,
                                  pygame.CONTROLLERBUTTONDOWN):
                    break
        except Exception:
            log.exception("could not show the crash message")


def trim_heap() -> None:
    """Hand freed heap back to the system. glibc keeps freed blocks for reuse, so after a bout
    (tens of MB of frames and renderers) RSS would stay high; elsewhere this does nothing."""
    global _libc
    if _libc is None:
        try:
            import ctypes

            _libc = ctypes.CDLL("libc.so.6")
            _libc.malloc_trim.argtypes = [ctypes.c_size_t]
        except (OSError, AttributeError):
            _libc = False
    if _libc:
        _libc.malloc_trim(0)


_libc: Any = None


def _back_pauses(item: ActionEvent) -> ActionEvent:
    """In a scene that can pause, a key's Back means Pause (Esc pauses the fight; a pad's B
    stays a hook there)."""
    if item.action is Action.BACK and item.source == "key":
        return dataclasses.replace(item, action=Action.PAUSE)
    return item


def _reason(exc: BaseException) -> str:
    """The short reason of an OS or SDL error, for a toast."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _sleep_until(target: float) -> None:
    """Sleep most of the way, then spin the last millisecond for an even frame pace."""
    remaining = target - time.perf_counter()
    if remaining > 0.002:
        time.sleep(remaining - 0.0015)
    while time.perf_counter() < target:
        pass

