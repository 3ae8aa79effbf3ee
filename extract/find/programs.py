"""Find programme bundles (四项工程 → 4) and numbered formulas (两个确立, 四议两公开).

A bundle is a set of N programmes declared as a set: N + classifier + noun
(四项工程, 九大工程, 三个同步, 四个坚持, 五张清单) or N + a set suffix (“五化”,
“四到位”), or a policy package of N articles (黄金十条, 新十条). It is recognised
by the shape of its declaration, not only by its noun:
- quotation marks around a name that opens with one numeral (“三个同步”, “五型”);
- in running text, a noun that only a set can have (工程, 行动, 措施, 机制; a
  counted verb: 四个坚持), or N大, or members listed before it (强基、铸魂…五项
  工程) or announced after it (即…, a colon, 一是/二是…). A weak noun counted
  without such a shape (建成三个人才基地) is a quantity, left to the indicators.
It is counted once per document, with its members where the text lists them.
A formula is a numbered slogan or name: a national one from the resource list
wherever it stands, or a local one — a quoted name with several numerals
(“一港一园两平台”, “314151”), a plan named by its years (三年行动计划), or a
level (两级, 五星级). Word lists: resources/programs.yaml and formulas.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import ahocorasick_rs

from .mentions import Mention
from .numerals import ARABIC, CHINESE, CHINESE_DIGIT, CHINESE_SCALE, DIGIT, parse_number
from ..resources import load_yaml, word_list
from .textspans import QUOTED, Intervals, ambiguity_pattern, quotations

DECIMAL_POINTS = frozenset(".．点點")      # a numeral with one is no bundle's size (“3.0版”)

DIGIT_CHARS = "0123456789０１２３４５６７８９"
CHINESE_CHARS = CHINESE_DIGIT + CHINESE_SCALE
NUMERAL_CHARS = re.compile(r"[0-9０-９二两三四五六七八九十百千万双]|一.*一")
NUMERAL_CHAR = re.compile(rf"[{DIGIT}{CHINESE_DIGIT}{CHINESE_SCALE}]")
# A clause that opens a sentence or a line: where a bundle's members are listed one by one.
# The break is matched, not looked behind at, so that re can skip to the breaks in C.
SENTENCE_OPENING_CLAUSE = re.compile(r"[。！？；\n](?P<clause>[^，,。；;：:！？!?\n“”]+)")
UP_TO_LAST_BREAK = re.compile(r".*[，,。；;：:！？!?\n]", re.DOTALL)    # greedy: ends after the last one
# What SENTENCE_OPENING_CLAUSE's clause cannot hold, and the breaks that open it.
NOT_CLAUSE = re.compile(r"[，,。；;：:！？!?\n“”]")
UP_TO_LAST_NOT_CLAUSE = re.compile(r".*[，,。；;：:！？!?\n“”]", re.DOTALL)
SENTENCE_BREAKS = "。！？；\n"
CLOSING_MARKS = ("”", "’", "」", '"')
LEADING_CONJUNCTION = re.compile(r"^[”\"」]?(?:以及|和|及|与|并)")
MEMBERS_BEFORE_REACH = 200    # an enumeration before a bundle is one clause, never longer
CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
# Before N: an ordinal (第三批), the middle of a number (二十大 seen from 十), or an
# approximate amount (近十项措施, 约三个), which no declared set is.
NOT_A_SET_BEFORE = frozenset("第十近约超逾数几")
MEMBER_MAX_CHARS = 16
ENUMERATED_MEMBER_MAX_CHARS = 24   # a member named by 一是… is its first clause, often longer
MAX_FORMULA_CHARS = 20        # longer quotations are slogans in prose, not names
MAX_BUNDLE_PREFIX = 8        # “人才强县六大工程”: the field named before a quoted bundle
MAX_SET_SUFFIX = 3            # “五化”, “三同步”, “六新产业”: N and a short suffix, no classifier
MAX_MODIFIER = 4              # 五项重大人才工程: what may stand between the classifier and the noun
MAX_STRONG_MODIFIER = 6       # …before a programme noun: 三大基层党建提升行动
MAX_BIG_SET = 9               # N大 + any word: 十大… with a word no list holds is a top ten
MAX_IDIOM_REACH = 4           # how far an idiom or place name (五大连池) may reach past N大
MAX_QUOTED_SET_NAME = 10       # “三个同步”, “四个坚持”, “五型”: what follows N in a quoted set name
MEMBER_WINDOW = 1500          # how far after a bundle its members are looked for
CLAUSE_BREAKS_AND_LIST = set("，,。；;：:！？!?\n、“”\"")
LISTED_AFTER_REACH = 200      # 、-lists of the members named with the noun after them: the next sentences
MEMBER_OCCURRENCES = 3        # members follow the intro or the section heading, not a late echo
ANNOUNCED_AFTER_NAME = 6     # “三个同步”培养机制，即…: what may follow the bundle before 即 or a colon
ENUMERATION_REACH = 4         # an enumeration (一是…) that declares a bundle starts right after it
ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
# The ways reports number the members of a set: 一是…二是…, （一）…（二）…, (一)…(二)….
ENUMERATION_MARKS = ("{}是", "（{}）", "({})")


@dataclass(frozen=True)
class BundleWords:
    classifiers: tuple[str, ...]
    nouns: tuple[str, ...]          # longest first
    unquoted_nouns: tuple[str, ...]
    weak_nouns: tuple[str, ...]
    set_heads: tuple[str, ...]
    count_verbs: tuple[str, ...]
    not_bundle_heads: tuple[str, ...]
    policy_nouns: tuple[str, ...]
    article_noun: str
    max_count: int
    lead_verbs: tuple[str, ...]
    announcers: tuple[str, ...]
    package_words: tuple[str, ...]
    not_in_modifier: tuple[str, ...]
    set_head_followers: tuple[str, ...]
    noun_run_ons: tuple[str, ...]
    modifying_nouns: frozenset[str]
    lead_adverbs: tuple[str, ...]
    local_names: frozenset[str]
    any_nouns: tuple[str, ...]      # every word a bundle can count, longest first
    noun_set: frozenset[str]        # the same, looked up by a phrase's ends
    longest_noun: int


def _by_length(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


@lru_cache(maxsize=None)
def bundle_words() -> BundleWords:
    data = load_yaml("programs.yaml")
    listed = lambda key: _by_length(word_list("programs.yaml", key))  # noqa: E731
    return BundleWords(
        classifiers=listed("classifiers"),
        nouns=listed("nouns"),
        unquoted_nouns=listed("unquoted_nouns"),
        weak_nouns=listed("weak_nouns"),
        set_heads=listed("set_heads"),
        count_verbs=listed("count_verbs"),
        not_bundle_heads=listed("not_bundle_heads"),
        policy_nouns=listed("policy_nouns"),
        article_noun=str(data["article_noun"]),
        max_count=int(data["max_count"]),
        lead_verbs=listed("lead_verbs"),
        announcers=listed("announcers"),
        package_words=listed("package_words"),
        not_in_modifier=listed("not_in_modifier"),
        set_head_followers=listed("set_head_followers"),
        noun_run_ons=listed("noun_run_ons"),
        modifying_nouns=frozenset(word_list("programs.yaml", "modifying_nouns")),
        lead_adverbs=listed("lead_adverbs"),
        local_names=frozenset(word_list("formulas.yaml", "local_names")),
        any_nouns=_by_length({*listed("nouns"), *listed("weak_nouns"), *listed("set_heads")}),
        noun_set=frozenset({*listed("nouns"), *listed("weak_nouns"), *listed("set_heads")}),
        longest_noun=max(map(len, {*listed("nouns"), *listed("weak_nouns"), *listed("set_heads")})),
    )


def _alternation(words) -> str:
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=None)
def bundle_pattern() -> re.Pattern:
    """N + classifier + up to four characters of modifier + programme noun (quoted content)."""
    words = bundle_words()
    return re.compile(rf"(?P<n>{CHINESE}|{ARABIC})(?P<cls>{_alternation(words.classifiers)})"
                      rf"(?P<mod>[^\W\d]{{0,4}}?)(?P<noun>{_alternation(words.nouns)})")


@lru_cache(maxsize=None)
def prefixed_bundle_pattern() -> re.Pattern:
    """“人才强县六大工程”, “党建引领三项行动”: a quoted bundle with the name of its field before N."""
    return re.compile(rf"(?P<prefix>[^\W\d]{{1,{MAX_BUNDLE_PREFIX}}}?){bundle_pattern().pattern}")


@lru_cache(maxsize=None)
def quoted_set_pattern() -> re.Pattern:
    """A quoted name that opens with N: N + optional classifier + a short name (“三同步”, “四个坚持”)."""
    words = bundle_words()
    return re.compile(rf"(?P<n>{CHINESE}|{ARABIC})(?P<cls>{_alternation(words.classifiers)})?"
                      rf"(?P<rest>[^\W\d]{{1,{MAX_QUOTED_SET_NAME}}})")


@lru_cache(maxsize=None)
def unquoted_bundle_patterns() -> tuple[re.Pattern, re.Pattern]:
    """N + classifier + modifier + a noun that can be counted as a set, in running text; the
    same with Arabic N. Which of the matches declare a set is decided by `declares_set`.

    Two patterns, not one alternation: each opens with a character class, which lets
    the regex engine skip to the numerals in C (see numerals.DIGIT)."""
    words = bundle_words()
    modifier = rf"(?P<mod>[^\W\d]{{0,{MAX_STRONG_MODIFIER}}}?)"
    # The lookaheads (a classifier's first character) let the engine drop most numerals at once.
    ahead = f"(?=[{''.join(sorted({c[0] for c in words.classifiers}))}])"
    classifiers = _alternation(words.classifiers)
    # A set head stands at the end of the name (落实三个同步，…) or before a word that names
    # the set as a whole (四个坚持原则); before any other word it is a verb or an adjective
    # of that word (三个突出问题, 三个提升行动): then the noun is looked for further on.
    set_heads = (rf"(?:{_alternation(words.set_heads)})"
                 rf"(?![^\W\d])|(?:{_alternation(words.set_heads)})(?={_alternation(words.set_head_followers)})")
    nouns = _alternation(_by_length({*words.unquoted_nouns, *words.weak_nouns, *words.policy_nouns}))
    nouns = f"{nouns}|{set_heads}"
    chinese = re.compile(rf"(?P<n>{CHINESE}){ahead}(?P<cls>{classifiers}){modifier}(?P<noun>{nouns})")
    # Arabic numerals only from the start of a digit run (a match inside one would also match from
    # its start, which is tried first): re otherwise retries every digit of every number in the text.
    run_start = ARABIC.replace(f"[{DIGIT}]", f"[{DIGIT}](?<![{DIGIT}][{DIGIT}])", 1)
    arabic = re.compile(rf"(?P<n>{run_start}){ahead}(?P<cls>{classifiers}){modifier}(?P<noun>{nouns})")
    return chinese, arabic


@lru_cache(maxsize=None)
def big_set_pattern() -> re.Pattern:
    """N大 + any word (三大战役, 五大板块): N大 names a set whatever it counts; the word is taken
    as two characters. Tried only where the patterns with a known noun find nothing."""
    return re.compile(rf"(?P<n>{CHINESE})(?=大)(?P<cls>大)(?P<mod>)(?P<noun>[^\W\d]{{2}})")


@lru_cache(maxsize=None)
def bare_bundle_pattern() -> re.Pattern:
    """“三大”创建活动: N + classifier alone in the quotation, the noun after it."""
    return re.compile(rf"(?P<n>{CHINESE})(?P<cls>{'|'.join(map(re.escape, bundle_words().classifiers))})")


@lru_cache(maxsize=None)
def article_package_pattern() -> re.Pattern:
    """黄金十条, 新十条, 人才新政30条: a prefix word and N articles, the whole of a quotation."""
    return re.compile(rf"(?P<prefix>[^\W\d]{{1,4}}?)(?P<n>{CHINESE}|{ARABIC}){re.escape(bundle_words().article_noun)}")


@lru_cache(maxsize=None)
def announcer_pattern() -> re.Pattern:
    """What joins a bundle to the list of its members: “三项机制”，即… / 三大行动：… / 。一是…"""
    announcers = _alternation(bundle_words().announcers)
    marks = "|".join(re.escape(mark.format("一")) for mark in ENUMERATION_MARKS)
    # 即将, 即可: 即 that is an adverb announces nothing. The name may go on after a quoted
    # bundle (“三个同步”培养机制，即…) before it announces; an enumeration follows at once.
    return re.compile(rf"[”\"」]?\s*(?:[^\W\d]{{0,{ANNOUNCED_AFTER_NAME}}}?[，,]?\s*(?:{announcers})(?![将可使便时刻日])"
                      rf"|[。；;]?\s*(?={marks}))\s*")


@lru_cache(maxsize=None)
def national_pattern() -> ahocorasick_rs.AhoCorasick:
    """The national slogans as one automaton, leftmost-longest: what an alternation of them,
    longest first, finds, in half its time."""
    return ahocorasick_rs.AhoCorasick(word_list("formulas.yaml", "national"),
                                      matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                      implementation=ahocorasick_rs.Implementation.DFA, store_patterns=False)


@lru_cache(maxsize=None)
def unquoted_formula_pattern() -> re.Pattern:
    """三年行动计划 (a plan named by its years), 两级 / 五星级 (levels), 万名学子…行动."""
    heads = "|".join(map(re.escape, sorted(word_list("formulas.yaml", "name_heads_after_number"),
                                           key=len, reverse=True)))
    nouns = "|".join(map(re.escape, ("行动", "工程", "计划")))
    # One class first, then what follows each kind of first character (see numerals.DIGIT).
    first = CHINESE_DIGIT + CHINESE_SCALE
    return re.compile(rf"[{first}](?:(?<=[{first}])[{first}]*(?=[年号])(?:{heads})"
                      rf"|(?<=[两二三四五六七八九])星?级|(?<=[百千万])名[^\W\d]{{2,12}}?(?:{nouns}))")


def find_programs(text: str, quoted: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Program counts (once per bundle and document) and formulas (every occurrence).

    `quoted` are the text's quotations (textspans.quotations) when already found."""
    formulas = find_national_formulas(text)
    national = Intervals((m.start, m.end) for m in formulas)
    spans = [(m.start, m.end) for m in formulas]
    names: dict[str, tuple[str, float | None, str]] = {}     # a report repeats its names: each read once
    bundles: list[Mention] = []
    # Quotations never overlap one another: only a national slogan can hold a quotation's span.
    for start, end in quotations(text) if quoted is None else quoted:
        inner_start, inner_end = start + 1, end - 1
        if not NUMERAL_CHARS.search(text, inner_start, inner_end):
            continue            # most quotations name nothing numbered: skip the rest at once
        if national and national.overlaps(inner_start, inner_end):
            continue
        mention = read_quoted(text, inner_start, inner_end, names)
        if mention is not None:
            (bundles if mention.kind == "program_count" else formulas).append(mention)
            spans.append((mention.start, mention.end))
    taken = Intervals(spans)
    starts = numeral_starts(text)
    for mention in find_unquoted_bundles(text, taken, starts):
        bundles.append(mention)
        taken.add(mention.start, mention.end)
    for mention in find_unquoted_packages(text, taken):      # 新政20条措施: the bundle stands
        bundles.append(mention)
        taken.add(mention.start, mention.end)
    for match in matches_from(unquoted_formula_pattern(), text, starts.formula):
        if not taken.overlaps(*match.span()):
            formulas.append(Mention("formula", match.start(), match.end(), match.group(), scope="local"))
            taken.add(*match.span())
    return sorted(once_per_document(text, bundles) + formulas, key=lambda m: m.start)


def once_per_document(text: str, bundles: list[Mention]) -> list[Mention]:
    """A bundle is counted once however often it is repeated: its first (declaring) mention,
    with the members the text lists at any of its first mentions."""
    by_bundle: dict[str, list[Mention]] = {}
    for bundle in sorted(bundles, key=lambda m: m.start):
        by_bundle.setdefault(bundle_key(bundle), []).append(bundle)
    ends = sorted(bundle.end for bundle in bundles)
    for occurrences in by_bundle.values():
        bundle = occurrences[0]
        floor = next((end for end in reversed(ends) if end <= bundle.start), 0)
        bundle.members = find_members(text, bundle, occurrences, floor)
        bundle.members_mismatch = bool(bundle.members) and len(bundle.members) != bundle.value
    return [occurrences[0] for occurrences in by_bundle.values()]


def find_national_formulas(text: str) -> list[Mention]:
    return [Mention("formula", start, end, text[start:end], scope="national")
            for _, start, end in national_pattern().find_matches_as_indexes(text)]


def read_quoted(text: str, start: int, end: int, names: dict | None = None) -> Mention | None:
    """A quotation's content as a bundle, a local formula, or nothing; `names` are the readings
    of the names already read in this document."""
    content = text[start:end]
    if names is None:
        kind, value, noun = read_name(content)
    else:
        reading = names.get(content)
        if reading is None:
            reading = names[content] = read_name(content)
        kind, value, noun = reading
    if kind == BARE:        # “三大”创建活动: a bundle if its noun follows the quotation
        following = text[end + 1:end + 9]
        # any word after it is what it counts; a known noun is named whole (创建活动, not 创建)
        noun = longest_noun(following, at_end=False) or content[-1]
        if noun in bundle_words().modifying_nouns and (after := noun_after_pattern().match(following, len(noun))):
            noun = following[:after.end()]      # “两大”品牌活动
        kind = "program_count"
    if kind == "program_count":
        return Mention("program_count", start, end, content, value=value, unit=noun, label=content)
    if kind == "formula":
        return Mention("formula", start, end, content, scope="local")
    return None


BARE = "bare"


def read_name(content: str) -> tuple[str, float | None, str]:
    """(kind, N, noun) of a quoted name: a program_count, a formula, BARE (N + classifier alone,
    whose noun may follow the quotation) or "" for nothing. Not cached across documents, which
    would flatter a corpus that repeats its names (the benchmark's does); see find_programs."""
    if not NUMERAL_CHARS.search(content):
        return "", None, ""
    words = bundle_words()
    if content not in words.local_names:
        if ((match := bare_bundle_pattern().fullmatch(content)) and match.group("cls") not in words.not_bundle_heads
                and is_bundle_size(bundle_count(match.group("n")), match.group("cls"))):
            return BARE, bundle_count(match.group("n")), ""
        bundle = read_bundle(content)
        if bundle is not None:
            return "program_count", bundle[0], bundle[1]
    return ("formula" if is_local_formula(content) else ""), None, ""


def is_local_formula(content: str) -> bool:
    """A short quoted name with numerals: “一港一园两平台”, “314151”, “五化”.

    Not an ordinal title (第十二次党代会), an idiom (三足鼎立) or a long quotation.
    """
    return (len(content) <= MAX_FORMULA_CHARS and "第" not in content
            and bool(NUMERAL_CHARS.search(ambiguity_pattern().sub("", content))))    # 百姓名嘴 holds no numeral


def read_bundle(content: str) -> tuple[float, str] | None:
    """(N, noun) when a quotation's whole content declares a bundle (“三大” alone: see read_name)."""
    words = bundle_words()
    # Both bundle patterns end with a noun, a package with its article noun: test the end first.
    ends_with_noun = ends_with_bundle_noun(content)
    if ends_with_noun and (match := bundle_pattern().fullmatch(content)):
        numeral, classifier, noun = match.group("n"), match.group("cls"), match.group("noun")
    elif content.endswith(words.article_noun) and (match := article_package_pattern().fullmatch(content)):
        numeral, classifier, noun = match.group("n"), "", words.article_noun
    elif (ends_with_noun and (match := prefixed_bundle_pattern().fullmatch(content))
          and not NUMERAL_CHAR.search(match.group("prefix"))):
        numeral, classifier, noun = match.group("n"), match.group("cls"), match.group("noun")
    else:
        return read_quoted_set(content)
    value = bundle_count(numeral)
    return (value, noun) if is_bundle_size(value, classifier) else None


def ends_with_bundle_noun(content: str) -> bool:
    """Whether content ends with a noun of `nouns` (what bundle_pattern ends with)."""
    return content.endswith(bundle_words().nouns)


def read_quoted_set(content: str) -> tuple[float, str] | None:
    """(N, noun) for a quoted name that is N and a short name of a set: “三个同步”, “四个坚持”,
    “五化”, “四到位”, “五型”. Not a time, level, rank or inventory (“三年行动”, “五星级”,
    “十佳”, “五方面”), a name with a second numeral (“一村一品”) or an idiom."""
    match = quoted_set_pattern().fullmatch(content)
    if match is None:
        return None
    rest = match.group("rest")
    # “五个一”, “三个一批”: N items of one each is a set; any other second numeral is a formula
    numbered_rest = rest[1:] if match.group("cls") == "个" and rest.startswith("一") else rest
    if numbered_rest is rest and ambiguity_pattern().match(content):
        return None         # “三足鼎立”: an idiom (一批 in “三个一批” is the items' own word)
    # “六个统一”: a word that holds 一 (统一) is no second numeral
    if NUMERAL_CHAR.search(ambiguity_pattern().sub("", numbered_rest)) or (rest.startswith(bundle_words().not_bundle_heads)
                                              and not rest.startswith(NOUNS_OPENING_LIKE_HEADS)):
        return None
    if not match.group("cls") and len(rest) > MAX_SET_SUFFIX:
        return None         # “七里河夜校”: without a classifier a long rest is a name that opens with N
    value = bundle_count(match.group("n"))
    if not is_bundle_size(value, match.group("cls") or ""):
        return None
    return value, longest_noun(rest, at_end=True) or rest


def longest_noun(phrase: str, at_end: bool) -> str:
    """The longest bundle noun that ends (or, not at_end, begins) the phrase, or ""."""
    nouns = bundle_words().noun_set
    for length in range(min(len(phrase), bundle_words().longest_noun), 0, -1):
        piece = phrase[-length:] if at_end else phrase[:length]
        if piece in nouns:
            return piece
    return ""


def bundle_count(numeral: str) -> float | None:
    """N of a bundle: a whole number (“3.0版” is a version, not three of something)."""
    return None if DECIMAL_POINTS.intersection(numeral) else parse_number(numeral)


def is_bundle_size(value: float | None, classifier: str) -> bool:
    """Bundles hold 2 to max_count items; 二十大, 十九大 are congresses, not bundles."""
    if value is None or value < 2 or value > bundle_words().max_count:
        return False
    return not (classifier == "大" and value > 10)


def find_unquoted_bundles(text: str, taken: Intervals, starts: NumeralStarts | None = None) -> list[Mention]:
    found = []
    chinese, arabic = unquoted_bundle_patterns()
    chinese_starts, arabic_starts, big_starts, _ = numeral_starts(text) if starts is None else starts
    # At one start, a match with a known noun comes before N大 + any word (priority 0 before 1).
    matches = sorted([*((m.start(), 0, m) for m in matches_from(chinese, text, chinese_starts)),
                      *((m.start(), 0, m) for m in matches_from(arabic, text, arabic_starts)),
                      *((m.start(), 1, m) for m in matches_from(big_set_pattern(), text, big_starts)
                        if may_be_set_word(m))],
                     key=itemgetter(0, 1))
    last_end = 0
    for start, any_word, match in matches:
        if start < last_end:
            continue            # the patterns found overlapping bundles: the first one stands
        if (start > 0 and text[start - 1] in NOT_A_SET_BEFORE) or taken.overlaps(start, match.end()):
            continue
        if any_word and not is_set_word(text, match):
            continue
        value = bundle_count(match.group("n"))
        listed_with_one = bool(found) and found[-1].end == start - 1 and text[start - 1] in LIST_MARKS \
            and found[-1].text.lstrip("".join(NUMERAL_RUN)).startswith(match.group("cls"))
        if not is_bundle_size(value, match.group("cls")) or not (
                listed_with_one or declares_set(text, match, last_end)):
            continue        # 7项制度、5项活动: a count listed right after a bundle of its shape is one too
        end, noun = extended_noun(text, match)
        if text.startswith(bundle_words().noun_run_ons, end):
            continue        # 两大系统党群活动中心: the noun is part of a venue's name
        last_end = end
        found.append(Mention("program_count", start, end, text[start:end],
                             value=value, unit=noun, label=text[start:end]))
    return found


NUMERAL_RUN = frozenset(DIGIT_CHARS + CHINESE_CHARS + ",，.．")
LIST_MARKS = "、和及"


# What may follow the N of an unquoted formula (unquoted_formula_pattern): 三年…, 一号…, 五星级, 百名….
FORMULA_AFTER_NUMERAL = "年号级星名"


class NumeralStarts(NamedTuple):
    """Where the unquoted patterns can match, ascending (see numeral_starts)."""
    chinese: list[int]       # unquoted bundles with a Chinese N
    arabic: list[int]        # … with an Arabic N
    big: list[int]           # N大
    formula: list[int]       # unquoted formulas


@lru_cache(maxsize=None)
def numeral_anchor_pattern() -> re.Pattern:
    """A classifier's first character, or what follows a formula's N, right after a numeral
    character: where the N of every unquoted bundle or formula ends. It opens with a class of
    those characters, so that re skips to them in C."""
    firsts = sorted({classifier[0] for classifier in bundle_words().classifiers} | set(FORMULA_AFTER_NUMERAL))
    anchors = "".join(map(re.escape, firsts))
    return re.compile(rf"[{anchors}](?<=[{DIGIT}{CHINESE_DIGIT}{CHINESE_SCALE}][{anchors}])")


def numeral_starts(text: str) -> NumeralStarts:
    """Every Chinese numeral character and every Arabic digit of a numeral that runs up to an
    anchor (numeral_anchor_pattern), sorted by the patterns that can start there. One pass finds
    the anchors for the four unquoted patterns, which then run only there (`matches_from`)
    instead of each over the whole text."""
    starts = NumeralStarts([], [], [], [])
    chinese, arabic, big, formula = starts
    for anchor in numeral_anchor_pattern().finditer(text):
        end = anchor.start()
        start = end - 1
        while start > 0 and text[start - 1] in NUMERAL_RUN:
            start -= 1
        kind = anchor.group()
        if kind in FORMULA_AFTER_NUMERAL:
            formula.extend(position for position in range(start, end) if text[position] in CHINESE_CHARS)
            continue
        before_big = kind == "大"
        for position in range(start, end):
            char = text[position]
            if char in CHINESE_CHARS:
                chinese.append(position)
                if before_big:
                    big.append(position)
            elif char in DIGIT_CHARS:
                arabic.append(position)
    return starts


def matches_from(pattern: re.Pattern, text: str, starts: list[int]):
    """What pattern.finditer(text) finds, for a pattern that can match only at `starts`
    (ascending): each start tried in turn, none inside the last match."""
    last_end = 0
    for start in starts:
        if start >= last_end and (match := pattern.match(text, start)) is not None:
            yield match
            last_end = match.end()


@lru_cache(maxsize=None)
def unquoted_package_pattern() -> re.Pattern:
    """人才新政30条, 黄金十条 in running text: a package word right before N articles.
    (After any other word N条 counts things: 收集意见建议20条.)"""
    words = bundle_words()
    return re.compile(rf"(?:{_alternation(words.package_words)})(?P<n>{CHINESE}|{ARABIC}){re.escape(words.article_noun)}")


def find_unquoted_packages(text: str, taken: Intervals) -> list[Mention]:
    found = []
    # A package opens with its word: look for the words (a substring search), not for the pattern.
    starts = sorted(at for word in bundle_words().package_words for at in occurrences(text, word))
    for match in matches_from(unquoted_package_pattern(), text, starts):
        value = bundle_count(match.group("n"))
        if not taken.overlaps(*match.span()) and is_bundle_size(value, ""):
            found.append(Mention("program_count", match.start(), match.end(), match.group(),
                                 value=value, unit=bundle_words().article_noun, label=match.group()))
    return found


def occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def may_be_set_word(match: re.Match) -> bool:
    """False where is_set_word says no from N and the word alone, as for the 二十大 of every report."""
    value = bundle_count(match.group("n"))
    word = match.group("noun")
    return (value is not None and value <= MAX_BIG_SET and not NUMERAL_CHAR.search(word)
            and not word.startswith(bundle_words().not_bundle_heads))


def is_set_word(text: str, match: re.Match) -> bool:
    """The word after N大 can be what a set counts: not a numeral (三大一流), a time, a level or
    an inventory (两大方面), nor part of an idiom or a place name (五大连池)."""
    word = match.group("noun")
    if NUMERAL_CHAR.search(word) or word.startswith(bundle_words().not_bundle_heads):
        return False
    value = bundle_count(match.group("n"))
    if value is None or value > MAX_BIG_SET:
        return False        # 十大杰出青年, 十大优秀党员: a top ten, not a set of programmes; 三四大: no number
    idiom = ambiguity_pattern().search(text, max(0, match.start() - MAX_IDIOM_REACH), match.end() + MAX_IDIOM_REACH)
    return idiom is None or not (idiom.start() < match.end() and match.start() < idiom.end())


@lru_cache(maxsize=None)
def noun_after_pattern() -> re.Pattern:
    """A bundle noun a few characters on: 重点改革任务 → 任务."""
    return re.compile(rf"[^\W\d]{{0,{MAX_MODIFIER - 2}}}?({_alternation(bundle_words().any_nouns)})")


def extended_noun(text: str, match: re.Match) -> tuple[int, str]:
    """三项重点工作, 四项攻坚行动: a noun that also modifies (重点, 攻坚) takes the noun after it."""
    words = bundle_words()
    if match.group("noun") in words.modifying_nouns:
        after = noun_after_pattern().match(text, match.end(), match.end() + MAX_MODIFIER + 4)
        if after is not None:
            return after.end(), after.group(1)
    return match.end(), match.group("noun")


# Nouns that open like a head of not_bundle_heads (人 → 人才, 年 → 年轻): 十五条人才新政 is a set.
NOUNS_OPENING_LIKE_HEADS = ("人才", "年轻")


def declares_set(text: str, match: re.Match, floor: int = 0) -> bool:
    """Whether an unquoted N + classifier + noun declares a set rather than counts things.

    A programme noun always does (十条措施, 三项机制); a counted verb with 个 and nothing
    between does (四个坚持); a weak noun (平台, 队伍, 任务) only by the shape of the
    declaration: N大, a bare classifier other than 个 (四类平台), members listed before
    it or announced after it — and never right after a verb of making or holding
    (建成三个人才基地, 组建五支志愿服务队伍), which counts what was made."""
    words = bundle_words()
    noun, classifier, modifier = match.group("noun"), match.group("cls"), match.group("mod")
    heads_a_time_or_person = modifier.startswith(words.not_bundle_heads) and not modifier.startswith(NOUNS_OPENING_LIKE_HEADS)
    if heads_a_time_or_person or any(word in modifier for word in words.not_in_modifier):
        return False        # 三个方面开展专项…, 三个村开展专项…: the match ran past the counted word
    if len(modifier) > MAX_MODIFIER and noun not in words.unquoted_nouns and noun not in words.policy_nouns:
        return False        # a long modifier only before a programme noun (三大基层党建提升行动)
    counted = text[max(0, match.start() - 3):match.start()].endswith(words.count_verbs)
    arabic = match.group("n")[0] in "0123456789０１２３４５６７８９"
    if arabic and not counted and _members_named(text, match, floor):
        return True         # 清单制、承包制、点评制、评估制4项机制: the members make it a set whatever its digits
    if noun in words.policy_nouns:
        return not (counted and classifier == "个")
    if noun in words.unquoted_nouns:
        return not (counted and classifier == "个") and (not arabic or classifier == "大")
    if noun in words.set_heads:
        return classifier in ("个", "项") and not modifier and not arabic
    if classifier == "大":
        return True
    if counted or arabic:
        return False
    if not modifier and classifier != "个":
        return True
    return _members_named(text, match, floor)


def _members_named(text: str, match: re.Match, floor: int) -> bool:
    """Members listed right before the declaration, or announced right after it (：, 即)."""
    return len(members_before(text, match.start(), floor)) >= 2 or announcement_end(text, match.end()) is not None


@lru_cache(maxsize=None)
def count_and_classifier_pattern() -> re.Pattern:
    return re.compile(rf"(?:{CHINESE}|{ARABIC})(?:{_alternation(bundle_words().classifiers)})?")


def bundle_key(bundle: Mention) -> str:
    """What makes two mentions the same bundle: N and what follows the classifier
    (四项工程 = 四大工程 = “4项工程”, 三同步 = 三个同步)."""
    match = count_and_classifier_pattern().search(bundle.label)
    if match is None or (match.start() > 0 and bundle.unit == bundle_words().article_noun):
        return bundle.label     # 黄金十条 and 新十条 are two packages
    return f"{bundle.value:g}{bundle.label[match.end():] or bundle.unit}"


def find_members(text: str, bundle: Mention, occurrences: list[Mention], floor: int = 0) -> list[str]:
    """The bundle's members where the text lists them, else [].

    Tried in order: an enumeration just before it (强基、铸魂…“五项工程”); the list
    it announces (即…, a colon, 一是/二是…); after any of its occurrences, the
    quoted names (“引才工程”) or short clauses (推进农村党建攻坚行动。) that end
    or begin with its noun. The first reading that finds exactly N wins; otherwise
    an enumeration right before or after it, whatever its length.
    """
    before = members_before(text, bundle.start, floor)
    after = members_announced(text, bundle)
    for enumerated in (before, after):
        if len(enumerated) == bundle.value:
            return enumerated
    for occurrence in occurrences[1:MEMBER_OCCURRENCES]:
        reading = members_announced(text, occurrence)
        if len(reading) == bundle.value:
            return reading
    reading = listed_before_noun_after(text, bundle)
    if reading:
        return reading
    for occurrence in occurrences[:MEMBER_OCCURRENCES]:
        window_end = min(len(text), occurrence.end + MEMBER_WINDOW)
        if text.count(bundle.unit, occurrence.end, window_end) < bundle.value:
            continue        # each member names the noun: too few mentions of it, no list here
        for read_after in (quoted_members_after, clause_members_after):
            reading = read_after(text, occurrence, window_end)
            if len(reading) == bundle.value:
                return reading
    # Only an explicit enumeration right before or after the bundle counts when its length
    # differs from N (the flag then says so); scattered names after it might be others.
    return next((enumerated for enumerated in (before, after) if len(enumerated) >= 2), [])


def members_before(text: str, start: int, floor: int = 0) -> list[str]:
    """强基、铸魂、阵地“五项工程” / “育苗”“强基”“头雁”三项工程: the names just before,
    after `floor` (the end of a bundle before it: 育才、引才两大计划和留才、用才三项工程)."""
    start = start - 1 if text[start - 1:start] in "“\"「" else start
    reach = max(0, floor, start - MEMBERS_BEFORE_REACH)
    last_break = UP_TO_LAST_BREAK.match(text, reach, start)
    clause = text[last_break.end() if last_break else reach:start]
    if clause.rstrip().endswith(("等", "等等", "、")):
        return []    # examples (…、提质等“九大工程”), or the bundle is itself one item of a list
    if "、" in clause:
        items = [unquoted(item.strip()) for item in clause.split("、")]
        items[0] = strip_lead_verb(LEADING_CONJUNCTION.sub("", items[0]))
        if any(NUMERAL_CHARS.search(item) for item in items):
            return []    # numbered names (“四六四五”战略、“六新产业”) are the bundle's siblings
        return [item for item in items if item]
    quoted = list(QUOTED.finditer(clause))
    if len(quoted) >= 2 and quoted[-1].end() == len(clause.rstrip()):
        return [match.group()[1:-1] for match in quoted]
    return []


def unquoted(name: str) -> str:
    """“强基” → 强基; a name only partly quoted (推动汽车产业“上台阶”) stays as it is."""
    if len(name) > 2 and QUOTED.fullmatch(name):
        return name[1:-1]
    return name


def announcement_end(text: str, end: int) -> int | None:
    """Where the list a bundle announces begins (after 即, a colon, or at 一是), or None."""
    match = announcer_pattern().match(text, end)
    return match.end() if match is not None else None


def members_announced(text: str, bundle: Mention) -> list[str]:
    """“三项机制”，即容错纠错、激励关怀、能上能下机制 / 三大行动：一是…二是… /
    四个聚焦，聚焦产业、聚焦人才…: the list the bundle announces."""
    start = announcement_end(text, bundle.end)
    if start is None:
        return same_noun_list_after(text, bundle)
    enumerated = enumerated_members(text, start, most=int(bundle.value) + 1, noun=bundle.unit)
    if enumerated:
        return enumerated
    sentence_end = SENTENCE_END.search(text, start)
    items = text[start:sentence_end.start() if sentence_end else len(text)]
    if "、" not in items:
        return []
    return [unquoted(item.strip()) for item in items.split("、") if item.strip()]


def same_noun_list_after(text: str, bundle: Mention) -> list[str]:
    """坚持四个聚焦，聚焦产业发展、聚焦创新驱动…: the next clause lists names that all repeat the noun."""
    end = bundle.end + 1 if text[bundle.end:bundle.end + 1] in "”\"」" else bundle.end
    if text[end:end + 1] not in ("，", ","):
        return []
    sentence_end = SENTENCE_END.search(text, end + 1)
    segment = text[end + 1:sentence_end.start() if sentence_end else len(text)]
    last_item = CLAUSE_END.search(segment, segment.rfind("、") + 1)
    items = [item.strip() for item in segment[:last_item.start() if last_item else len(segment)].split("、")]
    if len(items) < 2 or not all(bundle.unit in item and len(item) <= MEMBER_MAX_CHARS for item in items):
        return []
    return items


def enumerated_members(text: str, start: int, most: int = len(ORDINALS), noun: str = "") -> list[str]:
    """一是实施头雁工程，…二是…: the first clause after each mark, in order, one family of marks."""
    for mark in ENUMERATION_MARKS:
        first = mark.format(ORDINALS[0])
        at = text.find(first, start, start + ENUMERATION_REACH + len(first))
        if at < 0:
            continue
        members, position = [], at
        for ordinal in ORDINALS[:most]:
            position = text.find(mark.format(ordinal), position, position + MEMBER_WINDOW)
            if position < 0:
                break
            position += len(mark.format(ordinal))
            clause_end = CLAUSE_END.search(text, position)
            member = strip_lead_verb(text[position:clause_end.start() if clause_end else len(text)].strip(), noun)
            if not member or len(member) > ENUMERATED_MEMBER_MAX_CHARS:
                break
            members.append(member)
        return members
    return []


def quoted_members_after(text: str, bundle: Mention, window_end: int) -> list[str]:
    noun = bundle.unit
    members: list[str] = []
    if not noun_by_quotation_mark(text, noun, bundle.end, window_end):
        return members      # no quoted name ends with the noun or runs into it: no need to read them
    for match in QUOTED.finditer(text, bundle.end, window_end):
        name = match.group()[1:-1]
        if text.startswith(noun, match.end()):
            name += noun        # “头雁领航”行动: the noun after the quotation is part of the name
        if name.endswith(noun) and name != noun and not NUMERAL_CHARS.search(name) and name not in members:
            members.append(name)
        if len(members) == bundle.value:
            break
    return members


def noun_by_quotation_mark(text: str, noun: str, start: int, end: int) -> bool:
    """Whether the noun stands right before or after a closing quotation mark in text[start:end]
    (a little past end: a name's noun may follow its quotation there)."""
    at = text.find(noun, start, end + len(noun))
    while at >= 0:
        if text[at - 1:at] in CLOSING_MARKS or text[at + len(noun):at + len(noun) + 1] in CLOSING_MARKS:
            return True
        at = text.find(noun, at + 1, end + len(noun))
    return False


def clause_members_after(text: str, bundle: Mention, window_end: int) -> list[str]:
    noun = bundle.unit
    members: list[str] = []
    for found in sentence_opening_clauses_with(text, noun, bundle.end, window_end):
        clause = strip_lead_verb(found.strip(), noun)
        if (2 < len(clause) <= MEMBER_MAX_CHARS and (clause.endswith(noun) or clause.startswith(noun))
                and clause != noun and not NUMERAL_CHARS.search(clause) and clause not in members):
            members.append(clause)
        if len(members) == bundle.value:
            break
    return members


def sentence_opening_clauses_with(text: str, word: str, start: int, end: int) -> list[str]:
    """The clauses of SENTENCE_OPENING_CLAUSE.finditer(text, start, end) that hold `word`, in order,
    found from the word's occurrences instead of by reading every clause of the window."""
    clauses: list[str] = []
    previous = start
    at = text.find(word, start, end)
    while at >= 0:
        # The last break before this occurrence, unless the previous occurrence's clause holds it too.
        before = UP_TO_LAST_NOT_CLAUSE.match(text, previous, at)
        if before is not None and text[before.end() - 1] in SENTENCE_BREAKS:
            after = NOT_CLAUSE.search(text, at, end)
            clause_end = after.start() if after else end
            if at + len(word) <= clause_end:
                clauses.append(text[before.end():clause_end])
        previous = at
        at = text.find(word, at + 1, end)
    return clauses


def listed_before_noun_after(text: str, bundle: Mention) -> list[str]:
    """要着眼“三大”创建活动，…广泛开展党建责任区、党员突击队、党员先锋岗创建活动: N names in a row
    with 、 and the bundle's noun after the last one, in the sentences that follow it."""
    noun, reach = bundle.unit, min(len(text), bundle.end + LISTED_AFTER_REACH)
    at = text.find(noun, bundle.end + 1, reach)
    while at >= 0:
        if text[at - 1:at] not in CLAUSE_BREAKS_AND_LIST:     # a name runs into the noun
            last_break = UP_TO_LAST_BREAK.match(text, bundle.end, at)
            items = text[last_break.end() if last_break else bundle.end:at].split("、")
            if len(items) == bundle.value and all(2 <= len(item) <= MEMBER_MAX_CHARS for item in items):
                items[0] = strip_lead_verb(items[0])
                return items
        at = text.find(noun, at + len(noun), reach)
    return []


def strip_lead_verb(phrase: str, noun: str = "") -> str:
    """重点实施头雁领航 → 头雁领航; 聚焦产业发展 stays whole in a bundle of 聚焦."""
    adverbs, verbs = lead_word_patterns()
    for _ in range(2):      # 年内深入开展…: a time word and an adverb
        adverb = adverbs.match(phrase)
        if adverb is not None and len(phrase) > adverb.end() + 2:
            phrase = phrase[adverb.end():]
    verb = verbs.match(phrase)
    if verb is not None and len(phrase) > verb.end() + 1 and not (noun and verb.group().startswith(noun)):
        return phrase[verb.end():]
    # 省委组织部建立了项目清单制: a subject and its verb before the first member
    inner = [found for found in verbs.finditer(phrase) if 0 < found.start()]
    if inner and not noun:
        cut = inner[-1].end() + (1 if phrase[inner[-1].end():inner[-1].end() + 1] == "了" else 0)
        if len(phrase) - cut >= 2:
            return phrase[cut:]
    return phrase


@lru_cache(maxsize=None)
def lead_word_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The lead adverbs and the lead verbs, each as one alternation, longest first."""
    words = bundle_words()
    return re.compile(_alternation(words.lead_adverbs)), re.compile(_alternation(words.lead_verbs))
