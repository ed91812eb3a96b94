"""The scene stack: push / pop / replace with the lifecycle documented in base.py."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from game.states.base import Scene

if TYPE_CHECKING:
    import pygame

    from game.app import App

log = logging.getLogger(__name__)


class SceneStack:
    """Holds the scenes; only the top one handles input and updates.

    Transitions take effect at once, so a scene that pops itself inside ``handle`` is gone
    before the next input item is delivered.
    """

    def __init__(self, app: App | Any) -> None:
        self.app = app
        self._scenes: list[Scene] = []

    # -- queries ---------------------------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    @property
    def scenes(self) -> tuple[Scene, ...]:
        """Bottom to top, read-only."""
        return tuple(self._scenes)

    def __len__(self) -> int:
        return len(self._scenes)

    def __contains__(self, scene: object) -> bool:
        return scene in self._scenes

    # -- transitions -----------------------------------------------------------------------
    def push(self, scene: Scene | str, **kwargs: Any) -> Scene:
        """Put ``scene`` (an instance or a registry name) on top; the old top is covered."""
        scene = self._make(scene, kwargs)
        if self._scenes:
            self._scenes[-1].cover()
        self._scenes.append(scene)
        log.info("scene push %s", scene.name or type(scene).__name__)
        scene.enter(self.app)
        return scene

    def pop(self) -> Scene | None:
        """Remove the top scene; the one below is uncovered. Popping the last scene quits."""
        if not self._scenes:
            return None
        scene = self._scenes.pop()
        log.info("scene pop %s", scene.name or type(scene).__name__)
        scene.exit()
        if self._scenes:
            self._scenes[-1].uncover()
        elif hasattr(self.app, "quit"):
            self.app.quit()
        return scene

    def replace(self, scene: Scene | str, **kwargs: Any) -> Scene:
        """Swap the top scene for ``scene`` (the scenes below are not uncovered)."""
        scene = self._make(scene, kwargs)
        if self._scenes:
            old = self._scenes.pop()
            log.info("scene exit %s", old.name or type(old).__name__)
            old.exit()
        self._scenes.append(scene)
        log.info("scene replace -> %s", scene.name or type(scene).__name__)
        scene.enter(self.app)
        return scene

    def pop_to(self, scene: Scene) -> None:
        """Pop until ``scene`` is on top (e.g. "quit to menu" from a pause over a ring)."""
        if scene not in self._scenes:
            raise ValueError(f"{scene!r} is not on the stack")
        while self._scenes[-1] is not scene:
            self.pop()

    def clear(self) -> None:
        """Exit every scene, top first (used when the app shuts down)."""
        while self._scenes:
            scene = self._scenes.pop()
            scene.exit()

    # -- per frame -------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        if self._scenes:
            self._scenes[-1].handle(item)

    def update(self, tick: int) -> None:
        if self._scenes:
            self._scenes[-1].update(tick)

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        """Draw from the topmost opaque scene upwards (overlays over a frozen scene)."""
        start = 0
        for i in range(len(self._scenes) - 1, -1, -1):
            if self._scenes[i].opaque:
                start = i
                break
        for scene in self._scenes[start:]:
            scene.draw(surface, alpha)

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _make(scene: Scene | str, kwargs: dict[str, Any]) -> Scene:
        if isinstance(scene, str):
            from game.states import registry

            return registry.make(scene, **kwargs)
        if kwargs:
            raise TypeError("keyword arguments are only for scenes made by name")
        return scene
