"""Reports a user uploads: checked, written to a scratch folder, extracted one by one.

Each file gets its own verdict, so a broken, empty or oversized file is named
with its reason and the others are extracted all the same.
"""
from __future__ import annotations

import dataclasses
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dashboard.data import Extraction, FileReport, Progress, extract_paths
from extract.read import documents

MAX_FILE_MB = 20                  # our limit per file, checked here with a message naming the file
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
# The file picker's own limit, well above ours: a file it refuses only gets a red mark in
# the picker and never reaches Python, so ours must be the one that normally says no.
# Beyond this, the browser does not even send the file (spares the server's memory).
PICKER_LIMIT_MB = 100
# File systems allow 255 bytes a name (85 Chinese characters in UTF-8); a longer
# name is shortened to this many bytes, leaving room for a "-2" that tells repeats apart.
MAX_NAME_BYTES = 200
UNSAFE_IN_NAMES = re.compile(r"[\x00-\x1f\x7f/\\]")   # control characters (NUL too) and separators
# The formats the upload page offers; the extraction says which it reads so far.
OFFERED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def offered_suffixes() -> list[str]:
    """Suffixes for the file picker, without the dot: the offered ones and any the extraction adds."""
    return sorted({s.lstrip(".") for s in (*OFFERED_SUFFIXES, *documents.SUPPORTED_SUFFIXES)})


def upload_problem(upload: Upload) -> str | None:
    """Why a file cannot be extracted before even reading it, or None."""
    suffix = Path(upload.name).suffix.lower()
    supported = documents.SUPPORTED_SUFFIXES
    if suffix not in supported:
        return (f"{upload.name}: {suffix or 'files without a suffix'} cannot be read yet "
                f"(readable: {', '.join(supported)})")
    if len(upload.data) > MAX_FILE_BYTES:
        return (f"{upload.name}: {len(upload.data) / 1024 / 1024:.1f} MB is over the limit of "
                f"{MAX_FILE_MB} MB per file; split the report or upload a plain-text version")
    if not upload.data.strip():
        return f"{upload.name}: the file is empty"
    return None


def extract_uploads(uploads: list[Upload], progress: Progress | None = None) -> Extraction:
    """Extract the uploaded files; reports come back in upload order, one per file.

    Each file is stored under a name the file system takes and no other upload
    has; a file stored under another name than it came with says so in a warning.
    """
    verdicts: dict[int, FileReport] = {}
    stored = stored_names([u.name for u in uploads])
    with tempfile.TemporaryDirectory(prefix="orgwork-upload-") as folder:
        paths = {}
        for index, (upload, (name, _)) in enumerate(zip(uploads, stored)):
            problem = upload_problem(Upload(name, upload.data)) or _store(Path(folder) / name, upload.data)
            if problem:
                verdicts[index] = FileReport(name, Path(name).stem, 0, error=problem)
                continue
            paths[index] = Path(folder) / name
        extraction = extract_paths(list(paths.values()), progress)
    verdicts.update(zip(paths, extraction.files))
    extraction.files = [_with_rename_note(verdicts[i], note) for i, (_, note) in enumerate(stored)]
    return extraction


def replacement_notes(files: list[FileReport], bundled_doc_ids: set[str]) -> list[str]:
    """For each upload that shares its doc_id with a bundled report, which replaces which.

    Shown with the bundled reports ("all"), such an upload stands in for the
    bundled report (`data.combine`), so the sources page never has two texts
    under one name; the user is told rather than left to wonder.
    """
    return [f"{report.name} has the name of a bundled report ({report.doc_id}): with all reports shown, "
            "the upload replaces it" for report in files if report.error is None and report.doc_id in bundled_doc_ids]


def _store(path: Path, data: bytes) -> str | None:
    """Write one upload to the scratch folder; why it could not be, or None."""
    try:
        path.write_bytes(data)
    except OSError as error:
        return f"{path.name}: could not be stored for reading ({error.strerror or error})"
    return None


def _with_rename_note(report: FileReport, note: str | None) -> FileReport:
    return dataclasses.replace(report, warnings=(note, *report.warnings)) if note else report


def stored_names(names: list[str]) -> list[tuple[str, str | None]]:
    """For each upload, the file name it is stored under and, where that differs, a note why.

    Repeats are numbered (报告.txt, 报告-2.txt), never onto a name another upload has.

    >>> stored_names(["a.txt", "a.txt", "a-2.txt"])[1:]
    [('a-3.txt', 'a.txt is read as a-3.txt: another upload has the same name'), ('a-2.txt', None)]
    """
    safe = [safe_name(name) for name in names]
    taken = {name for name, _ in safe}
    used: set[str] = set()
    stored = []
    for original, (name, note) in zip(names, safe):
        if name in used:
            stem, suffix = Path(name).stem, Path(name).suffix
            number = 2
            while f"{stem}-{number}{suffix}" in used | taken:
                number += 1
            name = f"{stem}-{number}{suffix}"
            note = f"{shown(original)} is read as {name}: another upload has the same name"
        used.add(name)
        stored.append((name, note))
    return stored


def safe_name(name: str) -> tuple[str, str | None]:
    """A name the file system takes for an upload's name, and a note when it had to change.

    >>> safe_name("报告.txt"), safe_name("../../etc/passwd.txt")
    (('报告.txt', None), ('passwd.txt', None))
    """
    base = re.split(r"[/\\]", name)[-1]
    cleaned = UNSAFE_IN_NAMES.sub("_", base)
    note = None if cleaned == base else "the name holds control characters"
    if not cleaned.strip(". "):
        cleaned, note = "upload", "it is not a file name"
    stem, suffix = Path(cleaned).stem, Path(cleaned).suffix
    if len(cleaned.encode("utf-8")) > MAX_NAME_BYTES:
        suffix = suffix if len(suffix.encode("utf-8")) <= 16 else ""
        stem = stem.encode("utf-8")[:MAX_NAME_BYTES - len(suffix.encode("utf-8"))].decode("utf-8", "ignore")
        note = "the name is longer than file systems allow"
    safe = stem + suffix
    return safe, (f"{shown(name)} is read as {safe}: {note}" if note else None)


def shown(name: str) -> str:
    """A name as a message can show it: control characters visible, not acted on."""
    return repr(name) if UNSAFE_IN_NAMES.search(name.replace("/", "").replace("\\", "")) else name
