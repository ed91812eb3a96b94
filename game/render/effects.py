"""Hit sparks, sweat, camera flashes, and the timing effects: hit-stop and slow motion.

Particles are stepped at the fixed tick rate by the scene and only drawn by draw(); they use their
own seeded generator, so a replay looks the same. None of this touches the combat model: hit-stop
and slow motion only decide how many model steps the scene takes this tick.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame


@dataclass
class Particle:
    x_px: float
    y_px: float
    vx: float
    vy: float
    life_ticks: int
    age_ticks: int
    color: tuple[int, int, int]
    size_px: float
    kind: str  # "spark" (streak), "sweat" (drop), "ring" (shock ring), "star" (impact star)
    gravity: float = 0.0


class Effects:
    """World-space particles for impacts."""

    MAX_PARTICLES = 220

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.particles: list[Particle] = []

    def hit(
        self, x_px: float, y_px: float, power: float, facing: int, blocked: bool = False
    ) -> None:
        """A punch landed at (x, y): power 0..1 sets the size; facing throws sparks away from it."""
        rng = self.rng
        if blocked:
            color, n = (150, 200, 255), 5 + int(4 * power)
        else:
            color, n = (255, 236, 160), 8 + int(16 * power)
        self.particles.append(
            Particle(
                x_px, y_px, 0, 0, 10 + int(6 * power), 0, (255, 255, 255), 16 + 34 * power, "star"
            )
        )
        if power > 0.45 and not blocked:
            self.particles.append(
                Particle(x_px, y_px, 0, 0, 16, 0, (255, 220, 150), 20 + 40 * power, "ring")
            )
        for _ in range(n):
            ang = rng.uniform(-1.1, 1.1) + (0 if facing > 0 else math.pi)
            speed = rng.uniform(3, 9) * (0.6 + power)
            self.particles.append(
                Particle(
                    x_px,
                    y_px,
                    math.cos(ang) * speed,
                    math.sin(ang) * speed - 1.5,
                    rng.randint(8, 16),
                    0,
                    color,
                    rng.uniform(2, 4),
                    "spark",
                    0.25,
                )
            )
        if not blocked and power > 0.3:
            for _ in range(3 + int(6 * power)):
                ang = rng.uniform(-0.9, 0.9) + (0 if facing > 0 else math.pi)
                speed = rng.uniform(2, 5)
                self.particles.append(
                    Particle(
                        x_px,
                        y_px,
                        math.cos(ang) * speed,
                        math.sin(ang) * speed - 2.5,
                        rng.randint(18, 30),
                        0,
                        (200, 225, 255),
                        rng.uniform(2, 3.5),
                        "sweat",
                        0.35,
                    )
                )
        if len(self.particles) > self.MAX_PARTICLES:
            del self.particles[: len(self.particles) - self.MAX_PARTICLES]

    def dust(self, x_px: float, y_px: float, width_px: float) -> None:
        """A puff of canvas dust where a body lands."""
        rng = self.rng
        for _ in range(18):
            px = x_px + rng.uniform(-width_px / 2, width_px / 2)
            self.particles.append(
                Particle(
                    px,
                    y_px - rng.uniform(0, 6),
                    rng.uniform(-1.6, 1.6),
                    -rng.uniform(0.4, 1.6),
                    rng.randint(20, 36),
                    0,
                    (196, 206, 222),
                    rng.uniform(4, 9),
                    "dust",
                    -0.01,
                )
            )

    def step(self) -> None:
        alive = []
        for p in self.particles:
            p.age_ticks += 1
            if p.age_ticks >= p.life_ticks:
                continue
            p.x_px += p.vx
            p.y_px += p.vy
            p.vy += p.gravity
            p.vx *= 0.92
            alive.append(p)
        self.particles = alive

    def draw(self, surface: pygame.Surface, ox: float, oy: float) -> None:
        """Draw with world->screen offset (ox, oy) = world coords of the view's top-left."""
        for p in self.particles:
            t = p.age_ticks / p.life_ticks
            x, y = p.x_px - ox, p.y_px - oy
            if p.kind == "spark":
                tail = 2.2
                pygame.draw.line(
                    surface,
                    p.color,
                    (x, y),
                    (x - p.vx * tail, y - p.vy * tail),
                    max(1, round(p.size_px * (1 - t))),
                )
            elif p.kind == "dust":
                r = p.size_px * (0.6 + t)
                pygame.draw.circle(surface, p.color, (x, y), r, max(1, round(3 * (1 - t))))
            elif p.kind == "sweat":
                pygame.draw.circle(surface, p.color, (x, y), max(1.0, p.size_px * (1 - 0.5 * t)))
            elif p.kind == "ring":
                r = p.size_px * (0.4 + 1.2 * t)
                pygame.draw.circle(surface, p.color, (x, y), r, max(1, round(4 * (1 - t))))
            else:  # star: a bright burst that shrinks
                r = p.size_px * (1 - t) ** 0.7
                if r < 1:
                    continue
                pts = []
                for k in range(16):
                    a = k * math.pi / 8 + 0.3
                    rr = r if k % 2 == 0 else r * 0.38
                    pts.append((x + math.cos(a) * rr, y + math.sin(a) * rr))
                pygame.draw.polygon(surface, (255, 214, 90), pts)
                pygame.draw.circle(surface, (255, 255, 240), (x, y), r * 0.32)
