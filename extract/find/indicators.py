"""Find indicators: a number with its measure word or unit (1.2万余人次, 37亿元, 近7%).

Two steps, as in Recognizers-Text: every numeral in the text is a candidate;
a candidate becomes an indicator when a unit follows it and no exclusion
applies (a date, a time frame, an ordinal, a code, a numeral inside a quoted
name or an idiom, a bare 一 that means "a"). Value, unit and qualifier are
normalised on the way. Word lists live in resources/: units.yaml,
qualifiers.yaml, ambiguity.yaml, formulas.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .mentions import Mention
from .numerals import NUMERAL, is_arabic, is_bare_article, is_bare_round, is_year_numeral, parse_number
from ..resources import load_yaml, word_list, word_map
from .textspans import Intervals, protected_spans

CJK = re.compile(r"[\u4e00-\u9fff]")
CODE_NEIGHBOURS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+＋-－_/#.．:：~～×*")
IMPLIED_UNIT = "个"           # 万余终端: no measure word, the guideline's implied one
PERCENT_WORD = re.compile(rf"百分之({NUMERAL})")
DURATION_AFTER_NUMERAL = re.compile(r"[余多]?(?:个月|个小时|小时|周年|年|月|天|周|日)[余多]?")
SCALE_AFTER_APPROX = {"万": 10_000, "亿": 100_000_000, "千": 1_000, "百": 100}
OPENING_QUOTES = "“‘「\""


@dataclass(frozen=True)
class UnitTable:
    canonical: dict[str, str]      # surface form → canonical unit
    durations: frozenset[str]      # canonical units that measure time
    forms_longest_first: tuple[str, ...]
    not_units: tuple[str, ...]


@lru_cache(maxsize=None)
def unit_table() -> UnitTable:
    data = load_yaml("units.yaml")
    canonical: dict[str, str] = {}
    for group in ("counts", "durations", "money", "ratios"):
        for form, unit in word_map("units.yaml", group).items():
            canonical[form] = unit
    durations = frozenset(data["durations"])
    forms = tuple(sorted(canonical, key=len, reverse=True))
    return UnitTable(canonical, durations, forms, tuple(word_list("units.yaml", "not_units")))


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
    forms = "|".join(map(re.escape, unit_table().forms_longest_first))
    unit_ahead = rf"(?=[余多]?[万亿千百]?(?:{forms})|[余多]|(?<=[万亿]))"
    return re.compile(rf"{NUMERAL}{unit_ahead}")


def find_indicators(text: str, protected: Intervals | None = None) -> list[Mention]:
    """Every indicator in `text`, in order of appearance.

    `protected` are spans no indicator may touch (quoted names, idioms,
    formulas and programme bundles found earlier); computed here if not given.
    """
    protected = protected if protected is not None else protected_spans(text)
    found = []
    prefixes = qualifier_words()["prefix_in_span"]
    for match in candidate_pattern().finditer(text):
        start = match.start()
        if protected.overlaps(start, match.end()):
            continue        # a numeral in a quoted name or a formula (“四个意识”): so would any span around it
        prefix, _ = prefixes.ending_at(text, start, 2)
        mention = read_indicator(text, start - len(prefix), match.end())
        if mention is not None and not protected.overlaps(mention.start, mention.end):
            found.append(mention)
    found += find_percent_words(text, protected)
    return sorted(found, key=lambda m: m.start)


def read_indicator(text: str, start: int, numeral_end: int) -> Mention | None:
    """Read one candidate starting at `start`; None when it is not an indicator."""
    qualifiers = qualifier_words()
    prefix, qualifier = qualifiers["prefix_in_span"].at(text, start, numeral_end)
    numeral_start = start + len(prefix)
    numeral = text[numeral_start:numeral_end]
    if not prefix and is_bare_article(numeral) and not counted_article(text, start, numeral):
        return None
    cursor = numeral_end
    approx, approx_qualifier = qualifiers["suffix_after_number"].at(text, cursor, cursor + 2)
    cursor += len(approx)
    scale = SCALE_AFTER_APPROX.get(text[cursor:cursor + 1], 1) if approx else 1
    cursor += scale > 1                  # 3000余万元: the scale word follows the approximation
    unit_form = read_unit(text, cursor)
    unit = unit_table().canonical.get(unit_form, "")
    if not unit:
        if not implies_count(numeral, approx) or not CJK.match(text[cursor:cursor + 1]):
            return None
        unit = IMPLIED_UNIT
    if unit_form == "周年":
        return None                 # 建党100周年: an anniversary, a date
    after_unit = text[cursor + len(unit_form):cursor + len(unit_form) + 4]
    if not is_arabic(numeral) and after_unit.startswith(
            context_words()["session_after_unit"] + context_words()["inventory_nouns"]):
        return None                 # 三次全会: a session; 两个方面: an inventory of ideas
    if unit_form and after_unit[:1] and after_unit[:1] in OPENING_QUOTES:
        return None                 # 两个“全覆盖”: a named set, not a measured quantity
    cursor += len(unit_form)
    suffix, suffix_qualifier = qualifiers["suffix_after_unit"].at(text, cursor, cursor + 2)
    if suffix and unit_form == "":      # 万余 + noun: a trailing 多 belongs to the noun
        suffix = ""
    cursor += len(suffix)
    if is_excluded(text, start, numeral_start, numeral, numeral_end, unit, prefix or approx or suffix):
        return None
    value = parse_number(numeral)
    if value is None:
        return None
    value *= scale
    if not prefix:
        qualifier = approx_qualifier or suffix_qualifier or outside_qualifier(text, start)
    return Mention("indicator", start, cursor, text[start:cursor], value=value, unit=unit,
                   qualifier=qualifier or "=")


@lru_cache(maxsize=None)
def unit_pattern() -> re.Pattern:
    """Non-unit words first (人才 before 人), then unit forms, longest first."""
    table = unit_table()
    not_units = "|".join(map(re.escape, sorted(table.not_units, key=len, reverse=True)))
    forms = "|".join(map(re.escape, table.forms_longest_first))
    return re.compile(rf"(?:{not_units})|(?P<unit>{forms})")


def read_unit(text: str, position: int) -> str:
    """The longest unit form at `position`, or "" (also when a longer non-unit word starts there)."""
    match = unit_pattern().match(text, position)
    return (match.group("unit") or "") if match else ""


def counted_article(text: str, start: int, numeral: str) -> bool:
    """为期一年, 降低一岁: after these words a bare 一 is a count after all (二 never is)."""
    return numeral == "一" and text[max(0, start - 3):start].endswith(context_words()["count_before_article"])


def implies_count(numeral: str, approx: str) -> bool:
    """万余终端, 3万党员: a scaled number with no measure word still counts things.

    Only with an Arabic digit or an approximation (余/多): 千万, 万万 are adverbs.
    """
    return any(ch in numeral for ch in "万亿") and (is_arabic(numeral) or bool(approx))


def is_excluded(text: str, start: int, numeral_start: int, numeral: str, numeral_end: int,
                unit: str, qualified: str) -> bool:
    before = text[max(0, start - 2):start]
    words = context_words()
    if before.endswith(words["ordinal_before"]):
        return True
    if before[-1:] in CODE_NEIGHBOURS or text[numeral_end:numeral_end + 1] in CODE_NEIGHBOURS:
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


def is_time_frame(text: str, start: int, numeral_start: int, numeral_end: int) -> bool:
    """近两个月, 未来五年, 五年来, 三年行动计划: time that places the text or names a plan."""
    words = context_words()
    if text[start:numeral_start] in ("近", "将近", "接近"):
        return True
    if text[max(0, start - 2):start].endswith(words["time_frame_before"]):
        return True
    after_unit = DURATION_AFTER_NUMERAL.match(text, numeral_end)   # 两年多来: the 多 too
    tail_start = after_unit.end() if after_unit else numeral_end
    tail = text[tail_start:tail_start + 4]
    if tail.startswith(words["time_frame_after"]):
        return True
    return text[numeral_end:numeral_end + 8].startswith(words["plan_heads"])


def outside_qualifier(text: str, start: int) -> str:
    """不少于, 不到 … stand before the span but still qualify it."""
    return qualifier_words()["prefix_outside_span"].ending_at(text, start, 4)[1]


def find_percent_words(text: str, protected: Intervals) -> list[Mention]:
    """百分之八十 → 80 %."""
    found = []
    for match in PERCENT_WORD.finditer(text):
        value = parse_number(match.group(1))
        if value is None or protected.overlaps(match.start(), match.end()):
            continue
        found.append(Mention("indicator", match.start(), match.end(), match.group(), value=value,
                             unit="%", qualifier=outside_qualifier(text, match.start()) or "="))
    return found
