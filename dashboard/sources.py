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


def highlight_html(text: str, mentions: pd.DataFrame, focus: tuple[int, int] | None = None) -> str:
    """The document as HTML with each placeable mention marked by kind; the focused one stands out.

    Overlapping mentions: the first in text order is marked, the rest stay in the table.
    """
    ok = mentions[placeable(text, mentions)].sort_values(["start", "end"])
    pieces: list[str] = []
    cursor = 0
    for _, row in ok.iterrows():
        start, end = int(row["start"]), int(row["end"])
        if start < cursor:
            continue
        is_focus = focus == (start, end)
        style = FOCUS_STYLE if is_focus else KIND_STYLES.get(str(row["kind"]), "")
        anchor = f' id="{FOCUS_ID}"' if is_focus else ""
        pieces += [html.escape(text[cursor:start]),
                   f'<mark{anchor} style="{style};padding:0 2px;border-radius:3px" '
                   f'title="{html.escape(describe(row), quote=True)}">{html.escape(text[start:end])}</mark>']
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
    return f'<div style="font-size:0.9rem">{marks}<mark style="{FOCUS_STYLE};padding:0 4px">所选 selected</mark></div>'
