"""The Replays screen: the kept bouts listed newest first (saved, then recent), Enter watches one
in the ring, a damaged file is a message and the list again, and an empty folder says so."""
from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.bout import BoutSession
from game.bout.setup import BoutSetup, SideSetup
from game.input.actions import Action, ActionEvent


def press(app, action: Action) -> None:
    app.stack.handle(ActionEvent(action, 0, True))


def short_replay():
    setup = BoutSetup((SideSetup("rocky", 60, "cpu"), SideSetup("dixon", 30, "cpu")), seed=4,
                      rounds=1, clock_speed=6)
    session = BoutSession(setup)
    session.run(until=lambda s: s.ticks >= 30)
    session.stop()
    return session.replay()


def test_file_names_say_who_fought_at_what_ages_and_when() -> None:
    from game.states.replays import describe_file

    entry = describe_file(Path("20261130-061106-rocky60-v-dixon30-s741146235~2.json"), "saved")
    assert entry.title == "ROCKY 60  VS  DIXON 30"
    assert entry.when == "30 Nov 2026  06:11"
    odd = describe_file(Path("my fight.json"), "recent")
    assert odd.title == "my fight.json" and odd.when == ""


def test_saved_replays_come_first_then_recent_newest_first(home: Path) -> None:
    from game.bout.replay import replays_dir
    from game.states.replays import list_replays

    for kind, stamp in (("recent", "20261101-100000"), ("recent", "20261102-100000"),
                        ("saved", "20261001-100000")):
        (replays_dir(kind) / f"{stamp}-rocky60-v-dixon30-s1.json").write_text("{}")
    assert [(e.kind, e.sort_key) for e in list_replays()] == [
        ("saved", "20261001-100000"), ("recent", "20261102-100000"),
        ("recent", "20261101-100000")]


def test_the_main_menu_opens_replays_and_enter_watches_one(app) -> None:
    from game.bout.replay import keep
    from game.states.replays import ReplaysScene
    from game.states.ring.replay import ReplayScene

    keep(short_replay())
    app.stack.push("menu")
    menu = app.stack.top
    menu.menu.select_key("replays")
    press(app, Action.CONFIRM)
    screen = app.stack.top
    assert isinstance(screen, ReplaysScene) and len(screen.entries) == 1
    app.stack.draw(app.screen, 0.0)
    press(app, Action.CONFIRM)
    ring = app.stack.top
    assert isinstance(ring, ReplayScene) and ring.session is not None
    press(app, Action.BACK)  # a replay's Back leaves it
    assert app.stack.top is screen
    press(app, Action.BACK)
    assert app.stack.top is menu


def test_a_damaged_replay_is_moved_aside_with_a_message(app) -> None:
    from game.bout.replay import replays_dir

    bad = replays_dir("saved") / "20261130-061106-rocky60-v-dixon30-s1.json"
    bad.write_text('{"format": "still-a-fighter-replay", "vers')
    screen = app.stack.push("replays")
    press(app, Action.CONFIRM)
    assert app.stack.top is screen and screen.entries == []  # no longer offered
    kept = list(replays_dir("saved").glob("*.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text().startswith('{"format"')
    assert any("damaged" in text and kept[0].name in text for text, _ in app._toasts)


def test_a_replay_of_other_fighter_data_stays_and_says_why(app) -> None:
    from game.bout.replay import keep

    kept = keep(short_replay())
    data = json.loads(kept.read_text())
    data["data_hash"] = "0" * 64  # recorded under other fighter or move data
    kept.write_text(json.dumps(data))
    screen = app.stack.push("replays")
    press(app, Action.CONFIRM)
    assert app.stack.top is screen and kept.exists() and len(screen.entries) == 1
    assert any("other fighter or move data" in text for text, _ in app._toasts)


def test_no_replays_says_how_to_get_one_and_any_key_goes_back(app) -> None:
    app.stack.push("menu")
    screen = app.stack.push("replays")
    assert screen.entries == []
    app.stack.draw(app.screen, 0.0)
    press(app, Action.CONFIRM)
    assert app.stack.top.name == "menu"


def test_a_long_list_scrolls_to_keep_the_choice_on_screen(app) -> None:
    from game.bout.replay import replays_dir
    from game.states.replays import VISIBLE_ROWS

    for k in range(VISIBLE_ROWS + 4):
        (replays_dir("recent") / f"2026110{k % 10}-1000{k:02d}-rocky60-v-dixon30-s1.json"
         ).write_text("{}")
    screen = app.stack.push("replays")
    for _ in range(VISIBLE_ROWS + 2):
        press(app, Action.DOWN)
        app.stack.update(0)
    app.stack.draw(app.screen, 0.0)
    chosen = screen.menu.rects[screen.menu.selected]
    assert chosen.height > 0 and chosen.bottom <= 660  # drawn, above the key hints


def test_the_menu_s_seven_rows_end_above_the_key_hints(app) -> None:
    app.stack.push("menu")
    app.stack.draw(app.screen, 0.0)
    rects = app.stack.top.menu.rects
    assert len(rects) == 7 and rects[-1].bottom <= 660


def test_a_row_tells_how_the_bout_ended_and_nothing_overlaps(app) -> None:
    from game.bout.replay import keep, replays_dir
    from game.combat import list_fighters, load_fighter
    from game.states.replays import outcome

    kept = keep(short_replay())
    data = json.loads(kept.read_text())
    data["result"] = {"method": "TKO", "round": 10, "winner": 0, "time_seconds": 1.0,
                      "scorecards": []}
    kept.write_text(json.dumps(data))
    assert outcome(kept) == "ROCKY BY TKO IN ROUND 10"
    longest = max(list_fighters(), key=lambda f: len(load_fighter(f).name.split()[-1]))
    data["setup"]["sides"][0]["fighter_id"] = longest  # the longest outcome too
    kept.write_text(json.dumps(data))
    for k, other in enumerate(list_fighters()):
        name = f"20261101-10000{k}-{longest}65-v-{other}65-s1.json"
        (replays_dir("recent") / name).write_bytes(kept.read_bytes())
    screen = app.stack.push("replays")
    app.stack.draw(app.screen, 0.0)
    for title, told, when in screen.row_parts.values():
        assert title.right < told.left and told.right < when.left, (title, told, when)
    broken = replays_dir("recent") / "20261101-090000-rocky60-v-dixon30-s1.json"
    broken.write_text("{")
    assert outcome(broken) == ""


def test_the_list_reads_on_a_solid_panel_not_across_the_ropes(app) -> None:
    """Seen playing: the ring's top ropes and the crowd ran through the second and third rows;
    behind a row's words there is now only the panel's dark."""
    from game.bout.replay import keep, replays_dir
    from game.ui.colours import NIGHT

    kept = keep(short_replay())
    for k in range(3):
        (replays_dir("recent") / f"2026110{k}-100000-rocky60-v-dixon30-s1.json").write_bytes(
            kept.read_bytes())
    screen = app.stack.push("replays")
    app.stack.draw(app.screen, 0.0)
    checked = 0
    for i, (title, told, when) in screen.row_parts.items():
        if i == screen.menu.selected:
            continue  # the red slab is meant to be bright
        end = told.left if told.w else when.left
        gap = pygame.Rect(title.right + 6, title.y, end - title.right - 12, title.h)
        off = [(x, y) for x in range(gap.left, gap.right, 2) for y in range(gap.top, gap.bottom, 2)
               if max(abs(c - n) for c, n in zip(app.screen.get_at((x, y))[:3], NIGHT)) > 3]
        assert off == [], f"row {i}: the arena shows through at {off[:3]}"
        checked += 1
    assert checked == 3
