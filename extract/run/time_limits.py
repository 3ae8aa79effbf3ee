"""A time limit per document, enforced inside the process that runs the document.

A document that runs past the limit comes back as a failed `DocumentResult`
naming the file and the limit, and the run goes on. The limit is a SIGALRM
timer (`signal.setitimer`), and a signal can only interrupt a process's main
thread: the CLI's own process (--workers 1, Dask's sync scheduler) and each
worker of the process pool (--workers N, Dask's processes scheduler). In a
thread (Dask's threads scheduler, the workers of a Dask cluster) no limit is
applied, and the CLI says so rather than pretend.

Python runs a signal handler between bytecodes only, so a document stuck in a
C library call that never returns cannot be stopped by the alarm. In pool
workers a watchdog covers that: faulthandler's own thread ends the process a
grace period later, and the pool treats it as a worker that died (`pools`).
"""
from __future__ import annotations

import faulthandler
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from ..pipeline import DocumentResult


class DocumentTimeout(BaseException):
    """Raised by the alarm inside the document's code.

    A BaseException, so that `extract_file`'s `except Exception` (which reports
    bugs per file) lets it through to `TimeLimited`, which reports the limit.
    """


@dataclass(frozen=True)
class TimeLimited:
    """`function(path)` stopped after `seconds`; picklable, so it can be sent to worker processes.

    `watchdog_after` (pool workers only) ends the whole process if even the
    alarm has not stopped the document by then.
    """
    function: Callable
    seconds: float | None
    watchdog_after: float | None = None

    def __call__(self, path):
        if not self.seconds or not alarm_available():
            return self.function(path)
        with watchdog(self.watchdog_after):
            return call_with_alarm(self.function, path, self.seconds)


def alarm_available() -> bool:
    """SIGALRM can stop this document: Unix, the main thread, and no other alarm set by someone else."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)


def call_with_alarm(function: Callable, path, seconds: float):
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return function(path)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except DocumentTimeout:   # also when it fired just after the document finished: it was at the limit
        return timed_out(path, seconds)
    finally:
        signal.signal(signal.SIGALRM, previous)


def _raise_timeout(signum, frame):
    raise DocumentTimeout


@contextmanager
def watchdog(seconds: float | None) -> Iterator[None]:
    """Exit this process (status 1) if the block is still running after `seconds`."""
    if seconds is None:
        yield
        return
    # faulthandler's thread does not need the GIL, so it fires even while C code holds it.
    faulthandler.dump_traceback_later(seconds, exit=True, file=_devnull())
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@lru_cache(maxsize=1)
def _devnull():
    # The traceback faulthandler dumps would land in the middle of the progress bar.
    return open(os.devnull, "w")


def timed_out(path, seconds: float, how: str = "") -> DocumentResult:
    """The failed result of a document stopped at the limit."""
    from ..pipeline import DocumentResult   # imported late: the finders are heavy to import

    return DocumentResult(Path(path).stem, str(path),
                          error=f"{path}: took longer than the time limit of {seconds:g} s "
                                f"per document (--timeout){how}; skipped")
