"""What a document says about itself: its title, its publisher or issuing body, its URL.

The title is the first line that reads as a heading (not page furniture such as
breadcrumbs, not a paragraph); failing that, the first sentence of the text.
The publisher is what a byline names after 来源/稿源/发布机构 (the cues are in
extract/resources/metadata.yaml). The URL is the page's canonical link or its
`og:url` for HTML; a folder of reports may also carry a `sources.csv`
(`doc_id,title,url,publisher,date`) whose entries override what the text says.
"""
from __future__ import annotations

import csv
import os
import re
from functools import lru_cache
from pathlib import Path

from ..resources import load_yaml, word_list

SIDECAR_NAME = "sources.csv"
SIDECAR_FIELDS = ("title", "url", "publisher", "date")
HEAD_BYTES = 256 * 1024          # canonical links and og:url sit in the page's head
LINES_TO_SCAN = 40               # a title or byline comes near the top; the whole text is never scanned
TAG = re.compile(rb"<(link|meta)\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(rb"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
SENTENCE_END = re.compile(r"[。！？!?]")
TITLE_TAIL = "—–-:：，, "          # a heading that leads into its text (发出动员令——) ends at its words


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, tuple[str, ...], int, int]:
    cues = sorted(word_list("metadata.yaml", "publisher_cues"), key=len, reverse=True)
    byline = re.compile(r"(?:^|\s|\|)(?:" + "|".join(map(re.escape, cues)) + r")\s*[:：]\s*([^\s|｜]{2,40})")
    length = load_yaml("metadata.yaml")["title_length"]
    return byline, tuple(word_list("metadata.yaml", "navigation_marks")), int(length["min"]), int(length["max"])


def _top_lines(text: str) -> list[str]:
    return [line.strip() for line in text[:8000].splitlines()[:LINES_TO_SCAN] if line.strip()]


def document_title(text: str, top_lines: list[str] | None = None) -> str:
    """The document's title: its first heading-like line, else its first sentence.

    >>> document_title("首页 / 要闻\\n人民网\\n踔厉奋发 勇毅前行\\n正文第一段。")
    '踔厉奋发 勇毅前行'
    >>> document_title("27日,汽开区召开党建工作会议。会议要求……")
    '27日,汽开区召开党建工作会议'
    """
    _, navigation, shortest, longest = _cues()
    lines = _top_lines(text) if top_lines is None else top_lines
    for line in lines:
        if (shortest <= len(line) <= longest and not SENTENCE_END.search(line)
                and not any(mark in line for mark in navigation)):
            return line.rstrip(TITLE_TAIL)
        if len(line) > longest and SENTENCE_END.search(line):
            break       # the body has begun: a short line after it heads a section or closes the text (德州日报新媒体出品)
    first = next((line for line in lines if not any(mark in line for mark in navigation)), "")
    return SENTENCE_END.split(first, maxsplit=1)[0][:longest]


def document_publisher(text: str, top_lines: list[str] | None = None) -> str:
    """The source or issuing body a byline names near the top or at the end ("" if none).

    >>> document_publisher("标题\\n2022年06月28日08:33 | 来源：人民网-吉林频道\\n正文")
    '人民网-吉林频道'
    """
    byline = _cues()[0]
    top_lines = _top_lines(text) if top_lines is None else top_lines
    tail = [line.strip() for line in text[-2000:].splitlines()[-LINES_TO_SCAN:]]
    # A byline always has its colon: the regex reads only the lines with one.
    for line in [line for line in top_lines + tail if ":" in line or "：" in line]:
        match = byline.search(line)
        if match:
            return match.group(1)
    return ""


def page_url(html: bytes) -> str:
    """The page's canonical link, else its og:url ("" if it has neither).

    >>> page_url(b'<head><meta property="og:url" content="https://a.cn/x"><link href="https://a.cn/y" rel="canonical"></head>')
    'https://a.cn/y'
    """
    found: dict[str, str] = {}
    for tag in TAG.finditer(html[:HEAD_BYTES]):
        attributes = {m[1].lower(): (m[2] or m[3] or m[4]) for m in ATTRIBUTE.finditer(tag.group())}
        href, content = attributes.get(b"href", b""), attributes.get(b"content", b"")
        if b"canonical" in attributes.get(b"rel", b"").lower().split() and href:
            found.setdefault("canonical", href.decode("utf-8", "replace").strip())
        elif attributes.get(b"property", b"").lower() == b"og:url" and content:
            found.setdefault("og", content.decode("utf-8", "replace").strip())
    return found.get("canonical") or found.get("og", "")


class SidecarError(ValueError):
    """A sources.csv that cannot be used: its documents are extracted without it."""


def sidecar_entry(path: str | Path) -> dict[str, str]:
    """The row for this file in a `sources.csv` beside it (title, url, publisher, date), or {}.

    Raises SidecarError for a sources.csv that cannot be read or lacks its key column."""
    if not os.path.isfile(os.path.join(os.path.dirname(path), SIDECAR_NAME)):
        return {}       # most folders have none: os.path answers without building Paths
    path = Path(path)
    sidecar = path.parent / SIDECAR_NAME
    return _read_sidecar(str(sidecar), sidecar.stat().st_mtime).get(path.stem, {})


@lru_cache(maxsize=16)
def _read_sidecar(path: str, modified: float) -> dict[str, dict[str, str]]:
    """doc_id → its non-empty fields; read once per change of the file. The key column is
    `doc_id` (the file name without its extension) or `file` (the file name)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            key = next((name for name in ("doc_id", "file") if name in (reader.fieldnames or [])), None)
            if key is None:
                raise SidecarError(f"{path}: not used, it needs a doc_id or file column "
                                   "(doc_id,title,url,publisher,date)")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SidecarError(f"{path}: not used, it cannot be read as UTF-8 CSV ({error})") from error
    entries = {}
    for row in rows:
        doc_id = (row.get(key) or "").strip()
        if key == "file":
            doc_id = Path(doc_id).stem
        if doc_id:
            entries[doc_id] = {k: (row.get(k) or "").strip() for k in SIDECAR_FIELDS if (row.get(k) or "").strip()}
    return entries


def document_fields(text: str, path: str = "", url: str = "", title: str | None = None) -> dict[str, str]:
    """The table's doc_title, doc_publisher and doc_url, with a sidecar's entries taking precedence;
    `doc_date` and `year` only when the sidecar gives a date. `title`: document_title(text), when
    the caller has it already."""
    listed = sidecar_entry(path) if path else {}      # SidecarError: the caller warns and goes on
    top_lines = _top_lines(text)        # read by both
    fields = {"doc_title": listed.get("title") or (document_title(text, top_lines) if title is None else title),
              "doc_publisher": listed.get("publisher") or document_publisher(text, top_lines),
              "doc_url": listed.get("url") or url}
    if listed.get("date"):
        fields["doc_date"] = listed["date"]
        year = re.match(r"(19|20)\d\d", listed["date"])
        if year:
            fields["year"] = int(year.group())
    return fields
