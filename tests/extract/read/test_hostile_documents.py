"""Hostile documents: zip bombs, files that exhaust memory, implausible decodings, deep HTML.

The fixtures are built here at a scaled-down size; the zip bomb is read under a
memory cap in a subprocess, as a machine with little memory would.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.read import documents
from extract.read.documents import DocumentError, read_document
from tests.hostile_files import write_zip_bomb_docx

REPO = Path(__file__).resolve().parents[3]

READ_UNDER_A_MEMORY_CAP = """
import resource, sys
from extract.read.documents import DocumentError, read_document
with open("/proc/self/status") as status:
    size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (size + int(sys.argv[2]) * 1024 * 1024, resource.RLIM_INFINITY))
try:
    document = read_document(sys.argv[1])
except DocumentError as error:
    print("DocumentError:", error)
else:
    print("read", len(document.text))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_zip_bomb_is_refused_before_it_is_inflated_under_a_memory_cap(tmp_path):
    bomb = write_zip_bomb_docx(tmp_path / "bomb.docx", inflated_mb=512)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    done = subprocess.run([sys.executable, "-c", READ_UNDER_A_MEMORY_CAP, str(bomb), "256"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(f"DocumentError: {bomb}: zip bomb?"), done.stdout


def test_a_docx_that_inflates_too_many_times_is_refused(tmp_path):
    bomb = write_zip_bomb_docx(tmp_path / "ratio.docx", inflated_mb=20)   # under the size bound, not the ratio
    with pytest.raises(DocumentError, match=r"ratio\.docx: zip bomb\? the \.docx would inflate [\d,]+ times"):
        read_document(bomb)


def test_an_ordinary_docx_is_within_the_bounds(tmp_path):
    sound = write_zip_bomb_docx(tmp_path / "sound.docx", inflated_mb=0)
    assert "1200人次" in read_document(sound).text


@pytest.mark.parametrize("error, reason", [
    (MemoryError(), "ran out of memory while reading it"),
    (RecursionError("maximum recursion depth exceeded"), "could not be read (RecursionError: maximum recursion"),
])
def test_an_unexpected_error_while_reading_fails_that_file_only(tmp_path, monkeypatch, error, reason):
    def explode(path, data):
        raise error

    monkeypatch.setitem(documents.READERS, "txt", explode)
    path = tmp_path / "odd.txt"
    path.write_text("全区培训干部1200人次。", encoding="utf-8")
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    assert raised.value.path == str(path) and raised.value.reason.startswith(reason)
