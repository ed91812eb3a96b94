"""One drill: instructions card, count-in, the drill itself, results card with retry.

Timing: presses are judged against a beat anchor taken from ``clock`` when the drill starts:
``time.perf_counter`` in the game, a tick counter (ticks / 60) in headless runs and tests, or
anything injected. Presses are stamped with the clock when the scene receives them, and the
player's audio/input offset (Settings) is taken off by the rules. Beat sounds are played on
the tick nearest their beat. A pause moves the anchor on by the time spent paused.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from game.combat import load_fighter
from game.input.actions import COMBAT_ACTIONS, MASH_GAP_TICKS, Action, ActionEvent
from game.states.base import Scene
from game.states.training import cards
from game.states.training.hud import Popups, top_bar
from game.states.training.views import make_view
from game.training import DrillResult, load_drill
from game.training.autoplay import Autoplayer
from game.training.best import load_best, save_best
from game.training.rules import DrillEvent, make_rules
from game.training.rules.rhythm import RhythmRules
from game.training.timing import TICK_S, TickClock

if TYPE_CHECKING:
    from game.app import App

log = logging.getLogger(__name__)
START_DELAY_S = 0.6  # the first lead-in beat comes this long after the player starts
COUNTDOWN_S = 3.0  # drills without a beat count in 3, 2, 1 first
AUTO_CONFIRM_TICKS = 20  # the scripted player reads the card this long


class DrillScene(Scene):
    """A drill for any fighter at any age; with ``on_finish`` it is a camp day of the story."""

    pausable = True

    @property  # type: ignore[override]
    def back_pauses(self) -> bool:
        """Esc pauses only while the drill runs: on the card and the results the footer's
        "Esc Back" must go back (it became a Pause there that nothing answered)."""
        return self.phase in ("play", "finish")

    def __init__(self, drill_id: str, fighter_id: str = "rocky", age: int | None = None,
                 gains: dict[str, int] | None = None,
                 on_finish: Callable[[DrillResult], None] | None = None, *,
                 autoplay: str | None = None, clock: Callable[[], float] | None = None,
                 seed: int | None = None,
                 preview: Callable[[str], dict[str, int]] | None = None) -> None:
        super().__init__()
        self.drill = load_drill(drill_id)
        self.fighter = load_fighter(fighter_id)
        self.age = int(age if age is not None else min(65, max(20, self.fighter.story_age)))
        self.gains = dict(gains or {})
        self.on_finish = on_finish
        #: grade -> the points this session would add (the story's camp: repeats and tiredness
        #: count); None: a fresh session (cards.fresh_gain)
        self.preview = preview
        self.autoplay_mode = autoplay
        self._clock_in = clock
        self.seed = seed
        self.phase = "card"  # card -> play -> finish -> results
        self.result: DrillResult | None = None
        self.new_best = False
        self.best: int | None = None
        self.attempts = 0
        self.popups = Popups()
        self._held: set[str] = set()
        self._ticks = 0
        self._phase_tick = 0
        self._last_confirm = -MASH_GAP_TICKS
        self._paused_at: float | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def enter(self, app: App) -> None:
        super().enter(app)
        if self._clock_in is not None:
            self.clock = self._clock_in
        elif app.headless:
            self.clock = TickClock()
        else:
            self.clock = time.perf_counter
        self._best_scores, message = load_best()
        if message:
            app.toast(message, seconds=8)
        self.best = self._best_scores.get(self.drill.id, self.fighter.fighter_id)
        if self.seed is None:
            self.seed = int(app.seed)
        self._new_session()
        app.audio.stop_music()

    def _new_session(self) -> None:
        assert self.app is not None
        self.attempts += 1
        seed = int(self.seed or 1) + self.attempts - 1
        self.rules = make_rules(self.drill, seed=seed)
        self.rules.offset_s = int(getattr(self.app.settings, "input_offset_ms", 0)) / 1000.0
        self.autoplayer = Autoplayer(self.autoplay_mode, seed=seed) if self.autoplay_mode else None
        self.view = make_view(self)
        self.popups = Popups()
        self._held.clear()
        self._sound_beat = 0
        self.presses = 0  # the player's presses this session: none, and it is not a best
        self.t_s = -COUNTDOWN_S

    def cover(self) -> None:
        self._paused_at = self.clock()
        self._held.clear()

    def uncover(self) -> None:
        if self._paused_at is not None and self.phase == "play":
            self.anchor_s += self.clock() - self._paused_at
        self._paused_at = None

    # -- flow -------------------------------------------------------------------------------
    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        self._phase_tick = self._ticks

    def start(self) -> None:
        """Leave the card (or the results, for a retry) and start the drill."""
        assert self.app is not None
        if self.phase == "results":
            self._new_session()
        if self.drill.kind == "sparring":
            self._start_sparring()
            return
        lead = START_DELAY_S if isinstance(self.rules, RhythmRules) else COUNTDOWN_S
        self.anchor_s = self.clock() + lead
        self.t_s = -lead
        self._set_phase("play")
        self.view.start()

    def _start_sparring(self) -> None:
        """Sparring is a real bout: the ring scene runs it and hands the session back."""
        from game.bout import BoutSession, BoutSetup, SideSetup
        from game.bout.session import CpuControl
        from game.training.autoplay import SparringControl

        assert self.app is not None
        p = self.drill.params
        opponent = load_fighter(str(p["opponent"]))
        opp_age = int(p.get("opponent_age", min(65, max(20, opponent.prime_age))))
        setup = BoutSetup(
            sides=(SideSetup(self.fighter.fighter_id, self.age, "human1",
                             gains=self.gains or None),
                   SideSetup(opponent.fighter_id, opp_age, "cpu", str(p["difficulty"]))),
            rounds=int(p["rounds"]), clock_speed=int(p["clock_speed"]),
            seed=int(self.seed or 1) + self.attempts)
        rules = self.rules
        self.t_s = 0.0
        self.anchor_s = self.clock()
        self._set_phase("play")
        kwargs: dict[str, Any] = {"on_finish": self._bout_done, "record": False,
                                  "stop_when": lambda s: rules.reached(s.landed(0, "body")),
                                  "goal": self._goal_text}
        if self.autoplayer is not None:  # a scripted boxer in the red corner
            session = BoutSession(setup, controls=[
                SparringControl(self.autoplay_mode or "idle", seed=int(self.seed or 1)),
                CpuControl(str(p["difficulty"]))])
            kwargs.update(session=session, present=not self.app.headless)
        else:
            kwargs.update(setup=setup)
        ring = self.app.stack.push("spar_ring", **kwargs)
        ring.pause_options = self.pause_options()  # type: ignore[attr-defined]

    def pause_options(self) -> dict[str, Any]:
        """The pause's way out of a drill: back to where it was chosen (the Training menu, the
        camp's station), not out to the main menu, and in a drill's words (a jump rope drill
        asked "Leave this fight? The bout in progress will be lost.")."""
        assert self.app is not None
        scenes = self.app.stack.scenes
        i = scenes.index(self) if self in scenes else 0
        options: dict[str, Any] = {"quit_label": "Stop the drill",
                                   "quit_question": f"Stop {self.drill.name}?",
                                   "quit_detail": "This session will not count."}
        if i > 0:
            options["back_to"] = scenes[i - 1]
        return options

    def _goal_text(self, session: Any) -> tuple[str, str]:
        """The sparring goal as the ring shows it under the clock."""
        goal = str(self.drill.params["goal"])
        if goal == "body_shots":
            return ("BODY SHOTS", f"{session.landed(0, 'body')} / {self.drill.params['target']}")
        if goal == "survive":
            down = session.view.fighters[0].knockdowns
            return ("SURVIVE: HITS TAKEN / KNOCKDOWNS", f"{session.landed(1)} / {down}")
        # the judges' cards are only written at the bell: during the round, what they will
        # score is in front of them, the punches each man lands
        return ("WIN IT ON THE CARDS: PUNCHES LANDED", f"{session.landed(0)} - {session.landed(1)}")

    def _bout_done(self, session: Any) -> None:
        """The ring popped itself: score the bout, then the results card."""
        from game.training.rules.sparring import SparringTally

        v = session.view
        rounds_done = max(0, int(v.round) - 1)
        seconds = rounds_done * 180.0 + (180.0 - float(v.clock_seconds_left))
        mine, theirs = session.points()
        result = session.result
        tally = SparringTally(
            landed_body=session.landed(0, "body"), landed_head=session.landed(0, "head"),
            knockdowns_taken=int(v.fighters[0].knockdowns),
            knockdowns_scored=int(v.fighters[1].knockdowns), seconds=seconds,
            card_margin=mine - theirs, landed_against=session.landed(1),
            stopped=bool(session.stopped or (result is not None
                                             and result.method in ("KO", "TKO"))))
        self.rules.finish(tally)
        self.t_s = seconds
        self._drain(seconds)
        self._finish()

    def now_s(self) -> float:
        """Seconds since the beat anchor (negative during the count-in)."""
        return self.clock() - self.anchor_s

    def leave(self) -> None:
        """Back out: to the Training menu, or (story) back to the camp with the result."""
        assert self.app is not None
        result = self.result
        scenes = self.app.stack.scenes
        below = scenes[-2] if len(scenes) > 1 else None
        if self.on_finish is None and getattr(below, "name", None) != "training":
            # opened on its own (--scene train_heavy_bag sits on the main menu): a player
            # expects Back to land in the Training menu, on this drill, not in the main menu
            menu = self.app.stack.replace("training", fighter_id=self.fighter.fighter_id,
                                          age=self.age)
            menu.select_drill(self.drill.id)  # type: ignore[attr-defined]
            return
        self.app.stack.pop()
        if self.on_finish is not None and result is not None:
            self.on_finish(result)

    def _finish(self) -> None:
        assert self.app is not None
        self.result = self.rules.result()
        # a scripted player's score is not the player's best, nor a drill left to run out
        # its clock with no key pressed ("best 0" on the card; sparring's keys go to the ring)
        played = self.presses > 0 or self.drill.kind == "sparring"
        self.new_best = self.autoplayer is None and played and self._best_scores.record(
            self.drill.id, self.fighter.fighter_id, self.result.score)
        if self.new_best:
            error = save_best(self._best_scores)
            if error:
                self.app.toast(error)
        self._set_phase("finish")
        self.app.audio.play("bell_single")

    # -- input ------------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        assert self.app is not None
        if not isinstance(item, ActionEvent):
            return
        mashed = False
        if item.pressed and item.action is Action.CONFIRM:
            # the jab key is also confirm: a player still mashing it when the drill ends must
            # not land in a retry, so a confirm counts only after a short pause in his confirms
            mashed = self._ticks - self._last_confirm < MASH_GAP_TICKS
            self._last_confirm = self._ticks
        if self.phase == "play":
            self._handle_play(item)
        elif self.phase in ("card", "results") and item.pressed and not item.repeat:
            if self.phase == "results" and (self._ticks - self._phase_tick < 20 or mashed):
                return  # a punch still landing is not a choice
            if item.action is Action.CONFIRM:
                self.app.audio.play("ui_confirm")
                self.start()
            elif item.action is Action.BACK:
                self.app.audio.play("ui_back")
                self.leave()

    def _handle_play(self, item: ActionEvent) -> None:
        assert self.app is not None
        if item.action is Action.PAUSE and item.pressed:
            self.app.stack.push("pause", message=f"{self.drill.name}: the clock is stopped.",
                                **self.pause_options())
            return
        if item.action not in COMBAT_ACTIONS:
            return
        name = item.action.value
        if not item.pressed:
            self._held.discard(name)
            return
        if item.repeat:
            return
        self._held.add(name)
        self.presses += 1
        t = self.now_s()
        self.rules.press(name, t, frozenset(self._held))
        self.view.on_press(name, t, frozenset(self._held))
        self._drain(t)

    def press(self, action: str, held: frozenset[str] = frozenset()) -> None:
        """A scripted press through the same path as a key (holds first, then the button)."""
        for mod in held:
            self.handle(ActionEvent(Action(mod), 0, True))
        self.handle(ActionEvent(Action(action), 0, True))
        self.handle(ActionEvent(Action(action), 0, False))
        for mod in held:
            self.handle(ActionEvent(Action(mod), 0, False))

    # -- per tick ---------------------------------------------------------------------------
    def update(self, tick: int) -> None:
        assert self.app is not None
        self._ticks += 1
        if self.phase == "card":
            if self.autoplayer and self._ticks - self._phase_tick >= AUTO_CONFIRM_TICKS:
                self.handle(ActionEvent(Action.CONFIRM, 0, True))
        elif self.phase == "play":
            t = self.now_s()
            self.t_s = t
            if self.autoplayer:
                for action, held in self.autoplayer.presses(self.rules, t):
                    self.press(action, held)
            self.rules.update(t)
            self._beat_sounds(t)
            self._drain(t)
            self.view.update(t)
            if self.rules.done:
                self._finish()
        elif self.phase == "finish":
            self.view.update(self.t_s + (self._ticks - self._phase_tick) * TICK_S)
            if self._ticks - self._phase_tick >= self.view.finish_ticks:
                self._set_phase("results")
                self.app.audio.play("ui_confirm")
        if isinstance(self.clock, TickClock):
            self.clock.advance()

    def _beat_sounds(self, t: float) -> None:
        """Each beat's click on the tick nearest it (the rules' beat list, if it has one)."""
        assert self.app is not None
        beats = self.view.sound_beats()
        while self._sound_beat < len(beats) and beats[self._sound_beat] <= t + TICK_S / 2:
            k = self._sound_beat
            self._sound_beat += 1
            if beats[k] < t - 0.1:
                continue  # long past (after a stall): do not play a burst of clicks
            self.view.on_beat(k, beats[k])

    def _drain(self, t: float) -> None:
        for event in self.rules.take_events():
            self._show(event, t)
            self.view.on_event(event, t)

    def _show(self, event: DrillEvent, t: float) -> None:
        x, y = self.view.popup_xy(event)
        if event.kind == "hit" and event.judgement:
            colour = cards.JUDGE_COLOURS.get(event.judgement, (255, 255, 255))
            self.popups.add(event.judgement.upper(), colour, x, y, t, 44)
        elif event.kind in ("miss", "stray", "trip", "burnout", "stumble", "trick", "combo",
                            "top"):
            colour = cards.JUDGE_COLOURS["miss"] if event.kind in (
                "miss", "trip", "burnout", "stumble", "stray") else cards.JUDGE_COLOURS["perfect"]
            # a trip or a burnout is the miss of that same moment told louder: one popup
            self.popups.add(event.text or event.kind.upper(), colour, x, y - 50, t,
                            52 if event.kind in ("trip", "burnout", "top", "combo") else 36,
                            supersede=event.kind in ("trip", "burnout"),
                            once=event.kind in ("stray", "burnout", "stumble"))

    @property
    def sound_off(self) -> bool:
        """A drill that clicks its beat, with no sound to click it (no device, --no-sound or
        the volume at 0): the card and the play say so, and the beat is watched, not heard."""
        from game.states.training.calibrate import sound_off_reason

        return self.app is not None and bool(self.view.sound_beats()) \
            and bool(sound_off_reason(self.app))

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        t = self.t_s + (alpha * TICK_S if self.phase == "play" else 0.0)
        if self.phase == "finish":
            t = self.t_s + (self._ticks - self._phase_tick) * TICK_S
        self.view.draw(surface, t)
        if self.phase in ("play", "finish"):
            multiplier = float(getattr(self.rules, "multiplier", 1.0))
            progress = t / max(1e-6, self.rules.duration_s)
            top_bar(surface, fonts, self.drill.name, self.rules.score, self.rules.streak,
                    multiplier, progress, self.best)
            if self.phase == "play" and self.sound_off:
                cards.sound_off_tag(surface, fonts)
            self.popups.draw(surface, fonts, t)
        if self.phase == "finish" and self.view.finish_banner:
            cards.finish_banner(surface, fonts, self)
        elif self.phase == "card":
            cards.instructions(surface, fonts, self)
        elif self.phase == "results":
            cards.results(surface, fonts, self)
