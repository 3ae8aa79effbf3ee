"""Assign each mention the pillar of organisation work it belongs to.

Cue words of each pillar (resources/pillars.yaml) vote from four places, the
nearer the stronger: the mention's clause, its sentence, its paragraph's lead
sentence, and the headings above it (a section heading such as
“三、突出政治功能，全面提升基层党组织组织力” carries its pillar to what follows).
A longer cue is more specific and weighs more. With no cue anywhere the mention
is `general`, which is what introductions and conclusions are.

The cues of a document are found in one Aho–Corasick pass over its text
(`CueIndex`); each place then counts the cues that lie inside it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from .mentions import Mention
from .resources import ResourceError, load_yaml, pillar_names, resource_path
from .structure import Layout, Span

GENERAL = "general"
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
UP_TO_LAST_BREAK = re.compile(r".*[，,；;：:。！？!?\n]", re.DOTALL)    # greedy: ends after the last one
CLAUSE_REACH = 60         # a clause with no break nearer than this is cut here
WEIGHTS = {"clause": 4.0, "sentence": 1.5, "lead": 1.5, "heading": 2.5}


@dataclass(frozen=True)
class CueTable:
    matcher: ahocorasick_rs.AhoCorasick
    pillars: tuple[str, ...]              # cue index → pillar
    scores: tuple[float, ...]             # cue index → weight of the cue


@lru_cache(maxsize=None)
def cue_table() -> CueTable:
    """Every cue once (a cue listed twice counts for its first pillar), with its pillar and score."""
    pillars = load_yaml("pillars.yaml")["pillars"]
    owner: dict[str, str] = {}
    for code in pillar_names():
        for cue in pillars[code].get("cues", []):
            owner.setdefault(str(cue), code)
    for cue in owner:
        if CLAUSE_BREAK.search(cue):
            raise ResourceError(f"{resource_path('pillars.yaml')}: cue {cue!r} holds a clause break")
    cues = list(owner)
    # Leftmost-longest is what a regex alternation of the cues, longest first, finds.
    matcher = ahocorasick_rs.AhoCorasick(cues, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return CueTable(matcher, tuple(owner[cue] for cue in cues),
                    tuple(1 + 0.5 * (len(cue) - 1) for cue in cues))


class CueIndex:
    """The cues of one text, found in one pass, looked up by offset."""

    def __init__(self, text: str):
        table = cue_table()
        self._pillars, self._scores = table.pillars, table.scores
        self._cues = table.matcher.find_matches_as_indexes(text)     # (cue index, start, end)
        self._cue_starts = [start for _, start, _ in self._cues]
        self._scores_of: dict[tuple[int, int], dict[str, float]] = {}   # a heading serves many sentences

    def scores(self, start: int, end: int) -> dict[str, float]:
        """Each pillar's score in text[start:end]: its distinct cues there, the longer the more.
        Repeating a cue is style, not topic."""
        known = self._scores_of.get((start, end))
        if known is None:
            known = self._scores_of[start, end] = self._count(start, end)
        return known

    def _count(self, start: int, end: int) -> dict[str, float]:
        first = bisect.bisect_left(self._cue_starts, start)
        last = bisect.bisect_left(self._cue_starts, end, first)
        seen: set[int] = set()
        scores: dict[str, float] = {}
        for index, _, cue_end in self._cues[first:last]:
            if cue_end <= end and index not in seen:
                seen.add(index)
                pillar = self._pillars[index]
                scores[pillar] = scores.get(pillar, 0.0) + self._scores[index]
        return scores


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end]: from the break before it to the break after it,
    at most CLAUSE_REACH characters either way."""
    left = max(0, start - CLAUSE_REACH)
    before = UP_TO_LAST_BREAK.match(text, left, start)
    after = CLAUSE_BREAK.search(text, end, end + CLAUSE_REACH)
    return (before.end() if before else left), (after.start() if after else end + CLAUSE_REACH)


def add_votes(votes: dict[str, float], scores: dict[str, float], weight: float) -> None:
    for pillar, score in scores.items():
        votes[pillar] = votes.get(pillar, 0.0) + weight * score


def context_votes(layout: Layout, cues: CueIndex, sentence: Span) -> dict[str, float]:
    """Votes of a sentence, its paragraph's lead and the headings above it."""
    votes: dict[str, float] = {}
    add_votes(votes, cues.scores(sentence.start, sentence.end), WEIGHTS["sentence"])
    if layout.paragraphs:
        index = layout.paragraph_index_at(sentence.start)
        lead = layout.lead_of(index)
        if not layout.paragraphs[index].is_heading and lead.text != sentence.text:
            add_votes(votes, cues.scores(lead.start, lead.end), WEIGHTS["lead"])
    for distance, heading in enumerate(layout.headings_above(sentence.start)):
        add_votes(votes, cues.scores(heading.start, heading.end), WEIGHTS["heading"] / (1 + distance))
    return votes


def top_pillar(votes: dict[str, float]) -> str:
    if not votes:
        return GENERAL
    top = round(max(votes.values()), 6)
    for code in pillar_names():     # a tie goes to the pillar listed first, never to chance
        score = votes.get(code)
        if score is not None and round(score, 6) == top:
            return code
    raise ValueError(f"votes for pillars that pillars.yaml does not list: {votes}")


def assign_pillars(layout: Layout, mentions: list[Mention], sentences: list[Span] | None = None) -> None:
    """Set each mention's pillar; `sentences` are the mentions' sentences when already looked up."""
    cues = CueIndex(layout.text)
    if sentences is None:
        sentences = [layout.sentence_at(mention.start) for mention in mentions]
    by_sentence: dict[int, dict[str, float]] = {}    # mentions of one sentence share its context
    for mention, sentence in zip(mentions, sentences):
        context = by_sentence.get(sentence.start)
        if context is None:
            context = by_sentence[sentence.start] = context_votes(layout, cues, sentence)
        votes = dict(context)
        add_votes(votes, cues.scores(*clause_around(layout.text, mention.start, mention.end)), WEIGHTS["clause"])
        mention.pillar = top_pillar(votes)
