"""Pinyin glosses that mirror sites insert after characters, read over with offsets kept.

Some reprint sites annotate words with their pinyin in brackets: 開(kāi)發(fā)區, 組(zǔ)織, 1.2萬(wàn)人次.
Every stage reads names, units and words whole, so a glossed text is read through a view with the
glosses removed (a `views.ReadingView`: its `start_of`/`end_of` take an offset in the view back to
the document), so rows still quote the document's own characters (glosses included) at their true offsets.

A text counts as glossed only when it has at least MIN_GLOSSES bracketed syllables with tone
marks right after Chinese characters: ordinary reports have none, and a single "(a)" after a
character is an enumeration, not a gloss.
"""
from __future__ import annotations

import re

from .views import ReadingView, view_without

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{TONED}]{{1,6}}[)）]")
TONED_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü]*[{TONED}][a-zü]*[)）]")
MIN_GLOSSES = 3
TONE_MARK = re.compile(f"[{TONED}]")


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every pinyin gloss of `text`; none when it is not a glossed text."""
    if not TONE_MARK.search(text) or len(TONED_GLOSS.findall(text)) < MIN_GLOSSES:     # most have no tone mark
        return []
    return [match.span() for match in GLOSS.finditer(text)]


def without_glosses(text: str) -> ReadingView:
    """The view of `text` with its pinyin glosses removed (`text` itself when it has none)."""
    return view_without(text, gloss_spans(text))
