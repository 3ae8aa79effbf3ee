"""Upload names the file system refuses, or that another upload has: each file is kept, with a note."""
from __future__ import annotations

import pytest

from dashboard.uploads import MAX_NAME_BYTES, Upload, extract_uploads, safe_name, stored_names

REPORT = "蓬江区培训干部800人次。".encode()
LONG_NAME = "关于" + "基层党组织建设" * 14 + "文.txt"   # 105 characters, 101 of them Chinese: 307 bytes


def test_a_long_chinese_name_and_a_nul_do_not_stop_the_batch():
    assert len(LONG_NAME) == 105 and len(LONG_NAME.encode()) > 255   # 101 Chinese characters and .txt
    files = [Upload(LONG_NAME, REPORT), Upload("a\x00b.txt", REPORT), Upload("c.txt", REPORT)]
    extraction = extract_uploads(files)
    assert [f.error for f in extraction.files] == [None, None, None]
    assert [f.rows for f in extraction.files] == [1, 1, 1]
    long_report, nul_report, plain = extraction.files
    assert len(long_report.name.encode()) <= MAX_NAME_BYTES and long_report.name.endswith(".txt")
    assert long_report.warnings[0] == (f"{LONG_NAME} is read as {long_report.name}: "
                                       "the name is longer than file systems allow")
    assert nul_report.name == "a_b.txt"
    assert nul_report.warnings[0] == "'a\\x00b.txt' is read as a_b.txt: the name holds control characters"
    assert plain.warnings == ()


def test_uploads_of_the_same_name_are_all_kept_and_say_so():
    files = [Upload("a.txt", "吉林市发展党员500名。".encode()), Upload("a.txt", REPORT), Upload("a-2.txt", REPORT)]
    extraction = extract_uploads(files)
    assert [f.name for f in extraction.files] == ["a.txt", "a-3.txt", "a-2.txt"]
    assert extraction.files[1].warnings[0] == "a.txt is read as a-3.txt: another upload has the same name"
    assert set(extraction.frame["doc_id"].astype(str)) == {"a", "a-2", "a-3"}


@pytest.mark.parametrize("name, stored", [
    ("报告.txt", "报告.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\reports\\报告.docx", "报告.docx"),
    ("..", "upload"),
    ("tab\there.txt", "tab_here.txt"),
])
def test_safe_name(name, stored):
    assert safe_name(name)[0] == stored


def test_a_file_that_cannot_be_stored_fails_alone(monkeypatch):
    from pathlib import Path

    real = Path.write_bytes

    def refuse(path, data):
        if path.name == "full.txt":
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", refuse)
    extraction = extract_uploads([Upload("full.txt", REPORT), Upload("ok.txt", REPORT)])
    assert extraction.files[0].error == "full.txt: could not be stored for reading (No space left on device)"
    assert extraction.files[1].error is None and extraction.files[1].rows == 1


def test_stored_names_never_repeat():
    names = [name for name, _ in stored_names(["a.txt", "a.txt", "a-2.txt", "a.txt", "a-3.txt"])]
    assert len(set(names)) == len(names)


def test_an_upload_named_like_a_bundled_report_says_it_replaces_it():
    from dashboard.uploads import replacement_notes

    extraction = extract_uploads([Upload("d1_penjiang.txt", REPORT), Upload("new.txt", REPORT),
                                  Upload("d2_jilin.txt", b"")])
    notes = replacement_notes(extraction.files, {"d1_penjiang", "d2_jilin"})
    assert notes == ["d1_penjiang.txt has the name of a bundled report (d1_penjiang): with all reports shown, "
                     "the upload replaces it"]
