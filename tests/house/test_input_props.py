"""Property test: any stream of key and pad events keeps the held state consistent."""
from __future__ import annotations

import pygame
from hypothesis import given, settings
from hypothesis import strategies as st

from game.input.actions import Action
from game.input.manager import InputManager, key_code

KEYS = ["w", "a", "s", "d", "f", "g", "space", "escape", "up", "k", "return", "p", "x"]
BUTTONS = [pygame.CONTROLLER_BUTTON_A, pygame.CONTROLLER_BUTTON_X,
           pygame.CONTROLLER_BUTTON_LEFTSHOULDER, pygame.CONTROLLER_BUTTON_DPAD_UP]

key_event = st.tuples(st.sampled_from(["keydown", "keyup"]), st.sampled_from(KEYS))
pad_event = st.tuples(st.sampled_from(["padown", "padup"]), st.sampled_from(BUTTONS),
                      st.sampled_from([1, 2]))
axis_event = st.tuples(st.just("axis"), st.integers(-32768, 32767), st.sampled_from([1, 2]))
other = st.tuples(st.sampled_from(["focus", "unplug"]), st.sampled_from([1, 2]))


def to_event(item: tuple) -> pygame.event.Event:
    kind = item[0]
    if kind in ("keydown", "keyup"):
        t = pygame.KEYDOWN if kind == "keydown" else pygame.KEYUP
        return pygame.event.Event(t, key=key_code(item[1]), mod=0, scancode=0)
    if kind in ("padown", "padup"):
        t = pygame.CONTROLLERBUTTONDOWN if kind == "padown" else pygame.CONTROLLERBUTTONUP
        return pygame.event.Event(t, instance_id=item[2], button=item[1])
    if kind == "axis":
        return pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=item[2],
                                  axis=pygame.CONTROLLER_AXIS_LEFTY, value=item[1])
    if kind == "focus":
        return pygame.event.Event(pygame.WINDOWFOCUSLOST)
    return pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=item[1])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(key_event, pad_event, axis_event, other), max_size=60))
def test_presses_and_releases_alternate_and_match_the_held_set(stream: list[tuple]) -> None:
    inp = InputManager()
    down: set[tuple[int, Action]] = set()
    for item in stream:
        event = to_event(item)
        for ev in inp.process(event):
            key = (ev.player, ev.action)
            if ev.pressed:
                assert key not in down, f"second press of {key} without a release"
                down.add(key)
            else:
                assert key in down, f"release of {key} that was not pressed"
                down.discard(key)
        for player in (0, 1):
            assert inp.held(player) == {a for p, a in down if p == player}
    for ev in inp.release_everything():
        down.discard((ev.player, ev.action))
    assert not down and not inp.held(0) and not inp.held(1)
