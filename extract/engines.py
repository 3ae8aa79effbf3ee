"""Run the per-document extraction over many files: in this process, a process pool, or Dask.

Every engine maps the same pure function (`pipeline.extract_file`) over the
paths and yields the results in input order, so the table is the same row for
row however it was run. Only a bounded window of work is in flight at a time,
so memory stays flat however many documents there are:

>>> results = extract_paths([], workers=2)
>>> list(results)
[]
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

ENGINES = ("local", "dask")
LOCAL_SCHEDULERS = ("sync", "threads", "processes")   # Dask's own single-machine schedulers
MAX_BATCH = 32           # documents a worker takes at a time: fewer round trips, still even load
BATCHES_PER_WORKER = 4   # batches in flight per worker: keeps workers busy, bounds memory
WARM_UP_TEXT = "2023年，全区累计培训党员干部1.2万余人次，新建党群服务中心36个。"


def extract_paths(paths: Sequence[str | Path], workers: int = 1, engine: str = "local",
                  scheduler: str | None = None, function: Callable | None = None) -> Iterator:
    """Extract each path and yield its `DocumentResult`, in the order of `paths`.

    `workers` > 1 runs a process pool (engine "local") or that many Dask
    processes (engine "dask" on its local scheduler). `scheduler` is for Dask
    only: a scheduler address (tcp://host:8786) or one of Dask's local
    schedulers (sync, threads, processes). `function` replaces
    `extract_file` (it must be importable by name, for the worker processes).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (use one of {', '.join(ENGINES)})")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler is for the dask engine only (add --engine dask)")
    function = function or default_function()
    paths = [str(p) for p in paths]
    if not paths:
        return iter(())
    batches = list(batched(paths, batch_size(len(paths), workers)))
    if engine == "dask":
        return _flatten(_run_dask(batches, function, workers, scheduler))
    if workers == 1:
        return map(function, paths)
    return _flatten(_run_pool(batches, function, workers))


def default_function() -> Callable:
    from .pipeline import extract_file   # imported late: the finders are heavy to import
    return extract_file


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def batch_size(n_paths: int, workers: int) -> int:
    """Enough batches for every worker to get several (even load), at most MAX_BATCH documents each.

    >>> batch_size(10, 1), batch_size(1000, 2), batch_size(100_000, 8)
    (1, 32, 32)
    """
    return max(1, min(MAX_BATCH, n_paths // (workers * BATCHES_PER_WORKER * 2)))


def batched(items: Sequence, size: int) -> Iterator[list]:
    """Consecutive slices of `size` items; the last may be shorter.

    >>> list(batched([1, 2, 3, 4, 5], 2))
    [[1, 2], [3, 4], [5]]
    """
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def extract_batch(function: Callable, paths: list[str]) -> list:
    """One worker task: a batch of documents, extracted one after the other."""
    return [function(path) for path in paths]


def _flatten(batches: Iterable[list]) -> Iterator:
    for batch in batches:
        yield from batch


def _in_order(submit: Callable, tasks: Iterable, window: int) -> Iterator:
    """Submit tasks keeping at most `window` in flight; yield their results in submission order."""
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _process_pool(workers: int, function: Callable) -> ProcessPoolExecutor:
    """A pool whose workers start with the extraction loaded.

    forkserver, where there is one: workers are forked from a clean, single-threaded
    server process that has loaded the extraction once (`warm_workers`), never
    from the parent, which may be running threads (progress bar, Dask).
    """
    default = function is default_function()
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["extract.warm_workers" if default else function.__module__])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=warm_up if default else None)


def warm_up() -> None:
    """Load the extraction's word lists and dictionaries now, not in the first document."""
    from .pipeline import extract_text
    extract_text(WARM_UP_TEXT, "warm-up")


def _run_pool(batches: list[list[str]], function: Callable, workers: int) -> Iterator[list]:
    with _process_pool(workers, function) as pool:
        submit = lambda batch: pool.submit(extract_batch, function, batch)   # noqa: E731
        yield from _in_order(submit, batches, workers * BATCHES_PER_WORKER)


def _run_dask(batches: list[list[str]], function: Callable, workers: int,
              scheduler: str | None) -> Iterator[list]:
    """Dask: one bag partition per batch, computed a window at a time, on a local or remote scheduler."""
    import dask
    import dask.bag as db

    paths = [path for batch in batches for path in batch]
    bag = db.from_sequence(paths, partition_size=len(batches[0])).map(function)
    partitions = bag.to_delayed()
    if scheduler and scheduler not in LOCAL_SCHEDULERS:
        yield from _run_distributed(partitions, scheduler)
        return
    chosen = scheduler or ("sync" if workers == 1 else "processes")
    if chosen != "processes":
        for partition in partitions:
            yield partition.compute(scheduler=chosen, num_workers=workers)
        return
    with _process_pool(workers, function) as pool:
        for window in batched(partitions, workers * BATCHES_PER_WORKER):
            yield from dask.compute(*window, scheduler="processes", pool=pool)


def _run_distributed(partitions: list, address: str) -> Iterator[list]:
    """A Dask cluster: the workers get this package uploaded; they need its requirements and the paths."""
    from dask.distributed import Client

    from .shipping import upload_package

    with Client(address) as client:
        upload_package(client)
        window = 4 * max(1, sum(client.nthreads().values()))
        yield from _in_order(client.compute, partitions, window)
