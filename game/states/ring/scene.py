"""The fight itself: steps the combat model at 60 Hz from the players' and the CPU's buttons,
turns its events into pictures and sound, and hands over to the corner and results scenes.

Input is read on the tick it arrives: the held buttons of each human (app.input.buttons) plus any
punch tapped and released within the same frame go into the very next model step. Hit-stop and
slow motion only skip or stretch model steps; they never change what the model does.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.bout.setup import VersusSetup
from game.input.actions import COMBAT_ACTIONS, Action, ActionEvent
from game.states.base import Scene
from game.states.versus.common import audio_call

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
    """One bout of Versus (or any bout another mode sets up)."""

    pausable = True

    def __init__(
        self,
        setup: VersusSetup | None = None,
        *,
        present: bool = True,
        corner: bool = True,
        results_scene: str = "versus_results",
    ) -> None:
        super().__init__()
        self.setup = setup or VersusSetup()
        self.present = present  # False: no renderer (headless batch runs)
        self.corner = corner
        self.results_scene = results_scene
        self.state: Any = None
        self.view: Any = None
        self.prev_view: Any = None
        self.renderer: Any = None
        self.model_ticks = 0
        self.end_ticks: int | None = None
        self._taps = [0, 0]  # punch bits pressed since the last model step, per input player
        self._corner_seen: set[int] = set()
        self._crowd_level = -1.0
        self.events_seen: list[Any] = []  # (model tick, Event), kept short, for tests and debug

    # -- lifecycle --------------------------------------------------------------------------
    def enter(self, app: Any) -> None:
        super().enter(app)
        from game.combat import new_bout, view

        s = self.setup
        self.state = new_bout(
            s.stats(0), s.stats(1), s.rules(), np.array([s.seed], dtype=np.uint64)
        )
        self.view = self.prev_view = view(self.state)
        if self.present:
            from game.render.fight import RingRenderer

            names = s.names()
            self.renderer = RingRenderer(
                (s.sides[0].fighter_id, s.sides[1].fighter_id),
                (s.sides[0].age, s.sides[1].age),
                names,
                (s.sides[0].tag, s.sides[1].tag),
                seed=s.seed,
            )
            self._apply_settings()
        self._audio("stop_music")
        self._audio("crowd", 0.3)

    def exit(self) -> None:
        self._audio("crowd", 0.0)

    def uncover(self) -> None:
        self._taps = [0, 0]
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
            self.app.stack.push("pause")
            return
        if item.action in COMBAT_ACTIONS and item.player in (0, 1):
            self._taps[item.player] |= _button_bit(item.action)

    def _human_buttons(self, player: int) -> int:
        bits = self._taps[player]
        inp = getattr(self.app, "input", None)
        if inp is not None:
            bits |= int(inp.buttons(player))
        return bits

    # -- the fight --------------------------------------------------------------------------
    def update(self, tick: int) -> None:
        assert self.app is not None
        v = self.view
        if self.end_ticks is not None:
            self.end_ticks += 1
            if self.renderer is not None:
                self.renderer.step(v)
            if self.end_ticks >= (END_HOLD_TICKS if self.present else 1):
                self.app.stack.replace(
                    self.results_scene, setup=self.setup, result=v.result, final_view=v
                )
            return
        if v.between_rounds and self.corner and v.round not in self._corner_seen:
            self._corner_seen.add(v.round)
            self.app.stack.push("corner", ring=self)
            return
        steps = self.renderer.time.steps_this_tick() if self.renderer is not None else 1
        for _ in range(steps):
            self._model_step()
            if self.view.over or (
                self.view.between_rounds
                and self.corner
                and self.view.round not in self._corner_seen
            ):
                break
        if self.renderer is not None:
            self.renderer.step(self.view)
            ex = self.renderer.arena.excitement
            if abs(ex - self._crowd_level) > 0.05:
                self._crowd_level = ex
                self._audio("crowd", ex)
        if self.view.over and self.end_ticks is None:
            self.end_ticks = 0

    def buttons_for_tick(self) -> tuple[np.ndarray, np.ndarray]:
        """Each side's buttons for the next model step (human or CPU)."""
        from game.combat import cpu_buttons

        out = []
        for side, s in enumerate(self.setup.sides):
            if s.is_cpu:
                out.append(np.asarray(cpu_buttons(self.state, side, s.difficulty), dtype=np.uint16))
            else:
                out.append(np.array([self._human_buttons(s.player or 0)], dtype=np.uint16))
        return out[0], out[1]

    def _model_step(self) -> None:
        from game.combat import step, view

        ba, bb = self.buttons_for_tick()
        self._taps = [0, 0]
        events = step(self.state, ba, bb)
        self.model_ticks += 1
        self.prev_view = self.view
        self.view = view(self.state)
        lane = events.for_lane(0)
        if lane:
            self.events_seen.extend((self.model_ticks, e) for e in lane)
            del self.events_seen[:-400]
            if self.renderer is not None:
                self.renderer.on_events(lane, self.view)
            self._sounds(lane)

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
        audio_call(self.app, method, *args)  # sound must never stop a fight

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: Any, alpha: float) -> None:
        if self.renderer is None:
            surface.fill((0, 0, 0))
            return
        t = self.renderer.time
        if t.hitstop_ticks > 0:
            a = 1.0
        elif t.slowmo_ticks > 0:
            a = min(1.0, t.fraction() + alpha * t.slowmo_rate)
        else:
            a = alpha
        self.renderer.draw(surface, self.prev_view, self.view, a)
