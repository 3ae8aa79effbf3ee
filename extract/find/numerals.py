"""Numerals: the pattern that finds them and the function that gives their value.

Conversion is cn2an's job (Arabic, Chinese and mixed numerals: 1.2万, 一百六十,
两, 37亿); this module only finds candidate numerals, reads the commonest shapes
itself exactly as cn2an would (to spare its import), hands cn2an one numeral at a
time (never a sentence: its transform misreads bare 百/千/万 inside words), and
turns its refusals into None.

>>> parse_number("1.2万")
12000.0
>>> parse_number("一百六十")
160.0
>>> parse_number("万")
10000.0
>>> parse_number("七十五点五")
75.5
>>> parse_number("三点五万")
35000.0
>>> parse_number("八點五")
8.5
>>> parse_number("七十五萬")
750000.0
>>> parse_number("十四五") is None
True
>>> parse_number("四六四五") is None
True
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
# Traditional characters of numerals, read as their simplified forms by parse_number
# (the numeral only: the document keeps its characters and offsets).
TRADITIONAL_NUMERAL = str.maketrans("兩萬億點", "两万亿点")
NORMALISE_NUMERAL = {**FULL_WIDTH_DIGITS, **TRADITIONAL_NUMERAL}

# Named pieces, composed into NUMERAL below (compare cn2an's own __get_pattern).
#
# Each is written to open with a plain character class ([x][x]* rather than [x]+): CPython's
# re skips ahead to a pattern's possible first characters in C only when the pattern opens
# with a class or a literal, and otherwise tries the whole pattern at every character of a
# report (about three times slower on a full-text scan).
DIGIT = "0-9０-９"
ARABIC = rf"[{DIGIT}][{DIGIT}]*(?:[,，][{DIGIT}]{{3}})*(?:[.．][{DIGIT}]+)?"
CHINESE_DIGIT = "零〇一二两兩三四五六七八九"
CHINESE_SCALE = "十百千万亿萬億"
CHINESE = rf"[{CHINESE_DIGIT}{CHINESE_SCALE}][{CHINESE_DIGIT}{CHINESE_SCALE}]*"
MIXED = rf"{ARABIC}[{CHINESE_SCALE}]*"       # 1.2万, 37亿, 5000万
# A thousands separator: the full-width comma only between full-width digits (１２，０００);
# after an ASCII digit it is the clause comma of Chinese prose (培训20，300人参加 is two numbers).
THOUSANDS = r"(?:,|(?<=[０-９])，)"
# A Chinese decimal: 七十五点五, 四点五, 三点五万 (the digits after 点 are read one by one).
CHINESE_DECIMAL = rf"(?:[点點][{CHINESE_DIGIT}][{CHINESE_DIGIT}]*[万亿萬億]?)?"
# MIXED or CHINESE (with its decimal), as one class and then the rest of whichever the first
# character began.
NUMERAL = (rf"[{DIGIT}{CHINESE_DIGIT}{CHINESE_SCALE}]"
           rf"(?:(?<=[{DIGIT}])[{DIGIT}]*(?:{THOUSANDS}[{DIGIT}]{{3}})*(?:[.．][{DIGIT}]+)?[{CHINESE_SCALE}]*"
           rf"|(?<=[{CHINESE_DIGIT}{CHINESE_SCALE}])[{CHINESE_DIGIT}{CHINESE_SCALE}]*{CHINESE_DECIMAL})")
NUMERAL_RE = re.compile(NUMERAL)

ARTICLE_DIGITS = {"一", "二"}   # 一个/一批 is "a"; 二次 is an ordinal: counts say 两


@lru_cache(maxsize=4096)
def parse_number(numeral: str) -> float | None:
    """The value of one numeral, or None when it is not a well-formed number."""
    text = numeral.translate(NORMALISE_NUMERAL).replace(",", "")
    if not text:
        return None
    if len(text) > 1 and all(ch in CHINESE_DIGIT for ch in text):
        return None                 # 四六四五, 四五六: digits read out one by one name things
    if text[0] in "百千万亿":        # 万余名, 近百家: a bare scale word means one of it
        text = "一" + text
    scale = 1
    if "点" in text and text[-1] in DECIMAL_SCALES:   # 三点五万: cn2an reads no scale after a decimal
        text, scale = text[:-1], DECIMAL_SCALES[text[-1]]
    value = common_shape_value(text)
    if value is None:
        value = cn2an_value(text)
    return None if value is None else float(value) * scale


# The shapes most numerals take, read here as cn2an reads them (tests compare the two on
# every such form): cn2an compiles some thirty patterns when first imported, a sixth of a
# one-report run, and most reports need nothing beyond these shapes.
ONE_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SCALE_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
ARABIC_WITH_SCALE = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿]?)")
SINGLE_SCALE = re.compile(r"([一二三四五六七八九])?([百千万亿])")
TENS = re.compile(r"([一二三四五六七八九])?十([一二三四五六七八九])?")


def common_shape_value(text: str) -> int | float | None:
    """37, 12.5, 1.2万, 五, 两, 十, 二十三, 三百, 两千: else None (then cn2an decides)."""
    if arabic := ARABIC_WITH_SCALE.fullmatch(text):
        digits, scale = arabic.groups()
        return int(Decimal(digits) * SCALE_VALUE[scale]) if scale else float(digits)
    if len(text) == 1 and text in ONE_DIGIT:
        return ONE_DIGIT[text]
    if tens := TENS.fullmatch(text):
        tens_digit, unit_digit = tens.groups()
        return ONE_DIGIT.get(tens_digit, 1) * 10 + ONE_DIGIT.get(unit_digit, 0)
    if (single := SINGLE_SCALE.fullmatch(text)) and single.group(1):
        return ONE_DIGIT[single.group(1)] * SCALE_VALUE[single.group(2)]
    return None


def cn2an_value(text: str) -> int | float | None:
    import cn2an   # imported on the first numeral of a less common shape (see above)

    try:
        return cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None


DECIMAL_SCALES = {"万": 10_000, "亿": 100_000_000}


def longest_number_prefix(numeral: str) -> str:
    """The longest start of `numeral` that is a number: 七十百 (百分之七十百分位) → 七十.

    A Chinese numeral can run into the next word when that word opens with a scale
    character (百分位, 千米); the trailing characters then belong to the word.
    """
    for end in range(len(numeral), 0, -1):
        if parse_number(numeral[:end]) is not None:
            return numeral[:end]
    return ""


ARABIC_DIGITS = frozenset("0123456789０１２３４５６７８９")


def is_arabic(numeral: str) -> bool:
    return numeral[:1] in ARABIC_DIGITS


def is_bare_article(numeral: str) -> bool:
    """一 or 二 on its own, which in running text means "a" or "second", not a count."""
    return numeral in ARTICLE_DIGITS


def is_bare_round(numeral: str) -> bool:
    """百, 千 or 万 on its own: in 百名干部, 万名学子 a slogan's round number."""
    return numeral in ("百", "千", "万")


def is_year_numeral(numeral: str) -> bool:
    """2023 or 二〇二三: four digits that read as a calendar year before 年."""
    text = numeral.translate(FULL_WIDTH_DIGITS)
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return True
    return len(text) == 4 and all(ch in "零〇一二三四五六七八九" for ch in text)
