"""The bad-input matrix: every kind of broken or hostile input, each beside a good report.

For each input case: a failing file is named on stderr with its reason, the
good report's rows are written, no temporary file is left; a file that must be
read gives its rows (and, where it was read less well than usual, a warning).
For each output case: the run fails with its status and leaves the existing
table untouched. One run of all input cases with a process pool checks that no
process outlives it. Stopping a run with SIGINT, SIGTERM and SIGKILL (with one
process and with a pool) is in tests/extract/run/test_killed_runs.py, with the
same checks.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import psutil
import pytest

from extract import cli
from extract.table import read_table
from tests.document_files import write_docx, write_pdf
from tests.hostile_files import (BILLION_LAUGHS, XXE, write_docx_with_doctype, write_encrypted_pdf, write_sparse,
                                 write_zip_bomb_docx)

REPO = Path(__file__).resolve().parent.parent
GOOD = sorted((REPO / "data" / "raw").glob("*.txt"))[0]
LINES = ["蓬江区组织工作", "全区培训干部1200人次，建成人才公寓7430套。"]
REPORT = "\n".join(LINES) + "\n"
OLD_TABLE = b"the old table"


@dataclass
class Case:
    id: str
    make: Callable[[Path], Path]       # folder -> the file (or path) given to the run
    fails: str | None = None           # the reason on stderr, when the file must fail
    finds: tuple[str, ...] = ()        # mention texts its rows must hold, when it must be read
    warns: str | None = None           # a warning it must give
    never: tuple[str, ...] = ()        # text that must not reach the table


def data(name: str, payload: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(payload)
        return path
    return make


def built(name: str, build: Callable[[Path], Path]) -> Callable[[Path], Path]:
    return lambda folder: build(folder / name)


def truncated(name: str, build: Callable[[Path], Path], keep: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        whole = build(folder / f"whole-{name}")
        path = folder / name
        path.write_bytes(whole.read_bytes()[:keep])
        whole.unlink()
        return path
    return make


def long_line(folder: Path) -> Path:
    path = folder / "one-line.txt"
    path.write_text("蓬江区" + "全区培训干部1200人次新建党群服务中心36个" * 3000, encoding="utf-8")
    return path


def deep_html(folder: Path) -> Path:
    path = folder / "deep.html"
    deep = "<div>" * 3000 + f"<p>{LINES[1]}</p>" + "</div>" * 3000
    path.write_text(f"<html><body><article><p>{LINES[0]}</p>{deep}</article></body></html>", encoding="utf-8")
    return path


ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]

INPUT_CASES = [
    Case("empty", data("empty.txt", b""), fails="empty file (0 bytes)"),
    Case("whitespace", data("blank.txt", " \n\u3000\n".encode()), fails="only whitespace"),
    Case("binary", data("binary.txt", bytes(range(256)) * 16), fails="binary data"),
    Case("nul bytes", data("nul.txt", REPORT.encode() + b"\x00\x00\x01\x02" * 200), fails="binary data"),
    Case("undecodable", data("noise.txt", bytes(range(128, 256)) * 3), fails="not text"),
    Case("implausible decoding", data("japanese.txt", "こんにちは、今日はいい天気ですね".encode("shift_jis")),
         fails="not text in a known encoding"),
    *[Case(f"encoding {encoding}", data(f"enc-{encoding}.txt", REPORT.encode(encoding)), finds=("1200人次",))
      for encoding in ENCODINGS],
    Case("short gbk", data("short-gbk.txt", "培训干部1200人次。".encode("gbk")), finds=("1200人次",)),
    Case("crlf gb18030", data("crlf.txt", REPORT.replace("\n", "\r\n").encode("gb18030")), finds=("7430套",)),
    Case("truncated docx", truncated("cut.docx", lambda p: write_docx(p, LINES), 2000),
         fails="not a readable .docx"),
    Case("not a zip docx", data("fake.docx", REPORT.encode()), fails="not a readable .docx"),
    Case("truncated pdf", truncated("cut.pdf", lambda p: write_pdf(p, [LINES]), 400), fails="not a readable PDF"),
    Case("encrypted pdf", built("locked.pdf", lambda p: write_encrypted_pdf(p, LINES[1])),
         fails="not a readable PDF"),
    Case("zip bomb", built("bomb.docx", lambda p: write_zip_bomb_docx(p, inflated_mb=300)), fails="zip bomb?"),
    Case("xxe docx", built("xxe.docx", lambda p: write_docx_with_doctype(p, XXE, "全区&xxe;培训1200人次")),
         never=("root:",)),
    Case("billion laughs docx",
         built("laughs.docx", lambda p: write_docx_with_doctype(p, BILLION_LAUGHS, "全区&j;培训1200人次")),
         fails="not a readable .docx", never=("lollol",)),
    Case("script in html", data("script.html", (f"<html><head><script>var n='999人';</script></head><body>"
                                                 f"<p>{LINES[1]}</p><script>document.write('888个')</script>"
                                                 "</body></html>").encode()),
         finds=("1200人次",), never=("999人", "888个")),
    Case("deep html", deep_html, finds=("1200人次",), warns="elements nested too deep"),
    Case("huge file", lambda folder: write_sparse(folder / "huge.txt", 51 * 1024 * 1024), fails="file too large"),
    Case("long line", long_line, finds=("1200人次",)),
    Case("unsupported type", data("notes.doc", b"old Word"), fails="unsupported file type '.doc'"),
    Case("missing file", lambda folder: folder / "absent.txt", fails="no such file"),
    Case("spaces and brackets in the name", data("报 告 (1).txt", REPORT.encode()), finds=("1200人次",)),
    Case("a formula as the name", data("=HYPERLINK(1).txt", REPORT.encode()), finds=("1200人次",)),
    Case("a dash first in the name", data("-rf.txt", REPORT.encode()), finds=("1200人次",)),
    Case("a line break in the name", data("two\nlines.txt", REPORT.encode()), finds=("1200人次",)),
    Case("a 250-byte name", data("报" * 82 + ".txt", REPORT.encode()), finds=("1200人次",)),
]


def run_cli(*args) -> tuple[int, str]:
    stderr = io.StringIO()
    return cli.main([str(a) for a in args], stderr=stderr), stderr.getvalue()


def left_parts(folder: Path) -> list[Path]:
    return list(folder.rglob("*.part"))


@pytest.mark.parametrize("case", INPUT_CASES, ids=lambda c: c.id)
def test_bad_input(tmp_path, case):
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_bytes(GOOD.read_bytes())
    path = case.make(folder)
    out = tmp_path / "out" / "table.csv"
    status, stderr = run_cli(good, path, "--out", out)
    failures = [line for line in stderr.splitlines() if line.startswith("failed:")]
    if case.fails:
        assert status == cli.EXIT_FILES_FAILED, stderr
        assert len(failures) == 1 and failures[0].startswith(f"failed: {path}: "), stderr
        assert case.fails in failures[0], failures[0]
    else:
        assert status == cli.EXIT_OK and failures == [], stderr
    table = read_table(out)
    assert len(table[table["doc_id"] == "good"]) > 0                  # the good report's rows are written
    rows = table[table["doc_id"] == path.stem]
    assert set(case.finds) <= set(rows["text"]), stderr
    if case.warns:
        assert any(line.startswith(f"warning: {path}: ") and case.warns in line for line in stderr.splitlines())
    for text in case.never:
        assert not table["sentence"].str.contains(text, regex=False).any() and text not in stderr
    assert (rows["sentence"].str.len() <= 300).all()
    assert left_parts(tmp_path) == []


def out_in_a_file(tmp_path: Path) -> Path:
    (tmp_path / "a-file").write_text("x")
    return tmp_path / "a-file" / "table.csv"


def out_is_a_folder(tmp_path: Path) -> Path:
    (tmp_path / "table.csv").mkdir()
    (tmp_path / "table.csv" / "keep.txt").write_bytes(OLD_TABLE)
    return tmp_path / "table.csv"


def out_read_only(tmp_path: Path) -> Path:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "table.csv").write_bytes(OLD_TABLE)
    folder.chmod(0o500)
    return folder / "table.csv"


OUTPUT_CASES = [
    pytest.param(lambda tmp: tmp / "table.xlsx", cli.EXIT_USAGE, "unsupported table format", id="unsupported suffix"),
    pytest.param(lambda tmp: tmp / "table", cli.EXIT_USAGE, "unsupported table format", id="no suffix"),
    pytest.param(out_in_a_file, cli.EXIT_NOT_WRITTEN, "not written", id="inside a file"),
    pytest.param(out_is_a_folder, cli.EXIT_NOT_WRITTEN, "not written", id="a folder"),
    pytest.param(out_read_only, cli.EXIT_NOT_WRITTEN, "not written", id="read-only folder",
                 marks=pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")),
]


@pytest.mark.parametrize("make_out, status, said", OUTPUT_CASES)
def test_bad_output_path_leaves_what_was_there(tmp_path, make_out, status, said):
    out = make_out(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    code, stderr = run_cli(GOOD, "--out", out)
    assert code == status and said in stderr, stderr
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert left_parts(tmp_path) == []
    for folder in tmp_path.rglob("*"):
        if folder.is_dir():
            folder.chmod(0o700)


@pytest.mark.slow
def test_every_bad_input_at_once_with_a_pool_leaves_no_process(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    paths = [case.make(folder) for case in INPUT_CASES]
    out = tmp_path / "table.parquet"
    run = subprocess.Popen([sys.executable, "-m", "extract", str(folder), *map(str, paths), "--out", str(out),
                            "--workers", "2", "--quiet"], cwd=REPO, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == cli.EXIT_FILES_FAILED, stderr
    for case, path in zip(INPUT_CASES, paths):
        failed = any(line.startswith(f"failed: {path}: ") for line in stderr.splitlines())
        assert failed == bool(case.fails), (case.id, stderr)
    assert len(read_table(out)) > 0 and left_parts(tmp_path) == []
    deadline = time.monotonic() + 10
    while (orphans := session_processes(run.pid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert orphans == []


def session_processes(session: int) -> list[psutil.Process]:
    """Processes still running in the run's session: what it started and left behind."""
    found = []
    for process in psutil.process_iter():
        try:
            if os.getsid(process.pid) == session and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except (ProcessLookupError, PermissionError, psutil.NoSuchProcess):
            continue
    return found
