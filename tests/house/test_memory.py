"""Memory over rematches: the frame caches are bounded and RSS stays flat (bench/soak.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]


def test_mirrored_frames_of_a_sheet_are_bounded(app) -> None:
    from game.render import sprites

    sheet = sprites.load_sheet("dixon", 30)
    for _ in range(2):
        for i in range(len(sheet.frames)):
            sheet.surface(i, -1)
    held = sum(s.get_width() * s.get_height() * s.get_bytesize() for s in sheet._mirrored.values())
    assert held == sheet.mirrored_bytes <= sprites.MIRRORED_MAX_BYTES
    assert sprites.MIRRORED_MAX_BYTES - held < 300_000  # full, short of one frame
    assert 0 < len(sheet._mirrored) < len(sheet.frames)
    assert sheet.surface(3, 1).get_parent() is sheet.image  # facing right: no copy at all


def test_a_fighters_scaled_frames_are_bounded_and_mirrored_by_the_drawer(app) -> None:
    from game.render import fighters
    from game.render.sprites import TAGS

    drawer = fighters.FighterDrawer("dixon", 30)
    assert drawer.sheet is not None
    drawer.scale = 1.2  # as for a fighter drawn taller than his sheet
    drawer.sheet._mirrored.clear()  # the sheet is shared with the other tests
    drawer.sheet.mirrored_bytes = 0
    seen = 0
    for tag in TAGS:
        action, _, target = tag.partition("_")
        if action not in fighters.PUNCHES:
            action, target = tag, ""
        for ticks in range(0, 120, 3):
            view = SimpleNamespace(action=action, target=target or None, phase=None,
                                   phase_progress=0.0, action_ticks=ticks, facing=-1)
            _surf, _ = drawer._frame(view)
            seen += 1
    held = sum(s.get_width() * s.get_height() * s.get_bytesize() for s in drawer._cache.values())
    assert held == drawer.cache_bytes <= fighters.SPRITE_CACHE_MAX_BYTES
    assert fighters.SPRITE_CACHE_MAX_BYTES - held < 400_000
    assert len(drawer.sheet._mirrored) == 0  # the ring keeps no mirrored copies in the sheet
    assert seen > len(drawer._cache)


def test_the_text_cache_is_bounded_in_bytes_and_keeps_the_lines_in_use(app) -> None:
    """Every bout brings new lines (its punch counts, its result): the shared text cache must
    let the oldest go by their pixels, not only by their number, and keep what is drawn now."""
    from game.ui.text import TextCache

    cache = TextCache(max_items=10_000, max_bytes=2_000_000)
    title = cache.render("STILL A FIGHTER", 60)
    for bout in range(300):  # 300 rematches' worth of one-off lines
        cache.render(f"ROCKY: LANDED {bout}/{bout + 40} ({bout % 100}%)  ·  NEVER DOWN", 30)
        assert cache.render("STILL A FIGHTER", 60) is title  # in use every frame: kept
    held = sum(s.get_pitch() * s.get_height() for s in cache._cache.values())
    assert held == cache.held_bytes <= 2_000_000
    assert 10 < len(cache._cache) < 300


def test_rematches_do_not_grow_memory_and_the_ring_stays_under_200_mb(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "soak.py"), "--bouts", "6", "--warmup", "2",
         "--ticks-per-bout", "240", "--json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["bouts"] == 6
    assert summary["growth_after_warmup_mb"] < 5.0, summary
    assert 50.0 < summary["ring_peak_rss_mb"] < 200.0, summary
