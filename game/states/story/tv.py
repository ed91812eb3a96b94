"""The bar's TV in chapter one: the Virtual Fight's sports show (game.render.tv) on the set
over the bar, fed by the story's own run (game.story.tv).

The run is a Virtual Fight run in one niced worker process, started with the evening (on the
slots screen), so it is usually over before Rocky looks up. If it is not, the show is already
on the air: the board fills in as the bouts finish, and Rocky can step away and come back; the
chapter never waits on it. The run belongs to the chapter: leaving Adrian's for anything but
another of the chapter's maps cancels it and reaps its worker (see StoryWorldScene.exit).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.render.tv import TvShow
from game.states.base import Scene
from game.states.story.session import StorySession
from game.story.chapters import say
from game.story.tv import show_verdict, tv_flag, tv_record, tv_spec
from game.ui.widgets import dim, draw_hints
from game.virtual.verdict import verdict

log = logging.getLogger(__name__)

SCREEN = pygame.Rect(0, 0, 1024, 576)  # 16:9, the set over the bar
SCREEN.center = (640, 338)
POLL_TICKS = 10  # take the worker's news six times a second
#: the worker's niceness: the bar's screen is light, so unlike the Virtual Fight screen's two
#: workers (nice 5) this one takes nearly a full share; on a machine busy with other work, nice
#: 5 made the broadcast take about 2 min (load 6.5) where it takes about 15 s on an idle one
TV_NICE = 1
LIVE_REDRAW_TICKS = 60  # the board of a run still filling changes at most once a second


def start_tv_run(session: StorySession) -> None:
    """Begin the broadcast's run in the background, once (again after a failed one)."""
    if session.state.tv is not None:
        return
    run = session.tv_run
    if run is not None and not (run.error or run.cancelled):
        return
    from game.virtual.worker import SimRun

    spec = tv_spec(session.state.seed)
    if run is not None and run.error:  # a broken worker process: fight it in a thread here
        log.warning("the TV's simulation worker failed; running it in a thread:\n%s", run.error)
        session.tv_run = SimRun(spec, processes=1, nice=0).start()
    else:
        session.tv_run = SimRun(spec, processes=1, nice=TV_NICE).start()


def poll_tv_run(session: StorySession) -> bool:
    """Take the worker's news; True once the result is in the state (its flag set)."""
    state, run = session.state, session.tv_run
    if state.tv is None and run is not None:
        run.poll()
        if run.finished:
            state.tv = tv_record(run.data)
            session.tv_run = None
        elif run.error:
            start_tv_run(session)
    if state.tv is not None:
        state.flags.add(tv_flag(state.tv))
        return True
    return False


def stop_tv_run(session: StorySession) -> None:
    """Cancel the broadcast's run and reap its worker (the chapter is being left)."""
    run, session.tv_run = session.tv_run, None
    if run is not None:
        run.cancel()


def live_verdict(session: StorySession) -> Any:
    """The show while its run fills in: the board counts the finished bouts."""
    run = session.tv_run
    data = run.data if run is not None else None
    if data is None or data.done == 0:
        from game.virtual.run import RunData

        data = RunData(tv_spec(session.state.seed))
    v = verdict(data)
    rnd = run.current_round() if run is not None else 1
    lines = (say("tv.live_round", round=rnd, rounds=v.rounds),
             say("tv.live_done", done=data.done, bouts=data.bouts))
    return replace(v, bouts=data.done, favourite=None, headline=say("tv.live_headline"),
                   lines=lines)


class StoryTvScene(Scene):
    """The show on the bar's set. ENTER after the verdict: the room talks. ENTER or ESC
    before it: back to the bar (the show goes on without him)."""

    opaque = False

    def __init__(self, session: StorySession, on_close: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.session = session
        self.on_close = on_close
        self.t = 0
        self.ready = False
        self.show: TvShow | None = None
        self._live_version = -1
        self._live_at = -LIVE_REDRAW_TICKS
        self._room: pygame.Surface | None = None

    def enter(self, app: Any) -> None:
        super().enter(app)
        start_tv_run(self.session)
        self.ready = poll_tv_run(self.session)
        self._refresh()

    def _refresh(self) -> None:
        """Put the newest numbers on the show (cheap: the studio is kept)."""
        if self.ready:
            v = show_verdict(self.session.state.tv or {})
        else:
            run = self.session.tv_run
            version = run.data.version if run is not None else -1
            if self.show is not None and (version == self._live_version
                                          or self.t - self._live_at < LIVE_REDRAW_TICKS):
                return
            self._live_version, self._live_at = version, self.t
            v = live_verdict(self.session)
        if self.show is None:
            self.show = TvShow(v, channel=say("tv.channel"))
        else:
            self.show.set_verdict(v)

    def update(self, tick: int) -> None:
        self.t += 1
        if not self.ready and self.t % POLL_TICKS == 0:
            self.ready = poll_tv_run(self.session)
            if self.ready and self.app is not None:
                self.app.audio.play("ui_confirm")
            self._refresh()

    def handle(self, item: Any) -> None:
        if not (isinstance(item, ActionEvent) and item.pressed and not item.repeat):
            return
        assert self.app is not None
        if item.action is Action.CONFIRM and self.ready:
            self.app.stack.pop()
            if self.on_close:
                self.on_close()
        elif item.action in (Action.CONFIRM, Action.BACK) and not self.ready:
            self.app.audio.play("ui_back")
            self.app.stack.pop()  # the run goes on; the TV is still there to come back to
            self.app.toast(say("tv.come_back"), seconds=3)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        """The bar under the set does not move while Rocky watches: it is drawn (dimmed, with
        the set's bezel) once and kept, so the frames go to the show and the worker."""
        assert self.app is not None and self.show is not None
        fonts = self.app.fonts
        if self._room is None:
            dim(surface, 170)
            bezel = SCREEN.inflate(36, 36)
            pygame.draw.rect(surface, (18, 18, 22), bezel, border_radius=18)
            pygame.draw.rect(surface, (60, 60, 70), bezel, 3, border_radius=18)
            self._room = surface.copy()
            self.opaque = True  # from now on the kept picture covers the room below
        else:
            surface.blit(self._room, (0, 0))
        self.show.draw(surface, SCREEN, self.t + alpha)
        if not self.ready:
            draw_hints(surface, fonts, [("ENTER / ESC", say("tv.step_away"))])
        else:
            draw_hints(surface, fonts, [("ENTER / F", say("hints.next"))])
