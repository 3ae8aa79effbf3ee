"""Programmes: the bundles each region declares (四项工程 → 4), by pillar, with their members."""
import streamlit as st

from dashboard import aggregate, charts, ui
from dashboard.sources import source_link

current = ui.view()
st.title("成套举措 Programme bundles")
st.caption("“四项工程”“十二条措施”这类成套举措：条形长度为数量 N，颜色为板块；悬停可见所列成员。"
           "A bar per declared bundle, as long as its N, coloured by pillar; hover for its listed members.")

found = aggregate.bundles(current.rows)
if not ui.nothing_to_show(found, "成套举措 programme bundles"):
    total = int((current.rows["kind"] == "program_count").sum())
    if total > len(found):
        st.caption(f"{total:,} 处提及 mentions → {len(found):,} 个举措 bundles shown: one per region and name, "
                   f"at most {aggregate.MAX_BUNDLES}, those found in the most documents first; "
                   "pick regions in the sidebar to see others.")
    ui.chart_block(charts.bundle_figure(found), found, ["programme-bundles"], key="bundle_chart")

    st.subheader("举措与成员 Bundles and their members")
    mismatched = int(found["members_mismatch"].sum())
    if mismatched:
        st.warning(f"{mismatched} 个举措所列成员数与 N 不符 bundles list a different number of members than "
                   "their N (marked in the Check column): check the source.")
    table = found.head(ui.MAX_TABLE_ROWS).assign(
        check=found["members_mismatch"].map({True: "成员数不符 mismatch", False: ""}),
        source=[source_link(d, s, e) for d, s, e in zip(found["doc_id"], found["start"], found["end"])])
    st.dataframe(
        table, hide_index=True, key="bundle_table",
        column_order=["region", "label", "value", "unit", "members", "check", "source", "pillar_name", "documents"],
        column_config={
            "region": "地区 Region", "label": "名称 Bundle", "value": st.column_config.NumberColumn("N", format="%d"),
            "unit": "计数名词 Noun", "pillar_name": "板块 Pillar", "members": "成员 Members",
            "check": "核对 Check", "documents": "文档 Docs",
            "source": st.column_config.LinkColumn("出处 Source", display_text="查看原文 open"),
        })
