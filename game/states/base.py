"""The Scene base class: one screen of the game (title, menu, ring, pause ...).

Lifecycle, driven by :class:`game.states.stack.SceneStack`:

1. ``enter(app)``   -- the scene was pushed (or swapped in by ``replace``). ``self.app`` is set.
2. ``cover()``      -- another scene was pushed on top of it (e.g. the pause overlay).
3. ``uncover()``    -- the scene on top of it was popped; it is the top scene again.
4. ``exit()``       -- the scene was popped or replaced. It is not used afterwards.

Every frame the top scene alone gets ``handle(item)`` for each input item, then ``update(tick)``
zero or more times (fixed 60 Hz steps). Then the stack draws from the first opaque scene upwards:
``draw(surface, alpha)`` with ``alpha`` in [0, 1) the fraction of the next step already elapsed,
for interpolation. Drawing must never change game state.

``handle`` receives either a :class:`game.input.actions.ActionEvent` (an abstract action such as
CONFIRM or JAB, already mapped from keys/pads) or a raw ``pygame.event.Event`` (mouse, text,
key presses for rebinding). Scenes ask for transitions through ``self.app.stack``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for type hints only, so scenes stay cheap to import
    import pygame

    from game.app import App


class Scene:
    """Base for every scene. Override what you need; every hook has a safe default."""

    #: An opaque scene covers the whole screen, so nothing under it is drawn.
    opaque: bool = True
    #: Whether losing window focus (or a pad) should push the pause overlay over this scene.
    pausable: bool = False
    #: Name used in logs and by the registry (set by the registry when made from it).
    name: str = ""
    #: Whether a key's Back means Pause here (one meaning per key: Esc is Back, and Back in a
    #: fight pauses it). None: the same as ``pausable``; a pausable scene that uses Back
    #: itself says False.
    back_pauses: bool | None = None

    def __init__(self) -> None:
        self.app: App | None = None  # set by enter()

    # -- lifecycle -------------------------------------------------------------------------
    def enter(self, app: App) -> None:
        """Called once when the scene becomes part of the stack."""
        self.app = app

    def exit(self) -> None:
        """Called once when the scene leaves the stack (pop or replace)."""

    def cover(self) -> None:
        """Another scene was pushed over this one; it stops receiving input and updates."""

    def uncover(self) -> None:
        """The scene above was popped; this scene is on top again."""

    # -- per frame -------------------------------------------------------------------------
    def handle(self, item: Any) -> None:
        """One input item: an ActionEvent or a raw pygame event."""

    def update(self, tick: int) -> None:
        """One fixed 1/60 s step. ``tick`` counts steps since the app started."""

    def draw(self, surface: pygame.Surface, alpha: float) -> None:
        """Draw onto the 1280x720 logical surface. Must not change state."""

    def control_rects(self) -> list[pygame.Rect]:
        """Where the things the player can press were last drawn (logical px), so the app's
        toasts go clear of them. Default: the rows of every MenuList the scene holds and a
        ``rects`` / ``choice_rects`` list or dict of rects; scenes with other controls say so."""
        from game.ui.widgets import MenuList

        found: list[pygame.Rect] = []
        for name, value in vars(self).items():
            if isinstance(value, MenuList):
                found += value.rects
            elif name in ("rects", "choice_rects"):
                found += list(value.values()) if isinstance(value, dict) else list(value)
        return found

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
