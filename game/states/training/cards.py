"""The cards over a drill: instructions (with the player's own keys), the finish, results."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.states.training.hud import JUDGE_COLOURS
from game.states.training.keys import key_label, pad_label
from game.training import GRADES
from game.training.gains import apply_session, ceilings
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints, wrap

if TYPE_CHECKING:
    from game.states.training.drill import DrillScene

__all__ = ["JUDGE_COLOURS", "finish_banner", "instructions", "results"]
GRADE_COLOURS = {"Champion": C.GOLD, "Contender": C.GREEN, "Journeyman": (120, 170, 230),
                 "Bum": C.TEXT_DIM}
PLACE_NAMES = {"gym": "THE GYM", "meat_locker": "THE MEAT LOCKER",
               "museum_steps": "THE MUSEUM STEPS", "restaurant": "ADRIAN'S"}


def _key_chip(surface: pygame.Surface, fonts: Any, text: str, pos: tuple[int, int],
              height_px: int = 40) -> pygame.Rect:
    font = fonts.display(30 if height_px >= 40 else 24)
    surf = font.render(text, True, C.NIGHT)
    box = pygame.Rect(0, 0, max(height_px + 8, surf.get_width() + 22), height_px)
    box.midleft = pos
    pygame.draw.rect(surface, (20, 20, 26), box.move(3, 3), border_radius=6)
    pygame.draw.rect(surface, C.CREAM, box, border_radius=6)
    surface.blit(surf, surf.get_rect(center=(box.centerx, box.centery + 2)))
    return box


def instructions(surface: pygame.Surface, fonts: Any, scene: DrillScene) -> None:
    """What to do and which keys do it: this player's bindings, and the pad buttons."""
    assert scene.app is not None
    settings = scene.app.settings
    drill = scene.drill
    dim(surface, 150)
    card = pygame.Rect(140, 70, 1000, 570)
    dim(surface, 255, card, (10, 10, 16))  # solid: the drill behind never reads through
    pygame.draw.rect(surface, C.GOLD, (card.x, card.y, card.w, 5))
    blit_text(surface, fonts.bold(18), PLACE_NAMES.get(drill.place, drill.place.upper()),
              (card.x + 40, card.y + 20), C.GOLD)
    blit_text(surface, fonts.display(76), drill.name.upper(), (card.x + 40, card.y + 46),
              C.CREAM, shadow=3)
    who = f"{scene.fighter.name.upper()}, {scene.age}"
    blit_text(surface, fonts.display(34), who, (card.right - 40, card.y + 70), C.TEXT,
              "topright")
    y = card.y + 140
    for line in wrap(fonts.body(22), drill.goal, card.w - 80)[:4]:
        blit_text(surface, fonts.body(22), line, (card.x + 40, y), C.TEXT)
        y += 30
    y += 16
    blit_text(surface, fonts.bold(16), "YOUR KEYS", (card.x + 40, y), C.TEXT_DIM)
    blit_text(surface, fonts.bold(16), "PAD", (card.x + 600, y), C.TEXT_DIM)
    y += 34
    row_px = 48 if len(drill.keys) <= 5 else 36  # sparring lists every key of the ring
    for action, text in drill.keys:
        box = _key_chip(surface, fonts, key_label(settings, action), (card.x + 40, y + 20),
                        40 if row_px == 48 else 31)
        text_x = max(box.right + 18, card.x + 150)  # one column of text beside the chips
        blit_text(surface, fonts.body(22 if row_px == 48 else 19), text, (text_x, y + 20),
                  C.CREAM, "midleft")
        pad = pad_label(action) or ("STICK" if action in ("left", "right", "up", "down")
                                    else "")
        if pad:
            blit_text(surface, fonts.bold(20), pad, (card.x + 600, y + 20), C.TEXT, "midleft")
        y += row_px
    windows = drill.windows_ms
    if drill.kind not in ("sparring",):
        blit_text(surface, fonts.body(18),
                  f"On the beat: PERFECT within {windows['perfect']} ms, GOOD {windows['good']} ms,"
                  f" OK {windows['ok']} ms.", (card.x + 40, card.bottom - 96), C.TEXT_DIM)
    best = "no best score yet" if scene.best is None else f"best {scene.best:,}"
    blit_text(surface, fonts.bold(18), f"{scene.fighter.name}: {best}",
              (card.right - 40, card.y + 112), C.GOLD, "topright")
    if scene.sound_off:  # the beat clicks are silent: the drill is played by eye
        blit_text(surface, fonts.bold(18), SOUND_OFF_CARD, (card.right - 40, card.bottom - 96),
                  C.GOLD, "topright")
    blit_text(surface, fonts.display(40), "PRESS " + key_label(settings, "confirm") + " TO START",
              (card.centerx, card.bottom - 16), C.GOLD, "midbottom", shadow=2)
    draw_hints(surface, fonts, [("ENTER / " + key_label(settings, "confirm"), "Start"),
                                (key_label(settings, "back"), "Back")])


SOUND_OFF_CARD = "SOUND IS OFF: WATCH THE BEAT"
SOUND_OFF_PLAY = "SOUND IS OFF: FOLLOW THE BEAT BY EYE"


def sound_off_tag(surface: pygame.Surface, fonts: Any) -> None:
    """In play, under the top bar: the clicks are silent, the beat is the one on screen."""
    font = fonts.bold(15)
    w = font.size(SOUND_OFF_PLAY)[0]
    dim(surface, 160, pygame.Rect(30, 80, w + 20, 26), (6, 6, 12))
    blit_text(surface, font, SOUND_OFF_PLAY, (40, 93), C.GOLD, "midleft")


def finish_banner(surface: pygame.Surface, fonts: Any, scene: DrillScene) -> None:
    band = pygame.Rect(0, 280, 1280, 140)
    dim(surface, 170, band)
    text = "TO THE TOP!" if getattr(scene.rules, "top_at_s", None) is not None else "TIME!"
    blit_text(surface, fonts.display(120), text, (640, 352), C.GOLD, "center", shadow=4)


def results(surface: pygame.Surface, fonts: Any, scene: DrillScene) -> None:
    """Score, grade, best, what went right and wrong, what it would do for the fighter."""
    assert scene.app is not None and scene.result is not None
    settings = scene.app.settings
    res = scene.result
    dim(surface, 190)
    card = pygame.Rect(140, 60, 1000, 590)
    dim(surface, 255, card, (10, 10, 16))
    colour = GRADE_COLOURS.get(res.grade, C.CREAM)
    pygame.draw.rect(surface, colour, (card.x, card.y, card.w, 6))
    blit_text(surface, fonts.display(48), scene.drill.name.upper(), (card.x + 40, card.y + 24),
              C.CREAM)
    blit_text(surface, fonts.bold(18), f"{scene.fighter.name}, {scene.age}",
              (card.right - 40, card.y + 40), C.TEXT_DIM, "topright")
    blit_text(surface, fonts.display(150), res.grade.upper(), (card.x + 40, card.y + 84), colour,
              shadow=5)
    blit_text(surface, fonts.display(72), f"{res.score:,}", (card.right - 40, card.y + 100),
              C.CREAM, "topright", shadow=3)
    kept = scene._best_scores.get(scene.drill.id, scene.fighter.fighter_id)
    best_line = "NEW BEST!" if scene.new_best else (
        "no best yet" if kept is None else f"best {kept:,}")
    blit_text(surface, fonts.display(36), best_line, (card.right - 40, card.y + 186),
              C.GOLD if scene.new_best else C.TEXT_DIM, "topright")
    # the ladder of grades with this score's place on it
    y = card.y + 270
    x = card.x + 40
    for g in GRADES:
        lo = scene.drill.bands.get(g, 0)
        on = g == res.grade
        rect = pygame.Rect(x, y, 220, 44)
        pygame.draw.rect(surface, GRADE_COLOURS[g] if on else (34, 34, 44), rect,
                         border_radius=4)
        blit_text(surface, fonts.display(28), g.upper(), (rect.x + 12, rect.centery + 2),
                  C.NIGHT if on else C.TEXT_DIM, "midleft")
        blit_text(surface, fonts.bold(14), f"{lo:,}+" if lo else "", (rect.right - 10,
                  rect.centery), C.NIGHT if on else C.TEXT_FAINT, "midright")
        x += 232
    # what happened
    counts = scene.rules.counts
    y += 76
    parts = [("PERFECT", counts.get("perfect", 0), "perfect"), ("GOOD", counts.get("good", 0),
             "good"), ("OK", counts.get("ok", 0), "ok"), ("MISSED", counts.get("miss", 0), "miss")]
    if scene.drill.kind == "sparring":
        parts = [("BODY", counts.get("perfect", 0), "perfect"), ("HEAD", counts.get("good", 0),
                 "good"), ("DOWNS TAKEN", counts.get("miss", 0), "miss")]
        goal = scene.drill.params.get("goal")
        if goal == "survive":
            parts.append(("HITS TAKEN", counts.get("taken", 0), "miss"))
        elif goal == "win_round":
            parts.append(("CARD MARGIN", f"{counts.get('margin', 0):+d}", "good"))
    x = card.x + 40
    for label, n, key in parts:
        blit_text(surface, fonts.display(44), str(n), (x, y), JUDGE_COLOURS[key])
        blit_text(surface, fonts.bold(15), label, (x, y + 48), C.TEXT_DIM)
        x += 150
    if scene.drill.kind != "sparring":
        blit_text(surface, fonts.display(44), str(scene.rules.best_streak), (card.right - 40, y),
                  C.CREAM, "topright")
        blit_text(surface, fonts.bold(15), "BEST STREAK", (card.right - 40, y + 48),
                  C.TEXT_DIM, "topright")
    # what it does for the fighter
    y += 100
    fresh = fresh_gain(scene, res.grade)
    gain = scene.preview(res.grade) if scene.preview is not None else fresh
    up = [f"{attr.replace('_', ' ')} +{gain[attr]}" for attr in scene.drill.attributes
          if gain.get(attr, 0) > 0]
    if scene.on_finish is not None:
        line = ("Camp: " + ", ".join(up)) if up else "Camp: " + (
            "the body needs rest (tired, or this drill again today)." if any(fresh.values())
            else no_gain_reason(scene.gains, scene.drill, res.grade, scene.fighter.fighter_id,
                                scene.age))
    else:
        line = ("In the story this session would give " + ", ".join(up) + ".") if up else (
            f"Raises {', '.join(a.replace('_', ' ') for a in scene.drill.attributes)} "
            "(in the story, for a fighter past his prime).")
    blit_text(surface, fonts.body(20), line, (card.x + 40, y), C.TEXT)
    done = "Done" if scene.on_finish is not None else "Back"
    blit_text(surface, fonts.display(34),
              f"{key_label(settings, 'confirm')}: TRY AGAIN      {key_label(settings, 'back')}: "
              f"{done.upper()}", (card.centerx, card.bottom - 14), C.GOLD, "midbottom")
    draw_hints(surface, fonts, [("ENTER / " + key_label(settings, "confirm"), "Try again"),
                                (key_label(settings, "back"), done)])


def fresh_gain(scene: Any, grade: str) -> dict[str, int]:
    """What the session gives a rested fighter who has not done this drill today (Training
    mode's "in the story this session would give"); the story's camp passes its own
    ``preview`` (``game.story.camp.preview``: repeats and tiredness count) to the scene."""
    new = apply_session(scene.gains, scene.drill.id, grade, fighter_id=scene.fighter.fighter_id,
                        age=scene.age)
    return {a: v - scene.gains.get(a, 0) for a, v in new.items() if v > scene.gains.get(a, 0)}


def no_gain_reason(gains: dict[str, int], drill: Any, grade: str, fighter_id: str,
                   age: int) -> str:
    """Why a session gave nothing: the ceiling of his age, or a grade too low to count (a Bum
    session on day one read "nothing more to gain here at his age")."""
    caps = ceilings(fighter_id, age)
    if all(gains.get(a, 0) >= caps.get(a, 0) for a in drill.gains):
        return "nothing more to gain here at his age."
    builds = ", ".join(a.replace("_", " ") for a in drill.attributes)
    return f"a {grade} session builds nothing; a better grade builds {builds}."
