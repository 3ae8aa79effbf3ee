"""Reports a user uploads: checked, written to a scratch folder, extracted one by one.

Each file gets its own verdict, so a broken, empty or oversized file is named
with its reason and the others are extracted all the same.
"""
from __future__ import annotations

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
    """Extract the uploaded files; reports come back in upload order, one per file."""
    verdicts: dict[int, FileReport] = {}
    names = _unique_names([Path(u.name).name for u in uploads])
    with tempfile.TemporaryDirectory(prefix="orgwork-upload-") as folder:
        paths = {}
        for index, (upload, name) in enumerate(zip(uploads, names)):
            problem = upload_problem(Upload(name, upload.data))
            if problem:
                verdicts[index] = FileReport(name, Path(name).stem, 0, error=problem)
                continue
            paths[index] = Path(folder) / name
            paths[index].write_bytes(upload.data)
        extraction = extract_paths(list(paths.values()), progress)
    verdicts.update(zip(paths, extraction.files))
    extraction.files = [verdicts[i] for i in range(len(uploads))]
    return extraction


def _unique_names(names: list[str]) -> list[str]:
    """Names with repeats numbered (报告.txt, 报告-2.txt), so no upload overwrites another."""
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            path = Path(name)
            name = f"{path.stem}-{seen[name]}{path.suffix}"
        unique.append(name)
    return unique
