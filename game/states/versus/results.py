"""After the bout: who won, how, when, and the three judges' cards round by round.

The cards shown are exactly the model's Result.scorecards. Rematch keeps the setup with a new
seed; watch replay plays the bout again from its input log (pause, x4, skip to a knockdown);
save replay keeps it in the data folder for good; change fighters goes back to the select
screen; menu leaves Versus.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.bout.setup import BoutSetup
from game.input.actions import MASH_GAP_TICKS, Action, ActionEvent
from game.render.hud import CORNER_COLORS, YELLOW
from game.states.base import Scene
from game.states.versus.common import audio_call, draw_backdrop, new_backdrop
from game.states.versus.data import confirm_keys, load_versus_text
from game.ui.colours import DIM, GOLD, RED, WHITE
from game.ui.text import shade, shared_text
from game.ui.widgets import draw_hints

GRACE_TICKS = 60
OPTIONS = (("rematch", "REMATCH"), ("watch", "WATCH REPLAY"), ("save", "SAVE REPLAY"),
           ("select", "FIGHTERS"), ("menu", "MAIN MENU"))
BUTTON_W_PX, BUTTON_GAP_PX = 228, 14


def card_rows(result: Any) -> list[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """Per judge: the rounds that were scored and the totals."""
    rows = []
    for judge in result.scorecards:
        rounds = [(int(a), int(b)) for a, b in judge[: result.round] if a or b]
        rows.append((rounds, (sum(r[0] for r in rounds), sum(r[1] for r in rounds))))
    return rows


class VersusResultsScene(Scene):
    def __init__(
        self,
        session: Any = None,
        *,
        setup: BoutSetup | None = None,
        result: Any = None,
        final_view: Any = None,
    ) -> None:
        super().__init__()
        self.session = session
        if session is not None:
            setup, result, final_view = session.setup, session.result, session.view
        self.setup = setup or BoutSetup()
        self.result = result
        self.final_view = final_view
        self.saved_path: Any = None  # where "Save replay" put it
        # what "Save replay" said: drawn by this screen above its buttons (an app toast sits
        # on the buttons' row and hid them for its 4 s)
        self.notice = ""
        self.notice_rect: pygame.Rect | None = None
        self._last_press: dict[int, int] = {}  # player -> tick of his last confirm here
        self.selected = 0
        self.rects: list[pygame.Rect] = []
        self.ticks = 0
        self.arena: Any = None

    def enter(self, app: Any) -> None:
        super().enter(app)
        self.arena = new_backdrop(self.setup.seed)
        self.arena.cheer(0.9)
        self.text = load_versus_text()
        audio_call(self.app, "crowd", 0.5)

    def exit(self) -> None:
        audio_call(self.app, "crowd", 0.0)

    def handle(self, item: Any) -> None:
        if isinstance(item, ActionEvent) and item.pressed and item.action is Action.CONFIRM:
            # the jab key is also confirm: a player still mashing it after the bell must not
            # land in a rematch, so a confirm counts only after a short pause in his confirms
            last = self._last_press.get(item.player, -MASH_GAP_TICKS)
            self._last_press[item.player] = self.ticks
            if self.ticks - last < MASH_GAP_TICKS:
                return
        if self.ticks < GRACE_TICKS:  # punches mashed at the final bell are not a menu choice
            return
        if isinstance(item, ActionEvent) and item.pressed:
            if item.action in (Action.LEFT, Action.UP):
                self.selected = (self.selected - 1) % len(OPTIONS)
                audio_call(self.app, "play", "ui_move")
            elif item.action in (Action.RIGHT, Action.DOWN):
                self.selected = (self.selected + 1) % len(OPTIONS)
                audio_call(self.app, "play", "ui_move")
            elif item.action is Action.CONFIRM and not item.repeat:
                self.choose(OPTIONS[self.selected][0])
            elif item.action is Action.BACK:
                self.choose("menu")
            return
        t = getattr(item, "type", None)
        if t in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            for i, r in enumerate(self.rects):
                if r.collidepoint(item.pos):
                    self.selected = i
                    if t == pygame.MOUSEBUTTONDOWN and item.button == 1:
                        self.choose(OPTIONS[i][0])

    def choose(self, key: str) -> None:
        assert self.app is not None
        stack = self.app.stack
        audio_call(self.app, "play", "ui_confirm")
        if key == "rematch":
            stack.replace("versus_intro", setup=self.setup.with_seed(self.setup.seed + 1))
        elif key == "watch":
            if self.session is not None:
                stack.push("replay", replay=self.session.replay())
        elif key == "save":
            self.save_replay()
        elif key == "select":
            stack.replace("versus_select", setup=self.setup)
        else:
            stack.pop()

    def save_replay(self) -> None:
        """Keep this bout's replay for good (the recent ones are pruned)."""
        if self.session is None or self.saved_path is not None:
            return
        from game.bout.replay import keep

        try:
            self.saved_path = keep(self.session.replay())
            self._say(f"Replay saved in the data folder: replays/saved/{self.saved_path.name}")
        except OSError as exc:
            self._say(f"Could not save the replay: {exc.strerror or exc}")

    def _say(self, text: str) -> None:
        self.notice = text

    def update(self, tick: int) -> None:
        self.ticks += 1
        if self.arena is not None:
            self.arena.step()

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        tc = shared_text()
        draw_backdrop(surface, self.arena, 200)
        self._draw_fighters(surface)
        r = self.result
        names = self.setup.names()
        if r is None:
            tc.blit(surface, "NO CONTEST", 96, (640, 80), WHITE, anchor="midtop")
        else:
            method = self.text.method(r.method).upper()
            if r.winner is None:
                tc.blit(surface, "IT'S A DRAW", 104, (640, 30), GOLD, anchor="midtop")
            else:
                tc.blit(
                    surface,
                    "WINNER",
                    28,
                    (640, 24),
                    CORNER_COLORS[r.winner],
                    anchor="midtop",
                    kind="bold",
                    shadow=None,
                )
                tc.blit(surface, names[r.winner].upper(), 104, (640, 50), GOLD, anchor="midtop")
            secs = int(r.time_seconds)
            tc.blit(
                surface,
                f"{method}  \u00b7  ROUND {r.round}  \u00b7  {secs // 60}:{secs % 60:02d}",
                36,
                (640, 160),
                WHITE,
                anchor="midtop",
            )
            self._cards(surface, r, names)
        self._stats(surface, names)
        self._notice(surface)
        self.rects = []
        step = BUTTON_W_PX + BUTTON_GAP_PX
        x0 = 640 - (step * len(OPTIONS) - BUTTON_GAP_PX) // 2
        for i, (key, label) in enumerate(OPTIONS):
            rect = pygame.Rect(x0 + i * step, 632, BUTTON_W_PX, 56)
            self.rects.append(rect)
            sel = i == self.selected
            off = key in ("watch", "save") and self.session is None
            if key == "save" and self.saved_path is not None:
                label = "SAVED"
            pygame.draw.rect(surface, RED if sel else (30, 30, 42), rect, border_radius=8)
            if sel:
                pygame.draw.rect(surface, GOLD, rect, 3, border_radius=8)
            col = (90, 90, 100) if off else (WHITE if sel else DIM)
            tc.blit(surface, label, 30, rect.center, col, anchor="center")

    def _notice(self, surface: pygame.Surface) -> None:
        """The save's message on the dark band between the punch counts and the buttons; the
        keys of this screen there until a message takes the band."""
        self.notice_rect = None
        if not self.notice:
            fonts = getattr(self.app, "fonts", None)
            if fonts is not None:
                draw_hints(surface, fonts, [("LEFTRIGHT", "Choose"),
                                            (confirm_keys(self.app), "Select"),
                                            ("ESC", "Main menu")], y=607)
            return
        tc = shared_text()
        surface.blit(shade((1280, 34), (0, 0, 0, 236)), (0, 590))
        self.notice_rect = tc.blit(surface, self.notice, 18, (640, 596), GOLD, anchor="midtop",
                                   kind="bold", shadow=None)

    def _cards(self, surface: pygame.Surface, r: Any, names: tuple[str, str]) -> None:
        tc = shared_text()
        rows = card_rows(r)
        n_rounds = max((len(rounds) for rounds, _t in rows), default=0)
        if n_rounds == 0:  # stopped inside the first round: nothing went to the judges
            panel = pygame.Rect(0, 0, 700, 120)
            panel.midtop = (640, 226)
            pygame.draw.rect(surface, (14, 14, 22), panel, border_radius=10)
            tc.blit(surface, "NO COMPLETED ROUNDS", 44, (640, panel.y + 18), WHITE, anchor="midtop")
            tc.blit(
                surface,
                "The fight ended before the judges scored a round.",
                20,
                (640, panel.y + 74),
                DIM,
                anchor="midtop",
                kind="body",
                shadow=None,
            )
            return
        cell = 40 if n_rounds > 8 else 52
        name_w, total_w = 190, 90
        width = name_w + cell * max(1, n_rounds) + total_w
        x0 = 640 - width // 2
        y = 218
        panel = pygame.Rect(x0 - 20, y - 10, width + 40, 3 * 74 + 46)
        pygame.draw.rect(surface, (14, 14, 22), panel, border_radius=10)
        for k in range(n_rounds):
            tc.blit(
                surface,
                str(k + 1),
                20,
                (x0 + name_w + cell * k + cell // 2, y),
                DIM,
                anchor="midtop",
                shadow=None,
            )
        tc.blit(
            surface,
            "TOTAL",
            20,
            (x0 + name_w + cell * n_rounds + total_w // 2, y),
            GOLD,
            anchor="midtop",
            shadow=None,
        )
        y += 30
        for j, (rounds, totals) in enumerate(rows):
            judge = self.text.judges[j] if j < len(self.text.judges) else f"Judge {j + 1}"
            tc.blit(surface, judge.upper(), 24, (x0, y + 14), WHITE, anchor="midleft")
            for side in (0, 1):
                yy = y + side * 30
                pygame.draw.rect(surface, CORNER_COLORS[side], (x0 + name_w - 14, yy + 6, 6, 20))
                for k, pts in enumerate(rounds):
                    mine, his = pts[side], pts[1 - side]
                    col = YELLOW if mine > his else (WHITE if mine == his else DIM)
                    tc.blit(
                        surface,
                        str(mine),
                        26,
                        (x0 + name_w + cell * k + cell // 2, yy + 2),
                        col,
                        anchor="midtop",
                        shadow=None,
                    )
                tot_col = YELLOW if totals[side] > totals[1 - side] else WHITE
                tc.blit(
                    surface,
                    str(totals[side]),
                    30,
                    (x0 + name_w + cell * n_rounds + total_w // 2, yy),
                    tot_col,
                    anchor="midtop",
                    shadow=None,
                )
            y += 74
        tc.blit(
            surface,
            f"{names[0]} in red, {names[1]} in blue. Higher score of the round in yellow.",
            15,
            (640, panel.bottom + 6),
            DIM,
            anchor="midtop",
            kind="body",
            shadow=None,
        )

    def _draw_fighters(self, surface: pygame.Surface) -> None:
        """The winner celebrates beside the cards and the loser hangs his head (a draw: both
        stand). Drawn in a spotlight on each side of the screen."""
        from game.render.fighters import FighterDrawer

        if not hasattr(self, "_drawers"):
            self._drawers = tuple(FighterDrawer(s.fighter_id, s.age) for s in self.setup.sides)
        r = self.result
        for side in (0, 1):
            if r is None or r.winner is None:
                action = "idle"
            else:
                action = "celebrate" if r.winner == side else "dejected"
            x = 128 if side == 0 else 1152
            pool = pygame.Rect(0, 0, 220, 36)
            pool.center = (x, 530)
            pygame.draw.ellipse(surface, (40, 36, 30), pool)
            pygame.draw.ellipse(surface, (70, 62, 48), pool.inflate(-60, -14))
            pose = _Pose(action, 1 if side == 0 else -1, self.ticks)
            self._drawers[side].draw(surface, pose, x, 530)

    def _stats(self, surface: pygame.Surface, names: tuple[str, str]) -> None:
        v = self.final_view
        if v is None:
            return
        tc = shared_text()
        y = 552
        # a band down to the buttons: it also hides the apron's lettering behind the numbers
        surface.blit(shade((1280, 72), (0, 0, 0, 236)), (0, y - 8))
        for side in (0, 1):
            f = v.fighters[side]
            acc = round(100 * f.punches_landed / f.punches_thrown) if f.punches_thrown else 0
            down = {0: "NEVER DOWN", 1: "DOWN ONCE"}.get(f.knockdowns, f"DOWN {f.knockdowns} TIMES")
            text = (
                f"{names[side].upper()}: LANDED {f.punches_landed}/{f.punches_thrown} ({acc}%)"
                f"  \u00b7  {down}"
            )
            surf = tc.render(text, 26, WHITE)
            x = 610 - surf.get_width() if side == 0 else 670
            surface.blit(surf, (x, y))
            pygame.draw.rect(surface, CORNER_COLORS[side], (x - 14, y + 3, 6, 22))


class _Pose:
    """Enough of a FighterView to pose a fighter on this screen."""

    def __init__(self, action: str, facing: int, ticks: int) -> None:
        self.action = action
        self.facing = facing
        self.action_ticks = ticks
        self.target = None
        self.phase = None
        self.phase_progress = 0.0
        self.stamina = 1.0
