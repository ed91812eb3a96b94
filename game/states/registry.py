"""Named scenes, explicitly listed (no auto-discovery).

Each entry maps a name to ``"module:Class"``; the module is imported only when the scene is first
made, so start-up stays quick. To add a scene, add ONE line to ``SCENES`` below.
"""
from __future__ import annotations

import importlib
import importlib.util
import inspect
from typing import Any

from game.states.base import Scene

SCENES: dict[str, str] = {
    # house
    "title": "game.states.title:TitleScene",
    "menu": "game.states.menu:MenuScene",
    "settings": "game.states.settings:SettingsScene",
    "controls": "game.states.controls:ControlsScene",
    "pause": "game.states.pause:PauseScene",
    "confirm": "game.states.confirm:ConfirmScene",
    # other parts: one line each
    "versus_select": "game.states.versus.select:VersusSelectScene",  # ring
    "versus_intro": "game.states.versus.intro:VersusIntroScene",  # ring
    "ring": "game.states.ring.scene:RingScene",  # ring
    "corner": "game.states.ring.corner:CornerScene",  # ring
    "replay": "game.states.ring.replay:ReplayScene",  # ring
    "versus_results": "game.states.versus.results:VersusResultsScene",  # ring
    "gallery": "game.states.gallery:GalleryScene",  # art
    "virtual_fight": "game.states.virtual.scene:VirtualFightScene",  # virtual
    "story": "game.states.story.slots:StorySlotsScene",  # story
    "story_card": "game.states.story.card:StoryCardScene",  # story
    "story_world": "game.states.story.world:StoryWorldScene",  # story
    "story_dialogue": "game.states.story.dialogue:StoryDialogueScene",  # story
    "story_tv": "game.states.story.tv:StoryTvScene",  # story
    "story_camp": "game.states.story.camp:StoryCampScene",  # story
    "story_station": "game.states.story.station:StoryStationScene",  # story
    "story_fight": "game.states.story.fight:StoryFightScene",  # story
    "story_ending": "game.states.story.ending:StoryEndingScene",  # story
    "story_credits": "game.states.story.ending:StoryCreditsScene",  # story
    "hub": "game.states.story.slots:StoryHubScene",  # story: a new game at Adrian's
    "training": "game.states.training.menu:TrainingMenuScene",  # training
    "drill": "game.states.training.drill:DrillScene",  # training
    "calibrate": "game.states.training.calibrate:CalibrateScene",  # training
    "train_heavy_bag": "game.states.training.scenes:HeavyBagScene",  # training
    "train_speed_bag": "game.states.training.scenes:SpeedBagScene",  # training
    "train_jump_rope": "game.states.training.scenes:JumpRopeScene",  # training
    "train_meat_locker": "game.states.training.scenes:MeatLockerScene",  # training
    "train_museum_steps": "game.states.training.scenes:MuseumStepsScene",  # training
    "train_mitts": "game.states.training.scenes:MittsScene",  # training
    "train_sparring": "game.states.training.scenes:SparringScene",  # training
    "train_sparring_survive": "game.states.training.scenes:SparringSurviveScene",  # training
    "train_sparring_cards": "game.states.training.scenes:SparringCardsScene",  # training
    "spar_ring": "game.states.training.spar_ring:SparringRingScene",  # training
    "replays": "game.states.replays:ReplaysScene",  # audit: the kept replays, to watch
    "help": "game.states.help:HelpScene",  # audit: every move with each player's keys
}


class UnknownScene(KeyError):
    """Raised for a name that is not in SCENES."""


def names() -> list[str]:
    return sorted(SCENES)


def is_registered(name: str) -> bool:
    return name in SCENES


def scene_class(name: str) -> type[Scene]:
    """Import and return the class registered as ``name``."""
    try:
        target = SCENES[name]
    except KeyError:
        raise UnknownScene(f"no scene named {name!r}; known: {', '.join(names())}") from None
    module_name, _, class_name = target.partition(":")
    module = importlib.import_module(module_name)
    cls = getattr(module, class_name)
    if not (isinstance(cls, type) and issubclass(cls, Scene)):
        raise TypeError(f"registry entry {name!r} -> {target} is not a Scene subclass")
    return cls


def is_available(name: str) -> bool:
    """Registered and its module exists (checked without importing it, so menus stay quick).

    A registered scene whose module is not written yet is not available.
    """
    if name not in SCENES:
        return False
    module_name = SCENES[name].partition(":")[0]
    try:
        return importlib.util.find_spec(module_name) is not None
    except (ImportError, ValueError):
        return False


def opens_alone(name: str) -> bool:
    """True when the scene needs nothing handed to it (no required argument), so `--scene`
    can open it; the others (a story chapter, a corner between rounds) open only from the game."""
    params = inspect.signature(scene_class(name).__init__).parameters.values()
    return not any(p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
                   for p in list(params)[1:])


def make(name: str, **kwargs: Any) -> Scene:
    """Make a new instance of the scene registered as ``name``."""
    scene = scene_class(name)(**kwargs)
    scene.name = name
    return scene
