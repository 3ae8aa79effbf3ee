"""The tidy table: its columns, types, and every format written and read back alike."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from extract.pipeline import extract_text
from extract.table import CONTRACT_COLUMNS, COLUMNS, read_table, rows_to_frame, write_table

SPEC_CONTRACT = ["doc_id", "region", "province", "region_level", "pillar", "kind", "label", "measure",
                 "value", "unit", "qualifier", "text", "start", "end", "sentence"]
SHARED_SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "TIDY_TABLE.md"


@pytest.fixture(scope="module")
def frame():
    text = "汽开区投资37亿元建设7430套人才公寓，实施强基、铸魂“两项工程”，坚决做到“两个维护”。"
    return rows_to_frame(extract_text(text, "demo").rows)


def test_contract_columns_are_the_specs_in_order():
    assert CONTRACT_COLUMNS == SPEC_CONTRACT
    assert COLUMNS[:len(SPEC_CONTRACT)] == SPEC_CONTRACT


@pytest.mark.skipif(not SHARED_SPEC.exists(), reason=f"the shared spec {SHARED_SPEC} is not here")
def test_contract_is_the_shared_specs_table():
    """The column table of ../shared/spec/TIDY_TABLE.md, `start`, `end` split in two."""
    names = re.findall(r"^\| (`[^|]+`) \|", SHARED_SPEC.read_text(encoding="utf-8"), flags=re.M)
    spec = [name for cell in names for name in re.findall(r"`(\w+)`", cell)]
    assert spec == SPEC_CONTRACT


def test_all_three_kinds_make_rows(frame):
    assert set(frame["kind"]) == {"indicator", "program_count", "formula"}
    assert frame.loc[frame["kind"] == "formula", "value"].isna().all()


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_round_trip(tmp_path, frame, suffix):
    path = write_table(frame, tmp_path / f"table{suffix}")
    back = read_table(path)
    assert list(back.columns) == COLUMNS
    pd.testing.assert_frame_equal(back.astype(frame.dtypes.to_dict()), frame, check_categorical=False)


def test_csv_has_a_bom_for_excel(tmp_path, frame):
    path = write_table(frame, tmp_path / "table.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_unknown_format_is_refused_and_nothing_written(tmp_path, frame):
    with pytest.raises(ValueError, match="unsupported table format"):
        write_table(frame, tmp_path / "table.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_table(tmp_path, frame, monkeypatch):
    path = write_table(frame, tmp_path / "table.csv")
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", crash)
    with pytest.raises(RuntimeError):
        write_table(frame, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]


def test_empty_text_columns_read_back_as_empty_strings():
    frame = rows_to_frame([{"doc_id": "a", "start": 0, "end": 1, "value": 1.0}])
    assert frame.loc[0, "scope"] == ""
    assert not frame.loc[0, "members_mismatch"]


def test_a_written_table_follows_the_umask(tmp_path, frame):
    previous = os.umask(0o022)
    try:
        path = write_table(frame, tmp_path / "table.csv")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o644      # not mkstemp's private 0600


def test_parquet_categories_read_back_sorted(tmp_path, frame):
    back = read_table(write_table(frame, tmp_path / "table.parquet"))
    categories = list(back["kind"].cat.categories)
    assert categories == sorted(categories)
