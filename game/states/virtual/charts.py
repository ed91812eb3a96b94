"""The Virtual Fight's charts, drawn with pygame into surfaces that are kept until the numbers
change (no plotting library, nothing redrawn per frame). Red is the red corner's share, blue the
blue corner's, grey a draw. Each function takes `details()` of a run and returns a Surface."""
from __future__ import annotations

import pygame

from game.render.hud import CORNER_COLORS
from game.ui import colours as C
from game.ui.text import shared_text

CARD_BG = (14, 14, 22)
GRID = (40, 42, 56)
DRAW_GREY = (120, 118, 130)
SIDE_COLOURS = (CORNER_COLORS[0], CORNER_COLORS[1])
METHOD_NAMES = {"KO": "KNOCKOUT", "TKO": "STOPPAGE (TKO)", "UD": "UNANIMOUS DEC.",
                "SD": "SPLIT DECISION", "MD": "MAJORITY DEC.", "DRAW": "DRAW"}


def card(size: tuple[int, int], title: str, note: str = "") -> pygame.Surface:
    """A dark rounded card with a gold title and a thin gold rule under it."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(surf, (*CARD_BG, 236), surf.get_rect(), border_radius=10)
    tc = shared_text()
    r = tc.blit(surf, title, 24, (16, 8), C.GOLD, shadow=None)
    pygame.draw.rect(surf, C.GOLD_DARK, (16, r.bottom + 2, 36, 3))
    if note:
        tc.blit(surf, note, 13, (size[0] - 14, 14), C.TEXT_DIM, anchor="topright", kind="bold",
                shadow=None)
    return surf


def _pct(n: int, total: int) -> float:
    return 100.0 * n / total if total else 0.0


def methods_chart(det: dict, size: tuple[int, int]) -> pygame.Surface:
    """How the bouts ended: one bar per method, split by who won that way."""
    n_b = det["bouts"]
    surf = card(size, "HOW THEY ENDED", f"{n_b:,} BOUT{'' if n_b == 1 else 'S'}")
    tc = shared_text()
    n = det["bouts"]
    rows = list(det["methods"].items())
    top, row_h = 44, (size[1] - 54) // len(rows)
    label_w, bar_x = 134, 150
    bar_w = size[0] - bar_x - 70
    top_pct = max([_pct(sum(v), n) for _, v in rows] + [1.0])
    for k, (name, (a, b)) in enumerate(rows):
        y = top + k * row_h
        tc.blit(surf, METHOD_NAMES[name], 14, (bar_x - 12, y + row_h // 2), C.TEXT,
                anchor="midright", kind="bold", shadow=None)
        pygame.draw.rect(surf, GRID, (bar_x, y + 5, bar_w, row_h - 10), border_radius=3)
        x = bar_x
        parts = ((a, DRAW_GREY),) if name == "DRAW" else ((a, SIDE_COLOURS[0]), (b, SIDE_COLOURS[1]))
        for count, colour in parts:
            w = round(bar_w * _pct(count, n) / top_pct)
            if w > 0:
                pygame.draw.rect(surf, colour, (x, y + 5, w, row_h - 10), border_radius=3)
            x += w
        tc.blit(surf, f"{_pct(a + b, n):.1f}%", 22, (size[0] - 14, y + row_h // 2), C.CREAM,
                anchor="midright", shadow=None)
    del label_w
    return surf


def rounds_chart(det: dict, size: tuple[int, int]) -> pygame.Surface:
    """In which round the stoppages came: a column per round, stacked by the winner."""
    rounds = det["stoppage_rounds"]
    total = sum(a + b for a, b in rounds)
    surf = card(size, "STOPPAGES BY ROUND", f"{total:,} STOPPED")
    tc = shared_text()
    left, right, top, bottom = 20, 14, 62, 30
    w_all = size[0] - left - right
    h_all = size[1] - top - bottom
    col_w = w_all / max(1, len(rounds))
    peak = max([a + b for a, b in rounds] + [1])
    base_y = top + h_all
    pygame.draw.line(surf, GRID, (left, base_y), (size[0] - right, base_y), 1)
    for r, (a, b) in enumerate(rounds):
        x = round(left + r * col_w + col_w * 0.15)
        w = max(2, round(col_w * 0.7))
        y = base_y
        for count, colour in ((a, SIDE_COLOURS[0]), (b, SIDE_COLOURS[1])):
            h = round(h_all * count / peak)
            if h:
                pygame.draw.rect(surf, colour, (x, y - h, w, h))
                y -= h
        if a + b:
            tc.blit(surf, f"{a + b:,}", 13, (x + w // 2, y - 2), C.TEXT_DIM, anchor="midbottom",
                    kind="bold", shadow=None)
        tc.blit(surf, str(r + 1), 18, (x + w // 2, base_y + 4), C.TEXT, anchor="midtop",
                shadow=None)
    if not total:
        tc.blit(surf, "NOBODY HAS BEEN STOPPED YET", 22, (size[0] // 2, top + h_all // 2),
                C.TEXT_FAINT, anchor="center", shadow=None)
    return surf


def margins_chart(det: dict, size: tuple[int, int], names: tuple[str, str]) -> pygame.Surface:
    """The decisions' margins on the cards (mean of the three judges, in points): right of
    the middle the red corner was ahead, left the blue corner."""
    cm = det["card_margins"]
    surf = card(size, "MARGIN ON THE CARDS", f"{cm['decisions']:,} DECISIONS")
    tc = shared_text()
    counts, lo = cm["counts"], cm["from"]
    used = [i + lo for i, c in enumerate(counts) if c]
    span = max([4] + [abs(m) for m in used])
    shown = [(m, counts[m - lo] if 0 <= m - lo < len(counts) else 0)
             for m in range(-span, span + 1)]
    left, right, top, bottom = 20, 14, 66, 30
    w_all, h_all = size[0] - left - right, size[1] - top - bottom
    col_w = w_all / len(shown)
    peak = max([c for _, c in shown] + [1])
    base_y = top + h_all
    pygame.draw.line(surf, GRID, (left, base_y), (size[0] - right, base_y), 1)
    for k, (m, c) in enumerate(shown):
        colour = SIDE_COLOURS[0] if m > 0 else (SIDE_COLOURS[1] if m < 0 else DRAW_GREY)
        h = round(h_all * c / peak)
        x = round(left + k * col_w + 1)
        if h:
            pygame.draw.rect(surf, colour, (x, base_y - h, max(1, round(col_w) - 2), h))
        if m % max(1, span // 4 or 1) == 0:
            tc.blit(surf, f"{abs(m)}", 14, (x + col_w / 2, base_y + 4), C.TEXT_DIM,
                    anchor="midtop", kind="bold", shadow=None)
    mid = left + (span + 0.5) * col_w
    pygame.draw.line(surf, C.TEXT_FAINT, (mid, top - 20), (mid, base_y), 1)
    tc.blit(surf, f"{names[1].upper()} AHEAD", 13, (mid - 8, top - 20), SIDE_COLOURS[1],
            anchor="topright", kind="bold", shadow=None)
    tc.blit(surf, f"{names[0].upper()} AHEAD", 13, (mid + 8, top - 20), SIDE_COLOURS[0],
            anchor="topleft", kind="bold", shadow=None)
    if not cm["decisions"]:
        tc.blit(surf, "THE CARDS ARE READ AT THE FINAL BELL", 20,
                (size[0] // 2, top + h_all // 2), C.TEXT_FAINT, anchor="center", shadow=None)
    return surf


def knockdowns_chart(det: dict, size: tuple[int, int], names: tuple[str, str]) -> pygame.Surface:
    """How often each man went down: the mean per bout, and the share of bouts with 0, 1, 2, 3+."""
    surf = card(size, "KNOCKDOWNS", "TIMES DOWN IN A BOUT")
    tc = shared_text()
    n = det["bouts"]
    row_h = (size[1] - 52) // 2
    x0 = 196
    bw = (size[0] - x0 - 12) // 4
    for k in range(4):
        tc.blit(surf, ("NEVER", "ONCE", "TWICE", "3 OR MORE")[k], 12,
                (x0 + k * bw + bw // 2, 40), C.TEXT_DIM, anchor="midtop", kind="bold",
                shadow=None)
    for s in (0, 1):
        y = 56 + s * row_h
        tc.blit(surf, names[s].upper(), 18, (18, y), SIDE_COLOURS[s], shadow=None)
        r = tc.blit(surf, f"{det['knockdowns_per_bout'][s]:.2f}", 28, (18, y + 20), C.CREAM,
                    shadow=None)
        tc.blit(surf, "PER BOUT", 12, (r.right + 8, r.bottom - 6), C.TEXT_DIM,
                anchor="bottomleft", kind="bold", shadow=None)
        for k, c in enumerate(det["knockdown_bins"][s]):
            pct = _pct(c, n)
            box = pygame.Rect(x0 + k * bw + 4, y + 8, bw - 8, row_h - 16)
            pygame.draw.rect(surf, GRID, box, border_radius=4)
            fill = pygame.Rect(box.x, box.y, round(box.w * pct / 100), box.h)
            if fill.w:
                pygame.draw.rect(surf, SIDE_COLOURS[s], fill, border_radius=4)
            tc.blit(surf, f"{pct:.0f}%", 20, box.center, C.CREAM, anchor="center")
    return surf


def win_bar(det: dict, size: tuple[int, int], names: tuple[str, str],
             final: bool) -> pygame.Surface:
    """The headline: each corner's wins on one split bar. Finished, as win % with the 95%
    interval; while running, as a share of all the bouts, the dark rest still fighting (the
    stoppages come in first, the decisions at the final bell)."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    tc = shared_text()
    wp = det["win_pct"]
    scale = det["bouts"] / max(1, det["of"])  # shares of the whole run
    a, b, d = (wp[k][0] * scale for k in ("a", "b", "draw"))
    bar = pygame.Rect(0, 52, size[0], 30)
    pygame.draw.rect(surf, GRID, bar, border_radius=6)
    x = bar.x
    for share, colour in ((a, SIDE_COLOURS[0]), (d, DRAW_GREY), (b, SIDE_COLOURS[1])):
        w = round(bar.w * share / 100)
        if w:
            pygame.draw.rect(surf, colour, (x, bar.y, w, bar.h), border_radius=4)
        x += w
    if not final and x < bar.right:
        tc.blit(surf, "STILL FIGHTING", 16, ((x + bar.right) // 2, bar.centery), C.TEXT_DIM,
                anchor="center", kind="bold", shadow=None)
    for s, key, anchor, x0 in ((0, "a", "topleft", 0), (1, "b", "topright", size[0])):
        p, lo, hi = wp[key]
        if final:
            big, label = f"{p:.1f}%", f"{names[s].upper()} WINS   \u00b1{(hi - lo) / 2:.1f}"
        else:
            count = round(p * det["bouts"] / 100)
            big, label = f"{count:,}", f"{names[s].upper()} WINS SO FAR"
        r = tc.blit(surf, big, 52, (x0, -6), SIDE_COLOURS[s] if p else C.TEXT_DIM,
                    anchor=anchor, shadow=(0, 0, 0))
        tx = r.right + 12 if s == 0 else r.left - 12
        tc.blit(surf, label, 16, (tx, 26), C.CREAM, anchor="midleft" if s == 0 else "midright",
                kind="bold", shadow=None)
    draw_txt = f"DRAW {d:.1f}%" if final else f"{round(wp['draw'][0] * det['bouts'] / 100):,} DRAWN"
    tc.blit(surf, draw_txt, 16, (size[0] // 2, 28), C.TEXT_DIM, anchor="center",
            kind="bold", shadow=None)
    note = ("WIN % WITH ITS 95% INTERVAL" if final else
            f"{det['bouts']:,} OF {det['of']:,} BOUTS DECIDED - THE DECISIONS COME AT THE FINAL BELL")
    tc.blit(surf, note, 12, (size[0] // 2, bar.bottom + 4), C.TEXT_DIM, anchor="midtop",
            kind="bold", shadow=None)
    return surf
