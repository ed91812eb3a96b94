"""Moving a playthrough along: new game, chapter starts and ends. Scenes and the autoplay both
go through here, so a save means the same thing whoever made it."""
from __future__ import annotations

from game.story.chapters import chapter, load_chapters, next_chapter
from game.story.state import DIFFICULTIES, StoryState


def new_story(seed: int, difficulty: str = "medium") -> StoryState:
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
    state = StoryState(seed=int(seed) % 2**31, difficulty=difficulty)
    begin_chapter(state, load_chapters()[0].id)
    return state


def begin_chapter(state: StoryState, chapter_id: str) -> None:
    c = chapter(chapter_id)
    state.chapter = c.id
    state.map, state.spawn = c.map, c.spawn
    state.flags.add(f"began_{c.id}")
    if c.kind == "camp":
        state.day = 1
        state.flags.add("camp_started")


def finish_chapter(state: StoryState) -> str | None:
    """Go to the next chapter; returns its id (None after the last)."""
    nxt = next_chapter(state.chapter)
    if nxt is not None:
        begin_chapter(state, nxt)
    return nxt


def chapter_label(state: StoryState) -> str:
    c = chapter(state.chapter)
    return f"{c.title}: {c.subtitle}"
