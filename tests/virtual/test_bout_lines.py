"""The "watch a bout" list names each bout whole: the method and the cards are what the player
chooses by, so a line too long for the list gets shorter words, not an ellipsis."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from game.combat.state import METHODS, NO_WINNER

LIST_TEXT_PX = 252  # the list's row (292 px card, 8 px margins) less the sub line's padding


def fake_run(winner: int, method: str, end_round: int = 10) -> SimpleNamespace:
    spec = SimpleNamespace(names=lambda: ("Dirk Hollander", "Mason Dixon"))
    return SimpleNamespace(
        spec=spec, winner=np.array([winner]), method=np.array([METHODS.index(method)]),
        end_round=np.array([end_round]), end_seconds=lambda: np.array([179.0]),
        cards=np.array([[[97, 93], [94, 96], [96, 94]]]))


def test_every_kind_of_bout_fits_the_list_whole(app) -> None:
    from game.states.virtual.results_draw import bout_line
    from game.ui.text import shared_text

    font = shared_text().font("bold", 12)
    for winner, method in ((0, "UD"), (1, "SD"), (0, "MD"), (0, "TKO"), (1, "KO"),
                           (NO_WINNER, "DRAW")):
        text = bout_line(fake_run(winner, method), 0, "#100,000  ", LIST_TEXT_PX)
        assert "..." not in text and font.size(text)[0] <= LIST_TEXT_PX, text
        assert method in text or winner == NO_WINNER or "DECISION" in text, text


def test_a_wide_list_keeps_the_long_words(app) -> None:
    from game.states.virtual.results_draw import bout_line

    text = bout_line(fake_run(0, "UD"), 0, "#1  ", 2000)
    assert text == "#1  DIRK HOLLANDER BY UNANIMOUS DECISION (97-93, 96-94, 96-94)"
    narrow = bout_line(fake_run(1, "TKO"), 0, "#100,000  ", LIST_TEXT_PX)
    assert narrow == "#100,000  DIXON, TKO RD 10 (2:59)"
