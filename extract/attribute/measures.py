"""Say which comparable quantity each indicator is: a code of ../shared/spec/measures.yaml, or `other`.

The list of measures (codes, names, units, pillars) is resources/measures.yaml, a
copy of the shared spec; how each is recognised is resources/measure_cues.yaml.
Per indicator the rules of MEASURES.md are applied in this order:

1. the unit family is a hard limit: only measures listing the indicator's unit compete;
2. a change (降低1岁, 提升8个百分点, 比上年多15个) or a bound (35岁以下) is `other` (R6);
3. the cue entries, narrowest first, are tried on the number's own stretch of its
   clause and then on the whole clause; a breakdown (其中…) adds its parent clause (R3);
4. nothing holding means `other`: a wrong code is worse than none.

Finally a figure repeated in the document (a headline and the body) takes the code
its most explicit mention got (R10).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import ahocorasick_rs

from ..find.mentions import Mention
from ..read.script import CHINESE
from .labels import (AMONG, QUOTES, RANGE_FROM, RANGE_TO, SENTENCE_END, label_words, leading, object_after,
                     respective_runs, shared_head, tokens_of)
from ..resources import ResourceError, load_yaml, pillar_names, resource_path, word_list

OTHER = "other"
PARTY = "党"
VENUES = ("场所", "阵地")      # 村级党组织活动场所: a party body's venue is still a venue, not the body
OF = "的"
MONEY = "元"
PERCENT = "%"
BREAKDOWN = "其中"
PURPOSE = re.compile(r"[，,](?:作为|用作|用于|用来|专门用于)")
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
HEAD_BEFORE_NUMBER = re.compile(r"([\u4e00-\u9fff]{2})\s*[0-9０-９]")     # 党员1002人, 党员 1002 人
YEAR_BASELINE = re.compile(r"(?:比|较)[0-9０-９]{4}年")     # 比2020年底净增15万名: a difference (R6)
SHARED_BY_NEXT = ("和", "及", "与", "或", "、", "为期")     # …and N more: what follows is theirs too
LIST_ITEM = re.compile(r"[0-9０-９]")     # an item with a number of its own counts its own noun
SUM = re.compile(r"[0-9０-９][0-9０-９.．]*\s*[万亿千百]*元")     # another sum of money
CLAUSE_REACH = 60          # a clause with no break nearer than this is cut here
PARENT_REACH = 120         # how far back a breakdown looks for its parent clause
LEADING_NOISE = "了达约近超逾共计有"   # between a change word and its number (降低了1岁)
# The committees of townships, counties and cities: local party committees, not grassroots organisations
LOCAL_COMMITTEES = ("镇党委", "乡党委", "乡镇党委", "街道党工委", "县委", "市委", "区委", "旗委", "州委")
YOUNG = "青年年龄段"       # the cue word of measure_cues.yaml for a young age bracket
YOUNG_AGE = re.compile(r"(?<![0-9０-９])([1-4][0-9])周?岁(?:及)?(?:以下|以内|左右)")
YOUNG_AGE_MAX = 45
# 培训各级各类干部, 600名科级干部分两期参加了教育培训: cadres as the trainees (not 领导干部上讲台…培训)
CADRES_TRAINED = "培训干部"
TRAINED_CADRES = re.compile(r"(?:培训|轮训|调训)[^，,。；;！？!?\n]{0,8}?(?:干部|班子成员|公务员)"
                            r"|(?:干部|班子成员|公务员)[^，,。；;！？!?\n]{0,10}?(?:参加|参训|接受)[^，,。；;！？!?\n]{0,6}?(?:培训|轮训)")
RULE_FIELDS = ("objects", "also", "acts", "acts_not", "topic", "not", "counted_not", "units")
BARE_CLAUSE_CHARS = 4      # 培训3200人次, 期限为2年: a clause that is little more than its number
REPEATED_FIGURE_MIN = 10   # small numbers (2个, 3名) repeat by chance, not as the same figure


@dataclass(frozen=True)
class Measure:
    code: str
    zh: str
    en: str
    pillar: str
    units: frozenset[str]


@dataclass(frozen=True)
class CueRule:
    code: str
    objects: frozenset[str]
    also: frozenset[str] = frozenset()
    acts: frozenset[str] = frozenset()
    acts_not: frozenset[str] = frozenset()
    topic: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    counted_not: tuple[str, ...] = ()
    units: frozenset[str] = frozenset()       # narrower than the measure's own: the rule's evidence fits these only

    def rejects(self, counted: str) -> bool:
        """The noun right after the number names places, not what this measure counts
        (154个村达到达标标准: villages, not model party organisations), unless the measure's own
        object names them so (五星社区: the rating is the count's); nor do local party committees
        (8个镇党委换届) count as grassroots organisations."""
        head = counted.rpartition(OF)[2]      # 已建立党组织的村: the noun after the last 的 is counted
        if self.counted_not and head.endswith(LOCAL_COMMITTEES):
            return True
        return (bool(self.counted_not) and head.endswith(self.counted_not)
                and (PARTY not in head or head.endswith(VENUES))
                and not head.endswith(tuple(self.objects)))

    def holds(self, scope: frozenset[str], clause: frozenset[str], sentence: frozenset[str],
              excluded_in: frozenset[str] | None = None) -> bool:
        """Each argument: the cue words found in that stretch of text. Exclusions are read
        where the object is (党员2.3万名、基层党组织1260个: 党员 does not exclude the second)."""
        return (not self.objects.isdisjoint(scope)
                and (not self.also or not self.also.isdisjoint(scope))
                and (not self.acts or (not self.acts.isdisjoint(clause) and self.acts_not.isdisjoint(clause)))
                and (not self.topic or not self.topic.isdisjoint(sentence))
                and self.exclude.isdisjoint(scope if excluded_in is None else excluded_in))


@dataclass(frozen=True)
class CueRules:
    rules: tuple[CueRule, ...]
    change_words: tuple[str, ...]
    baselines: tuple[str, ...]
    bounds: tuple[str, ...]
    caps: tuple[str, ...]
    per_unit: tuple[str, ...]
    effects: tuple[str, ...]
    breakdown_openers: tuple[str, ...]
    subgroup_words: frozenset[str]
    acts: frozenset[str]            # every rule's acts: what a clause borrows from the one before
    matcher: ahocorasick_rs.AhoCorasick      # every cue word of every rule, found in one pass

    def found(self, text: str) -> frozenset[str]:
        """The cue words that occur in `text` (overlapping: 女党员 holds 党员 too); an age bound
        that marks the young (43岁以下, 35周岁左右) reads as 青年年龄段, cadres named as trainees
        (培训各级各类干部) as 培训干部."""
        if not text:
            return frozenset()
        words = frozenset(self.matcher.find_matches_as_strings(text, overlapping=True))
        if "岁" in text and any(int(age) <= YOUNG_AGE_MAX for age in YOUNG_AGE.findall(text)):
            words |= {YOUNG}
        if "训" in text and TRAINED_CADRES.search(text):
            words |= {CADRES_TRAINED}
        return words


@lru_cache(maxsize=None)
def measure_table() -> dict[str, Measure]:
    """Code → Measure, in the order of measures.yaml; `other` included, with no units."""
    path = resource_path("measures.yaml")
    entries = load_yaml("measures.yaml").get("measures")
    if not isinstance(entries, list):
        raise ResourceError(f"{path}: 'measures' must be a list")
    table: dict[str, Measure] = {}
    for entry in entries:
        code = entry.get("code") if isinstance(entry, dict) else None
        if not code or code in table:
            raise ResourceError(f"{path}: a measure without a code, or a code listed twice: {entry!r:.80}")
        units = entry.get("units") or []
        if entry.get("pillar") not in pillar_names() or not isinstance(units, list) or not entry.get("zh"):
            raise ResourceError(f"{path}: measure {code!r} needs zh, a known pillar and a list of units")
        if code != OTHER and not units:
            raise ResourceError(f"{path}: measure {code!r} lists no units")
        table[code] = Measure(code, entry["zh"], entry.get("en", ""), entry["pillar"], frozenset(map(str, units)))
    if OTHER not in table:
        raise ResourceError(f"{path}: the catch-all {OTHER!r} is missing")
    return table


@lru_cache(maxsize=None)
def cue_rules() -> CueRules:
    path = resource_path("measure_cues.yaml")
    entries = load_yaml("measure_cues.yaml").get("measures")
    if not isinstance(entries, list):
        raise ResourceError(f"{path}: 'measures' must be a list of cue entries")
    known = measure_table()
    rules = []
    for entry in entries:
        code = entry.get("code") if isinstance(entry, dict) else None
        if code not in known or code == OTHER:
            raise ResourceError(f"{path}: {code!r} is not a measure of measures.yaml")
        unknown = set(entry) - {"code", *RULE_FIELDS}
        if unknown or not entry.get("objects"):
            raise ResourceError(f"{path}: entry {code!r} needs objects and knows only {RULE_FIELDS} ({sorted(unknown)})")
        fields = {}
        for name in RULE_FIELDS:
            words = entry.get(name, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ResourceError(f"{path}: {code}.{name} must be a list of words")
            fields["exclude" if name == "not" else name] = tuple(words) if name == "counted_not" else frozenset(words)
        if not fields["units"] <= known[code].units:
            raise ResourceError(f"{path}: {code}.units must be units of the measure {sorted(known[code].units)}")
        rules.append(CueRule(code, **fields))
    lists = {key: tuple(word_list("measure_cues.yaml", key))
             for key in ("change_words", "baselines", "bounds", "caps", "per_unit", "effects", "breakdown_openers")}
    lists["subgroup_words"] = frozenset(word_list("measure_cues.yaml", "subgroup_words"))
    lists["acts"] = frozenset(word for rule in rules for word in rule.acts)
    words = sorted({word for rule in rules for name in ("objects", "also", "acts", "acts_not", "topic", "exclude")
                    for word in getattr(rule, name)})
    matcher = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard)
    return CueRules(tuple(rules), **lists, matcher=matcher)


def measure_zh(code: str) -> str:
    """The Chinese name of a measure code; empty for no code."""
    return measure_table()[code].zh if code else ""


def assign_measures(text: str, mentions: list[Mention]) -> None:
    """Set `measure` on every indicator (a code or `other`) and clear it on the rest; document order."""
    indicators = [m for m in mentions if m.kind == "indicator"]
    for mention in mentions:
        if mention.kind != "indicator":
            mention.measure = ""
    decided: list[bool] = []
    bounds = cue_rules().bounds
    for index, mention in enumerate(indicators):
        previous = indicators[index - 1] if index else None
        # 配备43岁以下干部51人: a bound before the number qualifies what it counts
        previous_end = 0 if previous is None else previous.start if previous.text.endswith(bounds) else previous.end
        next_start = indicators[index + 1].start if index + 1 < len(indicators) else len(text)
        mention.measure, by_rule = classify(text, mention, previous_end, next_start)
        decided.append(by_rule)
    agree_subgroups(text, indicators, decided)
    agree_breakdowns(text, indicators, decided)
    agree_ranges(text, indicators)
    agree_respective_lists(text, indicators)
    agree_shared_predicates(text, indicators, decided)
    agree_repetitions(indicators, decided)


def agree_shared_predicates(text: str, indicators: list[Mention], decided: list[bool]) -> None:
    """210名致富能手、24名返乡人员、26名退役军人进入村级班子: the act after a list's last item is
    every item's. An item that gave no evidence of its own is read with that act after it, and
    takes the code the last item got only where that reading gives the same."""
    run: list[int] = []
    for index in range(len(indicators) + 1):
        mention = indicators[index] if index < len(indicators) else None
        if run and mention is not None and mention.unit == indicators[run[-1]].unit \
                and LIST_NEIGHBOUR.fullmatch(text, indicators[run[-1]].end, mention.start):
            run.append(index)
            continue
        if len(run) > 1:
            _share_last_items_act(text, indicators, decided, run)
        run = [index]


def _act_after_noun(item: str) -> str:
    """返乡创业人员进入村两委班子 → 进入村两委班子: from the first act after the item's first noun."""
    tokens = tokens_of(item)
    seen_noun, length = False, 0
    for token, cls in tokens:
        if cls == "noun":
            seen_noun = True
        elif seen_noun and cls in ("act", "link", "light"):
            return item[length:]
        length += len(token)
    return ""


LIST_NEIGHBOUR = re.compile(r"[^，,。；;：:！？!?\n、0-9０-９]{1,12}、")     # 名致富能手、: one item's noun, then the next


def _share_last_items_act(text: str, indicators: list[Mention], decided: list[bool], run: list[int]) -> None:
    last = indicators[run[-1]]
    if last.measure == OTHER or not decided[run[-1]]:
        return
    _, clause_end = clause_around(text, last.start, last.end)
    act = _act_after_noun(text[last.end:clause_end])
    if not names_a_thing(act):
        return      # 、26名退役军人。: nothing is done after the last item
    for index in run[:-1]:
        mention = indicators[index]
        if mention.measure != OTHER or decided[index]:
            continue
        item = text[mention.start:text.index("、", mention.end)]
        reading = replace(mention, start=0, end=len(mention.text))
        if classify(item + act, reading)[0] == last.measure:
            mention.measure = last.measure
            decided[index] = True


def agree_subgroups(text: str, indicators: list[Mention], decided: list[bool]) -> None:
    """R3 without 其中: a figure whose clause names only a subgroup (女性委员8名, 大专以上文化程度3名)
    of what a figure before it in the sentence counted (党支部委员41名) is counted the same way."""
    subgroup_words = cue_rules().subgroup_words
    for index, mention in enumerate(indicators):
        if mention.measure != OTHER or decided[index] or mention.unit == PERCENT:
            continue        # shares of one whole are shares of different subgroups (35岁以下占22%，大专以上占78%)
        whole = _counted_before(text, indicators, index)
        if whole is None and mention.unit not in PERSON_UNITS:
            continue
        # Its own stretch: from the figure before (or its clause's start) to the next break or figure.
        clause_start, clause_end = clause_around(text, mention.start, mention.end)
        after_end = indicators[index + 1].start if index + 1 < len(indicators) else clause_end
        stretch = (text[max(clause_start, indicators[index - 1].end if index else 0):mention.start]
                   + "，" + text[mention.end:min(clause_end, after_end)])
        nouns = [token for token, cls in tokens_of(stretch) if cls == "noun"]
        if not nouns:
            continue
        if whole is None and all(noun in subgroup_words for noun in nouns):
            # 换届后委员41名。…高中文化程度22名: a part that names nothing but a subgroup goes on
            # about the group its paragraph counted last
            whole = _counted_before(text, indicators, index, within=PARAGRAPH_END)
        if whole is not None and all(noun in subgroup_words or noun in whole.label for noun in nouns) \
                and not _excluded_from(whole.measure, cue_rules().found(stretch)):     # 四星社区…，无星社区
            mention.measure = whole.measure
            decided[index] = True


def agree_breakdowns(text: str, indicators: list[Mention], decided: list[bool]) -> None:
    """R3: the parts of a breakdown (…选派32名年轻干部，其中辖市区10名、市级机关22名) count what
    their whole counts, and where the whole has no figure of its own, what the parts before
    them in the breakdown count (…中选派。其中，省直机关506人…；处级以上干部113人)."""
    openers = cue_rules().breakdown_openers
    for index, mention in enumerate(indicators):
        if mention.measure != OTHER or decided[index]:
            continue
        sentence_start = _sentence_start(text, mention.start)
        opener = text.rfind(BREAKDOWN, sentence_start, mention.start)
        # …其中女党员58人；社区工作人员9名: past a semicolon only while the parts name the same kind
        if opener == -1 or not parent_clause(text, clause_around(text, mention.start, mention.end)[0], openers):
            continue
        # 人才总量达48.9万人，占常住人口的17.6%，其中…: a share of the whole is not what is broken down
        whole = next((m for m in reversed(indicators[:index]) if m.end <= opener and m.unit != PERCENT), None)
        opens_sentence = not text[sentence_start:opener].strip(" ，,：:")
        if whole is not None and whole.end < sentence_start and not (
                opens_sentence and whole.end >= _sentence_start(text, sentence_start - 1)):
            whole = None        # a figure of an earlier sentence is not this breakdown's whole
        own_words = cue_rules().found(text[max(opener, indicators[index - 1].end if index else 0):mention.start])
        for counted in [whole] if whole is not None else [m for m in indicators[:index] if m.start > opener]:
            if counted.measure != OTHER and mention.unit in measure_table()[counted.measure].units \
                    and not _excluded_from(counted.measure, own_words):
                mention.measure = counted.measure
                decided[index] = True
                break


def _excluded_from(code: str, words: frozenset[str]) -> bool:
    """The part's own words name what the measure excludes (其中…党员班39期 of a cadres' 培训班)."""
    return all(not rule.exclude.isdisjoint(words) for rule in cue_rules().rules if rule.code == code)


def agree_respective_lists(text: str, indicators: list[Mention]) -> None:
    """非公有制企业、社会组织党组织分别有6521个、2433个: each number is its own item's, with the
    noun the last item ends with."""
    cues = cue_rules()
    for run, items, link in respective_runs(text, indicators):
        if is_change(link, cues.change_words) or any(word in link for word in cues.change_words + cues.baselines):
            continue        # A、B分别比上届提高了11%、2.9%: changes (R6), as classified
        head = shared_head(items)
        for mention, item in zip(run, items):
            rules = rules_for_unit(mention.unit)
            clause_start, clause_end = clause_around(text, mention.start, mention.end)
            own = cues.found(item + head)
            clause = cues.found(text[clause_start:clause_end]) | own
            sentence = cues.found(mention.sentence) if mention.sentence else clause
            mention.measure = next((rule.code for rule in rules if rule.holds(own, clause, sentence)), OTHER)


def agree_ranges(text: str, indicators: list[Mention]) -> None:
    """高技能人才从122.3万人增长到141.1万人: both ends of one quantity are the same measure."""
    for before, mention in zip(indicators, indicators[1:]):
        if RANGE_TO.fullmatch(text, before.end, mention.start) and RANGE_FROM.search(text, 0, before.start) \
                and before.unit == mention.unit:
            mention.measure = before.measure


PARAGRAPH_END = re.compile(r"\n")


def _sentence_start(text: str, offset: int) -> int:
    ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, offset - PARENT_REACH), offset)]
    return ends[-1] if ends else max(0, offset - PARENT_REACH)


def _counted_before(text: str, indicators: list[Mention], index: int,
                    within: re.Pattern[str] = SENTENCE_END) -> Mention | None:
    """The nearest figure before in the same sentence (or stretch `within` bounds) with a measure
    in the unit of indicators[index]."""
    mention = indicators[index]
    for before in reversed(indicators[:index]):
        if within.search(text, before.end, mention.start):
            return None
        if before.measure != OTHER and mention.unit in measure_table()[before.measure].units:
            return before
    return None


def classify(text: str, mention: Mention, previous_end: int = 0, next_start: int | None = None) -> tuple[str, bool]:
    """(code, decided): `decided` is False when the code is `other` only for want of evidence."""
    cues = cue_rules()
    rules = rules_for_unit(mention.unit)
    if not rules:
        return OTHER, True
    if mention.text.endswith(cues.bounds) and CHINESE.match(text, mention.end):
        return OTHER, True          # 35岁以下干部, 10万元以上的村; but 人才总量达48.9万人以上，is a count
    clause_start, clause_end = clause_around(text, mention.start, mention.end)
    stretch_start = max(clause_start, previous_end)
    stretch_end = min(clause_end, len(text) if next_start is None else next_start)
    before = text[stretch_start:mention.start]
    if is_change(before, cues.change_words) or any(word in before for word in cues.baselines + cues.caps) \
            or YEAR_BASELINE.search(before) \
            or any(word in before for word in cues.per_unit):
        return OTHER, True
    clause = cues.found(without_sources(text[clause_start:clause_end]))
    parent = cues.found(parent_clause(text, clause_start, cues.breakdown_openers))
    in_breakdown = bool(parent)
    context = clause | parent
    sentence = cues.found(mention.sentence) if mention.sentence else clause
    # Objects are the number's own item's; an act before a list (共设立…) still governs them all.
    own = own_item_cues(text, cues, mention, clause_start, clause_end, next_start)
    own = context if own is None else own | parent
    item_end = text.find("、", mention.end, stretch_end)      # …1845名、大学生村官代表130名: not its noun
    stretch_end = stretch_end if item_end == -1 else item_end
    shared_head = shared_list_head(text, mention, item_end, clause_end)
    if shared_head:
        # 1个边境通道型、4个特色旅游型、10个…型联合党组织: the last item's noun is every item's
        shared = cues.found(shared_head)
        own, context = own | shared, context | shared
    item_start = text.rfind("、", stretch_start, mention.start)   # 441名村支书、234名…: nor the one before's
    stretch_start = stretch_start if item_start == -1 else item_start + 1
    if mention.label and mention.label not in text[clause_start:clause_end]:
        # A breakdown's label carries its whole (35岁及以下发展党员): what is counted speaks too.
        named = cues.found(mention.label)
        parent, context = parent | named, context | named
        own = own | named
    own_stretch = cues.found(without_sources(text[stretch_start:stretch_end]))
    stretch = own_stretch | parent
    if item_start != -1:
        # 龙头企业成立党委1个、党总支2个: who acted before the list's first item qualifies every item
        stretch |= cues.found(list_subject(text, clause_start, item_start)) & qualifying_words()
    if text.startswith(SUBJECTLESS_OPENERS, clause_start):
        # 非公企业624家，已建党组织205个: a clause that opens with 已 goes on about the one before,
        # whose population (非公企业) qualifies what it counts
        stretch |= cues.found(previous_clause(text, clause_start)) & qualifying_words()
    counted_memo: list[str] = []   # what the number counts, read once
    after = QUOTES.sub("", text[mention.end:stretch_end])     # 685名“两委”班子成员: a quoted word is part of the noun

    def counted_after() -> str:
        if not counted_memo:
            counted_memo.append(object_after(tokens_of(after), unit=mention.unit))
        return counted_memo[0]

    def counted_head() -> str:
        # 已组建党组织的非公企业64355家: with nothing counted after it, what is counted before it.
        # Read on the words as written: 182个乡镇已全部完成党委换届 counts 乡镇, though the label
        # (乡镇党委换届工作) reads over 已全部完成
        written = leading(after, "noun")
        if written and ACHIEVED.match(after, len(written)):
            return written.partition(AMONG)[0] or written     # 194家非公企业中党组织实现覆盖: the enterprises
        whole = WHOLE_BEFORE.search(text, max(0, clause_start - WHOLE_REACH), clause_start)
        if not written and whole and text[clause_start:mention.start].strip() in WHOLE_LINKS:
            return whole.group("whole")     # 全区853个乡镇中，有842个完成了换届: 842 of the 乡镇
        return leading(counted_after(), "noun") or mention.label

    counted_first = frozenset() if mention.unit.endswith(MONEY) or in_breakdown else \
        (cues.found(counted_after()) or counted_before(text, mention, stretch_start, counted_after()))
    if counted_first:
        # 帮镇扶村工作机制组织2812名科技特派员: the noun after the number, what it counts, decides before
        # the words around it (a breakdown's part counts what its whole counts, R3)
        excluded_in = own_stretch
        if next_start is not None and next_start < clause_end:
            # 685名两委班子成员平均年龄降至45.5岁: the words between the counted noun and the next
            # figure of the clause are that figure's (平均年龄), not an exclusion of this one
            excluded_in = cues.found(text[stretch_start:mention.end] + without_attribute(counted_after()))
        # 党员产业带头人带动802名村民就业: who acted, before the act, excludes nothing of what it counts
        excluded_in -= cues.found(actor_before_act(text[stretch_start:mention.start]))
        for rule in rules:
            if not rule.objects.isdisjoint(counted_first) and rule.holds(stretch, context, sentence, excluded_in) \
                    and not (rule.counted_not and rule.rejects(counted_head())):
                return rule.code, True
    for rule in rules:
        # 党员821人，其中村党支部14个: the parent's 党员 does not exclude the part's own 党支部
        excluded_in = own_stretch if not rule.objects.isdisjoint(own_stretch) else stretch
        if rule.holds(stretch, context, sentence, excluded_in):
            if rule.counted_not and rule.rejects(counted_head()):
                continue
            return rule.code, True
    head = counted_head()
    rules = tuple(rule for rule in rules if not rule.rejects(head))
    counted = counted_after()
    # The rest of the clause speaks for a number only through what the number itself counts:
    # in 13个涉农区县的…, 区县 (the noun right after it), whatever the clause goes on to name.
    counted_cues = cues.found(counted + shared_head)
    for rule in rules:
        if counted and rule.objects.isdisjoint(counted_cues) and not mention.unit.endswith(MONEY):
            continue        # money counts no noun: its whole item says what it went to (R8)
        if rule.holds(own, context, sentence):
            return rule.code, True
    if not in_breakdown and clause.isdisjoint(cues.acts):
        # 培训科级干部1750人次，一般干部8100人次: a clause of its own object and number takes
        # the act of the clause before it when that clause counts in the same unit.
        before_clause = previous_clause(text, clause_start)
        # …高层次人才26人，青年大学生人才651人、党政储备人才3名: 人 and 名 count people alike;
        # 经过严格公开遴选，全省315名年轻干部…: an act with no figure of its own governs the next clause
        if mention.unit and (before_clause.rstrip().endswith(_alike_units(mention.unit))
                             or (before_clause.lstrip().startswith(MEANS_OPENERS) and not LIST_ITEM.search(before_clause))):
            borrowed = cues.found(before_clause) & cues.acts
            for rule in rules:
                if borrowed and rule.holds(own | borrowed, context | borrowed, sentence):
                    return rule.code, True
    purpose = () if in_breakdown else purpose_after(text, mention, clause_end)
    for rule in rules:
        if purpose and rule.holds(own | purpose, context | purpose, sentence):
            return rule.code, True
    bare = (len(text[clause_start:clause_end]) - len(mention.text) <= BARE_CLAUSE_CHARS
            or not names_a_thing(text[clause_start:mention.start] + text[mention.end:clause_end]))
    # an age that bounds a group (35岁以下) names no kind of its own here
    named = cues.found(AGE_BOUND.sub("", text[clause_start:clause_end])) if bare else clause
    if not in_breakdown and bare and all(rule.objects.isdisjoint(named) for rule in rules):
        # A clause that names nothing, only acts, shares the topic of the clause before it
        # (举办干部培训班16期，培训3200人次; 人才引进…，累计招聘、回引400余人): try the two together.
        joined = clause | cues.found(previous_clause(text, clause_start))
        for rule in rules:
            if rule.holds(joined, joined, sentence):
                return rule.code, True
    return OTHER, False


SOURCE = re.compile(r"从[^，,。；;：:]{1,24}?中")


def without_sources(stretch: str) -> str:
    """从村党组织书记中定向招录200名: the people selected from are not the ones counted."""
    return SOURCE.sub("", stretch) if "从" in stretch else stretch


PERSON_UNITS = ("人", "名", "位")
MEANS_OPENERS = ("经过", "通过")      # 经过严格公开遴选，…: the means by which what follows came about


def _alike_units(unit: str) -> tuple[str, ...]:
    return PERSON_UNITS if unit in PERSON_UNITS else (unit,)


def counted_before(text: str, mention: Mention, stretch_start: int, counted_after: str) -> frozenset[str]:
    """临沭县第一书记先后发展党员192名: with nothing counted after the number, the object its label
    names right before it (发展党员) decides before the one who did it (第一书记) — unless it is a
    part of a group named before it (村委会成员中党员341名: members, of whom party members)."""
    label = mention.label
    if counted_after or not label or not text.endswith(label, stretch_start, mention.start):
        return frozenset()
    before = text[stretch_start:mention.start - len(label)]
    rules = cue_rules()
    actors = rules.found(before)
    if before.endswith(AMONG) or not any(not rule.objects.isdisjoint(actors) for rule in rules.rules):
        return frozenset()      # no one else named before it whose words could take the count
    return rules.found(label)


# 182个乡镇已全部完成党委换届: places that achieved something are what is counted (but 12个社区打造示范点
# counts the points made, one in each)
ACHIEVED = re.compile(r"(?:已经|已|均|都|全部|全面|先后|顺利|率先)*(?:完成|实现)")


def actor_before_act(before: str) -> str:
    """The words before the first act of `before` (党员产业带头人 in 党员产业带头人带动), or ""."""
    tokens = tokens_of(before)
    first = next((index for index, (_, cls) in enumerate(tokens) if cls in ("act", "light", "link")), 0)
    return "".join(token for token, _ in tokens[:first])


def without_attribute(phrase: str) -> str:
    """两委班子成员平均年龄 → 两委班子成员: an attribute closing a noun phrase is its owner's property."""
    return next((phrase[:-len(word)] for word in label_words().attributes
                 if phrase.endswith(word) and len(phrase) > len(word)), phrase)


# 853个乡镇中，有842个…: the whole a bare count is a part of, named in the clause before
WHOLE_BEFORE = re.compile(r"[0-9０-９]+[^\W\d]?(?P<whole>[\u4e00-\u9fff]{1,6})中[，,]$")
WHOLE_REACH = 12
WHOLE_LINKS = ("", "有", "共有", "已有", "其中有", "其中")
SUBJECTLESS_OPENERS = ("已", "均已", "现已")


@lru_cache(maxsize=None)
def qualifying_words() -> frozenset[str]:
    """Every rule's `also` words: what places a count in a sector (非公, 社会组织, 楼宇 …)."""
    return frozenset().union(*(rule.also for rule in cue_rules().rules))


def purpose_after(text: str, mention: Mention, clause_end: int) -> frozenset[str]:
    """R8, money by purpose: the cue words of the rest of the sentence, where what money was spent
    on may follow (拿出3000多万元，在…购置了66套住宅，作为人才公寓); for anything else, only a
    clause that states what it serves (…66套住宅，作为人才公寓)."""
    end = SENTENCE_BREAK.search(text, clause_end)
    end = end.start() if end else len(text)
    if not mention.unit.endswith(MONEY) and not PURPOSE.match(text, clause_end, end):
        return frozenset()
    # …采购农产品59.6亿元，发动…捐款110.7亿元，…壮大了村集体经济: a clause with a sum of its own is
    # another item, and a clause of effects (壮大, 促进) says what came of it all, not what it paid for
    cues = cue_rules()
    for clause in CLAUSE_BREAK.finditer(text, clause_end, end):
        rest = text[clause.end():end]
        next_break = CLAUSE_BREAK.search(rest)
        if SUM.search(rest, 0, next_break.start() if next_break else len(rest)) or rest.lstrip().startswith(cues.effects):
            end = clause.start()
            break
    return cues.found(text[clause_end:end])


def own_item_cues(text: str, cues: CueRules, mention: Mention, clause_start: int, clause_end: int,
                  next_start: int | None) -> frozenset[str] | None:
    """The cue words of the part of the clause that is the number's own, or None when that is
    the whole clause."""
    own_end = clause_end
    between = text[mention.end:next_start] if next_start is not None and next_start < clause_end else ""
    if between and not between.endswith(SHARED_BY_NEXT) and names_a_thing(between):
        # 13个涉农区县的182个乡镇完成党委换届: 党委 is the 182's, not the 13's (but in 100名村干部和
        # 60名机关干部参加培训班 both took part, and in 20名干部为期6个月轮岗交流 the term qualifies the act)
        own_end = next_start
    if own_end == clause_end and "、" not in text[clause_start:clause_end]:
        return None
    # 农民代表7346名、工人代表1845名、大学生村官代表130名: the other items of a list are not what it counts.
    return cues.found(own_item(text, clause_start, clause_end, mention, own_end))


def list_subject(text: str, clause_start: int, item_start: int) -> str:
    """The words up to the last act before a 、-list's first number (龙头企业成立 in 龙头企业成立党委1个、
    党总支2个), or "" where the list opens with no act."""
    first_number = FIRST_NUMBER.search(text, clause_start, item_start)
    if first_number is None:
        return ""
    tokens = tokens_of(text[clause_start:first_number.start()])
    acts = [index for index, (_, cls) in enumerate(tokens) if cls in ("act", "light")]
    if not acts or not any(cls == "noun" for _, cls in tokens[acts[-1] + 1:]):
        return ""
    return "".join(token for token, _ in tokens[:acts[-1] + 1])


FIRST_NUMBER = re.compile(r"[0-9０-９]")


def shared_list_head(text: str, mention: Mention, item_end: int, clause_end: int) -> str:
    """The noun that ends a 、-list of kinds (…型、…型、…型联合党组织) when the mention's own item
    names only a kind, else ""."""
    if item_end == -1 or not KIND_ONLY.fullmatch(text, mention.end, item_end):
        return ""
    last_item_start = text.rfind("、", item_end, clause_end) + 1
    head = KIND_THEN_HEAD.search(text, last_item_start, clause_end)
    return head.group("head") if head else ""


KIND_ONLY = re.compile(r"[^、，,]{1,10}?[型类式]")
KIND_THEN_HEAD = re.compile(r"[型类式](?P<head>[\u4e00-\u9fff]{2,10})$")


def names_a_thing(stretch: str) -> bool:
    """A noun stands in `stretch` (涉农区县的), not only acts and little words (、改建), nor only
    an age that bounds a group (党员中…，35岁以下146.4万名: the group is the clause before's)."""
    return any(cls == "noun" for _, cls in tokens_of(AGE_BOUND.sub("", stretch)))


AGE_BOUND = re.compile(r"[0-9０-９]+周?岁(?:及|以|至[0-9０-９]+周?岁)?(?:以)?[上下]?的?")


def own_item(text: str, clause_start: int, clause_end: int, mention: Mention, own_end: int) -> str:
    """The clause up to `own_end` without the other items of a 、-list, items that hold a number
    of their own (农民代表7346名、选出441名新一届村支书), so that 乡、村基层干部 stays whole."""
    kept, start = [], clause_start
    for end in [*(i for i in range(clause_start, clause_end) if text[i] == "、"), clause_end]:
        holds_mention = start <= mention.start < end or start < mention.end <= end
        if start < own_end and (holds_mention or not LIST_ITEM.search(text[start:end])):
            kept.append(text[start:min(end, own_end)])
        start = end + 1
    return "、".join(kept)


@lru_cache(maxsize=None)
def rules_for_unit(unit: str) -> tuple:
    """The cue rules whose measure is counted in `unit`, in MEASURES.md's order (static data:
    filtered once per unit, not once per indicator)."""
    return tuple(rule for rule in cue_rules().rules
                 if unit in (rule.units or measure_table()[rule.code].units))


def is_change(before: str, change_words: tuple[str, ...]) -> bool:
    """降低1岁, 提升了8个百分点, 增长近12%: a change word right before the number."""
    return before.rstrip(LEADING_NOISE).endswith(change_words)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """From the break before text[start:end] to the break after it, at most CLAUSE_REACH either way."""
    left = max(0, start - CLAUSE_REACH)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, left, start)]
    after = CLAUSE_BREAK.search(text, end, end + CLAUSE_REACH)
    return (breaks[-1] if breaks else left), (after.start() if after else min(len(text), end + CLAUSE_REACH))


def parent_clause(text: str, clause_start: int, openers: tuple[str, ...]) -> str:
    """For a breakdown (…，其中女党员2.7万名，少数民族党员…) the clause it breaks down, else ''.

    Walks back through the clauses of the same sentence: the nearest one opening with
    其中 (or the mention's own) marks the breakdown, and the clause before it is the parent.
    """
    left = max(0, clause_start - PARENT_REACH)
    sentence_breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, left, clause_start)]
    sentence_start = sentence_breaks[-1] if sentence_breaks else left
    own_end = CLAUSE_BREAK.search(text, clause_start)
    clauses = CLAUSE_BREAK.split(text[sentence_start:own_end.start() if own_end else len(text)])
    for index in range(len(clauses) - 1, 0, -1):
        if clauses[index].lstrip().startswith(openers):
            return clauses[index - 1]
    if clauses[0].lstrip().startswith(openers) and sentence_start > left:
        # 新发展党员20.2万名。其中，女党员9.9万名: the breakdown opens a sentence of its own and
        # breaks down the last figure before it, or, where the sentence before has none, what
        # that sentence names (这些第一书记…从…中选派。其中，省直机关506人)
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, left, sentence_start - 1)]
        sentence_before = text[breaks[-1] if breaks else left:sentence_start - 1]
        if not LIST_ITEM.search(sentence_before):
            return sentence_before
        before = CLAUSE_BREAK.split(sentence_before)
        return before[-1] if before else ""
    if sentence_start > left and text[sentence_start - 1] in "；;":
        # …其中，女党员9.9万名，占49%；35岁及以下党员16.3万名: a breakdown goes on past a semicolon
        # while its items name the same kind (党员), not once it turns to another (社区工作人员)
        part_breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, left, sentence_start - 1)]
        part_start = part_breaks[-1] if part_breaks else left
        previous_part = text[part_start:sentence_start - 1]
        if _names_the_same_kind(clauses[0], previous_part) or _names_only_a_subgroup(clauses[0]):
            # the part before is a breakdown too when its last clause is in one (发展新党员1564人，
            # 其中女党员380人，占24.3%；35岁以下党员1002人)
            last_breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, part_start, sentence_start - 1)]
            return parent_clause(text, last_breaks[-1] if last_breaks else part_start, openers)
    return ""


def _names_only_a_subgroup(clause: str) -> bool:
    """35岁及以下的6.2万名, 高中以上学历的7.8万名: a part that names only a subgroup, no kind of its own."""
    nouns = [token for token, cls in tokens_of(LIST_ITEM.sub("", clause)) if cls == "noun"]
    return bool(nouns) and all(noun in cue_rules().subgroup_words for noun in nouns)


def _names_the_same_kind(clause: str, part: str) -> bool:
    """The clause counts what the part's first count counts: the same two characters right
    before their numbers (35岁及以下党员16.3万名 after 女党员9.9万名)."""
    heads = [HEAD_BEFORE_NUMBER.search(piece) for piece in (clause, part)]
    return all(heads) and heads[0].group(1) == heads[1].group(1)


def previous_clause(text: str, clause_start: int) -> str:
    """The clause before the one starting at `clause_start`, when both are in one sentence."""
    if clause_start < 1 or SENTENCE_BREAK.match(text, clause_start - 1):
        return ""
    left = max(0, clause_start - CLAUSE_REACH)
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, left, clause_start - 1)]
    return text[breaks[-1] if breaks else left:clause_start - 1]


def agree_repetitions(indicators: list[Mention], decided: list[bool]) -> None:
    """R10: a figure written the same way again gets the code its explicit mention got,
    where the repetition alone gave no evidence."""
    codes_of: dict[str, set[str]] = {}
    for mention in indicators:
        if mention.measure != OTHER and (mention.value or 0) >= REPEATED_FIGURE_MIN:
            codes_of.setdefault(mention.text, set()).add(mention.measure)
    for mention, by_rule in zip(indicators, decided):
        codes = codes_of.get(mention.text, set())
        # …五星社区161个…；无星社区161个: the same figure of what the code excludes is another figure
        if not by_rule and len(codes) == 1 and not _excluded_from(next(iter(codes)), cue_rules().found(mention.label)):
            mention.measure = next(iter(codes))
