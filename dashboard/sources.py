"""A document with its mentions marked: the HTML the sources page shows, and links into it.

Every mention carries the offsets of its characters (`start`, `end`); a link
names the document and those offsets (`sources?doc=…&at=1235-1242`), and the
page marks that span. A row whose text is not `document[start:end]` (the table
was made from another version of the file) is listed as unplaceable rather
than marked in the wrong place.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlencode

import pandas as pd

from dashboard.names import kind_label, pillar_label, qualifier_label

SOURCES_PATH = "sources"        # the url_path of the sources page (streamlit_app.py)
KIND_STYLES = {
    "indicator": "background:#fde68a",
    "program_count": "background:#bfdbfe",
    "formula": "background:#e5e7eb",
}
FOCUS_STYLE = "outline:3px solid #dc2626;background:#fecaca"
REGION_STYLE = "outline:2px solid #059669;background:#d1fae5"
# How the extraction chose the document's region (the table's region_cue).
REGION_CUES = {
    "author": "作者署名 author line",
    "source": "来源 source line",
    "byline": "发布媒体 byline",
    "dateline": "电头 dateline",
    "title": "标题 title prefix",
    "subject": "开篇主体 opening subject",
    "self_reference": "我县/本区 所指 self-reference",
    "most_named": "提及最多 most named",
}
# Not "focus": st.html's sanitiser drops ids that shadow DOM properties (document.focus).
FOCUS_ID = "selected-mention"
AT_PATTERN = re.compile(r"^(\d+)-(\d+)$")
# Scrolls the document's box (not the page, so the selected sentence above stays in view)
# to the selected mention once it is drawn. A fixed script: no text from a document or URL
# goes into it (the text is in a separate, script-free st.html).
SCROLL_TO_FOCUS = f"""<script>
(function scroll(tries) {{
  const mark = document.getElementById("{FOCUS_ID}");
  if (!mark) {{ if (tries > 0) setTimeout(() => scroll(tries - 1), 100); return; }}
  let box = mark.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 2 && /auto|scroll/.test(getComputedStyle(box).overflowY))) {{
    box = box.parentElement;
  }}
  if (box) {{
    const at = mark.getBoundingClientRect(), frame = box.getBoundingClientRect();
    box.scrollTop += at.top - frame.top - frame.height / 2;
  }}
}})(30);
</script>"""


def source_link(doc_id: str, start: int, end: int) -> str:
    """A relative link to the sources page opened on one mention.

    >>> source_link("003_蓬江", 223, 227)
    'sources?doc=003_%E8%93%AC%E6%B1%9F&at=223-227'
    """
    return f"{SOURCES_PATH}?{urlencode({'doc': doc_id, 'at': f'{int(start)}-{int(end)}'})}"


def parse_at(value: str | None) -> tuple[int, int] | None:
    """The span of an `at` parameter ("1235-1242"), or None if it is not one.

    >>> parse_at("1235-1242"), parse_at("x")
    ((1235, 1242), None)
    """
    match = AT_PATTERN.match(value or "")
    if not match:
        return None
    start, end = int(match[1]), int(match[2])
    return (start, end) if start < end else None


def placeable(text: str, mentions: pd.DataFrame) -> pd.Series:
    """Which mentions' offsets point at their own text in this document."""
    return pd.Series([0 <= s < e <= len(text) and text[s:e] == t
                      for s, e, t in zip(mentions["start"], mentions["end"], mentions["text"].astype(str))],
                     index=mentions.index, dtype=bool)


def describe(row: pd.Series) -> str:
    """A mention in one line: kind, label, value and unit, qualifier, pillar."""
    parts = [kind_label(str(row["kind"])), str(row["label"])]
    if pd.notna(row["value"]):
        parts.append(f"{row['value']:,.6g} {row['unit']}".strip())
        parts.append(qualifier_label(str(row["qualifier"])))
    if row["kind"] != "formula":
        parts.append(pillar_label(str(row["pillar"])))
    return " · ".join(p for p in parts if p)


def region_evidence(text: str, mentions: pd.DataFrame) -> tuple[int, int, str] | None:
    """(start, end, cue) of the mention that decided the document's region, when the table has it
    and it points inside this text; None otherwise (未识别, an older table, another file version)."""
    if mentions.empty or not {"region_start", "region_end", "region_cue"} <= set(mentions.columns):
        return None
    first = mentions.iloc[0]
    start, end, cue = first["region_start"], first["region_end"], first["region_cue"]
    if pd.isna(start) or pd.isna(end) or not 0 <= int(start) < int(end) <= len(text):
        return None
    return int(start), int(end), "" if pd.isna(cue) else str(cue)


def cue_label(cue: str) -> str:
    return REGION_CUES.get(cue, cue)


def region_caption_html(text: str, region: str, evidence: tuple[int, int, str] | None) -> str:
    """One line under the document's title: why this region, with the deciding characters."""
    if evidence is None:
        return ""
    start, end, cue = evidence
    return (f'<div style="font-size:0.9rem">地区依据 Region evidence: '
            f'<mark style="{REGION_STYLE};padding:0 4px">{html.escape(text[start:end])}</mark> → '
            f'{html.escape(region)} · {html.escape(cue_label(cue))} · 位置 offset {start}</div>')


def highlight_html(text: str, mentions: pd.DataFrame, focus: tuple[int, int] | None = None,
                   region: tuple[int, int, str] | None = None) -> str:
    """The document as HTML with each placeable mention marked by kind; the focused one stands out;
    `region` (start, end, cue), the mention that decided the region, is marked with its cue.

    Overlapping mentions: the first in text order is marked, the rest stay in the table.
    """
    ok = mentions[placeable(text, mentions)].sort_values(["start", "end"])
    spans = [(int(row["start"]), int(row["end"]), row) for _, row in ok.iterrows()]
    if region is not None:
        spans.append((region[0], region[1], None))
        spans.sort(key=lambda span: (span[0], span[1]))
    pieces: list[str] = []
    cursor = 0
    for start, end, row in spans:
        if start < cursor:
            continue
        if row is None:
            style, anchor, title = REGION_STYLE, "", f"地区依据 region evidence: {cue_label(region[2])}"
        else:
            is_focus = focus == (start, end)
            style = FOCUS_STYLE if is_focus else KIND_STYLES.get(str(row["kind"]), "")
            anchor, title = (f' id="{FOCUS_ID}"' if is_focus else ""), describe(row)
        pieces += [html.escape(text[cursor:start]),
                   f'<mark{anchor} style="{style};padding:0 2px;border-radius:3px" '
                   f'title="{html.escape(title, quote=True)}">{html.escape(text[start:end])}</mark>']
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    body = "".join(pieces).replace("\n", "<br>")
    return f'<div style="line-height:1.9;font-size:1.02rem;word-break:break-all">{body}</div>'


def sentence_html(row: pd.Series) -> str:
    """The mention's sentence with the mention in bold red, for the 'came from' box."""
    sentence, mention = str(row["sentence"]), str(row["text"])
    escaped = html.escape(sentence)
    if mention and mention in sentence:
        at = sentence.index(mention)
        escaped = (html.escape(sentence[:at]) + f'<b style="color:#b91c1c">{html.escape(mention)}</b>'
                   + html.escape(sentence[at + len(mention):]))
    return f'<blockquote style="font-size:1.1rem;line-height:1.8;margin:0">{escaped}</blockquote>'


def legend_html() -> str:
    marks = "".join(f'<mark style="{style};padding:0 4px;margin-right:8px">{html.escape(kind_label(kind))}</mark>'
                    for kind, style in KIND_STYLES.items())
    return (f'<div style="font-size:0.9rem">{marks}<mark style="{FOCUS_STYLE};padding:0 4px;margin-right:8px">所选 selected</mark>'
            f'<mark style="{REGION_STYLE};padding:0 4px">地区依据 region evidence</mark></div>')
