"""One document in, its table rows out: the pure per-document function.

Every way of running the extraction (one process, a pool, Dask) maps
`extract_file` over paths, so the table is the same row for row however it ran.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .attribute.dates import detect_date
from .read.documents import Document, DocumentError, read_document
from .find.indicators import find_indicators
from .attribute.labels import assign_labels
from .attribute.measures import assign_measures
from .attribute.pillars import assign_pillars
from .find.programs import find_programs
from .attribute.regions import UNRECOGNISED_NAME, detect_region
from .read.structure import layout_of
from .table import mention_row
from .find.textspans import protected_spans, quotations


@dataclass
class DocumentResult:
    doc_id: str
    path: str
    rows: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None     # set when the file could not be read; rows are then empty


def find_mentions(text: str) -> list:
    """All mentions of a text, in document order, with sentence, label, measure and pillar set."""
    layout = layout_of(text)
    quoted = quotations(text)
    programs = find_programs(text, quoted)
    protected = protected_spans(text, quoted)
    for mention in programs:
        protected.add(mention.start, mention.end)
    indicators = find_indicators(text, protected)
    mentions = sorted(indicators + programs, key=lambda m: (m.start, m.end))
    sentences = [layout.sentence_at(mention.start) for mention in mentions]
    for mention, sentence in zip(mentions, sentences):
        mention.sentence = sentence.text
    assign_labels(text, mentions)
    assign_measures(text, mentions)
    assign_pillars(layout, mentions, sentences)
    return mentions


def extract_text(text: str, doc_id: str, path: str = "") -> DocumentResult:
    region = detect_region(text)
    year, doc_date = detect_date(text)
    doc_fields = {
        "doc_id": doc_id, "region": region.name, "province": region.province,
        "region_level": region.level, "county": region.county, "city": region.city,
        "latitude": region.latitude, "longitude": region.longitude,
        "year": year, "doc_date": doc_date,
    }
    result = DocumentResult(doc_id, path or doc_id)
    if region.name == UNRECOGNISED_NAME:
        result.warnings.append(f"{result.path}: no locality named in the text; region left as {UNRECOGNISED_NAME}")
    result.rows = [mention_row(doc_fields, m) for m in find_mentions(text)]
    return result


def extract_document(document: Document) -> DocumentResult:
    return extract_text(document.text, document.doc_id, document.path)


def extract_file(path: str | Path) -> DocumentResult:
    """Read and extract one file; a file that fails comes back with its error, never raises.

    A corpus run must not die on one document: an unreadable file is reported with
    its reason, and so is a document the extraction itself trips on (with the
    exception, so the bug can be found), while every other file is still extracted.
    """
    try:
        document = read_document(path)
    except DocumentError as error:
        return DocumentResult(Path(path).stem, str(path), error=str(error))
    try:
        return extract_document(document)
    except Exception as error:  # noqa: BLE001 — reported per file, see the docstring
        return DocumentResult(document.doc_id, str(path),
                              error=f"{path}: extraction failed ({type(error).__name__}: {error})")
