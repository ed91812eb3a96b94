"""The corner between rounds, drawn over the frozen ring: what each man got back, his numbers,
and a line from his corner. Any human's confirm (or a short wait with only CPUs) goes on.

A mode can put its own words in a corner (the story's trainer): the ring passes its
``corner_words(session) -> {side: (who, line)}`` hook here; a side it leaves out gets the
Versus advice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.render.hud import BLUISH_GREEN, ORANGE, SKY, YELLOW
from game.states.base import Scene
from game.states.versus.common import audio_call, corner_card
from game.states.versus.data import confirm_keys, load_versus_text
from game.ui.colours import DIM, WHITE
from game.ui.text import shade, shared_text

GRACE_TICKS = 45  # the jab key is also confirm: a punch mashed at the bell must not skip this
CPU_WAIT_TICKS = 300  # with no human in the fight the corner waits 5 s (a moment to look)
HUMAN_WAIT_TICKS = 60 * 30  # a human has 30 s before the referee waves them out
CORNER_LABEL = "YOUR CORNER:"


def advice_facts(view: Any, side: int, age: float, ahead: bool) -> dict[str, float | bool]:
    me, him = view.fighters[side], view.fighters[1 - side]
    acc = me.punches_landed / me.punches_thrown if me.punches_thrown else 0.5
    return {
        "me_head": me.health_head,
        "me_body": me.health_body,
        "me_stamina": me.stamina,
        "me_accuracy": acc,
        "me_age": age,
        "him_head": him.health_head,
        "him_body": him.health_body,
        "him_stamina": him.stamina,
        "me_ahead": ahead,
    }


class CornerScene(Scene):
    """Between rounds, over the frozen ring. Reads the session (never the ring scene)."""

    opaque = False
    # a lost window or a pulled pad pauses the corner as it does the fight: its countdown (and
    # so the next round) waits until the player is back
    pausable = True

    def __init__(
        self,
        session: Any,
        before: Any = None,
        after: Any = None,
        present: bool = True,
        headless_fast: bool = False,
        words: Callable[[Any], dict[int, tuple[str, str]]] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.before = before if before is not None else getattr(session, "prev_view", None)
        self.after = after if after is not None else getattr(session, "view", None)
        self.ticks = 0
        self.headless_fast = headless_fast or not present
        self.lines: tuple[str, str] = ("", "")
        self.words = words
        self.who: tuple[str, str] = (CORNER_LABEL, CORNER_LABEL)
        self.drawn: dict[int, tuple[pygame.Rect, pygame.Rect]] = {}  # (last stat line, tail)

    @property
    def humans(self) -> bool:
        return self.session is not None and self.session.setup.humans

    def enter(self, app: Any) -> None:
        super().enter(app)
        text = load_versus_text()
        totals = self.session.points() if self.session is not None else None
        lines = []
        for side in (0, 1):
            ahead = totals is not None and totals[side] > totals[1 - side]
            age = self.session.setup.sides[side].age if self.session is not None else 30
            lines.append(text.advise(advice_facts(self.after, side, age, ahead)))
        who = [CORNER_LABEL, CORNER_LABEL]
        if self.words is not None and self.session is not None:
            for side, (name, line) in self.words(self.session).items():
                who[side], lines[side] = f"{name.upper()}:", line
        self.lines = (lines[0], lines[1])
        self.who = (who[0], who[1])

    def handle(self, item: Any) -> None:
        if self.ticks < GRACE_TICKS:
            return
        if isinstance(item, ActionEvent) and item.pressed and not item.repeat:
            if item.action is Action.CONFIRM:
                self._go()
            elif item.action is Action.PAUSE:
                assert self.app is not None
                self.app.stack.push("pause")
        elif getattr(item, "type", None) == pygame.MOUSEBUTTONDOWN:
            self._go()

    def update(self, tick: int) -> None:
        self.ticks += 1
        limit = 1 if self.headless_fast else (HUMAN_WAIT_TICKS if self.humans else CPU_WAIT_TICKS)
        if self.ticks >= limit:
            self._go()

    def _go(self) -> None:
        assert self.app is not None
        if self.app.stack.top is self:
            audio_call(self.app, "play", "ui_confirm")
            self.app.stack.pop()

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        """The fight under the corner is frozen and the cards do not change, so the whole
        picture is drawn once and kept; later frames blit it and add the live countdown."""
        if self.after is None:
            return
        frozen = getattr(self, "_frozen", None)
        if frozen is None:
            self._draw_cards(surface)
            self._frozen = surface.copy()
            self.opaque = True  # from now on the frozen picture covers the ring below
        else:
            surface.blit(frozen, (0, 0))
        self._draw_countdown(surface)

    def _draw_countdown(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        v = self.after
        limit = HUMAN_WAIT_TICKS if self.humans else CPU_WAIT_TICKS
        left_s = max(0, (limit - self.ticks) // 60)
        if self.humans:
            blink = (self.ticks // 20) % 2 == 0
            tc.blit(
                surface,
                f"PRESS {confirm_keys(self.app)} TO COME OUT FOR ROUND "
                f"{min(v.round + 1, v.rounds)}",
                34,
                (640, 612),
                WHITE if blink else YELLOW,
                anchor="midtop",
            )
        tc.blit(
            surface,
            f"SECONDS OUT IN {left_s}",
            22,
            (640, 656),
            DIM,
            anchor="midtop",
            kind="bold",
            shadow=None,
        )

    def _draw_cards(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        surface.blit(shade(surface.get_size(), (6, 6, 12, 205)), (0, 0))
        surface.blit(shade((surface.get_width(), 160), (6, 6, 12, 235)), (0, 0))  # hide the HUD
        v = self.after
        tc.blit(surface, f"END OF ROUND {v.round}", 84, (640, 40), (236, 184, 72), anchor="midtop")
        nxt = (
            f"ROUND {v.round + 1} OF {v.rounds} IS NEXT"
            if v.round < v.rounds
            else "FINAL ROUND NEXT"
        )
        tc.blit(surface, nxt, 22, (640, 128), DIM, anchor="midtop", kind="bold", shadow=None)
        names = self.session.setup.names() if self.session is not None else ("Red", "Blue")
        for side in (0, 1):
            self._card(
                surface, side, pygame.Rect(40 if side == 0 else 660, 170, 580, 400), names[side]
            )

    def _card(self, surface: pygame.Surface, side: int, rect: pygame.Rect, name: str) -> None:
        tc = shared_text()
        corner_card(surface, rect, side, stripe_px=8, label_size=16, label_xy=(24, 20))
        tc.blit(surface, name.upper(), 50, (rect.x + 24, rect.y + 38), WHITE)
        b, a = self.before.fighters[side], self.after.fighters[side]
        rows = (
            ("HEAD", b.health_head, a.health_head, YELLOW),
            ("BODY", b.health_body, a.health_body, ORANGE),
            ("STAMINA", b.stamina, a.stamina, SKY),
        )
        y = rect.y + 110
        for label, before, after, col in rows:
            tc.blit(surface, label, 16, (rect.x + 24, y + 4), DIM, kind="bold", shadow=None)
            bar = pygame.Rect(rect.x + 130, y, 330, 22)
            pygame.draw.rect(surface, (50, 22, 26), bar, border_radius=3)
            lo, hi = min(before, after), max(before, after)
            pygame.draw.rect(
                surface, col, (bar.x, bar.y, round(bar.w * lo), bar.h), border_radius=3
            )
            if hi > lo:  # the part the corner gave back: green, striped
                gain = pygame.Rect(
                    bar.x + round(bar.w * lo), bar.y, round(bar.w * (hi - lo)), bar.h
                )
                pygame.draw.rect(surface, BLUISH_GREEN, gain)
                for x in range(gain.x, gain.right, 8):
                    pygame.draw.line(
                        surface,
                        (180, 240, 210),
                        (x, gain.bottom - 1),
                        (min(gain.right, x + 6), gain.y + 1),
                        2,
                    )
            pct = round(after * 100)
            gained = round((after - before) * 100)
            tc.blit(surface, f"{pct}", 26, (bar.right + 12, y - 3), WHITE)
            if gained > 0:
                tc.blit(surface, f"+{gained}", 22, (bar.right + 56, y - 1), BLUISH_GREEN)
            y += 40
        thrown, landed = a.punches_thrown, a.punches_landed
        acc = round(100 * landed / thrown) if thrown else 0
        tc.blit(
            surface,
            f"PUNCHES LANDED {landed} OF {thrown}  ({acc}%)",
            22,
            (rect.x + 24, y + 8),
            WHITE,
        )
        kd = tc.blit(surface, f"KNOCKDOWNS SUFFERED {a.knockdowns}", 22, (rect.x + 24, y + 38),
                     WHITE)
        # the corner's word, in a speech box; its tail at the right, clear of the lines above
        box = pygame.Rect(rect.x + 20, rect.bottom - 98, rect.w - 40, 80)
        pygame.draw.rect(surface, (236, 230, 214), box, border_radius=10)
        tip_x = box.right - 48
        tail = pygame.draw.polygon(
            surface,
            (236, 230, 214),
            [(tip_x, box.y - 12), (tip_x - 8, box.y + 2), (tip_x + 14, box.y + 2)],
        )
        self.drawn[side] = (kd, tail)
        tc.blit(
            surface,
            self.who[side],
            14,
            (box.x + 16, box.y + 10),
            (120, 30, 30),
            kind="bold",
            shadow=None,
        )
        words = self.lines[side].split()
        lines, line = [], ""
        # the app's fonts when there is one: the shared cache's may belong to an App that
        # has closed (tests make several), and measuring with those raises
        font = self.app.fonts.bold(19) if self.app is not None else tc.font("bold", 19)
        for w in words:
            trial = f"{line} {w}".strip()
            if font.size(trial)[0] > box.w - 32 and line:
                lines.append(line)
                line = w
            else:
                line = trial
        lines.append(line)
        for i, ln in enumerate(lines[:2]):
            tc.blit(
                surface,
                ln,
                19,
                (box.x + 16, box.y + 30 + 22 * i),
                (24, 22, 30),
                kind="bold",
                shadow=None,
            )
