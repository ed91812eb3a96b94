"""The house rule for the combat model: game/combat imports numpy and the standard library only
(besides its own modules and game.paths, where the data lives). The choice of engine (the
compiled kernel, numba) lives outside it, in game.engine. Read from the sources, so an import
inside a function, run only on some path, counts as much as one at the top."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from game.paths import PACKAGE_DIR

COMBAT = PACKAGE_DIR / "combat"
ALLOWED_GAME = ("game.combat", "game.paths")
FORBIDDEN = ("game.kernel", "game.engine", "numba", "llvmlite", "pygame")


def imported_modules(source: str, package: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in `source`, at any depth: import and
    from-import statements, and importlib.import_module / __import__ calls (a name they are
    not given as a plain string is reported as "<dynamic>")."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):  # from game import kernel: game.kernel
            mod = node.module or ""
            if node.level:  # relative: from . import x, from .state import y
                base = package.rsplit(".", node.level - 1)[0]
                mod = f"{base}.{mod}" if mod else base
            found += [(node.lineno, mod if a.name == "*" else f"{mod}.{a.name}")
                      for a in node.names]
        elif isinstance(node, ast.Call):
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
            if name in ("import_module", "__import__"):
                arg = node.args[0] if node.args else None
                text = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                    else "<dynamic>"
                found.append((node.lineno, text))
    return sorted(found)


def _package(path: Path) -> str:
    """The dotted package a source file of the game belongs to."""
    return ".".join(path.parent.relative_to(PACKAGE_DIR.parent).parts)


def _allowed(mod: str) -> bool:
    if any(mod == f or mod.startswith(f + ".") for f in FORBIDDEN):
        return False
    top = mod.split(".")[0]
    return (top in sys.stdlib_module_names or top in ("numpy", "__future__")
            or any(mod == g or mod.startswith(g + ".") for g in ALLOWED_GAME))


@pytest.mark.parametrize("path", sorted(COMBAT.rglob("*.py")), ids=lambda p: p.name)
def test_the_combat_model_imports_numpy_and_the_standard_library_only(path: Path) -> None:
    bad = [f"{path.name}:{line}: {mod}"
           for line, mod in imported_modules(path.read_text(encoding="utf-8"), _package(path))
           if not _allowed(mod)]
    assert bad == []


def test_the_import_scan_sees_imports_inside_functions() -> None:
    """The scan itself: the lazy kernel imports game.combat.sim once had are caught."""
    source = ("import os\nfrom . import state\nfrom numpy import float32\n"
              "def run():\n    from game.kernel import run_compiled\n    import numba\n"
              "    from .. import engine\n    importlib.import_module('llvmlite')\n"
              "    __import__(name)\n")
    found = imported_modules(source, "game.combat")
    assert found == [(1, "os"), (2, "game.combat.state"), (3, "numpy.float32"),
                     (5, "game.kernel.run_compiled"), (6, "numba"), (7, "game.engine"),
                     (8, "llvmlite"), (9, "<dynamic>")]
    assert [m for _, m in found if not _allowed(m)] == [
        "game.kernel.run_compiled", "numba", "game.engine", "llvmlite", "<dynamic>"]
