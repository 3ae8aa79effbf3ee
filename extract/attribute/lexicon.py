"""jieba's dictionary, loaded in a twentieth of the time, and segmenting exactly as jieba does.

Labels segment short stretches of a clause with jieba's dictionary and no HMM, and read each
word's part of speech from the same dictionary. `jieba.Tokenizer` builds a Python dict of
half a million words and prefixes before its first cut (0.6–0.9 s, most of a one-report run);
here the words live in one Aho–Corasick automaton whose values pack each word's frequency,
length and word class into an int, so the automaton pickles into a cache file that loads in
about 0.05 s (`resources.cached`: built at install by `make setup`, else by the first run;
a changed dictionary or module builds it anew, an unwritable cache folder in memory).

`cut` reproduces `jieba.Tokenizer.cut(sentence, HMM=False)` of jieba 0.42.1 token for token:
the same blocks, the same word graph (every dictionary word of non-zero frequency that
occurs), the same route (maximum sum of log frequencies, ties to the longer word), the same
runs of single Latin letters and digits. tests/extract/attribute/test_lexicon.py checks it
against jieba itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from math import inf, log
from pathlib import Path
from typing import Iterator

import ahocorasick

from ..resources import ResourceError, cached, package_file, resource_path

CACHE_VERSION = 2
# jieba 0.42.1's own patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng).
HAN_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
SKIP = re.compile("(\r\n|\\s)", re.U)
LATIN = re.compile("[a-zA-Z0-9]", re.U)
CLASSES = ("noun", "act", "function")
CLASS_BITS, LENGTH_BITS = 2, 6
LENGTH_MASK = (1 << LENGTH_BITS) - 1
MORPHEME_NOUN_TAGS = ("ng", "zg")
NOMINAL_TAGS = ("n", "j", "b", "a", "l", "i", "vn", "an", "nz", "eng", "x", "f")
FUNCTION_TAGS = ("p", "c", "u", "d", "r", "m", "q", "s", "y", "e", "o", "z", "ul", "uj")   # not t: 青年 is one



def class_of_tag(tag: str) -> str:
    """jieba's part-of-speech tag → the word class labels read: noun, act or function."""
    if tag in MORPHEME_NOUN_TAGS:
        return "noun"               # 村 (zg), 区 (ng): one-character nouns
    if tag.startswith("v") and tag != "vn":
        return "act"
    if tag.startswith(NOMINAL_TAGS) or tag.startswith("n"):
        return "noun"
    return "function" if tag.startswith(FUNCTION_TAGS) else "noun"


@dataclass(frozen=True)
class Lexicon:
    words: ahocorasick.Automaton      # words of two or more characters → packed frequency, length, class
    characters: dict[str, int]        # one-character words → packed frequency, class
    log_total: float

    @cached_property
    def character_weights(self) -> dict[str, float]:
        """log(frequency / total) of every one-character word of non-zero frequency."""
        shift = CLASS_BITS + LENGTH_BITS
        return {character: log(packed >> shift) - self.log_total
                for character, packed in self.characters.items() if packed >> shift}

    def word_class(self, word: str) -> str | None:
        """The dictionary's class of `word`, or None if the dictionary lacks it."""
        packed = self.characters.get(word) if len(word) == 1 else self.words.get(word, None)
        return None if packed is None else CLASSES[packed & 3]

    def cut(self, sentence: str) -> list[str]:
        """`jieba.Tokenizer().lcut(sentence, HMM=False)`, the same tokens."""
        tokens: list[str] = []
        for block in HAN_BLOCK.split(sentence):
            if not block:
                continue
            if HAN_BLOCK.match(block):
                self._cut_block(block, tokens)
            else:
                for piece in SKIP.split(block):
                    if SKIP.match(piece):
                        tokens.append(piece)
                    else:
                        tokens.extend(piece)
        return tokens

    def boundaries(self, block: str) -> list[int]:
        """The offsets where `cut` puts a word boundary in a block of Chinese characters, 0 and
        len(block) included."""
        choice = self._route(block)
        edges, start = [0], 0
        while start < len(block):
            start = choice[start] + 1
            edges.append(start)
        return edges

    def _cut_block(self, block: str, tokens: list[str]) -> None:
        choice = self._route(block)
        start, size, latin = 0, len(block), ""
        while start < size:
            stop = choice[start] + 1
            word = block[start:stop]
            if len(word) == 1 and LATIN.match(word):
                latin += word
            else:
                if latin:
                    tokens.append(latin)
                    latin = ""
                tokens.append(word)
            start = stop
        if latin:
            tokens.append(latin)

    def _route(self, block: str) -> list[int]:
        """For each start, the end of the word the best segmentation takes there (jieba's calc)."""
        log_total = self.log_total
        longer: dict[int, list[tuple[int, float]]] = {}
        for last, packed in self.words.iter(block):
            frequency = packed >> (CLASS_BITS + LENGTH_BITS)
            if frequency:
                start = last - ((packed >> CLASS_BITS) & LENGTH_MASK) + 1
                longer.setdefault(start, []).append((last, log(frequency) - log_total))
        best = [0.0] * (len(block) + 1)
        choice = list(range(len(block)))
        character_weights = self.character_weights
        unknown = log(1) - log_total    # jieba weighs a character it lacks as frequency 1 (`FREQ.get(w) or 1`)
        for start in range(len(block) - 1, -1, -1):
            weight = character_weights.get(block[start])
            options = longer.get(start)
            if options is None:
                best[start] = (unknown if weight is None else weight) + best[start + 1]
                continue
            # The character alone is an option only if it is a word; max() over (score, end)
            # pairs, unrolled: ties go to the longer word, as in jieba.
            score, end = (-inf, start) if weight is None else (weight + best[start + 1], start)
            for last, weight in options:
                candidate = weight + best[last + 1]
                if candidate > score or (candidate == score and last > end):
                    score, end = candidate, last
            best[start], choice[start] = score, end
        return choice


def dictionary_path() -> Path:
    """jieba's own dict.txt, found without importing jieba (0.15 s)."""
    return package_file("jieba", "dict.txt")


def domain_words_path() -> Traversable:
    return resource_path("domain_words.txt")


def build(dictionary: Path, *extra: Path | Traversable) -> Lexicon:
    """The automaton from jieba's dict.txt (word, frequency, tag per line), then the `extra`
    dictionaries (as jieba.load_userdict adds them), as jieba reads them: a word listed twice
    keeps its last frequency, and the total counts every line."""
    words = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    characters: dict[str, int] = {}
    total = 0
    for path, line in _dictionary_lines(dictionary, *extra):
        word, frequency, *tag = line.strip().split(" ") + [""]
        if not frequency.isdigit():
            raise ResourceError(f"{path}: {line.strip()!r} is not 'word frequency [tag]'")
        tag = [t for t in tag if t]
        total += int(frequency)
        packed = ((int(frequency) << LENGTH_BITS | len(word)) << CLASS_BITS
                  | CLASSES.index(class_of_tag(tag[0] if tag else "n")))
        if len(word) == 1:
            characters[word] = packed
        else:
            words.add_word(word, packed)
    words.make_automaton()
    return Lexicon(words, characters, log(total))


def _dictionary_lines(*paths: Path | Traversable) -> Iterator[tuple[Path | Traversable, str]]:
    for path in paths:
        with path.open("r", encoding="utf-8") as lines:      # a zipfile.Path inside a shipped zip too
            for line in lines:
                if line.strip() and not line.startswith("#"):
                    yield path, line


@lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    """The lexicon, read from the cache an earlier process wrote (resources.cached), else built."""
    dictionary, domain = dictionary_path(), domain_words_path()
    # files(), not __file__: inside the zip shipped to a Dask cluster this module is no file.
    return cached(f"lexicon-v{CACHE_VERSION}", [dictionary, domain, files(__package__) / "lexicon.py"],
                  lambda: build(dictionary, domain))
