"""The benchmark harness: one measurement, and the report's tables and bars (on made-up numbers)."""
from __future__ import annotations

import io

import pytest

from bench.bench_extract import WRITE_PARQUET, bars, measure, report
from bench.make_corpus import write_corpus
from bench.methods import METHODS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, docs=6, seed=2)
    return folder


@pytest.mark.parametrize("method", ["extraction", "numeral regex", "cn2an.transform", "chinese2digits"])
def test_measure_reports_speed_and_memory(corpus, method):
    result = measure(method, corpus, workers=1)
    assert result["docs"] == 6 and result["chars"] > 0 and result["items"] > 0
    assert result["chars_per_s"] > 0 and result["peak_rss_mb"] > 0 and result["rss_before_mb"] > 0
    assert result["tree_peak_mb"] > 0


def test_every_method_counts_something_in_a_report(corpus):
    path = next(corpus.rglob("*.txt"))
    assert all(function(path) > 0 for function in METHODS.values())


def fake(method, workers, size, chars_per_s, peak=200.0):
    chars = int(size * 350_000)
    return {"method": method, "workers": workers, "size_mb": size, "docs": 10, "chars": chars, "items": 5,
            "seconds": chars / chars_per_s, "chars_per_s": chars_per_s, "peak_rss_mb": peak, "tree_peak_mb": peak}


RESULTS = [fake(m, w, s, v) for s in (1, 10) for m, w, v in [
    ("extraction", 1, 1_000_000), ("extraction", 2, 1_800_000), ("jieba.cut", 1, 150_000),
    ("cn2an.transform", 1, 600_000), ("chinese2digits", 1, 1_250_000), (WRITE_PARQUET, 1, 900_000)]]


def test_the_report_has_a_table_per_size_the_scaling_and_the_bars():
    text = report(RESULTS, [1, 10])
    assert text.count("| method | workers | chars/s |") == 2
    assert "| extraction | 1 | 1,000,000 | 6.67 |" in text
    assert "| jieba.cut | 1 | 2.33 | 2.33 | 1.00 |" in text
    assert "| 10 MB | 1 | 5 | 200 | 200 |" in text


def test_bars_say_which_are_met():
    lines = bars(RESULTS, [1, 10]).splitlines()
    assert "extraction ÷ jieba.cut: 6.67 (bar ≥ 5) ✔" in lines[2]
    assert "extraction ÷ cn2an.transform: 1.67 (bar ≥ 2) ✘" in lines[3]
    assert "extraction ÷ chinese2digits: 0.80 (bar ≥ 1) ✘" in lines[4]
    assert "2 workers ÷ 1 worker on 10 MB: 1.80 (bar ≥ 1.7) ✔" in lines[5]
    assert "✔" in lines[6]


def test_repeated_rounds_keep_the_fastest_run_of_each_and_list_them_all(monkeypatch):
    import bench.bench_extract as harness
    monkeypatch.setattr(harness, "ensure_corpus", lambda folder, mb, seed: {"docs": 10, "chars": 350_000})
    seconds = iter([2.0, 9.0, 1.0, 3.0])     # round 1: extraction, jieba.cut; round 2: the same

    def measure_one(method, corpus, workers):
        taken = next(seconds)
        return fake(method, workers, 1, 350_000 / taken)

    results = harness.run_all([1], [1], [1], ["extraction", "jieba.cut"], seed=0, repeat=2,
                              log=io.StringIO(), measure_one=measure_one)
    by_method = {r["method"]: r for r in results}
    assert by_method["extraction"]["seconds"] == 1.0 and by_method["extraction"]["all_seconds"] == [2.0, 1.0]
    assert by_method["jieba.cut"]["seconds"] == 3.0 and by_method["jieba.cut"]["all_seconds"] == [9.0, 3.0]
    table = report(results, [1])
    assert "the fastest of 2 runs" in table and "| 2.0, 1.0 |" in table and "| 3.00 |" in table
