"""What every drill view shares: the backdrop, the boxer and his punches, beat clicks."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pygame

from game.render.sprites import load_sheet
from game.states.training.art import art
from game.training.rules import DrillEvent
from game.training.rules.rhythm import RhythmRules

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene

log = logging.getLogger(__name__)
PUNCHES = ("jab", "cross", "hook", "uppercut")


class Boxer:
    """The player's fighter from his sprite sheet, playing one tag at a time."""

    def __init__(self, fighter_id: str, age: int, facing: int = 1) -> None:
        self.sheet = load_sheet(fighter_id, age)
        self.facing = facing
        self.tag = "idle"
        self.since_s = 0.0
        self.idle_tag = "idle"

    def play(self, tag: str, t_s: float) -> None:
        self.tag, self.since_s = tag, t_s

    def current(self, t_s: float) -> tuple[str, int]:
        ticks = max(0, int((t_s - self.since_s) * 60))
        if self.tag != self.idle_tag and ticks >= self.sheet.tag_ticks(self.tag):
            self.tag, self.since_s = self.idle_tag, t_s
            ticks = 0
        return self.tag, ticks

    def draw(self, surface: pygame.Surface, x: float, feet_y: float, t_s: float,
             scale: float = 1.0) -> pygame.Rect:
        tag, ticks = self.current(t_s)
        image, (ax, ay) = self.sheet.frame(tag, self.facing, ticks=ticks)
        if scale != 1.0:
            image = pygame.transform.smoothscale_by(image, scale)
            ax, ay = ax * scale, ay * scale
        shadow = pygame.Rect(0, 0, int(150 * scale), int(22 * scale))
        shadow.center = (int(x), int(feet_y))
        _shadow(surface, shadow)
        return surface.blit(image, (int(x - ax), int(feet_y - ay)))


_SHADOW: dict[tuple[int, int], pygame.Surface] = {}


def _shadow(surface: pygame.Surface, rect: pygame.Rect) -> None:
    s = _SHADOW.get(rect.size)
    if s is None:
        s = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.ellipse(s, (0, 0, 0, 90), s.get_rect())
        _SHADOW[rect.size] = s
    surface.blit(s, rect)


class DrillView:
    """Base view: a backdrop and a boxer who throws what the player presses."""

    backdrop = "gym"
    boxer_x = 430.0
    feet_y = 560.0
    finish_ticks = 75  # "TIME!" stays up this long before the results card
    finish_banner = True  # the scene's "TIME!" over the end (the steps have their own)

    def __init__(self, scene: DrillScene) -> None:
        self.scene = scene
        self.rules = scene.rules
        self.app: Any = scene.app
        self.boxer = Boxer(scene.fighter.fighter_id, scene.age)

    @property
    def in_play(self) -> bool:
        """The drill is running (or just ended): its lane and panels are drawn only then, as
        the card and the results card are see-through at their bottom edge."""
        return self.scene.phase in ("play", "finish")

    # -- hooks the scene calls --------------------------------------------------------------
    def start(self) -> None:
        """The drill starts (after the card, or for a retry)."""

    def sound_beats(self) -> list[float]:
        """Times of the beat clicks, if this drill has a beat."""
        return self.rules.beats if isinstance(self.rules, RhythmRules) else []

    def on_beat(self, k: int, t_s: float) -> None:
        lead = isinstance(self.rules, RhythmRules) and k < self.rules.lead_in_beats
        self.sound("beat", volume=1.0 if lead else 0.6)  # a hit on the beat sums with it

    def on_press(self, action: str, t_s: float, held: frozenset[str]) -> None:
        if action in PUNCHES:
            target = "body" if "down" in held else "head"
            self.boxer.play(f"{action}_{target}", t_s)

    def on_event(self, event: DrillEvent, t_s: float) -> None:
        if event.kind in ("miss", "stray") and event.text == "WRONG":
            self.sound("whiff")

    def update(self, t_s: float) -> None:
        """Animation state (swings, particles); called each tick while playing."""

    def popup_xy(self, event: DrillEvent) -> tuple[float, float]:
        return (self.boxer_x + 200, 250)

    def draw(self, surface: pygame.Surface, t_s: float) -> None:
        surface.blit(art(self.backdrop), (0, 0))
        self.boxer.draw(surface, self.boxer_x, self.feet_y, t_s)

    # -- helpers ----------------------------------------------------------------------------
    def sound(self, name: str, pan: float = 0.0, volume: float = 1.0) -> None:
        try:
            self.app.audio.play(name, pan=pan, volume=volume)
        except Exception:  # a missing sound must never stop a drill
            log.debug("sound %s not played", name, exc_info=True)
