"""Chapters (assets/story/chapters.toml) and the words of the story's screens (ui.toml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from game.story.data import STORY_DIR, StoryDataError, read_toml
from game.story.data import field as get

KINDS = ("world", "camp", "fight", "ending")


@dataclass(frozen=True)
class ChapterDef:
    id: str
    kind: str
    title: str
    subtitle: str
    map: str = ""
    spawn: str = ""
    intro: str = ""  # dialogue started when the chapter begins
    goals: tuple[tuple[str, str], ...] = ()  # (flag condition, ui.toml key): objective lines


def _goals(t: dict, where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for i, g in enumerate(t.get("goals", [])):
        gw = f"{where}: goals[{i}]"
        if not isinstance(g, dict):
            raise StoryDataError(f"{gw}: must be a table")
        out.append((get(g, "if", str, gw, ""), get(g, "text", str, gw)))
    return tuple(out)


@lru_cache(maxsize=1)
def load_chapters() -> tuple[ChapterDef, ...]:
    path = STORY_DIR / "chapters.toml"
    out = []
    for i, t in enumerate(read_toml(path).get("chapter", [])):
        where = f"{path.name}: chapter[{i}]"
        kind = get(t, "kind", str, where)
        if kind not in KINDS:
            raise StoryDataError(f"{where}: field 'kind' must be one of {', '.join(KINDS)}")
        c = ChapterDef(get(t, "id", str, where), kind, get(t, "title", str, where),
                       get(t, "subtitle", str, where), get(t, "map", str, where, ""),
                       get(t, "spawn", str, where, ""), get(t, "intro", str, where, ""),
                       _goals(t, where))
        if kind == "world" and not (c.map and c.spawn):
            raise StoryDataError(f"{where}: a world chapter needs 'map' and 'spawn'")
        out.append(c)
    if not out:
        raise StoryDataError(f"{path.name}: no [[chapter]]")
    return tuple(out)


def chapter(chapter_id: str) -> ChapterDef:
    for c in load_chapters():
        if c.id == chapter_id:
            return c
    raise StoryDataError(f"chapters.toml: no chapter '{chapter_id}'")


def chapter_goals(chapter_id: str) -> tuple[tuple[str, str], ...]:
    return chapter(chapter_id).goals


def next_chapter(chapter_id: str) -> str | None:
    ids = [c.id for c in load_chapters()]
    i = ids.index(chapter_id)
    return ids[i + 1] if i + 1 < len(ids) else None


@lru_cache(maxsize=1)
def ui_text() -> dict[str, str]:
    """Every word the story's screens show that is not dialogue: ui.toml, flat keys."""
    path = STORY_DIR / "ui.toml"
    out: dict[str, str] = {}

    def walk(prefix: str, t: dict) -> None:
        for k, v in t.items():
            key = f"{prefix}{k}"
            if isinstance(v, dict):
                walk(key + ".", v)
            elif isinstance(v, str):
                out[key] = v
            else:
                raise StoryDataError(f"{path.name}: '{key}' must be text")

    walk("", read_toml(path))
    return out


def say(key: str, **values: object) -> str:
    """The ui.toml text for key, with {name} filled in."""
    try:
        text = ui_text()[key]
    except KeyError:
        raise StoryDataError(f"ui.toml: missing '{key}'") from None
    return text.format(**values) if values else text
