"""Spans of a text that hold names rather than quantities.

A number inside a short quotation (“四个聚焦”, “3个100”), a book title
(《汽车产业人才三年培养计划》) or an idiom (千方百计, 五邑) names something; it
does not measure the locality's work; nor does a number inside a web or
e-mail address. Finders ask `Intervals.overlaps` before
they report a quantity.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..resources import word_list

MAX_QUOTED_NAME = 24      # longer quotations are speech, where numbers can be real
QUOTED = re.compile(rf"“[^“”\n]{{1,{MAX_QUOTED_NAME}}}”|‘[^‘’\n]{{1,{MAX_QUOTED_NAME}}}’"
                    rf"|「[^「」\n]{{1,{MAX_QUOTED_NAME}}}」|\"[^\"\n]{{1,{MAX_QUOTED_NAME}}}\"")
BOOK_TITLE = re.compile(r"《[^《》\n]{1,80}》")
# Web addresses, e-mail addresses and percent-encoded text (%E5%85%9A, %28) are not prose:
# their digits and % signs would read as quantities (%280024%29 → 280024%).
URL_CHARS = r"[A-Za-z0-9%._~:/?#\[\]@!$&'()*+,;=-]"
WEB_ADDRESS = re.compile(rf"(?:https?://|ftp://|www\.){URL_CHARS}+")
MAIL_ADDRESS = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
URL_TOKEN = re.compile(rf"{URL_CHARS}+")


class Intervals:
    """A set of [start, end) spans that answers "does this span touch one?" quickly.

    The spans are also kept merged where they overlap, as disjoint runs sorted by start: a
    question is then one bisection and one comparison (finders ask it for every candidate).
    Spans that only touch stay apart, so an empty span [p, p) touches a run only strictly
    inside it, as it would touch one of its spans."""

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._run_starts: list[int] = []
        self._run_ends: list[int] = []
        run_end = None
        for start, end in self._spans:
            if run_end is not None and start < run_end:
                if end > run_end:
                    run_end = self._run_ends[-1] = end
            else:
                self._run_starts.append(start)
                self._run_ends.append(end)
                run_end = end

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))
        first = bisect.bisect_right(self._run_ends, start)     # the runs it overlaps: first … last - 1
        last = bisect.bisect_left(self._run_starts, end)
        if first < last:
            start, end = min(start, self._run_starts[first]), max(end, self._run_ends[last - 1])
        self._run_starts[first:last] = [start]
        self._run_ends[first:last] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        # The last run starting before `end` is the only one that can reach past `start`.
        index = bisect.bisect_left(self._run_starts, end) - 1
        return index >= 0 and self._run_ends[index] > start

    def __iter__(self):
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


@lru_cache(maxsize=None)
def ambiguity_pattern() -> re.Pattern:
    """The idioms and names of ambiguity.yaml, the longest first where several start at one place."""
    return re.compile(word_alternation(word_list("ambiguity.yaml", "words")))


def word_alternation(words) -> str:
    """A regex alternation of `words` as a trie (人(?:次|民币)?): the longest word wins, as with the
    words listed longest first, and the engine tries one branch per character instead of every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """The pattern of one trie node; "" marks that a word ends there, which makes what follows optional."""
    children = sorted((character, child) for character, child in node.items() if character)
    branches = [re.escape(character) + _trie_pattern(child) for character, child in children]
    if not branches:
        return ""
    if len(branches) == 1:
        body = branches[0]
    elif all(set(child) == {""} for _, child in children):
        body = "[" + "".join(branches) + "]"          # words that end here: one class, [克斤]
    else:
        body = "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def quotations(text: str) -> list[tuple[int, int]]:
    """Short quotations, quotation marks included: found once, read by several finders."""
    return [m.span() for m in QUOTED.finditer(text)]


def protected_spans(text: str, quoted: list[tuple[int, int]] | None = None,
                    found: list[tuple[int, int]] = ()) -> Intervals:
    """Quotations, book titles and idioms of `text`, and the spans of mentions `found` before;
    `quoted` are its quotations when already found. (One sort of all the spans is quicker than
    adding the found ones one by one.)"""
    quoted = quotations(text) if quoted is None else quoted
    return Intervals(quoted + [m.span() for m in BOOK_TITLE.finditer(text)]
                     + [m.span() for m in ambiguity_pattern().finditer(text)]
                     + machine_text(text) + list(found))


def machine_text(text: str) -> list[tuple[int, int]]:
    """Addresses, and runs of URL characters that hold two percent escapes or more (a pasted link)."""
    spans = []
    if "://" in text or "www." in text:        # a substring test skips the regex in most reports
        spans += [m.span() for m in WEB_ADDRESS.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in MAIL_ADDRESS.finditer(text)]
    if "%" not in text:
        return spans
    covered_to = -1
    for escape in PERCENT_ESCAPE.finditer(text):
        if escape.start() < covered_to:
            continue
        token_start = escape.start()
        while token_start > 0 and URL_TOKEN.fullmatch(text, token_start - 1, token_start):
            token_start -= 1
        token = URL_TOKEN.match(text, token_start)
        covered_to = token.end()
        if len(PERCENT_ESCAPE.findall(token.group())) >= 2:
            spans.append(token.span())
    return spans
