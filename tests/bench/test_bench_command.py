"""The whole-command benchmark: one timed run, and its tables (on made-up numbers)."""
from __future__ import annotations

import sys

from bench.bench_command import JIEBA, command_table, startup_table, timed_run


def test_a_timed_run_measures_wall_time_and_memory():
    measured = timed_run([sys.executable, "-c", "x = bytearray(30_000_000); import time; time.sleep(0.3)"])
    assert measured["seconds"] >= 0.3 and measured["peak_rss_mb"] > 30
    assert 0 < measured["cpu_seconds"] < measured["seconds"]      # it slept most of the time


def run(target, method, seconds, round_number=1):
    return {"target": target, "method": method, "round": round_number, "seconds": seconds,
            "cpu_seconds": seconds / 4, "peak_rss_mb": 150.0, "load_avg": 1.0}


def test_the_table_keeps_each_methods_fastest_run_and_compares_it_with_jieba():
    runs = [run("1,000 reports", "command, --workers 1", 4.0), run("1,000 reports", JIEBA, 10.0),
            run("1,000 reports", "command, --workers 1", 2.0, 2), run("1,000 reports", JIEBA, 12.0, 2)]
    table = command_table(runs, {"1,000 reports": {"chars": 2_000_000, "mb": 6.0}})
    assert "| 1,000 reports | command, --workers 1 | 2.00 | 1,000,000 | 5.00 | 0.50 | 150 | 1.0 | 4.00, 2.00 |" in table
    assert "| 1,000 reports | jieba process | 10.00 | 200,000 | 1.00 |" in table


def test_the_start_up_table_tells_jiebas_part_from_the_rest():
    splits = [{"imports": 0.3, "jieba": 0.8, "gazetteer": 0.1, "rest of warm-up": 0.05, "the report": 0.01},
              {"imports": 0.4, "jieba": 0.7, "gazetteer": 0.2, "rest of warm-up": 0.05, "the report": 0.01}]
    table = startup_table(splits)
    assert "| jieba | 0.700 |" in table and "| without jieba | 0.460 |" in table
