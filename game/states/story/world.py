"""Walking a map: Rocky in 8 directions, NPCs who turn to him, prompts, doors, dialogue.

Modes: "chapter" (the chapter's own map: doors lead to other maps, dialogue may end the
chapter), "train" (a camp place: its station offers the drills; the way out ends the day) and
"restaurant" (a camp day at Adrian's; the way out ends the day).
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import pygame

from game.input.actions import Action, ActionEvent
from game.states.base import Scene
from game.states.story.session import StorySession, story_pause
from game.story.chapters import chapter, say
from game.story.conditions import holds
from game.ui import colours as C
from game.ui.widgets import blit_text, dim, draw_hints, render
from game.world.tilemap import ThingDef, WorldMapDef, load_world_map
from game.world.walk import (
    NOTICE_PX,
    Walker,
    door_under,
    face_toward,
    nearest_thing,
    npc_blockers,
    npc_feet,
)

CAMERA_EASE = 0.18
TITLE_TICKS = 150
NPC_IDLE_TURN_TICKS = 240


# the map's window on the screen: the key hints get the strip below it to themselves, so no
# part of the map (the gym's way out on its bottom edge) hides under them
VIEW_RECT = pygame.Rect(0, 0, 1280, 660)
PROMPT_AREA = pygame.Rect(10, 76, 1260, 580)  # under the goal line, above the key hints
GOAL_TOP_PX = 4  # the goal line hugs the top edge: lower, it hid Adrian's TV on arrival


def prompt_spot(size: tuple[int, int], rocky: pygame.Rect,
                people: list[pygame.Rect]) -> pygame.Rect:
    """Where the talk / look bubble goes (screen pixels): over Rocky's head, else under his
    feet, else beside him, whichever hides nobody (Rocky included); if each hides someone, the
    one that hides least. A bubble always over his head covered the face of whoever he stood
    just below: the very man he was about to talk to."""
    box = pygame.Rect((0, 0), size)
    spots = []
    for place, xy in (("midbottom", (rocky.centerx, rocky.top - 4)),
                      ("midtop", (rocky.centerx, rocky.bottom + 4)),
                      ("midleft", (rocky.right + 8, rocky.top + 24)),
                      ("midright", (rocky.left - 8, rocky.top + 24))):
        spot = box.copy()
        setattr(spot, place, xy)
        spots.append(spot.clamp(PROMPT_AREA))

    def hidden_px(spot: pygame.Rect) -> int:
        return sum(spot.clip(p).w * spot.clip(p).h for p in [rocky, *people])

    return min(spots, key=hidden_px)  # min keeps the first of equals: over his head


@lru_cache(maxsize=16)
def world_map(map_id: str) -> WorldMapDef:
    return load_world_map(map_id)


class StoryWorldScene(Scene):
    pausable = True

    def __init__(self, session: StorySession, map_id: str, spawn: str, mode: str = "chapter",
                 place: str = "", on_leave: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.session = session
        self.world = world_map(map_id)
        self.mode = mode
        self.place = place
        self.on_leave = on_leave
        sp = self.world.spawn(spawn)
        x, y, w, h = sp.rect_px
        self.walker = Walker(x + w / 2, y + h / 2, sp.props.get("facing", "down"))
        self.camera = [self.walker.x_px, self.walker.y_px]
        self.renderer: Any = None
        self.t = 0
        self.on_door: ThingDef | None = None
        self.prompt_rect: pygame.Rect | None = None  # where the talk bubble was last drawn
        self.view_offset = (0, 0)  # world -> screen pixels, as last drawn
        self.goal_rect: pygame.Rect | None = None  # the goal line, as last drawn
        self.near: ThingDef | None = None
        self.npc_facing: dict[int, str] = {}
        self.people: list[ThingDef] = []
        self.things: list[ThingDef] = []
        self._next_map = False  # set while walking through a door into the chapter's next map

    # -- lifecycle -------------------------------------------------------------------------
    def enter(self, app: Any) -> None:
        super().enter(app)
        from game.render.world import WorldRenderer

        self.renderer = WorldRenderer(self.world, VIEW_RECT.size)
        self._refresh_people()
        self.on_door = door_under(self.walker, self.world.of_type("door"))
        state = self.session.state
        if self.mode == "chapter":
            state.map, state.spawn = self.world.id, self._spawn_name()
            c = chapter(state.chapter)
            intro_flag = f"intro_{c.id}"
            if c.intro and intro_flag not in state.flags:
                state.flags.add(intro_flag)
                self.talk(c.intro)
            if state.chapter == "adrians" and state.tv is None:
                self._start_tv_run()
        app.audio.stop_music()

    def exit(self) -> None:
        if self.mode == "chapter" and not self._next_map:
            # leaving the chapter (its end, quit to menu, window closed), not walking through
            # one of its doors: the bar TV's run has no one left to show it to
            from game.states.story.tv import stop_tv_run

            stop_tv_run(self.session)
        if self.mode == "chapter" and self.app is not None:
            self.session.save(self.app)  # autosave on leaving (quit to menu, window closed)

    def uncover(self) -> None:
        self._refresh_people()

    def _spawn_name(self) -> str:
        """The spawn nearest to Rocky: where a continued game puts him back."""
        best = min(self.world.of_type("spawn"), key=lambda s: (
            (s.centre_px[0] - self.walker.x_px) ** 2 + (s.centre_px[1] - self.walker.y_px) ** 2))
        return best.name

    def _present_here(self, t: ThingDef) -> bool:
        state = self.session.state
        where = "camp" if self.mode != "chapter" else state.chapter
        chapters = t.chapters()
        return (not chapters or where in chapters) and holds(t.props.get("when"), state.flags)

    def _refresh_people(self) -> None:
        self.people = [t for t in self.world.of_type("npc") if self._present_here(t)]
        self.things = self.people + [t for t in self.world.things
                                     if t.type in ("interact", "station")
                                     and self._present_here(t)
                                     and (t.type != "station" or self.mode == "train")]
        for n in self.people:
            self.npc_facing.setdefault(n.id, n.props["facing"])

    # -- talking ---------------------------------------------------------------------------
    def talk(self, dialogue_id: str, then: Callable[[list[str]], None] | None = None) -> None:
        assert self.app is not None
        s = self.session
        s.state.flags.add(f"talked_{dialogue_id}")

        def done(events: list[str]) -> None:
            self._refresh_people()
            if then:
                then(events)
            if "end_chapter" in events and self.mode == "chapter":
                s.next_chapter(self.app)

        self.app.stack.push("story_dialogue", dialogue=s.dialogues[dialogue_id],
                            flags=s.state.flags, speakers=s.speakers, on_done=done)

    def _use(self, thing: ThingDef) -> None:
        assert self.app is not None
        self.app.audio.play("ui_confirm")
        if thing.type == "npc":
            fx, fy = npc_feet(thing)
            self.npc_facing[thing.id] = face_toward(self.walker.x_px - fx, self.walker.y_px - fy)
            self.talk(thing.props["dialogue"])
        elif thing.type == "station":
            self.app.stack.push("story_station", session=self.session,
                                place=thing.props["place"], on_end_day=self._end_day)
        elif thing.props.get("action") == "tv":
            self.app.stack.push("story_tv", session=self.session,
                                on_close=lambda: self.talk(thing.props["dialogue"]))
        else:
            self.talk(thing.props["dialogue"])

    def _start_tv_run(self) -> None:
        from game.states.story.tv import start_tv_run

        start_tv_run(self.session)

    def _end_day(self) -> None:
        assert self.app is not None
        if self.on_leave is not None:
            self.app.stack.pop()
            self.on_leave()

    # -- per tick --------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        if not isinstance(item, ActionEvent) or not item.pressed:
            return
        assert self.app is not None
        if item.action in (Action.PAUSE, Action.BACK):
            self.app.stack.push("pause", **story_pause())
        elif item.action is Action.CONFIRM and not item.repeat and self.near is not None:
            self._use(self.near)

    def update(self, tick: int) -> None:
        assert self.app is not None
        self.t += 1
        self.session.state.play_ticks += 1
        held = self.app.input.held(0) | self.app.input.held(1)  # one player: both key sets
        dx = (Action.RIGHT in held) - (Action.LEFT in held)
        dy = (Action.DOWN in held) - (Action.UP in held)
        blockers = list(self.world.walls_px) + npc_blockers(self.people)
        self.walker.step(dx, dy, blockers, self.world.size_px)
        self.camera[0] += (self.walker.x_px - self.camera[0]) * CAMERA_EASE
        self.camera[1] += (self.walker.y_px - self.camera[1]) * CAMERA_EASE
        self.near = nearest_thing(self.walker, self.things)
        for n in self.people:  # turn toward Rocky when he is close; otherwise look around
            fx, fy = npc_feet(n)
            ddx, ddy = self.walker.x_px - fx, self.walker.y_px - fy
            if ddx * ddx + ddy * ddy < NOTICE_PX ** 2:
                self.npc_facing[n.id] = face_toward(ddx, ddy)
            elif (self.t + n.id * 53) % NPC_IDLE_TURN_TICKS == 0:
                base = n.props["facing"]
                look = ("left", "right") if base in ("up", "down") else ("up", "down")
                cur = self.npc_facing[n.id]
                self.npc_facing[n.id] = base if cur != base else look[(self.t // 240 + n.id) % 2]
        door = door_under(self.walker, self.world.of_type("door"))
        if door is not None and door is not self.on_door:
            self._through(door)
        self.on_door = door

    def _through(self, door: ThingDef) -> None:
        assert self.app is not None
        if self.mode != "chapter":
            self.app.audio.play("ui_confirm")
            self._end_day()
            return
        if not holds(door.props.get("when"), self.session.state.flags):
            self.walker.y_px -= 24 if door.rect_px[1] > self.walker.y_px - 40 else -24
            if door.props.get("blocked"):
                self.talk(door.props["blocked"])
            return
        self.app.audio.play("step")
        self._next_map = True
        self.app.stack.replace("story_world", session=self.session,
                               map_id=door.props["target"], spawn=door.props["spawn"])

    # -- drawing ---------------------------------------------------------------------------
    def _people_to_draw(self) -> list[tuple[str, str, int, float, float]]:
        out = [("rocky", self.walker.facing, self.walker.frame, self.walker.x_px,
                self.walker.y_px)]
        for n in self.people:
            fx, fy = npc_feet(n)
            out.append((n.props["speaker"], self.npc_facing.get(n.id, "down"), 0, fx, fy))
        return out

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None and self.renderer is not None
        ox, oy = self.renderer.draw(surface.subsurface(VIEW_RECT),
                                    (self.camera[0], self.camera[1]), self._people_to_draw())
        surface.fill(C.NIGHT, (0, VIEW_RECT.bottom, surface.get_width(),
                               surface.get_height() - VIEW_RECT.bottom))
        self.view_offset = (ox, oy)
        fonts = self.app.fonts
        top = self.app.stack.top is self
        if self.near is not None and top:
            self._draw_prompt(surface, self.near, ox, oy)
        self._draw_header(surface)
        if top:
            draw_hints(surface, fonts, [("WASD / ARROWS", say("hints.walk")),
                                        ("ENTER / F", say("hints.talk")),
                                        ("ESC", say("hints.menu"))])

    def _draw_prompt(self, surface: pygame.Surface, thing: ThingDef, ox: int, oy: int) -> None:
        assert self.app is not None
        if thing.type == "npc":
            sp = self.session.speakers.get(thing.props["speaker"])
            text = say("prompt.talk", name=sp.name if sp else thing.name)
        else:
            text = thing.props["prompt"]
        font = self.app.fonts.bold(20)
        label = render(font, text, C.NIGHT)
        key = render(self.app.fonts.bold(14), "ENTER", C.CREAM)
        kb = key.get_rect().inflate(10, 4)
        size = (kb.w + label.get_width() + 34, label.get_height() + 14)
        rects = [self._person_rect(sprite, x, y, ox, oy)
                 for sprite, _f, _fr, x, y in self._people_to_draw()]
        box = prompt_spot(size, rects[0], rects[1:])
        self.prompt_rect = box.copy()
        box.move_ip(0, -2 if (self.t // 20) % 2 else 0)  # a slow bob says "press me"
        pygame.draw.rect(surface, C.CREAM, box, border_radius=8)
        pygame.draw.rect(surface, C.GOLD_DARK, box, 2, border_radius=8)
        kb.midleft = (box.x + 10, box.centery)
        pygame.draw.rect(surface, C.RED, kb, border_radius=4)
        surface.blit(key, key.get_rect(center=kb.center))
        surface.blit(label, label.get_rect(midleft=(kb.right + 10, box.centery)))

    @staticmethod
    def _person_rect(sprite_id: str, x_px: float, y_px: float, ox: int, oy: int) -> pygame.Rect:
        """Where a person's sprite is on screen (as WorldRenderer draws it)."""
        from game.render.world import person_frames

        w, h = person_frames(sprite_id)[0][0].get_size()
        return pygame.Rect(round(x_px + ox - w / 2), round(y_px + oy - h + 14), w, h)

    def _draw_header(self, surface: pygame.Surface) -> None:
        assert self.app is not None
        fonts = self.app.fonts
        state = self.session.state
        if self.t < TITLE_TICKS:  # the place's name as you arrive
            k = min(1.0, self.t / 20, (TITLE_TICKS - self.t) / 30)
            if k > 0:
                title = render(fonts.display(64), self.world.title.upper(), C.CREAM)
                title.set_alpha(int(255 * k))
                surface.blit(title, title.get_rect(center=(640, 110)))
        goal = ""
        if self.mode == "chapter":
            for g in chapter_goals(state.chapter):
                if holds(g[0], state.flags):
                    goal = say(g[1])
                    break
        elif self.mode in ("train", "restaurant"):
            # the day alone told a stranger nothing: say what to do here and how to leave
            goal = say("camp.day", day=state.day, days=self.session.camp.days) + "   |   " + \
                say(f"camp.goal_{self.mode}")
        if goal:
            font = fonts.bold(20)
            box = self.goal_spot(font.size(goal)[0] + 50)
            self.goal_rect = box
            dim(surface, 170, box, (8, 8, 12))
            bar_x = box.x if box.x == 0 else box.right - 6
            pygame.draw.rect(surface, C.GOLD, (bar_x, box.y, 6, box.h))
            blit_text(surface, font, goal, (box.x + 22, box.centery), C.CREAM, "midleft")

    def goal_spot(self, width_px: int) -> pygame.Rect:
        """The goal line at the top left, or the top right when that hides less of what can be
        used or talked to (at Adrian's it hid the very TV it asks Rocky to watch)."""
        ox, oy = self.view_offset
        on_screen = [pygame.Rect(t.rect_px).move(ox, oy) for t in self.things]
        spots = [pygame.Rect(0, GOAL_TOP_PX, width_px, 34),
                 pygame.Rect(VIEW_RECT.w - width_px, GOAL_TOP_PX, width_px, 34)]

        def hidden_px(spot: pygame.Rect) -> int:
            return sum(spot.clip(r).w * spot.clip(r).h for r in on_screen)

        return min(spots, key=hidden_px)  # the first of equals: the top left


def chapter_goals(chapter_id: str) -> tuple[tuple[str, str], ...]:
    from game.story.chapters import chapter_goals as goals

    return goals(chapter_id)
