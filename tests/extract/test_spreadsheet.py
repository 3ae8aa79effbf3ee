"""CSV formula injection: the command line's CSV cannot run in a spreadsheet, and reads back exactly."""
from __future__ import annotations

import csv
import importlib.util
import io
from pathlib import Path

import pandas as pd
import pytest

from extract import cli
from extract.spreadsheet import FORMULA_STARTS, restore_cell, safe_cell
from extract.table import read_table, rows_to_frame, write_table

SCORER = Path("/work/shared/eval/score.py")

# (id, cell as extracted, cell as written)
CELLS = [
    ("equals", '=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("plus", "+1+1", "'+1+1"),
    ("minus", "-2+3", "'-2+3"),
    ("at", "@SUM(A1)", "'@SUM(A1)"),
    ("tab", "\t=1", "'\t=1"),
    ("carriage return", "\r=1", "'\r=1"),
    ("already escaped", "'=1", "''=1"),
    ("apostrophe only", "'引号'", "'引号'"),
    ("qualifier code", "=", "="),
    ("other qualifier codes", ">", ">"),
    ("plain chinese", "人才公寓", "人才公寓"),
    ("inner equals", "a=b", "a=b"),
    ("empty", "", ""),
]


@pytest.mark.parametrize("cell, written", [pytest.param(c, w, id=i) for i, c, w in CELLS])
def test_cells_are_made_inert_and_restored(cell, written):
    assert safe_cell(cell) == written
    assert restore_cell(written) == cell


def test_every_text_column_round_trips_through_csv(tmp_path):
    row = {"doc_id": "=cmd|' /C calc'!A0", "label": "-人才", "qualifier": "=", "text": "@1", "start": 0,
           "end": 2, "sentence": "+全区培训1200人次", "value": -3.0, "members": "'=x"}
    path = write_table(rows_to_frame([row]), tmp_path / "t.csv")
    raw = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for column, value in raw.items():
        if column not in ("qualifier", "value"):
            assert not value.startswith(FORMULA_STARTS), column
    assert raw["qualifier"] == "=" and raw["value"] == "-3.0"
    back = read_table(path).iloc[0]
    for column, value in row.items():
        assert back[column] == value, column


def test_the_cli_csv_has_no_live_formula_and_the_scorer_reads_the_qualifier(tmp_path):
    report = tmp_path / "=HYPERLINK(1).txt"
    report.write_text("蓬江区组织工作\n-全区培训干部1200人次。\n=建成人才公寓7430套。\n", encoding="utf-8")
    out = tmp_path / "table.csv"
    status = cli.main([str(report), "--out", str(out), "--quiet"], stderr=io.StringIO())
    assert status == cli.EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows
    for row in rows:
        live = {k: v for k, v in row.items() if v.startswith(FORMULA_STARTS) and k != "qualifier"}
        assert not live, live
    assert {row["qualifier"] for row in rows} == {"="}
    table = read_table(out)
    assert set(table["doc_id"]) == {"=HYPERLINK(1)"}
    assert any(s.startswith("-全区") for s in table["sentence"])
    if SCORER.exists():
        spec = importlib.util.spec_from_file_location("shared_score", SCORER)
        score = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(score)
        assert {row["qualifier"] for row in score.load_predictions(str(out))} == {"="}


def test_jsonl_and_parquet_keep_cells_as_they_are(tmp_path):
    frame = rows_to_frame([{"doc_id": "d", "label": "=x", "qualifier": "=", "start": 0, "end": 1}])
    for suffix in (".jsonl", ".parquet"):
        assert read_table(write_table(frame, tmp_path / f"t{suffix}"))["label"].tolist() == ["=x"]
    assert pd.read_json(tmp_path / "t.jsonl", lines=True)["label"].tolist() == ["=x"]
