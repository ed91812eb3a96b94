"""The ending by outcome (its own closing scene), then the credits, then the menu."""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.story.session import StorySession
from game.states.title import shared_arena
from game.story.chapters import say
from game.story.data import STORY_DIR, read_toml
from game.story.endings import dialogue_for
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints

CREDITS_PX_PER_TICK = 0.9
FIGHTER_SCALE = 0.72
FOOT_Y = 470  # on the far side of the canvas, clear of the dialogue box
#: ending -> (Rocky's action, Dixon's action): the picture the ending stands on
POSES = {"win_stoppage": ("celebrate", "down"), "lose_stoppage": ("dejected", "celebrate"),
         "win_points": ("celebrate", "dejected"), "lose_decision": ("celebrate", "idle")}


def result_line(fight: dict[str, Any] | None) -> str:
    if not fight:
        return ""
    if fight["winner"] is None:
        return say("result.draw", round=fight["round"])
    who = say("fight.red") if fight["winner"] == 0 else say("fight.blue")
    key = "result.winner" if fight["method"] in ("KO", "TKO") else "result.decision"
    return say(key, winner=who, method=say(f"result.methods_{fight['method']}"),
               round=fight["round"])


class StoryEndingScene(Scene):
    def __init__(self, session: StorySession) -> None:
        super().__init__()
        self.session = session
        self.t = 0
        self.talked = False
        self.sheets: list[Any] = []

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.arena = shared_arena(app)
        try:
            from game.render.sprites import load_sheet

            self.sheets = [load_sheet("rocky", 60), load_sheet("dixon", 30)]
        except Exception:  # noqa: BLE001 - the picture is optional; the words are not
            self.sheets = []
        app.audio.crowd(0.6 if self.session.state.ending != "lose_stoppage" else 0.2)

    def update(self, tick: int) -> None:
        self.t += 1
        if self.t == 90 and not self.talked:
            self._talk()

    def _talk(self) -> None:
        assert self.app is not None
        self.talked = True
        s = self.session
        s.state.flags.add("finished")
        s.save(self.app)
        self.app.stack.push("story_dialogue", dialogue=s.dialogues[dialogue_for(s.state.ending)],
                            flags=s.state.flags, speakers=s.speakers,
                            on_done=lambda ev: self._credits())

    def _credits(self) -> None:
        assert self.app is not None
        self.app.audio.crowd(0.0)
        self.app.stack.replace("story_credits")

    def handle(self, item: Any) -> None:
        if isinstance(item, ActionEvent) and item.pressed and item.action is Action.CONFIRM \
                and not self.talked and self.t > 20:
            self._talk()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        s = self.session.state
        win = s.ending in ("win_stoppage", "win_points")
        self.arena.draw(surface, self.t + alpha, lights=1.0 if win else 0.4, front=False)
        self._draw_fighters(surface, s.ending)
        self.arena.draw_front(surface)
        dim(surface, 60 if win else 110)
        k = min(1.0, (self.t + alpha) / 40)
        head = say(f"ending.{s.ending}")
        col = tuple(int(c * k) for c in (C.GOLD if win else C.CREAM))
        blit_text(surface, fonts.display(92), head, (640, 86), col, "center", shadow=4)
        blit_text(surface, fonts.bold(28), result_line(s.fight).upper(), (640, 156),
                  tuple(int(c * k) for c in C.CREAM), "center")
        if not self.talked:
            draw_hints(surface, fonts, [("ENTER / F", say("hints.next"))])


    def _draw_fighters(self, surface: pygame.Surface, ending: str) -> None:
        poses = POSES.get(ending)
        if not self.sheets or poses is None:
            return
        for sheet, tag, foot_x, facing in ((self.sheets[0], poses[0], 545, 1),
                                           (self.sheets[1], poses[1], 750, -1)):
            img, (ax, ay) = sheet.frame(tag, facing, ticks=self.t)
            img = pygame.transform.smoothscale_by(img, FIGHTER_SCALE)
            surface.blit(img, (foot_x - ax * FIGHTER_SCALE, FOOT_Y - ay * FIGHTER_SCALE))


class StoryCreditsScene(Scene):
    def __init__(self) -> None:
        super().__init__()
        self.lines = [str(x) for x in read_toml(STORY_DIR / "credits.toml").get("lines", [])]
        self.y = 720.0

    def handle(self, item: Any) -> None:
        if isinstance(item, ActionEvent) and item.pressed and item.action in (
                Action.CONFIRM, Action.BACK, Action.PAUSE) and not item.repeat:
            self._done()

    def _done(self) -> None:
        assert self.app is not None
        self.app.stack.pop()  # back to the story's slot screen

    def update(self, tick: int) -> None:
        self.y -= CREDITS_PX_PER_TICK
        if self.y < -60 * len(self.lines) - 200:
            self._done()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        surface.fill(C.NIGHT)
        y = self.y
        for i, line in enumerate(self.lines):
            font = fonts.display(64) if i == 0 else fonts.body(28)
            colour = C.GOLD if i == 0 else C.TEXT
            if -80 < y < 800:
                blit_text(surface, font, line, (640, int(y)), colour, "center")
            y += 90 if i == 0 else 46
        end_y = max(360, int(y + 120))
        if end_y < 800:
            blit_text(surface, fonts.display(72), say("credits.end"), (640, end_y), C.CREAM,
                      "center")
        draw_hints(surface, fonts, [("ENTER / F", say("credits.back"))])
