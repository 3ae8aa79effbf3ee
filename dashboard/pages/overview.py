"""Overview: the counts, the region × pillar matrix and the map."""
import streamlit as st

from dashboard import aggregate, charts, geo, ui
from dashboard.data import summary
from dashboard.names import level_label

current = ui.view()
st.title("组织工作指标概览 Overview")
st.caption(f"来源 Source: {ui.source_summary(current)} · 每行是一处提及 one row per mention, traceable to its sentence")

counts = summary(current.rows)
for column, (label, key) in zip(st.columns(4), [("文档 Documents", "documents"), ("地区 Regions", "regions"),
                                               ("指标 Indicators", "indicators"),
                                               ("成套举措 Programme bundles", "bundles")]):
    column.metric(label, f"{counts[key]:,}")

problems = [f for f in current.files if f.error or f.warnings]
if problems:
    with st.expander(f"抽取提示 Extraction notes ({len(problems)} files)"):
        for report in problems:
            (st.error if report.error else st.warning)(report.error or "; ".join(report.warnings))

if not ui.nothing_to_show(current.rows, "提及 mentions"):
    source = ui.source_of(current, current.rows)
    matrix = aggregate.region_pillar_matrix(current.rows)
    st.subheader("地区 × 板块 Region × pillar")
    if not ui.nothing_to_show(matrix, "指标或成套举措 indicators or programme bundles"):
        shown = matrix["region"].nunique()
        if shown < counts["regions"]:
            st.caption(f"显示提及最多的 {shown} 个地区 The {shown} regions with the most mentions of "
                       f"{counts['regions']:,}; pick regions in the sidebar to see others.")
        ui.chart_block(charts.matrix_figure(matrix), matrix, ["region-pillar-matrix"], key="matrix",
                       source=source)

    st.subheader("地图 Map")
    points = geo.place_regions(aggregate.region_points(current.rows))
    ui.chart_block(charts.map_figure(points, geo.province_outlines()), points, ["region-map"], key="map",
                   source=source)
    unplaced = points[points["placed"] == ""]
    if not unplaced.empty:
        st.caption("未能定位 Not on the map (no coordinates or province): "
                   + ui.short_list([f"{r.region} ({r.documents} docs)" for r in unplaced.itertuples()]))
    by_province = points[points["placed"] == "province centre"]
    if not by_province.empty:
        st.caption("按省份中心定位 Placed at their province's centre (no coordinates in the table): "
                   + ui.short_list([f"{r.region} ({r.province}{', ' + level_label(r.region_level) if r.region_level else ''})"
                                    for r in by_province.itertuples()]))
