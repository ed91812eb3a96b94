"""A Virtual Fight run in worker processes: fed in chunks, reporting progress and finished
bouts through a queue, cancellable at any moment, leaving no process behind.

The parent polls (`SimRun.poll`) from its frame loop and never blocks, so the screen keeps its
frame rate while the workers (spawned, so this works the same on every platform, and niced so
the screen comes first) fight thousands of bouts.
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import time
import traceback
from collections.abc import Callable

import numpy as np

from game.combat.ai import difficulty_params
from game.combat.sim import bout_seeds, run_lanes
from game.combat.state import new_bout
from game.engine import kernel_expected, use_kernel
from game.virtual.run import CORNER_TICKS, RunData, RunSpec, plan_chunks

REPORT_EVERY_S = 0.25  # a worker sends finished bouts and its tick this often at most
JOIN_S = 1.0  # cancel: how long a worker may take to notice before it is terminated
WORKER_NICE = 5  # the screen comes first; a higher value starves the run on a busy machine
# chunk size on the compiled kernel: its lanes run one by one, so a bout costs the same in any
# batch, and chunks this small let the first bouts of the run come back in the first second
KERNEL_CHUNK = 250


class _Cancelled(Exception):
    pass


class _StopSignal:
    """The run's cancel event, also set once the process that started this worker is gone.
    Daemon workers are reaped when that process exits normally; one killed outright (a crash,
    SIGKILL, a test's timeout) left its workers fighting, or waiting, for nobody."""

    def __init__(self, cancel, parent_pid: int) -> None:
        self.cancel = cancel
        self.parent_pid = parent_pid

    def is_set(self) -> bool:
        return self.cancel.is_set() or orphaned(self.parent_pid)


def orphaned(parent_pid: int | None) -> bool:
    """Whether the process that started this one has gone (its children are handed to another
    parent; POSIX). None: run in the starting process's own thread, never orphaned."""
    return parent_pid is not None and os.getppid() != parent_pid


def _work(spec: RunSpec, jobs: list[tuple[int, int]], out_q, cancel, nice: int,
          parent_pid: int | None = None) -> None:
    """Worker process: run each chunk, sending ("part", start, lanes, arrays) as bouts finish,
    ("tick", start, tick) for progress and ("chunk", start) when a chunk is complete.
    With numba installed the chunks run on the compiled lane kernel (game.kernel: the same
    bouts, bit for bit), else on the numpy model. `parent_pid`: the process that started this
    one; the worker stops as if cancelled once it is gone."""
    if parent_pid is not None:
        cancel = _StopSignal(cancel, parent_pid)
    if nice:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(max(0, nice - os.nice(0)))  # `nice` in all, whatever the parent had
    try:
        a, b = spec.fighters()
        rules = spec.rules()
        fast = use_kernel()
        out_q.put(("engine", "kernel" if fast else "numpy"))
        for start, count in jobs:
            if cancel.is_set():
                raise _Cancelled
            seeds = bout_seeds(spec.seed, start, count)
            if fast:
                _chunk_kernel(spec, a, b, rules, seeds, start, out_q, cancel)
            else:
                _chunk_numpy(spec, a, b, rules, seeds, start, out_q, cancel)
            out_q.put(("chunk", start, count))
        out_q.put(("worker_done", os.getpid()))
    except _Cancelled:
        out_q.cancel_join_thread()  # the parent has stopped reading: exit without flushing
    except Exception:  # noqa: BLE001 - any failure is reported to the screen, not swallowed
        out_q.put(("error", traceback.format_exc()))


def _report_due(cancel, last: list[float], final: bool) -> bool:
    """Stop the chunk once the screen has cancelled; else whether a report is due: the final
    one, and one every REPORT_EVERY_S (`last` holds the time of the one before)."""
    if cancel.is_set():
        raise _Cancelled
    now = time.monotonic()
    if not final and now - last[0] < REPORT_EVERY_S:
        return False
    last[0] = now
    return True


def _chunk_kernel(spec, a, b, rules, seeds, start, out_q, cancel) -> None:
    """One chunk on the compiled kernel: lanes finish in order, a few dozen at a time."""
    from game.kernel import run_compiled

    state = new_bout(a, b, rules, seeds)
    params = tuple(difficulty_params(state, lv) for lv in spec.levels)
    sent = [0]
    last = [time.monotonic()]
    max_ticks = spec.max_ticks()

    def report(done: int, out: dict[str, np.ndarray], final: bool = False) -> None:
        if not _report_due(cancel, last, final):
            return
        if done > sent[0]:
            new = np.arange(sent[0], done)
            sent[0] = done
            out_q.put(("part", start, new, {k: v[new] for k, v in out.items()}))
        # progress as the ticks of a lockstep batch would show it: the share of lanes done
        out_q.put(("tick", start, int(max_ticks * done / max(1, len(seeds)))))

    # settle 1: each lane stops the tick it ends, as run_state reports a bout
    out = run_compiled(state, params, 1, on_lanes=report)
    report(len(seeds), out, final=True)


def _chunk_numpy(spec, a, b, rules, seeds, start, out_q, cancel) -> None:
    """One chunk on the numpy model: a lockstep batch, finished lanes dropped as it goes."""
    count = len(seeds)
    sent = np.zeros(count, bool)
    last = [0.0]

    def report(state, out, final=False) -> None:
        if not _report_due(cancel, last, final):
            return
        alive = np.zeros(count, bool)
        if state is not None:
            alive[state.lane_id] = True
        new = np.nonzero(~alive & ~sent)[0]
        if new.size:
            sent[new] = True
            out_q.put(("part", start, new, {k: v[new] for k, v in out.items()}))
        if state is not None:
            out_q.put(("tick", start, int(state.tick)))

    part = run_lanes(a, b, rules, seeds, spec.levels, on_tick=report)
    report(None, part, final=True)


class SimRun:
    """One run: `start()`, then `poll()` each frame; `data` fills in; `cancel()` any time."""

    def __init__(self, spec: RunSpec, processes: int | None = None, *,
                 nice: int = WORKER_NICE, max_chunk: int | None = None, warm=None) -> None:
        self.spec = spec
        self.warm = warm  # game.virtual.warm.WarmWorkers started ahead, used if it fits
        self.processes = max(1, processes or min(2, os.cpu_count() or 1))
        if not max_chunk and kernel_expected():
            max_chunk = KERNEL_CHUNK
        kw = {"max_chunk": max_chunk} if max_chunk else {}
        self.plan = plan_chunks(spec.bouts, self.processes, **kw)
        self.sizes = {s: c for jobs in self.plan for s, c in jobs}
        self.data = RunData(spec)
        self.nice = nice
        self.error: str | None = None
        self.cancelled = False
        self.finished = False
        self.chunks_done = 0
        self._ticks: dict[int, int] = {}  # running chunk start -> its last tick
        self._complete: set[int] = set()
        self._procs: list = []
        self._queue = None
        self._cancel = None
        self._started = 0.0
        self._ended: float | None = None
        self._workers_done = 0
        self.engine = ""  # "kernel" or "numpy", as the first worker reports it

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> SimRun:
        ctx = mp.get_context("spawn")
        self._started = time.monotonic()
        if self.processes == 1 and not self.nice:
            return self._start_inline()
        if self.warm is not None and self.warm.usable(self.processes, self.nice):
            self._procs, self._queue, self._cancel = self.warm.take(self.spec, self.plan)
            return self
        self._queue = ctx.Queue()
        self._cancel = ctx.Event()
        for jobs in self.plan:
            p = ctx.Process(target=_work, args=(self.spec, jobs, self._queue, self._cancel,
                                                self.nice, os.getpid()), daemon=True)
            p.start()
            self._procs.append(p)
        return self

    def _start_inline(self) -> SimRun:
        """One process and no niceness (the command line with --processes 1): the same worker
        code, run in a thread of this process, so nothing is spawned."""
        import threading

        self._queue = _InlineQueue()
        self._cancel = threading.Event()
        t = threading.Thread(target=_work, args=(self.spec, self.plan[0], self._queue,
                                                 self._cancel, 0), daemon=True)
        t.start()
        self._procs.append(t)
        return self

    @property
    def running(self) -> bool:
        return bool(self._procs) and not (self.finished or self.cancelled or self.error)

    def poll(self, budget_s: float = 0.004) -> bool:
        """Take what the workers sent, for at most about budget_s; True if the data changed."""
        if self._queue is None or self.finished or self.cancelled:
            return False
        changed = False
        t_end = time.perf_counter() + budget_s
        while time.perf_counter() < t_end:
            try:
                msg = self._queue.get_nowait()
            except queue.Empty:
                break
            kind = msg[0]
            if kind == "part":
                self.data.add(msg[1], msg[2], msg[3])
                changed = True
            elif kind == "tick":
                if msg[1] not in self._complete:
                    self._ticks[msg[1]] = msg[2]
            elif kind == "chunk":
                self._complete.add(msg[1])
                self._ticks.pop(msg[1], None)
                self.chunks_done += 1
            elif kind == "worker_done":
                self._workers_done += 1
            elif kind == "engine":
                self.engine = msg[1]
            elif kind == "error":
                self.error = msg[1]
                self._stop()
                return changed
        if self._workers_done == len(self._procs) and self.data.complete:
            self.finished = True
            self._ended = time.monotonic()
            self._stop()
        elif not self.finished and not any(p.is_alive() for p in self._procs) \
                and self._queue.empty() and self._workers_done < len(self._procs):
            self.error = "a simulation worker stopped unexpectedly"
            self._stop()
        return changed

    def wait(self, progress: Callable[[SimRun], None] | None = None,
             interval_s: float = 0.1) -> RunData:
        """Block until the run ends (the command line); raises RuntimeError on a worker error."""
        while not (self.finished or self.error or self.cancelled):
            self.poll(budget_s=0.05)
            if progress:
                progress(self)
            time.sleep(interval_s)
        if self.error:
            raise RuntimeError(self.error)
        return self.data

    def cancel(self) -> None:
        """Stop the workers now and reap them: nothing is left running."""
        if self.cancelled or self.finished:
            self._stop()
            return
        self.cancelled = True
        self._ended = time.monotonic()
        self._stop()

    def _stop(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
        deadline = time.monotonic() + JOIN_S
        for p in self._procs:
            p.join(max(0.0, deadline - time.monotonic()))
        for p in self._procs:
            if p.is_alive() and hasattr(p, "terminate"):
                p.terminate()
                p.join(1.0)
            if p.is_alive() and hasattr(p, "kill"):
                p.kill()
                p.join()
        if self._queue is not None:
            self._queue.cancel_join_thread()
            self._queue.close()

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self._procs if getattr(p, "pid", None) is not None]

    def alive(self) -> bool:
        return any(p.is_alive() for p in self._procs)

    # -- progress --------------------------------------------------------------------------
    def elapsed_s(self) -> float:
        if not self._started:
            return 0.0
        return (self._ended or time.monotonic()) - self._started

    def progress(self) -> float:
        """0..1: complete chunks count whole, running ones by the ticks they have stepped."""
        max_ticks = self.spec.max_ticks()
        eq = sum(self.sizes[s] for s in self._complete)
        eq += sum(self.sizes[s] * min(1.0, max(0, t) / max_ticks) for s, t in self._ticks.items())
        return 1.0 if self.finished else min(1.0, eq / self.spec.bouts)

    def bouts_per_s(self) -> float:
        t = self.elapsed_s()
        return self.progress() * self.spec.bouts / t if t > 0.5 else 0.0

    def seconds_left(self) -> float | None:
        rate = self.bouts_per_s()
        if self.finished:
            return 0.0
        if rate <= 0 or self.progress() < 0.02:
            return None
        return (1.0 - self.progress()) * self.spec.bouts / rate

    def current_round(self) -> int:
        """The round the running batches are in (they step in lockstep)."""
        if not self._ticks:
            return 1 if not self.finished else self.spec.rounds
        per = self.spec.rules().round_ticks + CORNER_TICKS
        return min(self.spec.rounds, 1 + min(self._ticks.values()) // per)


class _InlineQueue(queue.SimpleQueue):
    """queue.SimpleQueue with the two multiprocessing.Queue methods the worker code calls."""

    def cancel_join_thread(self) -> None:
        pass

    def close(self) -> None:
        pass
