"""The hearing's first view: Rocky walks in at the door and the commission at its bench is on
screen whole (QA saw their heads cut off by the top of the screen)."""
from __future__ import annotations

from game.render.world import person_frames
from game.states.story.session import StorySession
from game.story.progress import begin_chapter, new_story
from game.world.walk import npc_feet

from .test_scenes import finish_dialogue, tick


def test_the_commissioners_heads_are_on_screen_as_rocky_walks_in(app):
    state = new_story(5)
    state.flags.add("saw_tv")
    begin_chapter(state, "hearing")
    session = StorySession(1, state)
    app.stack.push("menu")
    name, kwargs = session.scene_for_chapter()
    app.stack.push(name, **kwargs)
    finish_dialogue(app)
    tick(app, 2)
    world = app.stack.top
    assert world.name == "story_world" and world.world.id == "hearing"
    oy = world.view_offset[1]
    bench = [n for n in world.people if n.props["dialogue"] == "hearing"]
    assert len(bench) == 3
    for n in bench:
        _, fy = npc_feet(n)
        img = person_frames(n.props["speaker"])[0][0]
        top = img.get_bounding_rect().top + fy + oy - img.get_height() + 14
        assert top >= 0, (n.name, top)
    # and Rocky, at the door, is on screen too (above the hints)
    assert 0 <= world.walker.y_px + oy + 14 <= 660
