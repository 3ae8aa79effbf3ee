"""Find indicators: a number with its measure word or unit (1.2万余人次, 37亿元, 近7%).

Two steps, as in Recognizers-Text: every numeral in the text is a candidate;
a candidate becomes an indicator when a unit follows it and no exclusion
applies (a date, a time frame, an ordinal, a code, a numeral inside a quoted
name or an idiom, a bare 一 that means "a"). Value, unit and qualifier are
normalised on the way: an explicit sign (负3.9%), a trailing 半 (两公里半), the
smaller units of a currency (5元3角), 几/多/余 inside the numeral (二十几万人),
a unit's other names and factors (千米 → 公里, 八成 → 80 %, 七成六 → 76 %),
traditional characters (十二萬人, 八點五個百分點), a currency's sign or name
before the amount (￥300, 人民币3000万). A range (5-20%, 三到五年) gives one row
per end; counts listed before the one that carries the unit (分别为12、8、5人)
share it. Word lists live in resources/: units.yaml, qualifiers.yaml,
ambiguity.yaml, formulas.yaml. bench/number_suite.py scores all this on an
external suite.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .mentions import Mention
from .numerals import (CHINESE_DIGIT, NUMERAL, is_arabic, is_bare_article, is_bare_round, is_year_numeral,
                       longest_number_prefix, parse_number)
from ..resources import ResourceError, load_yaml, word_list, word_map
from .textspans import Intervals, protected_spans, word_alternation

CJK = re.compile(r"[\u4e00-\u9fff]")
CODE_NEIGHBOURS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+＋-－_/#.．:：~～×*")
IMPLIED_UNIT = "个"           # 万余终端: no measure word, the guideline's implied one
NUMERAL_CHARACTERS = frozenset("0123456789０１２３４５６７８９零〇一二两兩三四五六七八九十百千万亿萬億")
DURATION_AFTER_NUMERAL = re.compile(r"[余多]?(?:个半月|个半小时|个月|个小时|小时|周年|年|月|天|周|日)[余多半]?")
# An explicit sign right before the number: 负3.9%, -22.2%, +5%. A dash after a digit
# or a letter is a range or a code instead (5-20%, A-3).
SIGNS = {"负": -1.0, "-": -1.0, "－": -1.0, "−": -1.0, "+": 1.0, "＋": 1.0}
RANGE_CONNECTORS = "-－—~～〜至到"
RANGE_WINDOW = 16
CHANGE_BEFORE_RANGE = ("从", "由")       # 由3个到5个: a change, two values, not a range
# Counts listed one after another before the one that carries the unit: 分别为12、8、5人.
LISTED_COUNTS = re.compile(rf"(?:分别|依次)(?:达到|为|是|达|有)?[:：]?"
                           rf"(?P<items>(?:{NUMERAL}[、，,和及与])+)\Z")
LIST_WINDOW = 40
LIST_CLAUSE_ENDS = ("，", ",", "。", "；", ";", "")
LIST_ITEM = re.compile(r"[^、，,。；;：:\n]{1,20}")
CLAUSE_MARKS = re.compile(r"[，,。；;：:\n]")
ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
SCALE_AFTER_APPROX = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100, "萬": 10_000, "億": 100_000_000}
OPENING_QUOTES = "“‘「\""
CHINESE_DIGITS = frozenset(CHINESE_DIGIT)
TENTHS_DIGITS = frozenset("一二三四五六七八九")


@dataclass(frozen=True)
class UnitTable:
    canonical: dict[str, str]      # surface form → canonical unit
    durations: frozenset[str]      # canonical units that measure time
    measures: frozenset[str]       # canonical physical units (公里, 公斤, 亩): after them 二 is a number
    forms_longest_first: tuple[str, ...]
    not_units: tuple[str, ...]
    takes_half: frozenset[str]     # canonical units a trailing 半 adds a half to (两公里半)
    half_words: tuple[str, ...]    # words that open with 半 (半径): the 半 is not the unit's
    terms: frozenset[str]          # units that after a Chinese numeral name a term (二十届)
    factors: dict[str, float]      # surface form → what its number is multiplied by (八成 → 80 %)
    fraction_words: dict[str, float]   # 百分之, 千分之 … → factor to per cent
    minor_units: dict[str, dict[str, float]]   # 元 → {角: 0.1, 分: 0.01}: parts of one amount
    currency_signs: dict[str, str]     # ￥ → 元, $ → 美元: a sign before an Arabic amount
    tenths_after: frozenset[str]       # forms a digit after adds tenths to (七成六 is 7.6 成)
    not_quantities: frozenset[str]     # a number and a unit form that together name something else (5g)


@lru_cache(maxsize=None)
def unit_table() -> UnitTable:
    data = load_yaml("units.yaml")
    canonical: dict[str, str] = {}
    for group in ("counts", "measures", "durations", "money", "ratios"):
        for form, unit in word_map("units.yaml", group).items():
            if form in canonical:
                raise ResourceError(f"units.yaml: {form!r} is under both {canonical[form]!r} and {unit!r}")
            canonical[form] = unit
    durations = frozenset(data["durations"])
    measures = frozenset(data["measures"])
    forms = tuple(sorted(canonical, key=len, reverse=True))
    takes_half = frozenset(word_list("units.yaml", "takes_half"))
    unknown = sorted(takes_half - set(canonical.values()))
    if unknown:
        raise ResourceError(f"units.yaml: takes_half names units that are not listed: {unknown}")
    return UnitTable(canonical, durations, measures, forms, tuple(word_list("units.yaml", "not_units")),
                     takes_half, tuple(word_list("units.yaml", "half_words")),
                     frozenset(word_list("units.yaml", "terms_after_chinese_numeral")),
                     number_map("factors", canonical), number_map("fraction_words"), minor_unit_map(canonical),
                     currency_sign_map(canonical), unit_forms("tenths_digit_after", canonical),
                     frozenset(word_list("units.yaml", "not_quantities")))


def unit_forms(key: str, canonical: dict[str, str]) -> frozenset[str]:
    forms = frozenset(word_list("units.yaml", key))
    if not forms <= set(canonical):
        raise ResourceError(f"units.yaml: '{key}' names forms that are no unit: {sorted(forms - set(canonical))}")
    return forms


def currency_sign_map(canonical: dict[str, str]) -> dict[str, str]:
    signs = load_yaml("units.yaml").get("currency_signs")
    money = set(word_map("units.yaml", "money").values())
    if not isinstance(signs, dict) or not all(isinstance(unit, str) and unit in money for unit in signs.values()):
        raise ResourceError("units.yaml: 'currency_signs' must map signs to units listed under money")
    return dict(signs)


def minor_unit_map(canonical: dict[str, str]) -> dict[str, dict[str, float]]:
    entries = load_yaml("units.yaml").get("minor_units")
    if not isinstance(entries, dict) or not set(entries) <= set(canonical.values()):
        raise ResourceError("units.yaml: 'minor_units' must map listed units to {form: fraction}")
    table = {}
    for unit, parts in entries.items():
        if not isinstance(parts, dict) or not all(isinstance(v, (int, float)) for v in parts.values()):
            raise ResourceError(f"units.yaml: minor_units.{unit} must map forms to fractions")
        table[unit] = {form: float(fraction) for form, fraction in parts.items()}
    return table


@lru_cache(maxsize=None)
def minor_unit_pattern(unit: str) -> re.Pattern:
    """又三美分, 3角5分: the smaller units of `unit` that complete an amount (never 5分钟)."""
    forms = "|".join(map(re.escape, sorted(unit_table().minor_units[unit], key=len, reverse=True)))
    return re.compile(rf"又?(?P<numeral>{NUMERAL})(?P<form>{forms})(?![钟秒])")


def number_map(key: str, forms: dict[str, str] | None = None) -> dict[str, float]:
    """A units.yaml mapping of words to numbers; with `forms`, every word must be a unit form."""
    entries = load_yaml("units.yaml").get(key)
    if not isinstance(entries, dict) or not all(isinstance(v, (int, float)) for v in entries.values()):
        raise ResourceError(f"units.yaml: '{key}' must map words to numbers")
    unknown = sorted(set(entries) - set(forms)) if forms is not None else []
    if unknown:
        raise ResourceError(f"units.yaml: '{key}' names forms that are no unit: {unknown}")
    return {word: float(factor) for word, factor in entries.items()}


@lru_cache(maxsize=None)
def word_before_number_pattern() -> re.Pattern:
    """百分之八十, 千分之三, ￥300, 人民币3000万: a fraction word or a currency's sign and the numeral after it.

    One pattern for both, so the text is scanned once for the words that stand before a number;
    without a group around the word, so the engine can skip to the words' first characters fast.
    """
    words = word_alternation(set(unit_table().fraction_words) | set(unit_table().currency_signs))
    return re.compile(rf"(?:{words})(?P<numeral>{NUMERAL})")


def word_before(match: re.Match) -> str:
    return match.string[match.start():match.start("numeral")]


class QualifierWords:
    """Words of one position (近, 余, 以上 …) with the qualifier each gives, found with one regex call.

    The alternation lists the words longest first, so 将近 is found before 近."""

    def __init__(self, words: dict[str, str]):
        self.qualifier = words
        alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        self._at = re.compile(alternation)
        self._ending = re.compile(rf"(?:{alternation})\Z")

    def at(self, text: str, position: int, end: int) -> tuple[str, str]:
        """(word, qualifier) for the word text[position:end] opens with, or ("", "")."""
        match = self._at.match(text, position, end)
        return (match.group(), self.qualifier[match.group()]) if match else ("", "")

    def ending_at(self, text: str, end: int, reach: int) -> tuple[str, str]:
        """(word, qualifier) for the longest word that ends at `end`, starting at most `reach`
        characters before it, or ("", "")."""
        match = self._ending.search(text, max(0, end - reach), end)
        return (match.group(), self.qualifier[match.group()]) if match else ("", "")


@lru_cache(maxsize=None)
def qualifier_words() -> dict[str, QualifierWords]:
    """Each qualifier position → its words."""
    data = load_yaml("qualifiers.yaml")
    table = {}
    for position in ("prefix_in_span", "prefix_outside_span", "suffix_after_number", "suffix_after_unit"):
        words = word_map("qualifiers.yaml", position)
        if not words:
            raise ValueError(f"qualifiers.yaml: {position} is empty" if position in data
                             else f"qualifiers.yaml: {position} is missing")
        table[position] = QualifierWords(words)
    return table


@lru_cache(maxsize=None)
def context_words() -> dict[str, tuple[str, ...]]:
    words = {key: tuple(sorted(word_list("ambiguity.yaml", key), key=len, reverse=True))
             for key in ("time_frame_before", "time_frame_after", "ordinal_before", "session_after_unit",
                         "anniversary_before", "count_before_article", "inventory_nouns")}
    words["plan_heads"] = tuple(word_list("formulas.yaml", "name_heads_after_number"))
    return words


@lru_cache(maxsize=None)
def candidate_pattern() -> re.Pattern:
    """A numeral that a unit could follow.

    The lookahead lets the regex engine skip the numerals that no unit follows
    (统一, 一系列, 二十大) before any Python runs: most numerals in a report are those.
    The pattern starts with a character class so the engine can skip ahead fast;
    an in-span prefix (近, 约, 超) is looked for behind the match instead.
    """
    forms = word_alternation(unit_table().forms_longest_first)
    unit_ahead = rf"(?=[余多几]?[万亿千百萬億]?(?:{forms})|[{SPACES_BEFORE_UNIT}](?:[万亿]?[余多]?(?:{forms})|[余多几])|[余多几]|(?<=[万亿萬億]))"
    return re.compile(rf"{NUMERAL}{unit_ahead}")


def find_indicators(text: str, protected: Intervals | None = None) -> list[Mention]:
    """Every indicator in `text`, in order of appearance.

    `protected` are spans no indicator may touch (quoted names, idioms,
    formulas and programme bundles found earlier); computed here if not given.
    """
    protected = protected if protected is not None else protected_spans(text)
    found: list[Mention] = []
    for match in candidate_pattern().finditer(text):
        start = match.start()
        if found and start < found[-1].end:
            continue        # 37 亿元: the 亿 was read with the 37 before it
        if protected.overlaps(start, match.end()):
            continue        # a numeral in a quoted name or a formula (“四个意识”): so would any span around it
        low = range_low_before(text, start)
        if low is not None and low.ordinal:
            continue
        start -= len(explicit_sign(text, start)) if low is None else 0
        prefix, _ = in_span_prefix(text, start)
        if not prefix and spaced_start(text, start) != start and in_span_prefix(text, start - 1)[0]:
            start -= 1                  # 约 300 人: the space joins the span, after its prefix
            prefix, _ = in_span_prefix(text, start)
        joined = low is not None or dash_after_quantity(text, start)     # 5-20%, 五元六角-五元八角
        mention = read_indicator(text, start - len(prefix), match.end(), range_high=joined)
        if mention is None or protected.overlaps(mention.start, mention.end):
            continue
        if low is not None:
            ends = range_ends(text, low, match.group(), mention)
            if ends:
                found = [m for m in found if m.end <= low.start]    # 5%-20%: the low end was read alone
                found += ends
                continue
            mention = read_indicator(text, start - len(prefix), match.end())    # 20-5人: no range after all
            if mention is None:
                continue
        found += listed_counts_before(text, mention, protected)
        found.append(mention)
    for match in word_before_number_pattern().finditer(text):
        if word_before(match) in unit_table().fraction_words:
            found += percent_word(text, match, protected)
        else:
            found = with_signed_amount(found, signed_amount(text, match, protected))
    return sorted(found, key=lambda m: m.start)


def with_signed_amount(found: list[Mention], amount: Mention | None) -> list[Mention]:
    """`found` with ￥300 added, replacing a reading of its number with the implied unit ($2.5亿 → not 个).

    A reading with a unit of its own (￥1200元 → 1200元) stays and the sign adds nothing.
    """
    if amount is None:
        return found
    overlapping = [m for m in found if m.start < amount.end and amount.start < m.end]
    if any(m.unit != IMPLIED_UNIT or m.start < amount.start or m.end > amount.end for m in overlapping):
        return found
    return [m for m in found if not any(m is o for o in overlapping)] + [amount]


def explicit_sign(text: str, start: int) -> str:
    """负, - or + right before the number at `start`, when it is a sign and not a dash between codes."""
    sign = text[start - 1:start]
    if start == 0 or sign not in SIGNS:
        return ""
    before = text[start - 2:start - 1] if start >= 2 else ""
    if sign != "负" and (before in NUMERAL_CHARACTERS or before in CODE_NEIGHBOURS or before in ASCII_LETTERS):
        return ""       # 5-20, A-3, 3+2: a range or a code
    if sign != "负" and dash_after_quantity(text, start):
        return ""       # 五元六角-五元八角: a dash after a quantity joins two
    return sign


def dash_after_quantity(text: str, start: int) -> bool:
    """A dash right before `start` that follows a number and its unit (五元六角-): it joins, it is no sign."""
    return (start > 1 and text[start - 1] in "-－—" and
            quantity_before_pattern().search(text, max(0, start - 1 - RANGE_WINDOW), start - 1) is not None)


@lru_cache(maxsize=None)
def quantity_before_pattern() -> re.Pattern:
    """A number and its unit or a currency's smaller unit, ending where the search ends (五元六角)."""
    table = unit_table()
    minor = {form for parts in table.minor_units.values() for form in parts}
    return re.compile(rf"{NUMERAL}(?:{word_alternation(set(table.forms_longest_first) | minor)})\Z")


@dataclass(frozen=True)
class RangeLow:
    start: int          # where the low end begins in the text
    numeral: str
    unit_form: str      # 5%-20%, 3000元-5000元: the low end's own unit, when it repeats it
    unit: str           # …and its canonical name
    ordinal: bool       # 第3至5名: a range of ranks, so neither end is an indicator


@lru_cache(maxsize=None)
def range_low_pattern() -> re.Pattern:
    """The low end of a range, its unit if repeated, and the connector, at the end of a window."""
    forms = word_alternation(unit_table().forms_longest_first)
    return re.compile(rf"(?P<low>{NUMERAL})(?P<unit>{forms})?(?:[-－—~～〜]|至|到)\Z")


def range_low_before(text: str, start: int) -> RangeLow | None:
    """The low end of a range (5-, 5%至, 三到) ending right before `start`, or None."""
    if start == 0 or text[start - 1] not in RANGE_CONNECTORS:
        return None
    window_start = max(0, start - RANGE_WINDOW)
    match = range_low_pattern().search(text[window_start:start])
    if match is None or parse_number(match.group("low")) is None:
        return None
    low_start = window_start + match.start()
    before = text[max(0, low_start - 2):low_start]
    if before.endswith(CHANGE_BEFORE_RANGE) or before[-1:] in CODE_NEIGHBOURS or before[-1:] in ASCII_LETTERS:
        return None
    unit_form = match.group("unit") or ""
    low = RangeLow(low_start, match.group("low"), unit_form, unit_table().canonical.get(unit_form, ""),
                   before.endswith(context_words()["ordinal_before"]))
    if is_bare_article(low.numeral) and CJK.match(before[-1:]):
        return None                 # 统一到: 一 ends a word
    return low


def range_ends(text: str, low: RangeLow, high_numeral: str, high: Mention) -> list[Mention]:
    """A range as two rows, one per end: the low end `>` (at least), the high end `<` (at most).

    The low end takes the high end's unit, and its scale when it has none
    (3至5万元 → 30000 元 and 50000 元); [] when the two do not make a range.
    """
    if low.unit and low.unit != high.unit:
        return []
    low_value = parse_number(low.numeral)
    high_scale = SCALE_AFTER_APPROX.get(high_numeral[-1:], 1)
    if low.numeral[-1] not in SCALE_AFTER_APPROX and low_value * high_scale <= high.value:
        low_value *= high_scale
    if low_value >= high.value:
        return []                   # 20-5: not a range from low to high
    low_end = low.start + len(low.numeral) + len(low.unit_form)
    low_row = Mention("indicator", low.start, low_end, text[low.start:low_end], value=low_value,
                      unit=high.unit, qualifier=">")
    high.qualifier = "<" if high.qualifier == "=" else high.qualifier
    return [low_row, high]


def listed_counts_before(text: str, mention: Mention, protected: Intervals) -> list[Mention]:
    """分别为12、8、5人: the counts listed before the one that carries the unit share it."""
    window_start = max(0, mention.start - LIST_WINDOW)
    listing = LISTED_COUNTS.search(text, window_start, mention.start)
    if listing is None:
        return []
    items = []
    for item in re.finditer(NUMERAL, listing.group("items")):
        value = parse_number(item.group())
        if value is None:
            return []
        start = listing.start("items") + item.start()
        if protected.overlaps(start, start + len(item.group())):
            return []
        items.append(Mention("indicator", start, start + len(item.group()), item.group(),
                             value=value, unit=mention.unit, qualifier="="))
    return items


SPACES_BEFORE_UNIT = " \u00a0\u2009\u202f"
WITHOUT_SPACES = str.maketrans("", "", SPACES_BEFORE_UNIT)


def read_indicator(text: str, start: int, numeral_end: int, range_high: bool = False) -> Mention | None:
    """Read one candidate starting at `start`; None when it is not an indicator.

    `range_high`: the candidate is the high end of a range (5-20%), so the dash
    before it is not a code's.
    """
    qualifiers = qualifier_words()
    prefix, qualifier = qualifiers["prefix_in_span"].at(text, start, numeral_end)
    numeral_start = start + len(prefix)
    if prefix and text[numeral_start] in SPACES_BEFORE_UNIT:
        numeral_start += 1          # 约 300 人
    sign = SIGNS.get(text[numeral_start], 1.0)       # find_indicators put an explicit sign in the span
    numeral_start += text[numeral_start] in SIGNS
    if (text[numeral_end:numeral_end + 1] in SPACES_BEFORE_UNIT and text[numeral_end + 1:numeral_end + 2] in ("万", "亿")
            and is_arabic(text[numeral_start:numeral_end])):
        numeral_end += 2            # 1.2 万人次: spaced text keeps its scale apart
    matched = text[numeral_start:numeral_end]        # 一千 in 一千米: not the article 一, though 千 goes to the unit
    numeral_end = scale_given_to_unit(text, numeral_start, numeral_end)
    numeral = text[numeral_start:numeral_end].translate(WITHOUT_SPACES)
    cursor = numeral_end
    if text[cursor:cursor + 1] in SPACES_BEFORE_UNIT and text[cursor + 1:cursor + 2] in "余多几" and is_arabic(numeral):
        cursor += 1     # 260 余场
    approx, approx_qualifier = qualifiers["suffix_after_number"].at(text, cursor, cursor + 2)
    cursor += len(approx)
    scale = SCALE_AFTER_APPROX.get(text[cursor:cursor + 1], 1) if approx else 1
    cursor += scale > 1                  # 3000余万元: the scale word follows the approximation
    if text[cursor:cursor + 1] in SPACES_BEFORE_UNIT and is_arabic(numeral) and not approx \
            and read_unit_with_half(text, cursor + 1)[0]:
        cursor += 1     # 召开 3 次会议: text spaced between Latin digits and Chinese (web pages, PDFs)
    unit_form, unit_length, fraction = read_unit_with_half(text, cursor)   # 两公里半: 0.5
    if unit_form in unit_table().tenths_after and not fraction:
        fraction = tenths_after_unit(text, cursor + unit_length)           # 七成六: 0.6
        unit_length += fraction > 0
    unit = unit_table().canonical.get(unit_form, "")
    if (not prefix and is_bare_article(matched) and not fraction and not counted_article(text, start, numeral)
            and not (matched == "二" and unit in unit_table().measures)
            and not (numeral == "一" and unit_form and listed_count(text, start, cursor + unit_length))):
        return None
    if not unit:
        if not implies_count(numeral, approx) or not CJK.match(text[cursor:cursor + 1]):
            return None
        unit = IMPLIED_UNIT
    if unit_form == "周年":
        return None                 # 建党100周年: an anniversary, a date
    if text[numeral_start:cursor + unit_length] in unit_table().not_quantities:
        return None                 # 5g: the network, not five grams
    if unit in unit_table().terms and not is_arabic(numeral) and not counted_after(text, start):
        return None                 # 二十届三中全会: a term of office
    after_unit = text[cursor + unit_length:cursor + unit_length + 4]
    if not is_arabic(numeral) and after_unit.startswith(
            context_words()["session_after_unit"] + context_words()["inventory_nouns"]):
        return None                 # 三次全会: a session; 两个方面: an inventory of ideas
    if unit_form and after_unit[:1] and after_unit[:1] in OPENING_QUOTES and not is_arabic(numeral):
        return None                 # 两个“全覆盖”: a named set, not a measured quantity (685名“两委”成员 is one)
    cursor += unit_length
    if unit in unit_table().minor_units:
        minor_value, cursor = read_minor_units(text, cursor, unit)     # 5元3角: 0.3
        fraction += minor_value
    suffix, suffix_qualifier = qualifiers["suffix_after_unit"].at(text, cursor, cursor + 2)
    if suffix and unit_form == "":      # 万余 + noun: a trailing 多 belongs to the noun
        suffix = ""
    cursor += len(suffix)
    if is_excluded(text, start, numeral_start, numeral, numeral_end, unit, prefix or approx or suffix,
                   left_open=range_high, unit_is_ascii=unit_form[:1] in ASCII_LETTERS):
        return None
    value = parse_number(numeral)
    if value is None:
        return None
    value = exact(sign * (value + fraction) * scale * unit_table().factors.get(unit_form, 1.0))
    if not prefix:
        qualifier = approx_qualifier or suffix_qualifier or outside_qualifier(text, start)
    return Mention("indicator", start, cursor, text[start:cursor], value=value, unit=unit,
                   qualifier=qualifier or "=")


def tenths_after_unit(text: str, position: int) -> float:
    """The tenths a single Chinese digit after 成 adds (七成六 is 7.6 成, 76 %), or 0.

    Only where the digit ends the number: before punctuation, 的, a qualifier (九成五以上)
    or the end; 三成五星级 is 30 % and a five-star rating.
    """
    digit = text[position:position + 1]
    if not digit or digit not in TENTHS_DIGITS:
        return 0.0
    following = text[position + 1:position + 2]
    if (following and following != "的" and (CJK.match(following) or following in NUMERAL_CHARACTERS)
            and not qualifier_words()["suffix_after_unit"].at(text, position + 1, position + 3)[0]):
        return 0.0
    return parse_number(digit) / 10


def read_minor_units(text: str, cursor: int, unit: str) -> tuple[float, int]:
    """(the value of 3角5分 in 元, where it ends) at `cursor`; (0, cursor) when none follows."""
    fractions = unit_table().minor_units[unit]
    total = 0.0
    while (part := minor_unit_pattern(unit).match(text, cursor)) is not None:
        value = parse_number(part.group("numeral"))
        if value is None:
            break
        total += value * fractions[part.group("form")]
        cursor = part.end()
    return total, cursor


def exact(value: float) -> float:
    """The value without the binary noise of a factor: 3 × 0.1 is 0.3, not 0.30000000000000004."""
    return float(f"{value:.12g}")


def scale_given_to_unit(text: str, numeral_start: int, numeral_end: int) -> int:
    """Where the numeral ends when its last scale character opens a unit: 12千米 is 12 公里."""
    if numeral_end - numeral_start < 2 or text[numeral_end - 1] not in "千百万":
        return numeral_end
    form = read_unit(text, numeral_end - 1)
    return numeral_end - 1 if len(form) > 1 else numeral_end


def read_unit_with_half(text: str, position: int) -> tuple[str, int, float]:
    """(unit form, characters it takes, 0.5 or 0) at `position`: 公里半, 年半, 个半月 add a half."""
    table = unit_table()
    if text.startswith("个半", position):           # 一个半月, 两个半小时: 个 + 半 + 月
        form = read_unit("个" + text[position + 2:position + 8], 0)
        if len(form) > 1 and table.canonical[form] in table.takes_half:
            return form, len(form) + 1, 0.5
    form = read_unit(text, position)
    end = position + len(form)
    if (form and text.startswith("半", end) and table.canonical[form] in table.takes_half
            and not text.startswith(table.half_words, end)):
        return form, len(form) + 1, 0.5
    return form, len(form), 0.0


@lru_cache(maxsize=None)
def unit_pattern() -> re.Pattern:
    """Unit forms and non-unit words (人才, 台山) in one alternation, longest first.

    Longest first, whichever list a word is in: 人民币 is a unit though 人民 is not.
    """
    table = unit_table()
    return re.compile(word_alternation(set(table.forms_longest_first) | set(table.not_units)))


def read_unit(text: str, position: int) -> str:
    """The longest unit form at `position`, or "" (also when a longer non-unit word starts there)."""
    match = unit_pattern().match(text, position)
    if match is None or match.group() not in unit_table().canonical:
        return ""
    if match.group()[-1] in ASCII_LETTERS and text[match.end():match.end() + 1] in ASCII_LETTERS:
        return ""                   # 10min, 5mb: the letters run on, so they are another word
    return match.group()


def counted_article(text: str, start: int, numeral: str) -> bool:
    """为期一年, 降低一岁: after these words a bare 一 is a count after all (二 never is)."""
    return numeral == "一" and counted_after(text, start)


def listed_count(text: str, start: int, end: int) -> bool:
    """讲座一场、座谈会两期: after its noun, in a list of counts, 一 + measure word is a count.

    In a list of counts: the item next to it across a 、 holds a number too (齐聚一堂、共谋发展 has none).
    """
    if text[end:end + 1] == "、":
        following = LIST_ITEM.match(text, end + 1)
        return bool(following and NUMERAL_CHARACTERS.intersection(following.group()))
    if text[end:end + 1] not in LIST_CLAUSE_ENDS:
        return False
    own_start = text.rfind("、", max(0, start - LIST_WINDOW), start)
    if own_start < 0 or CLAUSE_MARKS.search(text, own_start, start):
        return False
    previous_start = max(text.rfind(mark, max(0, own_start - LIST_WINDOW), own_start) for mark in "、，,。；;：:\n")
    return bool(NUMERAL_CHARACTERS.intersection(text[previous_start + 1:own_start]))


def counted_after(text: str, start: int) -> bool:
    """为期, 连续, 累计 … right before `start`: what follows is a count."""
    return text[max(0, start - 3):start].endswith(context_words()["count_before_article"])


def implies_count(numeral: str, approx: str) -> bool:
    """万余终端, 3万党员: a scaled number with no measure word still counts things.

    Only with an Arabic digit or an approximation (余/多): 千万, 万万 are adverbs.
    """
    return any(ch in numeral for ch in "万亿萬億") and (is_arabic(numeral) or bool(approx))


def is_excluded(text: str, start: int, numeral_start: int, numeral: str, numeral_end: int,
                unit: str, qualified: str, left_open: bool = False, unit_is_ascii: bool = False) -> bool:
    """`left_open`: the character before is a range's dash; `unit_is_ascii`: 5km, where the letters are the unit."""
    start = spaced_start(text, start)     # 第 3 次: spaced text reads as 第3次
    before = text[max(0, start - 2):start]
    words = context_words()
    if before.endswith(words["ordinal_before"]):
        return True
    if (before[-1:] in CODE_NEIGHBOURS and not left_open) or (
            text[numeral_end:numeral_end + 1] in CODE_NEIGHBOURS and not unit_is_ascii):
        return True
    if is_bare_round(numeral) and not qualified:
        return True                 # 百名干部, 万名学子: a slogan's round number
    if unit == "年" and is_year_numeral(numeral):
        return True                 # 2023年: a date
    if unit in unit_table().durations and is_time_frame(text, start, numeral_start, numeral_end):
        return True
    if unit in unit_table().durations and text[max(0, start - 3):start].endswith(words["anniversary_before"]):
        return True                 # 建党100年: an anniversary
    return False


def spaced_start(text: str, start: int) -> int:
    """`start`, or the space before it when one stands between Chinese and the number (近 3 年)."""
    return start - 1 if start and text[start - 1] in SPACES_BEFORE_UNIT else start


def is_time_frame(text: str, start: int, numeral_start: int, numeral_end: int) -> bool:
    """近两个月, 未来五年, 五年来, 三年行动计划: time that places the text or names a plan."""
    words = context_words()
    if text[start:numeral_start].rstrip(SPACES_BEFORE_UNIT) in ("近", "将近", "接近"):
        return True
    start = spaced_start(text, start)
    if text[numeral_end:numeral_end + 1] in SPACES_BEFORE_UNIT:
        numeral_end += 1            # 3 年来
    if text[max(0, start - 2):start].endswith(words["time_frame_before"]):
        return True
    after_unit = DURATION_AFTER_NUMERAL.match(text, numeral_end)   # 两年多来: the 多 too
    tail_start = after_unit.end() if after_unit else numeral_end
    tail = text[tail_start:tail_start + 4]
    if tail.startswith(words["time_frame_after"]):
        return True
    return text[numeral_end:numeral_end + 8].startswith(words["plan_heads"])


def in_span_prefix(text: str, start: int) -> tuple[str, str]:
    """(word, qualifier) of 近/约/超过 … right before `start`, or ("", "") when it ends a longer
    word that stands outside the span: 不超过 is "<" and not part of it, though 超过 is ">"."""
    word, qualifier = qualifier_words()["prefix_in_span"].ending_at(text, start, 2)
    if word and len(qualifier_words()["prefix_outside_span"].ending_at(text, start, 4)[0]) > len(word):
        return "", ""
    return word, qualifier


def outside_qualifier(text: str, start: int) -> str:
    """不少于, 不到 … stand before the span but still qualify it."""
    return qualifier_words()["prefix_outside_span"].ending_at(text, start, 4)[1]


def percent_word(text: str, match: re.Match, protected: Intervals) -> list[Mention]:
    """百分之八十 → 80 %; 百分之七十五点五 → 75.5 %; 千分之三 → 0.3 %; 万分之三 → 0.03 % ([] or one row).

    A numeral right before 百分之 (五百分之2.2) makes it no percentage; a numeral
    after it that runs into the next word (百分之七十百分位) keeps its number part,
    but digits read out in a row (百分之二三十, twenty or thirty) give no number.
    """
    if match.start() > 0 and text[match.start() - 1] in NUMERAL_CHARACTERS:
        return []
    numeral = longest_number_prefix(match.group("numeral"))
    rest = match.group("numeral")[len(numeral):]
    if not numeral or rest[:1] in CHINESE_DIGITS:
        return []                                   # 百分之二三十: an estimate, not 2 %
    end = match.start("numeral") + len(numeral)
    prefix, qualifier = in_span_prefix(text, match.start())
    start = match.start() - len(prefix)            # 约百分之九十: 约 belongs to the span
    suffix, suffix_qualifier = qualifier_words()["suffix_after_unit"].at(text, end, end + 2)
    end += len(suffix)                              # 百分之九十以上: 以上 too
    # The fraction word itself may hold an adverb (万分): only the number and its qualifiers count.
    if protected.overlaps(start, match.start()) or protected.overlaps(match.start("numeral"), end):
        return []
    qualifier = qualifier or suffix_qualifier or outside_qualifier(text, start)
    value = exact(parse_number(numeral) * unit_table().fraction_words[word_before(match)])
    return [Mention("indicator", start, end, text[start:end], value=value, unit="%", qualifier=qualifier or "=")]


def signed_amount(text: str, match: re.Match, protected: Intervals) -> Mention | None:
    """An amount written with a currency's sign or name before it: ￥300 → 300 元, $20 → 20 美元.

    Not when the amount runs into letters (a code: $2A) or is no Arabic number.
    """
    end = match.end()
    after = text[end:end + 1]
    if after and (after in ASCII_LETTERS or after in CODE_NEIGHBOURS and after not in ".．"):
        return None
    prefix, qualifier = in_span_prefix(text, match.start())
    start = match.start() - len(prefix)
    if protected.overlaps(start, end) or not is_arabic(match.group("numeral")):
        return None                     # $一: signs go with Arabic amounts
    value = parse_number(match.group("numeral"))
    if value is None:
        return None
    return Mention("indicator", start, end, text[start:end], value=value,
                   unit=unit_table().currency_signs[word_before(match)],
                   qualifier=qualifier or outside_qualifier(text, start) or "=")
