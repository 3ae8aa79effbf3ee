"""Loading: where the table comes from, how it is held, per-file reports, uploads, the real pipeline."""
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data, uploads
from dashboard.data import (RAW_DIR, combine, compact, docs_folder, extract_paths, find_document, load_source,
                            summary, table_source)
from dashboard.uploads import Upload, extract_uploads, upload_problem
from extract.table import CATEGORY_COLUMNS

from .conftest import MENTIONS, TEXTS


def test_table_source_is_the_bundled_folder_by_default():
    source = table_source({})
    assert (source.kind, source.path) == ("folder", RAW_DIR)


def test_table_source_follows_the_environment(table_path):
    source = table_source({"ORGWORK_TABLE": str(table_path)})
    assert (source.kind, source.path) == ("table", table_path)
    assert str(table_path) in source.token


def test_table_source_names_a_missing_table(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.parquet"):
        table_source({"ORGWORK_TABLE": str(tmp_path / "nope.parquet")})


def test_docs_folder_follows_the_environment(tmp_path):
    assert docs_folder({}) == RAW_DIR
    assert docs_folder({"ORGWORK_DOCS": str(tmp_path)}) == tmp_path


def test_load_source_reads_a_table_into_compact_types(table_path):
    frame = load_source(table_source({"ORGWORK_TABLE": str(table_path)})).frame
    assert len(frame) == len(MENTIONS)
    for column in ("region", "pillar", "unit", "province", "kind"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    assert frame["start"].dtype == "int32" and frame["value"].dtype == "float64"


def test_compact_makes_repetitive_text_categorical_and_leaves_its_input(table):
    plain = table.astype({c: str for c in CATEGORY_COLUMNS})
    repeated = pd.concat([plain] * 10, ignore_index=True)
    before = repeated.copy()
    small = compact(repeated)
    assert repeated.equals(before)
    assert isinstance(small["sentence"].dtype, pd.CategoricalDtype)
    assert small.memory_usage(deep=True).sum() < repeated.memory_usage(deep=True).sum() / 2


def write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_extract_paths_reports_each_file_and_keeps_going(tmp_path):
    good = write(tmp_path, "good.txt", "吉林市组织工作\n发展党员500名，引进人才3000余人。".encode())
    broken = write(tmp_path, "broken.pdf", b"%PDF-1.4 this is not really a pdf")
    done = []
    extraction = extract_paths([broken, good], progress=lambda i, n, name: done.append((i, n, name)))
    reports = {f.name: f for f in extraction.files}
    assert reports["broken.pdf"].error.startswith("broken.pdf: ") and reports["broken.pdf"].rows == 0
    assert reports["good.txt"].error is None and reports["good.txt"].rows == len(extraction.frame) > 0
    assert set(extraction.frame["doc_id"].astype(str)) == {"good"}
    assert extraction.texts["good"].startswith("吉林市")
    assert done[0] == (0, 2, "broken.pdf") and done[-1] == (2, 2, "")


def test_extract_paths_reports_a_pipeline_failure_per_file(tmp_path, monkeypatch):
    def explode(document):
        raise RuntimeError("boom")

    monkeypatch.setattr(data, "extract_document", explode)
    extraction = extract_paths([write(tmp_path, "a.txt", "文本".encode())])
    assert extraction.files[0].error == "a.txt: extraction failed: RuntimeError: boom"
    assert extraction.frame.empty


# (id, upload, the start of the message, or None when the file is fine)
UPLOAD_CASES = [
    ("fine", Upload("报告.txt", "蓬江区培训干部800人次。".encode()), None),
    ("empty", Upload("空.txt", b"  \n"), "空.txt: the file is empty"),
    ("unknown suffix", Upload("表.xlsx", b"PK"), "表.xlsx: .xlsx cannot be read yet"),
    ("no suffix", Upload("README", b"text"), "README: files without a suffix cannot be read yet"),
    ("too big", Upload("大.txt", b"x" * (uploads.MAX_FILE_BYTES + 1)), f"大.txt: 20.0 MB is over the limit of 20 MB"),
]


@pytest.mark.parametrize("upload, message", [pytest.param(u, m, id=i) for i, u, m in UPLOAD_CASES])
def test_upload_problem(upload, message):
    problem = upload_problem(upload)
    assert problem == message if message is None else problem.startswith(message)


def test_extract_uploads_keeps_order_names_repeats_and_survives_a_broken_file():
    files = [Upload("a.txt", "吉林市发展党员500名。".encode()), Upload("bad.docx", b"not a zip"),
             Upload("a.txt", "蓬江区培训干部800人次。".encode()), Upload("empty.txt", b"")]
    extraction = extract_uploads(files)
    assert [f.name for f in extraction.files] == ["a.txt", "bad.docx", "a-2.txt", "empty.txt"]
    errors = [f.error for f in extraction.files]
    assert errors[0] is None and errors[2] is None
    assert errors[1].startswith("bad.docx: ") and "orgwork-upload" not in errors[1]   # no scratch path shown
    assert errors[3] == "empty.txt: the file is empty"
    assert set(extraction.frame["doc_id"].astype(str)) == {"a", "a-2"}
    assert set(extraction.texts) == {"a", "a-2"}


def test_offered_suffixes_cover_the_issue_formats():
    assert {"txt", "html", "docx", "pdf"} <= set(uploads.offered_suffixes())


@pytest.mark.parametrize("scope, docs", [
    ("all", {"d0_penjiang_2022", "d1_penjiang", "d2_jilin", "d3_corps", "up"}),
    ("uploaded", {"d2_jilin", "up"}),
    ("bundled", {"d0_penjiang_2022", "d1_penjiang", "d2_jilin", "d3_corps"}),
])
def test_combine_scopes_and_replaces_a_reuploaded_document(table, scope, docs):
    uploaded = compact(table[table["doc_id"] == "d2_jilin"].assign(value=1.0))
    uploaded = compact(pd.concat([uploaded.astype(str).astype(object),
                                  uploaded.iloc[:1].astype(str).assign(doc_id="up")], ignore_index=True))
    combined = combine(table, uploaded, scope)
    assert set(combined["doc_id"].astype(str)) == docs
    if scope == "all":   # 吉林市's rows come from the upload, once
        jilin = combined[combined["doc_id"] == "d2_jilin"]
        assert len(jilin) == 3 and (jilin["value"] == 1.0).all()


def test_combine_without_uploads_is_the_bundled_table(table):
    assert combine(table, table.iloc[:0], "all") is table


def test_summary_counts(table):
    assert summary(table) == {"documents": 4, "regions": 3, "indicators": 13, "bundles": 2, "formulas": 1}


def test_find_document(docs_dir):
    assert find_document("d2_jilin", docs_dir).text == TEXTS["d2_jilin"]
    assert find_document("missing", docs_dir) is None
    assert find_document("d2_jilin", docs_dir / "nowhere") is None


def test_the_bundled_reports_extract_and_every_row_traces_back():
    """The real pipeline on data/raw: rows for every report, each one's text at its offsets."""
    extraction = load_source(table_source({}))
    assert {f.name for f in extraction.files} == {p.name for p in RAW_DIR.glob("*.txt")}
    assert all(f.error is None for f in extraction.files), [f.error for f in extraction.files]
    frame = extraction.frame
    assert frame["doc_id"].nunique() == len(extraction.files)
    for row in frame.itertuples():
        assert extraction.texts[row.doc_id][row.start:row.end] == row.text


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_read_compact_agrees_with_the_extractions_reader(tmp_path, suffix):
    from extract.table import read_table, rows_to_frame, write_table

    from .conftest import fixture_rows

    path = write_table(rows_to_frame(fixture_rows()), tmp_path / f"table{suffix}")
    fast, reference = data.read_compact(path), compact(read_table(path))
    assert list(fast.columns) == list(reference.columns)
    assert fast.dtypes.to_dict() == reference.dtypes.to_dict()
    assert fast.astype(object).equals(reference.astype(object))


def test_regions_sharing_a_name_are_told_apart_by_the_place_above_them():
    rows = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"], "kind": "indicator", "value": 1.0,
        "region": ["朝阳区", "朝阳区", "城关镇", "城关镇"],
        "province": ["北京市", "吉林省", "", "甘肃省"], "city": ["北京市", "长春市", "", "兰州市"],
        "county": ["", "", "", "榆中县"],
    })
    regions = compact(rows)["region"].astype(str).tolist()
    assert regions == ["朝阳区（北京市）", "朝阳区（长春市）", "城关镇（位置未定）", "城关镇（榆中县）"]


def test_a_region_with_a_name_of_its_own_keeps_it():
    rows = pd.DataFrame({"doc_id": ["a", "b"], "kind": "indicator", "value": 1.0, "region": ["蓬江区", "蓬江区"],
                         "province": "广东省", "city": "江门市", "county": ""})
    assert compact(rows)["region"].astype(str).tolist() == ["蓬江区", "蓬江区"]
