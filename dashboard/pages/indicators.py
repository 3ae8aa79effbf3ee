"""Indicators: values by region within a pillar, one unit per chart, each dot traceable."""
import streamlit as st

from dashboard import aggregate, charts, ui
from dashboard.names import pillar_label
from dashboard.sources import source_link

current = ui.view()
st.title("指标 Indicators")
st.caption("每个点是一处提及，悬停可见名称、限定词和原句；点选一个点可跳到原文。"
           "Each dot is a mention: hover for its label, qualifier and sentence; click one to open its source.")

pillars = aggregate.indicator_pillars(current.rows)
if not ui.nothing_to_show(pillars, "指标 indicators"):
    left, right = st.columns(2)
    # Open on the pillar with the most indicators, and on its most used unit.
    pillar = left.selectbox("板块 Pillar", list(pillars.index), format_func=pillar_label,
                            index=int(pillars.to_numpy().argmax()), key="ind_pillar", bind="query-params")
    units = aggregate.indicator_units(current.rows, pillar)
    unit = right.selectbox("单位 Unit (one per chart)", list(units.index), key="ind_unit", bind="query-params",
                           help="不同单位不相加 Values in different units are never drawn "
                           "on one axis. Units are listed most used first.")
    if not ui.nothing_to_show(units, "带数值的指标 indicators with a value"):
        points = aggregate.indicator_points(current.rows, pillar, unit)
        regions = current.rows.loc[(current.rows["kind"] == "indicator") & (current.rows["pillar"] == pillar)
                                   & (current.rows["unit"] == unit), "region"].nunique()
        if points["region"].nunique() < regions:
            st.caption(f"显示提及最多的 {points['region'].nunique()} 个地区 The {points['region'].nunique()} regions "
                       f"with the most mentions of {regions:,}; pick regions in the sidebar to compare others.")
        if points["mentions"].max() > 1:
            st.caption(f"{int(units[unit]):,} 处提及按地区和名称汇总 mentions grouped by region and label "
                       f"(median value); the {len(points):,} groups with the most mentions are shown.")
        event = ui.chart_block(charts.indicator_figure(points), points, ["indicators", pillar, unit],
                               key="indicator_chart", on_select=True)
        picked = event.selection.points if event else []
        if picked and picked[0].get("customdata") is not None:
            row = points.iloc[int(picked[0]["customdata"])]
            st.page_link("dashboard/pages/sources.py", icon=":material/article:",
                         label=f"查看原句 Open the sentence of “{row['text']}” ({row['label']}) in {row['doc_id']}",
                         query_params={"doc": row["doc_id"], "at": f"{row['start']}-{row['end']}"})

        st.subheader("图表背后的行 Rows behind the chart")
        table = points.head(ui.MAX_TABLE_ROWS).assign(
            source=[source_link(d, s, e) for d, s, e in zip(points["doc_id"], points["start"], points["end"])][
                :ui.MAX_TABLE_ROWS])
        if len(points) > ui.MAX_TABLE_ROWS:
            st.caption(f"显示前 {ui.MAX_TABLE_ROWS:,} 行 First {ui.MAX_TABLE_ROWS:,} of {len(points):,} rows; "
                       "the chart's CSV has them all.")
        st.dataframe(
            table, hide_index=True, key="indicator_table",
            column_order=["region", "label", "value", "unit", "qualifier", "text", "source", "mentions", "sentence"],
            column_config={
                "region": "地区 Region", "label": "名称 Label", "unit": "单位 Unit", "qualifier": "限定 Qualifier",
                "value": st.column_config.NumberColumn("数值 Value", format="localized"),
                "text": "原文 Text", "mentions": "提及 Mentions", "sentence": "原句 Sentence",
                "source": st.column_config.LinkColumn("出处 Source", display_text="查看原文 open"),
            })
