"""Replays: the bouts kept in the data folder (the ones saved from the results screen, then the
last few played), newest first; Enter watches one in the ring.

Without this screen a replay saved from the results could only be watched from the command line.
Who and when come from the file names (``<date>-<time>-<fighter><age>-v-<fighter><age>-s<seed>``,
see game.bout.replay), how it ended from each file's ``result`` (read once a row shows); a damaged
file is found when it is opened, and the replay scene says so.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.title import shared_arena
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, slab

if TYPE_CHECKING:
    from game.app import App

VISIBLE_ROWS = 8
ROW_PX = 62
LIST_Y = 150
_NAME = re.compile(r"^(\d{8}-\d{6})-([a-z_]+?)(\d+)-v-([a-z_]+?)(\d+)-s(\d+)(~\d+)?$")


@dataclass(frozen=True)
class ReplayEntry:
    """One replay file as the list shows it."""

    path: Path
    kind: str  # "saved" | "recent"
    title: str  # "ROCKY 60  VS  DIXON 30", or the file's name when it is not ours
    when: str  # "30 Nov 2026  06:11", or "" when the name carries no date
    sort_key: str


def describe_file(path: Path, kind: str) -> ReplayEntry:
    """What a replay's file name says: who fought, at what ages, when."""
    m = _NAME.match(path.stem)
    if m is None:
        return ReplayEntry(path, kind, path.name, "", "")
    stamp, a_id, a_age, b_id, b_age = m.group(1, 2, 3, 4, 5)
    try:
        when = time.strftime("%d %b %Y  %H:%M", time.strptime(stamp, "%Y%m%d-%H%M%S"))
    except ValueError:
        when = ""
    a_name, b_name = _name(a_id).split()[-1], _name(b_id).split()[-1]  # surnames: room to spare
    return ReplayEntry(path, kind, f"{a_name} {a_age}  VS  {b_name} {b_age}", when, stamp)


def outcome(path: Path) -> str:
    """How the kept bout ended, from the file's own result ("DIXON BY UD", "ROCKY BY KO IN
    ROUND 4"); "" when the file cannot tell (a damaged file says why when it is opened)."""
    from game.bout.replay import MAX_FILE_BYTES

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return ""
        data = json.loads(path.read_text(encoding="utf-8"))
        result, sides = data["result"], data["setup"]["sides"]
        method, winner = str(result["method"]).upper(), result["winner"]
        if winner not in (0, 1):
            return "A DRAW"
        who = _name(str(sides[winner]["fighter_id"])).split()[-1]
        if method in ("KO", "TKO"):
            return f"{who} BY {method} IN ROUND {int(result['round'])}"
        return f"{who} BY {method}"
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError):
        return ""


def set_aside(path: Path, why: str) -> str:
    """The message for a replay that cannot play. A file that is no replay any more (not text,
    not JSON, not our format) is moved aside; one of another version or other fighter data is
    a real replay and stays."""
    from game import paths
    from game.bout.replay import FORMAT

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        damaged = not isinstance(data, dict) or data.get("format") != FORMAT
    except (OSError, ValueError, RecursionError):
        damaged = True
    if not damaged:
        return f"Cannot play it: {why}."
    try:
        return f"Replay {why}. Kept a copy as {paths.quarantine(path).name}."
    except OSError:
        return f"Replay {why}."


def _name(fighter_id: str) -> str:
    from game.combat import list_fighters, load_fighter

    if fighter_id in list_fighters():  # a replay of a fighter since removed shows his id
        return load_fighter(fighter_id).name.upper()
    return fighter_id.upper()


def list_replays() -> list[ReplayEntry]:
    """Saved replays first, then recent ones, each newest first."""
    from game.bout.replay import replays_dir

    out: list[ReplayEntry] = []
    for kind in ("saved", "recent"):
        try:
            files = [p for p in replays_dir(kind).glob("*.json") if p.is_file()]
        except OSError:
            continue
        entries = [describe_file(p, kind) for p in files]
        out += sorted(entries, key=lambda e: (e.sort_key, e.path.name), reverse=True)
    return out


class ReplaysScene(Scene):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[ReplayEntry] = []
        self._outcomes: dict[Path, str] = {}  # read when a row is first shown
        # per entry on screen: where its title, outcome and date were drawn
        self.row_parts: dict[int, tuple[pygame.Rect, pygame.Rect, pygame.Rect]] = {}
        self.menu = MenuList([])
        self.top_row = 0  # first entry on screen (the list scrolls)

    def enter(self, app: App) -> None:
        super().enter(app)
        self.arena = shared_arena(app)
        self._refresh()
        self.menu.on_move = lambda: app.audio.play("ui_move")

    def uncover(self) -> None:
        selected = self.menu.selected
        self._refresh()  # the folders may have changed meanwhile
        self.menu.selected = min(selected, max(0, len(self.menu.items) - 1))

    def _refresh(self) -> None:
        self.entries = list_replays()
        self.menu.items = [MenuItem(e.title, str(i)) for i, e in enumerate(self.entries)]
        self.menu.selected = min(self.menu.selected, max(0, len(self.entries) - 1))

    def handle(self, item: Any) -> None:
        assert self.app is not None
        if not self.entries:  # nothing to choose: confirm or back leaves
            if (isinstance(item, ActionEvent) and item.pressed and not item.repeat
                    and item.action in (Action.CONFIRM, Action.BACK)):
                self.app.audio.play("ui_back")
                self.app.stack.pop()
            return
        choice = self.menu.handle(item)
        if choice is None:
            return
        if choice == "back":
            self.app.audio.play("ui_back")
            self.app.stack.pop()
            return
        self.watch(self.entries[int(choice)].path)

    def watch(self, path: Path) -> None:
        """Play the file in the ring; one that cannot play says why, and a damaged one (not a
        replay any more) is moved aside, as saves are, so the list stops offering it."""
        from game.bout.replay import ReplayError, load

        assert self.app is not None
        try:
            replay = load(path)
        except ReplayError as exc:
            self.app.audio.play("ui_back")
            self.app.toast(set_aside(path, str(exc)))
            self._refresh()
            return
        self.app.audio.play("ui_confirm")
        self.app.stack.push("replay", replay=replay)

    def update(self, tick: int) -> None:
        sel = self.menu.selected
        if sel < self.top_row:
            self.top_row = sel
        elif sel >= self.top_row + VISIBLE_ROWS:
            self.top_row = sel - VISIBLE_ROWS + 1

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        self.arena.draw(surface, 400.0, lights=0.5)
        dim(surface, 200)
        blit_text(surface, fonts.display(66), "REPLAYS", (80, 40), C.CREAM, shadow=3)
        pygame.draw.rect(surface, C.RED, (82, 112, 64, 5))
        blit_text(surface, fonts.body(20), "Every bout in the ring is kept: the ones you saved from "
                  "the results, then the last 20 played.", (300, 80), C.TEXT_DIM, "midleft")
        if not self.entries:
            blit_text(surface, fonts.display(44), "NO REPLAYS YET", (640, 330), C.CREAM, "center")
            blit_text(surface, fonts.body(22), "Fight a Versus bout: it is kept here when the "
                      "final bell rings.", (640, 384), C.TEXT, "center")
            draw_hints(surface, fonts, [("ESC", "Back")])
            return
        self.menu.rects = [pygame.Rect(0, 0, 0, 0)] * len(self.entries)  # off screen: no hits
        self.row_parts = {}
        shown = self.entries[self.top_row:self.top_row + VISIBLE_ROWS]
        # the list on a solid panel, as the other lists are: the ring's ropes ran through rows
        panel = pygame.Rect(60, LIST_Y - 12, 1168, len(shown) * ROW_PX + 16)
        surface.fill(C.NIGHT, panel)
        pygame.draw.rect(surface, C.GOLD, (panel.x, panel.y, panel.w, 4))
        for row, entry in enumerate(shown):
            i = self.top_row + row
            rect = pygame.Rect(80, LIST_Y + row * ROW_PX, 1120, ROW_PX - 8)
            self.menu.rects[i] = rect
            selected = i == self.menu.selected
            if selected:
                slab(surface, rect, C.RED)
            tag_colour = C.GOLD if entry.kind == "saved" else C.TEXT_DIM
            blit_text(surface, fonts.bold(16), entry.kind.upper(), (rect.x + 30, rect.centery),
                      C.CREAM if selected else tag_colour, "midleft")
            title = blit_text(surface, fonts.display(40), entry.title,
                              (rect.x + 130, rect.centery + 2), C.CREAM if selected else C.TEXT,
                              "midleft")
            when = blit_text(surface, fonts.body(20), entry.when, (rect.right - 30, rect.centery),
                             C.CREAM if selected else C.TEXT_DIM, "midright")
            if entry.path not in self._outcomes:
                self._outcomes[entry.path] = outcome(entry.path)
            told = blit_text(surface, fonts.bold(18), self._outcomes[entry.path],
                             (max(rect.x + 560, title.right + 30), rect.centery),
                             C.CREAM if selected else C.GOLD, "midleft")
            self.row_parts[i] = (title, told, when)
        if len(self.entries) > VISIBLE_ROWS:
            last = self.top_row + len(shown)
            blit_text(surface, fonts.bold(16), f"{self.top_row + 1}-{last} OF "
                      f"{len(self.entries)}", (1200, 660), C.TEXT_DIM, "midright")
        draw_hints(surface, fonts, [("UPDOWN", "Choose"), ("ENTER / F", "Watch"),
                                    ("ESC", "Back")])
