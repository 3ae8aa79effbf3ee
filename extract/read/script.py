"""Reports in traditional characters, read through a simplified view of the same length.

Mirror and reprint sites serve mainland reports in traditional characters (大連市, 縣委組織部,
1.2萬人次). Every word list, the gazetteer and the numeral reader of this project are in
simplified characters, so such a text is read through its simplified twin: OpenCC's `t2s`
conversion, line by line, keeping a line as it is in the rare case its conversion changes its
length. Offsets are then the same in both, so every row still quotes the document's own
characters (`text`, `sentence`) while the stages read the simplified ones.

A text counts as traditional when at least MIN_SHARE of its Chinese characters are markers:
the traditional forms of the 3,000 most frequent simplified characters, where the forms differ
and the traditional one is not itself among those 3,000 (so 著 and 於, common in simplified
text too, are no markers). resources/traditional_markers.txt holds them (`derive_markers`
remakes it; a test checks it still matches). Simplified reports have none.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import resource_path

MIN_SHARE = 0.05
MIN_MARKERS = 3
COMMON_CHARACTERS = 3000
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=None)
def _markers() -> re.Pattern:
    lines = [line for line in resource_path("traditional_markers.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return re.compile(f"[{''.join(lines)}]")


def is_traditional(text: str) -> bool:
    markers = len(_markers().findall(text))
    return markers >= MIN_MARKERS and markers >= MIN_SHARE * len(CHINESE.findall(text))


def simplified_view(text: str) -> str:
    """`text` in simplified characters, character for character; `text` itself when it is not
    in traditional characters."""
    if not is_traditional(text):
        return text
    converter = _converter()
    lines = text.split("\n")
    converted = [converter.convert(line) for line in lines]
    return "\n".join(new if len(new) == len(old) else old for old, new in zip(lines, converted))


@lru_cache(maxsize=None)
def _converter():
    import opencc       # only for the rare traditional text: not in every run's start-up

    return opencc.OpenCC("t2s")


def derive_markers(dictionary_lines, count: int = COMMON_CHARACTERS) -> str:
    """The marker characters, from jieba's dictionary lines (word, frequency, tag) and OpenCC."""
    import opencc

    frequency = {}
    for line in dictionary_lines:
        word, number, *_ = line.split()
        if len(word) == 1 and CHINESE.match(word):
            frequency[word] = int(number)
    common = sorted(frequency, key=lambda character: (-frequency[character], character))[:count]
    to_traditional, to_simplified = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    known = set(common)
    markers = []
    for character in common:
        traditional = to_traditional.convert(character)
        if (traditional != character and len(traditional) == 1 and traditional not in known
                and to_simplified.convert(traditional) == character):
            markers.append(traditional)
    return "".join(markers)


def main() -> None:
    """Print the marker resource (python -m extract.read.script > extract/resources/traditional_markers.txt)."""
    from ..attribute.lexicon import dictionary_path

    with open(dictionary_path(), encoding="utf-8") as lines:
        markers = derive_markers(lines)
    print(HEADER)
    for start in range(0, len(markers), 60):
        print(markers[start:start + 60])


HEADER = """\
# Traditional characters that mark a text as written in traditional script (extract/read/script.py).
# Source: made by `python -m extract.read.script` from jieba 0.42.1's dict.txt (MIT licence: the
# 3,000 most frequent one-character words) and OpenCC's s2t/t2s conversions (opencc 1.4.2 on PyPI,
# Apache-2.0): the traditional form of each, where it differs, converts back, and is not itself
# one of the 3,000. Licence of this derived list: the project's own."""


if __name__ == "__main__":
    main()
