"""Find programme bundles (四项工程 → 4) and numbered formulas (两个确立, 四议两公开).

A bundle is N + classifier + programme noun (四项工程, 九大工程, 七类重点领域人才,
十二条措施) or a policy package of N articles (黄金十条, 新十条). It is counted
once per document, with its members where the text lists them. A formula is a
numbered slogan or name: a national one from the resource list wherever it
stands, or a local one — a quoted name with numerals that is not a bundle
(“一港一园两平台”, “314151”), a plan named by its years (三年行动计划), or a
level (两级, 五星级). Word lists: resources/programs.yaml and formulas.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .mentions import Mention
from .numerals import ARABIC, CHINESE, CHINESE_DIGIT, CHINESE_SCALE, DIGIT, parse_number
from ..resources import load_yaml, word_list
from .textspans import QUOTED, Intervals, ambiguity_pattern, quotations

NUMERAL_CHARS = re.compile(r"[0-9０-９二两三四五六七八九十百千万双]|一.*一")
# A clause that opens a sentence or a line: where a bundle's members are listed one by one.
# The break is matched, not looked behind at, so that re can skip to the breaks in C.
SENTENCE_OPENING_CLAUSE = re.compile(r"[。！？；\n](?P<clause>[^，,。；;：:！？!?\n“”]+)")
MEMBER_MAX_CHARS = 16
MAX_FORMULA_CHARS = 20        # longer quotations are slogans in prose, not names
ANNOUNCED_LIST = re.compile(r"(?:[:：]|[，,]?即)(?P<items>[^。；;！？!?\n]{3,80})")
MEMBER_WINDOW = 1500          # how far after a bundle its members are looked for
MEMBER_OCCURRENCES = 3        # members follow the intro or the section heading, not a late echo


@dataclass(frozen=True)
class BundleWords:
    classifiers: tuple[str, ...]
    nouns: tuple[str, ...]          # longest first
    unquoted_nouns: tuple[str, ...]
    policy_nouns: tuple[str, ...]
    article_noun: str
    max_count: int
    lead_verbs: tuple[str, ...]


@lru_cache(maxsize=None)
def bundle_words() -> BundleWords:
    data = load_yaml("programs.yaml")
    by_length = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    return BundleWords(
        classifiers=by_length(word_list("programs.yaml", "classifiers")),
        nouns=by_length(word_list("programs.yaml", "nouns")),
        unquoted_nouns=by_length(word_list("programs.yaml", "unquoted_nouns")),
        policy_nouns=by_length(word_list("programs.yaml", "policy_nouns")),
        article_noun=str(data["article_noun"]),
        max_count=int(data["max_count"]),
        lead_verbs=by_length(word_list("programs.yaml", "lead_verbs")),
    )


def _alternation(words) -> str:
    return "|".join(map(re.escape, words))


@lru_cache(maxsize=None)
def bundle_pattern() -> re.Pattern:
    """N + classifier + up to four characters of modifier + programme noun (quoted content)."""
    words = bundle_words()
    return re.compile(rf"(?P<n>{CHINESE})(?P<cls>{_alternation(words.classifiers)})"
                      rf"(?P<mod>[^\W\d]{{0,4}}?)(?P<noun>{_alternation(words.nouns)})")


@lru_cache(maxsize=None)
def unquoted_bundle_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The same in running text, with the strong nouns only; and Arabic N for policy nouns.

    Two patterns, not one alternation: each opens with a character class, which lets
    the regex engine skip to the numerals in C (see numerals.DIGIT)."""
    words = bundle_words()
    modifier = r"(?P<mod>[^\W\d]{0,4}?)"
    # The lookaheads (a classifier's first character) let the engine drop most numerals at once.
    ahead = f"(?=[{''.join(sorted({c[0] for c in words.classifiers}))}])"
    classifiers = _alternation(words.classifiers)
    chinese = re.compile(rf"(?P<n>{CHINESE}){ahead}(?P<cls>{classifiers}){modifier}"
                         rf"(?P<noun>{_alternation(words.unquoted_nouns)})")
    # Arabic numerals only from the start of a digit run (a match inside one would also match from
    # its start, which is tried first): re otherwise retries every digit of every number in the text.
    run_start = ARABIC.replace(f"[{DIGIT}]", f"[{DIGIT}](?<![{DIGIT}][{DIGIT}])", 1)
    arabic = re.compile(rf"(?P<n>{run_start}){ahead}(?P<cls>{classifiers}){modifier}"
                        rf"(?P<noun>{_alternation(words.policy_nouns)})")
    return chinese, arabic


@lru_cache(maxsize=None)
def bare_bundle_pattern() -> re.Pattern:
    """“三大”创建活动: N + classifier alone in the quotation, the noun after it."""
    return re.compile(rf"(?P<n>{CHINESE})(?P<cls>{'|'.join(map(re.escape, bundle_words().classifiers))})")


@lru_cache(maxsize=None)
def article_package_pattern() -> re.Pattern:
    """黄金十条, 新十条, 人才新政30条: a prefix word and N articles, the whole of a quotation."""
    return re.compile(rf"(?P<prefix>[^\W\d]{{1,4}}?)(?P<n>{CHINESE}|{ARABIC}){re.escape(bundle_words().article_noun)}")


@lru_cache(maxsize=None)
def national_pattern() -> re.Pattern:
    slogans = sorted(word_list("formulas.yaml", "national"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, slogans)))


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
    taken = Intervals((m.start, m.end) for m in formulas)
    bundles: list[Mention] = []
    for start, end in quotations(text) if quoted is None else quoted:
        inner_start, inner_end = start + 1, end - 1
        if not NUMERAL_CHARS.search(text, inner_start, inner_end):
            continue            # most quotations name nothing numbered: skip the rest at once
        if taken.overlaps(inner_start, inner_end):
            continue
        mention = read_quoted(text, inner_start, inner_end)
        if mention is not None:
            (bundles if mention.kind == "program_count" else formulas).append(mention)
            taken.add(mention.start, mention.end)
    for mention in find_unquoted_bundles(text, taken):
        bundles.append(mention)
        taken.add(mention.start, mention.end)
    for match in unquoted_formula_pattern().finditer(text):
        if not taken.overlaps(*match.span()):
            formulas.append(Mention("formula", match.start(), match.end(), match.group(), scope="local"))
            taken.add(*match.span())
    first_bundles = once_per_document(bundles)
    for bundle in first_bundles:
        bundle.members = find_members(text, bundle, [b for b in bundles if b.label == bundle.label])
        bundle.members_mismatch = bool(bundle.members) and len(bundle.members) != bundle.value
    return sorted(first_bundles + formulas, key=lambda m: m.start)


def find_national_formulas(text: str) -> list[Mention]:
    return [Mention("formula", m.start(), m.end(), m.group(), scope="national")
            for m in national_pattern().finditer(text)]


def read_quoted(text: str, start: int, end: int) -> Mention | None:
    """A quotation's content as a bundle, a local formula, or nothing."""
    content = text[start:end]
    if not NUMERAL_CHARS.search(content):
        return None
    bundle = read_bundle(content, following=text[end + 1:end + 9])
    if bundle is not None:
        value, noun = bundle
        return Mention("program_count", start, end, content, value=value, unit=noun, label=content)
    if is_local_formula(content):
        return Mention("formula", start, end, content, scope="local")
    return None


def is_local_formula(content: str) -> bool:
    """A short quoted name with numerals: “一港一园两平台”, “314151”, “五化”.

    Not an ordinal title (第十二次党代会), an idiom (三足鼎立) or a long quotation.
    """
    without_idioms = ambiguity_pattern().sub("", content)    # 百姓名嘴 holds no numeral
    return (len(content) <= MAX_FORMULA_CHARS and "第" not in content
            and bool(NUMERAL_CHARS.search(without_idioms)))


def read_bundle(content: str, following: str = "") -> tuple[float, str] | None:
    """(N, noun) when a quotation's whole content declares a bundle.

    `following` is the text after the closing quote: in “三大”创建活动 the noun
    stands outside the quotation.
    """
    words = bundle_words()
    if match := bundle_pattern().fullmatch(content):
        numeral, classifier, noun = match.group("n"), match.group("cls"), match.group("noun")
    elif (match := bare_bundle_pattern().fullmatch(content)) and (
            noun := next((n for n in words.nouns if following.startswith(n)), "")):
        numeral, classifier = match.group("n"), match.group("cls")
    elif match := article_package_pattern().fullmatch(content):
        numeral, classifier, noun = match.group("n"), "", words.article_noun
    else:
        return None
    value = parse_number(numeral)
    return (value, noun) if is_bundle_size(value, classifier) else None


def is_bundle_size(value: float | None, classifier: str) -> bool:
    """Bundles hold 2 to max_count items; 二十大, 十九大 are congresses, not bundles."""
    if value is None or value < 2 or value > bundle_words().max_count:
        return False
    return not (classifier == "大" and value > 10)


def find_unquoted_bundles(text: str, taken: Intervals) -> list[Mention]:
    found = []
    chinese, arabic = unquoted_bundle_patterns()
    matches = sorted([*chinese.finditer(text), *arabic.finditer(text)], key=lambda m: m.start())
    last_end = 0
    for match in matches:
        if match.start() < last_end:
            continue            # the two patterns found overlapping bundles: the first one stands
        last_end = match.end()
        if taken.overlaps(*match.span()) or text[match.start() - 1:match.start()] in ("第", "十"):
            continue
        value = parse_number(match.group("n"))
        if not is_bundle_size(value, match.group("cls")):
            continue
        found.append(Mention("program_count", match.start(), match.end(), match.group(),
                             value=value, unit=match.group("noun"), label=match.group()))
    return found


def once_per_document(bundles: list[Mention]) -> list[Mention]:
    """A bundle is counted once however often it is repeated: keep its first mention."""
    first: dict[str, Mention] = {}
    for bundle in sorted(bundles, key=lambda m: m.start):
        first.setdefault(bundle.label, bundle)
    return list(first.values())


def find_members(text: str, bundle: Mention, occurrences: list[Mention]) -> list[str]:
    """The bundle's members where the text lists them, else [].

    Tried in order: an enumeration just before it (强基、铸魂…“五项工程”); after any
    of its occurrences, the quoted names (“引才工程”) or short clauses
    (推进农村党建攻坚行动。) that end or begin with its noun. The first reading
    that finds exactly N wins; otherwise the longest one found is returned.
    """
    enumerated = members_before(text, bundle) or members_after_colon(text, bundle)
    if len(enumerated) == bundle.value:
        return enumerated
    for occurrence in occurrences[:MEMBER_OCCURRENCES]:
        window_end = min(len(text), occurrence.end + MEMBER_WINDOW)
        if text.count(bundle.unit, occurrence.end, window_end) < bundle.value:
            continue        # each member names the noun: too few mentions of it, no list here
        for read_after in (quoted_members_after, clause_members_after):
            reading = read_after(text, occurrence, window_end)
            if len(reading) == bundle.value:
                return reading
    # Only an explicit enumeration right before the bundle counts when its length
    # differs from N (the flag then says so); scattered names after it might be others.
    return enumerated if len(enumerated) >= 2 else []


def members_before(text: str, bundle: Mention) -> list[str]:
    start = bundle.start - 1 if text[bundle.start - 1:bundle.start] in "“\"「" else bundle.start
    clause_start = max(text.rfind(mark, 0, start) for mark in "，,。；;：:\n") + 1
    clause = text[clause_start:start]
    if "、" not in clause or clause.rstrip().endswith(("等", "等等")):
        return []    # no list, or examples (…、招商引资提质等“九大工程”) rather than the members
    items = [item.strip() for item in clause.split("、")]
    items[0] = strip_lead_verb(items[0])
    return [item for item in items if item]


def members_after_colon(text: str, bundle: Mention) -> list[str]:
    """“三项机制”，即容错纠错、激励关怀、能上能下机制: the list the bundle announces."""
    end = bundle.end + 1 if text[bundle.end:bundle.end + 1] in "”\"」" else bundle.end
    match = ANNOUNCED_LIST.match(text, end)
    if match is None or "、" not in match.group("items"):
        return []
    return [item.strip() for item in match.group("items").split("、") if item.strip()]


def quoted_members_after(text: str, bundle: Mention, window_end: int) -> list[str]:
    noun = bundle.unit
    members: list[str] = []
    for match in QUOTED.finditer(text, bundle.end, window_end):
        name = match.group()[1:-1]
        if name.endswith(noun) and name != noun and not NUMERAL_CHARS.search(name) and name not in members:
            members.append(name)
        if len(members) == bundle.value:
            break
    return members


def clause_members_after(text: str, bundle: Mention, window_end: int) -> list[str]:
    noun = bundle.unit
    members: list[str] = []
    for match in SENTENCE_OPENING_CLAUSE.finditer(text, bundle.end, window_end):
        if noun not in match.group("clause"):
            continue
        clause = strip_lead_verb(match.group("clause").strip())
        if (2 < len(clause) <= MEMBER_MAX_CHARS and (clause.endswith(noun) or clause.startswith(noun))
                and clause != noun and not NUMERAL_CHARS.search(clause) and clause not in members):
            members.append(clause)
        if len(members) == bundle.value:
            break
    return members


def strip_lead_verb(phrase: str) -> str:
    for verb in bundle_words().lead_verbs:
        if phrase.startswith(verb) and len(phrase) > len(verb) + 1:
            return phrase[len(verb):]
    return phrase
