"""Read report files into plain text: the text every offset in the table refers to."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

SUPPORTED_SUFFIXES = (".txt",)


class DocumentError(Exception):
    """A file that cannot be read as a report; the message names the file and why."""

    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Document:
    doc_id: str       # the file name without extension
    path: str
    text: str         # the plain text the offsets refer to
    format: str       # txt, html, docx, pdf
    encoding: str


def read_document(path: str | Path) -> Document:
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DocumentError(path, str(error)) from error
    return Document(path.stem, str(path), text, "txt", "utf-8")


def find_documents(inputs: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the supported files inside folders, in a stable order."""
    found: list[Path] = []
    for item in map(Path, inputs):
        if item.is_dir():
            found += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            found.append(item)
    return found
