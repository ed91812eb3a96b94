"""Build configuration that pyproject.toml cannot say: ship the top-level data folders.

`assets/` and `levels/` stay at the top of the repository (artists and tools work there), and
the wheel carries them inside the package as `game/assets/` and `game/levels/`: each data folder
and its subfolders are mapped as data-only packages. `game.paths` finds them in either place.
Everything else (name, version, dependencies, scripts) is in pyproject.toml.
"""
from __future__ import annotations

from pathlib import Path

from setuptools import find_packages, setup

DATA_FOLDERS = {"game.assets": "assets", "game.levels": "levels"}


def data_packages() -> list[str]:
    """`game.assets`, `game.assets.fighters`, ...: one data package per folder."""
    names = []
    for package, folder in DATA_FOLDERS.items():
        root = Path(__file__).resolve().parent / folder
        subfolders = [p for p in root.rglob("*") if p.is_dir() and not p.name.startswith((".", "__"))]
        names.append(package)
        names += [".".join([package, *p.relative_to(root).parts]) for p in sorted(subfolders)]
    return names


DATA_PACKAGES = data_packages()

setup(
    packages=find_packages(include=["game", "game.*"]) + DATA_PACKAGES,
    package_dir=DATA_FOLDERS,
    package_data={name: ["*"] for name in DATA_PACKAGES},
)
