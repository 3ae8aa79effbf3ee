"""Every page through Streamlit's AppTest, on the fixture table (offline, fast).

AppTest sees a Plotly chart as an unknown element whose JSON spec is readable,
and a download button without its bytes: the tests read the chart spec, the
table and the download button's row count here, and test_downloads.py checks
the bytes the button is given.
"""
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import plain

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"
PAGES = ["overview", "compare", "profile", "indicators", "programmes", "sources", "upload", "method"]
TIMEOUT = 60     # seconds; the method page extracts and scores the bundled reports once


def page_path(name: str) -> str:
    return f"dashboard/pages/{name}.py"


@pytest.fixture
def app(app_env) -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=TIMEOUT)


def open_page(app: AppTest, name: str) -> AppTest:
    app.run()
    if name != "overview":
        app.switch_page(page_path(name)).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def charts(app: AppTest) -> list[dict]:
    return [plain(json.loads(chart.proto.spec)) for chart in app.get("plotly_chart")]


def download_rows(app: AppTest, key: str) -> int:
    label = next(b for b in app.download_button if b.key == key).label
    return int(re.search(r"([\d,]+) rows", label).group(1).replace(",", ""))


@pytest.mark.parametrize("name", PAGES)
def test_page_runs_without_error(app, name):
    open_page(app, name)
    assert app.title, f"{name} has a title"
    assert app.multiselect(key="region").options == ["吉林市", "蓬江区", "新疆生产建设兵团第十一师"]


def test_overview_counts_matrix_and_map(app):
    open_page(app, "overview")
    assert [m.value for m in app.metric] == ["4", "3", "13", "2"]
    matrix, china = charts(app)
    assert matrix["data"][0]["y"] == ["蓬江区", "吉林市", "新疆生产建设兵团第十一师"]
    dots = next(t for t in china["data"] if t.get("mode") == "markers")
    assert len(dots["hovertext"]) == 3
    assert download_rows(app, "matrix_csv") == 6   # region × pillar cells with something in them


def test_region_filter_changes_every_overview_chart(app):
    open_page(app, "overview")
    app.multiselect(key="region").set_value(["吉林市"]).run()
    assert not app.exception
    assert [m.value for m in app.metric] == ["1", "1", "2", "1"]
    matrix, china = charts(app)
    assert matrix["data"][0]["y"] == ["吉林市"]
    dots = next(t for t in china["data"] if t.get("mode") == "markers")
    assert len(dots["hovertext"]) == 1 and dots["hovertext"][0].startswith("<b>吉林市</b>")
    assert download_rows(app, "matrix_csv") == 2


def open_all_indicators(app: AppTest) -> AppTest:
    """The indicators page with the measured numbers included, as it was before measures existed."""
    open_page(app, "indicators")
    app.toggle(key="ind_all").set_value(True).run()
    assert not app.exception
    assert app.selectbox(key="ind_unit").options[0] == "套"      # the most used unit first
    app.selectbox(key="ind_unit").set_value("套").run()
    return app


def test_indicators_open_on_the_numbers_without_a_measure_labelled(app):
    open_page(app, "indicators")
    assert (app.selectbox(key="ind_pillar").value, app.selectbox(key="ind_unit").value) == ("talent", "年")
    (chart,) = charts(app)
    (dot,) = chart["data"]
    assert dot["y"] == ["蓬江区"] and dot["text"] == ["人才驿站获评优秀"]   # what it counts, without hovering
    assert app.dataframe[0].value["value_text"].tolist() == ["3年"]


def test_indicators_open_on_the_biggest_pillar_and_its_commonest_unit(app):
    open_all_indicators(app)
    assert app.selectbox(key="ind_pillar").value == "talent"
    assert app.selectbox(key="ind_unit").value == "套"
    (chart,) = charts(app)
    assert sorted(y for trace in chart["data"] for y in trace["y"]) == ["新疆生产建设兵团第十一师", "蓬江区", "蓬江区"]
    assert "套" in chart["layout"]["xaxis"]["title"]["text"]


def test_region_filter_changes_the_indicator_chart_table_and_download(app):
    open_all_indicators(app)
    assert download_rows(app, "indicator_chart_csv") == 3
    app.multiselect(key="region").set_value(["蓬江区"]).run()
    assert not app.exception
    (chart,) = charts(app)
    assert {y for trace in chart["data"] for y in trace["y"]} == {"蓬江区"}
    table = app.dataframe[0].value
    assert set(table["region"]) == {"蓬江区"} and list(table["value"]) == [5000, 7430]
    assert download_rows(app, "indicator_chart_csv") == 2
    assert table["source"].iloc[1].startswith("sources?doc=d1_penjiang&at=")


def test_unit_choice_keeps_one_unit_per_chart(app):
    open_all_indicators(app)
    app.selectbox(key="ind_unit").set_value("元").run()
    (chart,) = charts(app)
    assert [x for trace in chart["data"] for x in trace["x"]] == [3.7e9]
    assert set(app.dataframe[0].value["unit"]) == {"元"}
    assert app.dataframe[0].value["value_text"].tolist() == ["37亿元"]   # not a float the column cuts


@pytest.mark.parametrize("name", ["overview", "indicators", "programmes"])
def test_a_filter_that_leaves_nothing_says_so(app, name):
    open_page(app, name)
    app.multiselect(key="region").set_value(["吉林市"])
    app.multiselect(key="pillar").set_value(["cadres"]).run()
    assert not app.exception
    assert not app.get("plotly_chart"), "no empty axes"
    assert any("No" in info.value and "match the filters" in info.value for info in app.info)


def test_filters_come_from_the_url(app_env):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["region"] = "吉林市"
    app.query_params["kind"] = ["indicator"]   # the URL holds codes, not what the widget shows
    app.run()
    assert not app.exception
    assert app.multiselect(key="region").value == ["吉林市"]
    assert [m.value for m in app.metric] == ["1", "1", "2", "0"]


def test_clear_filters_brings_everything_back(app):
    open_page(app, "overview")
    app.multiselect(key="region").set_value(["吉林市"]).run()
    app.button[0].click().run()
    assert app.multiselect(key="region").value == []
    assert [m.value for m in app.metric] == ["4", "3", "13", "2"]


def test_programmes_show_bundles_with_members_by_region(app):
    open_page(app, "programmes")
    (chart,) = charts(app)
    bars = {label: n for trace in chart["data"][1:] for label, n in zip(trace["y"][1], trace["x"])}
    assert bars == {"四项工程": 4, "新十条": 10}
    table = app.dataframe[0].value
    assert table.set_index("label").loc["四项工程", "members"] == "强基、铸魂、阵地、领航"
    app.multiselect(key="region").set_value(["吉林市"]).run()
    assert list(app.dataframe[0].value["label"]) == ["新十条"]
    assert download_rows(app, "bundle_chart_csv") == 1


def test_sources_open_on_the_linked_mention(app_env, docs_dir):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    text = (docs_dir / "d1_penjiang.txt").read_text(encoding="utf-8")
    start = text.index("7430套")
    app.query_params.update({"doc": "d1_penjiang", "at": f"{start}-{start + 5}"})
    app.run()
    app.switch_page(page_path("sources")).run()
    assert not app.exception
    assert app.selectbox(key="doc").value == "d1_penjiang"
    assert any("所选提及 Selected mention" in m.value and "人才公寓" in m.value for m in app.markdown)
    shown = " ".join(str(e.proto) for e in app.get("html"))
    assert "selected-mention" in shown


def test_sources_without_the_text_list_the_mentions(app, monkeypatch, tmp_path):
    monkeypatch.setenv("ORGWORK_DOCS", str(tmp_path))
    open_page(app, "sources")
    assert any("is not in this session or the documents folder" in w.value for w in app.warning)
    assert len(app.dataframe[0].value) == 2   # 十一师人才工作, the first title in the picker


def test_upload_extracts_each_file_and_reports_the_broken_one(app):
    open_page(app, "upload")
    app.file_uploader[0].set_value([
        ("上传.txt", "吉林市组织工作\n发展党员500名，引进人才3000余人。".encode(), "text/plain"),
        ("坏.pdf", b"%PDF-1.4 not really", "application/pdf"),
    ]).run()
    assert not app.exception
    assert any(e.value.startswith("坏.pdf: ") for e in app.error)
    results = app.dataframe[0].value
    assert list(results["文件 File"]) == ["上传.txt", "坏.pdf"]
    assert results.set_index("文件 File").loc["坏.pdf", "状态 Status"] == "错误 error"
    assert app.radio(key="scope").value == "all"
    app.radio(key="scope").set_value("uploaded").run()
    assert app.multiselect(key="region").options != ["吉林市", "蓬江区", "新疆生产建设兵团第十一师"]
    assert any(b.key == "download_uploaded" for b in app.download_button)


def test_method_page_shows_computed_scores(app):
    pytest.importorskip("extract.evaluate", reason="the extraction's scorer is not in this checkout")
    open_page(app, "method")
    quality = next(d for d in app.dataframe if d.key == "quality_table" or "precision" in d.value.columns).value
    assert quality["precision"].between(0, 1).all() and quality["recall"].between(0, 1).all()
    assert not any("not available" in w.value for w in app.warning)


def test_a_missing_table_is_named_not_a_traceback(app, monkeypatch, tmp_path):
    monkeypatch.setenv("ORGWORK_TABLE", str(tmp_path / "gone.parquet"))
    app.run()
    assert not app.exception
    assert "gone.parquet" in app.error[0].value


def test_sources_list_the_filtered_documents_and_a_linked_one(app_env):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params.update({"region": "吉林市", "doc": "d1_penjiang"})
    app.run()
    app.switch_page(page_path("sources")).run()
    assert not app.exception
    assert app.selectbox(key="doc").options == ["吉林市组织工作 · d2_jilin", "蓬江区党建工作报告 · d1_penjiang"]
    assert app.selectbox(key="doc").value == "d1_penjiang"


# --- compare and the region profile ---------------------------------------------------------------

def test_compare_offers_measures_with_their_pillar_and_locality_count(app):
    open_page(app, "compare")
    picker = app.selectbox(key="measure")
    assert picker.value == "cadre_training_attendance"
    assert picker.options[0] == "干部队伍建设 › 干部培训人次 (Cadre training attendance) · 2 地区"
    assert app.query_params["measure"] == "cadre_training_attendance"     # the code, not the label


def test_compare_draws_one_bar_per_locality_a_table_of_all_statements_a_map_and_years(app):
    open_page(app, "compare")
    app.selectbox(key="measure").set_value("talent_housing").run()
    assert not app.exception
    bars, china, years = charts(app)
    assert sorted(y for trace in bars["data"] for y in trace["y"]) == ["新疆生产建设兵团第十一师", "蓬江区"]
    assert any(c.value.startswith("来源 Source: 《蓬江区党建工作报告》") for c in app.caption)   # under the chart
    (table,) = [d.value for d in app.dataframe]    # AppTest gives dataframes no key: the table tab's is the only one
    assert list(table["value_text"]) == ["7430套", "5000套", "120套"]           # every statement, 37亿 style
    assert list(table["shown"]) == [True, False, True]
    assert download_rows(app, "compare_chart_csv") == 2
    assert len(next(t for t in china["data"] if t.get("mode") == "markers")["x"]) == 2
    assert [t["name"] for t in years["data"]] == ["蓬江区"]
    assert any("more than once" in c.value for c in app.caption)


def test_compare_asks_for_a_unit_when_a_measure_has_two(app):
    open_page(app, "compare")
    app.selectbox(key="measure").set_value("talents_introduced").run()
    assert sorted(app.selectbox(key="compare_unit").options) == ["人 · 1 地区", "名 · 1 地区"]
    app.selectbox(key="compare_unit").set_value("名").run()
    (bars, *_) = charts(app)
    assert {t for trace in bars["data"] for t in trace["text"]} == {"近100名"}


def test_compare_year_filter_narrows_the_values(app):
    open_page(app, "compare")
    app.select_slider(key="years").set_range(2022, 2022).run()
    assert not app.exception
    (bars, *_) = charts(app)
    assert {y: x for trace in bars["data"] for y, x in zip(trace["y"], trace["x"])} == {
        "蓬江区": 9000, "新疆生产建设兵团第十一师": 800}


def test_compare_opens_on_the_measure_the_url_names(app_env):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["measure"] = "talent_funding"
    app.run()
    app.switch_page(page_path("compare")).run()
    assert app.selectbox(key="measure").value == "talent_funding"
    (bars, *_) = charts(app)
    assert bars["data"][0]["text"] == ["37亿元"] and bars["layout"]["yaxis"]["ticktext"] == ["蓬江区 · 2023"]


def test_an_unknown_measure_in_the_url_is_named(app_env):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["measure"] = "no_such_measure"
    app.run()
    app.switch_page(page_path("compare")).run()
    assert any("measure=no_such_measure" in w.value for w in app.warning)
    assert app.selectbox(key="measure").value == "cadre_training_attendance"


def test_an_unknown_region_in_the_url_is_named(app_env):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["region"] = "不存在"
    app.run()
    assert not app.exception
    assert any("region=不存在" in w.value for w in app.warning)


def test_pillars_are_kept_in_the_url_as_codes(app):
    open_page(app, "overview")
    app.multiselect(key="pillar").set_value(["talent"]).run()
    assert app.query_params["pillar"] == "talent"


def test_profile_sets_each_measure_against_the_median_and_lists_bundles_and_documents(app_env):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["profile"] = "蓬江区"
    app.run()
    app.switch_page(page_path("profile")).run()
    assert not app.exception
    assert app.selectbox(key="profile").value == "蓬江区"
    tables = dict(zip(["profile_table", "profile_bundles", "profile_documents"], [d.value for d in app.dataframe]))
    profile = tables["profile_table"].set_index("measure")
    assert profile.loc["talent_housing", "value_text"] == "7430套"
    assert profile.loc["talent_housing", "others_median_text"] == "120套"
    assert profile.loc["cadre_training_attendance", "source"].startswith("sources?doc=d1_penjiang&at=")
    assert list(tables["profile_bundles"]["n"]) == [4]                        # an integer, not 4.0
    assert list(tables["profile_documents"]["doc_title"]) == ["蓬江区党建工作报告", "蓬江区2022年组织工作总结"]


def test_sources_show_no_none_for_a_formula(app_env):
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    app.query_params["doc"] = "d1_penjiang"
    app.run()
    app.switch_page(page_path("sources")).run()
    mentions = app.dataframe[0].value.set_index("text")
    assert mentions.loc["两个确立", "value_text"] == "" and mentions.loc["四项工程", "value_text"] == "4工程"
    assert any("蓬江区党建工作报告" in c.value and "中共江门市蓬江区委组织部" in c.value for c in app.caption)


def test_overview_names_documents_not_a_server_path(app, app_env):
    open_page(app, "overview")
    caption = app.caption[0].value
    assert "4 份文档 documents" in caption and str(app_env.parent) not in caption and "/" not in caption


def test_the_overview_answers_at_its_own_path():
    """/overview is a page of its own (hidden in the menu), running the same script as the default page."""
    source = APP.read_text(encoding="utf-8")
    assert 'url_path="overview", visibility="hidden"' in source


def test_an_upload_named_as_a_bundled_document_says_it_replaces_it(app):
    open_page(app, "upload")
    app.file_uploader[0].set_value([("d2_jilin.txt", "吉林市组织工作\n发展党员600名。".encode(), "text/plain")]).run()
    assert not app.exception
    assert any("replace the bundled ones of the same name: d2_jilin" in i.value for i in app.info)


@pytest.mark.parametrize("name", ["overview", "compare", "indicators", "programmes"])
def test_every_chart_has_its_source_line_and_a_title_below_the_toolbar(app, name):
    from dashboard.charts import TOOLBAR_HEIGHT

    open_page(app, name)
    if name == "indicators":
        app.toggle(key="ind_all").set_value(True).run()
    drawn = charts(app)
    sources = [c.value for c in app.caption if c.value.startswith("来源 Source: 《")]
    assert drawn and len(sources) >= len(drawn)
    assert all(chart["layout"]["title"]["pad"]["t"] >= TOOLBAR_HEIGHT for chart in drawn)
