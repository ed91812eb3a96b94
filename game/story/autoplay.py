"""The whole story without a player: automatic choices, auto-trained drills, a CPU in Rocky's
place. Used by ``still-a-fighter story --headless --autoplay`` and by the tests."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.story import camp as campmod
from game.story import fight as fightmod
from game.story.chapters import chapter
from game.story.dialogue import DialogueDef, DialogueRunner, load_dialogues
from game.story.endings import dialogue_for
from game.story.progress import finish_chapter, new_story
from game.story.state import StoryState
from game.story.tv import TV_BOUTS, run_virtual_fight, tv_flag

#: The dialogues a player meets walking a chapter's map before its closing talk, in order.
WORLD_ROUTES: dict[str, tuple[str, ...]] = {
    "adrians": ("intro_adrians", "photo_wall", "robert", "tv_show", "lou", "paulie"),
    "hearing": ("hearing",),
}
#: The camp's plan when nobody picks: (place, sessions) per day, cycling.
CAMP_PLAN: tuple[tuple[str, int], ...] = (
    ("gym", 2), ("museum_steps", 2), ("gym", 2), ("meat_locker", 2), ("restaurant", 0),
    ("meat_locker", 2), ("museum_steps", 2), ("rest", 0), ("gym", 2), ("meat_locker", 2),
    ("museum_steps", 1), ("rest", 0),
)


class Autoplay:
    """Plays a StoryState to its ending; ``say`` gets one line per chapter and the ending."""

    def __init__(self, seed: int, difficulty: str = "medium", *, choice: int = 0,
                 say: Callable[[str], None] = print, tv_bouts: int = TV_BOUTS,
                 fight: Callable[[fightmod.FightPlan], dict[str, Any]] | None = None,
                 tv: Callable[[int, int], dict[str, Any]] | None = None) -> None:
        self.state = new_story(seed, difficulty)
        self.dialogues = load_dialogues()
        self.choice = choice
        self.say = say
        self.tv_bouts = tv_bouts
        self.fight = fight or fightmod.run_headless
        self.tv = tv or run_virtual_fight

    def talk(self, dialogue_id: str) -> list[str]:
        d: DialogueDef = self.dialogues[dialogue_id]
        runner = DialogueRunner(d, self.state.flags)
        seen = []
        while not runner.done:
            page = runner.page
            assert page is not None
            seen.append(page.text)
            if page.choices:
                runner.choose(min(self.choice, len(page.choices) - 1))
            else:
                runner.advance()
        return seen

    def watch_tv(self) -> None:
        """The bar's TV: the virtual fight runs, the room's flags follow its verdict."""
        if self.state.tv is None:
            self.state.tv = self.tv(self.state.seed, self.tv_bouts)
        self.state.flags.add(tv_flag(self.state.tv))

    def run(self) -> StoryState:
        s = self.state
        while True:
            c = chapter(s.chapter)
            if c.kind == "world":
                for did in WORLD_ROUTES.get(c.id, (c.intro,)):
                    if did == "tv_show":
                        self.watch_tv()
                    self.talk(did)
                self.say(f"{c.title}: {c.subtitle} - done ({self._world_note()})")
            elif c.kind == "camp":
                self._camp()
                gains = ", ".join(f"{k} +{v}" for k, v in sorted(s.gains.items()) if v) or "none"
                self.say(f"{c.title}: {c.subtitle} - {campmod.load_camp().days} days, "
                         f"gains {gains}")
            elif c.kind == "fight":
                self.talk("fight_intro")
                result = self.fight(fightmod.plan(s))
                fightmod.record(s, result)
                who = "Rocky" if result["winner"] == 0 else (
                    "Dixon" if result["winner"] == 1 else "nobody")
                self.say(f"{c.title}: {c.subtitle} - {who} by {result['method']} "
                         f"in round {result['round']}")
            elif c.kind == "ending":
                self.talk(dialogue_for(s.ending))
                self.say(f"Ending: {s.ending}")
            if finish_chapter(s) is None:
                return s

    def _world_note(self) -> str:
        s = self.state
        if s.chapter == "adrians" and s.tv:
            names = {0: "Rocky", 1: "Dixon"}
            pick = names.get(s.tv.get("pick", s.tv["winner"]), "nobody")
            wins = s.tv["red_wins"] if pick == "Rocky" else s.tv["blue_wins"]
            shown = names.get(s.tv["winner"], "nobody")
            return (f"the TV's computer picked {pick} ({wins} of {s.tv['bouts']}); its featured "
                    f"fight: {shown} by {s.tv['method']} in round {s.tv['round']}")
        return "license granted" if "license" in s.flags else "on"

    def _camp(self) -> None:
        s = self.state
        camp = campmod.load_camp()
        if camp.intro:
            self.talk(camp.intro)
        while not campmod.camp_over(s, camp):
            place_id, sessions = CAMP_PLAN[(s.day - 1) % len(CAMP_PLAN)]
            open_ids = {p.id for p in campmod.open_places(camp, s.flags)}
            if place_id not in open_ids:
                place_id = "gym"
            place = camp.place(place_id)
            if place.kind == "train":
                from game.training.gains import AUTO_GRADE

                drills = campmod.drills_at(place.id)
                for i in range(sessions):
                    if not drills or not campmod.can_train(s, camp):
                        break
                    campmod.train(s, camp, drills[i % len(drills)].id, AUTO_GRADE)
            evening = campmod.end_day(s, camp, place.kind, place.id)
            if evening:
                self.talk(evening)
