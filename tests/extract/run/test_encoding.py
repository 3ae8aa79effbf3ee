"""Rows encoded without pandas are byte for byte what pandas wrote (to_csv, to_json) from the same rows."""
from __future__ import annotations

import os
import random

import pytest

from extract.run.encoding import encode_csv, encode_jsonl, encode_rows, json_float
from extract.spreadsheet import safe_frame
from extract.table import rows_to_frame
from tests.extract.run.test_writers import ROWS, make_row

AWKWARD_TEXT = ["", "=SUM(A1)", "-", "'=x", "@", "\t缩进", "a/b", 'say "hi"', "逗号,分号;", "line\nbreak",
                "\r\n", "\x01\x1f\x7f", "\u2028", "反斜杠\\", "'", "emoji 😀", " lead", "None", "nan"]
AWKWARD_NUMBERS = [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, -3.9, 12000.0, 3.7e9, 1e15, 1e16, 9999999999999998.0,
                   1.5e17, 1e-5, 1e-15, 1e-16, 0.00012345678901, 123456789.123456789, 22.585001, 0.99999999999,
                   0.95, 5e-11, 4.5e-11, 1.25e-10, 2 ** 53, float("nan"), None, 7, "12", "x"]


def awkward_rows() -> list[dict]:
    rows = []
    pick = random.Random(3)
    for i in range(400):
        row = make_row(i)
        row["sentence"] = pick.choice(AWKWARD_TEXT) + row["sentence"]
        row["label"] = pick.choice(AWKWARD_TEXT)
        row["value"] = pick.choice(AWKWARD_NUMBERS)
        row["latitude"] = pick.choice([None, pick.uniform(-90, 90), round(pick.uniform(18, 53), 6)])
        row["longitude"] = pick.uniform(-1e6, 1e6) * 10 ** pick.randint(-20, 14)
        row["year"] = pick.choice([None, 2023, 2023.0, float("nan")])
        row["members_mismatch"] = pick.choice([True, False, None, "true", 1, 0])
        row["doc_date"] = pick.choice([None, "2023-05-01", float("nan")])
        rows.append(row)
    return rows


CASES = {"writer test rows": ROWS, "awkward cells": awkward_rows(), "no rows": []}


@pytest.mark.parametrize("rows", CASES.values(), ids=CASES.keys())
def test_csv_is_what_pandas_wrote(rows):
    expected = safe_frame(rows_to_frame(rows)).to_csv(index=False, header=False, lineterminator=os.linesep)
    assert encode_csv(rows) == expected


@pytest.mark.parametrize("rows", CASES.values(), ids=CASES.keys())
def test_jsonl_is_what_pandas_wrote(rows):
    expected = rows_to_frame(rows).to_json(orient="records", lines=True, force_ascii=False) if rows else ""
    assert encode_jsonl(rows) == expected


def test_json_floats_match_pandas_on_many_magnitudes():
    import pandas as pd

    pick = random.Random(11)
    values = [pick.uniform(-1, 1) * 10 ** pick.randint(-18, 18) for _ in range(5000)]
    values += [round(v, pick.randint(0, 8)) for v in values[:2000]]
    expected = pd.Series(values).to_json(orient="values")[1:-1].split(",")
    assert [json_float(v) for v in values] == expected


def test_parquet_rows_are_left_as_dicts_and_empty_rows_unencoded():
    assert encode_rows(ROWS[:2], ".parquet") == ROWS[:2]
    assert encode_rows([], ".csv") == []
    encoded = encode_rows(ROWS[:3], ".csv")
    assert len(encoded) == 3 and encoded.text.count(os.linesep) >= 3
