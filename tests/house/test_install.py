"""What an install carries and how the game finds its data (CI builds and runs the real wheel:
.ci/check_install)."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from game import paths

ROOT = Path(__file__).resolve().parents[2]


def test_no_module_recomputes_the_repository_folder() -> None:
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "game").rglob("*.py")
                 if p.name != "paths.py"
                 and re.search(r"parents\[\d\]|parent\.parent", p.read_text(encoding="utf-8"))]
    assert offenders == [], "use game.paths (ASSETS, LEVELS) instead"


def test_checkout_reads_the_top_level_data_folders() -> None:
    assert paths.ASSETS == ROOT / "assets" and paths.LEVELS == ROOT / "levels"


def test_installed_package_reads_its_own_data_folders(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    (site / "game" / "assets").mkdir(parents=True)
    (site / "game" / "levels").mkdir()
    shutil.copy(ROOT / "game" / "paths.py", site / "game" / "paths.py")
    (site / "game" / "__init__.py").write_text("")
    code = "import game.paths as p; print(p.ASSETS); print(p.LEVELS)"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(site)},
                         check=True, capture_output=True, text=True).stdout.split()
    assert out == [str(site / "game" / "assets"), str(site / "game" / "levels")]


def test_the_build_maps_every_data_folder_into_the_package() -> None:
    setup_py = (ROOT / "setup.py").read_text()
    assert '"game.assets": "assets"' in setup_py and '"game.levels": "levels"' in setup_py
    manifest = (ROOT / "MANIFEST.in").read_text().split()
    for folder in ("assets", "levels", "tests", "tools"):
        assert folder in manifest


def test_license_and_build_metadata() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert meta["project"]["license"] == "MIT"  # SPDX string, not the deprecated table
    assert meta["project"]["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License") and "The Still a Fighter developers" in text
    for requirement in meta["build-system"]["requires"]:
        assert "<" in requirement, f"no upper bound: {requirement}"


def test_ci_builds_and_plays_the_wheel() -> None:
    run = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    test_command = re.search(r"## Test\s+```\s+(.+?)\s+```", readme, re.DOTALL).group(1)
    assert test_command in run.splitlines()  # the README's command, word for word
    check = (ROOT / ".ci" / "check_install").read_text()
    assert "bash .ci/check_install" in run
    for step in ("-m build", "pip\" install -q \"$work\"/dist/*.whl", "sim ", "versus "):
        assert step in check
