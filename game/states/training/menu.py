"""The Training menu: pick a drill, the fighter and his age; each drill shows its best score."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.combat import list_fighters, load_fighter
from game.input.actions import Action, ActionEvent
from game.render.sprites import load_sheet
from game.states.base import Scene
from game.states.training.art import art
from game.states.training.cards import PLACE_NAMES
from game.training import list_drills, load_drill
from game.training.best import load_best
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints, slab, wrap

if TYPE_CHECKING:
    from game.app import App

MIN_AGE, MAX_AGE = 20, 65
ROW_PX = 56  # the most a drill's row takes; more drills share LIST_H_PX
LIST_Y = 134
LIST_H_PX = 430  # the list, above the fighter and age rows and the hints
# solid, as the card is: the gym's windows, poster and floor line ran through the drill names
LIST_PANEL = pygame.Rect(48, 124, 592, 542)


NO_BEST = "no best yet"


def best_label(best: int | None, selected: bool) -> tuple[str, tuple[int, int, int]]:
    """A drill row's best score, or words for none (a bare "-" read as a placeholder left
    in); dim, and light enough to read on the selected row's red (gold on it was faint too)."""
    if best is not None:
        return f"{best:,}", C.CREAM if selected else C.GOLD
    return NO_BEST, C.CREAM if selected else C.TEXT_DIM


class TrainingMenuScene(Scene):
    def __init__(self, fighter_id: str = "rocky", age: int | None = None) -> None:
        super().__init__()
        self.drills = list_drills()
        self.fighters = list_fighters()
        self.fighter_id = fighter_id if fighter_id in self.fighters else self.fighters[0]
        self.age = age if age is not None else self._story_age(self.fighter_id)
        self.rows = [*self.drills, "fighter", "age"]
        self.selected = 0
        self.ticks = 0
        self.best: Any = None

    @staticmethod
    def _story_age(fighter_id: str) -> int:
        return min(MAX_AGE, max(MIN_AGE, load_fighter(fighter_id).story_age))

    def enter(self, app: App) -> None:
        super().enter(app)
        self._load_best()

    def uncover(self) -> None:
        self._load_best()  # a drill may have set a new best
        assert self.app is not None
        self.app.audio.play_music("menu")

    def _load_best(self) -> None:
        assert self.app is not None
        self.best, message = load_best()
        if message:
            self.app.toast(message, seconds=8)

    def select_drill(self, drill_id: str) -> None:
        """Put the highlight on a drill (back from it, the player finds his place)."""
        if drill_id in self.drills:
            self.selected = self.drills.index(drill_id)

    @property
    def row(self) -> str:
        return self.rows[self.selected]

    def handle(self, item: Any) -> None:
        assert self.app is not None
        app = self.app
        if isinstance(item, ActionEvent):
            if not item.pressed:
                return
            a = item.action
            if a in (Action.UP, Action.DOWN):
                self.selected = (self.selected + (1 if a is Action.DOWN else -1)) % len(self.rows)
                app.audio.play("ui_move")
            elif a in (Action.LEFT, Action.RIGHT):
                self._change(1 if a is Action.RIGHT else -1, item.repeat)
            elif a is Action.CONFIRM and not item.repeat:
                if self.row in self.drills:
                    app.audio.play("ui_confirm")
                    app.stack.push("drill", drill_id=self.row, fighter_id=self.fighter_id,
                                   age=self.age)
                else:
                    self._change(1, False)
            elif a is Action.BACK and not item.repeat:
                app.audio.play("ui_back")
                if len(app.stack) > 1:
                    app.stack.pop()
                else:  # opened straight from the command line: back goes to the main menu
                    app.stack.replace("menu")
        elif getattr(item, "type", None) == pygame.MOUSEBUTTONDOWN and item.button == 1:
            for i in range(len(self.drills)):
                if self._row_rect(i).collidepoint(item.pos):
                    self.selected = i
                    self.handle(ActionEvent(Action.CONFIRM, 0, True, "mouse"))

    def _change(self, delta: int, repeat: bool) -> None:
        assert self.app is not None
        row = self.row
        if row in self.drills:
            # left/right on a drill changes the fighter: the quickest way to compare bests
            row = "fighter"
        if row == "fighter":
            if repeat:
                return
            i = (self.fighters.index(self.fighter_id) + delta) % len(self.fighters)
            self.fighter_id = self.fighters[i]
            self.age = self._story_age(self.fighter_id)
        else:
            self.age = max(MIN_AGE, min(MAX_AGE, self.age + delta))
        self.app.audio.play("ui_move")

    def update(self, tick: int) -> None:
        self.ticks += 1

    @property
    def row_px(self) -> int:
        return min(ROW_PX, LIST_H_PX // max(1, len(self.drills)))

    def _row_rect(self, i: int) -> pygame.Rect:
        return pygame.Rect(60, LIST_Y + i * self.row_px, 560, self.row_px - 6)

    def _setting_rect(self, j: int) -> pygame.Rect:
        """The fighter (0) and age (1) rows under the drills."""
        y = LIST_Y + len(self.drills) * self.row_px + 10
        return pygame.Rect(60, y + j * 48, 560, 44)

    def control_rects(self) -> list[pygame.Rect]:
        """Every drill row and the fighter and age rows: the app's toasts keep off them."""
        return [self._row_rect(i) for i in range(len(self.drills))] + [
            self._setting_rect(j) for j in (0, 1)]

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        surface.blit(art("gym"), (0, 0))
        dim(surface, 150)
        blit_text(surface, fonts.display(64), "TRAINING", (64, 40), C.GOLD, shadow=3)
        pygame.draw.rect(surface, C.RED, (66, 108, 64, 5))
        surface.fill((10, 10, 16), LIST_PANEL)
        pygame.draw.rect(surface, C.GOLD, (LIST_PANEL.x, LIST_PANEL.y, LIST_PANEL.w, 4))
        fighter = load_fighter(self.fighter_id)
        for i, drill_id in enumerate(self.drills):
            d = load_drill(drill_id)
            rect = self._row_rect(i)
            on = i == self.selected
            if on:
                slab(surface, rect, C.RED)
            blit_text(surface, fonts.display(min(40, self.row_px - 10)), d.name.upper(),
                      (rect.x + 24 + (14 if on else 0),
                      rect.centery + 3), C.CREAM if on else C.TEXT, "midleft")
            best = self.best.get(drill_id, self.fighter_id) if self.best else None
            text, colour = best_label(best, on)
            blit_text(surface, fonts.bold(18), text, (rect.right - 10, rect.centery), colour,
                      "midright")
        for j, (key, label, value) in enumerate((("fighter", "FIGHTER", fighter.name.upper()),
                                                 ("age", "AGE", str(self.age)))):
            rect = self._setting_rect(j)
            on = self.row == key
            if on:
                slab(surface, rect, C.RED_DARK)
            blit_text(surface, fonts.bold(18), label, (rect.x + 24, rect.centery), C.TEXT_DIM,
                      "midleft")
            blit_text(surface, fonts.display(40), f"<  {value}  >", (rect.right - 10,
                      rect.centery + 3), C.CREAM if on else C.TEXT, "midright")
        self._card(surface, fighter)
        draw_hints(surface, fonts, [("UPDOWN", "Choose"), ("LEFTRIGHT", "Fighter / age"),
                                    ("ENTER / F", "Train"), ("ESC", "Back")])

    def _card(self, surface: pygame.Surface, fighter: Any) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        drill_id = self.row if self.row in self.drills else self.drills[0]
        d = load_drill(drill_id)
        card = pygame.Rect(680, 130, 540, 520)
        surface.fill((10, 10, 16), card)  # solid: the gym's ring ropes read through a dim one
        pygame.draw.rect(surface, C.GOLD, (card.x, card.y, card.w, 4))
        blit_text(surface, fonts.bold(16), PLACE_NAMES.get(d.place, d.place.upper()),
                  (card.x + 26, card.y + 20), C.GOLD)
        blit_text(surface, fonts.display(52), d.name.upper(), (card.x + 26, card.y + 40), C.CREAM)
        y = card.y + 104
        for line in wrap(fonts.body(20), d.blurb, card.w - 52)[:5]:
            blit_text(surface, fonts.body(20), line, (card.x + 26, y), C.TEXT)
            y += 27
        raises = ", ".join(a.replace("_", " ").upper() for a in d.attributes)
        blit_text(surface, fonts.bold(16), f"BUILDS  {raises}", (card.x + 26, y + 10), C.GREEN)
        # the fighter who will do it, at his age
        sheet = load_sheet(fighter.fighter_id, self.age)
        image, (ax, ay) = sheet.frame("idle", 1, ticks=self.ticks)
        image = pygame.transform.smoothscale_by(image, 0.8)
        feet = (card.x + 130, card.bottom - 20)
        surface.blit(image, (feet[0] - int(ax * 0.8), feet[1] - int(ay * 0.8)))
        stats = fighter.at_age(self.age).ratings
        sx, sy = card.x + 270, card.bottom - 190
        blit_text(surface, fonts.display(34), f"{fighter.name.upper()}, {self.age}", (sx, sy - 44),
                  C.CREAM)
        for i, attr in enumerate(d.attributes[:4]):
            v = stats[attr]
            blit_text(surface, fonts.bold(15), attr.replace("_", " ").upper(), (sx, sy + i * 40),
                      C.TEXT_DIM)
            pygame.draw.rect(surface, (40, 40, 52), (sx, sy + 18 + i * 40, 230, 12))
            pygame.draw.rect(surface, C.GOLD, (sx, sy + 18 + i * 40, int(230 * v / 100), 12))
            blit_text(surface, fonts.bold(15), str(v), (sx + 240, sy + 14 + i * 40), C.CREAM)
