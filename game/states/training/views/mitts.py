"""The trainer's mitts: he shows a mitt (and, until you are good, calls it) on the beat."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.render.sprites import load_sheet
from game.states.training import hud
from game.states.training.art import art, rotated
from game.states.training.views.base import Boxer, DrillView
from game.training.rules import DrillEvent
from game.ui import colours as C
from game.ui.widgets import blit_text, dim

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene

TRAINER_ID, TRAINER_AGE = "carbone", 62  # an old pro holds the mitts
SHOW_S = 0.55  # the mitt goes up this long before its beat
CALL_S = 0.9  # he says it this long before the beat
#: move -> (trainer's pose, mitt offset from his feet (x toward the boxer), mitt angle)
POSES = {
    "jab": ("guard_high", (-92, -196), 0),
    "cross": ("guard_high", (-60, -214), 0),
    "hook": ("guard_high", (-96, -190), 90),
    "uppercut": ("guard_low", (-96, -140), 180),
    "duck": ("hook_head", None, 0),
    "block": ("jab_head", None, 0),
}
CALL_WORDS = {"jab": "JAB!", "cross": "CROSS!", "hook": "HOOK!", "uppercut": "UPPER!",
              "duck": "DUCK!", "block": "BLOCK!"}


class MittsView(DrillView):
    boxer_x = 440.0
    trainer_x = 760.0

    def __init__(self, scene: DrillScene) -> None:
        super().__init__(scene)
        self.trainer = Boxer(TRAINER_ID, TRAINER_AGE, facing=-1)
        self.trainer.sheet = load_sheet(TRAINER_ID, TRAINER_AGE)
        self._said: set[float] = set()

    def on_press(self, action: str, t_s: float, held: frozenset[str]) -> None:
        if action == "dodge":
            self.boxer.play("duck", t_s)
        elif action == "guard":
            self.boxer.play("block", t_s)
        else:
            super().on_press(action, t_s, held)

    def on_event(self, event: DrillEvent, t_s: float) -> None:
        super().on_event(event, t_s)
        if event.kind == "hit":
            if event.move in ("duck", "block"):
                self.sound("whiff" if event.move == "duck" else "block", volume=0.8)
            else:
                self.sound("power" if event.power >= 1.0 else "jab", pan=0.1,
                           volume=0.5 + 0.5 * event.power)
        elif event.kind == "miss" and event.move in ("duck", "block"):
            self.boxer.play("hit_head", t_s)
            self.sound("jab", volume=0.6)

    def update(self, t_s: float) -> None:
        for note in self.rules.upcoming(t_s, ahead_s=CALL_S):
            if note.called and note.t_s not in self._said:
                self._said.add(note.t_s)
                self.sound("count", volume=0.5)  # his bark
            if note.move in ("duck", "block") and note.t_s - t_s <= 0.25 and \
                    self.trainer.tag == "idle":
                self.trainer.play(POSES[note.move][0], t_s)

    def popup_xy(self, event: DrillEvent) -> tuple[float, float]:
        return (600, 200)

    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        surface.blit(art("gym"), (0, 0))
        fonts = self.app.fonts
        show = [n for n in self.rules.upcoming(t_s, ahead_s=SHOW_S)]
        note = show[0] if show else None
        self.trainer.idle_tag = "idle"
        if note is not None and POSES[note.move][1] is not None:
            self.trainer.idle_tag = POSES[note.move][0]
            if self.trainer.tag in ("idle", "guard_high", "guard_low"):
                self.trainer.tag = POSES[note.move][0]
        self.boxer.draw(surface, self.boxer_x, self.feet_y, t_s)
        self.trainer.draw(surface, self.trainer_x, self.feet_y, t_s)
        if note is not None:
            _pose, offset, angle = POSES[note.move]
            if offset is not None:
                mitt = rotated("mitt", angle) if angle else art("mitt")
                pos = (self.trainer_x + offset[0], self.feet_y + offset[1])
                surface.blit(mitt, mitt.get_rect(center=(int(pos[0]), int(pos[1]))))
        for n in self.rules.upcoming(t_s, ahead_s=CALL_S):
            if n.called:
                self._bubble(surface, CALL_WORDS[n.move], t_s, n.t_s)
                break
        if self.in_play:  # beside the card its end showed, cut: "ERY MOVE"
            level = "HE CALLS EVERY MOVE"
            p = self.rules.drill.params
            if self.rules.streak >= int(p["call_some_until"]):
                level = "HE SAYS NOTHING: READ THE MITTS"
            elif self.rules.streak >= int(p["call_all_until"]):
                level = "HE CALLS SOME: WATCH THE MITTS"
            back = pygame.Rect((0, 0), fonts.display(34).size(level)).inflate(24, 8)
            back.topright = (1252, 100)
            dim(surface, 190, back, (8, 8, 14))  # gold on the bright window did not read
            blit_text(surface, fonts.display(34), level, (1240, 104), C.GOLD, "topright",
                      shadow=2)
            hud.note_lane(surface, fonts, self.rules, t_s, self.app.settings, hide_uncalled=True)
        hud.count_in(surface, fonts, self.rules, t_s)

    def _bubble(self, surface: pygame.Surface, word: str, t_s: float, beat_s: float) -> None:
        fonts = self.app.fonts
        text = fonts.display(64).render(word, True, C.NIGHT)
        box = text.get_rect().inflate(40, 16)
        box.midbottom = (int(self.trainer_x + 40), 250)
        pygame.draw.rect(surface, C.CREAM, box, border_radius=14)
        pygame.draw.polygon(surface, C.CREAM, [(box.centerx - 10, box.bottom - 2),
                                               (box.centerx + 14, box.bottom - 2),
                                               (box.centerx - 4, box.bottom + 22)])
        surface.blit(text, text.get_rect(center=(box.centerx, box.centery + 3)))
