"""The fight on screen: arena + fighters + effects + HUD, driven by FightViews and StepEvents.

The scene feeds it events (on_events) and steps it at 60 Hz (step); draw() interpolates between
the previous and the current view and never touches the model. Hit-stop and slow motion are the
scene's (game.states.ring.timing): the renderer only draws what it is given.
"""

from __future__ import annotations

import math

import pygame

from game.combat.moves import heavy_moves
from game.render.camera import VIEW_H_PX, VIEW_W_PX, Camera
from game.render.effects import Effects
from game.render.fighters import FighterDrawer
from game.render.hud import FightHud
from game.render.referee import Referee
from game.render.ring import FIGHT_NIGHT_APRON, ArenaRenderer
from game.world.ring_layout import RingLayoutDef, load_ring_layout

HEAVY = heavy_moves()  # the power punches, from moves.toml
CLOSE_GAP_PX = 260.0  # centres nearer than this start to stand apart in depth
CLOSE_EASE_PX = 120.0  # ... fully apart this much nearer
CLOSE_DEPTH_PX = 12.0  # each man's feet up / down the canvas at the closest


class RingRenderer:
    """Everything the ring draws. One per bout."""

    def __init__(
        self,
        fighters: tuple[str, str],
        ages: tuple[float, float],
        names: tuple[str, str],
        tags: tuple[str, str],
        seed: int = 0,
        layout: RingLayoutDef | None = None,
        use_sprites: bool = True,
        apron_text: str = FIGHT_NIGHT_APRON,
        venue: str = "arena",
    ) -> None:
        self.layout = layout or load_ring_layout()
        L = self.layout
        self.arena = ArenaRenderer(L, seed, apron_text=apron_text, venue=venue)
        self.camera = Camera(L.camera_rect, L.centre_x_px, L.look_y_px, L.follow_rate, seed)
        self.camera.snap()
        self.effects = Effects(seed)
        self.drawers = (
            FighterDrawer(fighters[0], ages[0], use_sprites),
            FighterDrawer(fighters[1], ages[1], use_sprites),
        )
        self.hud = FightHud(names, tags, (int(ages[0]), int(ages[1])))
        self.referee = Referee(self.layout.centre_x_px, self.drawers[0].height_px * 0.97)
        self.flash = [0.0, 0.0]  # white flash on a fighter just hit, 0..1
        self._last_actions = ["idle", "idle"]
        self._scratch: pygame.Surface | None = None
        self.show_hud = True

    # -- reacting to the model --------------------------------------------------------------
    def on_events(self, events, view) -> None:
        for e in events:
            if e.kind in ("punch_landed", "punch_blocked"):
                d = 1 - e.side
                fv = view.fighters[d]
                foot_x = self.layout.model_to_world_x(fv.x_px)
                x, y = self.drawers[d].impact_point(fv, foot_x, self.layout.floor_y_px, e.target)
                blocked = e.kind == "punch_blocked"
                power = min(1.0, e.damage * 6 + (0.35 if e.move in HEAVY else 0.1))
                if blocked:
                    power *= 0.5
                self.effects.hit(x, y, power, -fv.facing, blocked)
                if not blocked:
                    self.flash[d] = 0.7
                    self.camera.add_shake(0.18 + 0.5 * power if e.move in HEAVY else 0.08)
                    if e.move in HEAVY and power > 0.5:
                        self.arena.cheer(0.55)
                    else:
                        self.arena.cheer(0.3)
            elif e.kind == "counter":
                self.arena.cheer(0.6)
            elif e.kind == "knockdown":
                self.camera.add_shake(0.8)
                self.arena.cheer(1.0)
                self.hud.announcement = None  # the count takes the middle of the screen
            elif e.kind == "round_start":
                self.hud.announce(f"ROUND {view.round}", "FIGHT!", 75)
            elif e.kind == "round_end":
                if self.hud.last_count is not None:  # the bell rang over a count
                    self.hud.announce("SAVED BY THE BELL", "", 110, (240, 228, 66))
                else:
                    self.hud.announce("END OF ROUND", "", 70)
                self.arena.cheer(0.5)
            elif e.kind == "bout_end":
                self.arena.cheer(1.0)
                r = view.result
                if r is not None and r.method in ("KO", "TKO"):
                    self.hud.announce(r.method.replace("KO", "K.O.") + "!", "", 190, (213, 94, 0))
                else:
                    self.hud.announce("FINAL BELL", "WE GO TO THE SCORECARDS", 190)
            elif e.kind == "clinch":
                self.hud.announce("CLINCH", "", 30)

    def step(self, view) -> None:
        """One 60 Hz tick of presentation: camera, crowd, particles, HUD trails."""
        L = self.layout
        xs = [L.model_to_world_x(f.x_px) for f in view.fighters]
        mid = (xs[0] + xs[1]) / 2
        zoom = 1.0
        look_y = L.look_y_px
        if view.downed_side is not None or any(
            f.action in ("knockdown", "down") for f in view.fighters
        ):
            d = (
                view.downed_side
                if view.downed_side is not None
                else (0 if view.fighters[0].action in ("knockdown", "down") else 1)
            )
            mid = xs[d] * 0.6 + mid * 0.4
            zoom = L.zoom_knockdown
            look_y = L.floor_y_px - 170
        self.camera.follow(mid, look_y, zoom)
        self._step_referee(view, xs)
        for side, f in enumerate(view.fighters):  # a body hitting the canvas: dust and a thud
            if f.action == "down" and self._last_actions[side] == "knockdown":
                h = self.drawers[side].height_px
                self.effects.dust(xs[side] - f.facing * h * 0.4, L.floor_y_px, h * 0.9)
                self.camera.add_shake(0.45)
            self._last_actions[side] = f.action
        self.camera.step()
        self.arena.step()
        self.effects.step()
        self.hud.step(view)
        self.flash = [max(0.0, v - 0.12) for v in self.flash]

    def _step_referee(self, view, xs: list[float]) -> None:
        """He stands behind the pair; on a knockdown he steps between the two men, counts over
        the downed one and points the other to the neutral corner on his side (levels/ring.tmx).

        The model decides where the standing man is (it does not walk him to the corner), so he
        is drawn where the model has him; only the referee, a render-side figure, moves."""
        counting = view.count is not None and view.downed_side is not None
        point_x = None
        if counting:
            d = view.downed_side
            other = xs[1 - d]
            away = 1 if other >= xs[d] else -1  # from the downed man toward the standing one
            # between them, a little nearer the downed man's feet (his body lies the other way)
            target = xs[d] + away * max(60.0, abs(other - xs[d]) * 0.5)
            corner = self.layout.neutral_corner_toward(away)
            point_x = corner.x_px
        else:
            # off to the side with more room, so he watches the exchange without hiding it
            # (he keeps to the side he is on, and only crosses when the ropes leave no room)
            mid = (xs[0] + xs[1]) / 2
            lo = self.layout.model_to_world_x(-self.layout.model_half_width_px)
            hi = self.layout.model_to_world_x(self.layout.model_half_width_px)
            side = 1 if self.referee.x_px >= mid else -1
            if not lo <= mid + side * 190 <= hi:
                side = -side
            target = min(hi, max(lo, mid + side * 190 + 12 * math.sin(self.hud.ticks * 0.01)))
        self.referee.step(target, counting, view.count, point_x)

    # -- drawing ----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, prev, curr, alpha: float) -> None:
        """Draw the interpolated fight. prev/curr are the last two FightViews."""
        pose = self.camera.view(alpha)
        zoom = pose.zoom
        if zoom > 1.001:
            if self._scratch is None:
                self._scratch = (
                    pygame.Surface((VIEW_W_PX, VIEW_H_PX)).convert()
                    if pygame.display.get_surface()
                    else pygame.Surface((VIEW_W_PX, VIEW_H_PX))
                )
            target = self._scratch
        else:
            target = surface
        ox, oy = self.camera.origin(pose)
        self.arena.draw_back(target, ox, oy)
        self._draw_fighters(target, prev, curr, alpha, ox, oy)
        self.effects.draw(target, ox, oy)
        self.arena.draw_front(target, ox, oy)
        if target is not surface:
            w, h = round(VIEW_W_PX / zoom), round(VIEW_H_PX / zoom)
            src = pygame.Rect(0, 0, w, h)
            src.center = (VIEW_W_PX // 2, VIEW_H_PX // 2)
            pygame.transform.scale(target.subsurface(src), (VIEW_W_PX, VIEW_H_PX), surface)
        if self.show_hud:
            self.hud.count_x_px = self._downed_screen_x(curr, ox, zoom)
            self.hud.draw(surface, curr)

    def _downed_screen_x(self, view, ox: int, zoom: float) -> float | None:
        """Screen x of the middle of the downed man's body, for the count; None if nobody is."""
        d = view.downed_side
        if d is None:
            return None
        f = view.fighters[d]
        x = self.layout.model_to_world_x(f.x_px) - ox - f.facing * self.drawers[d].height_px * 0.4
        return (x - VIEW_W_PX * (1 - 1 / zoom) / 2) * zoom

    @staticmethod
    def _feet_y(floor: float, gap_px: float) -> tuple[float, float]:
        """In close the two men stand a little apart in depth (red upstage, blue downstage), so
        an inside exchange or a clinch reads as two bodies, not one; at range both stand on the
        same line. Eased with the distance so nobody pops."""
        closeness = min(1.0, max(0.0, (CLOSE_GAP_PX - gap_px) / CLOSE_EASE_PX))
        d = CLOSE_DEPTH_PX * closeness
        return (floor - d, floor + d)

    def _draw_fighters(
        self,
        target: pygame.Surface,
        prev,
        curr,
        alpha: float,
        ox: int,
        oy: int,
    ) -> None:
        L = self.layout
        floor = L.floor_y_px - oy
        order = []
        for side in (0, 1):
            fp, fc = prev.fighters[side], curr.fighters[side]
            x_model = fp.x_px + (fc.x_px - fp.x_px) * alpha
            order.append((side, L.model_to_world_x(x_model) - ox, fc))
        # the fighter who is punching is drawn last, so his glove is in front
        order.sort(key=lambda t: (t[2].phase is not None, t[0]))
        feet = self._feet_y(floor, abs(order[0][1] - order[1][1]))
        for side, x, f in order:
            h = self.drawers[side].height_px
            w = h * 0.36
            cx = x
            if f.action in ("down", "knockdown"):  # the shadow follows the body to the floor
                w = h * 0.9
                cx = x - f.facing * h * 0.42
            pygame.draw.ellipse(target, (16, 34, 56), (cx - w / 2, feet[side] - 9, w, 18))
        ref = self.referee
        ref_x = ref.prev_x_px + (ref.x_px - ref.prev_x_px) * alpha - ox
        # behind the pair while they fight; in front of them (between them, to the camera)
        # while he counts
        ref_floor = floor + ref.depth_px
        pygame.draw.ellipse(target, (16, 34, 56), (ref_x - 40, ref_floor - 7, 80, 14))
        facing = 1 if ref_x < (order[0][1] + order[1][1]) / 2 else -1
        if curr.count is not None and curr.downed_side is not None:
            dx = next(t[1] for t in order if t[0] == curr.downed_side)
            facing = 1 if dx > ref_x else -1
        in_front = ref.depth_px > 0
        if not in_front:
            ref.draw(target, ref_x, ref_floor, facing)
        for side, x, f in order:
            self.drawers[side].draw(target, f, x, feet[side], self.flash[side])
        if in_front:
            ref.draw(target, ref_x, ref_floor, facing)
