"""Adrian's as a subject of bench/frame.py: Rocky walking laps of the dining room, the camera
following, every NPC and lamp on the map.

    python bench/frame.py --subject hub [--json]
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

#: (ticks, held actions): a lap around the tables, so the camera scrolls both ways
LAP = ((90, ("RIGHT",)), (60, ("DOWN", "RIGHT")), (90, ("DOWN",)), (120, ("LEFT",)),
       (60, ("UP", "LEFT")), (60, ("UP",)))


def hub_subject(app: Any) -> Callable[[int], None]:
    from game import paths
    from game.input.actions import Action
    from game.states.story.session import StorySession
    from game.story.progress import new_story

    paths.set_data_dir(tempfile.mkdtemp(prefix="saf-bench-"))  # its autosave goes nowhere real
    state = new_story(1)
    state.flags.add("intro_adrians")  # no opening talk over the picture
    state.tv = {"seed": 1, "bouts": 1, "red_wins": 1, "blue_wins": 0, "winner": 0,
                "method": "KO", "round": 5}
    session = StorySession(1, state)
    app.stack.push("story_world", session=session, map_id="adrians", spawn="start")
    script = [names for ticks, names in LAP for _ in range(ticks)]
    held: list[frozenset[Action]] = [frozenset()]
    app.input.held = lambda player: held[0] if player == 0 else frozenset()

    def frame(i: int) -> None:
        held[0] = frozenset(Action[n] for n in script[i % len(script)])
        app.stack.update(app.tick)
        app.tick += 1
        app.stack.draw(app.screen, 0.5)
        app._present()

    return frame
