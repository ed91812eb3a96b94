"""Checking a loaded save against the game's real data, so a damaged one is caught at load.

A save is JSON that a player can edit, a disk can damage and an older build can leave behind:
every name in it (chapter, map, spawn, drill, attribute, place, ending) must name something this
build has, and every number must be one the scenes can draw. A save that fails is moved aside
by the save layer with this message, instead of crashing a scene later with a traceback.

Only the standard library and the story / training rules (no pygame): the map's spawns are read
from the .tmx file's XML directly (pytmx pulls pygame in).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from typing import Any

from game.story.state import StoryState

#: what a camp day can be closed as (game.story.camp.end_day)
DAY_KINDS = ("train", "restaurant", "rest")


class SaveError(ValueError):
    """A save names something that does not exist; the message names the field."""


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _int_in(name: str, v: Any, lo: int, hi: int) -> None:
    if not _is_int(v) or not lo <= v <= hi:
        raise SaveError(f"field '{name}' is {v!r}; must be a whole number {lo}..{hi}")


@lru_cache(maxsize=16)
def map_spawns(map_id: str) -> frozenset[str] | None:
    """The spawn names of levels/<map_id>.tmx, or None if there is no such map."""
    from game.world.tilemap import map_path

    if not map_id or "/" in map_id or "\\" in map_id or map_id.startswith("."):
        return None
    path = map_path(map_id)
    if not path.is_file():
        return None
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError):
        return None
    names = set()
    for obj in root.iter("object"):
        kind = obj.get("type") or obj.get("class") or ""
        if kind == "spawn" and obj.get("name"):
            names.add(str(obj.get("name")))
    return frozenset(names)


def _check_place(state: StoryState) -> None:
    """chapter, map and spawn. An empty map means the chapter's own map and spawn (what the
    state's field says, and what a version-1 save, which kept no map, holds): filled in here."""
    from game.story.chapters import load_chapters

    chapters = {c.id: c for c in load_chapters()}
    if state.chapter not in chapters:
        raise SaveError(f"field 'chapter' is {state.chapter!r}; no such chapter "
                        f"(the story has {', '.join(chapters)})")
    c = chapters[state.chapter]
    if not isinstance(state.map, str) or not isinstance(state.spawn, str):
        raise SaveError("fields 'map' and 'spawn' must be text")
    if not state.map:
        state.map, state.spawn = c.map, c.spawn
        return
    spawns = map_spawns(state.map)
    if spawns is None:
        raise SaveError(f"field 'map' is {state.map!r}; there is no such map")
    if state.spawn not in spawns:
        raise SaveError(f"field 'spawn' is {state.spawn!r}; map '{state.map}' has no such "
                        f"spawn")


def _check_gains(name: str, gains: Any, lo: int) -> None:
    from game.combat.age import ATTRIBUTES, MAX_GAIN

    if not isinstance(gains, dict):
        raise SaveError(f"field '{name}' must be a table of attribute -> points")
    for attr, points in gains.items():
        if attr not in ATTRIBUTES:
            raise SaveError(f"field '{name}' names {attr!r}; no such attribute")
        _int_in(f"{name}.{attr}", points, lo, MAX_GAIN)


def _check_camp(state: StoryState) -> None:
    from game.story.camp import load_camp
    from game.training import GRADES, list_drills
    from game.training.gains import AUTO_GRADE

    camp = load_camp()
    drills = set(list_drills())
    places = {p.id for p in camp.places} | set(DAY_KINDS)
    _int_in("day", state.day, 1, camp.days + 1)
    _int_in("fatigue", state.fatigue, 0, 100)
    _check_gains("gains", state.gains, 0)
    for drill, n in state.sessions_today.items():
        if drill not in drills:
            raise SaveError(f"field 'sessions_today' names drill {drill!r}; no such drill")
        _int_in(f"sessions_today.{drill}", n, 0, 99)
    for i, e in enumerate(state.camp_log):
        where = f"camp_log[{i}]"
        if not isinstance(e, dict):
            raise SaveError(f"field '{where}' must be a table")
        _int_in(f"{where}.day", e.get("day"), 1, camp.days + 1)
        if "day_kind" in e:
            if e["day_kind"] not in DAY_KINDS:
                raise SaveError(f"field '{where}.day_kind' is {e['day_kind']!r}; must be one "
                                f"of {', '.join(DAY_KINDS)}")
            if e.get("place", e["day_kind"]) not in places:
                raise SaveError(f"field '{where}.place' is {e.get('place')!r}; no such place")
        elif "drill" in e:
            if e["drill"] not in drills:
                raise SaveError(f"field '{where}.drill' is {e['drill']!r}; no such drill")
            if e.get("grade") not in (*GRADES, AUTO_GRADE):
                raise SaveError(f"field '{where}.grade' is {e.get('grade')!r}; no such grade")
            _check_gains(f"{where}.delta", e.get("delta", {}), -99)
        else:
            raise SaveError(f"field '{where}' is neither a session nor a day")


def _check_results(state: StoryState) -> None:
    """The bar TV's record, the fight's result and the ending."""
    from game.combat.state import METHODS
    from game.story.endings import ENDINGS
    from game.story.tv import show_verdict

    if state.tv is not None:
        if not isinstance(state.tv, dict):
            raise SaveError("field 'tv' must be a table")
        for key in ("pick", "winner"):
            if state.tv.get(key) not in (0, 1, None) or isinstance(state.tv.get(key), bool):
                raise SaveError(f"field 'tv.{key}' is {state.tv.get(key)!r}; must be 0 or 1")
        try:
            show_verdict(state.tv)
        except (TypeError, ValueError, KeyError, IndexError) as exc:
            raise SaveError(f"field 'tv' cannot be shown ({exc})") from None
    if state.fight is not None:
        f = state.fight
        if not isinstance(f, dict):
            raise SaveError("field 'fight' must be a table")
        if f.get("winner") not in (0, 1, None) or isinstance(f.get("winner"), bool):
            raise SaveError(f"field 'fight.winner' is {f.get('winner')!r}; must be 0, 1 or null")
        if f.get("method") not in METHODS[1:]:
            raise SaveError(f"field 'fight.method' is {f.get('method')!r}; no such method")
        _int_in("fight.round", f.get("round"), 1, 99)
    if not isinstance(state.ending, str) or (state.ending and state.ending not in ENDINGS):
        raise SaveError(f"field 'ending' is {state.ending!r}; no such ending")
    from game.story.chapters import chapter

    if chapter(state.chapter).kind == "ending" and not (state.ending and state.fight):
        raise SaveError("the save is at the ending but holds no fight result")


def check_state(state: StoryState) -> StoryState:
    """Raise SaveError naming the first field that is wrong; returns the state (an empty map
    filled in with the chapter's)."""
    _int_in("seed", state.seed, 0, 2**31 - 1)
    _int_in("play_ticks", state.play_ticks, 0, 2**53)
    _check_place(state)
    _check_camp(state)
    _check_results(state)
    return state
