"""The method page's content: explanations read from the extraction's resources, scores computed."""
import pytest

from dashboard import method
from dashboard.data import GOLD_PATH, load_source, table_source


def test_tables_explain_every_kind_pillar_and_qualifier():
    assert list(method.kinds_table()["code"]) == ["indicator", "program_count", "formula"]
    pillars = method.pillars_table()
    assert len(pillars) == 7 and pillars["cue words"].str.len().min() > 0
    words = method.qualifier_words()
    assert "余" in words[">"] and "近" in words["<"] and "左右" in words["~"]


def test_table_rows_are_plain_values(table):
    rows = method.table_rows(table, {"d2_jilin"})
    assert len(rows) == 3 and isinstance(rows[0]["region"], str)
    assert all(r["value"] is None or isinstance(r["value"], float) for r in rows)


def test_measure_scores_the_bundled_extraction_against_the_gold():
    pytest.importorskip("extract.evaluate", reason="the extraction's scorer is not in this checkout")
    gold = method.load_gold(GOLD_PATH)
    metrics, misses, false_alarms = method.measure(load_source(table_source({})).frame, gold)
    quality = method.quality_table(metrics)
    assert quality["precision"].between(0, 1).all() and quality["recall"].between(0, 1).all()
    assert metrics["counts"]["ind_tp"] > 0
    assert set(method.accuracy_table(metrics)["value"].dropna().between(0, 1)) == {True}


def test_measure_counts_a_wrong_table_as_wrong():
    pytest.importorskip("extract.evaluate", reason="the extraction's scorer is not in this checkout")
    gold = method.load_gold(GOLD_PATH)
    frame = load_source(table_source({})).frame
    metrics, *_ = method.measure(frame.iloc[:0], gold)
    assert metrics["indicator_recall"] == 0
