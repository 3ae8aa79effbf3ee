"""Assign each mention the pillar of organisation work it belongs to.

Cue words of each pillar (resources/pillars.yaml) vote from four places, the
nearer the stronger: the mention's clause, its sentence, its paragraph's lead
sentence, and the headings above it (a section heading such as
“三、突出政治功能，全面提升基层党组织组织力” carries its pillar to what follows).
A longer cue is more specific and weighs more. With no cue anywhere the mention
is `general`, which is what introductions and conclusions are.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .mentions import Mention
from .resources import load_yaml, pillar_names
from .structure import Layout, Span

GENERAL = "general"
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
WEIGHTS = {"clause": 4.0, "sentence": 1.5, "lead": 1.5, "heading": 2.5}


@lru_cache(maxsize=None)
def cue_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every cue (longest first) and cue → pillar."""
    pillars = load_yaml("pillars.yaml")["pillars"]
    owner: dict[str, str] = {}
    for code in pillar_names():
        for cue in pillars[code].get("cues", []):
            owner.setdefault(cue, code)     # a cue listed twice counts for its first pillar
    pattern = re.compile("|".join(map(re.escape, sorted(owner, key=len, reverse=True))))
    return pattern, owner


@lru_cache(maxsize=8192)
def cue_scores(text: str) -> tuple[tuple[str, float], ...]:
    """Each pillar's score in `text`; cached, since a sentence or heading serves many mentions."""
    pattern, owner = cue_pattern()
    scores: Counter = Counter()
    for cue in sorted(set(pattern.findall(text))):  # distinct cues: repetition is style, not topic
        scores[owner[cue]] += 1 + 0.5 * (len(cue) - 1)
    return tuple(scores.items())


def add_votes(votes: dict[str, float], text: str, weight: float) -> None:
    for pillar, score in cue_scores(text):
        votes[pillar] = votes.get(pillar, 0.0) + weight * score


def clause_around(text: str, start: int, end: int) -> str:
    left = start - 60 if start > 60 else 0
    for match in CLAUSE_BREAK.finditer(text, left, start):
        left = match.end()
    right_match = CLAUSE_BREAK.search(text, end, end + 60)
    right = right_match.start() if right_match else end + 60
    return text[left:right]


def context_votes(layout: Layout, offset: int, sentence: Span | None = None) -> dict[str, float]:
    """Votes of the sentence, the paragraph's lead and the headings above `offset`.

    `sentence` is the one at `offset`, when the caller has already looked it up."""
    votes: dict[str, float] = {}
    sentence = sentence or layout.sentence_at(offset)
    add_votes(votes, sentence.text, WEIGHTS["sentence"])
    paragraph = layout.paragraphs[layout.paragraph_index_at(offset)] if layout.paragraphs else None
    if paragraph is not None and not paragraph.is_heading and paragraph.lead != sentence.text:
        add_votes(votes, paragraph.lead, WEIGHTS["lead"])
    for distance, heading in enumerate(layout.headings_above(offset)):
        add_votes(votes, heading.text, WEIGHTS["heading"] / (1 + distance))
    return votes


def pillar_of(layout: Layout, mention: Mention, context: dict[str, float] | None = None) -> str:
    votes = dict(context if context is not None else context_votes(layout, mention.start))
    add_votes(votes, clause_around(layout.text, mention.start, mention.end), WEIGHTS["clause"])
    if not votes:
        return GENERAL
    top = max(round(score, 6) for score in votes.values())
    # a tie goes to the pillar listed first, never to chance
    return next(code for code in pillar_names() if round(votes.get(code, -1.0), 6) == top)


def assign_pillars(layout: Layout, mentions: list[Mention]) -> None:
    by_sentence: dict[int, dict[str, float]] = {}    # mentions of one sentence share its context
    for mention in mentions:
        sentence = layout.sentence_at(mention.start)
        if sentence.start not in by_sentence:
            by_sentence[sentence.start] = context_votes(layout, mention.start, sentence)
        mention.pillar = pillar_of(layout, mention, by_sentence[sentence.start])
