"""Run the per-document extraction over many files: in this process, a process pool, or Dask.

Every engine maps the same pure function (`pipeline.extract_file`) over the
paths and yields the results in input order, so the table is the same row for
row however it was run. Only a bounded window of work is in flight at a time,
so memory stays flat however many documents there are:

>>> results = extract_paths([], workers=2)
>>> list(results)
[]

A document never stops the run: one that cannot be read, that the extraction
trips on, that runs past `timeout` (`time_limits`) or that kills its worker
process (`pools`) comes back as a `DocumentResult` with its `error`.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .encoding import encode_result
from .pools import WorkerPools
from .time_limits import TimeLimited

ENGINES = ("local", "dask")
LOCAL_SCHEDULERS = ("sync", "threads", "processes")   # Dask's own single-machine schedulers
THREAD_SCHEDULERS = ("threads",)   # run documents in threads, where no time limit can apply
MAX_BATCH = 32           # documents a worker takes at a time: fewer round trips, still even load
BATCHES_PER_WORKER = 4   # batches in flight per worker: keeps workers busy, bounds memory
HARD_LIMIT_GRACE = 30.0  # seconds past --timeout before a worker stuck in C code is ended
AUTO = "auto"            # --workers auto: a pool only where it pays off
POOL_PAYS_OFF_BYTES = 4_000_000   # measured: see auto_workers
WARM_UP_TEXT = "2023年，全区累计培训党员干部1.2万余人次，新建党群服务中心36个。"


def extract_paths(paths: Sequence[str | Path] | Callable[[], Sequence[str | Path]], workers: int | str = 1,
                  engine: str = "local", scheduler: str | None = None, function: Callable | None = None,
                  timeout: float | None = None, encoding: str | None = None) -> Iterator:
    """Extract each path and yield its `DocumentResult`, in the order of `paths`.

    `paths` may be a function that lists them: with a process pool, the pool's
    workers then start (import and load the extraction) while it runs.
    `workers` > 1 runs a process pool (engine "local") or that many Dask
    processes (engine "dask" on its local scheduler); "auto" runs a pool of
    every core only for inputs large enough to pay for it (`auto_workers`).
    `scheduler` is for Dask only: a scheduler address (tcp://host:8786) or one
    of Dask's local schedulers (sync, threads, processes). `function` replaces
    `extract_file` (it must be importable by name, for the worker processes).
    `timeout` is a limit in seconds per document, where `time_limit_applies`.
    `encoding` (a table suffix, .csv or .jsonl) has each result's rows encoded
    as that table's text where they are extracted (`encoding.encode_rows`), so
    the process that writes the table does no per-row work.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (use one of {', '.join(ENGINES)})")
    if workers != AUTO and (not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be at least 1 or {AUTO!r}, not {workers}")
    if scheduler and engine != "dask":
        raise ValueError("a scheduler is for the dask engine only (add --engine dask)")
    if timeout is not None and not timeout > 0:
        raise ValueError(f"the time limit must be more than 0 seconds, not {timeout}")
    function = function or default_function()
    pools = None
    if callable(paths) and engine == "local" and isinstance(workers, int) and workers > 1:
        pools = _worker_pools(function, workers, timeout, encoding)
        pools.start_in_background()       # its fork server warms up while the inputs are listed
    try:
        paths = [str(p) for p in (paths() if callable(paths) else paths)]
    except BaseException as error:
        if pools is not None:
            pools.__exit__(type(error), error, error.__traceback__)
        raise
    if workers == AUTO:
        workers = auto_workers(paths)
    if not paths:
        if pools is not None:
            pools.__exit__(None, None, None)
        return iter(())
    batches = list(batched(paths, batch_size(len(paths), workers)))
    if engine == "dask":
        return _flatten(_run_dask(batches, function, workers, scheduler, timeout))
    if workers == 1:
        return _run_here(paths, function, timeout, encoding)
    return _flatten(_run_pool(batches, pools or _worker_pools(function, workers, timeout, encoding)))


def auto_workers(paths: Sequence[str | Path]) -> int:
    """One process below POOL_PAYS_OFF_BYTES of input, else every core (at most one per document).

    A pool's workers start by loading the extraction, as the command's own process would, and
    compete with it for the cores: on this project's 2-core machines two workers overtook one
    only from about that size on (bench/README.md, "Workers").
    """
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass          # reading it will report why
        if total >= POOL_PAYS_OFF_BYTES:
            return max(1, min(default_workers(), len(paths)))
    return 1


@dataclass(frozen=True)
class Encoded:
    """`function(path)` with its result's rows encoded for the table (`encoding.encode_rows`); picklable."""
    function: Callable
    suffix: str

    def __call__(self, path):
        return encode_result(self.function(path), self.suffix)


def _encoded(function: Callable, encoding: str | None) -> Callable:
    return Encoded(function, encoding) if encoding else function


def _run_here(paths: list[str], function: Callable, timeout: float | None, encoding: str | None = None) -> Iterator:
    """In this process, one document after the other; the one-off start-up before the first,
    outside its time limit (a pool's workers do it in their initializer)."""
    if function is default_function():
        warm_up()
    limited = TimeLimited(_encoded(function, encoding), timeout)
    for path in paths:
        yield limited(path)


def time_limit_applies(engine: str = "local", scheduler: str | None = None) -> bool:
    """False where documents run in threads (Dask's threads, a Dask cluster): a thread cannot be stopped.

    >>> time_limit_applies(), time_limit_applies("dask", "processes"), time_limit_applies("dask", "threads")
    (True, True, False)
    """
    if engine != "dask" or not scheduler:
        return True
    return scheduler in LOCAL_SCHEDULERS and scheduler not in THREAD_SCHEDULERS


def default_function() -> Callable:
    return extract_file


def extract_file(path: str | Path):
    """`pipeline.extract_file`, imported on first call: with a pool the command's own process
    never extracts, and need not load jieba, cn2an and the finders (~0.3 s) to name the function."""
    from ..pipeline import extract_file as extract

    return extract(path)


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


def _worker_pools(function: Callable, workers: int, timeout: float | None,
                  encoding: str | None = None) -> WorkerPools:
    """A pool whose workers start with the extraction loaded (or the module of a replacement `function`)."""
    default = function is default_function()
    return WorkerPools(_encoded(function, encoding), workers, preload="extract.run.warm_workers" if default else function.__module__,
                       initializer=warm_up if default else None, seconds=timeout, grace=HARD_LIMIT_GRACE)


def warm_up() -> None:
    """Load the extraction's word lists and dictionaries now, not in the first document."""
    from ..pipeline import extract_text
    extract_text(WARM_UP_TEXT, "warm-up")


def _run_pool(batches: list[list[str]], pools: WorkerPools) -> Iterator[list]:
    with pools:
        yield from _in_order(pools.submit, batches, pools.workers * BATCHES_PER_WORKER)


def _run_dask(batches: list[list[str]], function: Callable, workers: int,
              scheduler: str | None, timeout: float | None) -> Iterator[list]:
    """Dask: one bag partition per batch, computed a window at a time, on a local or remote scheduler."""
    import dask.bag as db

    def partitions_of(mapped: Callable) -> list:
        paths = [path for batch in batches for path in batch]
        # from_sequence slices the paths as `batched` did: partition i is batches[i]
        return db.from_sequence(paths, partition_size=len(batches[0])).map(mapped).to_delayed()

    if scheduler and scheduler not in LOCAL_SCHEDULERS:
        yield from _run_distributed(batches, partitions_of(function), function, scheduler)
        return
    chosen = scheduler or ("sync" if workers == 1 else "processes")
    if chosen == "processes":
        with _worker_pools(function, workers, timeout) as pools:
            yield from _run_dask_processes(batches, partitions_of(pools.in_pool), pools)
        return
    mapped = function if chosen in THREAD_SCHEDULERS else TimeLimited(function, timeout)
    if function is default_function():
        warm_up()                  # in this process: not inside the first document's time limit
    for partition in partitions_of(mapped):
        yield partition.compute(scheduler=chosen, num_workers=workers)


def _run_dask_processes(batches: list[list[str]], partitions: list, pools: WorkerPools) -> Iterator[list]:
    """Dask's processes scheduler on our pool; a window the pool broke under is recovered batch by batch."""
    import dask

    for window in batched(list(zip(batches, partitions)), pools.workers * BATCHES_PER_WORKER):
        generation = pools.generation
        try:
            results = dask.compute(*(partition for _, partition in window), scheduler="processes", pool=pools.pool)
        except BrokenProcessPool:
            pools.replace_broken(generation)
            results = [pools.isolate(batch) for batch, _ in window]
        else:
            pools.extracted_since_break = True
        yield from results


def _run_distributed(batches: list[list[str]], partitions: list, function: Callable,
                     address: str) -> Iterator[list]:
    """A Dask cluster: the workers get this package uploaded; they need its requirements and the paths."""
    from dask.distributed import Client

    from .cluster import ClusterBatches
    from .shipping import upload_package

    with Client(address) as client:
        upload_package(client)
        window = 4 * max(1, sum(client.nthreads().values()))
        yield from _in_order(ClusterBatches(client, function).submit, zip(batches, partitions), window)
