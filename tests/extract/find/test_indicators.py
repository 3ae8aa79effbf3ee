"""Indicators: the case table in specs/indicators.yaml, one test per sentence."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from extract.find.indicators import word_alternation
from extract.pipeline import find_mentions
from tests.extract.spec_cases import spec_params


def indicators_of(text: str) -> list[dict]:
    return [{"text": m.text, "value": m.value, "unit": m.unit, "qualifier": m.qualifier}
            for m in find_mentions(text) if m.kind == "indicator"]


@pytest.mark.parametrize("case", spec_params("indicators.yaml"))
def test_indicator_cases(case):
    found = indicators_of(case["text"])
    if case.get("none"):
        assert found == [], f"expected no indicator ({case.get('why')})"
        return
    expected = [{"qualifier": "=", **e} for e in case["expect"]]
    for item in expected:
        item["value"] = float(item["value"])
    assert found == expected


def test_text_is_the_exact_source_characters():
    text = "汽开区连续9年举办大赛，累计培养万余名高素质技能人才。"
    for mention in find_mentions(text):
        assert text[mention.start:mention.end] == mention.text


WORD_PIECES = ["人", "次", "民", "币", "个", "月", "百分点", "m", "g", "²", "$", "-", "]"]


@given(st.lists(st.lists(st.sampled_from(WORD_PIECES), min_size=1, max_size=3).map("".join), min_size=1, max_size=8),
       st.lists(st.sampled_from(WORD_PIECES), max_size=6).map("".join))
def test_the_trie_alternation_matches_what_the_longest_first_list_matches(words, text):
    # The unit patterns are tries for speed; they must match exactly what the list of words,
    # longest first, would match at the start of any text.
    listed = re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
    trie = re.compile(word_alternation(words))
    expected, found = listed.match(text), trie.match(text)
    assert (found and found.group()) == (expected and expected.group())
