"""Method: what the table holds, and how well the extraction does on the bundled gold."""
import streamlit as st

from dashboard import data, method, ui

st.title("方法 Method")
st.markdown(
    "每份报告被读成纯文本，抽取出三类提及，每处提及成为表中一行，带有文档、地区、板块、数值、单位、限定词，"
    "以及它在原文中的位置（`start`、`end`）和所在句子，因此每个数字都能追溯到原文。\n\n"
    "Each report is read as plain text and every mention becomes one row of the table: document, region, "
    "pillar, value, unit, qualifier, and the character offsets and sentence it came from, so every number "
    "on every chart traces back to its source (see 原文 Sources).")

st.subheader("类型 Kinds")
st.dataframe(method.kinds_table(), hide_index=True, key="kinds_table")
st.subheader("板块 Pillars")
st.caption("A mention's pillar is decided by cue words in its sentence and in the heading of its section.")
st.dataframe(method.pillars_table(), hide_index=True, key="pillars_table")
st.subheader("限定词 Qualifiers")
st.dataframe(method.qualifiers_table(), hide_index=True, key="qualifiers_table")

st.subheader("测得的准确度 Measured quality on the bundled gold")
try:
    with st.spinner("正在评分 Scoring the extraction on the gold…"):
        metrics, misses, false_alarms = ui.measured_quality(data.table_source({}).token, str(data.GOLD_PATH))
except ImportError as error:
    st.warning(f"评分程序尚不可用 The extraction's scorer is not available ({error}); "
               "the measured precision and recall will appear here once it is.")
else:
    counts = metrics.get("counts", {})
    st.caption(f"The extraction as it runs now on the bundled reports (data/raw), scored against "
               f"`{data.GOLD_PATH.relative_to(data.REPO_DIR)}`: {counts.get('ind_tp', 0)} indicators found right, "
               f"{counts.get('ind_fp', 0)} false alarms, {counts.get('ind_fn', 0)} missed.")
    st.dataframe(method.quality_table(metrics), hide_index=True, key="quality_table",
                 column_config={c: st.column_config.NumberColumn(c, format="%.3f") for c in ("precision", "recall", "F1")})
    st.dataframe(method.accuracy_table(metrics), hide_index=True, key="accuracy_table",
                 column_config={"value": st.column_config.NumberColumn("value", format="%.3f")})
    with st.expander(f"漏抽 Missed ({len(misses)}) · 误报 False alarms ({len(false_alarms)})"):
        st.dataframe([{"doc": d, "kind": k, "text": t, "error": "missed"} for d, k, t in misses]
                     + [{"doc": d, "kind": k, "text": t, "error": "false alarm"} for d, k, t in false_alarms],
                     hide_index=True, key="errors_table")
