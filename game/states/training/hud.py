"""What every drill draws over its picture: score bar, the note lane, meters, popups."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game.states.training.keys import key_label
from game.training.rules.rhythm import MOVES, RhythmRules
from game.ui import colours as C
from game.ui.widgets import blit_text, dim

JUDGE_COLOURS = {"perfect": C.GOLD, "good": C.GREEN, "ok": (120, 170, 230), "miss": C.RED,
                 "glance": C.TEXT_DIM, "sprint": (120, 170, 230)}
MOVE_LABELS = {"jab": "JAB", "cross": "CROSS", "hook": "HOOK", "uppercut": "UPPER",
               "body_jab": "BODY JAB", "body_cross": "BODY CROSS", "body_hook": "BODY HOOK",
               "body_uppercut": "BODY UPPER", "left": "LEFT", "right": "RIGHT", "up": "CROSS-OVER",
               "duck": "DUCK", "block": "BLOCK"}
LANE_Y = 600
HIT_X = 200
PX_PER_S = 420


@dataclass
class Popup:
    text: str
    colour: tuple[int, int, int]
    x: float
    y: float
    born_s: float
    size: int = 40
    dy_px: float = 0.0  # how far it was moved down at its first draw, clear of the others
    placed: bool = False


class Popups:
    """Judgements that float up and fade: PERFECT, +150, TRIPPED!

    They never overlap: every popup rises at the same speed, so one moved clear of the others
    at its first draw stays clear for its whole life. A headline that is the same news as what
    was just said (TRIPPED! is the MISS) takes that popup's place instead of joining it.
    """

    LIFE_S = 0.8
    RISE_PX = 60  # how far a popup floats up over its life
    TOP_PX = 84  # under the drill's top bar: no popup rises into it
    GAP_PX = 4
    SAME_MOMENT_S = 0.02  # popups of one press or one beat

    def __init__(self) -> None:
        self.items: list[Popup] = []
        self.rects: list[pygame.Rect] = []  # where each was drawn last (tests read them)

    def add(self, text: str, colour: tuple[int, int, int], x: float, y: float, t_s: float,
            size: int = 40, supersede: bool = False, once: bool = False) -> None:
        """``supersede``: this says what the popups of this very moment said (one at a time);
        ``once``: a word a mash repeats, shown again only when the last one has gone."""
        if supersede:
            self.items = [p for p in self.items if abs(p.born_s - t_s) > self.SAME_MOMENT_S]
        if once and any(p.text == text and 0 <= t_s - p.born_s < self.LIFE_S
                        for p in self.items):
            return  # the same word is still up (ARMS GONE mashed): no column of copies
        self.items.append(Popup(text, colour, x, y, t_s, size))
        del self.items[:-8]

    def _rect(self, fonts: Any, p: Popup, t_s: float) -> pygame.Rect:
        age = max(0.0, t_s - p.born_s) / self.LIFE_S
        w, h = fonts.display(p.size).size(p.text)
        rect = pygame.Rect(0, 0, w, h)
        rect.center = (int(p.x), int(p.y + p.dy_px - self.RISE_PX * age))
        return rect

    def _place(self, fonts: Any, p: Popup, t_s: float, placed: list[pygame.Rect]) -> None:
        """Move a new popup down until it rises no higher than the top bar and meets nobody."""
        rect = self._rect(fonts, p, t_s)
        age = max(0.0, t_s - p.born_s) / self.LIFE_S
        highest = rect.top - self.RISE_PX * (1.0 - age)
        if highest < self.TOP_PX:
            p.dy_px += self.TOP_PX - highest
            rect = self._rect(fonts, p, t_s)
        for _ in range(len(placed) + 1):
            hit = next((r for r in placed if r.colliderect(rect)), None)
            if hit is None:
                break
            p.dy_px += hit.bottom + self.GAP_PX - rect.top
            rect = self._rect(fonts, p, t_s)
        p.placed = True

    def draw(self, surface: pygame.Surface, fonts: Any, t_s: float) -> None:
        self.items = [p for p in self.items if t_s - p.born_s < self.LIFE_S]
        self.rects = []
        for p in self.items:
            if not p.placed:
                self._place(fonts, p, t_s, self.rects)
            age = max(0.0, t_s - p.born_s) / self.LIFE_S
            alpha = int(255 * (1 - age ** 2))
            rect = self._rect(fonts, p, t_s)
            font = fonts.display(p.size)
            shade = font.render(p.text, True, (10, 10, 16))  # reads on red brick and snow
            shade.set_alpha(alpha)
            surface.blit(shade, rect.move(2, 2))
            surf = font.render(p.text, True, p.colour)
            surf.set_alpha(alpha)
            surface.blit(surf, rect)
            self.rects.append(rect)


def top_bar(surface: pygame.Surface, fonts: Any, name: str, score: int, streak: int,
            multiplier: float, progress: float, best: int | None) -> None:
    """Drill name, score, streak and multiplier, and how far through the drill we are."""
    dim(surface, 190, pygame.Rect(0, 0, 1280, 74), (8, 8, 14))
    pygame.draw.rect(surface, C.RED, (0, 74, 1280, 3))
    pygame.draw.rect(surface, C.GOLD, (0, 74, int(1280 * max(0.0, min(1.0, progress))), 3))
    blit_text(surface, fonts.display(44), name.upper(), (32, 38), C.CREAM, "midleft", shadow=2)
    blit_text(surface, fonts.display(52), f"{score:,}", (1248, 38), C.GOLD, "midright", shadow=2)
    blit_text(surface, fonts.bold(15), "SCORE", (1248, 66), C.TEXT_DIM, "midright")
    if best is not None:
        blit_text(surface, fonts.bold(16), f"BEST {best:,}", (1040, 38), C.TEXT_DIM, "midright")
    if streak:
        blit_text(surface, fonts.display(40), f"{streak}", (700, 34), C.CREAM, "midright")
        blit_text(surface, fonts.bold(15), "IN A ROW", (706, 42), C.TEXT_DIM, "midleft")
    if multiplier > 1.0:
        blit_text(surface, fonts.display(38), f"x{multiplier:.2f}".rstrip("0").rstrip("."),
                  (800, 38), C.GOLD, "midleft")


def meter(surface: pygame.Surface, fonts: Any, rect: pygame.Rect, value: float,
          colour: tuple[int, int, int], label: str, warn_below: float = 0.0,
          t_s: float = 0.0) -> None:
    """A labelled bar 0..1 that blinks when it runs low."""
    dim(surface, 170, rect.inflate(8, 8), (6, 6, 10))
    pygame.draw.rect(surface, (40, 40, 52), rect)
    v = max(0.0, min(1.0, value))
    fill = colour
    if v < warn_below and int(t_s * 6) % 2:
        fill = C.RED
    pygame.draw.rect(surface, fill, (rect.x, rect.y, int(rect.w * v), rect.h))
    for i in range(1, 10):
        x = rect.x + rect.w * i // 10
        pygame.draw.line(surface, (0, 0, 0), (x, rect.y), (x, rect.bottom - 1), 1)
    blit_text(surface, fonts.bold(16), label, (rect.x, rect.y - 6), C.TEXT, "bottomleft")


def note_lane(surface: pygame.Surface, fonts: Any, rules: RhythmRules, t_s: float,
              settings: Any, *, hide_uncalled: bool = False, y: int = LANE_Y) -> None:
    """The lane of coming notes: they slide left into the hit line; each shows its key."""
    dim(surface, 170, pygame.Rect(0, y - 46, 1280, 92), (6, 6, 12))
    pygame.draw.line(surface, C.SMOKE, (0, y - 46), (1280, y - 46), 2)
    pygame.draw.line(surface, C.SMOKE, (0, y + 46), (1280, y + 46), 2)
    # beat ticks
    for b in rules.beats:
        x = HIT_X + (b - t_s) * PX_PER_S
        if -20 < x < 1300:
            pygame.draw.line(surface, (54, 54, 70), (int(x), y - 40), (int(x), y + 40), 1)
    pulse = _pulse(rules, t_s)
    pygame.draw.circle(surface, C.CREAM, (HIT_X, y), int(38 + 6 * pulse), 3)
    blit_text(surface, fonts.bold(14), "NOW", (HIT_X, y + 56), C.TEXT_DIM, "center")
    for note in reversed(rules.upcoming(t_s, ahead_s=2.6)):
        x = HIT_X + (note.t_s - t_s) * PX_PER_S
        if x > 1300:
            continue
        hidden = hide_uncalled and not note.called
        colour = C.GOLD if note.trick else (C.SMOKE if hidden else C.RED)
        body = note.move.startswith("body_")
        pygame.draw.circle(surface, (0, 0, 0), (int(x) + 3, y + 3), 34)
        pygame.draw.circle(surface, colour, (int(x), y), 34)
        pygame.draw.circle(surface, C.CREAM, (int(x), y), 34, 2)
        if hidden:
            blit_text(surface, fonts.display(40), "?", (int(x), y + 2), C.CREAM, "center")
            continue
        action, mod = MOVES[note.move]
        label = key_label(settings, action)
        if mod:
            label = f"{key_label(settings, mod)}+{label}"
        font = fonts.display(34 if len(label) <= 3 else 22)
        blit_text(surface, font, label, (int(x), y + 2), C.CREAM, "center", shadow=1)
        word = MOVE_LABELS.get(note.move, note.move.upper())
        chip = pygame.Rect((0, 0), fonts.bold(13).size(word)).inflate(10, 4)
        chip.midbottom = (int(x), y - 48)
        pygame.draw.rect(surface, (8, 8, 14), chip, border_radius=4)  # reads over his shoes
        blit_text(surface, fonts.bold(13), word, (int(x), y - 50), C.GOLD if body else C.TEXT,
                  "midbottom")


def _pulse(rules: RhythmRules, t_s: float) -> float:
    """1 on a beat, falling to 0 before the next (for the hit ring and the music's feel)."""
    k = rules.beat_index(t_s)
    if k < 0:
        return 0.0
    return max(0.0, 1.0 - (t_s - rules.beats[k]) / 0.18)


def count_in(surface: pygame.Surface, fonts: Any, rules: RhythmRules, t_s: float) -> None:
    """FOUR, THREE, TWO, ONE on the lead-in beats, then GO."""
    k = rules.beat_index(t_s)
    n = rules.lead_in_beats
    if t_s < 0 or k >= n + 1 or k < 0:
        return
    text = "GO!" if k == n else str(n - k)
    age = t_s - rules.beats[k]
    size = int(150 - 60 * min(1.0, age * 2.5))
    blit_text(surface, fonts.display(size), text, (640, 300), C.GOLD, "center", shadow=4)
