"""Compare: one measure across localities, as a chart, a table, a map and over the years."""
import streamlit as st

from dashboard import charts, compare, geo, ui
from dashboard.measures import measure_label
from dashboard.names import pillar_label

current = ui.view()
st.title("比较 Compare")
st.caption("选一个指标，看各地同一口径的数值。Pick a measure and see every locality that reports it, "
           "in one unit, like for like.")

options = compare.measure_options(current.rows)
if not ui.nothing_to_show(options, "可比指标 comparable measures"):
    counts = dict(zip(options["measure"], options["regions"]))
    pillars = dict(zip(options["measure"], options["pillar"]))
    measure = ui.coded_selectbox(
        "指标 Measure (按板块分组 grouped by pillar · 地区数 localities)", list(options["measure"]),
        lambda code: f"{pillar_label(pillars[code]).split(' (')[0]} › {measure_label(code)} · {counts[code]} 地区",
        key="measure", help="输入可搜索 Type to search; the number is how many localities report the measure.")
    rows = compare.measure_rows(current.rows, measure)
    years = compare.measure_years(rows)
    left, right = st.columns(2)
    span = None
    if len(years) > 1:
        span = left.select_slider("年份 Years", options=years, value=(years[0], years[-1]), key="years")
        if span != (years[0], years[-1]):      # all years keeps the statements of undated documents too
            rows = compare.measure_rows(current.rows, measure, span)
    units = compare.measure_units(rows)
    if not ui.nothing_to_show(units, "该年份的数值 values in these years"):
        unit = right.selectbox("单位 Unit (one per chart)", list(units.index), key="compare_unit",
                               format_func=lambda u: f"{u} · {units[u]} 地区",
                               help="不同单位不共用一条轴 Values in different units never share an axis.") \
            if len(units) > 1 else units.index[0]
        shown = compare.headline(rows, unit)
        statements = compare.all_statements(rows, unit, shown)
        source = compare.source_line(shown)
        repeated = int((shown["statements"] > 1).sum())
        if repeated:
            st.caption(f"{repeated} 个地区多次报告此指标：图中为最新文档中的第一处，表中列出全部。"
                       f"{repeated} localities report this measure more than once: the chart shows the latest "
                       "document's first statement; the table lists them all.")
        chart_tab, table_tab, map_tab, time_tab = st.tabs(["图 Chart", "表 Table", "地图 Map", "历年 Over time"])
        with chart_tab:
            plotted = shown.head(compare.MAX_BARS)
            if len(shown) > len(plotted):
                st.caption(f"图中为数值最大的 {len(plotted)} 个地区，共 {len(shown):,} 个；表格和 CSV 列出全部。"
                           f"The {len(plotted)} largest of {len(shown):,} localities; the table and CSV list all. "
                           "Pick regions in the sidebar to compare others.")
            event = ui.chart_block(charts.compare_figure(plotted, measure), plotted,
                                   ["compare", measure, unit], key="compare_chart", on_select=True, source=source)
            picked = event.selection.points if event else []
            if picked and picked[0].get("customdata") is not None:
                region = plotted.iloc[int(picked[0]["customdata"])]["region"]
                st.page_link("dashboard/pages/profile.py", icon=":material/location_city:",
                             label=f"查看 {region} 的概况 Open the profile of {region}",
                             query_params={"profile": region})
            else:
                st.caption("点选一条可打开该地区的概况 Click a bar to open that locality's profile.")
        with table_tab:
            ui.statements_table(statements, key="compare_table")
            st.download_button(f"⬇ 表格数据 Table data (CSV, {len(statements):,} rows)",
                               data=lambda: ui.csv_of(statements), file_name=ui.file_name("compare-all", measure, unit),
                               mime="text/csv", key="compare_table_csv", on_click="ignore")
            st.caption(source)
        with map_tab:
            placed = geo.place_regions(shown)
            ui.chart_block(charts.value_map_figure(placed, geo.province_outlines(), measure), placed,
                           ["compare-map", measure, unit], key="compare_map", source=source)
            unplaced = placed[placed["placed"] == ""]
            if not unplaced.empty:
                st.caption("未能定位 Not on the map: " + ui.short_list(list(unplaced["region"])))
        with time_tab:
            series = compare.over_time(rows, unit)
            if series.empty:
                st.info("没有地区在多个年份报告此指标 No locality reports this measure in more than one year "
                        "(in the years chosen).", icon=":material/timeline:")
            else:
                ui.chart_block(charts.time_figure(series, measure), series, ["compare-years", measure, unit],
                               key="compare_time", source=compare.source_line(series))
