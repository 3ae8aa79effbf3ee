"""Replacements for `extract_file` that misbehave on chosen documents, for the engine tests.

They are looked up by name in worker processes (and imported by the pool's
fork server), so they live in a module, not in a test. The behaviour is chosen
by the file's stem; every other file is extracted as usual.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from extract.run.engines import warm_up
from extract.pipeline import extract_file

NEVER_ENDS = 60   # seconds: long enough that a limit which does not work fails the test


def exit_abruptly() -> None:
    os._exit(3)                  # no clean-up, no exception: as a C library calling exit()


def get_killed() -> None:
    os.kill(os.getpid(), signal.SIGKILL)   # as the kernel's OOM killer


def sleep() -> None:
    time.sleep(NEVER_ENDS)


def loop() -> None:
    deadline = time.monotonic() + NEVER_ENDS
    while time.monotonic() < deadline:
        pass


def hang_in_c() -> None:
    """A C call that never returns to Python: the alarm's signal is never handled."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(NEVER_ENDS)


BEHAVIOURS = {"exits": exit_abruptly, "killed": get_killed, "sleeps": sleep, "loops": loop,
              "hangs_in_c": hang_in_c}


def misbehave(path) -> object:
    behaviour = BEHAVIOURS.get(Path(path).stem)
    if behaviour:
        behaviour()
    return extract_file(path)


def always_exit(path) -> None:
    """A machine that kills every worker, whatever the document."""
    os._exit(9)


# Loaded before any document, so that no good document spends its time limit
# loading word lists (workers fork from the server that imports this module).
warm_up()
