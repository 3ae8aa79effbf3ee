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
from dashboard.downloads import csv_bytes, file_name
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
        regions = st.multiselect("地区 Region", options["regions"], key=FILTER_KEYS["regions"],
                                 bind="query-params", placeholder="全部地区 All regions")
        pillars = st.multiselect("板块 Pillar", options["pillars"], format_func=pillar_label,
                                 key=FILTER_KEYS["pillars"], bind="query-params", placeholder="全部板块 All pillars")
        kinds = st.multiselect("类型 Kind", options["kinds"], format_func=kind_label, key=FILTER_KEYS["kinds"],
                               bind="query-params", placeholder="全部类型 All kinds")
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
    texts = {**bundled.texts, **(uploaded.texts if uploaded and scope != "bundled" else {})}
    files = bundled.files + (uploaded.files if uploaded and scope != "bundled" else [])
    current = View(table, rows, selection, source.label, files, texts)
    st.session_state[VIEW_KEY] = current
    return current


def clear_filters() -> None:
    for key in FILTER_KEYS.values():
        st.session_state[key] = []


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


def chart_block(figure: go.Figure, rows: pd.DataFrame, name: list[str], key: str, on_select: bool = False):
    """A chart with the CSV of exactly the rows it plots beside it; returns the selection event."""
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {**PLOTLY_CONFIG["toImageButtonOptions"],
                                                        "filename": file_name(*name, suffix="")}}
    event = st.plotly_chart(figure, key=key, config=config, on_select="rerun" if on_select else "ignore",
                            selection_mode="points")
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
