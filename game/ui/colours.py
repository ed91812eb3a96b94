"""The palette: a night arena. Warm light on dark, a red corner and a blue corner.

The one palette of the game: every scene and renderer takes its colours from here (the meters'
colours are the Okabe-Ito colour-blind-safe set)."""
from __future__ import annotations

NIGHT = (9, 10, 16)  # arena darkness
NIGHT_2 = (18, 20, 30)
SMOKE = (40, 42, 56)
CANVAS = (196, 188, 170)  # ring canvas under light
CANVAS_DARK = (74, 70, 66)
APRON = (26, 30, 58)  # ring apron (skirt)
ROPE_RED = (196, 38, 44)
ROPE_WHITE = (226, 222, 214)
ROPE_BLUE = (40, 84, 178)
POST = (58, 58, 66)
GOLD = (236, 184, 72)
GOLD_DARK = (150, 104, 30)
CREAM = (244, 236, 216)
TEXT = (232, 228, 220)
TEXT_DIM = (150, 148, 160)
WHITE = (244, 240, 232)  # headline and card text
DIM = TEXT_DIM
FAINT = (70, 70, 86)
TEXT_FAINT = (92, 92, 108)
RED = (208, 49, 45)  # the red corner, everywhere
RED_DARK = (110, 18, 24)
BLUE = (42, 111, 219)  # the blue corner, everywhere
CORNER_COLORS = (RED, BLUE)
GREEN = (92, 190, 110)
LIGHT = (255, 236, 190)  # spotlight tint
SHADOW = (0, 0, 0)

# meters and highlights (Okabe-Ito)
YELLOW = (240, 228, 66)
ORANGE = (230, 159, 0)
VERMILLION = (213, 94, 0)
SKY = (86, 180, 233)
BLUISH_GREEN = (0, 158, 115)
PANEL = (12, 12, 20)
