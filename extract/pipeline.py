"""One document in, its table rows out: the pure per-document function.

Every way of running the extraction (one process, a pool, Dask) maps
`extract_file` over paths, so the table is the same row for row however it ran.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .attribute.dates import detect_date
from .read.documents import Document, DocumentError, read_document
from .read.metadata import SidecarError, document_fields, document_title
from .find.indicators import find_indicators
from .attribute.labels import assign_labels
from .attribute.measures import assign_measures
from .attribute.pillars import assign_pillars
from .find.programs import find_programs
from .attribute.regions import UNRECOGNISED_NAME, choose_region
from .read.views import ReadingView, reading_view
from .read.script import simplified_view
from .read.structure import Span, layout_of, window_around
from .table import mention_row
from .find.textspans import protected_spans, quotations


# The `sentence` column holds at most this many characters around the mention, with
# their offsets: a text without sentence punctuation must not copy itself into every row.
MAX_STORED_SENTENCE = 300


@dataclass
class DocumentResult:
    doc_id: str
    path: str
    rows: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None     # set when the file could not be read; rows are then empty


def find_mentions(text: str) -> list:
    """All mentions of a text, in document order, with sentence, label, measure and pillar set."""
    return [mention for mention, _ in mentions_with_sentences(text)]


def mentions_with_sentences(text: str) -> list[tuple]:
    """(mention, the span of its stored sentence) for all mentions of a text, in document order."""
    layout = layout_of(text)
    quoted = quotations(text)
    programs = find_programs(text, quoted)
    protected = protected_spans(text, quoted, [(mention.start, mention.end) for mention in programs])
    indicators = find_indicators(text, protected)
    mentions = sorted(indicators + programs, key=lambda m: (m.start, m.end))
    sentences = [layout.sentence_at(mention.start) for mention in mentions]
    sentences = [s if m.end <= s.end else Span(s.start, m.end, text[s.start:m.end])   # across an over-long
                 for m, s in zip(mentions, sentences)]                                # sentence's cut
    windows = [window_around(s, m.start, m.end, MAX_STORED_SENTENCE) for m, s in zip(mentions, sentences)]
    for mention, window in zip(mentions, windows):
        mention.sentence = window.text
    assign_labels(text, mentions)
    assign_measures(text, mentions)
    assign_pillars(layout, mentions, sentences)
    return list(zip(mentions, windows))


MAX_NAMED_CANDIDATES = 5


def extract_text(text: str, doc_id: str, path: str = "", url: str = "") -> DocumentResult:
    # A text in traditional characters is read through its simplified twin (same offsets), and
    # one with pinyin glosses (開(kāi)發(fā)區) or hard line wraps without them (offsets mapped back);
    # rows and the document's title still quote its own characters.
    reading = reading_view(simplified_view(text))
    view = reading.text
    title = document_title(view)        # worked out once: the region reads it, and the table when view is text
    choice = choose_region(view, title)
    if reading.shifted and choice.start is not None:
        choice = replace(choice, start=reading.start_of(choice.start), end=reading.end_of(choice.end))
    region = choice.region
    year, doc_date = detect_date(view)
    result = DocumentResult(doc_id, path or doc_id)
    try:
        own_title = title if view is text else None
        described = document_fields(text, path, url, own_title)
    except SidecarError as error:
        result.warnings.append(str(error))
        described = document_fields(text, "", url, own_title)
    doc_fields = {
        "doc_id": doc_id, "region": region.name, "province": region.province,
        "region_level": region.level, "county": region.county, "city": region.city,
        "region_start": choice.start, "region_end": choice.end, "region_cue": choice.cue,
        "latitude": region.latitude, "longitude": region.longitude,
        "year": year, "doc_date": doc_date,
        **described,
    }
    if region.name == UNRECOGNISED_NAME:
        weighed = f" (candidates weighed: {'、'.join(choice.candidates)})" if choice.candidates else ""
        result.warnings.append(f"{result.path}: no locality named clearly enough in the text; "
                               f"region left as {UNRECOGNISED_NAME}{weighed}")
    elif choice.candidates:
        result.warnings.append(f"{result.path}: {region.name} is a name several places share and the text "
                               f"does not say which; its county, city and province are left empty "
                               f"(it may be {'、'.join(choice.candidates[:MAX_NAMED_CANDIDATES])}"
                               f"{' …' if len(choice.candidates) > MAX_NAMED_CANDIDATES else ''})")
    found = mentions_with_sentences(view)
    if view is not text:
        found = [quoting(mention, window, text, reading) for mention, window in found]
    result.rows = [sentence_row(doc_fields, m, window) for m, window in found]
    return result


def quoting(mention, window: Span, text: str, reading: ReadingView) -> tuple:
    """The mention and its stored sentence at their offsets in `text`, with its characters."""
    if reading.shifted:
        mention.start, mention.end = reading.start_of(mention.start), reading.end_of(mention.end)
        window = Span(reading.start_of(window.start), reading.end_of(window.end), "")
    mention.text = text[mention.start:mention.end]
    window = Span(window.start, window.end, text[window.start:window.end])
    mention.sentence = window.text
    return mention, window


def sentence_row(doc_fields: dict, mention, window: Span) -> dict:
    row = mention_row(doc_fields, mention)
    row["sentence_start"], row["sentence_end"] = window.start, window.end
    return row


def extract_document(document: Document) -> DocumentResult:
    result = extract_text(document.text, document.doc_id, document.path, document.url)
    result.warnings[:0] = document.warnings      # how it was read, before what was found in it
    return result


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
