"""The bar's TV in chapter one: a sports-show card with the virtual fight's verdict.

The bout is really simulated (game.story.tv) in a separate process, started as soon as the
chapter begins, so the card is usually ready when Rocky looks up. Small on purpose: the
Virtual Fight's own TV presentation can replace this card.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.render.world import portrait
from game.states.base import Scene
from game.states.story.session import StorySession
from game.story.chapters import say
from game.story.tv import TV_BOUTS, run_virtual_fight, tv_flag
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints, slab

SCREEN = pygame.Rect(210, 70, 860, 520)


def start_tv_job(session: StorySession) -> None:
    """Begin the simulation in the background once per playthrough."""
    if session.state.tv is not None or session.tv_job is not None:
        return
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    session.tv_job = pool.submit(run_virtual_fight, session.state.seed, TV_BOUTS)
    pool.shutdown(wait=False)


def poll_tv_job(session: StorySession) -> bool:
    """True once the result is in the state (its flag set)."""
    state = session.state
    if state.tv is None and session.tv_job is not None and session.tv_job.done():
        try:
            state.tv = session.tv_job.result()
        except Exception:  # noqa: BLE001 - a broken worker: run it here instead
            state.tv = run_virtual_fight(state.seed, TV_BOUTS)
        session.tv_job = None
    if state.tv is not None:
        state.flags.add(tv_flag(state.tv))
        return True
    return False


class StoryTvScene(Scene):
    opaque = False

    def __init__(self, session: StorySession, on_close: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.session = session
        self.on_close = on_close
        self.t = 0
        self.ready = False

    def update(self, tick: int) -> None:
        self.t += 1
        if not self.ready and self.t % 10 == 0:
            self.ready = poll_tv_job(self.session)
            if not self.ready and self.session.tv_job is None:
                start_tv_job(self.session)

    def handle(self, item: Any) -> None:
        if isinstance(item, ActionEvent) and item.pressed and item.action is Action.CONFIRM \
                and self.ready and not item.repeat:
            assert self.app is not None
            self.app.stack.pop()
            if self.on_close:
                self.on_close()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        dim(surface, 150)
        bezel = SCREEN.inflate(44, 44)
        pygame.draw.rect(surface, (18, 18, 22), bezel, border_radius=22)
        pygame.draw.rect(surface, (60, 60, 70), bezel, 3, border_radius=22)
        # the show's studio blue, with scanlines
        pygame.draw.rect(surface, (14, 30, 70), SCREEN)
        for y in range(SCREEN.y, SCREEN.bottom, 4):
            pygame.draw.line(surface, (10, 22, 54), (SCREEN.x, y), (SCREEN.right, y))
        slab(surface, pygame.Rect(SCREEN.x, SCREEN.y + 22, 420, 44), C.RED, 16)
        blit_text(surface, fonts.bold(24), say("tv.channel"), (SCREEN.x + 24, SCREEN.y + 44),
                  C.CREAM, "midleft")
        blit_text(surface, fonts.display(64), say("tv.title"), (SCREEN.centerx, SCREEN.y + 120),
                  C.GOLD, "center", shadow=3)
        blit_text(surface, fonts.body(22), say("tv.subtitle"), (SCREEN.centerx, SCREEN.y + 166),
                  C.TEXT, "center")
        for side, (sid, name_key, age_key, colour) in enumerate(
                (("rocky_prime", "tv.red", "tv.red_age", C.RED), ("dixon", "tv.blue", "tv.blue_age",
                                                             C.BLUE))):
            cx = SCREEN.x + 170 if side == 0 else SCREEN.right - 170
            box = pygame.Rect(0, 0, 150, 150)
            box.center = (cx, SCREEN.y + 280)
            pygame.draw.rect(surface, colour, box, border_radius=8)
            face = portrait(sid)
            if face is not None:
                img = pygame.transform.smoothscale(face, (146, 146))
                surface.blit(img, img.get_rect(midbottom=(box.centerx, box.bottom)))
            blit_text(surface, fonts.display(44), say(name_key), (cx, box.bottom + 28), C.CREAM,
                      "center")
            blit_text(surface, fonts.body(20), say(age_key), (cx, box.bottom + 58), C.TEXT_DIM,
                      "center")
        blit_text(surface, fonts.display(72), "VS", (SCREEN.centerx, SCREEN.y + 280), C.CREAM,
                  "center", shadow=3)
        tv = self.session.state.tv if self.ready else None
        band = pygame.Rect(SCREEN.x, SCREEN.bottom - 96, SCREEN.w, 96)
        dim(surface, 200, band, (4, 8, 20))
        if tv is None:
            dots = "." * (1 + (self.t // 15) % 3)
            blit_text(surface, fonts.bold(28), say("tv.simulating") + dots,
                      (SCREEN.centerx, band.centery), C.GOLD, "center")
        else:
            if tv["winner"] is None:
                verdict = say("tv.draw", round=tv["round"])
            else:
                who = say("tv.red") if tv["winner"] == 0 else say("tv.blue")
                verdict = say("tv.verdict", winner=who, method=say(f"result.methods_{tv['method']}"),
                              round=tv["round"])
            blit_text(surface, fonts.display(44), verdict.upper(), (SCREEN.centerx,
                                                                   band.y + 32), C.CREAM, "center")
            n = max(1, tv["bouts"])
            red_pct = round(100 * tv["red_wins"] / n)
            blue_pct = round(100 * tv["blue_wins"] / n)
            bar = pygame.Rect(SCREEN.x + 120, band.y + 64, SCREEN.w - 240, 12)
            pygame.draw.rect(surface, C.BLUE, bar)
            pygame.draw.rect(surface, C.RED, (bar.x, bar.y, int(bar.w * red_pct / 100), bar.h))
            blit_text(surface, fonts.body(18), say("tv.odds", bouts=n, red_pct=red_pct,
                                                   blue_pct=blue_pct),
                      (SCREEN.centerx, bar.bottom + 4), C.TEXT, "midtop")
            draw_hints(surface, fonts, [("ENTER / F", say("hints.next"))])
