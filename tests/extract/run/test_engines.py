"""Every engine gives the same results, row for row and in input order, as one process does."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.make_corpus import write_corpus
from extract.read.documents import find_documents
from extract.run.engines import _in_order, batch_size, batched, extract_paths
from extract.pipeline import extract_file

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    """A few dozen generated reports with an empty and a binary file in the middle."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, docs=30, seed=11)
    paths = find_documents([folder])
    empty, binary = folder / "empty.txt", folder / "binary.txt"
    empty.write_bytes(b"")
    binary.write_bytes(bytes(range(256)) * 4)
    return paths[:10] + [empty] + paths[10:20] + [binary] + paths[20:]


@pytest.fixture(scope="module")
def serial(corpus) -> list:
    return [extract_file(path) for path in corpus]


ENGINES = [
    pytest.param("local", 1, None, id="local-1"),
    pytest.param("local", 2, None, id="process-pool-2"),
    pytest.param("dask", 1, None, id="dask-sync"),
    pytest.param("dask", 2, None, id="dask-processes-2"),
    pytest.param("dask", 2, "threads", id="dask-threads-2"),
]


@pytest.mark.parametrize("engine, workers, scheduler", ENGINES)
def test_every_engine_equals_one_process_row_for_row(corpus, serial, engine, workers, scheduler):
    results = list(extract_paths(corpus, workers=workers, engine=engine, scheduler=scheduler))
    assert [r.path for r in results] == [str(p) for p in corpus]      # input order
    assert results == serial                                          # rows, warnings, errors


EXTRACT_IN_A_FRESH_PROCESS = """
import hashlib, sys
from extract.pipeline import extract_file
rows = [row for path in sys.argv[1:] for row in extract_file(path).rows]
print(hashlib.sha1(repr(rows).encode()).hexdigest())
"""


def test_rows_do_not_depend_on_the_hash_seed(corpus):
    """Worker processes have their own hash seeds: the table must not depend on it."""
    digests = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", EXTRACT_IN_A_FRESH_PROCESS, *map(str, corpus)],
                              cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_a_dask_cluster_address_gives_the_same_rows(corpus, serial):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        results = list(extract_paths(corpus, engine="dask", scheduler=cluster.scheduler_address))
    assert results == serial          # threads of this process: the same hash seed


def test_bad_files_are_reported_and_the_rest_extracted(serial):
    failed = [r for r in serial if r.error]
    assert [Path(r.path).name for r in failed] == ["empty.txt", "binary.txt"]
    assert all(r.rows == [] for r in failed)
    assert sum(1 for r in serial if r.rows) >= 25     # generated reports are full of indicators


def test_the_generated_corpus_is_extracted_with_its_rows_in_document_order(serial):
    for result in serial:
        starts = [(row["start"], row["end"]) for row in result.rows]
        assert starts == sorted(starts)


@pytest.mark.parametrize("kwargs, message", [
    ({"engine": "spark"}, "unknown engine"),
    ({"workers": 0}, "at least 1"),
    ({"scheduler": "tcp://host:8786"}, "dask engine only"),
])
def test_bad_arguments_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        extract_paths(["a.txt"], **kwargs)


def test_no_paths_no_results():
    assert list(extract_paths([], workers=2)) == []
    assert list(extract_paths([], engine="dask")) == []


def test_in_order_keeps_a_bounded_window_and_the_submission_order():
    in_flight, most = [], 0

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            in_flight.remove(self.value)
            return self.value

    def submit(value):
        nonlocal most
        in_flight.append(value)
        most = max(most, len(in_flight))
        return Done(value)

    assert list(_in_order(submit, range(100), window=8)) == list(range(100))
    assert most == 8


@pytest.mark.parametrize("n_paths, workers, expected", [(1, 1, 1), (10, 1, 1), (100, 1, 12), (1000, 2, 32), (10**6, 8, 32)])
def test_batch_size(n_paths, workers, expected):
    assert batch_size(n_paths, workers) == expected


def test_batched_covers_every_item_once_in_order():
    assert list(batched(list(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


@pytest.mark.parametrize("module", ["extract.run.engines", "extract.run.pools", "extract.run.shipping", "extract.run.writers",
                                    "bench.make_corpus"])
def test_docstring_examples(module):
    import doctest
    import importlib
    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried and not failures


@pytest.mark.parametrize("engine, scheduler", [("local", None), ("dask", "sync")])
def test_one_process_loads_the_extraction_before_the_first_time_limit_starts(monkeypatch, engine, scheduler):
    """--timeout with one process must not count the word lists' and jieba's loading against a document."""
    import signal

    from extract.run import engines

    started = []
    monkeypatch.setattr(engines, "warm_up", lambda: started.append(signal.getitimer(signal.ITIMER_REAL)[0]))
    seeds = sorted((Path(__file__).resolve().parents[3] / "data" / "raw").glob("*.txt"))[:2]
    results = list(engines.extract_paths(seeds, workers=1, engine=engine, scheduler=scheduler, timeout=60))
    assert started == [0.0]                      # loaded once, with no document's alarm running
    assert [r.error for r in results] == [None, None]


def test_auto_workers_is_one_process_below_the_size_where_a_pool_pays_off(tmp_path, monkeypatch):
    from extract.run import engines

    files = []
    for i in range(3):
        files.append(tmp_path / f"{i}.txt")
        files[-1].write_bytes(b"x" * 1000)
    monkeypatch.setattr(engines, "default_workers", lambda: 8)
    monkeypatch.setattr(engines, "POOL_PAYS_OFF_BYTES", 3001)
    assert engines.auto_workers(files) == 1
    monkeypatch.setattr(engines, "POOL_PAYS_OFF_BYTES", 3000)
    assert engines.auto_workers(files) == 3            # every core, but no more than one per document
    assert engines.auto_workers([tmp_path / "missing.txt"]) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_listing_function_runs_once_and_workers_send_encoded_rows(corpus, workers):
    from extract.run.encoding import EncodedRows, encode_csv

    listed = []

    def list_inputs():
        listed.append(True)
        return corpus

    results = list(extract_paths(list_inputs, workers=workers, encoding=".csv"))
    expected = [extract_file(p) for p in corpus]
    assert listed == [True]
    assert [r.doc_id for r in results] == [r.doc_id for r in expected]
    assert [r.rows.text if isinstance(r.rows, EncodedRows) else r.rows for r in results] == \
        [encode_csv(r.rows) if r.rows else [] for r in expected]
