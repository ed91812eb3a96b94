"""The ring introduction: the arena, both men in their corners, and the tale of the tape.

Cards slide in one after the other; confirm skips ahead, and the fight starts by itself after a
few seconds. The picture is the real ring renderer on the bout's opening position.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame

from game.bout.setup import BoutSetup
from game.input.actions import Action, ActionEvent
from game.render.hud import CORNER_COLORS, CORNER_NAMES
from game.states.base import Scene
from game.states.versus.common import audio_call
from game.states.versus.data import confirm_keys, load_versus_text
from game.ui.colours import DIM, GOLD, WHITE
from game.ui.text import shade, shared_text

SHOW_TICKS = 60 * 7
CARD_IN_TICKS = (50, 110)  # when each corner's card starts to slide in
FACT_LABEL_PX = 84  # a fact's value starts this far right of its label
FACT_COLUMN_PX = 230  # where the right-hand column of facts starts, at least
FACT_GAP_PX = 22  # the least room between a left-hand value and the right-hand label
FACT_ROW_PX = 36
FACT_LABEL_SIZE, FACT_VALUE_SIZE = 15, 28


def fact_positions(
    rect: pygame.Rect, value_widths_px: list[int]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where each fact's label and value go on a card: two columns, the right one pushed
    further right when a left value is wide (a long record) so it never runs into its label."""
    left_w = max([w for i, w in enumerate(value_widths_px) if i % 2 == 0], default=0)
    column = max(FACT_COLUMN_PX, FACT_LABEL_PX + left_w + FACT_GAP_PX)
    out = []
    for i in range(len(value_widths_px)):
        cx = rect.x + 22 + (i % 2) * column
        cy = rect.y + 136 + (i // 2) * FACT_ROW_PX
        out.append(((cx, cy + 6), (cx + FACT_LABEL_PX, cy)))
    return out


class VersusIntroScene(Scene):
    pausable = True
    back_pauses = False  # Back returns to the select screen

    def __init__(self, setup: BoutSetup | None = None, hold: bool = False) -> None:
        super().__init__()
        self.setup = setup or BoutSetup()
        self.ticks = 0
        self.hold = hold  # screenshots / tests: never leave by itself
        self.renderer: Any = None
        self.view: Any = None

    def enter(self, app: Any) -> None:
        super().enter(app)
        from game.combat import load_fighter, new_bout, view
        from game.render.fight import RingRenderer

        s = self.setup
        state = new_bout(s.stats(0), s.stats(1), s.rules(), np.array([s.seed], dtype=np.uint64))
        self.view = view(state)
        self.defs = (load_fighter(s.sides[0].fighter_id), load_fighter(s.sides[1].fighter_id))
        self.renderer = RingRenderer(
            (s.sides[0].fighter_id, s.sides[1].fighter_id),
            (s.sides[0].age, s.sides[1].age),
            s.names(),
            (s.sides[0].tag, s.sides[1].tag),
            seed=s.seed,
        )
        self.renderer.show_hud = False
        self.renderer.arena.cheer(0.8)
        self.text = load_versus_text()
        audio_call(app, "play_music", "intro", False)
        audio_call(app, "crowd", 0.6)

    def handle(self, item: Any) -> None:
        pressed = isinstance(item, ActionEvent) and item.pressed and not item.repeat
        if pressed and item.action is Action.BACK:
            assert self.app is not None
            self.app.stack.replace("versus_select", setup=self.setup)
        elif (pressed and item.action is Action.CONFIRM) or getattr(
            item, "type", None
        ) == pygame.MOUSEBUTTONDOWN:
            if self.ticks < CARD_IN_TICKS[1] + 30:
                self.ticks = CARD_IN_TICKS[1] + 30  # show everything at once
            else:
                self.start()

    def start(self) -> None:
        assert self.app is not None
        self.app.stack.replace("ring", setup=self.setup)

    def update(self, tick: int) -> None:
        self.ticks += 1
        r = self.renderer
        # a slow pan from the red corner to the blue one while the cards come in
        L = r.layout
        t = min(1.0, self.ticks / SHOW_TICKS)
        r.camera.follow(L.centre_x_px - 140 + 280 * t, L.look_y_px, 1.0)
        r.step(self.view)
        if self.ticks % 50 == 0:
            r.arena.cheer(0.7)
        if not self.hold and self.ticks >= SHOW_TICKS:
            self.start()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        self.renderer.draw(surface, self.view, self.view, alpha)
        tc = shared_text()
        s = self.setup
        surface.blit(shade((1280, 150), (0, 0, 0, 170)), (0, 0))
        tc.blit(
            surface,
            "TONIGHT'S MAIN EVENT",
            24,
            (640, 16),
            GOLD,
            anchor="midtop",
            kind="bold",
            shadow=None,
        )
        rules = "CLASSIC RULES" if s.preset == "classic" else "UNIFIED RULES"
        tc.blit(
            surface,
            f"{s.rounds} ROUND{'S' if s.rounds > 1 else ''} OF BOXING",
            72,
            (640, 44),
            WHITE,
            anchor="midtop",
        )
        tc.blit(
            surface,
            f"{rules}  \u00b7  HEAVYWEIGHT",
            18,
            (640, 122),
            DIM,
            anchor="midtop",
            kind="bold",
            shadow=None,
        )
        for side in (0, 1):
            k = min(1.0, max(0.0, (self.ticks - CARD_IN_TICKS[side]) / 24))
            if k <= 0:
                continue
            k = 1 - (1 - k) ** 3
            self._card(surface, side, k)
        if self.ticks > CARD_IN_TICKS[1] + 24:
            pop = min(1.0, (self.ticks - CARD_IN_TICKS[1] - 24) / 10)
            tc.blit(
                surface,
                "VS",
                60 + int(60 * pop) // 6 * 6,
                (640, 430),
                GOLD,
                anchor="center",
                shadow=(90, 0, 0),
            )
            if (self.ticks // 24) % 2 == 0:
                tc.blit(
                    surface,
                    f"PRESS {confirm_keys(self.app)} TO FIGHT",
                    30,
                    (640, 690),
                    WHITE,
                    anchor="center",
                )

    def _controls(self, surface: pygame.Surface, side: int, rect: pygame.Rect) -> None:
        """The human's keys under his card, read from his bindings."""
        lines = self.control_lines(side)
        if lines is None:
            return
        tc = shared_text()
        box = pygame.Rect(rect.x, rect.bottom + 8, rect.w, 58)
        surface.blit(shade(box.size, (10, 10, 18, 215)), box)
        for i, line in enumerate(lines):
            tc.blit(
                surface, line, 15, (box.x + 14, box.y + 8 + 22 * i), WHITE, kind="bold", shadow=None
            )

    def control_lines(self, side: int) -> tuple[str, str] | None:
        """The two lines of a human side's keys (None for the CPU)."""
        player = self.setup.sides[side].player
        settings = getattr(self.app, "settings", None)
        maps = getattr(settings, "bindings", None) or []
        if player is None or player >= len(maps):
            return None
        km = maps[player]

        def key(action: str) -> str:
            keys = km.get(action) or ["-"]
            name = str(keys[0]).upper()
            # a one-symbol key in brackets: "DODGE /" read as a separator, "DODGE [/]" as a key
            return f"[{name}]" if len(name) == 1 and not name.isalnum() else name

        lines = (
            (
                f"MOVE {key('left')} {key('right')}   JAB {key('jab')}   CROSS {key('cross')}   "
                f"HOOK {key('hook')}   UPPER {key('uppercut')}"
            ),
            f"GUARD {key('guard')}   DODGE {key('dodge')}   {key('down')} + PUNCH = BODY",
        )
        return lines

    def facts(self, side: int) -> list[tuple[str, str]]:
        """The tale of the tape, (label, value) in reading order, two to a row."""
        d = self.defs[side]
        s = self.setup.sides[side]
        return [
            ("RECORD", self.text.record(d.fighter_id)),
            ("AGE", str(s.age)),
            ("WEIGHT", f"{d.weight_kg} KG"),
            ("STANCE", d.stance.upper()),
            ("STYLE", d.style.upper()),
            ("CONTROL", s.tag),
        ]

    def _card(self, surface: pygame.Surface, side: int, k: float) -> None:
        tc = shared_text()
        d = self.defs[side]
        w, h = 470, 250
        x_final = 40 if side == 0 else 1280 - 40 - w
        x_start = -w - 20 if side == 0 else 1300
        x = round(x_start + (x_final - x_start) * k)
        rect = pygame.Rect(x, 300, w, h)
        surface.blit(shade(rect.size, (10, 10, 18, 215)), rect)
        pygame.draw.rect(surface, CORNER_COLORS[side], (rect.x, rect.y, rect.w, 6))
        tc.blit(
            surface,
            f"IN THE {CORNER_NAMES[side]}",
            16,
            (rect.x + 22, rect.y + 16),
            CORNER_COLORS[side],
            kind="bold",
            shadow=None,
        )
        tc.blit(surface, d.name.upper(), 58, (rect.x + 20, rect.y + 36), WHITE)
        tc.blit(
            surface,
            f"\u201c{d.nickname}\u201d",
            20,
            (rect.x + 22, rect.y + 98),
            GOLD,
            kind="bold",
            shadow=None,
        )
        facts = self.facts(side)
        widths = [tc.render(value, FACT_VALUE_SIZE, WHITE).get_width() for _, value in facts]
        for (label, value), (label_xy, value_xy) in zip(
            facts, fact_positions(rect, widths), strict=True
        ):
            tc.blit(surface, label, FACT_LABEL_SIZE, label_xy, DIM, kind="bold", shadow=None)
            tc.blit(surface, value, FACT_VALUE_SIZE, value_xy, WHITE)
        if k >= 1.0:
            self._controls(surface, side, rect)
