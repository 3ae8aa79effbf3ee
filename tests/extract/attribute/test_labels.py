"""Labels: the case table in specs/labels.yaml, and the dictionary the parts of speech come from."""
from __future__ import annotations

import pytest

from extract.attribute.labels import label_words, word_class
from extract.attribute.lexicon import lexicon
from extract.pipeline import find_mentions
from tests.extract.spec_cases import spec_params


@pytest.mark.parametrize("case", spec_params("labels.yaml"))
def test_label(case):
    labels = {m.text: m.label for m in find_mentions(case["text"]) if m.kind == "indicator"}
    assert labels.get(case["number"]) == case["label"], labels


def test_parts_of_speech_come_from_jiebas_dictionary():
    words = lexicon()
    assert words.word_class("举办") == "act" and words.word_class("的") == "function"
    assert words.word_class("干部") == "noun" and word_class("干部") == "noun"
    assert words.word_class("蓬江区某某镇") is None and word_class("蓬江区某某镇") == "noun", "unknown: a name"


@pytest.mark.parametrize("word,cls", [
    ("举办", "light"), ("选派", "act"), ("接受", "link"), ("提升", "change"), ("全区", "filler"),
    ("人才公寓", "noun"), ("村", "noun"), ("、", "break"), ("1.2万", "number"), ("属于", "act"),
], ids=lambda value: str(value))
def test_word_classes(word, cls):
    assert word_class(word) == cls


def test_the_word_lists_do_not_overlap():
    words = label_words()
    groups = {"link": words.link, "light": words.light, "acts": words.acts, "fillers": words.fillers,
              "changes": words.changes}
    for name, members in groups.items():
        for other, other_members in groups.items():
            if name < other:
                assert not members & other_members, (name, other, members & other_members)
