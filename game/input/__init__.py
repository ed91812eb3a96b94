"""Input as actions, not keys: keyboard and game controllers -> per-player actions."""
from game.input.actions import COMBAT_ACTIONS, MENU_ACTIONS, Action, ActionEvent, to_buttons

__all__ = ["COMBAT_ACTIONS", "MENU_ACTIONS", "Action", "ActionEvent", "to_buttons"]
