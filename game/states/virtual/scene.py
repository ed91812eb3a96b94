"""The Virtual Fight screen: pick two fighters, their ages and the rules, run thousands of bouts
in worker processes while the screen stays live, read the results as they fill in, and watch
any bout of the run in the ring exactly as it was simulated.

Three modes on one scene: "setup" (the pickers), "run" (progress, Cancel, live charts) and
"results" (the charts, the Watch list, the TV verdict, export). Drawing lives in setup_draw.py
and results_draw.py; this module holds the choices and the input.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.versus.common import audio_call
from game.ui.pickers import MAX_AGE, MIN_AGE, RowMouse, age_at
from game.ui.widgets import MenuItem, MenuList
from game.virtual.picks import Pick, picks
from game.virtual.run import RunSpec

log = logging.getLogger(__name__)

BOUT_CHOICES = (100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000)
LEVELS = ("easy", "medium", "hard")
ROWS = ("fighter0", "age0", "level0", "fighter1", "age1", "level1", "bouts", "rounds", "rules",
        "run")
WATCH_KEYS = ("typical", "upset", "knockout", "closest", "bout")


class VirtualFightScene(Scene):
    """The Virtual Fight (menu entry, `--scene virtual_fight`)."""

    def __init__(self, spec: RunSpec | None = None, processes: int | None = None) -> None:
        super().__init__()
        from game.combat import list_fighters

        self.fighters = list_fighters()
        self.spec = spec or RunSpec(bouts=1000)
        self.processes = processes
        self.mode = "setup"
        self.focus = 0
        self.ticks = 0
        self.run: Any = None  # game.virtual.worker.SimRun while running and after
        self.warm: Any = None  # game.virtual.warm.WarmWorkers getting ready for the next Run
        self.picks: list[Pick] = []
        self.bout_k = 0
        self._held = 0  # auto-repeats in a row on the bout number
        self.last_watch: str = ""  # what the last watched bout showed (a line on the results)
        self.menu = MenuList([])
        self._stats_cache: dict[tuple[str, int], Any] = {}
        self.mouse = RowMouse()
        from game.states.virtual.results_draw import ResultsPainter
        from game.states.virtual.setup_draw import SetupPainter

        self.setup_painter = SetupPainter(self)
        self.results_painter = ResultsPainter(self)

    # -- lifecycle -------------------------------------------------------------------------
    def enter(self, app: Any) -> None:
        super().enter(app)
        audio_call(app, "play_music", "menu")
        self._warm_up()

    def exit(self) -> None:
        self.cancel_run()
        if self.warm is not None:
            self.warm.close()
            self.warm = None

    def _warm_up(self) -> None:
        """Start the next run's workers now, so Run starts fighting at once."""
        from game.virtual.warm import WarmWorkers

        if self.warm is None:
            self.warm = WarmWorkers(self.processes)

    def uncover(self) -> None:
        audio_call(self.app, "play_music", "menu")

    def _sound(self, name: str) -> None:
        audio_call(self.app, "play", name)

    def _toast(self, text: str) -> None:
        toast = getattr(self.app, "toast", None)
        if toast:
            toast(text)

    # -- the choices -------------------------------------------------------------------------
    def stats(self, fighter_id: str, age: int) -> Any:
        key = (fighter_id, age)
        if key not in self._stats_cache:
            from game.combat import load_fighter

            self._stats_cache[key] = load_fighter(fighter_id).at_age(age)
        return self._stats_cache[key]

    def side(self, i: int) -> tuple[str, int, str]:
        s = self.spec
        return (s.a_id, s.a_age, s.levels[0]) if i == 0 else (s.b_id, s.b_age, s.levels[1])

    def _set_side(self, i: int, fighter_id: str, age: int, level: str) -> None:
        levels = (level, self.spec.levels[1]) if i == 0 else (self.spec.levels[0], level)
        if i == 0:
            self.spec = replace(self.spec, a_id=fighter_id, a_age=age, levels=levels)
        else:
            self.spec = replace(self.spec, b_id=fighter_id, b_age=age, levels=levels)

    def change(self, row: str, delta: int) -> None:
        """LEFT/RIGHT on a setup row."""
        s = self.spec
        if row[-1] in "01":
            i = int(row[-1])
            fid, age, level = self.side(i)
            if row.startswith("fighter"):
                from game.combat import load_fighter

                fid = self.fighters[(self.fighters.index(fid) + delta) % len(self.fighters)]
                age = max(MIN_AGE, min(MAX_AGE, load_fighter(fid).prime_age))
            elif row.startswith("age"):
                age = max(MIN_AGE, min(MAX_AGE, age + delta))
            else:
                level = LEVELS[(LEVELS.index(level) + delta) % len(LEVELS)]
            self._set_side(i, fid, age, level)
        elif row == "bouts":
            k = BOUT_CHOICES.index(s.bouts) if s.bouts in BOUT_CHOICES else 3
            self.spec = replace(s, bouts=BOUT_CHOICES[max(0, min(len(BOUT_CHOICES) - 1,
                                                                   k + delta))])
        elif row == "rounds":
            self.spec = replace(s, rounds=(s.rounds - 1 + delta) % 12 + 1)
        elif row == "rules":
            self.spec = replace(s, preset="unified" if s.preset == "classic" else "classic")
        else:
            return
        self._sound("ui_move")

    # -- the run -----------------------------------------------------------------------------
    def start_run(self) -> None:
        from game.virtual.worker import SimRun

        seed = (int(getattr(self.app, "seed", 1)) + self.ticks) % 2**31
        self.spec = replace(self.spec, seed=seed)
        self._sound("ui_confirm")
        self.run = SimRun(self.spec, self.processes, warm=self.warm).start()
        if self.warm is not None and self.warm.taken:
            self.warm = None
        self.mode = "run"
        self.picks = []
        self.last_watch = ""
        self.results_painter.reset()
        self.menu = MenuList([MenuItem("CANCEL", "cancel")],
                             on_move=lambda: self._sound("ui_move"))

    def cancel_run(self) -> None:
        if self.run is not None and self.run.running:
            self.run.cancel()
            if self.app is not None and self.app.stack.top is self:
                self._warm_up()

    def _finish(self) -> None:
        self.mode = "results"
        self._warm_up()
        self.picks = picks(self.run.data)
        items = [MenuItem(p.label, p.key, enabled=p.bout is not None) for p in self.picks]
        items += [MenuItem("BOUT #", "bout"), MenuItem("THE TV VERDICT", "tv"),
                  MenuItem("EXPORT CSV + JSON", "export"), MenuItem("NEW RUN", "again")]
        self.menu = MenuList(items, on_move=lambda: self._sound("ui_move"))
        self._sound("ui_confirm")

    def watch_bout(self, k: int) -> None:
        """Bout k of the run, in the ring, exactly as simulated."""
        assert self.app is not None
        try:
            from game.virtual.watch import bout_setup

            setup = bout_setup(self.spec, k)
        except ImportError as exc:
            self._toast(f"Watching a bout needs the bout layer: {exc}")
            return
        self._sound("ui_confirm")
        self.watching = k
        # watched with the replays' controls (pause, x4, next knockdown): ten rounds at 1x
        # took ten minutes
        ring = self.app.stack.push("replay", setup=setup, on_finish=self._watched)
        # Leaving the watch goes back to these results, not to the main menu (that threw the
        # whole run away).
        ring.pause_options = {"quit_label": "Back to the results", "back_to": self,
                              "quit_question": None}

    def _watched(self, session: Any) -> None:
        from game.virtual.verdict import describe
        from game.virtual.watch import same_as_run

        k = getattr(self, "watching", 0)
        ok = same_as_run(self.run.data, k, session.result)
        self.last_watch = (f"BOUT #{k + 1:,} IN THE RING: EXACTLY AS SIMULATED" if ok
                           else f"BOUT #{k + 1:,} IN THE RING DIFFERED FROM THE SIMULATION")
        self._toast(f"Bout #{k + 1:,}: {describe(self.run.data, k)}. "
                    + ("The ring agrees with the simulation." if ok
                       else "The ring did NOT end it as the simulation did."))
        if not ok:
            log.error("watched bout %d of %s differs from the run: %s", k, self.spec,
                      session.result)

    def export(self) -> None:
        from game import paths
        from game.virtual.export import export_run

        try:
            csv_path, json_path = export_run(self.run.data, paths.data_dir() / "virtual")
        except OSError as exc:
            self._sound("ui_back")
            self._toast(f"Could not export the run: {exc}")
            return
        self._sound("ui_confirm")
        self._toast(f"Saved {csv_path.name} and {json_path.name} in {csv_path.parent}")

    def open_tv(self) -> None:
        from game.states.virtual.tv_scene import TvScene
        from game.virtual.verdict import verdict

        assert self.app is not None
        self._sound("ui_confirm")
        self.app.stack.push(TvScene(verdict(self.run.data)))

    # -- input ----------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        if self.mode == "setup":
            self._handle_setup(item)
        else:
            self._handle_results(item)

    def _handle_setup(self, item: Any) -> None:
        if isinstance(item, ActionEvent):
            if not item.pressed:
                return
            row, a = ROWS[self.focus], item.action
            if a in (Action.UP, Action.DOWN):
                self.focus = (self.focus + (1 if a is Action.DOWN else -1)) % len(ROWS)
                self._sound("ui_move")
            elif a in (Action.LEFT, Action.RIGHT):
                self.change(row, 1 if a is Action.RIGHT else -1)
            elif a is Action.CONFIRM and not item.repeat:
                # From any row, as the footer says ("Enter Run") and as Versus does with Fight:
                # a first Enter that only moved to the button looked like a dead key.
                self.focus = ROWS.index("run")
                self.start_run()
            elif a is Action.BACK and not item.repeat:
                assert self.app is not None
                self._sound("ui_back")
                self.app.stack.pop()
            return
        p = self.setup_painter
        hit = self.mouse.handle(item, p.sliders, p.arrows, p.rects)
        if hit is None:
            return
        kind, arg = hit
        if kind == "slide":
            self._slide(*arg)
        elif kind == "wheel":
            self.change(ROWS[self.focus], arg)
        else:
            row, delta = arg if kind == "arrow" else (arg, 0)
            self.focus = ROWS.index(row)
            if kind == "arrow":
                self.change(row, delta)
            elif row == "run":
                self.start_run()
            elif row == "rules":
                self.change(row, 1)

    def _slide(self, i: int, x: int) -> None:
        age = age_at(self.setup_painter.sliders[i], x)
        fid, old, level = self.side(i)
        if age != old:
            self._set_side(i, fid, age, level)
            self.focus = ROWS.index(f"age{i}")

    def _handle_results(self, item: Any) -> None:
        if self.mode == "results" and self.menu.current.key == "bout" \
                and isinstance(item, ActionEvent) and item.pressed \
                and item.action in (Action.LEFT, Action.RIGHT):
            # held down, the number speeds up: ones, then tens, hundreds, thousands
            self._held = self._held + 1 if item.repeat else 0
            size = 1 if self._held < 10 else 10 if self._held < 30 else 100 \
                if self._held < 50 else 1000
            step = size if item.action is Action.RIGHT else -size
            self.bout_k = (self.bout_k + step) % self.spec.bouts
            self._sound("ui_move")
            return
        choice = self.menu.handle(item)
        if choice is None:
            return
        if choice in ("cancel", "back") and self.mode == "run":
            self.cancel_run()
            self._sound("ui_back")
            self.mode = "setup"
        elif choice in ("again", "back"):
            self._sound("ui_back")
            self.mode = "setup"
            self.focus = ROWS.index("run")
        elif choice in WATCH_KEYS:
            k = self.bout_k if choice == "bout" else next(p.bout for p in self.picks
                                                          if p.key == choice)
            if k is None:
                self._sound("ui_back")
                self._toast("This run has no such bout.")
            else:
                self.watch_bout(k)
        elif choice == "tv":
            self.open_tv()
        elif choice == "export":
            self.export()

    # -- per frame ------------------------------------------------------------------------
    def update(self, tick: int) -> None:
        self.ticks += 1
        run = self.run
        if self.mode != "run" or run is None:
            return
        run.poll()
        if run.error:
            log.error("virtual fight run failed: %s", run.error)
            self._toast("The simulation stopped with an error (see the log).")
            self.mode = "setup"
            return
        if run.finished:
            self._finish()

    def control_rects(self) -> list[pygame.Rect]:
        if self.mode != "setup":
            return super().control_rects()  # the results' menu
        p = self.setup_painter
        return [*p.rects.values(), *p.arrows.values(), *p.sliders.values()]

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        if self.mode == "setup":
            self.setup_painter.draw(surface)
        else:
            self.results_painter.draw(surface)
