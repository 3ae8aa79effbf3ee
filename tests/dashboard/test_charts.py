"""What each chart plots (aggregate), how it is drawn (charts, geo), and the marked source text (sources)."""
import numpy as np
import pandas as pd
import pytest

from dashboard import aggregate, charts, geo, sources
from dashboard.data import compact
from dashboard.filters import Selection, filter_table

from .conftest import plain


def spec(figure) -> dict:
    return plain(figure.to_dict())


# --- the region × pillar matrix ------------------------------------------------------------------

def test_matrix_counts_indicators_and_bundles_per_region_and_pillar(table):
    matrix = aggregate.region_pillar_matrix(table)
    cell = matrix.set_index(["region", "pillar"]).loc[("蓬江区", "cadres")]
    assert (cell["indicators"], cell["bundles"], cell["mentions"]) == (3, 1, 4)   # two 2022 statements, one 2023
    assert "theory" not in set(matrix["pillar"])           # a formula carries no pillar of its own
    assert matrix["region"].iloc[0] == "蓬江区"              # most mentions first
    assert matrix["pillar_name"].iloc[0].endswith(")")      # 中文 (English)


def test_matrix_keeps_the_regions_with_most_mentions(table):
    assert set(aggregate.region_pillar_matrix(table, max_regions=1)["region"]) == {"蓬江区"}


def test_matrix_figure_draws_the_counts_with_chinese_and_english_pillars(table):
    figure = spec(charts.matrix_figure(aggregate.region_pillar_matrix(table)))
    heatmap = figure["data"][0]
    assert heatmap["y"] == ["蓬江区", "吉林市", "新疆生产建设兵团第十一师"]
    assert heatmap["x"] == ["干部", "基层", "人才"]                   # short, so a phone shows them upright
    assert heatmap["customdata"][0][0][2] == "干部队伍建设 (Cadres)"   # the full name in the hover
    assert sum(map(sum, heatmap["z"])) == 15


# --- indicators -----------------------------------------------------------------------------------

def test_indicator_points_are_one_pillar_one_unit_one_row_per_mention(table):
    points = aggregate.indicator_points(table, "talent", "套")
    assert list(points["region"]) == ["新疆生产建设兵团第十一师", "蓬江区", "蓬江区"]
    assert list(points["value"]) == [120, 5000, 7430]
    assert set(points["mentions"]) == {1}
    assert {"doc_id", "start", "end", "sentence", "text"} <= set(points.columns)


def test_indicator_points_aggregate_beyond_the_cap(table):
    big = compact(pd.concat([table.astype(str).astype(object)] * 30, ignore_index=True)
                  .assign(value=lambda f: pd.to_numeric(f["value"], errors="coerce")))
    points = aggregate.indicator_points(big, "talent", "套", max_points=10)
    assert len(points) == 2 and set(points["mentions"]) == {30, 60}
    assert points.set_index("region").loc["蓬江区", "value"] == (5000 + 7430) / 2   # the median of 蓬江区's


def test_indicator_units_and_pillars(table):
    assert aggregate.indicator_units(table, "talent").to_dict() == {"套": 3, "名": 2, "元": 1, "人": 1, "年": 1}
    assert list(aggregate.indicator_pillars(table).index) == ["cadres", "grassroots", "talent"]


def test_indicator_figure_hover_shows_label_qualifier_and_sentence(table):
    figure = spec(charts.indicator_figure(aggregate.indicator_points(table, "cadres", "人次")))
    traces = {trace["name"]: trace for trace in figure["data"]}
    assert set(traces) == {"= 确数 (exact)", "> 余/多/超 (more than)", "~ 约/左右 (about)"}
    more = traces["> 余/多/超 (more than)"]
    assert more["y"] == ["蓬江区"] and more["x"] == [12000]
    hover = more["hovertext"][0]
    for shown in ("<b>干部轮训</b>", "12,000 人次 (>)", "原文 text: 1.2万余人次", "全年轮训干部", "d1_penjiang"):
        assert shown in hover
    assert "人次" in figure["layout"]["xaxis"]["title"]["text"]


def test_indicator_figure_points_back_to_its_rows(table):
    points = aggregate.indicator_points(table, "talent", "套")
    figure = spec(charts.indicator_figure(points))
    for trace in figure["data"]:
        for row, x in zip(trace["customdata"], trace["x"]):
            assert points.iloc[row]["value"] == x


def test_indicator_figure_refuses_two_units(table):
    rows = pd.concat([aggregate.indicator_points(table, "talent", "套"),
                      aggregate.indicator_points(table, "talent", "元")])
    with pytest.raises(ValueError, match="one unit per chart"):
        charts.indicator_figure(rows)


@pytest.mark.parametrize("figure_of", [charts.indicator_figure, charts.matrix_figure, charts.bundle_figure])
def test_figures_refuse_to_draw_empty_axes(table, figure_of):
    with pytest.raises(ValueError, match="nothing to plot"):
        figure_of(table.iloc[:0])


@pytest.mark.parametrize("values, axis_type", [([120, 7430], "linear"), ([100, 3.7e9], "log"), ([0, 5000], "linear")])
def test_value_axis_turns_log_for_wide_spreads(values, axis_type):
    points = pd.DataFrame({"region": ["a", "b"], "label": "x", "value": values, "unit": "元", "qualifier": "=",
                           "text": "t", "sentence": "s", "doc_id": "d", "mentions": 1, "start": 0, "end": 1,
                           "pillar": "talent"})
    axis = spec(charts.indicator_figure(points))["layout"]["xaxis"]
    assert axis["type"] == axis_type
    if axis_type == "log":
        assert "37亿" not in axis["ticktext"] and "10亿" in axis["ticktext"]


@pytest.mark.parametrize("value, text", [(3.7e9, "37亿"), (1e8, "1亿"), (12000, "1.2万"), (7430, "7430"), (0, "0")])
def test_cn_number(value, text):
    assert charts.cn_number(value) == text


# --- programme bundles ----------------------------------------------------------------------------

def test_bundles_one_row_per_region_and_name_with_members(table):
    found = aggregate.bundles(table)
    assert list(found["label"]) == ["新十条", "四项工程"]
    four = found.set_index("label").loc["四项工程"]
    assert (four["value"], four["unit"], four["members"], four["documents"]) == (4, "工程", "强基、铸魂、阵地、领航", 1)


def test_bundles_count_a_repeated_bundle_once_per_region(table):
    twice = compact(pd.concat([table.astype(str).astype(object)] * 2, ignore_index=True)
                    .assign(value=lambda f: pd.to_numeric(f["value"], errors="coerce"),
                            members_mismatch=False))
    assert len(aggregate.bundles(twice)) == 2


def test_bundle_figure_groups_bars_by_region_and_colours_by_pillar(table):
    figure = spec(charts.bundle_figure(aggregate.bundles(table)))
    names = {trace.get("name") for trace in figure["data"] if trace.get("showlegend") is not False}
    assert names == {"干部队伍建设 (Cadres)", "人才工作 (Talent)"}
    assert figure["data"][0]["y"] == [["吉林市", "蓬江区"], ["新十条", "四项工程"]]   # the axis follows the frame
    cadres = next(t for t in figure["data"] if t.get("name", "").startswith("干部"))
    assert cadres["y"] == [["蓬江区"], ["四项工程"]] and cadres["x"] == [4]
    assert "强基、铸魂、阵地、领航" in cadres["customdata"][0][2]


# --- the map --------------------------------------------------------------------------------------

def test_region_points_are_placed_by_coordinates_or_province_centre(table):
    points = geo.place_regions(aggregate.region_points(table)).set_index("region")
    assert points.loc["蓬江区", "placed"] == "gazetteer"
    assert (points.loc["蓬江区", "latitude"], points.loc["蓬江区", "longitude"]) == (22.6, 113.08)
    corps = points.loc["新疆生产建设兵团第十一师"]
    assert corps["placed"] == "province centre"
    assert 73 < corps["longitude"] < 96 and 34 < corps["latitude"] < 50     # inside Xinjiang
    assert points.loc["蓬江区", "mentions"] == 10 and points.loc["蓬江区", "documents"] == 2


def test_a_region_without_coordinates_or_province_is_not_placed():
    points = pd.DataFrame({"region": ["未识别"], "province": [""], "latitude": [np.nan], "longitude": [np.nan]})
    assert geo.place_regions(points)["placed"].tolist() == [""]


def test_province_outlines_are_simplified_and_complete():
    outlines = geo.province_outlines()
    assert len(outlines.polygons) == 34 and "广东省" in outlines.polygons
    assert sum(len(ring[0]) for rings in outlines.polygons.values() for ring in rings) < 20_000
    assert outlines.inset_lines, "the South China Sea lines are in the inset"


def test_map_figure_draws_provinces_and_one_dot_per_placed_region(table):
    points = geo.place_regions(aggregate.region_points(table))
    figure = spec(charts.map_figure(points, geo.province_outlines()))
    dots = [t for t in figure["data"] if t.get("mode") == "markers"]
    assert len(dots) == 1 and len(dots[0]["x"]) == 3
    assert all(t["type"] == "scatter" for t in figure["data"])   # no geo/map traces: nothing fetched at run time


def test_map_after_a_region_filter_has_only_that_region(table):
    rows = filter_table(table, Selection(regions=("吉林市",)))
    figure = spec(charts.map_figure(geo.place_regions(aggregate.region_points(rows)), geo.province_outlines()))
    dots = next(t for t in figure["data"] if t.get("mode") == "markers")
    assert len(dots["hovertext"]) == 1 and dots["hovertext"][0].startswith("<b>吉林市</b>")


# --- the marked source text -----------------------------------------------------------------------

def test_highlight_marks_every_mention_and_escapes_the_text(table):
    text = "<b>" + "x" * 10   # a document whose own characters look like HTML
    mentions = pd.DataFrame({"start": [0], "end": [3], "text": ["<b>"], "kind": ["indicator"], "label": ["l"],
                             "value": [1.0], "unit": ["个"], "qualifier": ["="], "pillar": ["talent"]})
    html = sources.highlight_html(text, mentions)
    assert "<mark" in html and "&lt;b&gt;</mark>" in html and "<b>" not in html


def test_highlight_focuses_the_linked_mention(table, docs_dir):
    text = (docs_dir / "d1_penjiang.txt").read_text(encoding="utf-8")
    mentions = aggregate.document_mentions(table, "d1_penjiang")
    row = mentions[mentions["text"] == "7430套"].iloc[0]
    html = sources.highlight_html(text, mentions, (int(row["start"]), int(row["end"])))
    assert html.count("<mark") == len(mentions)
    assert '<mark id="selected-mention"' in html and html.index('id="selected-mention"') < html.index("7430套")


def test_mentions_whose_offsets_miss_their_text_are_not_placed(table):
    mentions = aggregate.document_mentions(table, "d2_jilin")
    assert sources.placeable("吉林市组织工作\n发展党员500名，引进人才3000余人。出台人才“新十条”。", mentions).all()
    assert not sources.placeable("另一个版本的文本", mentions).any()


@pytest.mark.parametrize("value, span", [("12-19", (12, 19)), ("19-12", None), ("", None), (None, None), ("a-b", None)])
def test_parse_at(value, span):
    assert sources.parse_at(value) == span


def test_source_link_round_trips():
    link = sources.source_link("003_蓬江", 223, 227)
    assert link.startswith("sources?") and sources.parse_at(link.split("at=")[1]) == (223, 227)


def test_sentence_html_bolds_the_mention(table):
    row = aggregate.document_mentions(table, "d2_jilin").iloc[0]
    assert '<b style="color:#b91c1c">500名</b>' in sources.sentence_html(row)


def test_indicator_points_keep_the_regions_with_most_mentions(table):
    points = aggregate.indicator_points(table, "talent", "套", max_regions=1)
    assert set(points["region"]) == {"蓬江区"} and len(points) == 2   # two against 十一师's one


# --- compare: one measure across localities ------------------------------------------------------

def shown_of(table, measure, unit):
    from dashboard import compare

    return compare.headline(compare.measure_rows(table, measure), unit)


def test_compare_figure_has_one_bar_per_locality_largest_on_top(table):
    shown = shown_of(table, "cadre_training_attendance", "人次")
    figure = spec(charts.compare_figure(shown, "cadre_training_attendance"))
    bars = {y: x for trace in figure["data"] for y, x in zip(trace["y"], trace["x"])}
    assert bars == {"蓬江区": 12000, "新疆生产建设兵团第十一师": 800}
    assert figure["layout"]["yaxis"]["categoryarray"] == ["新疆生产建设兵团第十一师", "蓬江区"]   # top row last
    texts = [t for trace in figure["data"] for t in trace["text"]]
    assert sorted(texts) == ["1.2万余人次", "约800人次"]                      # as the reports write them
    assert figure["layout"]["yaxis"]["ticktext"] == ["蓬江区 · 2023", "新疆生产建设兵团第十一师 · 2022"]
    assert "干部培训人次 · 人次" in figure["layout"]["title"]["text"]


def test_compare_figure_hover_names_the_document_and_the_repeats(table):
    shown = shown_of(table, "cadre_training_attendance", "人次")
    figure = spec(charts.compare_figure(shown, "cadre_training_attendance"))
    hover = next(h for trace in figure["data"] for h in trace["hovertext"] if h.startswith("<b>蓬江区"))
    assert "《蓬江区党建工作报告》" in hover and "3 statements in 2 documents" in hover


def test_compare_figure_refuses_two_units(table):
    rows = pd.concat([shown_of(table, "talents_introduced", "名"), shown_of(table, "talents_introduced", "人")])
    with pytest.raises(ValueError, match="one unit per chart"):
        charts.compare_figure(rows, "talents_introduced")


def test_value_map_colours_each_placed_locality_by_its_value(table):
    shown = geo.place_regions(shown_of(table, "talent_housing", "套"))
    figure = spec(charts.value_map_figure(shown, geo.province_outlines(), "talent_housing"))
    (dots,) = [t for t in figure["data"] if t.get("mode") == "markers"]
    assert len(dots["x"]) == 2 and sorted(dots["marker"]["color"]) == [120, 7430]
    assert all(t["type"] == "scatter" for t in figure["data"])   # offline: no tiles, no geo traces


def test_time_figure_draws_a_line_per_locality(table):
    from dashboard import compare

    series = compare.over_time(compare.measure_rows(table, "talent_housing"), "套")
    figure = spec(charts.time_figure(series, "talent_housing"))
    (line,) = figure["data"]
    assert line["name"] == "蓬江区" and line["x"] == [2022, 2023] and line["y"] == [5000, 7430]


@pytest.mark.parametrize("figure_of", [
    lambda rows: charts.compare_figure(rows, "x"), lambda rows: charts.time_figure(rows, "x")], ids=["bars", "lines"])
def test_compare_figures_refuse_empty_axes(table, figure_of):
    with pytest.raises(ValueError, match="nothing to plot"):
        figure_of(shown_of(table, "talent_housing", "套").iloc[:0])
