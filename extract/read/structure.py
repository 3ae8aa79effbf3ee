"""The layout of a report: paragraphs, sentences, and the headings they stand under.

Reports are written as a title, numbered or unnumbered section headings
("三、突出政治功能，全面提升基层党组织组织力", "实施“四项工程”") and paragraphs that
often open with a lead sentence ("把牢理论学习第一课题。"). A mention's pillar is
read from its sentence, its paragraph's lead and the heading above it, so the
layout keeps all three, with offsets into the untouched text.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

# [。！？；!?;]+[”’」』）)]*|……+|\n+ written to open with one class, so that re skips to the
# candidates in C (see numerals.DIGIT).
SENTENCE_END = re.compile(r"[。！？；!?;…\n](?:(?<=[。！？；!?;])[。！？；!?;]*[”’」』）)]*|(?<=…)…+|(?<=\n)\n*)")
NUMBERED_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部分章节])")
CLOSING_PUNCTUATION = "。！？；!?;…：:"
MAX_HEADING_CHARS = 40
# A "sentence" longer than this (text without sentence punctuation: a table
# flattened to one line, a hostile upload) is cut, at the last comma or space
# before the limit where there is one. Report sentences run to ~250 characters.
MAX_SENTENCE_CHARS = 500
SOFT_BREAKS = "，,、：:；; \u3000\t"


# NamedTuples, not dataclasses: a report has thousands of these, made on the hot path.
class Span(NamedTuple):
    start: int
    end: int
    text: str


class Paragraph(NamedTuple):
    start: int
    end: int
    text: str
    is_heading: bool


class Layout:
    """Paragraphs of one text, and their sentences on demand, looked up by character offset.

    Sentences are split only in paragraphs that something asks about: most
    paragraphs of a report hold no number at all.
    """

    def __init__(self, text: str, paragraphs: list[Paragraph]):
        self.text = text
        self.paragraphs = paragraphs
        self._paragraph_starts = [p.start for p in paragraphs]
        self._sentences_of: dict[int, list[Span]] = {}
        self._sentence_starts_of: dict[int, list[int]] = {}
        self._headings_of: dict[int, list[Paragraph]] = {}
        self._leads: dict[int, Span] = {}
        self._last_heading: list[int] = []     # paragraph index → the last heading at or before it, or -1
        self._last_numbered: list[int] = []    # … the last numbered heading

    @property
    def sentences(self) -> list[Span]:
        return [s for index in range(len(self.paragraphs)) for s in self._paragraph_sentences(index)]

    def _paragraph_sentences(self, index: int) -> list[Span]:
        if index not in self._sentences_of:
            paragraph = self.paragraphs[index]
            self._sentences_of[index] = split_sentences(self.text, paragraph.start, paragraph.end)
        return self._sentences_of[index]

    def sentence_at(self, offset: int) -> Span:
        if not self.paragraphs:
            return Span(0, len(self.text), self.text)
        paragraph_index = self.paragraph_index_at(offset)
        sentences = self._paragraph_sentences(paragraph_index)
        if not sentences:
            return Span(0, len(self.text), self.text)
        starts = self._sentence_starts_of.get(paragraph_index)
        if starts is None:
            starts = self._sentence_starts_of[paragraph_index] = [s.start for s in sentences]
        index = bisect.bisect_right(starts, offset) - 1
        return sentences[index if index > 0 else 0]

    def lead_of(self, index: int) -> Span:
        """The first sentence of paragraph `index`, ending punctuation kept: it often names the topic."""
        lead = self._leads.get(index)
        if lead is None and index in self._sentences_of and \
                self.paragraphs[index].end - self.paragraphs[index].start <= MAX_SENTENCE_CHARS:
            # A paragraph no longer than the sentence limit leads with its first sentence, already
            # split when a mention stands in it (the pillars ask for leads of those paragraphs).
            lead = self._leads[index] = self._sentences_of[index][0]
        if lead is None:
            paragraph = self.paragraphs[index]
            end = min(paragraph.end, paragraph.start + MAX_SENTENCE_CHARS)
            match = SENTENCE_END.search(self.text, paragraph.start, end)
            lead = (_trimmed(self.text, paragraph.start, match.end() if match else end)
                    or Span(paragraph.start, paragraph.start, ""))
            lead = self._leads[index] = _cut_long(self.text, lead)[0] if len(lead.text) > MAX_SENTENCE_CHARS else lead
        return lead

    def paragraph_index_at(self, offset: int) -> int:
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return index if index > 0 else 0

    def headings_above(self, offset: int) -> list[Paragraph]:
        """The headings in force at `offset`, nearest first: the last heading run
        (a heading and the sub-heading lines right after it) and the last numbered one."""
        index = self.paragraph_index_at(offset)
        if index not in self._headings_of:
            self._headings_of[index] = self._find_headings_above(index)
        return self._headings_of[index]

    def _find_headings_above(self, index: int) -> list[Paragraph]:
        paragraphs = self.paragraphs
        if not paragraphs:
            return []
        if not self._last_heading:
            self._index_headings()
        found: list[Paragraph] = []
        i = index - 1 if not paragraphs[index].is_heading else index
        i = self._last_heading[i] if i >= 0 else -1
        while i >= 0 and paragraphs[i].is_heading:
            found.append(paragraphs[i])
            i -= 1
        numbered = self._last_numbered[index]
        if numbered >= 0 and paragraphs[numbered] not in found:
            found.append(paragraphs[numbered])
        return found

    def _index_headings(self) -> None:
        """One pass over the paragraphs, so no lookup walks back through the whole report."""
        heading = numbered = -1
        for i, paragraph in enumerate(self.paragraphs):
            if paragraph.is_heading:
                heading = i
                if NUMBERED_HEADING.match(paragraph.text):
                    numbered = i
            self._last_heading.append(heading)
            self._last_numbered.append(numbered)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of text[start:end] with their offsets; ends keep their punctuation."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in SENTENCE_END.finditer(text, start, end):
        match_start, match_end = match.span()
        sentence = _trimmed(text, cursor, match_start if text[match_start] == "\n" else match_end)
        if sentence:
            spans.append(sentence)
        cursor = match_end
    sentence = _trimmed(text, cursor, end)
    if sentence:
        spans.append(sentence)
    if end - start > MAX_SENTENCE_CHARS and any(s.end - s.start > MAX_SENTENCE_CHARS for s in spans):
        spans = [piece for s in spans for piece in (_cut_long(text, s) if s.end - s.start > MAX_SENTENCE_CHARS
                                                     else (s,))]
    return spans


def _cut_long(text: str, sentence: Span) -> list[Span]:
    """An over-long sentence in pieces of at most MAX_SENTENCE_CHARS, cut after a comma or space
    in the second half of each piece where there is one, else at the limit."""
    pieces: list[Span] = []
    start, end = sentence.start, sentence.end
    while start < end:
        limit = min(end, start + MAX_SENTENCE_CHARS)
        cut = limit
        if limit < end:
            soft = max(text.rfind(mark, start + MAX_SENTENCE_CHARS // 2, limit) for mark in SOFT_BREAKS)
            cut = soft + 1 if soft >= 0 else limit
        piece = _trimmed(text, start, cut)
        if piece:
            pieces.append(piece)
        start = cut
    return pieces


def window_around(sentence: Span, start: int, end: int, width: int) -> Span:
    """At most `width` characters of `sentence` around text[start:end] (a mention), as a Span.

    A sentence that fits is itself; a longer one is cut on both sides, the
    mention as central as the sentence's ends allow.

    >>> window_around(Span(10, 30, "abcdefghijklmnopqrst"), 20, 22, 6)
    Span(start=18, end=24, text='ijklmn')
    """
    if sentence.end - sentence.start <= width:
        return sentence
    middle = (start + end) // 2
    left = max(sentence.start, min(middle - width // 2, sentence.end - width))
    offset = left - sentence.start
    return Span(left, left + width, sentence.text[offset:offset + width])


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """text[start:end] without its surrounding whitespace, or None when nothing is left."""
    piece = text[start:end]
    trimmed = piece.strip()
    if not trimmed:
        return None
    if len(trimmed) == len(piece):
        return Span(start, end, piece)
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(trimmed), trimmed)


AUTHOR_POST_LINE = re.compile(r"(?:部长|书记|校长|主任|局长|社长|记者|通讯员)[\s\u3000\xa0]+[\u4e00-\u9fff]{2,4}$")
BYLINE_LINE = re.compile(r"(?:作者|记者|通讯员|来源|稿源|编辑|责任编辑|发布时间|发布日期|供稿|撰稿)\s*[：:]")


def looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence, or a numbered section line."""
    line = line.strip()
    if not line:
        return False
    if len(line) > 2 * MAX_HEADING_CHARS:
        return False        # too long either way: most paragraphs, decided without the regex
    if BYLINE_LINE.match(line) or AUTHOR_POST_LINE.search(line):
        return False        # 作者：…, 组织部部长、党校校长 程秀娥: an author's line heads no section
    if len(line) <= MAX_HEADING_CHARS and line[-1] not in CLOSING_PUNCTUATION:
        return True
    return bool(NUMBERED_HEADING.match(line)) and line.count("。") <= 1


def head_end(text: str, lines: int, chars: int) -> int:
    """Offset where the first `lines` non-empty lines end, at most `chars`: a report's title,
    byline and publication line stand there."""
    seen, offset = 0, 0
    for line in text[:chars].splitlines(keepends=True):
        offset += len(line)
        seen += bool(line.strip())
        if seen >= lines:
            break
    return min(offset, chars)


def tail_start(text: str, lines: int) -> int:
    """Offset where the last `lines` non-empty lines begin, found from the end: a signature and
    its date stand there. The body is never read."""
    seen, end = 0, len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        seen += bool(text[start:end].strip())
        if seen >= lines:
            return start
        end = start - 1
    return 0


def layout_of(text: str) -> Layout:
    paragraphs = []
    start = 0
    for line in text.split("\n"):      # str.split, not a regex over the lines: the same lines, quicker
        if line and not line.isspace():
            for piece_start, piece in _paragraphs_of_line(line):
                paragraphs.append(Paragraph(start + piece_start, start + piece_start + len(piece), piece,
                                            looks_like_heading(piece)))
        start += len(line) + 1
    return Layout(text, paragraphs)


# A page copied without its line breaks keeps them as spaces after a sentence: 。 完善帮扶机制，…
RUN_IN_PARAGRAPH_BREAK = re.compile(r"(?<=[。！？!?])[ \u3000\xa0]+(?=\S)")


def _paragraphs_of_line(line: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of the paragraphs a line holds: itself, or the pieces a run-in
    page separates by spaces after its sentences."""
    if "。 " not in line and "。\u3000" not in line and "。\xa0" not in line:
        return [(0, line)]
    pieces, start = [], 0
    for gap in RUN_IN_PARAGRAPH_BREAK.finditer(line):
        pieces.append((start, line[start:gap.start()]))
        start = gap.end()
    pieces.append((start, line[start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]
