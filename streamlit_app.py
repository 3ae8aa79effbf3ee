"""The dashboard's frame: page set-up, the shared sidebar filters, navigation.

Run with `streamlit run streamlit_app.py`. The pages are in dashboard/pages/;
the logic they lay out is in the plain modules of dashboard/.
"""
import streamlit as st

from dashboard import ui

st.set_page_config(page_title="组织工作指标 Organisation-work indicators", page_icon=":material/monitoring:", layout="wide")

OVERVIEW = "dashboard/pages/overview.py"
# Streamlit serves the default page at "/" only; a hidden second page answers its own path, /overview.
pages = st.navigation([
    st.Page(OVERVIEW, title="概览 Overview", icon=":material/dashboard:", url_path="home", default=True),
    st.Page(OVERVIEW, title="概览 Overview", icon=":material/dashboard:", url_path="overview", visibility="hidden"),
    st.Page("dashboard/pages/compare.py", title="比较 Compare", icon=":material/bar_chart:", url_path="compare"),
    st.Page("dashboard/pages/profile.py", title="地区概况 Region profile", icon=":material/location_city:",
            url_path="profile"),
    st.Page("dashboard/pages/indicators.py", title="其他指标 Other indicators", icon=":material/scatter_plot:",
            url_path="indicators"),
    st.Page("dashboard/pages/programmes.py", title="成套举措 Programmes", icon=":material/widgets:", url_path="programmes"),
    st.Page("dashboard/pages/sources.py", title="原文 Sources", icon=":material/article:", url_path="sources"),
    st.Page("dashboard/pages/upload.py", title="上传 Upload", icon=":material/upload_file:", url_path="upload"),
    st.Page("dashboard/pages/method.py", title="方法 Method", icon=":material/rule:", url_path="method"),
])
ui.sidebar()
pages.run()
