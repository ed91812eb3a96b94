"""Fighter select for Versus: both corners, an age slider 20-65 with a live stats card, who
controls each side, and the rules. Keys, pads (each player moves his own cursor) and the mouse
(click arrows, drag the slider) all work."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from game.bout.setup import CLOCK_SPEEDS, MAX_AGE, MIN_AGE, BoutSetup, SideSetup
from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.versus.common import audio_call, new_backdrop
from game.states.versus.select_draw import SelectPainter
from game.ui.pickers import RowMouse, age_at

CONTROL_CHOICES = (
    ("human1", "medium"),
    ("human2", "medium"),
    ("cpu", "easy"),
    ("cpu", "medium"),
    ("cpu", "hard"),
)
ROWS = (
    "fighter0",
    "age0",
    "control0",
    "fighter1",
    "age1",
    "control1",
    "rounds",
    "clock",
    "preset",
    "fight",
)


class VersusSelectScene(Scene):
    def __init__(self, setup: BoutSetup | None = None) -> None:
        super().__init__()
        from game.combat import list_fighters

        self.fighters = list_fighters()
        self._fresh = setup is None  # a fresh screen takes the clock from the settings
        self.setup = setup or BoutSetup()
        for s in self.setup.sides:
            if s.fighter_id not in self.fighters:
                self.setup = BoutSetup()
        self.focus = [0, 3]  # row per player: player 2 drives the blue corner
        self.painter = SelectPainter(self)
        self.mouse = RowMouse()
        self.ticks = 0
        self._stats_cache: dict[tuple[str, int], Any] = {}
        self.arena: Any = None

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.arena = new_backdrop(7)
        if self._fresh and getattr(getattr(app, "settings", None), "real_time_clock", False):
            self.setup = replace(self.setup, clock_speed=1)
        audio_call(self.app, "play_music", "menu")

    def _sound(self, name: str) -> None:
        audio_call(self.app, "play", name)

    # where the last frame drew each row, arrow and age slider (for the mouse)
    @property
    def rects(self) -> dict[str, pygame.Rect]:
        return self.painter.rects

    @property
    def arrows(self) -> dict[tuple[str, int], pygame.Rect]:
        return self.painter.arrows

    @property
    def sliders(self) -> dict[int, pygame.Rect]:
        return self.painter.sliders

    def control_rects(self) -> list[pygame.Rect]:
        return [*self.rects.values(), *self.arrows.values(), *self.sliders.values()]

    def focused(self, row: str) -> bool:
        if self.one_cursor():
            return ROWS.index(row) == self.focus[0]
        return ROWS.index(row) in self.focus

    def cursor_colour(self, row: str) -> tuple[int, int, int] | None:
        """With two cursors, each in his corner's colour (red for player 1, blue for player 2),
        so two players can tell whose is whose; None (the usual gold) for one cursor or both."""
        if self.one_cursor():
            return None
        from game.ui.colours import CORNER_COLORS

        owners = [p for p in (0, 1) if self.focus[p] == ROWS.index(row)]
        return CORNER_COLORS[owners[0]] if len(owners) == 1 else None

    def one_cursor(self) -> bool:
        """With fewer than two players at the keys, both halves of the keyboard move one cursor
        over every row: a lone player who presses the arrow keys the footer shows must reach
        Fight and the rules, not only the CPU's corner."""
        return sum(s.control != "cpu" for s in self.setup.sides) < 2

    # -- model of the screen ----------------------------------------------------------------
    def side(self, i: int) -> SideSetup:
        return self.setup.sides[i]

    def _set_side(self, i: int, **kw: Any) -> None:
        sides = list(self.setup.sides)
        sides[i] = replace(sides[i], **kw)
        self.setup = replace(self.setup, sides=(sides[0], sides[1]))

    def stats(self, fighter_id: str, age: int) -> Any:
        key = (fighter_id, age)
        if key not in self._stats_cache:
            from game.combat import load_fighter

            self._stats_cache[key] = load_fighter(fighter_id).at_age(age)
        return self._stats_cache[key]

    def change(self, row: str, delta: int) -> None:
        """LEFT/RIGHT on a row."""
        s = self.setup
        if row.startswith("fighter"):
            i = int(row[-1])
            idx = (self.fighters.index(self.side(i).fighter_id) + delta) % len(self.fighters)
            from game.combat import load_fighter

            fid = self.fighters[idx]
            age = max(MIN_AGE, min(MAX_AGE, load_fighter(fid).prime_age))
            if fid == "rocky" and i == 0:
                age = 60
            self._set_side(i, fighter_id=fid, age=age)
        elif row.startswith("age"):
            i = int(row[-1])
            self._set_side(i, age=max(MIN_AGE, min(MAX_AGE, self.side(i).age + delta)))
        elif row.startswith("control"):
            i = int(row[-1])
            was_alone = self.one_cursor()
            cur = (self.side(i).control, self.side(i).difficulty)
            k = CONTROL_CHOICES.index(cur) if cur in CONTROL_CHOICES else 3
            control, diff = CONTROL_CHOICES[(k + delta) % len(CONTROL_CHOICES)]
            self._set_side(i, control=control, difficulty=diff)
            other = self.side(1 - i)
            if control != "cpu" and other.control == control:  # one pad/keys per fighter
                swap = "human2" if control == "human1" else "human1"
                self._set_side(1 - i, control=swap)
            if was_alone and not self.one_cursor():  # player 2 just joined: his cursor starts in his corner
                self.focus[1] = ROWS.index("control1")
        elif row == "rounds":
            self.setup = replace(s, rounds=(s.rounds - 1 + delta) % 12 + 1)
        elif row == "clock":
            k = CLOCK_SPEEDS.index(s.clock_speed) if s.clock_speed in CLOCK_SPEEDS else 2
            self.setup = replace(s, clock_speed=CLOCK_SPEEDS[(k + delta) % len(CLOCK_SPEEDS)])
        elif row == "preset":
            self.setup = replace(s, preset="unified" if s.preset == "classic" else "classic")
        self._sound("ui_move")

    def fight(self) -> None:
        assert self.app is not None
        self._sound("ui_confirm")
        seed = int(getattr(self.app, "seed", 1)) + self.ticks
        self.app.stack.replace("versus_intro", setup=self.setup.with_seed(seed % 2**31))

    # -- input ------------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        if isinstance(item, ActionEvent):
            if not item.pressed:
                return
            p = 1 if item.player == 1 and not self.one_cursor() else 0
            rows = ROWS if p == 0 else ROWS[3:6]
            cur = ROWS[self.focus[p]]
            a = item.action
            if a in (Action.UP, Action.DOWN):
                k = rows.index(cur) if cur in rows else 0
                k = (k + (1 if a is Action.DOWN else -1)) % len(rows)
                self.focus[p] = ROWS.index(rows[k])
                self._sound("ui_move")
            elif a in (Action.LEFT, Action.RIGHT):
                if cur != "fight":
                    self.change(cur, 1 if a is Action.RIGHT else -1)
            elif a is Action.CONFIRM and not item.repeat:
                # Any player's confirm does what the footer says: Fight. (Enter is player 2's
                # confirm; with a CPU in the blue corner nobody else would answer it.)
                self.fight()
            elif a is Action.BACK and not item.repeat:
                assert self.app is not None
                self._sound("ui_back")
                self.app.stack.pop()
            return
        hit = self.mouse.handle(item, self.sliders, self.arrows, self.rects)
        if hit is None:
            return
        kind, arg = hit
        if kind == "slide":
            self._slide(*arg)
        elif kind == "wheel":
            self.change(ROWS[self.focus[0]], arg)
        else:
            row, delta = arg if kind == "arrow" else (arg, 0)
            self.focus[0] = ROWS.index(row)
            if kind == "arrow":
                self.change(row, delta)
            elif row == "fight":
                self.fight()
            elif row == "preset":
                self.change(row, 1)

    def _slide(self, i: int, x: int) -> None:
        age = age_at(self.sliders[i], x)
        if age != self.side(i).age:
            self._set_side(i, age=age)
            self.focus[0] = ROWS.index(f"age{i}")  # the mouse is player 1's pointer

    def update(self, tick: int) -> None:
        self.ticks += 1
        if self.arena is not None:
            self.arena.step()

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        self.painter.draw(surface)
