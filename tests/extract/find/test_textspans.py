"""Intervals answers "does this span touch one?" exactly as the definition does: some span
[s, e) with s < end and start < e, for spans given at once or added later, empty questions too."""
import random

import pytest

from extract.find.textspans import Intervals


def touches_one(spans, start, end):
    return any(s < end and start < e for s, e in spans)


@pytest.mark.parametrize("spans, question, expected", [
    pytest.param([(0, 3), (3, 5)], (3, 3), False, id="empty-question-where-two-spans-touch"),
    pytest.param([(0, 3), (2, 5)], (3, 3), True, id="empty-question-inside-overlapping-spans"),
    pytest.param([(10, 90), (20, 25)], (50, 52), True, id="inside-a-long-span-past-a-short-one"),
    pytest.param([(4, 6)], (6, 9), False, id="starts-where-a-span-ends"),
    pytest.param([(4, 6)], (1, 4), False, id="ends-where-a-span-starts"),
])
def test_overlaps_at_the_edges(spans, question, expected):
    assert Intervals(spans).overlaps(*question) is expected


def test_overlaps_as_defined_on_random_spans():
    randomness = random.Random(12)
    for _ in range(3000):
        spans = [(s, s + randomness.randint(1, 15)) for s in (randomness.randint(0, 60)
                                                               for _ in range(randomness.randint(0, 10)))]
        given = randomness.randint(0, len(spans))
        intervals = Intervals(spans[:given])
        for start, end in spans[given:]:
            intervals.add(start, end)
        assert list(intervals) == sorted(spans) and len(intervals) == len(spans)
        for _ in range(20):
            start = randomness.randint(-2, 80)
            end = start + randomness.randint(0, 10)
            assert intervals.overlaps(start, end) == touches_one(spans, start, end), (spans, start, end)


def test_the_idiom_pattern_finds_what_the_longest_first_list_finds():
    # ambiguity_pattern is a trie for speed; scanning a text it must find what the plain
    # alternation of the words, longest first, finds.
    import re

    from extract.find.textspans import ambiguity_pattern
    from extract.resources import word_list

    words = word_list("ambiguity.yaml", "words")
    listed = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    pieces = sorted({piece for word in words for piece in (word, word[:1], word[:2], word[1:])}) + ["，", "党员"]
    randomness = random.Random(13)
    for _ in range(2000):
        text = "".join(randomness.choice(pieces) for _ in range(randomness.randint(0, 12)))
        assert [m.span() for m in ambiguity_pattern().finditer(text)] == [m.span() for m in listed.finditer(text)]
        assert ambiguity_pattern().sub("", text) == listed.sub("", text)
