"""A game killed outright (a crash, SIGKILL, a test's timeout) leaves no worker behind.

Daemon workers are reaped when the game exits normally; killed, it left its run's workers
fighting, and its warm workers waiting, for nobody (seen: two compiling workers and a helper
still running after a timed-out `sim`)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX reparenting")

ROOT = Path(__file__).resolve().parents[2]
RUN = """
from game.virtual.run import RunSpec
from game.virtual.worker import SimRun
run = SimRun(RunSpec("rocky", 30, "dixon", 30, bouts=2000, rounds=10, seed=3), 2).start()
print(*run.pids, flush=True)
import time; time.sleep(120)
"""
WARM = """
from game.virtual.warm import WarmWorkers
warm = WarmWorkers(2)
assert warm.wait_ready(60)
print(*(p.pid for p in warm.procs), flush=True)
import time; time.sleep(120)
"""


def _gone(pid: int) -> bool:
    """Exited (a zombie no one reaps in a container counts as exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return state in ("Z", "X")


@pytest.mark.parametrize("script", [RUN, WARM], ids=["running", "warm"])
def test_workers_leave_when_their_game_is_killed(script: str) -> None:
    env = dict(os.environ, STILL_A_FIGHTER_KERNEL="numpy")  # no compile: the workers start now
    game = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in game.stdout.readline().split()]
        assert len(pids) == 2 and not any(_gone(p) for p in pids)
        time.sleep(0.5)
        assert not any(_gone(p) for p in pids)  # still at work (or waiting) while he lives
    finally:
        game.send_signal(signal.SIGKILL)
        game.wait()
    deadline = time.monotonic() + 30
    while not all(_gone(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in pids if not _gone(p)]
    for p in left:  # never leave them to the next test
        os.kill(p, signal.SIGKILL)
    assert not left, f"workers {left} outlived their game"
