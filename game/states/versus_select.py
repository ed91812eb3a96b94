"""Fighter select for Versus: both corners, an age slider 20-65 with a live stats card, who
controls each side, and the rules. Keys, pads (each player moves his own cursor) and the mouse
(click arrows, drag the slider) all work."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.render.hud import CORNER_COLORS, CORNER_NAMES, SKY, VERMILLION, YELLOW
from game.render.text import shade, shared_text
from game.states.base import Scene
from game.states.versus_config import CLOCK_SPEEDS, MAX_AGE, MIN_AGE, SideSetup, VersusSetup

WHITE = (244, 240, 232)
DIM = (150, 148, 160)
FAINT = (70, 70, 86)
GOLD = (236, 184, 72)
ATTR_LABELS = (
    ("power", "POWER"),
    ("hand_speed", "HAND SPEED"),
    ("foot_speed", "FOOT SPEED"),
    ("stamina", "STAMINA"),
    ("recovery", "RECOVERY"),
    ("chin", "CHIN"),
    ("defense", "DEFENSE"),
    ("heart", "HEART"),
)
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
PANEL_W = 600


def control_label(control: str, difficulty: str) -> str:
    if control == "cpu":
        return f"CPU  \u00b7  {difficulty.upper()}"
    return "PLAYER 1" if control == "human1" else "PLAYER 2"


def clock_label(speed: int) -> str:
    return "REAL TIME  \u00b7  3:00" if speed == 1 else f"3:00 IN {180 // speed} S"


class VersusSelectScene(Scene):
    def __init__(self, setup: VersusSetup | None = None) -> None:
        super().__init__()
        from game.combat import list_fighters

        self.fighters = list_fighters()
        self._fresh = setup is None  # a fresh screen takes the clock from the settings
        self.setup = setup or VersusSetup()
        for s in self.setup.sides:
            if s.fighter_id not in self.fighters:
                self.setup = VersusSetup()
        self.focus = [0, 3]  # row per player: player 2 drives the blue corner
        self.rects: dict[str, pygame.Rect] = {}
        self.arrows: dict[tuple[str, int], pygame.Rect] = {}
        self.sliders: dict[int, pygame.Rect] = {}
        self.dragging: int | None = None
        self.ticks = 0
        self._drawers: dict[tuple[str, int], Any] = {}
        self._stats_cache: dict[tuple[str, int], Any] = {}
        self.arena: Any = None

    def enter(self, app: Any) -> None:
        super().enter(app)
        from game.render.ring import ArenaRenderer
        from game.world.ring_layout import load_ring_layout

        self.arena = ArenaRenderer(load_ring_layout(), 7)
        if self._fresh and getattr(getattr(app, "settings", None), "real_time_clock", False):
            self.setup = replace(self.setup, clock_speed=1)
        self._audio_music()

    def _audio_music(self) -> None:
        audio = getattr(self.app, "audio", None)
        if audio is not None:
            try:
                audio.play_music("menu")
            except Exception:
                pass

    def _sound(self, name: str) -> None:
        audio = getattr(self.app, "audio", None)
        if audio is not None:
            try:
                audio.play(name)
            except Exception:
                pass

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
            cur = (self.side(i).control, self.side(i).difficulty)
            k = CONTROL_CHOICES.index(cur) if cur in CONTROL_CHOICES else 3
            control, diff = CONTROL_CHOICES[(k + delta) % len(CONTROL_CHOICES)]
            self._set_side(i, control=control, difficulty=diff)
            other = self.side(1 - i)
            if control != "cpu" and other.control == control:  # one pad/keys per fighter
                swap = "human2" if control == "human1" else "human1"
                self._set_side(1 - i, control=swap)
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
            p = 1 if item.player == 1 else 0
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
                if cur == "fight":
                    self.fight()
                elif p == 0:
                    self.focus[0] = ROWS.index("fight")
                    self._sound("ui_move")
            elif a is Action.BACK and not item.repeat:
                assert self.app is not None
                self._sound("ui_back")
                self.app.stack.pop()
            return
        t = getattr(item, "type", None)
        if t == pygame.MOUSEBUTTONDOWN and item.button == 1:
            for i, r in self.sliders.items():
                if r.inflate(0, 24).collidepoint(item.pos):
                    self.dragging = i
                    self._slide(i, item.pos[0])
                    return
            for (row, delta), r in self.arrows.items():
                if r.collidepoint(item.pos):
                    self.focus[0] = ROWS.index(row)
                    self.change(row, delta)
                    return
            for row, r in self.rects.items():
                if r.collidepoint(item.pos):
                    self.focus[0] = ROWS.index(row)
                    if row == "fight":
                        self.fight()
                    elif row == "preset":
                        self.change(row, 1)
                    return
        elif t == pygame.MOUSEBUTTONUP:
            self.dragging = None
        elif t == pygame.MOUSEMOTION and self.dragging is not None:
            self._slide(self.dragging, item.pos[0])
        elif t == pygame.MOUSEWHEEL:
            self.change(ROWS[self.focus[0]], item.y)

    def _slide(self, i: int, x: int) -> None:
        r = self.sliders[i]
        t = max(0.0, min(1.0, (x - r.x) / r.w))
        age = round(MIN_AGE + t * (MAX_AGE - MIN_AGE))
        if age != self.side(i).age:
            self._set_side(i, age=age)
            self.focus[0 if i == 0 else 0] = ROWS.index(f"age{i}")

    def update(self, tick: int) -> None:
        self.ticks += 1
        if self.arena is not None:
            self.arena.step()

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        tc = shared_text()
        if self.arena is not None:
            L = self.arena.layout
            self.arena.draw_back(surface, int(L.centre_x_px - 640), int(L.look_y_px - 360))
        surface.blit(shade(surface.get_size(), (6, 6, 12, 232)), (0, 0))
        tc.blit(surface, "VERSUS", 64, (40, 8), GOLD)
        tc.blit(
            surface,
            "PICK YOUR FIGHTERS, THEIR AGES AND THE RULES",
            18,
            (210, 36),
            DIM,
            kind="bold",
            shadow=None,
        )
        self.rects, self.arrows, self.sliders = {}, {}, {}
        for i in (0, 1):
            self._panel(
                surface, i, pygame.Rect(24 if i == 0 else 1280 - 24 - PANEL_W, 82, PANEL_W, 500)
            )
        self._rules(surface)
        fonts = getattr(self.app, "fonts", None)
        if fonts is not None:
            from game.ui.widgets import draw_hints

            draw_hints(
                surface,
                fonts,
                [
                    ("UPDOWN", "Choose"),
                    ("LEFTRIGHT", "Change"),
                    ("ENTER", "Fight"),
                    ("ESC", "Back"),
                    ("MOUSE", "Click arrows, drag the age"),
                ],
                y=700,
            )

    def _focused(self, row: str) -> bool:
        return ROWS.index(row) in self.focus

    def _row_box(self, surface: pygame.Surface, row: str, rect: pygame.Rect) -> None:
        self.rects[row] = rect
        if self._focused(row):
            pulse = 120 + int(60 * abs(((self.ticks % 60) / 30) - 1))
            pygame.draw.rect(surface, (60, 40, 20), rect, border_radius=8)
            pygame.draw.rect(surface, (*GOLD[:2], pulse), rect, 2, border_radius=8)

    def _arrows(self, surface: pygame.Surface, row: str, rect: pygame.Rect) -> None:
        for delta, x in ((-1, rect.x + 16), (1, rect.right - 16)):
            r = pygame.Rect(0, 0, 26, 30)
            r.center = (x, rect.centery)
            self.arrows[(row, delta)] = r
            col = GOLD if self._focused(row) else FAINT
            cx, cy = r.center
            pts = [(cx - 6 * delta, cy - 9), (cx + 7 * delta, cy), (cx - 6 * delta, cy + 9)]
            pygame.draw.polygon(surface, col, pts)

    def _panel(self, surface: pygame.Surface, i: int, rect: pygame.Rect) -> None:
        from game.combat import load_fighter

        tc = shared_text()
        s = self.side(i)
        d = load_fighter(s.fighter_id)
        st = self.stats(s.fighter_id, s.age)
        pygame.draw.rect(surface, (14, 14, 22), rect, border_radius=12)
        pygame.draw.rect(
            surface,
            CORNER_COLORS[i],
            (rect.x, rect.y, rect.w, 6),
            border_top_left_radius=12,
            border_top_right_radius=12,
        )
        tc.blit(
            surface,
            CORNER_NAMES[i],
            15,
            (rect.x + 20, rect.y + 16),
            CORNER_COLORS[i],
            kind="bold",
            shadow=None,
        )
        # portrait with a spotlight
        port = pygame.Rect(rect.x + 16, rect.y + 110, 210, 280)
        surface.blit(self._spotlight(port.size), port)
        self._drawer(s.fighter_id, s.age).draw(
            surface, _IdleView(1 if i == 0 else -1, self.ticks), port.centerx, port.bottom - 14
        )
        # fighter row: name with arrows
        name_row = pygame.Rect(rect.x + 10, rect.y + 34, rect.w - 20, 50)
        self._row_box(surface, f"fighter{i}", name_row)
        self._arrows(surface, f"fighter{i}", name_row)
        tc.blit(surface, d.name.upper(), 48, (name_row.x + 40, name_row.y + 2), WHITE)
        tc.blit(
            surface,
            f"\u201c{d.nickname}\u201d  \u00b7  {d.style.upper()}  \u00b7  {d.stance.upper()}",
            15,
            (name_row.x + 42, name_row.bottom + 4),
            GOLD,
            kind="bold",
            shadow=None,
        )
        # stats card
        card = pygame.Rect(rect.x + 262, rect.y + 112, rect.w - 278, 276)
        for k, (attr, label) in enumerate(ATTR_LABELS):
            y = card.y + k * 34
            value = int(st.ratings[attr])
            prime = int(d.attributes[attr])
            tc.blit(surface, label, 14, (card.x, y + 4), DIM, kind="bold", shadow=None)
            bar = pygame.Rect(card.x + 104, y + 4, card.w - 150, 16)
            pygame.draw.rect(surface, (40, 40, 52), bar, border_radius=3)
            lost = pygame.Rect(bar.x, bar.y, round(bar.w * prime / 100), bar.h)
            pygame.draw.rect(surface, (90, 40, 36), lost, border_radius=3)
            for x in range(lost.x, lost.right, 6):  # hatched: what the years took
                pygame.draw.line(
                    surface,
                    (130, 60, 50),
                    (x, lost.bottom - 1),
                    (min(lost.right - 1, x + 5), lost.y),
                    1,
                )
            col = SKY if value >= 80 else (YELLOW if value >= 60 else VERMILLION)
            pygame.draw.rect(
                surface, col, (bar.x, bar.y, round(bar.w * value / 100), bar.h), border_radius=3
            )
            mx = bar.x + round(bar.w * prime / 100)
            pygame.draw.line(surface, WHITE, (mx, bar.y - 3), (mx, bar.bottom + 2), 2)
            tc.blit(surface, str(value), 26, (card.right, y - 2), WHITE, anchor="topright")
        tc.blit(
            surface,
            f"PRIME AT {d.prime_age}  \u00b7  MARK: PRIME  \u00b7  HATCH: LOST TO AGE",
            12,
            (card.x, card.bottom - 4),
            DIM,
            kind="bold",
            shadow=None,
        )
        # age slider
        age_row = pygame.Rect(rect.x + 10, rect.y + 396, rect.w - 20, 48)
        self._row_box(surface, f"age{i}", age_row)
        tc.blit(surface, "AGE", 16, (age_row.x + 14, age_row.y + 15), DIM, kind="bold", shadow=None)
        tc.blit(surface, str(s.age), 40, (age_row.x + 56, age_row.y + 4), WHITE)
        track = pygame.Rect(age_row.x + 120, age_row.centery - 4, age_row.w - 150, 8)
        self.sliders[i] = track
        pygame.draw.rect(surface, (50, 50, 64), track, border_radius=4)
        t = (s.age - MIN_AGE) / (MAX_AGE - MIN_AGE)
        pygame.draw.rect(
            surface,
            CORNER_COLORS[i],
            (track.x, track.y, round(track.w * t), track.h),
            border_radius=4,
        )
        for a in range(MIN_AGE, MAX_AGE + 1, 5):
            x = track.x + round(track.w * (a - MIN_AGE) / (MAX_AGE - MIN_AGE))
            pygame.draw.line(surface, FAINT, (x, track.bottom + 3), (x, track.bottom + 7), 1)
        px = track.x + round(track.w * (d.prime_age - MIN_AGE) / (MAX_AGE - MIN_AGE))
        if MIN_AGE <= d.prime_age <= MAX_AGE:
            pygame.draw.line(surface, GOLD, (px, track.y - 6), (px, track.y - 1), 2)
        knob = (track.x + round(track.w * t), track.centery)
        pygame.draw.circle(surface, WHITE, knob, 11)
        pygame.draw.circle(surface, CORNER_COLORS[i], knob, 7)
        # controller
        ctl_row = pygame.Rect(rect.x + 10, rect.y + 446, rect.w - 20, 46)
        self._row_box(surface, f"control{i}", ctl_row)
        self._arrows(surface, f"control{i}", ctl_row)
        tc.blit(
            surface, "CONTROL", 16, (ctl_row.x + 40, ctl_row.y + 14), DIM, kind="bold", shadow=None
        )
        tc.blit(
            surface,
            control_label(s.control, s.difficulty),
            34,
            (ctl_row.centerx + 40, ctl_row.centery + 2),
            WHITE,
            anchor="center",
        )

    def _rules(self, surface: pygame.Surface) -> None:
        tc = shared_text()
        s = self.setup
        y = 596
        items = (
            ("rounds", "ROUNDS", str(s.rounds), 210),
            ("clock", "CLOCK", clock_label(s.clock_speed), 300),
            (
                "preset",
                "RULES",
                "CLASSIC (3 KD, BELL)" if s.preset == "classic" else "UNIFIED",
                300,
            ),
        )
        x = 24
        for row, label, value, w in items:
            r = pygame.Rect(x, y, w, 76)
            pygame.draw.rect(surface, (14, 14, 22), r, border_radius=10)
            self._row_box(surface, row, r)
            self._arrows(surface, row, r)
            tc.blit(
                surface,
                label,
                14,
                (r.centerx, r.y + 8),
                DIM,
                anchor="midtop",
                kind="bold",
                shadow=None,
            )
            tc.blit(surface, value, 32, (r.centerx, r.y + 28), WHITE, anchor="midtop")
            x += w + 12
        fight = pygame.Rect(x + 8, y, 1280 - 24 - x - 8, 76)
        self.rects["fight"] = fight
        focused = self._focused("fight")
        pygame.draw.rect(
            surface, (206, 40, 48) if focused else (120, 24, 30), fight, border_radius=10
        )
        if focused:
            pygame.draw.rect(surface, GOLD, fight, 3, border_radius=10)
        tc.blit(surface, "FIGHT!", 64, fight.center, WHITE, anchor="center")

    def _spotlight(self, size: tuple[int, int]) -> pygame.Surface:
        """A soft beam from above onto a pool of light (made once)."""
        spot = getattr(self, "_spot", None)
        if spot is None:
            w, h = size
            spot = pygame.Surface(size, pygame.SRCALPHA)
            for k in range(12, 0, -1):
                f = k / 12
                pygame.draw.polygon(
                    spot,
                    (255, 236, 190, 7),
                    [
                        (w / 2 - 14 * f, 0),
                        (w / 2 + 14 * f, 0),
                        (w / 2 + w * 0.48 * f, h - 14),
                        (w / 2 - w * 0.48 * f, h - 14),
                    ],
                )
            for k in range(8, 0, -1):
                pygame.draw.ellipse(
                    spot, (255, 236, 190, 14), (w / 2 - 12 * k, h - 14 - 3 * k, 24 * k, 6 * k)
                )
            self._spot = spot
        return spot

    def _drawer(self, fighter_id: str, age: int) -> Any:
        from game.render.fighters import FighterDrawer

        key = (fighter_id, 0 if age < 45 else 1)
        if key not in self._drawers:
            self._drawers[key] = FighterDrawer(fighter_id, age)
        d = self._drawers[key]
        d.look = replace(d.look, age=age)
        return d


class _IdleView:
    """Just enough of a FighterView to pose a fighter standing in his corner."""

    def __init__(self, facing: int, ticks: int) -> None:
        self.facing = facing
        self.action = "idle"
        self.target = None
        self.phase = None
        self.phase_progress = 0.0
        self.action_ticks = ticks
        self.stamina = 1.0
