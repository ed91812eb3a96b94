"""The Versus screens as a player drives them: select (keys, mouse, age slider), intro, results."""

from __future__ import annotations

import pygame

from game.bout.setup import BoutSetup, SideSetup
from game.input.actions import Action, ActionEvent
from game.states import registry


def press(app, action: Action, player: int = 0) -> None:
    app.stack.handle(ActionEvent(action, player, True))


def test_every_versus_scene_is_registered_and_importable() -> None:
    for name in ("versus_select", "versus_intro", "ring", "corner", "versus_results"):
        assert registry.is_available(name), name


def test_age_slider_changes_the_stats_card_live(app) -> None:
    sel = app.stack.push("versus_select")
    app.stack.draw(app.screen, 0.0)
    fid = sel.side(0).fighter_id
    press(app, Action.DOWN)  # fighter -> age row
    before = sel.stats(fid, sel.side(0).age).ratings["hand_speed"]
    start_age = sel.side(0).age
    for _ in range(10):
        press(app, Action.RIGHT)
    assert sel.side(0).age == min(65, start_age + 10)
    after = sel.stats(fid, sel.side(0).age).ratings["hand_speed"]
    assert after < before  # hand speed falls with age
    app.stack.draw(app.screen, 0.0)


def test_mouse_drag_on_the_slider_sets_the_age(app) -> None:
    sel = app.stack.push("versus_select")
    app.stack.draw(app.screen, 0.0)
    track = sel.sliders[1]
    app.stack.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=track.midleft, button=1))
    assert sel.side(1).age == 20
    app.stack.handle(
        pygame.event.Event(pygame.MOUSEMOTION, pos=track.midright, buttons=(1, 0, 0), rel=(1, 0))
    )
    assert sel.side(1).age == 65
    app.stack.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=track.midright, button=1))


def test_mouse_arrow_wheel_and_release(app) -> None:
    """A click on a row's arrow changes that row and focuses it, the wheel changes the focused
    row, and after the button is up moving the mouse drags nothing."""
    sel = app.stack.push("versus_select")
    app.stack.draw(app.screen, 0.0)
    arrow, delta = sel.arrows[("rounds", -1)], -1
    rounds, age = sel.setup.rounds, sel.side(0).age
    app.stack.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=arrow.center, button=1))
    assert sel.setup.rounds == (rounds - 1 + delta) % 12 + 1 and sel.focused("rounds")
    app.stack.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=arrow.center, button=1))
    app.stack.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False))
    assert sel.setup.rounds == rounds
    app.stack.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=sel.sliders[0].midright,
                                        buttons=(0, 0, 0), rel=(1, 0)))
    assert sel.side(0).age == age


def test_player_two_moves_his_own_cursor_on_the_blue_corner(app) -> None:
    sel = app.stack.push("versus_select")
    sel._set_side(1, control="human2")
    first = sel.side(1).fighter_id
    press(app, Action.RIGHT, player=1)  # player 2's cursor starts on the blue fighter
    assert sel.side(1).fighter_id != first and sel.side(0).fighter_id == "rocky"
    for _ in range(5):
        press(app, Action.DOWN, player=1)
    assert all(sel.focused(row) for row in ("fighter0", "control1"))  # his corner only


def test_a_lone_player_s_arrow_keys_reach_every_row(app) -> None:
    """Against the CPU nobody is player 2, so player 2's half (the arrow keys the footer shows)
    moves the one cursor down to the rules and Fight, and only one row is lit."""
    sel = app.stack.push("versus_select")
    assert sel.side(1).control == "cpu"
    for _ in range(6):
        press(app, Action.DOWN, player=1)
    assert sel.focused("rounds") and not sel.focused("fighter1")
    rounds = sel.setup.rounds
    press(app, Action.RIGHT, player=1)
    assert sel.setup.rounds == rounds % 12 + 1
    press(app, Action.UP, player=1)  # control1: make the blue corner player 2
    while sel.side(1).control != "human2":
        press(app, Action.RIGHT, player=1)
    assert sel.focused("preset") is False and sel.focused("control1")
    press(app, Action.UP, player=1)  # now player 2's own cursor, inside his corner
    assert sel.focused("age1")


def test_fight_goes_through_the_intro_into_the_ring(app) -> None:
    from game.states.ring.scene import RingScene
    from game.states.versus.intro import VersusIntroScene

    app.stack.push("versus_select")
    for _ in range(9):
        press(app, Action.DOWN)
    press(app, Action.CONFIRM)
    assert isinstance(app.stack.top, VersusIntroScene)
    app.stack.update(0)
    app.stack.draw(app.screen, 0.0)
    press(app, Action.CONFIRM)  # first confirm shows every card
    press(app, Action.CONFIRM)  # second one starts the fight
    assert isinstance(app.stack.top, RingScene)


def test_results_rematch_keeps_the_fighters_with_a_new_seed(app) -> None:
    from game.combat.view import Result
    from game.states.versus.intro import VersusIntroScene

    setup = BoutSetup(
        (SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu", "hard")), rounds=2, seed=7
    )
    res = Result(1, "UD", 2, 180.0, (((9, 10), (9, 10)),) * 3)
    scene = app.stack.push("versus_results", setup=setup, result=res)
    press(app, Action.CONFIRM)  # mashed at the final bell: ignored
    assert app.stack.top is scene
    for t in range(70):
        app.stack.update(t)
    app.stack.draw(app.screen, 0.0)
    press(app, Action.CONFIRM)
    top = app.stack.top
    assert isinstance(top, VersusIntroScene)
    assert top.setup.sides == setup.sides and top.setup.seed != setup.seed


def test_real_time_clock_setting_makes_three_minute_rounds(app) -> None:
    app.settings.real_time_clock = True
    sel = app.stack.push("versus_select")
    assert sel.setup.clock_speed == 1 and sel.setup.rules().round_ticks == 180 * 60


def test_two_fighters_never_share_one_player_s_controls(app) -> None:
    sel = app.stack.push("versus_select")
    assert sel.side(0).control == "human1" and sel.side(1).control == "cpu"
    sel.change("control1", -3)  # cpu medium -> ... -> player 1
    assert sel.side(1).control == "human1"
    assert sel.side(0).control == "human2"


def test_the_tale_of_the_tape_never_runs_a_value_into_the_next_label(app) -> None:
    from game.combat import list_fighters
    from game.states.versus.intro import FACT_LABEL_SIZE, FACT_VALUE_SIZE, fact_positions
    from game.ui.text import shared_text

    tc = shared_text()
    for fighter in list_fighters():
        setup = BoutSetup((SideSetup(fighter, 60, "human1"), SideSetup("dixon", 30, "cpu")))
        intro = app.stack.push("versus_intro", setup=setup, hold=True)
        card = pygame.Rect(40, 300, 470, 250)
        facts = intro.facts(0)
        values = [tc.render(v, FACT_VALUE_SIZE) for _, v in facts]
        labels = [tc.render(k, FACT_LABEL_SIZE, kind="bold", shadow=None) for k, _ in facts]
        spots = fact_positions(card, [v.get_width() for v in values])
        for i in range(0, len(facts), 2):  # a left-hand value against the label beside it
            left_value = values[i].get_rect(topleft=spots[i][1])
            right_label = labels[i + 1].get_rect(topleft=spots[i + 1][0])
            assert left_value.right + 10 <= right_label.left, (fighter, facts[i])
            right_value = values[i + 1].get_rect(topleft=spots[i + 1][1])
            assert right_value.right <= card.right, (fighter, facts[i + 1])
        app.stack.pop()


def test_the_lit_age_row_leaves_the_stats_card_s_legend_readable(app) -> None:
    sel = app.stack.push("versus_select")
    app.stack.draw(app.screen, 0.0)
    for i in (0, 1):
        card, age_row = sel.painter.cards[i], sel.rects[f"age{i}"]
        assert card.bottom <= age_row.top, (i, card, age_row)
        assert age_row.bottom <= sel.rects[f"control{i}"].top


def test_a_lone_player_two_against_the_cpu_also_gets_the_one_cursor(app) -> None:
    sel = app.stack.push("versus_select")
    sel._set_side(0, control="human2")
    assert sel.side(1).control == "cpu"
    for _ in range(6):
        press(app, Action.DOWN, player=1)  # his arrow keys, past the blue corner
    assert sel.focused("rounds")


def test_a_one_symbol_key_reads_as_a_key_under_the_intro_card(app) -> None:
    """Player 2 dodges with "/": "DODGE /" read as a separator."""
    setup = BoutSetup((SideSetup("rocky", 60, "cpu"), SideSetup("dixon", 30, "human2")))
    app.settings.bindings[1]["dodge"] = ["/"]
    intro = app.stack.push("versus_intro", setup=setup, hold=True)
    assert intro.control_lines(0) is None  # the CPU has no keys to show
    moves, defence = intro.control_lines(1)
    assert "DODGE [/]" in defence and "JAB K" in moves


def test_the_results_name_their_keys_until_a_message_takes_the_band(app, monkeypatch) -> None:
    from game.combat.view import Result
    from game.states.versus import results

    drawn: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(results, "draw_hints", lambda surface, fonts, hints, y: drawn.append(hints))
    setup = BoutSetup((SideSetup("rocky", 60, "human1"), SideSetup("dixon", 30, "cpu")), seed=7)
    res = Result(1, "UD", 2, 180.0, (((9, 10), (9, 10)),) * 3)
    scene = app.stack.push("versus_results", setup=setup, result=res)
    app.stack.draw(app.screen, 0.0)
    assert [label for _, label in drawn[-1]] == ["Choose", "Select", "Main menu"]
    scene._say("Replay saved")
    drawn.clear()
    app.stack.draw(app.screen, 0.0)
    assert drawn == [] and scene.notice_rect is not None


def test_two_players_cursors_wear_their_corner_colours(app) -> None:
    from game.ui.colours import CORNER_COLORS

    sel = app.stack.push("versus_select")
    assert sel.cursor_colour("fighter0") is None  # one cursor: the usual gold
    sel._set_side(1, control="human2")
    assert sel.cursor_colour("fighter0") == CORNER_COLORS[0]
    assert sel.cursor_colour("fighter1") == CORNER_COLORS[1]
    sel.focus = [3, 3]  # both on one row: gold again
    assert sel.cursor_colour("fighter1") is None
    app.stack.draw(app.screen, 0.0)
