"""Label each mention with what it counts, in Chinese: the act and its object.

An indicator's label is read from its own stretch of its clause (from the break or
the previous number before it to the break or the next number after it):

- the object is the noun phrase right after the number (7430套人才公寓 → 人才公寓),
  or, when the number closes its phrase, the one right before it (其中女党员2.7万名 →
  女党员; 平均年龄降低1岁 → 平均年龄降低);
- the act is the verb that governs the number (选派420名第一书记 → 选派第一书记),
  unless it is a light verb that says only that something was done (举办, 开展);
- a link verb after the object reads on to what was taken part in (干部接受轮训 → 干部轮训);
- a comparison baseline (比上年) is never part of it.

Words get their part of speech from jieba's own dictionary (a lookup, no tagger
run) corrected by resources/labels.yaml. Only these short stretches are segmented,
never the whole text, by lexicon.py: jieba's dictionary and segmentation, quicker to
load. A bundle or formula is labelled by its own name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..find.mentions import Mention
from ..resources import ResourceError, load_yaml, resource_path, word_list
from ..read.script import CHINESE
from .lexicon import lexicon

CLAUSE_BREAK = re.compile(r"[，,。；;：:！？!?\n（）()《》【】…—]")
QUOTES = re.compile(r"[“”‘’\"]")     # 选聘“乡村振兴专员”200名: a quoted name is part of the phrase
ASIDE = re.compile(r"[（(][^（）()]{1,8}[）)]")     # 村（社区）: a short aside in brackets is read over
WORD_CHARACTER = re.compile(r"[\w\u4e00-\u9fff]")
DIGIT = re.compile(r"[0-9０-９.%一二两三四五六七八九十百千万亿余多几]+$")
REACH = 24                  # how far a stretch reaches from its number
ACT_REACH = 8               # the act before a number and its object: 累计培养, 新设立 …
MAX_OBJECT_CHARS = 14
TERM_OPENER, RUN_OPENER = "为期", "连续"
SHARE = "占比"
PERCENT = "%"
PREDICATE_OPENERS = frozenset("把被让使")     # after a number, they open what is done with it, not what it counts
AMONG = "中"
POSTING = re.compile(r"(?P<who>[^，,。；;]*?)(?:到|赴)[^，,。；;到赴]{1,12}?(?P<act>挂职|任职|任第一书记|担任第一书记|锻炼|跟班学习|学习|交流|工作)")
GENERATION = re.compile(r"[0-9]0|[0-9]5")      # 80后, 95后
COMPLEMENTS = frozenset({"出", "上", "下", "起"})     # 选派出, 评选出: a direction completing the act
LIST_MARK, OF, NEW, RANK, PERFECTIVE = "、", "的", "新", "级", "了"
NOUN_JOINERS = frozenset({"和", "与", "及", "组织"})     # 组织 is a light verb, and between nouns the noun
SUBGROUP_SHARE = re.compile(r"(?P<group>[^，,。；;：:、]{2,16}?)的(?:约)?占(?:到|比)?$")
BOUND_AFTER = ("及以下", "及以上", "以下", "以上")     # 35岁及以下: a number that bounds a group
RANK_BOUNDS = BOUND_AFTER                       # 州级及以上规范化党支部
SENTENCE_END = re.compile(r"[。！？!?\n]")
TOPIC_BREAK = re.compile(r"[；;]")      # …各占30%；从学历看，委员…: each part has its own topic
MAX_ITEM_CHARS = 6
BOUND_ONLY = re.compile(r"(?:及?以[上下])?(?:学历)?的?(?:约?占(?:到|比)?)?")     # 35岁及以下的(占)|381名: nothing else between
CLOSING_BRACKET = re.compile(r"[）)]")
DANGLING_SHARE = "占"
BREAKDOWN_AFTER = re.compile(r"(?:[，,：:；;（(]|[。\s]+)?其中")     # the number before a breakdown counts its whole
DURATION_UNITS = frozenset({"年", "个月", "月", "天", "周"})
MAX_PLACE_CHARS = 8         # 在环五邑华侨广场商圈党群服务中心 → 商圈党群服务中心: a place's head
DURATION = re.compile(r"为期[0-9一二两三四五六七八九十半]+(?:个月|年|天|周|月)")
MAX_LABEL_CHARS = 16
OPENING_PLACE = re.compile(r"[^，,。；]{0,6}?在([^，,。；、在]{2,20}?)[，,]")
RANGE_FROM = re.compile(r"(?:从|由)(?:[^，,。；;]{0,6}的)?$")     # 从93元…, 从上一届的2个…
RANGE_TO = re.compile(r"(?:下?降|减少?|增加?|提高|提升|上升|增长|扩大|缩短|压缩|调整)(?:至|到|为)")
# 4000余名以快递员、网约配送员为主的劳动者, 近两千名像朱师傅这样的骑手: the examples are not what is counted
EXAMPLE_MODIFIER = re.compile(r"(?:以|像)[^，,。；;]{1,16}?(?:为主|为主体|为代表|这样|一样)的")
GENERIC_LIST = re.compile(r"([^，,。；;：:]{2,40}?)等$")     # 义诊、普法、技能比武等 活动
COMPARISON = re.compile(r"(?:比|较|与)(?:上年|去年|上一年|年初|上年同期|同期|上届|[0-9０-９]{4}年)(?:底|末)?(?:同期)?(?:相比)?|同比|环比"
                        # 比上次换届后提高, 比换届前下降, 比2019年全年总收入增加: any baseline before a change
                        r"|(?<![占对无类])(?:比|较)(?![例重率赛])[^，,。；;比较]{1,14}?(?=(?:相比)?(?:提高|增加|下降|减少|增长|降低"
                        r"|提升|上升|缩小|扩大|缩短|多|少))")


@dataclass(frozen=True)
class LabelWords:
    link: frozenset[str]
    light: frozenset[str]
    acts: frozenset[str]
    fillers: frozenset[str]
    changes: frozenset[str]
    shares: frozenset[str]
    prefixes: frozenset[str]
    generic: frozenset[str]
    attributes: frozenset[str]
    persons: frozenset[str]
    nominals: frozenset[str]
    openers: frozenset[str]
    places: frozenset[str]
    determiners: frozenset[str]
    doers: frozenset[str]
    owned: frozenset[str]

    @cached_property
    def named_by_acts(self) -> frozenset[str]:
        """Heads a label reads on past, to what those counted did (村 实现…, 党员 捐款)."""
        return self.places | self.doers

    @cached_property
    def owner_heads(self) -> frozenset[str]:
        """Heads a label names by the nouns before their number (开元街道11个社区, 产业园120个大棚)."""
        return self.places | self.doers | self.owned


@lru_cache(maxsize=None)
def label_words() -> LabelWords:
    def words(key: str) -> frozenset[str]:
        return frozenset(word_list("labels.yaml", key))
    return LabelWords(words("link_verbs"), words("light_verbs"), words("act_verbs"),
                      words("fillers"), words("change_verbs"), words("share_verbs"), words("act_prefixes"), words("generic_heads"),
                      words("attribute_nouns"), words("person_heads"), words("nominal_words"),
                      words("subgroup_openers"), words("place_heads"), words("determiners"),
                      words("doer_heads"), words("owned_heads"))


@lru_cache(maxsize=None)
def classifier_heads() -> dict[str, tuple[str, ...]]:
    heads = load_yaml("labels.yaml").get("classifier_heads")
    if not isinstance(heads, dict) or not all(isinstance(v, list) and v for v in heads.values()):
        raise ResourceError(f"{resource_path('labels.yaml')}: 'classifier_heads' must map a unit to nouns")
    return {str(unit): tuple(nouns) for unit, nouns in heads.items()}


def at_head(picked: list[str], unit: str, next_token: str) -> bool:
    """The object after N家/N所 has reached the noun the classifier counts."""
    heads = classifier_heads().get(unit)
    return bool(heads) and "".join(picked).endswith(heads) and "党" not in next_token


@lru_cache(maxsize=1 << 16)
def word_class(token: str) -> str:
    """One of: number, break, filler, link, light, change, act, noun, function."""
    words = label_words()
    if DIGIT.match(token):
        return "number"
    if not WORD_CHARACTER.match(token):
        return "break"              # 、 and other punctuation end a phrase
    if token in words.nominals or token in group_bound_heads():
        return "noun"
    for name, members in (("filler", words.fillers), ("link", words.link), ("change", words.changes),
                          ("light", words.light), ("act", words.acts)):
        if token in members:
            return name
    cls = lexicon().word_class(token)
    if cls is None:
        # Unknown words come as single characters (jieba runs without its HMM here):
        # alone they are a fragment; longer, mostly names of things (人才沙龙).
        return "function" if len(token) == 1 else "noun"
    return cls


def tokens_of(piece: str) -> list[tuple[str, str]]:
    """The words of `piece` with their classes (a new list: callers may cut it up)."""
    return list(_tokens_of(piece))


@lru_cache(maxsize=1 << 14)
def _tokens_of(piece: str) -> tuple[tuple[str, str], ...]:
    # Within a report the same clause pieces are read again and again (by labels, measures and a
    # label's owner); assign_labels empties the memo per report, so a corpus of similar reports
    # (the synthetic benchmark repeats the seeds' sentences) gains nothing a real one would not.
    tokens = [(token, word_class(token)) for token in lexicon().cut(piece) if token.strip()]
    # Each join only where its character is in the piece: most pieces have none (a per-token loop
    # over every piece is a tenth of the labels' time).
    if "后" in piece:
        for index in range(len(tokens) - 1, 0, -1):
            if tokens[index][0] == "后" and GENERATION.fullmatch(tokens[index - 1][0]):
                tokens[index - 1:index + 1] = [(tokens[index - 1][0] + "后", "noun")]     # 80后, 90后: a generation
    if NEW in piece:
        for index in range(len(tokens) - 2, -1, -1):
            if tokens[index][0] == NEW and tokens[index + 1][1] == "act":
                tokens[index:index + 2] = [(NEW + tokens[index + 1][0], "act")]     # 新 成立 → 新成立: one act
    return tuple(_ranks_joined(tokens) if RANK in piece else tokens)


def _ranks_joined(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """州 级 及 以上 → 州级及以上: a rank (and its bound) modifies the noun after it, as one word."""
    index = 0
    while index < len(tokens):
        if tokens[index][0] == "级" and index and len(tokens[index - 1][0]) == 1 and tokens[index - 1][1] == "noun":
            index -= 1
            tokens[index:index + 2] = [(tokens[index][0] + "级", "noun")]
        token = tokens[index][0]
        if len(token) == 2 and token.endswith("级"):
            following = [t for t, _ in tokens[index + 1:index + 3]]
            taken = (1 if following[:1] and following[0] in RANK_BOUNDS else
                     2 if following[:1] == ["及"] and "".join(following) in RANK_BOUNDS else 0)
            if taken:
                tokens[index:index + 1 + taken] = [(token + "".join(following[:taken]), "noun")]
        index += 1
    return tokens


def assign_labels(text: str, mentions: list[Mention]) -> None:
    """Label mentions in place; `mentions` in document order."""
    _tokens_of.cache_clear()
    indicators = [m for m in mentions if m.kind == "indicator"]
    whole = ""          # the last label that names a whole population, for the breakdowns after it
    topic = ""          # what the first figure of the sentence's part (up to ；) counts: a subgroup's share is of it
    sentence_topic = "" # what the sentence's first figure counts: an attribute with no owner is of it
    breakdown_start = 0
    breakdown_end = len(text)   # a breakdown in brackets (行政村52名（其中书记16名）) ends with them
    for index, mention in enumerate(indicators):
        previous_end = indicators[index - 1].end if index else 0
        previous = index - 1        # the figure before, whose label a share or change may take
        if index and (BOUND_ONLY.fullmatch(text, previous_end, mention.start) and (
                text.startswith(BOUND_AFTER, previous_end) or indicators[index - 1].text.endswith(BOUND_AFTER))
                or (indicators[index - 1].text.endswith(BOUND_AFTER) or text.startswith(BOUND_AFTER, previous_end))
                and not CLAUSE_BREAK.search(text, previous_end, mention.start)):    # 35周岁(及)以下委员3名
            previous_end = indicators[index - 1].start     # 35岁及以下的381名: the age is the group's
            previous -= 1
        next_start = indicators[index + 1].start if index + 1 < len(indicators) else len(text)
        label, counted = indicator_label(text, mention, previous_end, next_start)
        same_sentence = previous >= 0 and not SENTENCE_END.search(text, indicators[previous].end, mention.start)
        same_topic = same_sentence and not TOPIC_BREAK.search(text, indicators[previous].end, mention.start)
        if previous >= 0 and RANGE_TO.fullmatch(text, indicators[previous].end, mention.start) \
                and RANGE_FROM.search(text, 0, indicators[previous].start):
            label = indicators[previous].label      # 从93元降至75元: both ends of one quantity
        if (not same_sentence and SENTENCE_END.search(text, breakdown_start, mention.start)) \
                or mention.start > breakdown_end or (whole and whole[-2:] in label):
            whole = ""      # a breakdown ends with its sentence, or where its items name themselves (其中女党员58人)
        subgroup = share_subgroup(clause_piece(text[max(0, mention.start - REACH, previous_end):mention.start], last=True))
        if subgroup:
            # 党员99%以上具有大专学历，其中具有大学学历的占六成: 党员 + 大学学历 + 占比
            label = ((topic if same_topic else "") + subgroup + SHARE)[:MAX_LABEL_CHARS]
        elif same_topic and label in label_words().acts:
            label = (whole_of(_object_of(indicators[previous].label)) + label)[:MAX_LABEL_CHARS]   # 班次185期，培训2.4万人次
        elif label in label_words().generic:
            label = listed(text, mention, label) or placed(label, mention.sentence)
        elif whole and (group_bound(label) or is_bare_item(label, whole)):
            # 35岁及以下 + 发展党员; 棉花 + 培训; but a place's posts follow it (行政村 + 书记)
            label = ((whole + label) if whole in label_words().places else (label + whole))[:MAX_LABEL_CHARS]
        elif not whole and same_topic and _continues_an_act(text, indicators[previous], mention, label):
            # 培训科级干部1750人次，一般干部8100人次: the second count is of the same act
            label = (_act_of(indicators[previous].label) + label)[:MAX_LABEL_CHARS]
        elif same_sentence and label.startswith(tuple(label_words().attributes)):
            label = owned(label, sentence_topic)     # 委员41名；女性委员8名；平均年龄45岁: the sentence's topic's
        elif index and indicators[index - 1].sentence == mention.sentence:
            label = owned(label, indicators[index - 1].label)

        if not same_topic:
            topic = counted or whole_of(label)
        if not same_sentence:
            sentence_topic = topic
        breakdown = BREAKDOWN_AFTER.match(text, mention.end)
        if breakdown:
            breakdown_start = breakdown.end()     # …581名。其中，…: the breakdown's own sentence
            closing = CLOSING_BRACKET.search(text, breakdown.end()) if breakdown.group().startswith(("（", "(")) else None
            breakdown_end = closing.start() if closing else len(text)
            # 全年发展党员581名，其中…; a share or a change (…占46.9%，比上届提高2.4%，其中…) is no whole
            # 选出的委员96名，其中书记12名: the breakdown's items are of the head, not of the clause before it
            whole = "" if label.endswith(SHARE) or strip_change(label) != label else label.rpartition(OF)[2]
        if mention.unit == PERCENT:
            label = share_of_a_whole(text, mention, label, indicators[index - 1] if index else None)
        mention.label = without_dangling_share(label)
    label_respective_lists(text, indicators)
    for mention in mentions:
        if mention.kind != "indicator" and not mention.label:
            mention.label = mention.text


SHARE_BEFORE = re.compile(r"(?:约|仅|已)?占(?:到|比|比达|比为|比达到)?了?$")
WHOLE_OF_SHARES = re.compile(r"([^，,。；;：:！？!?\n]{2,40}?)中[，,]?")     # 新当选的50名班子成员中，…


def share_of_a_whole(text: str, mention: Mention, label: str, previous: Mention | None) -> str:
    """A percentage said as a subgroup's share (…中，35岁以下占22%): the whole the sentence names
    before it (班子成员), the subgroup, 占比 — unless the label says so already."""
    part_start = max(text.rfind(mark, 0, mention.start) for mark in PART_ENDS) + 1
    before = text[part_start:mention.start]
    if not SHARE_BEFORE.search(before) or label.endswith(SHARE):
        return label
    subgroup = without_dangling_share(label)
    if subgroup in BOUND_AFTER and previous is not None and previous.start >= part_start:
        subgroup = previous.text.removesuffix(subgroup) + subgroup      # 35岁以下占比14.1%: the bound is the group
    among = WHOLE_OF_SHARES.match(before)
    whole = phrase_before(tokens_of(among.group(1)))[0] if among else ""
    share = (subgroup + SHARE)[-MAX_LABEL_CHARS:]
    room = MAX_LABEL_CHARS - len(share)        # a long whole gives way: the share is what the row is
    if not whole or whole in subgroup or room <= 0:
        return share
    return whole[-room:] + share


PART_ENDS = "。！？!?\n；;"


RESPECTIVELY = "分别"
LIST_JOINERS = re.compile(r"[、和及与]|以及")


def without_dangling_share(label: str) -> str:
    """高中以上87613人占70.7%: the 占 that follows a count closes neither its label nor its share's."""
    if label.endswith(DANGLING_SHARE + SHARE):
        return label[:-len(DANGLING_SHARE + SHARE)] + SHARE
    return label[:-1] if label.endswith(DANGLING_SHARE) and len(label) > 1 else label


def label_respective_lists(text: str, indicators: list[Mention]) -> None:
    """A、B、C分别比上届提高了11%、2.9%、1%: each number is its own item's (A提高, B提高, C提高);
    the noun the last item ends with is every item's (非公有制企业、社会组织党组织分别有6521个、2433个)."""
    for run, items, link in respective_runs(text, indicators):
        change = next((word for word in label_words().changes if word in link), "")
        head = shared_head(items)
        for mention, item in zip(run, items):
            item = item.replace("的", "")
            if head and not item.endswith(head):
                item += head
            mention.label = (item + change)[:MAX_LABEL_CHARS]


def respective_runs(text: str, indicators: list[Mention]) -> list[tuple[list[Mention], list[str], str]]:
    """(numbers, their items, the words after 分别) of each A、B分别…X、Y: numbers listed one after
    another right after items of the same count and 分别."""
    runs, index = [], 0
    while index < len(indicators):
        run = [indicators[index]]
        while (index + len(run) < len(indicators)
               and LIST_JOINERS.fullmatch(text, run[-1].end, indicators[index + len(run)].start)):
            run.append(indicators[index + len(run)])
        index += len(run)
        if len(run) < 2:
            continue
        before = clause_piece(text[max(0, run[0].start - REACH * 2):run[0].start], last=True)
        named, _, link = before.rpartition(RESPECTIVELY)
        items = [item.strip().removeprefix("其中").rstrip("的") for item in LIST_JOINERS.split(named)]
        if named and len(items) == len(run) and all(items):
            runs.append((run, items, link))
    return runs


def shared_head(items: list[str]) -> str:
    """The noun the last item ends with when an earlier item lacks it (企业、社会组织党组织 → 党组织)."""
    tokens = tokens_of(items[-1])
    if len(tokens) < 2 or tokens[-1][1] != "noun":
        return ""
    head = tokens[-1][0]
    return head if any(not item.endswith(head) for item in items[:-1]) else ""


def indicator_label(text: str, mention: Mention, previous_end: int = 0,
                    next_start: int | None = None) -> tuple[str, str]:
    """The label, and the group it counts where that is not the label less its share or change.
    `previous_end`, `next_start`: the neighbouring numbers; a label never reaches past them,
    except a duration that only qualifies the act (20名干部为期6个月挂职 → 干部挂职)."""
    label = _indicator_label(text, mention, previous_end, next_start)
    return label if isinstance(label, tuple) else (label, "")


def _indicator_label(text: str, mention: Mention, previous_end: int, next_start: int | None) -> str | tuple[str, str]:
    before = clause_piece(QUOTES.sub("", ASIDE.sub("", text[max(0, mention.start - REACH, previous_end):mention.start])), last=True)
    before = COMPARISON.sub("", before)          # 比上年增加15个: the baseline is not what is counted
    stop = len(text) if next_start is None else next_start
    if text[max(0, stop - 2):stop] == "为期":
        stop = len(text)
    example = EXAMPLE_MODIFIER.match(text, mention.end, stop)
    after_start = example.end() if example else mention.end
    after = clause_piece(QUOTES.sub("", ASIDE.sub("", next_count_cut(text, after_start, stop))), last=False)
    after = DURATION.sub("", after)
    held = held_attribute(tokens_of(after)) if mention.unit == PERCENT else ""
    if held:
        # 委员99%以上都具有大专以上学历: the share of the group before that holds what follows
        group = phrase_before(tokens_of(before))[0]
        return (group + held + SHARE)[:MAX_LABEL_CHARS], group
    if RANGE_FROM.search(before) and RANGE_TO.fullmatch(after):
        return phrase_before(tokens_of(RANGE_FROM.sub("", before)))[0]    # 费用从93元降至75元: what moved
    obj = object_after(tokens_of(after), unit=mention.unit)
    before_tokens = tokens_of(before)
    if obj and after.startswith(OF) and before_tokens and before_tokens[-1][1] == "noun":
        counted, named = phrase_before(before_tokens)
        if named:
            return counted      # 高新技术企业18家的邳州高新区: the number closes its noun, 的 starts another
    if obj and before.endswith(TERM_OPENER) and mention.unit in DURATION_UNITS:
        return (obj + "期限")[:MAX_LABEL_CHARS]     # 为期6个月轮岗交流: the term of a posting
    if obj and before.endswith(RUN_OPENER):
        return (RUN_OPENER + obj)[:MAX_LABEL_CHARS]  # 连续9年举办大赛: the years it has run
    if obj and not any(cls == "noun" for _, cls in tokens_of(obj)):
        subject, named = phrase_before(before_tokens)
        if named:
            return (subject + obj)[:MAX_LABEL_CHARS]     # 网民近10万人关注: who did the act
    if obj:
        posting = POSTING.match(after)
        if posting and obj in posting.group("who"):
            obj += posting.group("act")      # 16名干部到新区挂职: what the cadres went to do
        act = act_before(tokens_of(before[-ACT_REACH:]))
        return ((act or owner_before(before_tokens, obj)) + obj)[:MAX_LABEL_CHARS]
    group = group_bound(before)
    if group:
        # 其中35岁及以下的381名: the group the breakdown counts, and the population it is of (班子中35岁以下)
        wide = clause_piece(text[max(0, mention.start - REACH):mention.start], last=True)    # past a bound figure
        return (population_before(wide[:wide.rfind(group)]) + group)[:MAX_LABEL_CHARS]
    label, named = phrase_before(tokens_of(before), relative=True)
    if named:
        return bounded(before, label)
    # A bare act (投资37亿元建设7430套人才公寓): its object lies further on in the clause.
    rest = clause_piece(text[mention.end:mention.end + REACH], last=False)
    further = object_after([t for t in tokens_of(rest) if t[1] != "number"], skip_acts=True)
    return (label + further)[:MAX_LABEL_CHARS] or label


def next_count_cut(text: str, start: int, stop: int) -> str:
    """The words after a number up to the next one; where a list mark comes between them in one
    clause, what follows it names the next count (开元街道11个社区、鲤中街道1个社区), not this one."""
    words = text[start:min(start + REACH, stop)]
    if stop - start <= REACH and not CLAUSE_BREAK.search(words):
        cut = words.rfind(LIST_MARK)
        if cut > 0:
            return words[:cut]
    return words


MAX_OWNER_CHARS = 8


def owner_before(tokens: list[tuple[str, str]], obj: str) -> str:
    """The nouns right before a number whose object is a bare head (开元街道11个社区, 产业园40个大棚):
    whose heads they are; none where a word of another kind comes between (全市136个社区)."""
    if len(obj) > 3 or obj not in label_words().owner_heads:
        return ""
    owner = ""
    for token, cls in reversed(tokens):
        if cls != "noun" or len(owner) + len(token) > MAX_OWNER_CHARS:
            break
        owner = token + owner
    return owner


def is_bare_item(label: str, whole: str) -> bool:
    """A breakdown item that names only its kind (棉花3800人次 under 培训10785人次): short, and
    sharing no character with the whole (女党员 under 党员, 党支部 under 基层党组织 name themselves)."""
    words = label_words()
    return (0 < len(label) <= MAX_ITEM_CHARS and not _shares_characters(label, whole)
            and label not in words.changes and label not in words.shares)


def _shares_characters(label: str, whole: str) -> bool:
    """基层党委 under 基层党组织, 行政村 under 村（社区）: an item with characters of its whole's names
    its own kind."""
    return any(character in whole for character in CHINESE.findall(label))


def bounded(before: str, label: str) -> str:
    """The label with the group bound right before it (35周岁以下 委员 → 35周岁以下委员)."""
    before = before.rstrip()        # 35 岁以下年轻党员 1002 人: a space before the number
    if not before.endswith(label):
        return label
    core = label
    for bound in sorted(BOUND_AFTER, key=len, reverse=True):
        if core.startswith(bound) and len(core) > len(bound):
            core = core[len(bound):]        # the run took 以下 of 35岁以下 for a noun
            break
    group = group_bound(before[:len(before) - len(core)])
    return (group + core)[:MAX_LABEL_CHARS] if group else label


POPULATION = re.compile(r"([\u4e00-\u9fff]{2,10})中$")


def population_before(text: str) -> str:
    """The population a bound group is taken from, right before it (乡镇领导班子中 → 乡镇领导班子)."""
    match = POPULATION.search(text)
    if not match:
        return ""
    tokens = [(token, cls) for token, cls in tokens_of(match.group(1))]
    while tokens and tokens[0][1] != "noun":
        tokens = tokens[1:]             # 在… / 其中…: only the noun phrase
    return "".join(token for token, _ in tokens) if all(cls == "noun" for _, cls in tokens) else ""


def group_bound(text: str) -> str:
    """The group a breakdown's bound names at the end of `text` (35岁及以下, 大专及以上学历), or ""."""
    match = _group_bound_pattern().search(text)
    return match.group("group") if match else ""


@lru_cache(maxsize=None)
def group_bound_heads() -> frozenset[str]:
    """Levels of schooling (大专, 本科): nouns, though jieba's dictionary tags some otherwise."""
    return frozenset(word_list("labels.yaml", "group_bound_heads"))


@lru_cache(maxsize=None)
def _group_bound_pattern() -> re.Pattern:
    heads = "|".join(sorted(group_bound_heads(), key=len, reverse=True))
    return re.compile(rf"(?P<group>(?:[0-9０-９]+\s*(?:周)?岁|{heads})\s*及?以[上下](?:学历)?)(?:的|人员)?$")


def owned(label: str, previous_label: str) -> str:
    """An attribute with no owner (平均年龄降低) takes the topic of the clause before (干部);
    a bare change (…村63个，比上年增加18个) is a change of what the clause before counted."""
    if not label or label in label_words().changes:
        return (strip_change(previous_label) + label)[:MAX_LABEL_CHARS]
    if label in label_words().shares or tokens_of(label)[0][0] in label_words().shares:
        return (whole_of(previous_label) + SHARE)[:MAX_LABEL_CHARS]     # 占发展党员总数的44.4%: the share of the item
    if not label.startswith(tuple(label_words().attributes)):
        return label
    tokens = tokens_of(previous_label)
    start = 0
    while start < len(tokens) and tokens[start][1] in ("act", "light", "link", "filler", "function"):
        start += 1
    # 选派干部300名，平均年龄35岁: the owner is what was selected (干部); with no act, its opening nouns
    # (党支部委员41名，…平均年龄45岁), never an attribute of its own (占比).
    owner = tokens[start:] if start else tokens
    end = 0
    while end < len(owner) and owner[end][1] == "noun" and owner[end][0] not in label_words().attributes:
        end += 1
    owner = owner[:end] if start == 0 else owner
    if not owner or owner[0][1] != "noun" or owner[0][0] in label_words().attributes:
        owner = []
    return ("".join(token for token, _ in owner) + label)[:MAX_LABEL_CHARS]


def _act_of(label: str) -> str:
    """The acts a label opens with (培训科级干部 → 培训); none where they are a relative clause's
    (选出的班子成员: what was counted, not an act the next count continues)."""
    acts = leading(label, "act")
    return "" if label.startswith(OF, len(acts)) else acts


def leading(phrase: str, word_class_name: str) -> str:
    """The words of one class a phrase opens with (nouns: 行政村 of 行政村选举产生村党组织成员)."""
    words = []
    for token, cls in tokens_of(phrase):
        if cls != word_class_name:
            break
        words.append(token)
    return "".join(words)


def _continues_an_act(text: str, before: Mention, mention: Mention, label: str) -> bool:
    """`mention` counts only an object, in the clause right after a count of the same unit whose
    label opens with an act (…培训科级干部1750人次，一般干部8100人次)."""
    between = text[before.end:mention.start]
    return (before.unit == mention.unit and bool(label) and between[:1] in "，,"
            and not CLAUSE_BREAK.search(between[1:]) and bool(_act_of(before.label))
            and all(cls == "noun" for _, cls in tokens_of(label)) and _act_of(before.label) not in label)


def _object_of(label: str) -> str:
    """A label without its opening acts (举办省级主体班次 → 省级主体班次)."""
    tokens = tokens_of(label)
    while tokens and tokens[0][1] in ("act", "light", "link", "filler"):
        tokens = tokens[1:]
    return "".join(token for token, _ in tokens)


def whole_of(label: str) -> str:
    """What a label counts, without the share or change taken of it (党员占比 → 党员)."""
    return strip_change(label.removesuffix(SHARE))


def strip_change(label: str) -> str:
    for change in label_words().changes:
        if label.endswith(change):
            return label[:-len(change)]
    return label


def listed(text: str, mention: Mention, label: str) -> str:
    """A generic head named by the list before it: 开展义诊、普法等活动30余场 → 义诊、普法等活动."""
    head = label[-2:]
    before = clause_piece(text[max(0, mention.start - REACH * 2):mention.start], last=True)
    before = before.rstrip("共计累计达")
    match = GENERIC_LIST.search(before, 0, max(0, before.rfind(head)))
    if not match or not before.endswith(head):
        return ""
    items = tokens_of(match.group(1))
    while items and items[0][1] in ("act", "light", "link", "filler", "function"):
        items = items[1:]           # 开展 义诊…: the act is not an item
    named = "".join(token for token, _ in items)
    return (named[:MAX_LABEL_CHARS - len(head) - 1] + "等" + head) if named else ""


def placed(label: str, sentence: str) -> str:
    """A generic head (活动) named by the place its sentence opens with: 在X，…举办活动20场 → X活动."""
    match = OPENING_PLACE.match(sentence)
    if not match:
        return label
    head = label[-2:] if label.endswith("活动") else label
    place = ""
    for token, _ in reversed(tokens_of(match.group(1))):     # names are head-final: keep the end
        if len(place) + len(token) > MAX_PLACE_CHARS:
            break
        place = token + place
    return place + head


def object_after(tokens: list[tuple[str, str]], skip_acts: bool = False, unit: str = "") -> str:
    """The noun phrase the number counts, read after it; a link verb reads on (干部接受轮训),
    and a bare person head reads on to what the persons did (3名同志获得…称号)."""
    words = label_words()
    picked: list[str] = []
    index = 0
    while index < len(tokens) and not skip_acts and tokens[index][1] in ("act", "light"):
        picked.append(tokens[index][0])      # 9年 举办 技能大赛: the number measures the act
        index += 1
    acts_only = len(picked)
    after_link = False
    while index < len(tokens):
        token, cls = tokens[index]
        index += 1
        if token == AMONG and picked:
            break                            # 202名村党组织书记中，…: the population the figures are among
        if picked and "".join(picked) in words.persons and cls in ("act", "link"):
            picked = [token]                 # 同志 获得 …称号: the act names them
        elif picked and "".join(picked) in words.named_by_acts and cls == "act":
            picked.append(token)             # 村 实现 集体经济收入, 党员 捐款: what those counted did
        elif token == LIST_MARK and len(picked) > acts_only and index < len(tokens) and tokens[index][1] == "noun":
            picked.append(token)             # 141名机关、事业单位优秀年轻干部: items that share one head
        elif token == OF and picked and "".join(picked) in words.places and index < len(tokens) and tokens[index][1] == "noun":
            continue                         # 1个村 的 集体经济收入…: the places by what they have
        elif token == OF and index < len(tokens) and tokens[index][1] == "noun" \
                and any(word_class(word) in ("act", "light") for word in picked):
            picked.append(token)             # 15个 已建立党组织 的 村: a relative clause before its head
        elif token == PERFECTIVE and picked and (after_link or word_class(picked[-1]) == "act") \
                and index < len(tokens) and tokens[index][1] in ("noun", "act"):
            continue                         # 社区 建立 了 服务站, 项目 进行 了 签约: the act goes on
        elif picked and "".join(picked) in words.named_by_acts and cls in ("filler", "function"):
            if not _act_ahead(tokens, index):
                break                        # 10个社区 为 契机: no act follows
            continue                         # 村 已 全部 实现…, 村 均 一次性 选举成功
        elif after_link and cls == "act":
            picked.append(token)             # 党员 接受 集中 培训: what they took part in
        elif cls == "noun" or (cls == "act" and token in words.acts and not _nominal_next(tokens, index)):
            picked.append(token)             # 6个月 轮岗 交流: an activity is what is counted
        elif cls == "act" and picked and token not in words.acts and _nominal_next(tokens, index):
            picked.append(token)             # 农村 实用 人才: a verb inside a noun phrase modifies it
        elif token in PREDICATE_OPENERS and len(picked) == acts_only:
            break                            # 人才公寓5300余套 把 人才 留住: the next words say what it is for
        elif cls in ("filler", "function", "number", "light") and len(picked) == acts_only:
            continue
        elif cls in ("act", "link", "change") and not picked and skip_acts:
            continue
        elif cls in ("link", "light") and picked:
            after_link = cls == "link"       # 干部 接受 轮训, 社区 打造 示范点: read on
        else:
            break
        if sum(map(len, picked)) > MAX_OBJECT_CHARS:
            picked.pop()                     # cut at a word, never inside one
            break
        if at_head(picked, unit, tokens[index][0] if index < len(tokens) else ""):
            break
    if all(token in words.light for token in picked):
        return ""                            # 举办 alone says nothing of what is counted
    return "".join(picked).rstrip(LIST_MARK)


def _act_ahead(tokens: list[tuple[str, str]], index: int) -> bool:
    """An act comes next, past fillers and adverbs (均 一次性 选举)."""
    while index < len(tokens) and tokens[index][1] in ("filler", "function"):
        index += 1
    return index < len(tokens) and tokens[index][1] in ("act", "light")


def _nominal_next(tokens: list[tuple[str, str]], index: int) -> bool:
    """An act followed by a noun starts a new verb phrase (龙头企业 组团 远赴…), it does not end the object."""
    return index < len(tokens) and tokens[index][1] == "noun"


def act_before(tokens: list[tuple[str, str]]) -> str:
    """The act governing the number, when it stands right before it (fillers aside): 选派420名 → 选派."""
    for index in range(len(tokens) - 1, -1, -1):
        token, cls = tokens[index]
        if cls in ("filler", "function", "number", "light"):
            continue
        if token in COMPLEMENTS and index and tokens[index - 1][1] == "act":
            continue                         # 选派 出 2059名: the act is 选派
        if cls == "act" and index and tokens[index - 1][0] == LIST_MARK:
            return ""                        # 美团、饿了么等6家平台: a word of a listed name, no act
        if cls == "act":
            prefix = tokens[index - 1][0] if index else ""
            return prefix + token if prefix in label_words().prefixes else token    # 新 设立, 累计 培养
        break
    return ""


def phrase_before(tokens: list[tuple[str, str]], relative: bool = False) -> tuple[str, bool]:
    """The act and noun phrase that end right before the number (选派第一书记420名,
    平均年龄降低1岁, 跟班学习36人): the run of nouns and acts back to a function word;
    and whether it holds a noun (a bare act names nothing)."""
    end = len(tokens)
    while end and tokens[end - 1][1] in ("filler", "link", "function", "light", "number"):
        end -= 1
    if end >= 2 and tokens[end - 1][0] == AMONG and tokens[end - 2][1] == "noun":
        end -= 1                             # 202名村党组织书记中: the population the figures are among
    change = ""
    if end and tokens[end - 1][1] == "change":
        change = tokens[end - 1][0]
        end -= 1
        while end and tokens[end - 1][1] in ("filler", "function"):
            end -= 1           # 学历 整体 提升
    start, length = end, 0
    determiners = label_words().determiners
    while start and (tokens[start - 1][1] in ("noun", "act") or _joins_nouns(tokens, start - 1)
                     or (tokens[start - 1][0] in determiners and start >= 2 and tokens[start - 2][1] == "act")) \
            and length + len(tokens[start - 1][0]) <= MAX_OBJECT_CHARS and not (tokens[start - 1][0] == AMONG and start < end):
        start -= 1      # 培训 各类 人员: a determiner between the act and its object
        length += len(tokens[start][0])         # 党员队伍中 女党员: the run stops at the population's 中
    if (start >= 2 and start < end and tokens[start - 1][0] == "、" and tokens[start - 2][1] == "act"
            and tokens[start][1] == "act"):
        # 累计招聘、回引1700余人: acts listed together name what was done together
        tokens = tokens[:start - 1] + tokens[start:]
        start, end = start - 2, end - 1
    named = any(cls == "noun" for _, cls in tokens[start:end])
    if named and relative:
        start = relative_clause_start(tokens, start, MAX_LABEL_CHARS - length)
    if start < end and start and tokens[start - 1][0] in label_words().prefixes:
        start -= 1                           # 累计 引进人才
    return "".join(token for token, _ in tokens[start:end]) + change, named


HOLDING = frozenset({"有", "具有", "拥有"})


def relative_clause_start(tokens: list[tuple[str, str]], start: int, room: int) -> int:
    """Where the phrase starting at `start` begins when a clause ending in 的 says which of its head
    are counted (有经营收益的行政村, 新增组建党组织的非公企业): at the clause's first act; a possessor
    with no act (全县的党员) stays out, and so does a subject before the act (苏州 新增…)."""
    if start < 2 or tokens[start - 1][0] != OF:
        return start
    index, length, acting = start - 1, len(OF), False
    while index and (tokens[index - 1][1] in ("noun", "act", "light") or tokens[index - 1][0] in HOLDING):
        token, cls = tokens[index - 1]
        if length + len(token) > room:
            break
        index -= 1
        length += len(token)
        acting = acting or cls in ("act", "light") or token in HOLDING
    while index < start - 1 and tokens[index][1] == "noun":
        index += 1
    return index if acting and index < start - 1 else start


def _joins_nouns(tokens: list[tuple[str, str]], index: int) -> bool:
    """A conjunction or a light verb between two nouns is inside one noun phrase
    (新经济和社会组织代表, 社会组织代表), not a boundary of it."""
    token = tokens[index][0]
    return (0 < index < len(tokens) - 1 and token in NOUN_JOINERS
            and tokens[index - 1][1] == "noun" and tokens[index + 1][1] == "noun")


def held_attribute(tokens: list[tuple[str, str]]) -> str:
    """What a share's group holds, read after the number (都具有大专以上学历 → 大专以上学历), or ""."""
    index = 0
    while index < len(tokens) and tokens[index][1] == "filler":
        index += 1
    if index == len(tokens) or tokens[index][0] not in label_words().openers:
        return ""
    return object_after(tokens[index + 1:])


def share_subgroup(before: str) -> str:
    """The subgroup a share is of, named before 的占 (大专及以上学历的占48.2% → 大专及以上学历), or ""."""
    match = SUBGROUP_SHARE.search(before)
    if not match:
        return ""
    tokens = tokens_of(match.group("group"))
    while tokens and (tokens[0][0] in label_words().openers or tokens[0][1] == "filler"):
        tokens = tokens[1:]             # 其中，具有大学学历的 → 大学学历
    return "".join(token for token, _ in tokens)[:MAX_OBJECT_CHARS]


def clause_piece(window: str, last: bool) -> str:
    """The part of `window` inside the mention's clause."""
    pieces = CLAUSE_BREAK.split(window)
    return pieces[-1] if last else pieces[0]
