"""The process pool behind --workers N, made to outlive its workers.

A worker process that dies (a segfault in a C library, the kernel's OOM
killer, os._exit) breaks a ProcessPoolExecutor: every batch it still held
fails with BrokenProcessPool. `WorkerPools` then starts a fresh pool for the
batches to come, and runs each document of the lost batches alone, in a
process of its own: the documents that did nothing wrong are extracted, and
the one that kills its process again is reported, by name and with the exit
code or signal, as a failed `DocumentResult`. A lost batch is retried once, so
a bad document costs one broken pool and one lone process, never a loop.

A machine that kills every process (out of memory) would make every document
look guilty: after MAX_FRUITLESS_BREAKS broken pools with no document coming
back from any process in between, `WorkersKeepDying` stops the run.

Workers never outlive the run: each watches the run's process and exits when
it is gone (`die_with`), so a run killed with SIGKILL leaves no process
behind (the fork server and resource tracker follow once the workers are
gone); a run stopped by an exception (Ctrl-C, SIGTERM) kills its workers
rather than waiting for their documents.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .time_limits import TimeLimited, timed_out

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ..pipeline import DocumentResult

MAX_FRUITLESS_BREAKS = 3
WATCH_SECONDS = 1.0            # how often a worker looks whether the run's process is still there
_STARTING = threading.Lock()   # lone processes are started from several threads


class WorkersKeepDying(RuntimeError):
    """Worker processes die whatever document they run: the machine, not a document, is the problem."""


def extract_batch(function: Callable, paths: list[str]) -> list:
    """One worker task: a batch of documents, extracted one after the other."""
    return [function(path) for path in paths]


def die_with(run_pid: int) -> None:
    """End this process (status 1) soon after the run's process `run_pid` is gone.

    A worker's parent is the fork server, not the run, and the fork server
    stays up while any worker holds its pipe: the kernel's parent-death signal
    would wait on the workers themselves. So a daemon thread looks for the run
    every WATCH_SECONDS; a run killed with SIGKILL takes its workers with it
    instead of leaving them extracting for minutes.
    """
    def watch() -> None:
        while process_runs(run_pid):
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-the-run", daemon=True).start()


def process_runs(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie (dead, not yet reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:              # no /proc (not Linux): existing is all that can be told
        return True


def start_worker(initializer: Callable | None, run_pid: int) -> None:
    """A pool worker's first act: tie its life to the run's, then the pool's own initializer."""
    die_with(run_pid)
    if initializer is not None:
        initializer()


def worker_context(preload: str):
    """forkserver, where there is one: processes are forked from a clean, single-threaded
    server that has imported `preload` once (`warm_workers` loads the extraction), never
    from the parent, which may be running threads (progress bar, Dask)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([preload])
        return context
    return multiprocessing.get_context("spawn")


class WorkerPools:
    """A process pool, replaced by a fresh one when a worker dies, and lone processes to find the culprit.

    `seconds` is the time limit per document (None: none); `grace` is how much
    longer a document stuck in C code gets before its process is ended.
    """

    def __init__(self, function: Callable, workers: int, preload: str, initializer: Callable | None = None,
                 seconds: float | None = None, grace: float = 0.0):
        self.workers = workers
        self.context = worker_context(preload)
        self.initializer = initializer
        hard_limit = seconds + grace if seconds else None
        self.in_pool = TimeLimited(function, seconds, watchdog_after=hard_limit)
        self.alone = TimeLimited(function, seconds)   # here the parent process kills at the hard limit
        self.seconds, self.hard_limit = seconds, hard_limit
        self.generation = 0              # pools started so far, minus one
        self.fruitless_breaks = 0
        self.extracted_since_break = False
        self._alone: set = set()         # lone processes running now
        self.pool = self._new_pool()

    def __enter__(self) -> WorkerPools:
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        if exc_type is not None:     # interrupted, terminated, or the table failed: no document is awaited
            self.kill_workers()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def start_in_background(self) -> None:
        """Start the fork server and a first worker now, in a thread: starting a process waits
        for the fork server to import and warm up the extraction (~1 s), which can overlap
        whatever the caller does next (listing the inputs)."""
        def start() -> None:
            try:
                self.pool.submit(int).result()
            except Exception:   # noqa: BLE001 — a pool that cannot start says so at the first real batch
                pass

        threading.Thread(target=start, name="start-workers", daemon=True).start()

    def kill_workers(self) -> None:
        """End the pool's worker processes now, whatever they are running."""
        pooled = list((getattr(self.pool, "_processes", None) or {}).values())
        for process in pooled + list(self._alone):
            if process.is_alive():
                process.kill()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context,
                                   initializer=functools.partial(start_worker, self.initializer, os.getpid()))

    def submit(self, batch: list[str]) -> PoolTask:
        generation = self.generation
        try:
            future = self.pool.submit(extract_batch, self.in_pool, batch)
        except BrokenProcessPool:        # it broke since the last result was read
            self.replace_broken(generation)
            return self.submit(batch)
        return PoolTask(self, batch, future, generation)

    def replace_broken(self, generation: int) -> None:
        """Start a fresh pool, once per broken one; give up when pools break with nothing extracted."""
        if generation != self.generation:
            return                       # another lost batch of the same pool already did
        self.fruitless_breaks = 0 if self.extracted_since_break else self.fruitless_breaks + 1
        self.extracted_since_break = False
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.fruitless_breaks >= MAX_FRUITLESS_BREAKS:
            raise WorkersKeepDying(
                f"worker processes died {self.fruitless_breaks} times in a row with no document "
                "extracted in between; stopping (is the machine out of memory?)")
        self.pool = self._new_pool()
        self.generation += 1

    def isolate(self, batch: list[str]) -> list:
        """Each document of a lost batch alone in a process of its own, `workers` at a time, in order."""
        with ThreadPoolExecutor(self.workers) as threads:
            try:
                outcomes = list(threads.map(self._run_alone, batch))
            except BaseException:        # interrupted: the threads wait on processes that must end first
                self.kill_workers()
                raise
        self.extracted_since_break |= any(survived for _, survived in outcomes)
        return [result for result, _ in outcomes]

    def _run_alone(self, path: str) -> tuple[DocumentResult, bool]:
        """`function(path)` in a process of its own: its result, or why the process gave none."""
        receiving, sending = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_send_result, args=(sending, self.alone, path, os.getpid()),
                                       daemon=True)
        with _STARTING:
            process.start()
            self._alone.add(process)
        sending.close()                  # so that the process's death reads as end of file here
        try:
            if not receiving.poll(self.hard_limit):
                process.kill()
                return timed_out(path, self.seconds, "; its process was killed"), False
            try:
                return receiving.recv(), True
            except EOFError:             # it died before sending a result
                process.join()
                return died_alone(path, process.exitcode), False
        finally:
            receiving.close()
            process.join()
            self._alone.discard(process)


@dataclass
class PoolTask:
    """A batch submitted to the pool; `result()` recovers the batch if the pool broke under it."""
    pools: WorkerPools
    batch: list[str]
    future: Future
    generation: int

    def result(self) -> list:
        try:
            results = self.future.result()
        except BrokenProcessPool:
            self.pools.replace_broken(self.generation)
            return self.pools.isolate(self.batch)
        self.pools.extracted_since_break = True
        return results


def _send_result(sending, function: Callable, path: str, run_pid: int) -> None:
    die_with(run_pid)
    sending.send(function(path))
    sending.close()


def died_alone(path: str, exitcode: int | None) -> DocumentResult:
    """The failed result of a document whose process died, in the pool and again alone."""
    from ..pipeline import DocumentResult   # imported late: the finders are heavy to import

    return DocumentResult(Path(path).stem, str(path),
                          error=f"{path}: the worker process extracting it died ({describe_exit(exitcode)}), "
                                "also when retried alone; skipped")


def describe_exit(exitcode: int | None) -> str:
    """How a process ended, from `Process.exitcode` (minus the signal number when killed by one).

    >>> describe_exit(-9), describe_exit(-11), describe_exit(3)
    ('killed by SIGKILL', 'killed by SIGSEGV', 'exit status 3')
    """
    if exitcode is None or exitcode >= 0:
        return f"exit status {exitcode}"
    try:
        return f"killed by {signal.Signals(-exitcode).name}"
    except ValueError:
        return f"killed by signal {-exitcode}"
