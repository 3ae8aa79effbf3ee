"""Programmes: the bundles each region declares (四项工程 → 4), by pillar, with their members."""
import streamlit as st

from dashboard import aggregate, charts, ui

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
    ui.chart_block(charts.bundle_figure(found), found, ["programme-bundles"], key="bundle_chart",
                   source=ui.source_of(current, found))

    st.subheader("举措与成员 Bundles and their members")
    mismatched = int(found["members_mismatch"].sum())
    if mismatched:
        st.warning(f"{mismatched} 个举措所列成员数与 N 不符 bundles list a different number of members than "
                   "their N (marked in the Check column): check the source.")
    ui.bundles_table(found, key="bundle_table")
