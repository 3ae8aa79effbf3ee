"""A document that kills its worker or never ends is reported by name; every other one is still extracted."""
from __future__ import annotations

import shutil
import signal
from functools import lru_cache
from pathlib import Path

import pytest

from extract.run import engines, pools
from extract.run.engines import batch_size, extract_paths
from extract.pipeline import extract_file
from extract.run.pools import WorkersKeepDying
from tests.extract import misbehaving_documents
from tests.extract.misbehaving_documents import always_exit, misbehave

SEEDS = sorted((Path(__file__).resolve().parents[3] / "data" / "raw").glob("*.txt"))
TIME_LIMIT = 2.0   # seconds; warm workers extract a seed report in a few milliseconds
REPEATS = 8        # the seeds 8 times over: 40 documents, so that two workers take batches of 2
extracted_serially = lru_cache(maxsize=None)(extract_file)


def corpus_with(folder: Path, *bad_stems: str, repeats: int = REPEATS) -> list[Path]:
    """The seed reports, repeated, with a copy of one of them under each bad name, spread among them.

    The copies are good reports: only the name makes `misbehave` misbehave.
    """
    paths = list(SEEDS) * repeats
    for position, stem in enumerate(bad_stems, start=1):
        copy = folder / f"{stem}.txt"
        shutil.copyfile(SEEDS[0], copy)
        paths.insert(position * 2, copy)
    return paths


def assert_rest_extracted(results, paths, bad: dict[str, str]) -> None:
    """Results in input order; each bad file failed naming itself and `bad[stem]`; the others as serially."""
    assert [r.path for r in results] == [str(p) for p in paths]
    for result, path in zip(results, paths):
        if path.stem in bad:
            assert result.rows == [] and result.error, path
            assert result.error.startswith(f"{path}: "), result.error
            assert bad[path.stem] in result.error, result.error
        else:
            assert result == extracted_serially(path), path


# The pool engines: a worker may die there without taking the run with it.
POOLS = [
    pytest.param("local", None, id="process-pool"),
    pytest.param("dask", "processes", id="dask-processes"),
]
DEATHS = [
    pytest.param({"exits": "died (exit status 3)"}, id="os._exit"),
    pytest.param({"killed": "died (killed by SIGKILL)"}, id="SIGKILL"),
    pytest.param({"killed": "died (killed by SIGKILL)", "exits": "died (exit status 3)"}, id="two-in-one-run"),
]


@pytest.mark.parametrize("engine, scheduler", POOLS)
@pytest.mark.parametrize("bad", DEATHS)
def test_a_document_that_kills_its_worker_is_reported_and_the_rest_extracted(tmp_path, engine, scheduler, bad):
    paths = corpus_with(tmp_path, *bad)
    assert batch_size(len(paths), workers=2) > 1     # a bad document shares its batch with good ones
    results = list(extract_paths(paths, workers=2, engine=engine, scheduler=scheduler, function=misbehave))
    assert_rest_extracted(results, paths, bad)
    for stem in bad:
        assert "also when retried alone" in next(r.error for r in results if Path(r.path).stem == stem)


@pytest.mark.parametrize("engine, scheduler", POOLS)
def test_a_machine_that_kills_every_worker_stops_the_run(monkeypatch, engine, scheduler):
    # Two broken pools, not three: Dask computes a window at a time, so two windows will do.
    monkeypatch.setattr(pools, "MAX_FRUITLESS_BREAKS", 2)
    paths = [f"document{i}.txt" for i in range(80)]   # two windows of batches
    with pytest.raises(WorkersKeepDying, match="died 2 times in a row"):
        list(extract_paths(paths, workers=2, engine=engine, scheduler=scheduler, function=always_exit))


# Every engine that runs documents in a process's main thread applies the limit,
# to a sleep (a system call) and to a pure-Python loop alike.
LIMITED = [
    pytest.param("local", 1, None, "sleeps", id="local-1-sleeps"),
    pytest.param("local", 1, None, "loops", id="local-1-loops"),
    pytest.param("local", 2, None, "sleeps", id="process-pool-2-sleeps"),
    pytest.param("dask", 1, "sync", "sleeps", id="dask-sync-sleeps"),
    pytest.param("dask", 2, "processes", "loops", id="dask-processes-2-loops"),
]


@pytest.mark.parametrize("engine, workers, scheduler, slow", LIMITED)
def test_a_document_past_the_time_limit_is_reported_and_the_rest_extracted(tmp_path, engine, workers,
                                                                          scheduler, slow):
    paths = corpus_with(tmp_path, slow)
    results = list(extract_paths(paths, workers=workers, engine=engine, scheduler=scheduler,
                                 function=misbehave, timeout=TIME_LIMIT))
    assert_rest_extracted(results, paths, {slow: f"took longer than the time limit of {TIME_LIMIT:g} s"})


@pytest.mark.parametrize("engine, scheduler", POOLS)
def test_a_document_stuck_where_the_alarm_cannot_reach_is_ended_in_the_pool(tmp_path, monkeypatch,
                                                                            engine, scheduler):
    monkeypatch.setattr(engines, "HARD_LIMIT_GRACE", 0.5)
    paths = corpus_with(tmp_path, "hangs_in_c")
    results = list(extract_paths(paths, workers=2, engine=engine, scheduler=scheduler,
                                 function=misbehave, timeout=TIME_LIMIT))
    assert_rest_extracted(results, paths, {"hangs_in_c": "its process was killed"})


def test_a_slow_document_within_the_limit_is_extracted_and_the_alarm_cleared(tmp_path, monkeypatch):
    monkeypatch.setattr(misbehaving_documents, "NEVER_ENDS", TIME_LIMIT / 10)   # workers=1: this process
    handler = signal.getsignal(signal.SIGALRM)
    paths = corpus_with(tmp_path, "sleeps")
    results = list(extract_paths(paths, function=misbehave, timeout=TIME_LIMIT))
    assert [r.error for r in results] == [None] * len(paths)
    assert [row["text"] for row in results[2].rows] == [row["text"] for row in extracted_serially(SEEDS[0]).rows]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)     # no alarm left to go off later
    assert signal.getsignal(signal.SIGALRM) is handler


@pytest.mark.parametrize("timeout", [0, -1.5])
def test_a_time_limit_must_be_positive(timeout):
    with pytest.raises(ValueError, match="more than 0 seconds"):
        extract_paths(["a.txt"], timeout=timeout)


@pytest.mark.slow   # the cluster restarts a worker twice
def test_a_document_that_kills_its_dask_cluster_worker_is_reported_and_the_rest_extracted(tmp_path):
    distributed = pytest.importorskip("distributed")
    import dask

    paths = corpus_with(tmp_path, "killed", repeats=4)
    assert batch_size(len(paths), workers=1) > 1     # the bad document shares its batch with good ones
    # Dask gives up on a task after its first worker death, not the default fourth: a quicker test.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        results = list(extract_paths(paths, engine="dask", scheduler=cluster.scheduler_address,
                                     function=misbehave))
    assert_rest_extracted(results, paths, {"killed": "the Dask workers extracting it died"})
