"""The training camp: a calendar of days, places, fatigue, gains and evening scenes.

Gains come from the training layer (``game.training.gains.apply_session``), which bounds them by
age; this module decides how many sessions a day allows and how fatigue makes a session worth
less: a tired Rocky trains as if he had already repeated the drill today.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from game.story.conditions import flags_read, holds
from game.story.data import STORY_DIR, StoryDataError, read_toml
from game.story.data import field as get
from game.story.state import StoryState

PLACE_KINDS = ("train", "restaurant", "rest")
FIGHTER_ID = "rocky"
STORY_AGE = 60


@dataclass(frozen=True)
class PlaceDef:
    id: str
    kind: str
    map: str = ""
    when: str = ""


@dataclass(frozen=True)
class EveningDef:
    day: int
    dialogue: str
    when: str = ""


@dataclass(frozen=True)
class CampDef:
    days: int
    intro: str
    per_session: int
    night: int
    rest_day: int
    restaurant_day: int
    tired_at: int
    max_sessions: int
    places: tuple[PlaceDef, ...]
    evenings: tuple[EveningDef, ...]

    def place(self, place_id: str) -> PlaceDef:
        for p in self.places:
            if p.id == place_id:
                return p
        raise StoryDataError(f"camp.toml: no place '{place_id}'")

    def flags_read(self) -> set[str]:
        out: set[str] = set()
        for p in self.places:
            out |= flags_read(p.when)
        for e in self.evenings:
            out |= flags_read(e.when)
        return out


@lru_cache(maxsize=1)
def load_camp() -> CampDef:
    path = STORY_DIR / "camp.toml"
    t = read_toml(path)
    n = path.name
    fat = t.get("fatigue")
    if not isinstance(fat, dict):
        raise StoryDataError(f"{n}: missing table [fatigue]")
    places = []
    for i, p in enumerate(t.get("place", [])):
        w = f"{n}: place[{i}]"
        kind = get(p, "kind", str, w)
        if kind not in PLACE_KINDS:
            raise StoryDataError(f"{w}: field 'kind' must be one of {', '.join(PLACE_KINDS)}")
        place = PlaceDef(get(p, "id", str, w), kind, get(p, "map", str, w, ""),
                         get(p, "when", str, w, ""))
        if kind != "rest" and not place.map:
            raise StoryDataError(f"{w}: field 'map' is needed for kind '{kind}'")
        places.append(place)
    evenings = []
    for i, e in enumerate(t.get("evening", [])):
        w = f"{n}: evening[{i}]"
        evenings.append(EveningDef(get(e, "day", int, w), get(e, "dialogue", str, w),
                                   get(e, "when", str, w, "")))
    days = get(t, "days", int, n)
    if not 1 <= days <= 60:
        raise StoryDataError(f"{n}: field 'days' must be 1..60")
    return CampDef(days, get(t, "intro", str, n, ""),
                   *(get(fat, k, int, f"{n}: [fatigue]") for k in (
                       "per_session", "night", "rest_day", "restaurant_day", "tired_at",
                       "max_sessions")),
                   tuple(places), tuple(evenings))


def open_places(camp: CampDef, flags: set[str]) -> list[PlaceDef]:
    return [p for p in camp.places if holds(p.when, flags)]


def drills_at(place_id: str) -> list[Any]:
    """The training layer's drills done at a place (DrillDef), in its menu order."""
    from game.training import list_drills, load_drill

    return [d for d in (load_drill(i) for i in list_drills()) if d.place == place_id]


def sessions_today(state: StoryState) -> int:
    return sum(state.sessions_today.values())


def can_train(state: StoryState, camp: CampDef) -> bool:
    return sessions_today(state) < camp.max_sessions


def tired(state: StoryState, camp: CampDef) -> bool:
    return state.fatigue >= camp.tired_at


def session_gains(state: StoryState, camp: CampDef, drill_id: str,
                  grade: str) -> dict[str, int]:
    """What one session of ``drill_id`` at ``grade`` would make of the gains now: the same
    drill already done today and a tired body both count as repeats. The drill's results card
    previews with this and ``train`` applies it, so the card and the station agree."""
    from game.training.gains import apply_session

    repeats = state.sessions_today.get(drill_id, 0) + (1 if tired(state, camp) else 0) \
        + (1 if state.fatigue >= 85 else 0)
    return dict(apply_session(dict(state.gains), drill_id, grade, fighter_id=FIGHTER_ID,
                              age=STORY_AGE, repeats_today=repeats))


def gain_delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {k: v - before.get(k, 0) for k, v in after.items() if v != before.get(k, 0)}


def preview(state: StoryState, camp: CampDef, drill_id: str, grade: str) -> dict[str, int]:
    """What a session would add (attribute -> points), without doing it."""
    return gain_delta(state.gains, session_gains(state, camp, drill_id, grade))


def train(state: StoryState, camp: CampDef, drill_id: str, grade: str) -> dict[str, int]:
    """One session: new gains from the training layer; fatigue up. Returns what changed."""
    before = dict(state.gains)
    state.gains = session_gains(state, camp, drill_id, grade)
    state.sessions_today[drill_id] = state.sessions_today.get(drill_id, 0) + 1
    state.fatigue = min(100, state.fatigue + camp.per_session)
    delta = gain_delta(before, state.gains)
    state.camp_log.append({"day": state.day, "drill": drill_id, "grade": grade, "delta": delta})
    return delta


def end_day(state: StoryState, camp: CampDef, kind: str, place: str = "") -> str | None:
    """Close the day (kind: train | restaurant | rest; place: where, for the calendar);
    returns tonight's evening dialogue."""
    change = {"train": camp.night, "restaurant": camp.restaurant_day, "rest": camp.rest_day}[kind]
    state.fatigue = max(0, min(100, state.fatigue + change))
    state.camp_log.append({"day": state.day, "day_kind": kind, "place": place or kind})
    evening = next((e.dialogue for e in camp.evenings
                    if e.day == state.day and holds(e.when, state.flags)), None)
    state.day += 1
    state.sessions_today = {}
    return evening


def camp_over(state: StoryState, camp: CampDef) -> bool:
    return state.day > camp.days
