"""A conversation over the frozen scene: portrait, name plate, text that types out (confirm
shows it all at once, then moves on), choices with up/down."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.render.world import portrait
from game.states.base import Scene
from game.story.chapters import say
from game.story.dialogue import DialogueDef, DialogueRunner
from game.story.speakers import SpeakerDef
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints, slab, wrap

CHARS_PER_TICK = 1.4
BOX = pygame.Rect(40, 478, 1200, 200)  # the box's least size; it grows upward for choices
PORTRAIT_BOX = pygame.Rect(56, 300, 170, 170)
PAD_TOP_PX, PAD_BOTTOM_PX = 26, 24  # text inside the box
LINE_PX, CHOICE_GAP_PX, CHOICE_PX = 36, 6, 32


def page_layout(lines: int, choices: int) -> tuple[pygame.Rect, pygame.Rect, int]:
    """(box, portrait box, y of the first choice) for a page of ``lines`` wrapped lines and
    ``choices`` choices: the box keeps its bottom and grows upward until the last choice has
    the same room below it as the text above (three choices under two lines of the hearing ran
    into the box's bottom edge)."""
    choice_y = PAD_TOP_PX + LINE_PX * lines + CHOICE_GAP_PX
    need = choice_y + CHOICE_PX * choices + PAD_BOTTOM_PX if choices else 0
    box = BOX.copy()
    if need > box.h:
        box.h = need
        box.bottom = BOX.bottom
    face = PORTRAIT_BOX.move(0, box.y - BOX.y)
    return box, face, box.y + choice_y


class StoryDialogueScene(Scene):
    opaque = False

    def __init__(self, dialogue: DialogueDef, flags: set[str], speakers: dict[str, SpeakerDef],
                 on_done: Callable[[list[str]], None] | None = None) -> None:
        super().__init__()
        self.runner = DialogueRunner(dialogue, flags)
        self.speakers = speakers
        self.on_done = on_done
        self.shown_chars = 0.0
        self.selected = 0
        self.events: list[str] = []
        self._text_key: tuple[str, int, str] | None = None
        self.box = BOX  # as last drawn, and where each choice's text went (tests read them)
        self.choice_rects: list[pygame.Rect] = []

    @property
    def typing(self) -> bool:
        page = self.runner.page
        return page is not None and self.shown_chars < len(page.text)

    def enter(self, app: Any) -> None:
        super().enter(app)
        self._check_end()

    def handle(self, item: Any) -> None:
        if not isinstance(item, ActionEvent) or not item.pressed:
            return
        page = self.runner.page
        if page is None:
            return
        assert self.app is not None
        if item.action is Action.CONFIRM and not item.repeat:
            if self.typing:
                self.shown_chars = float(len(page.text))
                return
            if page.choices:
                self.runner.choose(self.selected)
            else:
                self.runner.advance()
            self.app.audio.play("ui_move")
            self._page_changed()
        elif item.action is Action.BACK and self.typing:
            self.shown_chars = float(len(page.text))
        elif page.choices and not self.typing and item.action in (Action.UP, Action.DOWN):
            step = -1 if item.action is Action.UP else 1
            self.selected = (self.selected + step) % len(page.choices)
            self.app.audio.play("ui_move")

    def _page_changed(self) -> None:
        self.shown_chars = 0.0
        self.selected = 0
        self._check_end()

    def _check_end(self) -> None:
        if self.runner.done:
            assert self.app is not None
            self.app.stack.pop()
            if self.on_done:
                self.on_done(list(self.runner.events))

    def update(self, tick: int) -> None:
        page = self.runner.page
        if page is not None and self.shown_chars < len(page.text):
            self.shown_chars = min(float(len(page.text)), self.shown_chars + CHARS_PER_TICK)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        page = self.runner.page
        if page is None:
            return
        fonts = self.app.fonts
        font = fonts.body(28)
        lines = wrap(font, page.text, BOX.w - 80)
        box, face_box, cy = page_layout(len(lines), len(page.choices))
        self.box = box
        dim(surface, 90)
        speaker = self.speakers.get(page.speaker)
        face = portrait(page.speaker) if speaker and speaker.portrait else None
        dim(surface, 255, box, (10, 10, 16))  # solid: the camp board read through the words
        pygame.draw.rect(surface, C.GOLD, (box.x, box.y, box.w, 3))
        text_x = box.x + 36
        if face is not None:
            pygame.draw.rect(surface, (22, 20, 28), face_box, border_radius=6)
            surface.blit(face, face.get_rect(midbottom=(face_box.centerx, face_box.bottom - 2)))
            pygame.draw.rect(surface, C.GOLD, face_box, 3, border_radius=6)
        name = speaker.name if speaker else page.speaker
        if name:
            plate = pygame.Rect(face_box.right + 12 if face else box.x + 20, box.y - 40,
                                fonts.bold(24).size(name)[0] + 44, 40)
            slab(surface, plate, C.RED, 12)
            blit_text(surface, fonts.bold(24), name, (plate.x + 24, plate.centery), C.CREAM,
                      "midleft")
        shown = page.text[: int(self.shown_chars)]
        y = box.y + PAD_TOP_PX
        used = 0
        for line in lines:  # wrap the whole text once so lines do not jump while typing
            part = shown[used: used + len(line)]
            used += len(line) + 1
            if part:
                blit_text(surface, font, part, (text_x, y), C.TEXT)
            y += LINE_PX
        self.choice_rects = []
        if page.choices and not self.typing:
            for i, choice in enumerate(page.choices):
                sel = i == self.selected
                colour = C.GOLD if sel else C.TEXT_DIM
                marker = "> " if sel else "   "
                self.choice_rects.append(blit_text(surface, fonts.bold(24), marker + choice.text,
                                                   (text_x + 10, cy), colour))
                cy += CHOICE_PX
        elif not self.typing and (self.app.tick // 20) % 2 == 0:
            pygame.draw.polygon(surface, C.GOLD, [(box.right - 40, box.bottom - 30),
                                                  (box.right - 24, box.bottom - 30),
                                                  (box.right - 32, box.bottom - 20)])
        hints = [("ENTER / F", say("hints.next"))]
        if page.choices and not self.typing:
            hints = [("UPDOWN", say("hints.choose")), ("ENTER / F", say("hints.select"))]
        elif self.typing:
            hints = [("ENTER / F", say("hints.skip"))]
        draw_hints(surface, fonts, hints, y=700)
