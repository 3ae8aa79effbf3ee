"""CSV downloads: BOM and UTF-8 for Excel, formula-safe text cells, numbers left as numbers."""
import csv
import io

import pandas as pd
import pytest

from dashboard import aggregate
from dashboard.downloads import BOM, csv_bytes, file_name, safe_cell
from dashboard.filters import Selection, filter_table
from tests.extract.test_spreadsheet import CELLS   # (id, cell as extracted, cell as written): one rule, one table


def read_back(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_starts_with_a_bom_and_keeps_the_chinese(table):
    data = csv_bytes(table)
    assert data.startswith(BOM.encode("utf-8"))
    rows = read_back(data)
    assert len(rows) == len(table) and rows[0]["region"] == "蓬江区" and rows[0]["text"] == "9000人次"




@pytest.mark.parametrize("cell, written", [pytest.param(c, w, id=i) for i, c, w in CELLS])
def test_text_cells_cannot_start_a_formula(cell, written):
    assert safe_cell(cell) == written
    frame = pd.DataFrame({"label": [cell], "category": pd.Categorical([cell])})
    row = read_back(csv_bytes(frame))[0]
    assert row["label"] == written and row["category"] == written


def test_numbers_stay_numbers():
    frame = pd.DataFrame({"value": [-3.5, 12000.0, None], "mentions": [1, -2, 3], "flag": [True, False, True]})
    rows = read_back(csv_bytes(frame))
    assert [r["value"] for r in rows] == ["-3.5", "12000.0", ""]
    assert [r["mentions"] for r in rows] == ["1", "-2", "3"]


def test_csv_bytes_leaves_its_input_alone():
    frame = pd.DataFrame({"label": ["=x"]})
    csv_bytes(frame)
    assert frame["label"].tolist() == ["=x"]


def test_the_chart_csv_after_a_region_filter_has_only_that_region(table):
    rows = filter_table(table, Selection(regions=("蓬江区",)))
    written = read_back(csv_bytes(aggregate.indicator_points(rows, "talent", "套")))
    assert [(r["region"], r["value"], r["unit"]) for r in written] == [("蓬江区", "5000.0", "套"), ("蓬江区", "7430.0", "套")]


@pytest.mark.parametrize("parts, name", [
    (("indicators", "talent", "套"), "indicators_talent_套.csv"),
    (("orgwork", "regions: 吉林市; kinds: a/b"), "orgwork_regions-吉林市;-kinds-a-b.csv"),
    (("orgwork", ""), "orgwork.csv"),
])
def test_file_name(parts, name):
    assert file_name(*parts) == name


@pytest.mark.parametrize("code", ["=", ">", "<", "~"])
def test_qualifier_codes_survive_the_csv(code):
    """A lone = cannot compute anything: it is kept, so filtering the column on = finds its rows."""
    frame = pd.DataFrame({"qualifier": pd.Categorical([code]), "label": [code + "1+1"]})
    row = read_back(csv_bytes(frame))[0]
    assert row["qualifier"] == code
    assert row["label"] == (code + "1+1" if code not in "=" else "'=1+1")


def test_the_compare_csv_keeps_value_unit_qualifier_and_document(table):
    from dashboard import compare

    rows = compare.measure_rows(table, "cadre_training_attendance")
    shown = compare.headline(rows, "人次")
    written = read_back(csv_bytes(compare.all_statements(rows, "人次", shown)))
    assert [(r["region"], r["value"], r["qualifier"], r["value_text"]) for r in written][:2] == [
        ("蓬江区", "12000.0", ">", "1.2万余人次"), ("蓬江区", "9000.0", "=", "9000人次")]
    assert written[0]["doc_title"] == "蓬江区党建工作报告" and written[0]["doc_url"] == "https://example.cn/pj-2023"
