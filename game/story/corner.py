"""The old trainer in Rocky's corner on fight night: what he says between rounds, chosen from
``assets/story/corner.toml`` by how the fight is going as the model tells it (the cards, the
knockdowns, Dixon's hurt hand, Rocky's damage and his sixty-year-old legs).

Dixon's corner talks too, in its own words (``[dixon]`` in the same file), under the label
"Dixon's corner": the Versus advice under "YOUR CORNER:" spoke to the player as if he were Dixon.

Pure: it reads a bout-layer session (``view``, ``points()``, ``setup.modifiers``) and gives the
ring's corner scene its words through the ring's ``corner_words`` hook.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from game.story.data import STORY_DIR, StoryDataError, read_toml
from game.story.data import field as get

ROCKY, DIXON = 0, 1
#: fact name -> kind. Numbers can be tested with `<fact>_min` / `<fact>_max` (inclusive).
FACTS: dict[str, type] = {
    "round": int,  # the round that just ended
    "rounds_left": int,
    "score": str,  # "ahead" | "behind" | "even": Rocky on the judges' cards so far
    "dixon_score": str,  # the same, for Dixon (his corner's lines read this one)
    "margin": float,  # Rocky's points minus Dixon's, per judge
    "rocky_down": int,  # knockdowns Rocky took in the round just ended
    "dixon_down": int,
    "rocky_down_total": int,
    "dixon_down_total": int,
    "hand": bool,  # Dixon's hand is hurt (the story's modifier on his power is in force)
    "rocky_head": float,  # 0..1, as the corner card shows them
    "rocky_body": float,
    "rocky_stamina": float,
    "dixon_head": float,
    "dixon_body": float,
    "dixon_stamina": float,
}
SCORES = ("ahead", "behind", "even")
NUMERIC = tuple(k for k, t in FACTS.items() if t in (int, float))


@dataclass(frozen=True)
class CornerLineDef:
    id: str
    text: str
    when: tuple[tuple[str, Any], ...]  # (test, value): "score" == "behind", "round_min" 4 ...
    once: bool  # said at most once a fight

    def holds(self, facts: dict[str, Any]) -> bool:
        for test, value in self.when:
            if test.endswith("_min") and test[:-4] in NUMERIC:
                ok = facts[test[:-4]] >= value
            elif test.endswith("_max") and test[:-4] in NUMERIC:
                ok = facts[test[:-4]] <= value
            else:
                ok = facts[test] == value
            if not ok:
                return False
        return True


@dataclass(frozen=True)
class CornerDef:
    speaker: str  # a speakers.toml id: his name heads the corner's speech box
    lines: tuple[CornerLineDef, ...]  # in priority order: the first that holds is said
    label: str = ""  # instead of a speaker: what heads the box (Dixon's corner has no name)


def _check_when(t: Any, where: str) -> tuple[tuple[str, Any], ...]:
    if not isinstance(t, dict):
        raise StoryDataError(f"{where}: field 'when' must be a table")
    out = []
    for test, value in t.items():
        base = test[:-4] if test.endswith(("_min", "_max")) else test
        if base != test and base not in NUMERIC:
            raise StoryDataError(f"{where}: when.{test}: '{base}' is not a number fact "
                                 f"({', '.join(NUMERIC)})")
        if base not in FACTS:
            raise StoryDataError(f"{where}: when.{test}: unknown fact; known: "
                                 f"{', '.join(FACTS)}")
        kind = float if base != test else FACTS[base]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise StoryDataError(f"{where}: when.{test} must be {kind.__name__}, got {value!r}")
        if base in ("score", "dixon_score") and value not in SCORES:
            raise StoryDataError(f"{where}: when.score must be one of {SCORES}, got {value!r}")
        out.append((test, value))
    return tuple(out)


def parse_corner(data: dict[str, Any], name: str = "corner.toml", table: str = "") -> CornerDef:
    """Rocky's corner (the file's top level: ``speaker``) or, with ``table``, another corner
    (``[table]``: ``label`` instead of a speaker)."""
    if table:
        data = data.get(table)  # type: ignore[assignment]
        if not isinstance(data, dict):
            raise StoryDataError(f"{name}: missing table [{table}]")
        name = f"{name}: [{table}]"
        speaker, label = "", get(data, "label", str, name)
    else:
        speaker, label = get(data, "speaker", str, name), ""
    lines, ids = [], set()
    for i, t in enumerate(data.get("line", [])):
        where = f"{name}: line[{i}]"
        if not isinstance(t, dict):
            raise StoryDataError(f"{where}: must be a table")
        line = CornerLineDef(get(t, "id", str, where), get(t, "text", str, where),
                             _check_when(t.get("when", {}), where),
                             get(t, "once", bool, where, True))
        if line.id in ids:
            raise StoryDataError(f"{where}: duplicate id '{line.id}'")
        ids.add(line.id)
        lines.append(line)
    if not lines or any(ln.when or ln.once for ln in lines[-1:]):
        raise StoryDataError(f"{name}: the last [[line]] must have no 'when' and once = false "
                             "(what he says when nothing else fits)")
    return CornerDef(speaker, tuple(lines), label)


@lru_cache(maxsize=1)
def load_corner() -> CornerDef:
    path = STORY_DIR / "corner.toml"
    return parse_corner(read_toml(path), path.name)


@lru_cache(maxsize=1)
def load_dixon_corner() -> CornerDef:
    path = STORY_DIR / "corner.toml"
    return parse_corner(read_toml(path), path.name, "dixon")


def corner_facts(session: Any, kd_before: tuple[int, int] = (0, 0)) -> dict[str, Any]:
    """How the fight stands at the bell, from the model (Rocky = side 0)."""
    v = session.view
    me, him = v.fighters[ROCKY], v.fighters[DIXON]
    mine, theirs = session.points()
    margin = (mine - theirs) / 3.0
    hand = any(m.side == DIXON and m.attribute == "power" and m.scale < 1.0
               and m.from_round <= v.round for m in session.setup.modifiers)
    return {
        "round": int(v.round), "rounds_left": int(v.rounds - v.round),
        "score": "ahead" if margin > 0 else "behind" if margin < 0 else "even",
        "dixon_score": "ahead" if margin < 0 else "behind" if margin > 0 else "even",
        "margin": margin,
        "rocky_down": int(me.knockdowns) - kd_before[ROCKY],
        "dixon_down": int(him.knockdowns) - kd_before[DIXON],
        "rocky_down_total": int(me.knockdowns), "dixon_down_total": int(him.knockdowns),
        "hand": hand,
        "rocky_head": float(me.health_head), "rocky_body": float(me.health_body),
        "rocky_stamina": float(me.stamina),
        "dixon_head": float(him.health_head), "dixon_body": float(him.health_body),
        "dixon_stamina": float(him.stamina),
    }


def pick_line(corner: CornerDef, said: list[str], facts: dict[str, Any]) -> CornerLineDef:
    """The first line that holds and was not said yet (``once``); else the last."""
    for ln in corner.lines:
        if (not ln.once or ln.id not in said) and ln.holds(facts):
            return ln
    return corner.lines[-1]


class TrainerCorner:
    """One fight's two corners: remember what each said and the knockdowns seen."""

    def __init__(self, corner: CornerDef | None = None, name: str = "",
                 other: CornerDef | None = None) -> None:
        self.corner = corner or load_corner()
        self.name = name or self.corner.speaker
        self.other = other or load_dixon_corner()
        self.said: list[str] = []  # line ids, in order
        self.other_said: list[str] = []  # Dixon's corner's
        self._kd = (0, 0)

    def line(self, facts: dict[str, Any]) -> CornerLineDef:
        return pick_line(self.corner, self.said, facts)

    def words(self, session: Any) -> dict[int, tuple[str, str]]:
        """The ring's ``corner_words`` hook: {side: (who, what)}, both corners."""
        facts = corner_facts(session, self._kd)
        self._kd = (facts["rocky_down_total"], facts["dixon_down_total"])
        ln = self.line(facts)
        self.said.append(ln.id)
        theirs = pick_line(self.other, self.other_said, facts)
        self.other_said.append(theirs.id)
        return {ROCKY: (self.name, ln.text), DIXON: (self.other.label, theirs.text)}
