"""TableWriter streams the same table write_table writes whole, in every format, atomically."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extract.table import CATEGORY_COLUMNS, read_table, rows_to_frame, write_table
from extract.run.writers import TableWriter, UnsupportedFormat, check_format
from tests.tables import assert_same_table


def make_row(i: int) -> dict:
    """A row with every awkward value: quotes, commas and a line break, missing numbers, a bool."""
    return {
        "doc_id": f"doc{i % 3}", "region": ["蓬江区", "未识别"][i % 2], "province": "广东省",
        "region_level": "district", "pillar": ["talent", "cadres", "general"][i % 3], "kind": "indicator",
        "label": "人才公寓", "value": [1.5, None, 12000.0][i % 3], "unit": "套", "qualifier": ">",
        "text": "1.2万余套", "start": i, "end": i + 6, "sentence": '建成"人才公寓",共1.2万余套\n（新）',
        "city": "江门市", "latitude": 22.6, "longitude": None, "year": [2023, None][i % 2], "doc_date": "",
        "scope": "", "members": "甲、乙", "members_mismatch": i % 4 == 0, "pillar_en": "Talent",
        "pillar_zh": "人才工作",
    }


ROWS = [make_row(i) for i in range(250)]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_streamed_table_reads_back_as_the_whole_one(tmp_path, suffix):
    whole = write_table(rows_to_frame(ROWS), tmp_path / f"whole{suffix}")
    with TableWriter(tmp_path / f"streamed{suffix}", batch_rows=40) as writer:
        for start in range(0, len(ROWS), 7):
            writer.write(ROWS[start:start + 7])
    assert writer.rows_written == len(ROWS)
    assert_same_table(read_table(tmp_path / f"streamed{suffix}"), read_table(whole))
    if suffix != ".parquet":
        assert (tmp_path / f"streamed{suffix}").read_bytes() == whole.read_bytes()


def test_parquet_has_a_row_group_per_batch_and_dictionary_columns(tmp_path):
    with TableWriter(tmp_path / "t.parquet", batch_rows=100) as writer:
        writer.write(ROWS)
        writer.write(ROWS)
    parquet = pq.ParquetFile(tmp_path / "t.parquet")
    assert parquet.metadata.num_rows == 2 * len(ROWS)
    assert parquet.metadata.num_row_groups == 2          # flushed at 250 and at the end
    schema = parquet.schema_arrow
    assert all(str(schema.field(c).type).startswith("dictionary") for c in CATEGORY_COLUMNS)
    assert isinstance(read_table(tmp_path / "t.parquet")["region"].dtype, pd.CategoricalDtype)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_an_empty_table_still_has_its_columns(tmp_path, suffix):
    with TableWriter(tmp_path / f"t{suffix}"):
        pass
    table = read_table(tmp_path / f"t{suffix}")
    assert len(table) == 0 and list(table.columns) == list(rows_to_frame([]).columns)


def test_an_error_inside_the_block_leaves_the_old_table(tmp_path):
    out = tmp_path / "t.parquet"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with TableWriter(out, batch_rows=10) as writer:
            writer.write(ROWS)
            raise RuntimeError("crash")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.parquet"]


def test_the_table_gets_ordinary_permissions(tmp_path):
    with TableWriter(tmp_path / "t.csv") as writer:
        writer.write(ROWS[:1])
    assert (tmp_path / "t.csv").stat().st_mode & 0o044 == 0o044      # not mkstemp's 0600


@pytest.mark.parametrize("name", ["t.xlsx", "t", "t.csv.gz"])
def test_unknown_formats_are_refused_before_anything_is_written(tmp_path, name):
    with pytest.raises(UnsupportedFormat):
        TableWriter(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_check_format_ignores_case():
    assert check_format("T.PARQUET") == ".parquet"


def test_parquet_row_groups_are_built_without_pandas_yet_byte_identical(tmp_path):
    """Arrow columns built from the rows give the file the frame path gave, awkward cells included."""
    import io

    from extract.run.writers import arrow_batch, parquet_batch, parquet_schema
    from tests.extract.run.test_encoding import awkward_rows

    def parquet_bytes(table) -> bytes:
        buffer = io.BytesIO()
        with pq.ParquetWriter(buffer, parquet_schema()) as writer:
            writer.write_table(table)
        return buffer.getvalue()

    for rows in (ROWS, awkward_rows()):
        assert parquet_bytes(arrow_batch(rows)) == parquet_bytes(parquet_batch(rows_to_frame(rows)))
