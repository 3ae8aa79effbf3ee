"""Traditional-character reports are read through a simplified view with the same offsets."""
from __future__ import annotations

import pytest

from extract.attribute.lexicon import dictionary_path
from extract.pipeline import extract_text
from extract.read.script import derive_markers, is_traditional, simplified_view
from extract.resources import resource_path

SIMPLIFIED = ("中共大连市委组织部\n大连市着眼基层治理，全市共有基层党组织3万个，"
              "累计培训党员干部1.2万余人次，实施“四项工程”，显著提升组织力。")
TRADITIONAL = ("中共大連市委組織部\n大連市著眼基層治理，全市共有基層黨組織3萬個，"
               "累計培訓黨員幹部1.2萬餘人次，實施“四項工程”，顯著提升組織力。")


@pytest.mark.parametrize("text,expected", [
    (TRADITIONAL, True),
    (SIMPLIFIED, False),
    ("於是他著手准备", False),                       # 於, 著: common in simplified text too
    ("本报讯 蓬江区召开会议，引用台湾报道“國”字一处。", False),   # one quoted character is no script
    ("", False),
], ids=["traditional report", "simplified report", "shared characters", "one quoted character", "empty"])
def test_is_traditional(text, expected):
    assert is_traditional(text) is expected


def test_the_view_is_simplified_and_as_long_as_the_text():
    view = simplified_view(TRADITIONAL)
    assert len(view) == len(TRADITIONAL)
    assert "大连市" in view and "基层党组织3万个" in view


def test_a_simplified_text_is_its_own_view():
    assert simplified_view(SIMPLIFIED) is SIMPLIFIED


def test_a_traditional_report_gives_the_rows_of_its_simplified_twin_in_its_own_characters():
    rows = extract_text(TRADITIONAL, "t").rows
    twin = extract_text(SIMPLIFIED, "s").rows
    assert [(r["region"], r["kind"], r["value"], r["unit"], r["start"]) for r in rows] == \
        [(r["region"], r["kind"], r["value"], r["unit"], r["start"]) for r in twin]
    assert rows[0]["region"] == "大连市"
    for row in rows:
        assert row["text"] == TRADITIONAL[row["start"]:row["end"]]
        assert row["sentence"] == TRADITIONAL[row["sentence_start"]:row["sentence_end"]]
    assert any(row["text"] == "1.2萬餘人次" for row in rows)


def test_the_marker_resource_matches_its_sources():
    stored = "".join(line for line in resource_path("traditional_markers.txt").read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))
    with open(dictionary_path(), encoding="utf-8") as lines:
        assert stored == derive_markers(lines)
