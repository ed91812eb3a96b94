"""Dialogue as data: assets/story/dialogue/*.toml, and a runner that walks one conversation.

A file holds several dialogues, one table each::

    [paulie]
    start = "hello"
    [[paulie.node]]
    id = "hello"
    speaker = "paulie"            # a table of speakers.toml
    lines = ["First page.", "Second page."]
    if = "saw_tv"                 # optional: when it fails, go to `else` (or end) instead
    else = "before_tv"
    set = ["talked_paulie"]       # flags set when the node is shown
    emit = "end_chapter"          # optional event for the scene (see EVENTS)
    next = "more"                 # or "end" / omitted to end
    choices = [{ text = "Sure.", next = "yes", set = ["agreed"], if = "" }]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.story.conditions import flags_read, holds
from game.story.data import STORY_DIR, StoryDataError, read_toml
from game.story.data import field as get

END = "end"
#: events a node may emit; the scenes act on them
EVENTS = ("end_chapter",)


@dataclass(frozen=True)
class ChoiceDef:
    text: str
    next: str
    set: tuple[str, ...] = ()
    when: str = ""


@dataclass(frozen=True)
class NodeDef:
    id: str
    speaker: str
    lines: tuple[str, ...]
    next: str = END
    when: str = ""
    otherwise: str = END
    set: tuple[str, ...] = ()
    emit: str = ""
    choices: tuple[ChoiceDef, ...] = ()


@dataclass(frozen=True)
class DialogueDef:
    id: str
    file: str
    start: str
    nodes: dict[str, NodeDef] = field(default_factory=dict)

    def flags_set(self) -> set[str]:
        out: set[str] = set()
        for n in self.nodes.values():
            out.update(n.set)
            for c in n.choices:
                out.update(c.set)
        return out

    def flags_read(self) -> set[str]:
        out: set[str] = set()
        for n in self.nodes.values():
            out |= flags_read(n.when)
            for c in n.choices:
                out |= flags_read(c.when)
        return out


def _node(table: dict, where: str) -> NodeDef:
    nid = get(table, "id", str, where)
    where = f"{where} '{nid}'"
    lines = table.get("lines")
    if isinstance(lines, str):
        lines = [lines]
    if not isinstance(lines, list) or not lines or not all(isinstance(x, str) for x in lines):
        raise StoryDataError(f"{where}: field 'lines' must be a non-empty list of strings")
    choices = []
    for i, c in enumerate(table.get("choices", [])):
        cw = f"{where}: choices[{i}]"
        if not isinstance(c, dict):
            raise StoryDataError(f"{cw}: must be a table")
        choices.append(ChoiceDef(get(c, "text", str, cw), get(c, "next", str, cw),
                                 tuple(get(c, "set", list, cw, [])), get(c, "if", str, cw, "")))
    emit = get(table, "emit", str, where, "")
    if emit and emit not in EVENTS:
        raise StoryDataError(f"{where}: field 'emit' must be one of {', '.join(EVENTS)}")
    return NodeDef(nid, get(table, "speaker", str, where), tuple(lines),
                   get(table, "next", str, where, END), get(table, "if", str, where, ""),
                   get(table, "else", str, where, END), tuple(get(table, "set", list, where, [])),
                   emit, tuple(choices))


def load_dialogue_file(path: Path) -> dict[str, DialogueDef]:
    data = read_toml(path)
    out: dict[str, DialogueDef] = {}
    for did, table in data.items():
        where = f"{path.name}: [{did}]"
        if not isinstance(table, dict):
            raise StoryDataError(f"{where}: must be a table")
        start = get(table, "start", str, where)
        nodes: dict[str, NodeDef] = {}
        raw = table.get("node")
        if not isinstance(raw, list) or not raw:
            raise StoryDataError(f"{where}: needs at least one [[{did}.node]]")
        for i, nt in enumerate(raw):
            node = _node(nt, f"{where} node[{i}]")
            if node.id in nodes:
                raise StoryDataError(f"{where}: node id '{node.id}' appears twice")
            nodes[node.id] = node
        out[did] = DialogueDef(did, path.name, start, nodes)
    return out


def load_dialogues(folder: Path | None = None) -> dict[str, DialogueDef]:
    folder = folder or STORY_DIR / "dialogue"
    out: dict[str, DialogueDef] = {}
    for path in sorted(folder.glob("*.toml")):
        for did, d in load_dialogue_file(path).items():
            if did in out:
                raise StoryDataError(f"{path.name}: dialogue '{did}' is also in {out[did].file}")
            out[did] = d
    return out


def check_dialogue(d: DialogueDef, speakers: set[str]) -> list[str]:
    """Problems in one dialogue: dangling node ids, unknown speakers."""
    problems = []
    where = f"{d.file}: [{d.id}]"
    if d.start not in d.nodes:
        problems.append(f"{where}: start '{d.start}' is not a node")
    for n in d.nodes.values():
        if n.speaker not in speakers:
            problems.append(f"{where} node '{n.id}': unknown speaker '{n.speaker}'")
        targets = [n.next, n.otherwise] + [c.next for c in n.choices]
        for t in targets:
            if t != END and t not in d.nodes:
                problems.append(f"{where} node '{n.id}': next '{t}' is not a node")
    return problems


@dataclass
class Page:
    speaker: str
    text: str
    choices: list[ChoiceDef]  # only on the last page of a node, only those whose `if` holds


class DialogueRunner:
    """Walks one dialogue over the story's flags (changed in place). ``page`` is None at the end."""

    def __init__(self, dialogue: DialogueDef, flags: set[str]) -> None:
        self.dialogue = dialogue
        self.flags = flags
        self.events: list[str] = []
        self.node: NodeDef | None = None
        self.line = 0
        self._enter(dialogue.start)

    def _enter(self, node_id: str) -> None:
        for _ in range(100):  # guards a loop of failing conditions
            if node_id == END:
                self.node = None
                return
            node = self.dialogue.nodes[node_id]
            if holds(node.when, self.flags):
                self.node, self.line = node, 0
                self.flags.update(node.set)
                if node.emit:
                    self.events.append(node.emit)
                return
            node_id = node.otherwise
        raise StoryDataError(f"{self.dialogue.file}: [{self.dialogue.id}]: conditions loop")

    @property
    def done(self) -> bool:
        return self.node is None

    @property
    def page(self) -> Page | None:
        if self.node is None:
            return None
        last = self.line == len(self.node.lines) - 1
        choices = [c for c in self.node.choices if holds(c.when, self.flags)] if last else []
        return Page(self.node.speaker, self.node.lines[self.line], choices)

    def advance(self) -> None:
        """Next page (a page with choices waits for ``choose``)."""
        page = self.page
        if page is None or page.choices:
            return
        assert self.node is not None
        if self.line + 1 < len(self.node.lines):
            self.line += 1
        else:
            self._enter(self.node.next)

    def choose(self, index: int) -> None:
        page = self.page
        if page is None or not page.choices:
            return
        choice = page.choices[index]
        self.flags.update(choice.set)
        self._enter(choice.next)

    def run_auto(self, pick: int = 0, limit: int = 500) -> list[str]:
        """Play to the end taking choice ``pick`` (or the last one if fewer); returns the text."""
        seen = []
        for _ in range(limit):
            page = self.page
            if page is None:
                return seen
            seen.append(page.text)
            if page.choices:
                self.choose(min(pick, len(page.choices) - 1))
            else:
                self.advance()
        raise StoryDataError(f"{self.dialogue.file}: [{self.dialogue.id}]: does not end")
