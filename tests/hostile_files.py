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
