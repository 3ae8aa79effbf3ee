"""A run stopped from outside: SIGINT, SIGTERM, SIGKILL, with one process or a pool.

Each case runs `python -m extract` in a process of its own, on a corpus where
one document takes a minute (tests/extract/misbehaving_documents.py), stops it
part-way, and checks: the exit status, the old table untouched, no temporary
file left (or, after SIGKILL, removed by the next run) and no process left.
"""
from __future__ import annotations

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from extract import cli

REPO = Path(__file__).resolve().parents[3]
SEED = sorted((REPO / "data" / "raw").glob("*.txt"))[0]
OLD_TABLE = b"the old table"

RUN_WITH_A_SLOW_DOCUMENT = """
import functools, sys
from extract import cli
from extract.run import engines
from tests.extract.misbehaving_documents import misbehave
cli.extract_paths = functools.partial(engines.extract_paths, function=misbehave)
sys.exit(cli.main(sys.argv[1:]))
"""


def start_run(tmp_path: Path, workers: int) -> tuple[subprocess.Popen, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "sleeps.txt", "z.txt"):      # sleeps.txt takes a minute
        (corpus / name).write_bytes(SEED.read_bytes())
    out = tmp_path / "table.csv"
    out.write_bytes(OLD_TABLE)
    run = subprocess.Popen([sys.executable, "-c", RUN_WITH_A_SLOW_DOCUMENT, str(corpus), "--out", str(out),
                            "--workers", str(workers), "--quiet"],
                           cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return run, out


def parts(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.*.part"))


def wait_until_busy(run: subprocess.Popen, out: Path, workers: int) -> list[psutil.Process]:
    """The run's processes once its temporary file exists and, for a pool, its workers run."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert run.poll() is None, run.stderr.read()
        processes = psutil.Process(run.pid).children(recursive=True)
        if parts(out) and (workers == 1 or len(processes) >= 2 + workers):   # + fork server, resource tracker
            time.sleep(2)                    # into the slow document
            return psutil.Process(run.pid).children(recursive=True)
        time.sleep(0.2)
    raise AssertionError("the run never got going")


def alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    living = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                living.append(process)
        except psutil.NoSuchProcess:
            pass
    return living


def wait_for_end(processes: list[psutil.Process], seconds: float = 20) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while alive(processes) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive(processes)


@pytest.fixture
def no_orphans():
    started: list[psutil.Process] = []
    yield started
    for process in alive(started):       # a failed test must not leave its processes either
        process.kill()


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("signum, status, said", [
    (signal.SIGINT, cli.EXIT_INTERRUPTED, "interrupted"),
    (signal.SIGTERM, cli.EXIT_TERMINATED, "terminated (SIGTERM)"),
], ids=["SIGINT", "SIGTERM"])
def test_a_stopped_run_stops_its_workers_and_leaves_nothing(tmp_path, no_orphans, workers, signum, status, said):
    run, out = start_run(tmp_path, workers)
    no_orphans.extend(wait_until_busy(run, out, workers))
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == status, stderr
    assert f"{said}; {out} not written" in stderr
    assert out.read_bytes() == OLD_TABLE and parts(out) == []
    assert wait_for_end(no_orphans) == []


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_run_takes_its_workers_along_and_the_next_run_clears_its_temporary_file(
        tmp_path, no_orphans, workers):
    run, out = start_run(tmp_path, workers)
    no_orphans.extend(wait_until_busy(run, out, workers))
    run.kill()
    run.communicate(timeout=30)
    assert wait_for_end(no_orphans) == [], "worker processes outlived their killed run"
    assert out.read_bytes() == OLD_TABLE and len(parts(out)) == 1     # SIGKILL cannot be cleaned up after
    status = cli.main([str(SEED), "--out", str(out), "--quiet"], stderr=io.StringIO())
    assert status == cli.EXIT_OK and parts(out) == []
    assert out.read_bytes() != OLD_TABLE


def test_a_temporary_file_of_a_running_writer_is_kept(tmp_path):
    from extract.run.writers import TableWriter, remove_stale_parts

    out = tmp_path / "table.csv"
    with TableWriter(out):
        ours = parts(out)
        assert len(ours) == 1 and remove_stale_parts(out) == [] and parts(out) == ours
