"""Worker processes started before a run: while the player picks the fighters they start
Python, import the model and load the compiled kernel (about a second), so that Run starts
fighting at once and the first bouts come back within the second or two the screen promises.

One `WarmWorkers` serves one run (`SimRun(spec, warm=...)` takes it); `close()` reaps the
processes of a pool no run took. Nothing is left running either way.
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue

from game.engine import use_kernel
from game.virtual.worker import WORKER_NICE, _work, orphaned

JOIN_S = 1.0
ORPHAN_CHECK_S = 0.5  # a waiting worker looks this often whether its game is still there


def _serve(job_q, out_q, cancel, nice: int, parent_pid: int) -> None:
    """A warm worker: get ready, then wait for its run's jobs (None: no run came). It leaves
    when the game that started it is gone (killed outright, no close() came)."""
    if nice:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(max(0, nice - os.nice(0)))
    with contextlib.suppress(Exception):  # a failed warm-up only costs the time it saves
        if use_kernel():
            from game.kernel import warm_up

            warm_up()
    out_q.put(("warm", os.getpid()))  # (a run's poll() passes over it)
    while True:
        try:
            item = job_q.get(timeout=ORPHAN_CHECK_S)
            break
        except queue.Empty:
            if orphaned(parent_pid):
                return
    if item is None:
        return
    spec, jobs = item
    _work(spec, jobs, out_q, cancel, 0, parent_pid)


class WarmWorkers:
    """`processes` spawned workers, ready for the next run's jobs."""

    def __init__(self, processes: int | None = None, nice: int = WORKER_NICE) -> None:
        ctx = mp.get_context("spawn")
        self.processes = max(1, processes or min(2, os.cpu_count() or 1))
        self.nice = nice
        self.queue = ctx.Queue()
        self.cancel = ctx.Event()
        self.jobs = [ctx.Queue() for _ in range(self.processes)]
        self.procs = [ctx.Process(target=_serve, args=(q, self.queue, self.cancel, nice,
                                                       os.getpid()), daemon=True)
                      for q in self.jobs]
        for p in self.procs:
            p.start()
        self.taken = False

    def usable(self, processes: int, nice: int) -> bool:
        """Whether a run of `processes` workers at `nice` can take this pool."""
        return (not self.taken and processes == self.processes and nice == self.nice
                and all(p.is_alive() for p in self.procs))

    def take(self, spec, plan: list) -> tuple[list, object, object]:
        """Hand each worker its jobs (a run's plan: one list of chunks per worker, at most
        one per worker); workers left without jobs are let go. Returns (the working
        processes, their queue, the cancel event)."""
        self.taken = True
        for q, jobs in zip(self.jobs, plan, strict=False):
            q.put((spec, jobs))
        spare = self.procs[len(plan):]
        for q in self.jobs[len(plan):]:
            q.put(None)
        for p in spare:
            p.join(JOIN_S)
            if p.is_alive():
                p.terminate()
                p.join(JOIN_S)
        return self.procs[:len(plan)], self.queue, self.cancel

    def wait_ready(self, timeout_s: float = 120.0) -> bool:
        """Block until every worker is ready (bench and tests; the screen never waits)."""
        import time

        deadline = time.monotonic() + timeout_s
        ready = 0
        while ready < len(self.procs):
            try:
                msg = self.queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                return False
            ready += msg[0] == "warm"
        return True

    def close(self) -> None:
        """Let the workers go if no run took them (and reap them)."""
        if self.taken:
            return
        self.taken = True
        for q in self.jobs:
            with contextlib.suppress(OSError, ValueError):
                q.put(None)
        for p in self.procs:
            p.join(JOIN_S)
            if p.is_alive():
                p.terminate()
                p.join(JOIN_S)
        self.queue.cancel_join_thread()
        self.queue.close()
