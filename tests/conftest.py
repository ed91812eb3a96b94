"""Test setup: every test runs headless, with no window and no sound card."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Settings, saves and crash logs of tests go to a throw-away folder, never the player's own.
os.environ["STILL_A_FIGHTER_HOME"] = tempfile.mkdtemp(prefix="saf-tests-")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
