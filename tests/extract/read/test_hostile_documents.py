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


# --- short files in a legacy encoding: a guess must give plausible text --------

SHORT_TEXTS = ["培训干部1200人次。", "建成人才公寓7430套", "全区党员干部培训", "党建引领", "组织部",
               "新建党群服务中心36个"]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
@pytest.mark.parametrize("text", SHORT_TEXTS)
def test_a_short_chinese_file_in_a_legacy_encoding_reads_as_chinese(tmp_path, text, encoding):
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))
    assert read_document(path).text == text


def test_text_that_no_encoding_makes_plausible_is_reported(tmp_path):
    path = tmp_path / "japanese.txt"
    path.write_bytes("こんにちは、今日はいい天気ですね".encode("shift_jis"))
    with pytest.raises(DocumentError, match=r"japanese\.txt: not text in a known encoding: the best guess"):
        read_document(path)


@pytest.mark.parametrize("text, plausible", [
    ("全区培训干部1.2万余人次，新建党群服务中心36个。", True),
    ("Party building report 2023: 1,200 trainees.", True),
    ("엠통룉늿ㄲ〰죋듎ꆣ", False),          # GBK bytes read as UTF-16
    ("홍혐뎨逃맴꼬텬祁", False),             # GBK bytes read as Korean
])
def test_plausible_share_tells_reports_from_misdecoded_bytes(text, plausible):
    assert (documents.plausible_share(text) >= documents.MIN_PLAUSIBLE_SHARE) == plausible


# --- deep HTML: text below the parser's depth limit is not dropped silently --------

PARAGRAPH = "<p>全区培训干部{n}人次，新建党群服务中心36个，推动基层党建工作高质量发展。</p>"


def deep_page(tmp_path: Path, depth: int) -> Path:
    deep = "<div>" * depth + PARAGRAPH.format(n=7430) + "</div>" * depth
    page = (f"<html><head><title>t</title></head><body><nav>首页</nav><article>{PARAGRAPH.format(n=1200)}"
            f"{deep}{PARAGRAPH.format(n=3600)}</article></body></html>")
    path = tmp_path / f"deep{depth}.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.parametrize("depth", [10, 300, 1500])
def test_text_nested_hundreds_of_levels_deep_is_read(tmp_path, depth):
    document = read_document(deep_page(tmp_path, depth))
    assert all(n in document.text for n in ("1200人次", "7430人次", "3600人次"))
    assert document.warnings == () and "首页" not in document.text      # read as usual


def test_a_page_nested_past_the_parsers_limit_is_read_by_pattern_with_a_warning(tmp_path):
    path = deep_page(tmp_path, 3000)
    document = read_document(path)
    assert all(n in document.text for n in ("1200人次", "7430人次", "3600人次"))
    assert document.warnings == (f"{path}: the HTML parser lost part of the page (elements nested too deep?); "
                                 "its text was read without the page structure, so menus and footers may be in it",)


def test_a_reading_warning_reaches_the_document_result(tmp_path):
    from extract.pipeline import extract_file

    result = extract_file(deep_page(tmp_path, 3000))
    assert result.error is None and "elements nested too deep" in result.warnings[0]
    assert {"7430人次"} <= {row["text"] for row in result.rows}
