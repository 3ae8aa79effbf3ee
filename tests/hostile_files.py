"""Hostile input files, built by the tests in tmp_path at a scaled-down size (nothing large is committed)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx

CHUNK = b" " * (1024 * 1024)


def write_zip_bomb_docx(path: Path, inflated_mb: int, text: str = "全区培训干部1200人次。") -> Path:
    """A sound .docx whose document.xml is padded with `inflated_mb` MB of blanks: a few hundred KB on disk.

    Whitespace between elements is valid XML, so only the size gives it away.
    """
    source = path.with_name(path.stem + ".source.docx")
    document = docx.Document()
    document.add_paragraph(text)
    document.save(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in original.infolist():
            data = original.read(member)
            if member.filename != "word/document.xml":
                bomb.writestr(member, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            info = zipfile.ZipInfo("word/document.xml")
            info.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(info, "w", force_zip64=True) as stream:
                stream.write(head + b"<w:body>")
                for _ in range(inflated_mb):
                    stream.write(CHUNK)
                stream.write(tail)
    source.unlink()
    return path


def write_docx_with_doctype(path: Path, doctype: str, body_text: str) -> Path:
    """A .docx whose document.xml declares `doctype` and holds `body_text` (entities and all)."""
    import io

    source = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("PLACEHOLDER")
    document.save(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for member in original.infolist():
            data = original.read(member)
            if member.filename == "word/document.xml":
                declaration, rest = data.decode("utf-8").split("?>", 1)
                data = (declaration + "?>" + doctype + rest.replace("PLACEHOLDER", body_text)).encode("utf-8")
            rewritten.writestr(member, data)
    return path


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
BILLION_LAUGHS = ('<!DOCTYPE w:document [<!ENTITY a "lollollollol">'
                  + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)) + "]>")


def write_encrypted_pdf(path: Path, line: str) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(72, 700, line)
    pdf.showPage()
    pdf.save()
    return path


def write_sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space (a hole): for size limits."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path
