"""Fight night: the Las Vegas card, the walk-out talk, ten rounds in the ring, the result.

The bout is the bout layer's (``game.story.fight.bout_setup``): Rocky (red, human) at 60 plus
the camp's gains
against Dixon (blue, CPU) at 30, on the difficulty chosen at the start, with the story's model
modifiers (Dixon's hand). Between rounds the old trainer talks in Rocky's corner
(game.story.corner, through the ring's ``corner_words`` hook). The ring pops itself at the end
and hands the session back.
"""
from __future__ import annotations

from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.render.world import portrait
from game.states.base import Scene
from game.states.story.session import StorySession, story_pause
from game.states.title import shared_arena
from game.story import fight as fightmod
from game.story.chapters import say
from game.story.corner import TrainerCorner
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints, slab


class StoryFightScene(Scene):
    def __init__(self, session: StorySession) -> None:
        super().__init__()
        self.session = session
        self.t = 0
        self.phase = "card"  # card -> talk -> ring -> done
        self.told_hand = False

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.arena = shared_arena(app)
        app.audio.play_music("intro")

    def handle(self, item: Any) -> None:
        if not (isinstance(item, ActionEvent) and item.pressed and not item.repeat):
            return
        assert self.app is not None
        if item.action is Action.CONFIRM and self.phase == "card" and self.t > 30:
            self.app.audio.play("ui_confirm")
            self.phase = "talk"
            s = self.session
            self.app.stack.push("story_dialogue", dialogue=s.dialogues["fight_intro"],
                                flags=s.state.flags, speakers=s.speakers,
                                on_done=lambda ev: self._ring())
        elif item.action in (Action.PAUSE, Action.BACK) and self.phase == "card":
            self.app.stack.push("pause", **story_pause())

    def _ring(self) -> None:
        assert self.app is not None
        self.phase = "ring"
        trainer = TrainerCorner()
        who = self.session.speakers.get(trainer.corner.speaker)
        trainer.name = who.name if who is not None else trainer.name
        self.app.stack.push("ring", setup=fightmod.bout_setup(fightmod.plan(self.session.state)),
                            on_finish=self._finished, stop_when=self._watch,
                            corner_words=trainer.words)

    def _watch(self, session: Any) -> bool:
        """Called by the ring every tick; never ends the bout. When the model's modifier for
        Dixon's hand takes effect, the story says so on screen."""
        if not self.told_hand and session.view.round >= fightmod.STORY_MODIFIERS[0][3]:
            self.told_hand = True
            assert self.app is not None
            self.app.toast(say("fight.hand"), seconds=6)
        return False

    def _finished(self, session: Any) -> None:
        assert self.app is not None
        self.phase = "done"
        fightmod.record(self.session.state, fightmod.result_record(session.result))
        self.session.next_chapter(self.app)

    def update(self, tick: int) -> None:
        self.t += 1

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        s = self.session.state
        self.arena.draw(surface, self.t + alpha, lights=1.0)
        dim(surface, 120)
        blit_text(surface, fonts.display(120), say("fight.city"), (640, 92), C.GOLD, "center",
                  shadow=4)
        blit_text(surface, fonts.bold(24), say("fight.billing"), (640, 166), C.CREAM, "center")
        for side, (sid, name, line, colour) in enumerate((
                ("rocky", "fight.red", "fight.red_line", C.RED),
                ("dixon", "fight.blue", "fight.blue_line", C.BLUE))):
            cx = 330 if side == 0 else 950
            box = pygame.Rect(0, 0, 200, 200)
            box.center = (cx, 330)
            pygame.draw.rect(surface, colour, box, border_radius=10)
            face = portrait(sid)
            if face is not None:
                img = pygame.transform.smoothscale(face, (196, 196))
                if side == 1:
                    img = pygame.transform.flip(img, True, False)
                surface.blit(img, img.get_rect(midbottom=(box.centerx, box.bottom)))
            pygame.draw.rect(surface, C.CREAM, box, 3, border_radius=10)
            plate = pygame.Rect(0, 0, 470, 54)
            plate.midtop = (cx, box.bottom + 18)
            slab(surface, plate, colour, 14)
            blit_text(surface, fonts.display(40), say(name), (plate.centerx + 7, plate.centery + 2),
                      C.CREAM, "center")
            blit_text(surface, fonts.body(20), say(line), (cx, plate.bottom + 22), C.TEXT, "center")
        blit_text(surface, fonts.display(90), "VS", (640, 330), C.CREAM, "center", shadow=4)
        gains = ", ".join(f"{say(f'attr.{k}')} +{v}" for k, v in sorted(s.gains.items()) if v)
        info = say("fight.difficulty", difficulty=s.difficulty.title())
        if gains:
            info = say("fight.gains", gains=gains) + "   |   " + info
        blit_text(surface, fonts.body(20), info, (640, 600), C.TEXT_DIM, "center")
        if self.phase == "card":  # the story's first bout: what the keys are, before the bell
            blit_text(surface, fonts.bold(17), fight_keys(self.app.settings), (640, 636),
                      C.CREAM, "center")
        if self.phase == "card":
            draw_hints(surface, fonts, [("ENTER / F", say("fight.press")),
                                        ("ESC", say("hints.menu"))])


def fight_keys(settings: Any) -> str:
    """The player's own keys for the ring, one line (the drills' cards showed some of them,
    the ring none, and fight night is the story's only bout)."""
    from game.states.training.keys import key_label

    names = ("left", "right", "jab", "cross", "hook", "uppercut", "down", "guard", "dodge")
    return say("fight.keys", **{n: key_label(settings, n) for n in names})
