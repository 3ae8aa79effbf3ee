"""Upload: the user's own reports, extracted file by file, to explore alone or with the rest."""
import streamlit as st

from dashboard import data, ui
from dashboard.downloads import csv_bytes
from dashboard.uploads import (MAX_FILE_MB, PICKER_LIMIT_MB, Upload, extract_uploads, offered_suffixes,
                               replacement_notes)

st.title("上传报告 Upload reports")
st.markdown("拖入报告文件，逐个抽取：损坏的文件会单独报错，其余照常载入。"
            "Drop your reports: each file is extracted on its own, so a broken file is reported "
            "and the others still load.")

# A new key empties the picker after "Remove": a file picker cannot be cleared from Python.
files = st.file_uploader("选择文件 Choose files", type=offered_suffixes(), accept_multiple_files=True,
                         max_upload_size=PICKER_LIMIT_MB, key=f"upload_files_{st.session_state.get('upload_round', 0)}")
# The picker would announce its own, higher limit (see uploads.PICKER_LIMIT_MB); state ours instead.
st.html('<style>[data-testid="stFileUploaderDropzoneInstructions"] {display: none}</style>')
st.caption(f"每个文件不超过 {MAX_FILE_MB} MB · up to {MAX_FILE_MB} MB per file · "
           + " ".join(s.upper() for s in offered_suffixes()))
if files:
    signature = "|".join(f"{f.name}:{f.size}:{f.file_id}" for f in files)
    if signature != st.session_state.get(ui.UPLOAD_SIGNATURE_KEY):
        bar = st.progress(0.0, text="正在抽取 Extracting…")
        extraction = extract_uploads(
            [Upload(f.name, f.getvalue()) for f in files],
            progress=lambda done, total, name: bar.progress(
                done / max(total, 1), text=f"正在抽取 Extracting {name} ({done + 1}/{total})" if name else "完成 Done"))
        bar.empty()
        st.session_state[ui.UPLOADED_KEY] = extraction
        st.session_state[ui.UPLOAD_SIGNATURE_KEY] = signature
        st.rerun()   # the sidebar, drawn before this page, now offers the uploads

uploaded = st.session_state.get(ui.UPLOADED_KEY)
if uploaded is None:
    st.info("还没有上传的报告 No reports uploaded yet in this session.", icon=":material/folder_open:")
else:
    st.subheader("抽取结果 Extraction results")
    for report in uploaded.files:
        if report.error:
            st.error(report.error, icon=":material/error:")
        for warning in report.warnings:
            st.warning(warning)
    try:
        bundled_ids = set(ui.bundled_extraction(data.table_source()).frame["doc_id"].astype(str))
    except FileNotFoundError:
        bundled_ids = set()
    for note in replacement_notes(uploaded.files, bundled_ids):
        st.info(note, icon=":material/swap_horiz:")
    st.dataframe([{"文件 File": f.name, "格式 Format": f.format, "行 Rows": f.rows,
                   "状态 Status": "错误 error" if f.error else ("提示 note" if f.warnings else "ok")}
                  for f in uploaded.files], hide_index=True, key="upload_results")
    if uploaded.frame.empty:
        st.info("上传的文件没有抽取出任何行 The uploaded files gave no rows.")
    else:
        st.success(f"{len(uploaded.frame):,} 行 rows from {uploaded.frame['doc_id'].nunique()} documents. "
                   "在侧栏“数据”中选择与内置报告一起或单独查看 Use 数据 Data in the sidebar to explore them "
                   "alone or with the bundled reports.")
        st.download_button("⬇ 下载上传报告的表 Uploaded table (CSV)", data=csv_bytes(uploaded.frame),
                           file_name="uploaded-indicators.csv", mime="text/csv", on_click="ignore",
                           key="download_uploaded")
    if st.button("移除上传的报告 Remove uploaded reports", key="remove_uploads"):
        for key in (ui.UPLOADED_KEY, ui.UPLOAD_SIGNATURE_KEY, "scope"):
            st.session_state.pop(key, None)
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        st.rerun()
