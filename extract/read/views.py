"""What the stages read: a document's text with some characters left out, offsets kept.

Mirror sites insert pinyin glosses (開(kāi)發(fā)區, read/glosses.py) and PDF copies break their lines
at a fixed width in mid-word (年轻党\n员 1002 人, read/wrapping.py). Every stage reads names,
units and words whole, so it reads a view without those characters; `ReadingView.start_of` and
`end_of` take an offset in the view back to the document, so rows still quote the document's own
characters at their true offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True)
class ReadingView:
    """`text` without the left-out characters; `removed_before[i]`: characters left out before
    view offset i (empty when nothing was)."""
    text: str
    removed_before: tuple[int, ...] = ()

    @property
    def shifted(self) -> bool:
        return bool(self.removed_before)

    def start_of(self, offset: int) -> int:
        """The document offset of the character at view offset `offset` (a start)."""
        if not self.removed_before:
            return offset
        return offset + self.removed_before[min(offset, len(self.removed_before) - 1)]

    def end_of(self, offset: int) -> int:
        """The document offset right after view character `offset - 1` (an end, exclusive)."""
        if not self.removed_before or offset == 0:
            return offset
        return self.start_of(offset - 1) + 1


def view_without(text: str, spans: list[tuple[int, int]]) -> ReadingView:
    """`text` without the characters of `spans` (sorted, not overlapping); `text` itself for none."""
    if not spans:
        return ReadingView(text)
    pieces, removed, kept_until = [], [], 0
    for start, end in spans:
        pieces.append(text[kept_until:start])
        removed.append((sum(map(len, pieces)), end - start))
        kept_until = end
    pieces.append(text[kept_until:])
    view = "".join(pieces)
    # removed_before[i] for every view offset i (one past the end too, for ends)
    steps = [0] * (len(view) + 1)
    for at, length in removed:
        steps[at] += length
    return ReadingView(view, tuple(accumulate(steps)))


def reading_view(text: str) -> ReadingView:
    """`text` without its pinyin glosses and its hard line wraps."""
    from .glosses import gloss_spans
    from .wrapping import wrap_spans

    return view_without(text, sorted(gloss_spans(text) + wrap_spans(text)))
