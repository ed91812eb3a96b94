"""Watch a replay: the recorded bout played through the ring, with pause, x4 fast-forward and
"skip to the next knockdown". The fight is re-run by the model from the recorded buttons (a replay
is inputs, not pictures), so what you watch is the fight itself; if the recording does not
match what the model does now, the replay stops with a message instead of showing another fight.
"""

from __future__ import annotations

import copy
import logging
from collections import deque
from collections.abc import Callable
from typing import Any

import pygame

from game.bout import BoutSession, BoutSetup
from game.bout.replay import Replay, ReplayError, load, session_for
from game.bout.session import ReplayMismatch
from game.input.actions import Action, ActionEvent
from game.states.ring.scene import RingScene
from game.states.versus.data import action_keys
from game.ui import colours as C
from game.ui.text import shade, shared_text

log = logging.getLogger(__name__)

FAST_STEPS = 4  # model steps per frame when fast-forwarding
SKIP_STEPS_PER_FRAME = 600  # how far a skip runs each frame (the screen says it is skipping)
SKIP_LEAD_TICKS = 90  # a skip lands this long before the knockdown, to see the punch
SNAP_EVERY_TICKS = 30


class ReplayScene(RingScene):
    """A ring that plays a Replay (or a replay file) and goes back where it came from."""

    back_pauses = False  # Back leaves a replay (its own pause is the confirm key)
    watch_hints = False  # it draws its own footer

    def __init__(self, replay: Replay | None = None, path: str | None = None,
                 present: bool = True, *, setup: BoutSetup | None = None,
                 on_finish: Callable[[BoutSession], None] | None = None) -> None:
        self.error: str | None = None
        if replay is None and path is not None:
            try:
                replay = load(path)
            except ReplayError as exc:
                self.error = str(exc)
        self.replay = replay
        # a bout nobody plays (a Virtual Fight's bout, CPU against CPU) is watched live with
        # the same controls: its CPUs decide it, exactly as they would at 1x
        self.live = setup is not None
        if setup is not None:
            session: BoutSession | None = BoutSession(setup)
        else:
            session = session_for(replay) if replay is not None else None
        super().__init__(session=session, present=present, corner=False, record=False,
                         on_finish=on_finish)
        self.paused = False
        self.fast = False
        self._skip: dict[str, Any] | None = None  # a skip in progress

    def enter(self, app: Any) -> None:
        if self.session is None:
            super(RingScene, self).enter(app)
            self.leave(self.error or "No replay to play.")
            return
        super().enter(app)

    def leave(self, message: str | None = None) -> None:
        assert self.app is not None
        if message:
            toast = getattr(self.app, "toast", None)
            if toast is not None:
                toast(message)
            log.warning("replay: %s", message)
        if self.app.stack.top is self:
            self.app.stack.pop()

    # -- controls ---------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        if not isinstance(item, ActionEvent) or not item.pressed or item.repeat:
            return
        a = item.action
        if a in (Action.BACK, Action.PAUSE):
            if self.live:  # its pause menu says where leaving goes (the run's results)
                assert self.app is not None
                self.app.stack.push("pause", **self.pause_options)
            else:
                self.leave()
        elif a is Action.CONFIRM:
            self.paused = not self.paused
        elif a is Action.RIGHT:
            self.fast = not self.fast
        elif a is Action.UP:
            self.start_skip()

    def held_buttons(self) -> tuple[int, int]:
        return (0, 0)  # the recording plays; nobody's keys reach the model

    def steps_this_tick(self) -> int:
        if self.paused or self._skip is not None:
            return 0
        n = super().steps_this_tick()
        return n * FAST_STEPS if self.fast else n

    def model_step(self) -> None:
        try:
            super().model_step()
        except ReplayMismatch as exc:
            self.session.stop()  # type: ignore[union-attr]
            self.leave(str(exc))

    def finish(self) -> None:
        if self.on_finish is not None:
            super().finish()  # pops and hands the session back (the run checks it)
        else:
            self.leave()

    # -- skip to the next knockdown ---------------------------------------------------------
    def start_skip(self) -> None:
        if self.session is None or self.session.over or self._skip is not None:
            return
        self._skip = {"origin": copy.deepcopy(self.session),
                      "kds": len(self.session.knockdown_ticks),
                      "snaps": deque(maxlen=8)}

    def _run_skip(self) -> None:
        """Step silently (a few hundred ticks a frame) to the next knockdown, then land a little
        before it; with none left, come back to where the skip started."""
        skip = self._skip
        s = self.session
        assert skip is not None and s is not None
        try:
            for _ in range(SKIP_STEPS_PER_FRAME):
                if s.over or len(s.knockdown_ticks) > skip["kds"]:
                    break
                if s.ticks % SNAP_EVERY_TICKS == 0:
                    skip["snaps"].append(copy.deepcopy(s))
                s.step()
        except ReplayMismatch as exc:
            self._skip = None
            s.stop()
            self.leave(str(exc))
            return
        if len(s.knockdown_ticks) > skip["kds"]:
            kd_tick = s.knockdown_ticks[skip["kds"]]
            landing: BoutSession = skip["origin"]
            for snap in skip["snaps"]:
                if snap.ticks <= kd_tick - SKIP_LEAD_TICKS and snap.ticks >= landing.ticks:
                    landing = snap
            self._land(landing)
        elif s.over:
            self._land(skip["origin"])
            toast = getattr(self.app, "toast", None)
            if toast is not None:
                toast("No more knockdowns in this bout.")

    def _land(self, session: BoutSession) -> None:
        self.session = session
        self._skip = None
        self.paused = False
        self.timing.clear()
        if self.renderer is not None:
            self.renderer.camera.snap()

    def update(self, tick: int) -> None:
        if self._skip is not None:
            self._run_skip()
            return
        if self.paused and self.session is not None and not self.session.over:
            if self.renderer is not None:
                self.renderer.step(self.view)  # the crowd and camera settle while paused
            return
        super().update(tick)

    # -- drawing ----------------------------------------------------------------------------
    def badge_text(self) -> str:
        """What the replay is doing; short, to fit between the two knockdown rows (the skip
        said "to the knockdown" even in a bout without one, and ran over both rows)."""
        if self._skip is not None:
            return "SKIPPING AHEAD"
        name = "WATCH" if self.live else "REPLAY"
        return "PAUSED" if self.paused else (f"{name}  x4" if self.fast else name)

    def draw(self, surface: Any, alpha: float) -> None:
        if self.session is None:
            surface.fill(C.NIGHT)
            return
        super().draw(surface, 1.0 if self.paused else alpha)
        self._draw_overlay(surface)

    def _draw_overlay(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        tag = tc.render(self.badge_text(), 26, C.GOLD)
        box = badge_box(tag.get_size())
        surface.blit(shade(box.size, (8, 8, 14, 210)), box.topleft)
        pygame.draw.rect(surface, C.GOLD, box, 2, border_radius=6)
        surface.blit(tag, tag.get_rect(center=box.center))
        app = self.app
        hints = [
            (action_keys(app, "confirm", (0,)) or "F", "Play / pause"),
            (action_keys(app, "right", (0,)) or "D", "x4 on / off"),
            (action_keys(app, "up", (0,)) or "W", "Next knockdown"),
            (action_keys(app, "back", (0,)) or "ESC", "Pause / leave" if self.live else "Leave"),
        ]
        strip = pygame.Rect(0, 676, 1280, 44)
        surface.blit(shade(strip.size, (6, 6, 12, 200)), strip.topleft)
        x = 48
        for key, label in hints:
            ks = tc.render(key, 18, C.NIGHT, kind="bold", shadow=None)
            kbox = pygame.Rect(x, strip.centery - 13, ks.get_width() + 16, 26)
            pygame.draw.rect(surface, C.TEXT_DIM, kbox, border_radius=4)
            surface.blit(ks, ks.get_rect(center=kbox.center))
            ls = tc.render(label, 18, C.TEXT_DIM, kind="body", shadow=None)
            surface.blit(ls, ls.get_rect(midleft=(kbox.right + 8, strip.centery)))
            x = kbox.right + 8 + ls.get_width() + 34


def badge_box(text_size: tuple[int, int]) -> pygame.Rect:
    """The replay badge's box under the clock, for a text of this size."""
    return pygame.Rect((0, 0), text_size).move(640 - text_size[0] // 2, 126).inflate(28, 10)
