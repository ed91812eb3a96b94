"""One playthrough in progress, shared by the story's scenes: the state, its slot, the data,
saving, and which scene shows which chapter."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from game.story import saves
from game.story.camp import CampDef, load_camp
from game.story.chapters import chapter, say
from game.story.dialogue import DialogueDef, load_dialogues
from game.story.progress import finish_chapter
from game.story.speakers import SpeakerDef, load_speakers
from game.story.state import StoryState

log = logging.getLogger(__name__)


@dataclass
class StorySession:
    slot: int
    state: StoryState
    dialogues: dict[str, DialogueDef] = field(default_factory=load_dialogues)
    speakers: dict[str, SpeakerDef] = field(default_factory=load_speakers)
    camp: CampDef = field(default_factory=load_camp)
    tv_run: Any = None  # the bar TV's SimRun while it runs (game.states.story.tv)

    def save(self, app: Any) -> None:
        error = saves.save_slot(self.slot, self.state)
        if error:
            app.toast(error)
        else:
            log.info("story saved to slot %d (%s, day %d)", self.slot, self.state.chapter,
                     self.state.day)

    # -- which scene shows the current chapter ----------------------------------------------
    def scene_for_chapter(self) -> tuple[str, dict[str, Any]]:
        kind = chapter(self.state.chapter).kind
        if kind == "world":
            return "story_world", {"session": self, "map_id": self.state.map,
                                   "spawn": self.state.spawn}
        return f"story_{kind}", {"session": self}

    def show_chapter(self, app: Any, *, card: bool = True) -> None:
        """Replace the top scene with the current chapter (after its title card)."""
        name, kwargs = self.scene_for_chapter()
        if card:
            c = chapter(self.state.chapter)
            app.stack.replace("story_card", title=c.title, subtitle=c.subtitle,
                              then=(name, kwargs))
        else:
            app.stack.replace(name, **kwargs)

    def next_chapter(self, app: Any) -> None:
        """The chapter is over: move on, autosave, show the next one."""
        if finish_chapter(self.state) is None:
            app.stack.pop()
            return
        self.save(app)
        app.toast(say("saves.saved"), seconds=1.5)
        self.show_chapter(app)


def story_pause() -> dict[str, str]:
    """The pause's way out, in the story's words: every story screen saves as it is left, so
    the fight's "The bout in progress will be lost" would scare a player off for nothing."""
    return {"quit_label": say("pause.quit"), "quit_question": say("pause.question"),
            "quit_detail": say("pause.detail")}
