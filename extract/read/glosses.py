"""Pinyin glosses that mirror sites insert after characters, read over with offsets kept.

Some reprint sites annotate words with their pinyin in brackets: 開(kāi)發(fā)區, 組(zǔ)織, 1.2萬(wàn)人次.
Every stage reads names, units and words whole, so a glossed text is read through a view with the
glosses removed; `GlossFreeView.start_of`/`end_of` take an offset in the view back to the document,
so rows still quote the document's own characters (glosses included) at their true offsets.

A text counts as glossed only when it has at least MIN_GLOSSES bracketed syllables with tone
marks right after Chinese characters: ordinary reports have none, and a single "(a)" after a
character is an enumeration, not a gloss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{TONED}]{{1,6}}[)）]")
TONED_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü]*[{TONED}][a-zü]*[)）]")
MIN_GLOSSES = 3


@dataclass(frozen=True)
class GlossFreeView:
    """`text` without its glosses; `removed_before[i]`: characters removed before view offset i."""
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


TONE_MARK = re.compile(f"[{TONED}]")


def without_glosses(text: str) -> GlossFreeView:
    """The view of `text` with its pinyin glosses removed (`text` itself when it has none)."""
    if not TONE_MARK.search(text) or len(TONED_GLOSS.findall(text)) < MIN_GLOSSES:     # most have no tone mark
        return GlossFreeView(text)
    pieces, removed, kept_until = [], [], 0
    for match in GLOSS.finditer(text):
        pieces.append(text[kept_until:match.start()])
        removed.append((sum(map(len, pieces)), match.end() - match.start()))
        kept_until = match.end()
    pieces.append(text[kept_until:])
    view = "".join(pieces)
    # removed_before[i] for every view offset i (one past the end too, for ends)
    steps = [0] * (len(view) + 1)
    for at, length in removed:
        steps[at] += length
    return GlossFreeView(view, tuple(accumulate(steps)))
