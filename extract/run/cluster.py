"""Batches on a Dask cluster (--scheduler tcp://host:8786), recovered when their workers die.

Dask handles a worker that dies itself: it reruns the task on another worker,
and after `distributed.scheduler.allowed-failures` deaths gives up with
KilledWorker. A batch that ends so is then run again a document at a time, as
the process pool does (`pools`): the documents that did nothing wrong are
extracted, and one whose workers die again comes back as a failed
`DocumentResult`, naming the file. A cluster where every task dies
stops the run with `WorkersKeepDying` after MAX_FRUITLESS_BREAKS such batches
in a row with no document extracted.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .pools import MAX_FRUITLESS_BREAKS, WorkersKeepDying

if TYPE_CHECKING:
    from ..pipeline import DocumentResult


class ClusterBatches:
    """Submits batches (as Dask delayed partitions) to a cluster; reruns a dead batch one document at a time."""

    def __init__(self, client, function: Callable):
        self.client = client
        self.function = function
        self.fruitless_breaks = 0

    def submit(self, batch_and_partition: tuple[list[str], object]) -> ClusterTask:
        batch, partition = batch_and_partition
        return ClusterTask(self, batch, self.client.compute(partition))

    def rerun_alone(self, batch: list[str]) -> list:
        """One document after the other: two at once could share a worker, and one's death kill both."""
        from distributed import KilledWorker

        results, extracted = [], False
        for path in batch:
            try:
                results.append(self.client.submit(self.function, path, pure=False).result())
                extracted = True
            except KilledWorker:
                results.append(died_on_cluster(path))
        self.fruitless_breaks = 0 if extracted else self.fruitless_breaks + 1
        if self.fruitless_breaks >= MAX_FRUITLESS_BREAKS:
            raise WorkersKeepDying(f"Dask workers died on {self.fruitless_breaks} batches in a row, also "
                                   "running their documents one by one; stopping (are they out of memory?)")
        return results


@dataclass
class ClusterTask:
    batches: ClusterBatches
    batch: list[str]
    future: object    # a distributed.Future

    def result(self) -> list:
        from distributed import KilledWorker

        try:
            results = self.future.result()
        except KilledWorker:
            return self.batches.rerun_alone(self.batch)
        self.batches.fruitless_breaks = 0
        return results


def died_on_cluster(path: str) -> DocumentResult:
    from ..pipeline import DocumentResult   # imported late: the finders are heavy to import

    return DocumentResult(Path(path).stem, str(path),
                          error=f"{path}: the Dask workers extracting it died, also when it ran alone; skipped")
