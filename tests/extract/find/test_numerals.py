"""Numeral normalisation: a case table, and properties over many numbers."""
from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, strategies as st

from extract.find.numerals import (
    NUMERAL_RE, common_shape_value, is_year_numeral, longest_number_prefix, parse_number,
)

CASES = [
    ("9", 9), ("7430", 7430), ("１２５６", 1256), ("1,200", 1200), ("12.5", 12.5),
    ("1.2万", 12000), ("37亿", 3.7e9), ("5000万", 5e7), ("4.3万", 43000),
    ("两", 2), ("十二", 12), ("一百六十", 160), ("两千", 2000), ("万", 10000), ("百", 100),
    ("千", 1000), ("十", 10), ("二十五", 25), ("一千二百万", 1.2e7), ("两万", 20000),
    ("七十五点五", 75.5), ("四点五", 4.5), ("零点八", 0.8), ("十点零五", 10.05), ("三点五万", 35000),
    ("一点二亿", 1.2e8),
    # traditional characters, read through the numeral only
    ("兩", 2), ("十二萬", 120000), ("兩億", 2e8), ("八點五", 8.5), ("三點五萬", 35000), ("1.2萬", 12000),
]
MALFORMED = ["十四五", "四六四五", "四五六", "", "万万亿亿十"]


@pytest.mark.parametrize("numeral,value", CASES, ids=[c[0] for c in CASES])
def test_parse_number(numeral, value):
    assert parse_number(numeral) == pytest.approx(value)


@pytest.mark.parametrize("numeral", MALFORMED)
def test_malformed_numerals_have_no_value(numeral):
    assert parse_number(numeral) is None


@pytest.mark.parametrize("numeral,is_year", [("2023", True), ("1949", True), ("二〇二三", True),
                                             ("7430", False), ("314151", False), ("99", False)])
def test_year_numerals(numeral, is_year):
    assert is_year_numeral(numeral) is is_year


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_round_trip(number):
    assert parse_number(str(number)) == number


@given(st.integers(min_value=1, max_value=10**8))
def test_chinese_numerals_read_back(number):
    # cn2an's an2cn writes the numeral; reading it back must give the number.
    assert parse_number(cn2an.an2cn(number)) == number


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_scaled_arabic(number, scale):
    word, factor = scale
    assert parse_number(f"{number}{word}") == number * factor


@given(st.integers(min_value=0, max_value=10**6))
def test_full_width_digits_equal_ascii(number):
    full_width = str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_number(full_width) == number


@given(st.integers(min_value=1, max_value=10**8))
def test_the_pattern_finds_the_whole_numeral(number):
    numeral = cn2an.an2cn(number)
    assert NUMERAL_RE.fullmatch(numeral)


@pytest.mark.parametrize("text,numeral", [("七十五点五", "七十五点五"), ("三点五万", "三点五万"), ("四点五个", "四点五")],
                         ids=lambda v: v)
def test_the_pattern_reads_a_chinese_decimal_whole(text, numeral):
    assert NUMERAL_RE.match(text).group() == numeral


@pytest.mark.parametrize("numeral,prefix", [("七十百", "七十"), ("七十", "七十"), ("十四五", "十四"), ("四六", "四")])
def test_longest_number_prefix(numeral, prefix):
    assert longest_number_prefix(numeral) == prefix


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=99))
def test_chinese_decimals_read_back(whole, fraction):
    # 七十五点五: cn2an writes the decimal; the pattern finds it whole and reads it back.
    number = float(f"{whole}.{fraction:02d}".rstrip("0"))
    numeral = cn2an.an2cn(number)
    assert NUMERAL_RE.fullmatch(numeral)
    assert parse_number(numeral) == pytest.approx(number)


TRADITIONAL = str.maketrans("两万亿点", "兩萬億點")


@given(st.integers(min_value=1, max_value=10**8))
def test_traditional_numerals_read_as_simplified(number):
    # The same numeral in traditional characters is found whole and has the same value.
    numeral = cn2an.an2cn(number).translate(TRADITIONAL)
    assert NUMERAL_RE.fullmatch(numeral)
    assert parse_number(numeral) == number


def common_shapes() -> list[str]:
    digits = "零〇一二两三四五六七八九"
    shapes = set(digits) | {d + s for d in digits for s in "十百千万亿"}
    shapes |= {t + "十" + u for t in ["", *"一二三四五六七八九两"] for u in ["", *digits]}
    shapes |= {str(n) for n in range(0, 1200)} | {f"{n}.{f}" for n in range(12) for f in range(0, 100, 7)}
    shapes |= {f"{n}{s}" for n in (1, 7, 30, 450, 9999) for s in "十百千万亿"}
    shapes |= {f"{n}.{f}{s}" for n in (0, 1, 19, 421) for f in ("1", "05", "7", "99") for s in "十百千万亿"}
    return sorted(shapes)


def test_common_shapes_are_read_as_cn2an_reads_them():
    """The shortcut for common shapes must never change a value: compare with cn2an on each."""
    read, differ = 0, []
    for shape in common_shapes():
        value = common_shape_value(shape)
        if value is None:
            continue
        read += 1
        try:
            expected = cn2an.cn2an(shape, "smart")
        except ValueError:
            expected = None
        if value != expected or isinstance(value, int) != isinstance(expected, int):
            differ.append((shape, value, expected))
    assert read > 1500 and not differ


@pytest.mark.parametrize("shape", ["三百二十", "一千零五", "十四五", "二〇二三", "1,200", "两十"])
def test_other_shapes_are_left_to_cn2an(shape):
    assert common_shape_value(shape) is None
