"""Main menu: Story, Versus, Training, Virtual Fight, Replays, Settings, Quit.

Each mode opens its registry scene when that scene is available; until then the menu says on
screen that the mode is not built yet. The mode scenes are registered by their own engineers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.states import registry
from game.states.base import Scene
from game.states.title import shared_arena
from game.ui import colours as C
from game.ui.widgets import MenuItem, MenuList, blit_text, dim, draw_hints, render, slab, wrap

if TYPE_CHECKING:
    from game.app import App

#: menu key -> (registry scene it opens, the card's heading, description)
MODES: dict[str, tuple[str | None, str, str]] = {
    "story": ("story", "STORY",
              ("Sixty years old, a restaurant in South Philly named for the woman he lost, and "
               "one more fight against the young champion. Ten rounds. No promises.")),
    "versus": ("versus_select", "VERSUS",
               ("1P against the CPU, 2P on one keyboard or two pads, or CPU against CPU. Pick any "
                "fighter at any age from 20 to 65 and watch the stats card change.")),
    "training": ("training", "TRAINING",
                 ("Heavy bag, speed bag, jump rope, the meat locker, the museum steps, the "
                  "trainer's mitts and sparring. Any fighter, any age; each drill keeps your "
                  "best score.")),
    "virtual": ("virtual_fight", "VIRTUAL FIGHT",
                ("Who would win? Thousands of simulated bouts between any two fighters, at any "
                 "ages, with the same model as the ring. Watch any one of them.")),
    "replays": ("replays", "REPLAYS",
                ("Every bout in the ring is kept as its inputs: the ones you saved and the last 20. "
                 "Watch one again, with pause, x4 and next knockdown.")),
    "settings": ("settings", "SETTINGS",
                 ("Sound, controls for both players, fullscreen and window size, screen shake, "
                  "colour-blind-safe meters.")),
    "quit": (None, "QUIT", "Hang up the gloves. For now."),
}
LABELS = {"story": "Story", "versus": "Versus", "training": "Training",
          "virtual": "Virtual Fight", "replays": "Replays", "settings": "Settings",
          "quit": "Quit"}
FADE_TICKS = 14
LIST_Y = 150
ROW_PX = 70  # seven rows end above the key hints


class MenuScene(Scene):
    def __init__(self) -> None:
        super().__init__()
        self.t_ticks = 0
        self._enter_tick = 0
        self.menu = MenuList([MenuItem(LABELS[k], k) for k in MODES])
        self._slab_row = self._slab_prev = 0.0  # highlight position, in rows

    def enter(self, app: App) -> None:
        super().enter(app)
        self.arena = shared_arena(app)
        self._enter_tick = app.tick
        self.menu.on_move = lambda: app.audio.play("ui_move")
        self._refresh_tags()
        app.audio.play_music("menu")

    def uncover(self) -> None:
        self._refresh_tags()
        assert self.app is not None
        self.app.audio.play_music("menu")

    def _refresh_tags(self) -> None:
        for item in self.menu.items:
            scene = MODES[item.key][0]
            item.tag = "" if scene is None or registry.is_available(scene) else "SOON"

    def handle(self, item: Any) -> None:
        assert self.app is not None
        choice = self.menu.handle(item)
        if choice is None:
            return
        app = self.app
        if choice == "back":
            app.audio.play("ui_back")
            app.stack.replace("title")
        elif choice == "quit":
            app.audio.play("ui_confirm")
            app.stack.push("confirm", question="Hang up the gloves?",
                           detail="Quit Still a Fighter.", yes="QUIT", no="STAY",
                           on_yes=app.quit)
        else:
            scene, heading, _ = MODES[choice]
            if scene and registry.is_available(scene):
                try:
                    registry.scene_class(scene)
                except ImportError as exc:  # exists but does not import: say so, stay here
                    app.audio.play("ui_back")
                    app.toast(f"{heading.title()} could not start: {exc}")
                    return
                app.audio.play("ui_confirm")
                app.stack.push(scene)
            else:
                app.audio.play("ui_back")
                app.toast(f"{heading.title()} is not built yet. It is coming in a later round.")

    def update(self, tick: int) -> None:
        self.t_ticks += 1
        # the highlight slides to the selected item (eased, in list rows)
        self._slab_prev = self._slab_row
        target = float(self.menu.selected)
        self._slab_row += (target - self._slab_row) * 0.4
        if abs(target - self._slab_row) < 0.01:
            self._slab_row = target

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        assert self.app is not None
        t = self.t_ticks + alpha
        self.arena.draw(surface, t + 400, lights=0.7)
        _left_panel(surface)
        # a solid panel under the list, like the card's: the ring's ropes ran through the items
        panel = pygame.Rect(44, LIST_Y - 8, 470, ROW_PX * len(self.menu.items) + 16)
        dim(surface, 235, panel, C.PANEL)
        pygame.draw.rect(surface, C.GOLD, (panel.x, panel.y, 4, panel.h))
        fonts = self.app.fonts
        blit_text(surface, fonts.display(54), "STILL A FIGHTER", (76, 46), C.GOLD, shadow=3)
        pygame.draw.rect(surface, C.RED, (78, 104, 64, 5))
        # the list, under a sliding highlight
        item_font = fonts.display(66)
        self.menu.rects = [pygame.Rect(60, LIST_Y + i * ROW_PX, 430, 70)
                           for i in range(len(self.menu.items))]
        row = self._slab_prev + (self._slab_row - self._slab_prev) * alpha
        slab_rect = pygame.Rect(60, int(LIST_Y + row * ROW_PX), 430, 70)
        slab(surface, slab_rect.move(-8, 2), C.RED_DARK)
        slab(surface, slab_rect.inflate(0, -6), C.RED)
        for i, item in enumerate(self.menu.items):
            rect = self.menu.rects[i]
            selected = i == self.menu.selected
            if selected:
                colour = C.CREAM
                x_off = 22
            else:
                colour = C.TEXT_DIM if item.tag else C.TEXT
                x_off = 0
            r = blit_text(surface, item_font, item.label.upper(), (rect.x + 30 + x_off,
                                                                    rect.centery + 3),
                          colour, "midleft", shadow=2 if selected else 0)
            if item.tag:
                tag = render(fonts.bold(14), item.tag, C.NIGHT)
                box = tag.get_rect(midleft=(r.right + 16, rect.centery)).inflate(12, 6)
                pygame.draw.rect(surface, C.GOLD if selected else C.TEXT_FAINT, box,
                                 border_radius=3)
                surface.blit(tag, tag.get_rect(center=box.center))
        self._draw_card(surface)
        draw_hints(surface, fonts, [("UPDOWN", "Choose"), ("ENTER / F", "Select"), ("ESC", "Title"),
                                    ("F11", "Fullscreen")])
        since = self.app.tick - self._enter_tick + alpha
        if since < FADE_TICKS:  # fade in from black after the title
            shade = pygame.Surface(surface.get_size())
            shade.set_alpha(int(255 * (1 - since / FADE_TICKS)))
            surface.blit(shade, (0, 0))

    def _draw_card(self, surface: pygame.Surface) -> None:
        """The card on the right: what the selected mode is, and whether it is built."""
        assert self.app is not None
        fonts = self.app.fonts
        key = self.menu.current.key
        _, heading, text = MODES[key]
        card = pygame.Rect(760, 150, 440, 300)
        dim(surface, 210, card, (12, 12, 20))
        pygame.draw.rect(surface, C.GOLD, (card.x, card.y, card.w, 4))
        blit_text(surface, fonts.display(52), heading, (card.x + 28, card.y + 24), C.CREAM)
        for i, line in enumerate(wrap(fonts.body(22), text, card.w - 56)[:6]):
            blit_text(surface, fonts.body(22), line, (card.x + 28, card.y + 96 + 30 * i), C.TEXT)
        if self.menu.current.tag:
            blit_text(surface, fonts.bold(18), "NOT BUILT YET - COMING SOON",
                      (card.x + 28, card.bottom - 24), C.GOLD, "bottomleft")
        elif key not in ("quit", "settings"):
            blit_text(surface, fonts.bold(18), "READY - PRESS ENTER TO PLAY",
                      (card.x + 28, card.bottom - 24), C.GREEN, "bottomleft")


_PANEL_CACHE: dict[int, pygame.Surface] = {}


def _left_panel(surface: pygame.Surface) -> None:
    """A dark gradient on the left so the menu reads over the arena."""
    panel = _PANEL_CACHE.get(0)
    if panel is None:
        panel = pygame.Surface((720, 720), pygame.SRCALPHA)
        for x in range(720):
            a = int(225 * min(1.0, max(0.0, (720 - x) / 420)) ** 1.3)
            pygame.draw.line(panel, (6, 6, 10, a), (x, 0), (x, 720))
        _PANEL_CACHE[0] = panel
    surface.blit(panel, (0, 0))
