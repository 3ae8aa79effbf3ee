"""Region profile: every measure a locality reports next to the other localities' median,
its programme bundles and its documents, each number linked to its sentence."""
import streamlit as st

from dashboard import aggregate, compare, ui

current = ui.view()
st.title("地区概况 Region profile")

regions = sorted(set(current.table["region"].astype(str)) - {""})
if not ui.nothing_to_show(regions, "地区 localities"):
    region = ui.coded_selectbox("地区 Locality", regions, str, key="profile")
    profile = compare.region_profile(current.table, region)
    st.subheader("可比指标 Measures, against the other localities")
    if profile.empty:
        st.info(f"{region} 没有可比指标 reports no measure the others can be compared on.",
                icon=":material/search_off:")
    else:
        st.caption("每个数值为该地区最新文档中的第一处；中位数取其他报告同一指标、同一单位的地区。"
                   "Each value is the locality's latest document's first statement; the median is over the "
                   "other localities reporting the same measure in the same unit. Open a number's sentence "
                   "with its source link.")
        st.dataframe(profile, hide_index=True, key="profile_table",
                     column_order=["measure_name", "value_text", "source", "others_median_text", "others", "year",
                                   "label", "doc_title"],
                     column_config={
                         "measure_name": "指标 Measure", "value_text": f"{region}",
                         "others_median_text": "其他地区中位数 Others' median",
                         "others": st.column_config.NumberColumn("其他地区数 Others", format="%d"),
                         "year": st.column_config.NumberColumn("年份 Year", format="%d"), "label": "名称 Label",
                         "doc_title": "文档 Document",
                         "source": st.column_config.LinkColumn("出处 Source", display_text="查看原句 open")})
        st.download_button(f"⬇ 概况 Profile (CSV, {len(profile):,} rows)", data=lambda: ui.csv_of(profile),
                           file_name=ui.file_name("profile", region), mime="text/csv", key="profile_csv",
                           on_click="ignore")

    own = current.table[(current.table["region"] == region).to_numpy()]
    st.subheader("成套举措 Programme bundles")
    found = aggregate.bundles(own)
    if found.empty:
        st.caption("没有成套举措 No programme bundles found.")
    else:
        ui.bundles_table(found, key="profile_bundles")

    st.subheader("文档 Documents")
    ui.documents_table(compare.documents_of(own), key="profile_documents")
