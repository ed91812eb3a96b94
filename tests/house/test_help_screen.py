"""How to fight: opened from the pause menu, every move in each player's own keys, back to the
pause menu; nothing runs off the screen with the default keys."""
from __future__ import annotations

from game.input.actions import Action, ActionEvent
from game.input.bindings import default_keys


def press(app, action: Action) -> None:
    app.stack.handle(ActionEvent(action, 0, True))


def test_moves_are_written_in_the_player_s_own_keys() -> None:
    from game.states.help import move_keys

    p2 = default_keys()[1]
    assert move_keys(p2, "{dodge} + {down}") == f"[{p2['dodge'][0].upper()}] + [DOWN]"
    assert move_keys({"jab": ["h"]}, "{jab} / {cross}") == "[H] / [-]"


def test_the_pause_menu_opens_how_to_fight_and_back(app) -> None:
    from game.states.help import HelpScene
    from game.states.pause import PauseScene

    pause = app.stack.push("pause")
    pause.menu.select_key("help")
    press(app, Action.CONFIRM)
    assert isinstance(app.stack.top, HelpScene)
    app.stack.draw(app.screen, 0.0)
    press(app, Action.BACK)
    assert app.stack.top is pause and isinstance(pause, PauseScene)


def test_every_line_fits_the_screen_with_the_default_keys(app) -> None:
    from game.states.help import MOVES, move_keys

    font = app.fonts.body(20)
    for keymap, x in zip(default_keys(), (520, 860), strict=True):
        for _, how in MOVES:
            assert x + font.size(move_keys(keymap, how))[0] <= 1260, how
