"""Label each mention with what it measures, in Chinese.

For an indicator the label is the noun phrase the number counts, read after it
(7430套人才公寓 → 人才公寓; 1.2万余人次干部接受轮训 → 干部轮训) or, when the
number closes its clause, the phrase before it (干部学历整体提升8个百分点 → 干部学历提升).
jieba segments only these short windows, never the whole text: segmentation
is the slowest step of the pipeline, and a label needs a dozen characters.
A bundle or formula is labelled by its own name.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

import jieba

from ..find.mentions import Mention
from ..resources import word_list

WINDOW = 14
CLAUSE_BREAK = re.compile(r"[，,。；;：:、！？!?\n“”‘’（）()《》…—]")
DIGIT = re.compile(r"[0-9０-９一二两三四五六七八九十百千万亿]")
MAX_LABEL_CHARS = 12
COMPARISON = re.compile(r"(?:比|较|与)(?:上年|去年|上一年|年初|上年同期|同期)(?:同期)?(?:相比)?|同比|环比")


@lru_cache(maxsize=None)
def tokenizer() -> jieba.Tokenizer:
    """Our own jieba instance, so the global one (and its log noise) stays untouched."""
    jieba.setLogLevel(logging.WARNING)
    instance = jieba.Tokenizer()
    instance.initialize()
    return instance


@lru_cache(maxsize=None)
def label_words() -> dict[str, frozenset[str]]:
    return {key: frozenset(word_list("labels.yaml", key))
            for key in ("link_verbs", "action_verbs", "fillers", "change_verbs")}


def assign_labels(text: str, mentions: list[Mention]) -> None:
    """Label mentions in place; `mentions` in document order."""
    previous_end = 0
    for mention in mentions:
        if mention.kind == "indicator":
            mention.label = indicator_label(text, mention, previous_end)
        elif not mention.label:
            mention.label = mention.text
        previous_end = max(previous_end, mention.end)


def indicator_label(text: str, mention: Mention, previous_end: int = 0) -> str:
    """`previous_end`: where the mention before it ends; a label never reaches back past it."""
    return label_after(text, mention.end) or label_before(text, mention.start, previous_end)


def label_after(text: str, end: int) -> str:
    window = _clause_piece(text[end:end + WINDOW], from_start=True)
    if not window:
        return ""           # the clause ends at the number (…提升8个百分点。): nothing to segment
    words = label_words()
    tokens = [t for t in tokenizer().lcut(window, HMM=False) if t.strip()]
    if tokens and tokens[0] in words["action_verbs"]:
        tokens = tokens[1:]
    picked: list[str] = []
    for token in tokens:
        if DIGIT.match(token):
            break
        if token in words["link_verbs"] and picked:
            continue
        if token in words["fillers"] or token in words["action_verbs"]:
            if picked:
                break
            continue
        picked.append(token)
        if sum(map(len, picked)) >= MAX_LABEL_CHARS:
            break
    return "".join(picked)


def label_before(text: str, start: int, previous_end: int = 0) -> str:
    window = _clause_piece(text[max(0, start - WINDOW, previous_end):start], from_start=False)
    window = COMPARISON.sub("", window)     # 比上年增加15个: the baseline is not what is counted
    if not window:
        return ""
    words = label_words()
    tokens = [t for t in tokenizer().lcut(window, HMM=False) if t.strip() and not DIGIT.match(t)]
    while len(tokens) > 1 and tokens[0] in words["action_verbs"]:
        tokens = tokens[1:]     # 开展专题培训班86期 → 专题培训班; a lone 培训 stays
    kept = [t for t in tokens if t not in words["fillers"] or t in words["change_verbs"]]
    label = "".join(kept)
    return label[-MAX_LABEL_CHARS:]


def _clause_piece(window: str, from_start: bool) -> str:
    """The part of `window` inside the mention's clause."""
    pieces = CLAUSE_BREAK.split(window)
    return pieces[0] if from_start else pieces[-1]
