"""Who speaks: assets/story/speakers.toml (display names, portraits, walking sprites)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from game.story.data import STORY_DIR, StoryDataError, read_toml
from game.story.data import field as get


@dataclass(frozen=True)
class SpeakerDef:
    id: str
    name: str
    portrait: bool  # a portrait and a walking sprite were drawn for it


@lru_cache(maxsize=1)
def load_speakers() -> dict[str, SpeakerDef]:
    path = STORY_DIR / "speakers.toml"
    out = {}
    for sid, table in read_toml(path).items():
        where = f"{path.name}: [{sid}]"
        if not isinstance(table, dict):
            raise StoryDataError(f"{where}: must be a table")
        out[sid] = SpeakerDef(sid, get(table, "name", str, where),
                              bool(get(table, "portrait", bool, where, "look" in table)))
    return out
