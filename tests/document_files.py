"""Small report files of every supported format, built in a test's tmp_path (nothing binary is committed)."""
from __future__ import annotations

from pathlib import Path

import docx
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with one line of text per entry, in reportlab's built-in Chinese CID font."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    for lines in pages:
        pdf.setFont("STSong-Light", 12)
        for number, line in enumerate(lines):
            pdf.drawString(72, 750 - 20 * number, line)
        pdf.showPage()
    pdf.save()
    return path


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def write_html(path: Path, paragraphs: list[str], encoding: str = "utf-8") -> Path:
    """A page with navigation, a script and a footer around the article, as sites publish them."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f'<html><head><meta charset="{encoding}"><script>var n="999人";</script></head><body>'
            f"<nav>首页 | 新闻 | 共有88个栏目</nav><article>{body}</article>"
            f"<footer>版权所有 备案号12345号</footer></body></html>")
    path.write_bytes(page.encode(encoding))
    return path
