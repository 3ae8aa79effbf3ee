"""Sources: a document with every mention marked, opened on the one a link points at."""
import streamlit as st

from dashboard import aggregate, sources, ui
from dashboard.measures import measure_label
from dashboard.names import kind_label, level_label
from dashboard.numbers import value_texts

MAX_DOCUMENTS = 2000     # choices in the document picker; the region filter narrows them

current = ui.view()
st.title("原文 Sources")

# The documents of the filtered rows, and the one a link names even if the filters hide it.
linked = st.query_params.get("doc")
documents = aggregate.document_ids(current.rows)[:MAX_DOCUMENTS]
if linked and linked not in documents and linked in aggregate.document_ids(current.table):
    documents.append(linked)
if not ui.nothing_to_show(documents, "文档 documents"):
    titles = aggregate.document_titles(current.table, documents)
    doc_id = ui.coded_selectbox("文档 Document", sorted(documents, key=lambda d: (titles.get(d, d), d)),
                                lambda d: f"{titles.get(d) or d} · {d}", key="doc",
                                on_change=lambda: st.query_params.pop("at", None))
    mentions = aggregate.document_mentions(current.table, doc_id)
    first = mentions.iloc[0]
    st.caption(" · ".join(str(p) for p in [first["doc_title"], first["doc_publisher"], first["region"],
                                           first["province"], level_label(str(first["region_level"])),
                                           first["doc_date"] or first["year"], f"{len(mentions)} 处提及 mentions"]
                          if str(p) not in ("", "<NA>", "nan")))
    if str(first["doc_url"]).startswith(("http://", "https://")):
        st.markdown(f"原网页 Web page: <{first['doc_url']}>")

    focus = sources.parse_at(st.query_params.get("at"))
    focused = mentions[(mentions["start"] == focus[0]) & (mentions["end"] == focus[1])] if focus else mentions.iloc[:0]
    if not focused.empty:
        row = focused.iloc[0]
        with st.container(border=True):
            st.markdown(f"**所选提及 Selected mention** · {sources.describe(row)}")
            st.html(sources.sentence_html(row))

    text = ui.document_text(current, doc_id)
    if text is None:
        st.warning(f"找不到 {doc_id} 的原文 The text of {doc_id} is not in this session or the documents folder; "
                   "its mentions are listed with their sentences below.")
    else:
        wrong = int((~sources.placeable(text, mentions)).sum())
        if wrong:
            st.warning(f"{wrong} 处提及的位置与原文不符 mentions do not match the text at their offsets "
                       "(the table was made from another version of the file); they are not marked.")
        evidence = sources.region_evidence(text, mentions)
        if evidence:
            st.html(sources.region_caption_html(text, str(first["region"]), evidence))
        st.html(sources.legend_html())
        with st.container(height=480, border=True):
            st.html(sources.highlight_html(text, mentions, focus, evidence))
        if not focused.empty:
            st.html(sources.SCROLL_TO_FOCUS, unsafe_allow_javascript=True)

    st.subheader("本文的提及 Mentions in this document")
    st.caption("选中一行即在上方显示其原句 Select a row to show its sentence above.")
    event = st.dataframe(
        mentions.assign(kind_name=mentions["kind"].astype(str).map(kind_label),
                        value_text=value_texts(mentions["value"], mentions["unit"], mentions["qualifier"]),
                        measure_name=mentions["measure"].astype(str).map(lambda m: measure_label(m) if m else "")),
        hide_index=True, key=f"source_mentions_{doc_id}", on_select="rerun", selection_mode="single-row",
        column_order=["text", "label", "value_text", "measure_name", "kind_name", "pillar_zh", "start", "sentence"],
        column_config={"start": "位置 Offset", "kind_name": "类型 Kind", "pillar_zh": "板块 Pillar", "label": "名称 Label",
                       "value_text": "数值 Value", "measure_name": "可比指标 Measure",
                       "text": "原文 Text", "sentence": "原句 Sentence"})
    if event.selection.rows:
        row = mentions.iloc[event.selection.rows[0]]
        at = f"{int(row['start'])}-{int(row['end'])}"
        if st.query_params.get("at") != at:
            st.query_params["at"] = at
            st.rerun()
