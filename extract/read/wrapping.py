"""Hard line wraps: text copied from a PDF (a yearbook, a gazetteer) breaks its lines at a fixed
width, in mid-sentence and mid-word (发展新党员 1564 人，其中女党员 380 人；35 岁以下年轻党\n员 1002 人).
A number, a label or a place split by such a break is read whole only if the break is read over.

A text counts as wrapped when most of its long lines fill one width (display width: a Chinese
character counts two) and most of those full lines end inside a sentence. A break is then a wrap
when the line before it is full and ends inside a sentence, and the line after it opens no
numbered section (一、, （二）, 第二节, 1.) and is not indented. (Any line of a wrapped text looks like
a heading by its length and its end, so only numbering tells a heading there.)
Texts that are not wrapped (nearly all reports) are read as they are.
"""
from __future__ import annotations

from collections import Counter

from .structure import NUMBERED_HEADING

MIN_WIDTH = 30          # lines shorter than this (in display width) are titles, headings, short paragraphs
MIN_LINES = 8           # a wrapped text has at least this many full lines
SLACK = 4               # a full line is at most this much narrower than the widest width most reach
OVERHANG = 2            # ... or this much wider (a Latin letter or a digit more: XX 财经)
WRAPPED_SHARE = 0.5     # ... and most long lines are full
SENTENCE_ENDS = "。！？!?；;：:”’」』）)"


def display_width(line: str) -> int:
    """Columns the line fills: two for a Chinese character or full-width mark (three bytes in
    UTF-8), one for a Latin letter, digit or space (one byte): counted in C, not per character."""
    return (len(line.encode("utf-8")) + len(line)) // 2


def _lengths_cluster(lengths: list[int]) -> bool:
    """A quick test in characters before the exact one in columns: do most long lines have
    about one length?"""
    long = [n for n in lengths if n >= MIN_WIDTH // 2]
    if len(long) < MIN_LINES:
        return False
    counts = Counter(long)
    best = max(sum(counts.get(k, 0) for k in range(n - 2 * SLACK, n + 1)) for n in counts)
    return best >= WRAPPED_SHARE * len(long)


def wrap_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line break of `text` that only wraps a line; none when the text
    is not hard-wrapped."""
    if text.count("\n") < MIN_LINES:
        return []
    lines = text.split("\n")
    if not _lengths_cluster(list(map(len, lines))):
        return []       # most reports: their lines are paragraphs of all lengths
    widths = [display_width(line.rstrip()) for line in lines]
    long_widths = [w for w in widths if w >= MIN_WIDTH]
    if len(long_widths) < MIN_LINES:
        return []
    counts = Counter(long_widths)
    width = max(counts, key=lambda w: sum(n for k, n in counts.items() if w - SLACK <= k <= w))
    full = [i for i, w in enumerate(widths) if width - SLACK <= w <= width + OVERHANG]
    in_sentence = [i for i in full if not lines[i].rstrip().endswith(tuple(SENTENCE_ENDS))]
    if len(full) < WRAPPED_SHARE * len(long_widths) or len(in_sentence) < WRAPPED_SHARE * len(full):
        return []
    spans, offset = [], 0
    starts = []
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    for i in in_sentence:
        if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1][:1].isspace() \
                and not NUMBERED_HEADING.match(lines[i + 1]):
            end_of_line = starts[i] + len(lines[i])
            spans.append((end_of_line, end_of_line + 1))
    return spans
