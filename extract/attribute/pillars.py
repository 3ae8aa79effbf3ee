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
TIE_MARGIN = 2e-6         # twice the width of a six-decimal rounding step
WEIGHTS = {"clause": 4.0, "sentence": 1.5, "lead": 1.5, "heading": 2.5}
FULL_STOP = "。"
BREAKDOWN_OPENERS = ("其中", "包括")
# Measures of a property anyone may have: the age of village leaders is grassroots work, of cadres
# cadres work; the clause decides, not the measure.
WHOSEVER_MEASURES = frozenset({"cadre_age"})
DOCUMENT_SHARE = 2 / 3      # a report's opening speaks for one line of work only when it mostly names that one


NEUTRAL = ""       # the pillar of a neutral phrase: none


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
    # Phrases that hold a cue but name no line of work (经济技术开发区 holds 经济): found, so that
    # the longest match hides the cue, and scored for no pillar.
    for phrase in load_yaml("pillars.yaml").get("neutral_phrases", []):
        owner.setdefault(str(phrase), NEUTRAL)
    for cue in owner:
        if CLAUSE_BREAK.search(cue):
            raise ResourceError(f"{resource_path('pillars.yaml')}: cue {cue!r} holds a clause break")
    cues = list(owner)
    # Leftmost-longest is what a regex alternation of the cues, longest first, finds.
    # A DFA: a fifth faster than the default NFA on reports, and small for a few hundred cues.
    matcher = ahocorasick_rs.AhoCorasick(cues, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                         implementation=ahocorasick_rs.Implementation.DFA, store_patterns=False)
    return CueTable(matcher, tuple(cues), tuple(owner[cue] for cue in cues),
                    tuple(0.0 if owner[cue] == NEUTRAL else 1 + 0.5 * (len(cue) - 1) for cue in cues))


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
            known = self._scores_of[start, end] = self.count(start, end)
        return known

    def count(self, start: int, end: int) -> dict[str, float]:
        """`scores` without remembering the answer: for spans asked about once."""
        starts = self._cue_starts
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end, first)
        scores: dict[str, float] = {}
        if last - first == 1:       # the commonest case with a cue: one, which nothing can repeat
            index, _, cue_end = self._cues[first]
            if cue_end <= end and self._pillars[index] != NEUTRAL:
                scores[self._pillars[index]] = self._scores[index]
            return scores
        pillars, cue_scores = self._pillars, self._scores
        seen: set[int] = set()
        for index, _, cue_end in self._cues[first:last]:
            if cue_end <= end and index not in seen and pillars[index] != NEUTRAL:
                seen.add(index)
                pillar = pillars[index]
                scores[pillar] = scores.get(pillar, 0.0) + cue_scores[index]
        return scores


def label_scores(label: str, clause_text: str, clause: dict[str, float]) -> dict[str, float]:
    """The clause's scores plus those of the label's cues that the clause does not hold."""
    table = cue_table()
    scores = dict(clause)
    seen: set[int] = set()
    for index, _, _ in table.matcher.find_matches_as_indexes(label):
        if index not in seen and table.cues[index] not in clause_text and table.pillars[index] != NEUTRAL:
            seen.add(index)
            scores[table.pillars[index]] = scores.get(table.pillars[index], 0.0) + table.scores[index]
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
    lead and the headings above it, each worked out once and shared by the mentions.

    A paragraph's lead and headings are read once for all its sentences, and a sentence's
    votes (with the pillar they give when a mention's clause adds nothing) once for all its
    mentions. The votes are summed in the same order as one sentence at a time would: the
    sentence, then the lead, then the headings."""

    def __init__(self, layout: Layout, cues: CueIndex):
        self.layout, self.cues = layout, cues
        self._of_sentence: dict[int, list] = {}            # sentence start → [votes, pillar or None]
        self._of_paragraph: dict[int, tuple] = {}          # paragraph index → (lead text, lead votes, heading votes)
        self.conclusion_start = conclusion_start(layout)
        self._document: str | None = None

    def votes(self, sentence: Span) -> dict[str, float]:
        return self._sentence(sentence)[0]

    def pillar(self, sentence: Span) -> str:
        """The pillar of the sentence's votes alone: a mention whose clause holds no cue; with no
        votes at all, the report's own line of work where its opening has a clear one."""
        known = self._sentence(sentence)
        if known[1] is None:
            known[1] = top_pillar(known[0]) if known[0] else self.document_pillar()
        return known[1]

    def document_pillar(self) -> str:
        """The pillar the report's opening paragraph speaks for, when one has DOCUMENT_SHARE of its
        votes (干部教育培训工作要点…: cadres); else general."""
        if self._document is None:
            self._document = GENERAL
            # The first paragraph of sentences: not a title, an author's or a byline line
            # (作者：…组织部部长、党校校长).
            opening = next((p for p in self.layout.paragraphs if not p.is_heading and FULL_STOP in p.text), None)
            if opening is not None:
                scores = self.cues.scores(opening.start, opening.end)
                total = sum(scores.values())
                best = max(scores, key=scores.get, default=None)
                if best is not None and best != GENERAL and scores[best] >= DOCUMENT_SHARE * total:
                    self._document = best
        return self._document

    def _sentence(self, sentence: Span) -> list:
        known = self._of_sentence.get(sentence.start)
        if known is None:
            known = self._of_sentence[sentence.start] = [self._sentence_votes(sentence), None]
        return known

    def _sentence_votes(self, sentence: Span) -> dict[str, float]:
        weight = WEIGHTS["sentence"]
        votes = {pillar: weight * score for pillar, score in self.cues.scores(sentence.start, sentence.end).items()}
        if not self.layout.paragraphs:
            return votes
        lead_text, lead_votes, heading_votes = self._paragraph(self.layout.paragraph_index_at(sentence.start))
        if lead_votes and lead_text != sentence.text:
            for pillar, vote in lead_votes.items():
                votes[pillar] = votes.get(pillar, 0.0) + vote
        for pillar, vote in heading_votes.items():
            votes[pillar] = votes.get(pillar, 0.0) + vote
        return votes

    def _paragraph(self, index: int) -> tuple[str, dict[str, float], dict[str, float]]:
        """(its lead's text, the lead's weighted votes — none for a heading —, the headings' votes —
        none in the conclusion)."""
        known = self._of_paragraph.get(index)
        if known is None:
            layout, cues = self.layout, self.cues
            lead_text, lead_votes = "", {}
            if not layout.paragraphs[index].is_heading:
                lead = layout.lead_of(index)
                weight = WEIGHTS["lead"]
                lead_text = lead.text
                lead_votes = {pillar: weight * score for pillar, score in cues.scores(lead.start, lead.end).items()}
            heading_votes: dict[str, float] = {}
            if index < self.conclusion_start:
                headings = layout.headings_above(layout.paragraphs[index].start)
                for distance, heading in enumerate(headings):
                    add_votes(heading_votes, cues.scores(heading.start, heading.end),
                              WEIGHTS["heading"] / (1 + distance))
            known = self._of_paragraph[index] = (lead_text, lead_votes, heading_votes)
        return known


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
    # A tie (equal to six decimals) goes to the pillar listed first, never to chance. Scores more
    # than TIE_MARGIN below the top cannot round to it, so only near-ties are rounded.
    best = max(votes.values())
    for code in pillar_order():
        score = votes.get(code)
        if score is not None and (score == best or (best - score <= TIE_MARGIN and round(score, 6) == round(best, 6))):
            return code
    raise ValueError(f"votes for pillars that pillars.yaml does not list: {votes}")


@lru_cache(maxsize=None)
def pillar_order() -> tuple[str, ...]:
    return tuple(pillar_names())


def assign_pillars(layout: Layout, mentions: list[Mention], sentences: list[Span] | None = None) -> None:
    """Set each mention's pillar; `sentences` are the mentions' sentences when already looked up."""
    text = layout.text
    cues = CueIndex(text)
    if sentences is None:
        sentences = [layout.sentence_at(mention.start) for mention in mentions]
    context = Context(layout, cues)
    clause_weight = WEIGHTS["clause"]
    for mention, sentence in zip(mentions, sentences):
        if mention.measure and mention.measure != OTHER and mention.measure not in WHOSEVER_MEASURES:
            # What is counted has a line of work (村支书 → grassroots, 培训干部 → cadres); the blind
            # annotations agree with the measure's pillar 122 times in 123.
            mention.pillar = measure_table()[mention.measure].pillar
            continue
        clause_start, clause_end = clause_around(text, mention.start, mention.end)
        clause = cues.count(clause_start, clause_end)   # clauses are rarely shared
        if text.startswith(BREAKDOWN_OPENERS, clause_start) and clause_start > 0:
            # 其中私营企业9417户: a breakdown belongs where its whole does (非公有制经济组织13万户)
            whole_start, _ = clause_around(text, clause_start - 1, clause_start - 1)
            clause = dict(clause)
            add_votes(clause, cues.count(whole_start, clause_start - 1), 1.0)
        if mention.kind == "indicator" and mention.label and mention.label not in text[clause_start:clause_end]:
            # A breakdown's label names its whole (35岁及以下发展党员): what is counted votes too.
            clause = label_scores(mention.label, text[clause_start:clause_end], clause)
        if clause:
            votes = dict(context.votes(sentence))
            add_votes(votes, clause, clause_weight)
        else:
            mention.pillar = context.pillar(sentence)
            continue
        mention.pillar = top_pillar(votes)
