"""The third man in the ring: keeps to the back of the canvas, steps in to count a knockdown
(his arm chops down on each count) and waves the fight off at the end. Drawn with shapes; his
position eases at 60 Hz in step(), draw() only reads."""

from __future__ import annotations

import math

import pygame

SHIRT = (232, 232, 236)
SHIRT_SHADE = (188, 190, 200)
TROUSERS = (26, 26, 32)
SKIN = (196, 150, 118)
SKIN_SHADE = (148, 104, 80)
SKIN_LIGHT = (226, 186, 152)
HAIR = (70, 60, 56)
HAIR_SHEEN = (112, 100, 92)
OUTLINE = (22, 20, 26)
BACK_DEPTH_PX = -34.0  # while they fight he stands further back on the canvas
COUNT_DEPTH_PX = 16.0  # counting, he comes round to the near side, between the two men


def _limb(
    surface: pygame.Surface,
    color: tuple[int, int, int],
    a: tuple[float, float],
    b: tuple[float, float],
    width: int,
) -> None:
    """A limb with a dark outline, to sit with the outlined sprite fighters."""
    pygame.draw.line(surface, OUTLINE, a, b, width + 4)
    pygame.draw.circle(surface, OUTLINE, b, width / 2 + 2)
    pygame.draw.line(surface, color, a, b, width)


class Referee:
    def __init__(self, x_px: float, height_px: float = 250.0) -> None:
        self.x_px = x_px  # world x of his feet
        self.prev_x_px = x_px
        self.height_px = height_px
        self.counting = False
        self.count = 0
        self.count_ticks = 0
        self.ticks = 0
        self.point_x_px: float | None = None  # world x he points the standing man to, or None
        self.depth_px = BACK_DEPTH_PX  # feet below (+) or above (-) the fighters' line

    def step(
        self,
        target_x_px: float,
        counting: bool,
        count: int | None,
        point_x_px: float | None = None,
    ) -> None:
        self.prev_x_px = self.x_px
        self.point_x_px = point_x_px if counting else None
        self.ticks += 1
        self.x_px += (target_x_px - self.x_px) * (0.12 if counting else 0.04)
        depth = COUNT_DEPTH_PX if counting else BACK_DEPTH_PX
        self.depth_px += (depth - self.depth_px) * 0.12
        self.counting = counting
        if count != self.count:
            self.count = count or 0
            self.count_ticks = 0
        else:
            self.count_ticks += 1

    def draw(self, surface: pygame.Surface, foot_x: float, foot_y: float, facing: int) -> None:
        h = self.height_px
        bob = math.sin(self.ticks * 0.08) * h * 0.004
        hip = (foot_x, foot_y - 0.48 * h + bob)
        neck = (foot_x + facing * 0.01 * h, foot_y - 0.82 * h + bob)
        head = (neck[0] + facing * 0.01 * h, neck[1] - 0.075 * h)
        leg_w = max(4, int(h * 0.06))
        stride = 0.07 * h
        for dx in (-stride, stride):
            _limb(surface, TROUSERS, hip, (foot_x + dx, foot_y - 4), leg_w)
            pygame.draw.ellipse(
                surface, (12, 12, 14), (foot_x + dx - h * 0.04, foot_y - 8, h * 0.09, h * 0.035)
            )
        shoulder = (neck[0] + facing * 0.06 * h, neck[1] + 0.04 * h)
        back_sh = (neck[0] - facing * 0.06 * h, neck[1] + 0.04 * h)
        arm_w = max(3, int(h * 0.045))
        back_hand = (back_sh[0] - facing * 0.03 * h, back_sh[1] + 0.3 * h)
        if self.point_x_px is not None and (self.point_x_px - foot_x) * facing < 0:
            # "to the neutral corner": the free arm straight out behind him, toward it
            back_hand = (back_sh[0] - facing * 0.3 * h, back_sh[1] - 0.04 * h)
        _limb(surface, SHIRT_SHADE, back_sh, back_hand, arm_w)
        pygame.draw.circle(surface, SKIN, back_hand, arm_w * 0.8)
        torso = [
            (neck[0] - 0.1 * h, neck[1] + 0.02 * h),
            (neck[0] + 0.1 * h, neck[1] + 0.02 * h),
            (hip[0] + 0.085 * h, hip[1]),
            (hip[0] - 0.085 * h, hip[1]),
        ]
        pygame.draw.polygon(surface, SHIRT, torso)
        pygame.draw.polygon(
            surface,
            SHIRT_SHADE,
            [torso[0], (neck[0] - 0.03 * h, torso[0][1]), (hip[0] - 0.04 * h, hip[1]), torso[3]],
        )
        pygame.draw.polygon(surface, OUTLINE, torso, 2)
        pygame.draw.rect(
            surface, (20, 20, 24), (hip[0] - 0.08 * h, hip[1] - 0.02 * h, 0.16 * h, 0.03 * h)
        )
        bow = (neck[0], neck[1] + 0.025 * h)
        pygame.draw.polygon(
            surface,
            (20, 20, 24),
            [
                (bow[0] - 8, bow[1] - 5),
                (bow[0] + 8, bow[1] + 5),
                (bow[0] + 8, bow[1] - 5),
                (bow[0] - 8, bow[1] + 5),
            ],
        )
        if self.counting:  # the counting arm: up high, then a chop down on each count
            k = min(1.0, self.count_ticks / 12)
            ang = (
                math.radians(-70 + 120 * (1 - (1 - k) ** 3))
                if self.count_ticks < 12
                else math.radians(50 - 120 * min(1.0, (self.count_ticks - 12) / 26))
            )
            hand = (
                shoulder[0] + facing * math.cos(ang) * 0.3 * h,
                shoulder[1] + math.sin(ang) * 0.3 * h,
            )
        else:
            hand = (shoulder[0] + facing * 0.08 * h, shoulder[1] + 0.28 * h)
        _limb(surface, SHIRT, shoulder, hand, arm_w)
        pygame.draw.circle(surface, SKIN, hand, arm_w * 0.8)
        pygame.draw.line(surface, SKIN, neck, head, max(4, int(h * 0.05)))
        r = h * 0.058
        self._draw_head(surface, head, r, facing)

    @staticmethod
    def _draw_head(surface: pygame.Surface, head: tuple[float, float], r: float,
                   facing: int) -> None:
        """A shaded head to sit beside the sprite fighters: the ring lights are above and in
        front of him, so the back of the head and under the jaw fall into shade."""
        hx, hy = head
        pygame.draw.circle(surface, OUTLINE, head, r + 2)
        pygame.draw.circle(surface, SKIN_SHADE, head, r)
        pygame.draw.circle(surface, SKIN, (hx + facing * r * 0.14, hy - r * 0.12), r * 0.84)
        pygame.draw.circle(surface, SKIN_LIGHT, (hx + facing * r * 0.34, hy - r * 0.36), r * 0.3)
        # the ear on the back of the head, the nose on the front
        pygame.draw.ellipse(surface, SKIN_SHADE,
                            (hx - facing * r * 0.32 - r * 0.18, hy - r * 0.1, r * 0.36, r * 0.5))
        nose = [(hx + facing * r * 0.78, hy - r * 0.2), (hx + facing * r * 1.12, hy + r * 0.18),
                (hx + facing * r * 0.8, hy + r * 0.26)]
        pygame.draw.polygon(surface, SKIN, nose)
        pygame.draw.lines(surface, OUTLINE, False, nose, 2)
        # hair: a dark cap, combed back, with a lighter sheen where the lights catch it
        pygame.draw.circle(surface, HAIR, (hx - facing * r * 0.2, hy - r * 0.3), r * 0.92,
                           draw_top_left=True, draw_top_right=True)
        pygame.draw.circle(surface, HAIR_SHEEN, (hx + facing * r * 0.05, hy - r * 0.62), r * 0.3,
                           draw_top_left=facing < 0, draw_top_right=facing > 0)
        pygame.draw.circle(surface, (20, 20, 20), (hx + facing * r * 0.55, hy - r * 0.05), 2)
        pygame.draw.line(surface, SKIN_SHADE, (hx + facing * r * 0.35, hy + r * 0.55),
                         (hx + facing * r * 0.75, hy + r * 0.45), 2)  # the mouth
