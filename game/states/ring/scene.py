"""The ring: presents one BoutSession (game.bout) of any mode, turning its events into pictures
and sound, and hands over to the corner between rounds and to results (or to the mode that
asked for the bout, through `on_finish`).

Input reaches the session on the tick it arrives: each human's held buttons (app.input.buttons)
plus any press tapped and released within the same frame (`session.tap`). How many model steps a
frame takes (hit-stop, slow motion) is decided here by PresentationTiming; it never changes what
the model does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from game.bout import BoutSession, BoutSetup
from game.input.actions import COMBAT_ACTIONS, Action, ActionEvent
from game.states.base import Scene
from game.states.ring.timing import PresentationTiming
from game.states.versus.common import audio_call

log = logging.getLogger(__name__)

END_HOLD_TICKS = 200  # after the final bell: celebration before the results
EVENT_SOUNDS = {
    "punch_blocked": "block",
    "punch_whiffed": "whiff",
    "count": "count",
    "round_start": "bell",
    "round_end": "bell",
    "knockdown": "crowd_roar",
}


def _button_bit(action: Action) -> int:
    from game.combat.inputs import Button

    return int(Button[action.name])


class RingScene(Scene):
    """One bout on screen. Modes give a `setup` (or a ready `session`, e.g. a replay's)."""

    pausable = True
    apron_text = ""  # the apron's lettering; "" = the renderer's own (fight night's)
    venue = "arena"  # where the ring stands (game.render.ring.VENUES): the gym has no crowd

    def __init__(
        self,
        setup: BoutSetup | None = None,
        *,
        session: BoutSession | None = None,
        present: bool = True,
        corner: bool = True,
        results_scene: str = "versus_results",
        on_finish: Callable[[BoutSession], None] | None = None,
        stop_when: Callable[[BoutSession], bool] | None = None,
        record: bool = True,
        corner_words: Callable[[BoutSession], dict[int, tuple[str, str]]] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.setup = session.setup if session is not None else (setup or BoutSetup())
        self.present = present  # False: no renderer (headless batch runs)
        self.corner = corner
        self.results_scene = results_scene
        self.on_finish = on_finish
        self.stop_when = stop_when
        self.record = record  # keep the bout in the recent replays
        self.corner_words = corner_words  # a mode's own corner talk (the story's trainer)
        self.renderer: Any = None
        self.timing = PresentationTiming()
        self.end_ticks: int | None = None
        self._corner_seen: set[int] = set()
        self._crowd_level = -1.0
        self.pause_options: dict[str, Any] = {}  # what the pause menu's quit says and does

    # the views the renderer and the tests read
    @property
    def view(self) -> Any:
        return self.session.view if self.session is not None else None

    @property
    def prev_view(self) -> Any:
        return self.session.prev_view if self.session is not None else None

    @property
    def state(self) -> Any:
        return self.session.state if self.session is not None else None

    @property
    def model_ticks(self) -> int:
        return self.session.ticks if self.session is not None else 0

    @property
    def events_seen(self) -> list[Any]:
        return self.session.events_seen if self.session is not None else []

    # -- lifecycle --------------------------------------------------------------------------
    def enter(self, app: Any) -> None:
        super().enter(app)
        if self.session is None:
            self.session = BoutSession(self.setup)
        if self.present:
            from game.render.fight import RingRenderer

            s = self.setup
            self.renderer = RingRenderer(
                (s.sides[0].fighter_id, s.sides[1].fighter_id),
                (s.sides[0].age, s.sides[1].age),
                s.names(),
                self.tags(),
                seed=s.seed,
                **({"apron_text": self.apron_text} if self.apron_text else {}),
                venue=self.venue,
            )
            self._apply_settings()
        self._audio("stop_music")
        self._audio("crowd", 0.3)

    def tags(self) -> tuple[str, str]:
        return (self.setup.sides[0].tag, self.setup.sides[1].tag)

    def exit(self) -> None:
        self._audio("crowd", 0.0)

    def uncover(self) -> None:
        if self.session is not None:
            self.session.taps = [0, 0]  # presses made in the pause menu are not punches
        self._apply_settings()  # the pause menu may have opened the settings

    def _apply_settings(self) -> None:
        if self.renderer is None:
            return
        settings = getattr(self.app, "settings", None)
        self.renderer.camera.shake_enabled = bool(getattr(settings, "screen_shake", True))
        self.renderer.hud.numbers = bool(getattr(settings, "colourblind_meters", False))

    # -- input ------------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        if not isinstance(item, ActionEvent) or not item.pressed:
            return
        if item.action is Action.PAUSE:
            assert self.app is not None
            self.app.stack.push("pause", **self.pause_options)
            return
        if item.action in COMBAT_ACTIONS and item.player in (0, 1) and self.session is not None:
            self.session.tap(item.player, _button_bit(item.action))

    def held_buttons(self) -> tuple[int, int]:
        inp = getattr(self.app, "input", None)
        if inp is None:
            return (0, 0)
        return (int(inp.buttons(0)), int(inp.buttons(1)))

    # -- the fight --------------------------------------------------------------------------
    def update(self, tick: int) -> None:
        assert self.app is not None and self.session is not None
        if self.end_ticks is not None:
            self.end_ticks += 1
            if self.renderer is not None:
                self.renderer.step(self.view)
            if self.end_ticks >= (END_HOLD_TICKS if self.present else 1):
                self.finish()
            return
        if self._corner_due():
            self._corner_seen.add(self.view.round)
            extra = {"words": self.corner_words} if self.corner_words is not None else {}
            self.app.stack.push("corner", session=self.session, present=self.present, **extra)
            return
        for _ in range(self.steps_this_tick()):
            self.model_step()
            if self.session.over or self._corner_due():
                break
        if self.renderer is not None:
            self.renderer.step(self.view)
            ex = self.renderer.arena.excitement
            if abs(ex - self._crowd_level) > 0.05:
                self._crowd_level = ex
                self._audio("crowd", ex)
        if self.session.over and self.end_ticks is None:
            self.end_ticks = 0
            self.on_over()

    def steps_this_tick(self) -> int:
        return self.timing.steps_this_tick() if self.present else 1

    def _corner_due(self) -> bool:
        v = self.view
        return bool(v.between_rounds and self.corner and not self.session.over
                    and v.round not in self._corner_seen)

    def model_step(self) -> None:
        session = self.session
        assert session is not None
        events = session.step(self.held_buttons())
        if self.stop_when is not None and not session.over and self.stop_when(session):
            session.stop()
        if events:
            self.timing.react(events)
            if self.renderer is not None:
                self.renderer.on_events(events, self.view)
            self._sounds(events)

    def on_over(self) -> None:
        """The bout just ended: keep it among the recent replays."""
        if not self.record or self.session is None:
            return
        try:
            from game.bout.replay import record_recent

            record_recent(self.session.replay())
        except OSError as exc:  # a full or read-only disk must not stop the results
            log.warning("could not keep the replay: %s", exc)

    def finish(self) -> None:
        assert self.app is not None and self.session is not None
        if self.on_finish is not None:
            if self.app.stack.top is self:
                self.app.stack.pop()
            self.on_finish(self.session)
        else:
            self.app.stack.replace(self.results_scene, session=self.session)

    def _sounds(self, events: list[Any]) -> None:
        for e in events:
            pan = max(-1.0, min(1.0, e.x_px / 340.0))
            if e.kind == "punch_landed":
                name = "body" if e.target == "body" else ("jab" if e.move == "jab" else "power")
                self._audio("play", name, pan, min(1.0, 0.6 + e.damage * 4))
                if e.move != "jab" and e.damage > 0.06:
                    self._audio("play", "crowd_swell", 0.0, 0.6)
            elif e.kind == "bout_end":
                self._audio("play", "bell")
                self._audio("play", "crowd_roar")
            elif e.kind in EVENT_SOUNDS:
                self._audio(
                    "play", EVENT_SOUNDS[e.kind], pan if e.kind.startswith("punch") else 0.0
                )

    def _audio(self, method: str, *args: Any) -> None:
        if self.venue == "gym":  # an empty gym: no crowd to hear
            if method == "crowd":
                args = (0.0,)
            elif method == "play" and args and str(args[0]).startswith("crowd"):
                return
        audio_call(self.app, method, *args)  # sound must never stop a fight

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: Any, alpha: float) -> None:
        if self.renderer is None:
            surface.fill((0, 0, 0))
            return
        self.renderer.draw(surface, self.prev_view, self.view, self.timing.draw_alpha(alpha))
        if self.watch_hints and not self.setup.humans and self.app is not None \
                and self.app.stack.top is self:
            self._draw_watch_hints(surface)

    watch_hints = True  # a replay draws its own footer

    def _draw_watch_hints(self, surface: Any) -> None:
        """CPU against CPU (a Virtual Fight bout, a Versus CPU vs CPU) nobody plays: say how to
        get out, which the fight screen never did."""
        from game.states.versus.data import action_keys
        from game.ui.widgets import draw_hints

        assert self.app is not None
        key = action_keys(self.app, "back", (0,)) or "ESC"
        draw_hints(surface, self.app.fonts, [(key, "Pause / leave")], y=700)
