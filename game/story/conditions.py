"""Flag conditions as written in data: ``"saw_tv, !met_robert"`` = every term must hold.

A term is a flag name (must be set) or ``!name`` (must not be set). An empty condition holds.
"""
from __future__ import annotations

from collections.abc import Collection


def terms(condition: str) -> list[tuple[bool, str]]:
    out = []
    for raw in condition.split(","):
        term = raw.strip()
        if not term:
            continue
        out.append((not term.startswith("!"), term.lstrip("!").strip()))
    return out


def holds(condition: str | None, flags: Collection[str]) -> bool:
    if not condition:
        return True
    return all((name in flags) == want for want, name in terms(condition))


def flags_read(condition: str | None) -> set[str]:
    return {name for _, name in terms(condition or "")}
