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

from ..find.mentions import Mention
from .measures import OTHER, measure_table
from ..resources import ResourceError, load_yaml, pillar_names, resource_path, word_list
from ..read.structure import Layout, Span

GENERAL = "general"
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
UP_TO_LAST_BREAK = re.compile(r".*[，,；;：:。！？!?\n]", re.DOTALL)    # greedy: ends after the last one
CLAUSE_REACH = 60         # a clause with no break nearer than this is cut here
WEIGHTS = {"clause": 4.0, "sentence": 1.5, "lead": 1.5, "heading": 2.5, "measure": 3.0}


@dataclass(frozen=True)
class CueTable:
    matcher: ahocorasick_rs.AhoCorasick
    cues: tuple[str, ...]                 # cue index → cue
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
    return CueTable(matcher, tuple(cues), tuple(owner[cue] for cue in cues),
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


class Context:
    """What surrounds the mentions of one document: the votes of each sentence, its paragraph's
    lead and the headings above it, each worked out once and shared by the mentions."""

    def __init__(self, layout: Layout, cues: CueIndex):
        self.layout, self.cues = layout, cues
        self._of_sentence: dict[int, dict[str, float]] = {}
        self._of_headings: dict[int, dict[str, float]] = {}
        self.conclusion_start = conclusion_start(layout)

    def votes(self, sentence: Span) -> dict[str, float]:
        votes = self._of_sentence.get(sentence.start)
        if votes is None:
            votes = self._of_sentence[sentence.start] = self._sentence_votes(sentence)
        return votes

    def _sentence_votes(self, sentence: Span) -> dict[str, float]:
        layout, cues = self.layout, self.cues
        votes: dict[str, float] = {}
        add_votes(votes, cues.scores(sentence.start, sentence.end), WEIGHTS["sentence"])
        if not layout.paragraphs:
            return votes
        index = layout.paragraph_index_at(sentence.start)
        lead = layout.lead_of(index)
        if not layout.paragraphs[index].is_heading and lead.text != sentence.text:
            add_votes(votes, cues.scores(lead.start, lead.end), WEIGHTS["lead"])
        if index < self.conclusion_start:
            add_votes(votes, self._heading_votes(index), 1.0)
        return votes

    def _heading_votes(self, paragraph_index: int) -> dict[str, float]:
        votes = self._of_headings.get(paragraph_index)
        if votes is None:
            votes = self._of_headings[paragraph_index] = {}
            headings = self.layout.headings_above(self.layout.paragraphs[paragraph_index].start)
            for distance, heading in enumerate(headings):
                add_votes(votes, self.cues.scores(heading.start, heading.end), WEIGHTS["heading"] / (1 + distance))
        return votes


@lru_cache(maxsize=None)
def conclusion_cues() -> tuple[str, ...]:
    return tuple(word_list("pillars.yaml", "conclusion_cues"))


def conclusion_start(layout: Layout) -> int:
    """Index of the first paragraph of the report's conclusion, or len(paragraphs) when it has none:
    after the last heading, the first paragraph opening with 下一步, 今后, 总之 … and all after it."""
    paragraphs = layout.paragraphs
    last_heading = max((i for i, p in enumerate(paragraphs) if p.is_heading), default=-1)
    if last_heading < 0:
        return len(paragraphs)      # no sections, so no section pillar to leak into a conclusion
    cues = conclusion_cues()
    for index in range(last_heading + 1, len(paragraphs)):
        if paragraphs[index].text.lstrip().startswith(cues):
            return index
    return len(paragraphs)


def top_pillar(votes: dict[str, float]) -> str:
    if not votes:
        return GENERAL
    if len(votes) == 1:
        return next(iter(votes))
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
    context = Context(layout, cues)
    for mention, sentence in zip(mentions, sentences):
        votes = context.votes(sentence)
        clause = cues.scores(*clause_around(layout.text, mention.start, mention.end))
        if clause:
            votes = dict(votes)
            add_votes(votes, clause, WEIGHTS["clause"])
        elif mention.measure and mention.measure != OTHER:
            # The clause is silent, but what it counts has a line of work (第一书记 → grassroots).
            votes = dict(votes)
            add_votes(votes, {measure_table()[mention.measure].pillar: 1.0}, WEIGHTS["measure"])
        mention.pillar = top_pillar(votes)
