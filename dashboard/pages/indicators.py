"""Indicators: values by region within a pillar, one unit per chart, each dot traceable."""
import streamlit as st

from dashboard import aggregate, charts, ui
from dashboard.names import pillar_label
from dashboard.numbers import value_texts
from dashboard.sources import source_link

current = ui.view()
st.title("其他指标 Other indicators")
st.caption("未归入可比指标（measure = other）的数字，按板块和单位查看；可比指标见“比较”页。每个点是一处提及，"
           "旁注其名称，悬停可见限定词和原句；点选一个点可跳到原文。"
           "The numbers no comparable measure fits (measure = other), by pillar and unit; the measured ones are on "
           "Compare. Each dot is a mention labelled with what it counts: hover for its qualifier and sentence, "
           "click it to open its source.")

everything = st.toggle("包括已归入可比指标的数字 Include the numbers that have a measure", key="ind_all")
rows = current.rows if everything else aggregate.unmeasured(current.rows)
pillars = aggregate.indicator_pillars(rows)
if not ui.nothing_to_show(pillars, "指标 indicators"):
    left, right = st.columns(2)
    # Open on the pillar with the most indicators, and on its most used unit.
    pillar = left.selectbox("板块 Pillar", list(pillars.index), format_func=pillar_label,
                            index=int(pillars.to_numpy().argmax()), key="ind_pillar", bind="query-params")
    units = aggregate.indicator_units(rows, pillar)
    unit = right.selectbox("单位 Unit (one per chart)", list(units.index), key="ind_unit", bind="query-params",
                           help="不同单位不相加 Values in different units are never drawn "
                           "on one axis. Units are listed most used first.")
    if not ui.nothing_to_show(units, "带数值的指标 indicators with a value"):
        points = aggregate.indicator_points(rows, pillar, unit)
        regions = rows.loc[(rows["kind"] == "indicator") & (rows["pillar"] == pillar)
                           & (rows["unit"] == unit), "region"].nunique()
        if points["region"].nunique() < regions:
            st.caption(f"显示提及最多的 {points['region'].nunique()} 个地区 The {points['region'].nunique()} regions "
                       f"with the most mentions of {regions:,}; pick regions in the sidebar to compare others.")
        if points["mentions"].max() > 1:
            st.caption(f"{int(units[unit]):,} 处提及按地区和名称汇总 mentions grouped by region and label "
                       f"(median value); the {len(points):,} groups with the most mentions are shown.")
        event = ui.chart_block(charts.indicator_figure(points), points, ["indicators", pillar, unit],
                               key="indicator_chart", on_select=True, source=ui.source_of(current, points))
        picked = event.selection.points if event else []
        if picked and picked[0].get("customdata") is not None:
            row = points.iloc[int(picked[0]["customdata"])]
            st.page_link("dashboard/pages/sources.py", icon=":material/article:",
                         label=f"查看原句 Open the sentence of “{row['text']}” ({row['label']}) in {row['doc_id']}",
                         query_params={"doc": row["doc_id"], "at": f"{row['start']}-{row['end']}"})

        st.subheader("图表背后的行 Rows behind the chart")
        shown = points.head(ui.MAX_TABLE_ROWS)
        table = shown.assign(
            source=[source_link(d, s, e) for d, s, e in zip(shown["doc_id"], shown["start"], shown["end"])],
            value_text=value_texts(shown["value"], shown["unit"], shown["qualifier"]))
        if len(points) > ui.MAX_TABLE_ROWS:
            st.caption(f"显示前 {ui.MAX_TABLE_ROWS:,} 行 First {ui.MAX_TABLE_ROWS:,} of {len(points):,} rows; "
                       "the chart's CSV has them all.")
        st.dataframe(
            table, hide_index=True, key="indicator_table",
            column_order=["region", "label", "value_text", "unit", "qualifier", "text", "source", "mentions",
                          "doc_title", "sentence"],
            column_config={
                "region": "地区 Region", "label": "名称 Label", "unit": "单位 Unit", "qualifier": "限定 Qualifier",
                "value_text": "数值 Value", "doc_title": "文档 Document",
                "text": "原文 Text", "mentions": "提及 Mentions", "sentence": "原句 Sentence",
                "source": st.column_config.LinkColumn("出处 Source", display_text="查看原文 open"),
            })
