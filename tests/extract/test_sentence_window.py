"""The stored sentence is a bounded window around its mention: memory and table size grow with
the text, never with the square of a sentence's length."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.pipeline import MAX_STORED_SENTENCE, extract_text

REPO = Path(__file__).resolve().parents[2]
CLAUSE = "全区培训干部1200人次新建党群服务中心36个"   # no sentence punctuation anywhere


def one_line(chars: int) -> str:
    return "蓬江区" + CLAUSE * (chars // len(CLAUSE))


def test_each_row_keeps_a_window_of_its_sentence_with_offsets():
    text = one_line(20_000)
    rows = extract_text(text, "one-line").rows
    assert len(rows) > 1000
    for row in rows:
        assert len(row["sentence"]) <= MAX_STORED_SENTENCE
        assert text[row["sentence_start"]:row["sentence_end"]] == row["sentence"]
        assert row["sentence_start"] <= row["start"] and row["end"] <= row["sentence_end"]


def test_a_short_sentence_is_kept_whole():
    text = "蓬江区组织工作。全区培训干部1200人次，新建党群服务中心36个。下一步继续努力。"
    rows = extract_text(text, "short").rows
    assert {row["sentence"] for row in rows} == {"全区培训干部1200人次，新建党群服务中心36个。"}
    assert all(text[r["sentence_start"]:r["sentence_end"]] == r["sentence"] for r in rows)


EXTRACT_UNDER_A_MEMORY_CAP = """
import resource, sys, tempfile
from extract import cli
from extract.run import engines, writers
engines.warm_up()                        # word lists, jieba: what every run loads, counted before the cap
with tempfile.TemporaryDirectory() as scratch, writers.TableWriter(scratch + "/warm.csv") as writer:   # pandas' and pyarrow's arenas too
    writer.write([{"doc_id": "warm-up", "start": 0, "end": 1}])
with open("/proc/self/status") as status:
    size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (size + int(sys.argv[1]) * 1024 * 1024, resource.RLIM_INFINITY))
sys.exit(cli.main(sys.argv[2:]))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_long_line_without_punctuation_is_extracted_under_a_memory_cap(tmp_path):
    report = tmp_path / "one-line.txt"
    report.write_text(one_line(250_000), encoding="utf-8")      # ~0.75 MB; whole-sentence rows would be 5 GB
    out = tmp_path / "table.csv"
    done = subprocess.run([sys.executable, "-c", EXTRACT_UNDER_A_MEMORY_CAP, "500", str(report),
                           "--out", str(out), "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = int(done.stderr.split(" rows")[0].split()[-1])
    assert rows > 20_000 and out.stat().st_size < rows * 1500     # ~300 characters of sentence a row
