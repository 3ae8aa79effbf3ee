"""Like-for-like comparison: which value stands for a locality, medians, years, and the source line."""
import doctest
from pathlib import Path

import pandas as pd
import pytest

from dashboard import compare, measures, numbers
from dashboard.filters import Selection, filter_table


def test_measure_options_group_by_pillar_and_count_localities(table):
    options = compare.measure_options(table)
    assert list(options["measure"]) == ["cadre_training_attendance", "party_members_recruited",
                                        "talents_introduced", "talent_housing", "talent_funding"]
    assert dict(zip(options["measure"], options["regions"]))["talent_housing"] == 2
    assert "other" not in set(options["measure"])              # other stays on the Other indicators page
    assert options["label"].iloc[0] == "干部培训人次 (Cadre training attendance)"


def test_a_locality_is_shown_by_its_latest_documents_first_statement(table):
    rows = compare.measure_rows(table, "cadre_training_attendance")
    shown = compare.headline(rows, "人次")
    assert list(shown["region"]) == ["蓬江区", "新疆生产建设兵团第十一师"]       # largest first
    penjiang = shown.iloc[0]
    assert (penjiang["value"], penjiang["year"], penjiang["value_text"]) == (12000, 2023, "1.2万余人次")
    assert (penjiang["statements"], penjiang["documents"]) == (3, 2)
    assert penjiang["doc_title"] == "蓬江区党建工作报告"


def test_within_a_document_the_first_statement_is_shown(table):
    rows = compare.measure_rows(table, "cadre_training_attendance", years=(2022, 2022))
    shown = compare.headline(rows, "人次").set_index("region")
    assert shown.loc["蓬江区", "value"] == 9000        # not the 300人次 stated after it


def test_every_statement_is_listed_with_the_shown_one_marked(table):
    rows = compare.measure_rows(table, "cadre_training_attendance")
    statements = compare.all_statements(rows, "人次", compare.headline(rows, "人次"))
    assert list(zip(statements["region"], statements["value"], statements["shown"])) == [
        ("蓬江区", 12000, True), ("蓬江区", 9000, False), ("蓬江区", 300, False),
        ("新疆生产建设兵团第十一师", 800, True)]
    assert statements["source"].iloc[0].startswith("sources?doc=d1_penjiang&at=")


def test_units_of_one_measure_are_never_mixed(table):
    rows = compare.measure_rows(table, "talents_introduced")
    assert compare.measure_units(rows).to_dict() == {"名": 1, "人": 1}
    assert set(compare.headline(rows, "名")["unit"]) == {"名"}
    assert list(compare.headline(rows, "人")["region"]) == ["吉林市"]


def test_the_sidebar_filter_reaches_the_comparison(table):
    rows = compare.measure_rows(filter_table(table, Selection(regions=("吉林市",))), "talent_housing")
    assert compare.headline(rows, "套").empty


def test_over_time_keeps_localities_with_several_years(table):
    series = compare.over_time(compare.measure_rows(table, "talent_housing"), "套")
    assert list(zip(series["region"], series["year"], series["value"])) == [("蓬江区", 2022, 5000), ("蓬江区", 2023, 7430)]


def test_region_profile_sets_each_value_against_the_others_median(table):
    profile = compare.region_profile(table, "蓬江区").set_index("measure")
    assert set(profile.index) == {"cadre_training_attendance", "talent_funding", "talent_housing", "talents_introduced"}
    housing = profile.loc["talent_housing"]
    assert (housing["value"], housing["others"], housing["others_median"]) == (7430, 1, 120)
    assert profile.loc["talent_funding", "value_text"] == "37亿元" and profile.loc["talent_funding", "others"] == 0
    assert profile.loc["talents_introduced", "value_text"] == "近100名"   # 2023's 近百名, not 2022's 60名


def test_documents_are_named_by_title_publisher_and_date(table):
    docs = compare.documents_of(table)
    assert list(docs["doc_id"])[:1] == ["d1_penjiang"]                    # latest first
    first = docs.iloc[0]
    assert (first["doc_title"], first["doc_publisher"], first["doc_url"]) == (
        "蓬江区党建工作报告", "中共江门市蓬江区委组织部", "https://example.cn/pj-2023")


def test_source_line_names_the_documents_behind_a_chart(table):
    rows = compare.measure_rows(table, "talent_housing")
    line = compare.source_line(compare.headline(rows, "套"))
    assert line == "来源 Source: 《蓬江区党建工作报告》(中共江门市蓬江区委组织部, 2023-12-28)；《十一师人才工作》(2022)"


# (id, value, as a table cell shows it)
AMOUNT_CASES = [
    ("yi", 3.7e9, "37亿"), ("wan", 12000, "1.2万"), ("not exact in yi", 123456789, "123,456,789"),
    ("small", 7430, "7430"), ("bundle N", 4.0, "4"), ("fraction", 2.5, "2.5"), ("none", None, ""),
    ("nan", float("nan"), ""), ("wan, four decimals", 12345, "1.2345万"),
]


@pytest.mark.parametrize("value, text", [pytest.param(v, t, id=i) for i, v, t in AMOUNT_CASES])
def test_cn_amount_writes_large_values_in_full_or_in_wan_yi(value, text):
    assert numbers.cn_amount(value) == text


@pytest.mark.parametrize("value, unit, qualifier, text", [
    (12000, "人次", ">", "1.2万余人次"), (100, "名", "<", "近100名"), (300, "人", "~", "约300人"),
    (3.7e9, "元", "=", "37亿元"), (None, "", "=", ""),
], ids=["more", "nearly", "about", "exact", "formula"])
def test_value_text_reads_as_a_report_writes(value, unit, qualifier, text):
    assert numbers.value_text(value, unit, qualifier) == text


def test_measures_are_the_shared_spec_byte_for_byte():
    ours = Path(__file__).resolve().parents[2] / "extract" / "resources" / "measures.yaml"
    shared = Path("/work/shared/spec/measures.yaml")
    if not shared.exists():
        pytest.skip("the shared spec is not on this machine")
    assert ours.read_bytes() == shared.read_bytes()


def test_every_measure_has_names_a_pillar_and_units_but_other():
    known = measures.measures()
    assert "other" in known and not known["other"].units
    for code, measure in known.items():
        assert measure.zh and measure.en and measure.pillar, code
        assert measure.units or code == "other", code
    assert measures.measure_label("unknown_code") == "unknown_code"


@pytest.mark.parametrize("module", [compare, measures, numbers], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
