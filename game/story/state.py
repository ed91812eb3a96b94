"""What a story playthrough is at any moment: the thing a save holds."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DIFFICULTIES = ("easy", "medium", "hard")
#: flags that code (not dialogue data) sets
CODE_FLAGS = ("tv_rocky_won", "tv_dixon_won", "camp_started", "fight_won", "fight_lost")


@dataclass
class StoryState:
    seed: int = 1
    difficulty: str = "medium"
    chapter: str = "adrians"
    map: str = ""  # where Rocky stands (empty: the chapter's map and spawn)
    spawn: str = ""
    day: int = 1  # camp day, 1-based
    flags: set[str] = field(default_factory=set)
    gains: dict[str, int] = field(default_factory=dict)
    fatigue: int = 0  # 0..100
    sessions_today: dict[str, int] = field(default_factory=dict)  # drill id -> sessions today
    camp_log: list[dict[str, Any]] = field(default_factory=list)  # one entry per session/day
    tv: dict[str, Any] | None = None  # the TV's virtual fight (see game.story.tv)
    fight: dict[str, Any] | None = None  # the result of fight night
    ending: str = ""
    play_ticks: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = sorted(self.flags)
        return data

    @staticmethod
    def from_json(data: dict[str, Any]) -> StoryState:
        s = StoryState()
        known = set(asdict(s))
        for key, value in data.items():
            if key in known:
                setattr(s, key, value)
        if not isinstance(s.flags, (list, set)) or not all(isinstance(f, str) for f in s.flags):
            raise ValueError("field 'flags' must be a list of names")
        s.flags = set(s.flags)
        if s.difficulty not in DIFFICULTIES:
            raise ValueError(f"field 'difficulty' must be one of {', '.join(DIFFICULTIES)}")
        for name, kind in (("seed", int), ("day", int), ("fatigue", int), ("chapter", str),
                           ("gains", dict), ("sessions_today", dict), ("camp_log", list)):
            if not isinstance(getattr(s, name), kind):
                raise ValueError(f"field '{name}' must be {kind.__name__}")  # noqa: TRY004
        return s
