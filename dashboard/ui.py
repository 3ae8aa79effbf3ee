"""The streamlit layer shared by the frame and the pages: caching, sidebar filters, chart blocks.

The logic lives in the plain modules; this file only wires it to widgets.
`sidebar()` runs in the frame (streamlit_app.py) before every page and leaves
the current `View` in session state; pages read it with `view()`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import data
from dashboard.data import Extraction, FileReport
from dashboard.downloads import csv_bytes, file_name  # noqa: F401 - file_name is used by the pages
from dashboard.filters import Selection, filter_options, filter_table
from dashboard.names import kind_label, pillar_label

# Widget keys double as URL query parameters (bind="query-params"): ?region=蓬江区&pillar=…
FILTER_KEYS = {"regions": "region", "pillars": "pillar", "kinds": "kind", "labels": "label"}
UPLOADED_KEY = "uploaded"          # session state: the Extraction of the user's uploads
UPLOAD_SIGNATURE_KEY = "uploaded_signature"   # session state: which files that Extraction came from
VIEW_KEY = "_view"
SCOPES = {"all": "全部 All reports", "uploaded": "仅上传 Uploaded only", "bundled": "仅内置 Bundled only"}
PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}
MAX_TABLE_ROWS = 1000              # rows shown in a page's table; the CSV has them all


@dataclass
class View:
    """What every page shows: the table in scope, the filtered rows, and where they came from."""
    table: pd.DataFrame
    rows: pd.DataFrame
    selection: Selection
    source: str
    files: list[FileReport] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)


# cache_resource, not cache_data: cache_data would unpickle a fresh copy of the table
# on every rerun (50 ms and a second 64 MB at a million rows). The one shared copy
# is safe because nothing changes it: filters copy-then-filter, and every builder
# in dashboard/ returns new frames (tests/dashboard/test_filters.py checks).
@st.cache_resource(show_spinner=False, max_entries=2)
def load_bundled(kind: str, path: str, token: str) -> Extraction:
    """The bundled table (or ORGWORK_TABLE's), extracted or read once per change of its files."""
    return data.load_source(data.Source(kind, Path(path), token))


@st.cache_data(show_spinner=False, max_entries=4)
def options_of(token: str, _table: pd.DataFrame) -> dict[str, list[str]]:
    return filter_options(_table)


@st.cache_data(show_spinner=False, max_entries=64)
def find_text(doc_id: str, folder: str) -> str | None:
    document = data.find_document(doc_id, Path(folder))
    return document.text if document else None


def bundled_extraction(source: data.Source) -> Extraction:
    """The source's table; the spinner shows only while it is extracted or read (a cache miss)."""
    doing = ("正在抽取内置报告 Extracting the bundled reports" if source.kind == "folder"
             else "正在读取数据表 Reading the table")
    with st.spinner(f"{doing} ({source.path.name})…"):
        return load_bundled(source.kind, str(source.path), source.token)


def sidebar() -> View:
    """The shared filters; leaves the resulting View in session state for the page."""
    try:
        source = data.table_source()
    except FileNotFoundError as error:
        st.error(f"找不到数据 No table to show: {error}. Unset {data.TABLE_ENV} to use the bundled reports.")
        st.stop()
    bundled = bundled_extraction(source)
    uploaded: Extraction | None = st.session_state.get(UPLOADED_KEY)
    scope = "bundled"
    with st.sidebar:
        if uploaded is not None and not uploaded.frame.empty:
            scope = st.radio("数据 Data", list(SCOPES), format_func=SCOPES.get, key="scope")
        table = data.combine(bundled.frame, uploaded.frame if uploaded else bundled.frame.iloc[:0], scope)
        token = f"{source.token}|{scope}|{st.session_state.get(UPLOAD_SIGNATURE_KEY, '')}"
        options = options_of(token, table)
        st.header("筛选 Filters")
        unknown = {name: unknown_in_url(key, options[name]) for name, key in FILTER_KEYS.items()}
        regions = st.multiselect("地区 Region", options["regions"], key=FILTER_KEYS["regions"],
                                 bind="query-params", placeholder="全部地区 All regions")
        pillars = coded_multiselect("板块 Pillar", options["pillars"], pillar_label, FILTER_KEYS["pillars"],
                                    placeholder="全部板块 All pillars")
        kinds = coded_multiselect("类型 Kind", options["kinds"], kind_label, FILTER_KEYS["kinds"],
                                  placeholder="全部类型 All kinds")
        labels = st.multiselect("指标名称 Label", options["labels"], key=FILTER_KEYS["labels"],
                                bind="query-params", placeholder="全部名称 All labels")
        selection = Selection(tuple(regions), tuple(pillars), tuple(kinds), tuple(labels))
        rows = filter_table(table, selection)
        st.caption(f"{len(rows):,} / {len(table):,} 行 rows")
        st.button("清除筛选 Clear filters", on_click=clear_filters, disabled=selection.is_everything)
        st.download_button(
            "⬇ 下载筛选后的表 Filtered table (CSV)", data=lambda: csv_bytes(rows),
            file_name=file_name("orgwork-indicators", selection.describe()[:80]), mime="text/csv",
            on_click="ignore", key="download_filtered",
        )
    say_unknown(unknown)
    if uploaded is not None and scope == "all":
        replaced = data.replaced_documents(bundled.frame, uploaded.frame)
        if replaced:
            st.info("上传的文档替换了同名的内置文档 Uploaded documents replace the bundled ones of the same "
                    f"name: {short_list(replaced)}.", icon=":material/swap_horiz:")
    texts = {**bundled.texts, **(uploaded.texts if uploaded and scope != "bundled" else {})}
    files = bundled.files + (uploaded.files if uploaded and scope != "bundled" else [])
    current = View(table, rows, selection, source.label, files, texts)
    st.session_state[VIEW_KEY] = current
    return current


def clear_filters() -> None:
    for key in FILTER_KEYS.values():
        st.session_state[key] = []
        st.query_params.pop(key, None)


def unknown_in_url(key: str, options: list[str]) -> list[str]:
    """Values the URL gives for a filter that the table does not have (?region=不存在)."""
    known = set(options)
    return [v for v in st.query_params.get_all(key) if v and v not in known]


def say_unknown(unknown: dict[str, list[str]]) -> None:
    """Name, above the page, the URL's filter values that match nothing, instead of dropping them silently."""
    named = [f"{FILTER_KEYS[name]}={'、'.join(values)}" for name, values in unknown.items() if values]
    if named:
        st.warning("链接中的筛选值在数据中不存在，已忽略 The link asks for values this table does not have, "
                   f"so they are ignored: {'; '.join(named)}.", icon=":material/link_off:")


def _keep_in_url(key: str, then=None) -> None:
    value = st.session_state[key]
    st.query_params[key] = value if value is not None else []
    if then:
        then()


def coded_multiselect(label: str, options: list[str], format_func, key: str, **kwargs) -> list[str]:
    """A multiselect showing readable names whose URL parameter holds the codes (?pillar=talent).

    Streamlit's bind="query-params" would put the displayed names in the URL. Here the
    URL seeds the widget when it differs from what the session last wrote there (a
    shared link, a page link), and every change writes the codes back.
    """
    wanted = [v for v in st.query_params.get_all(key) if v in set(options)]
    current = [v for v in st.session_state.get(key, []) if v in set(options)]
    # A URL without the parameter is a move to another page (Streamlit drops unbound parameters
    # then): the session's choice stays, and is written back below.
    if key in st.query_params and wanted != current and st.session_state.get(f"_url_{key}") != wanted:
        st.session_state[key] = wanted
    elif key in st.session_state:
        st.session_state[key] = current
    chosen = st.multiselect(label, options, format_func=format_func, key=key, on_change=_keep_in_url,
                            args=(key,), **kwargs)
    st.query_params[key] = chosen
    st.session_state[f"_url_{key}"] = list(chosen)
    return chosen


def coded_selectbox(label: str, options: list[str], format_func, key: str, index: int = 0, where=st,
                    on_change=None, **kwargs) -> str:
    """A selectbox showing readable names whose URL parameter holds the code (?measure=talent_housing).

    A code in the URL that is not an option is named in a notice, and the default is shown.
    """
    wanted = st.query_params.get(key)
    if wanted and wanted not in options:
        st.warning(f"链接中的 {key}={wanted} 在数据中不存在 The link asks for {key}={wanted}, which this table "
                   "does not have; showing the first one instead.", icon=":material/link_off:")
    if wanted in options and st.session_state.get(f"_url_{key}") != wanted:
        st.session_state[key] = wanted
    elif st.session_state.get(key) not in options:
        st.session_state[key] = options[index]
    chosen = where.selectbox(label, options, format_func=format_func, key=key, on_change=_keep_in_url,
                             args=(key, on_change), **kwargs)
    st.query_params[key] = chosen
    st.session_state[f"_url_{key}"] = chosen
    return chosen


def view() -> View:
    return st.session_state[VIEW_KEY]


def document_text(current: View, doc_id: str) -> str | None:
    """A document's text: from this session's extraction, or from the documents folder."""
    if doc_id in current.texts:
        return current.texts[doc_id]
    return find_text(doc_id, str(data.docs_folder()))


def short_list(items: list[str], limit: int = 12) -> str:
    """Items joined with 、, the rest counted: a caption stays a line or two however many there are."""
    shown = "、".join(items[:limit])
    return shown + (f" … (+{len(items) - limit:,})" if len(items) > limit else "")


def nothing_to_show(rows, what: str) -> bool:
    """Say so when a filter leaves nothing, instead of drawing empty axes; True if empty.

    `what` is "中文 English", e.g. "指标 indicators": the message puts each half in its sentence.
    """
    if len(rows):
        return False
    zh, en = what.split(" ", 1)
    selection = view().selection
    because = f" for {selection.describe()}" if not selection.is_everything else ""
    st.info(f"没有符合条件的{zh}。No {en} match the filters{because}. "
            "Widen or clear the filters in the sidebar.", icon=":material/search_off:")
    return True


def chart_block(figure: go.Figure, rows: pd.DataFrame, name: list[str], key: str, on_select: bool = False,
                source: str = ""):
    """A chart, its source line right under it (as OWID's), and the CSV of exactly the rows it plots;
    returns the selection event."""
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {**PLOTLY_CONFIG["toImageButtonOptions"],
                                                        "filename": file_name(*name, suffix="")}}
    event = st.plotly_chart(figure, key=key, config=config, on_select="rerun" if on_select else "ignore",
                            selection_mode="points")
    if source:
        st.caption(source)
    # data as a callable: the CSV is written when the button is clicked, not on every rerun.
    st.download_button(f"⬇ 图表数据 Chart data (CSV, {len(rows):,} rows)", data=lambda: csv_bytes(rows),
                       file_name=file_name(*name), mime="text/csv", key=f"{key}_csv", on_click="ignore")
    return event


@st.cache_data(show_spinner=False, max_entries=2)
def measured_quality(token: str, gold_path: str) -> tuple[dict, list, list]:
    """The extraction's scores on the bundled gold, computed once per change of data/raw."""
    from dashboard.method import load_gold, measure

    extraction = load_bundled("folder", str(data.RAW_DIR), token)
    return measure(extraction.frame, load_gold(Path(gold_path)))


def csv_of(frame: pd.DataFrame) -> bytes:
    return csv_bytes(frame)


SHOWN_MARK = {True: "● 图中 shown", False: ""}


def statements_table(statements: pd.DataFrame, key: str) -> None:
    """Every statement of a measure: value as written (never a cut-off float), year, label, document, source link."""
    table = statements.head(MAX_TABLE_ROWS).assign(shown_mark=statements["shown"].map(SHOWN_MARK))
    if len(statements) > MAX_TABLE_ROWS:
        st.caption(f"显示前 {MAX_TABLE_ROWS:,} 行 First {MAX_TABLE_ROWS:,} of {len(statements):,} rows; "
                   "the CSV has them all.")
    st.dataframe(table, hide_index=True, key=key,
                 column_order=["region", "value_text", "unit", "qualifier", "year", "label", "shown_mark",
                               "doc_title", "doc_publisher", "source", "doc_url"],
                 column_config={
                     "region": "地区 Region", "value_text": "数值 Value", "unit": "单位 Unit",
                     "qualifier": "限定 Qualifier", "year": st.column_config.NumberColumn("年份 Year", format="%d"),
                     "label": "名称 Label", "shown_mark": "图中 Shown", "doc_title": "文档 Document",
                     "doc_publisher": "发布 Publisher",
                     "source": st.column_config.LinkColumn("出处 Source", display_text="查看原句 open"),
                     "doc_url": st.column_config.LinkColumn("原网页 URL", display_text="链接 link")})


def bundles_table(found: pd.DataFrame, key: str) -> None:
    """Programme bundles: N as an integer, members, a link to the sentence."""
    from dashboard.sources import source_link

    table = found.head(MAX_TABLE_ROWS).assign(
        n=found["value"].round().astype("Int64"),
        check=found["members_mismatch"].map({True: "成员数不符 mismatch", False: ""}),
        source=[source_link(d, s, e) for d, s, e in zip(found["doc_id"], found["start"], found["end"])])
    st.dataframe(
        table, hide_index=True, key=key,
        column_order=["region", "label", "n", "unit", "members", "check", "source", "pillar_name", "documents"],
        column_config={
            "region": "地区 Region", "label": "名称 Bundle", "n": st.column_config.NumberColumn("N", format="%d"),
            "unit": "计数名词 Noun", "pillar_name": "板块 Pillar", "members": "成员 Members",
            "check": "核对 Check", "documents": "文档 Docs",
            "source": st.column_config.LinkColumn("出处 Source", display_text="查看原文 open"),
        })


def documents_table(documents: pd.DataFrame, key: str) -> None:
    """Documents by title, publisher and date, each linked to its marked text and, where known, its web page."""
    from urllib.parse import urlencode

    from dashboard.sources import SOURCES_PATH

    table = documents.assign(open=[f"{SOURCES_PATH}?{urlencode({'doc': d})}" for d in documents["doc_id"]])
    st.dataframe(table, hide_index=True, key=key,
                 column_order=["doc_title", "doc_publisher", "doc_date", "year", "region", "mentions", "open",
                               "doc_url"],
                 column_config={
                     "doc_title": "标题 Title", "doc_publisher": "发布 Publisher", "doc_date": "日期 Date",
                     "year": st.column_config.NumberColumn("年份 Year", format="%d"), "region": "地区 Region",
                     "mentions": "提及 Mentions",
                     "open": st.column_config.LinkColumn("原文 Text", display_text="查看 open"),
                     "doc_url": st.column_config.LinkColumn("原网页 URL", display_text="链接 link")})


def source_of(current: View, rows: pd.DataFrame) -> str:
    """The source line for a chart of `rows`: the documents they come from, by title, publisher and date."""
    from dashboard.compare import DOC_COLUMNS, documents_of, source_line

    if set(DOC_COLUMNS) | {"region"} <= set(rows.columns):     # rows of the table itself: no lookup
        return source_line(documents_of(rows))
    doc_ids = rows["doc_id"].unique()
    return source_line(documents_of(current.table[current.table["doc_id"].isin(doc_ids).to_numpy()]))


def source_summary(current: View) -> str:
    """Where the numbers come from, for the overview: documents and publishers, never a server path."""
    kind = "内置报告 bundled reports" if current.source.startswith("folder") else "数据表 the loaded table"
    publishers = sorted({str(p) for p in current.table["doc_publisher"].unique() if str(p)})
    text = f"{current.table['doc_id'].nunique():,} 份文档 documents ({kind})"
    return text + ("，发布 published by " + short_list(publishers, 5) if publishers else "")
