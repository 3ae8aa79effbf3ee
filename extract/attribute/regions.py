"""Which locality a report comes from: find the place names in a text, judge them, choose one.

The places, their names and the index over them are built in ``extract.attribute.gazetteer``, which also
says where the data comes from and what each Region field and level means; ``Region`` and
``LEVELS`` are re-exported here because callers ask this module for localities.

Our own resource (``extract/resources/``):
  region_cues.yaml      words around a name: 区委 after it, 赴 before it, an author's post, 来源：,
                        本报…讯, a title's colon, 我县/本区

How ``choose_region`` (and ``detect_region``, its region alone) chooses the locality that reports,
as the annotation guideline defines it, among all the places a report names:
  1. find every name (full names, short forms, aliases, 兵团 division names) with the gazetteer's
     Aho–Corasick automaton, keeping the longest name where names overlap (蓬江区 over 蓬江), and
     read how the first and last lines present it (``line_cue``): ``author`` (中共安吉县委组织部 on
     a line of its own, 吉林市委常委、组织部部长 董亮, 作者单位：…), ``source`` (来源：蓬江组工),
     ``byline`` (安吉县融媒体中心), ``dateline`` (本报安吉讯, 长春6月1日电), ``title`` (蓬江：… );
  2. drop names that are probably words: stop-listed names; one-character-stem names (理县, 成县)
     unless they start a word (not "治理县域", "完成县委"); a bare division name (十一师) without
     兵团 context; and short forms of districts, counties and zones (蓬江) unless the text also
     names in full the place, its parent or a place inside it (蓬江区, 江门市), its body (蓬江区委),
     or a line cue stands by it; short forms whose characters jieba's dictionary reads as parts
     of other words (部务会|理论 for 会理, 振兴|和 for 兴和, 朱德清 for 德清) or that open a
     township's or village's name (宝丰镇龙井村 for 宝丰);
  3. resolve names several places share (朝阳区: 北京 or 长春) by the other places named; a short
     form shared by a place and one inside it means the larger one (吉林 → 吉林省); unresolved → dropped;
  4. weigh each mention: full names and aliases 1, short forms 0.5, more for a party body right after
     it (蓬江区委) or a place in the first lines, less for a place the report goes to, comes from or
     is helped by (赴, 来自, 对口支援, …考察团);
  5. the line cues decide: the place whose chain of places has the most cue strength (an author,
     a dateline or a title 3, a source or a medium 2), the deepest one; cues in different branches
     with equal strength → UNRECOGNISED. A publisher (source, byline) or a dateline may be its
     district's: below it, the place 我区/本县 stands for, or a child that clearly dominates, is the
     locality. A dateline names where the reporter files (本报西安电 on a 榆林 story): it counts only
     when the text names its place again or speaks of itself at its level; a national agency's
     (中新社拉萨电, 新华社福州电) names its bureau, a place elsewhere. A publisher whose
     province the text names nowhere else, while it names another, is set aside (a reprint); a
     zone the gazetteer does not list that opens a title line before its colon is a title prefix
     too (蜀山经济技术开发区：…), above a source or a medium;
  6. without line cues, the place 我县/本区/该县 (全县 at half weight) stands for: in a text that
     only says 该县 (a writer from outside), the county named last before it; else the first one of
     that level in the title lines, else the clearly most named, never one only listed among
     destinations (赴杭州市临安区、湖州市安吉县等地); a text that says 我县 and names no
     county but townships of one county is that county; otherwise start at the province
     with the most weight and step down to a city, district or zone inside it while that child
     clearly dominates its siblings, because reports name their superiors often (省委, 吉林省) and
     themselves in more detail (cue ``most_named``);
  7. a township (乡, 镇, 街道, 苏木) of the chosen county, or of a county of the chosen city, is the
     locality when it has a line cue of its own, its own body opens a first line (新泰市西张庄镇党委
     深入…, cue ``subject``), it opens the story right after the dateline or the date (本报曲阜讯
     吴村镇围绕…, 2月5日下午，万年埠街道召开…, also ``subject``), or the text calls itself 我镇/本街道
     and names it in its title lines; with no county chosen, only a township whose name no other county has; and
     where the county was only the most named place and its own body does not open the report
     (万宁市委书记…来到龙滚镇), a township named more often than the county
     (not counting the county's name right before it: 曲麻莱县叶格乡) and than its other townships
     together (the county's name then just places the township);
  8. too little evidence, split cues, a tie between provinces, a township name several counties
     share, only 我县/我市, or 我X in a text whose most named place is of no such level and lies in
     none (我镇 naming only its city, 我市 naming only the county it aids) → UNRECOGNISED with the
     candidates weighed, never a guess.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .gazetteer import (ALIAS, DIVISION, FULL, LEVELS, SHORT, STOP, STRONG, WEAK, Gazetteer, Place, Region,
                        find_names, gazetteer)
from ..resources import ResourceError, load_yaml, resource_path, word_list
from .lexicon import lexicon
from ..read.metadata import document_title
from ..read.structure import head_end, tail_start

__all__ = ["LEVELS", "UNRECOGNISED", "UNRECOGNISED_NAME", "Mention", "Region", "RegionChoice", "choose_region",
           "detect_region", "line_cue", "self_reference_level",
           "find_mentions", "list_provinces", "list_regions", "lookup_region", "resolved_mentions"]

UNRECOGNISED_NAME = "未识别"
UNRECOGNISED = Region(UNRECOGNISED_NAME)

# How the name strengths of the gazetteer count: aliases and full names as they stand; division
# names, short forms and one-character-stem names are checked first (step 2); stop-listed full
# names only when their party body follows (城区委).

# Strengths that need no other name to confirm them (step 3: resolved first).
SETTLED_ALONE = frozenset(STRONG + (DIVISION, STOP))

# Weights of one mention (step 4 of the module docstring).
FULL_WEIGHT = 1.0          # 蓬江区, 汽开区, 十一师 (once confirmed)
SHORT_WEIGHT = 0.5         # 蓬江, 吉林, 理县: shorter names are likelier to be something else
CUE_BONUS = 0.5            # 蓬江区委, 汽开区党工委: the place's own party or government body
HEADER_BONUS = 0.5         # a name in the title or byline
ELSEWHERE_FACTOR = 0.3     # 远赴西安, 来自北京: a place the report goes to or comes from
HEADER_LINES, HEADER_CHARS = 5, 400
TITLE_LINE_CHARS = 80
# A byline is a short line among the first lines or the last ones; a long line with 省委书记, or
# a photo caption in the middle, quotes a superior instead.
BYLINE_LINE_CHARS = 40
BYLINE_HEAD_LINES, BYLINE_HEAD_CHARS, BYLINE_TAIL_LINES = 10, 800, 3
# Choosing (step 5 and 6).
MIN_SUPPORT = 1.0          # at least one plain full-name mention, or two short ones
DOMINANCE = 0.6            # a child is "the" place only with this share of its siblings' weight

SECOND_EXAMPLE = 0.3       # a second county named at least this much beside the first: examples of a city
PARENT_SHARE = 0.35        # ... and with at least this share of the weight its parent has itself
PROVINCE_PARENT_SHARE = 0.8     # ... under a province, whose reports name places as examples
PROVINCE_SHARE = 0.5       # without cues, the heaviest province needs half the weight of all provinces named
                           # (一些地方… round-ups cite one example from each of many provinces)


# The level words of a self-reference (我县, 本区, 该镇) and the places each may stand for:
# (levels, the ending the place's name must have, "" for any).
SELF_LEVELS = {
    "省": (("province",), ""), "市": (("city", "county"), "市"), "州": (("city",), "州"),
    "盟": (("city",), "盟"), "区": (("district", "development_zone"), ""), "县": (("county",), "县"),
    "旗": (("county",), "旗"), "镇": (("township",), "镇"), "乡": (("township",), "乡"),
    "街道": (("township",), "街道"), "师": (("corps_division",), ""),
}
MIN_WE = 2                 # 我X/本X this often before a text that names no such place abstains:
                           # once may be an idiom (本乡本土) or a quotation
SELF_WEAK_FACTOR = 0.5     # 全县 says less than 我县: 全市 in a district's report is its city
# How much a line cue says (step 5): an author, a dateline or a title prefix more than a publisher.
CUE_STRENGTH = {"author": 3.0, "dateline": 3.0, "title": 3.0, "source": 2.0, "byline": 2.0, "subject": 2.0}
# A city's media may publish its district's news, and a dateline names where the reporter
# files (本报西安电 on a 榆林 story, 浙江在线阿克苏讯 on a county of 阿克苏): below such a place,
# the place 我区 stands for or a clearly dominant child is the locality.
PUBLISHER_CUES = ("source", "byline", "dateline")
PROVINCE_WORD = "省"
# A correspondent's bureau (本报南京电) or a paper (渭南日报) that the text never names again
# reports on a place elsewhere: neither counts on its own (a 融媒体中心 is the place's own body).
UNCONFIRMED_CUES = ("dateline", "byline")
_TOWNSHIP_END = re.compile(r"镇|乡|街道|苏木|街(?!道)")     # 海棠街: a 街道 as 天津 writes it, right after its county
MAX_TOWNSHIP_CHARS = 8
TITLE_TAIL_MARKS = " \t|｜"     # what may follow a title on its line (a page's table border)
MIN_UNPLACED_STEM = 2       # 梅桥镇 may stand without its county; 新镇 may not
OPENING_MARGIN = 2.0        # a child the first sentence leaves out needs twice its parent's own weight
SENTENCE_END = re.compile(r"[。！？!?]")


# --- Finding mentions -----------------------------------------------------------------------


@dataclass(frozen=True)
class Cues:
    org_suffixes: tuple[str, ...]
    author: re.Pattern
    elsewhere_prefixes: tuple[str, ...]
    compound_followers: tuple[str, ...]
    name_openers: tuple[str, ...]
    corps_context: tuple[str, ...]
    division_blockers_after: tuple[str, ...]
    division_blockers_before: tuple[str, ...]
    source_marker: re.Pattern
    author_marker: re.Pattern
    media_suffixes: tuple[str, ...]
    dateline_before: tuple[str, ...]
    dateline_after: re.Pattern
    title_separators: tuple[str, ...]
    elsewhere_followers: tuple[str, ...]
    host: re.Pattern
    department_line: re.Pattern
    self_reference: re.Pattern
    programme_names_after: tuple[str, ...]
    rule_title_endings: tuple[str, ...]
    media_blockers_after: tuple[str, ...]
    company_name: re.Pattern
    agencies: tuple[str, ...]
    boilerplate: re.Pattern


@lru_cache(maxsize=1)
def cues() -> Cues:
    def words(key: str) -> tuple[str, ...]:
        # Longest first, so 党工委 is tried before 委.
        return tuple(sorted(word_list("region_cues.yaml", key), key=len, reverse=True))

    def alternatives(options: tuple[str, ...]) -> re.Pattern:
        return re.compile("|".join(map(re.escape, options)))
    bodies = "|".join(("党工委", "党委", "工委", "委"))
    titles = "|".join(map(re.escape, words("author_titles")))
    author = re.compile(rf"(?:{bodies})?(?:{titles})|(?:{bodies})组织部\s*$")
    # 安吉讯（记者…）, 长春6月1日电 — but not 安吉电力, 安吉讯飞.
    dateline_after = re.compile(r"(?:\d{1,2}月\d{1,2}日)?(?:%s)(?![\u4e00-\u9fff])"
                                % "|".join(map(re.escape, words("dateline_after"))))
    # 安吉县委组织部 (a line that is only the author's body, maybe with a name after it)
    department = re.compile(rf"(?:{bodies}|委员会)(?:组织部|宣传部|党校)?(?=[\s：:）)，,]|$)|组织部(?=[\s：:）)，,]|$)")
    prefixes = words("self_reference_prefixes") + words("self_reference_weak_prefixes")
    level_words = "|".join(sorted(SELF_LEVELS, key=len, reverse=True))
    # 我县, 本区, 该镇, 全县 — but not 本市场, 该区域, 全区域. (A character class first: fast to scan.)
    self_reference = re.compile(rf"([{''.join(prefixes)}])({level_words})(?![场域间])")
    # …党委书记赵天杰等领导陪同: a host's post, name and act after its place, within a clause
    host = re.compile(rf"[^，,。；;：:！？!?\n]{{0,{HOST_REACH}}}?(?:{'|'.join(map(re.escape, words('host_markers')))})")
    return Cues(words("org_suffixes"), author, words("elsewhere_prefixes"),
                words("compound_followers"), words("name_openers"), words("corps_context"),
                words("division_blockers_after"), words("division_blockers_before"),
                alternatives(words("source_markers")), alternatives(words("author_markers")), words("media_suffixes"),
                words("dateline_before"), dateline_after, words("title_separators"),
                words("elsewhere_followers"), host, department, self_reference, words("programme_names_after"),
                words("rule_title_endings"), words("media_blockers_after"),
                re.compile(rf"[\u4e00-\u9fff]{{0,{MAX_COMPANY_NAME}}}?(?:{'|'.join(words('company_suffixes'))})"
                           rf"|[\u4e00-\u9fff]{{0,{MAX_INSTITUTION_NAME}}}?(?:{'|'.join(words('institution_suffixes'))})(?![生路])"),
                words("agencies"), alternatives(words("boilerplate_markers")))


@dataclass(slots=True)
class Mention:
    """One place name in the text, with what its surroundings say."""
    start: int
    end: int
    text: str
    readings: tuple[tuple[int, str], ...]   # (place key, strength) for every place it may name
    org_cue: bool = False       # 蓬江区委
    author: bool = False        # 吉林市委常委、组织部部长 (in a short line)
    header: bool = False        # in the title or byline
    elsewhere: bool = False     # 远赴西安
    listed_away: bool = False   # 赴杭州市临安区、湖州市安吉县: after another destination, in its run
    boilerplate: bool = False   # on a line of the site's notices (版权均属…, 转载请注明)
    cue: str = ""               # how its line names the reporting locality: author, source, byline …
    word_start: bool = True     # after punctuation, an opener (中共, 在) or another place name
    key: int | None = None      # the place it names, once resolved
    strength: str = ""
    weight: float = 0.0         # what it counts for, once resolved


def _in_byline(text: str, start: int, end: int) -> bool:
    """An author's post follows the name (吉林市委常委、组织部部长) in a short line."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    post = cues().author.match(text, end, line_end)
    if not post:
        return False
    # 吉林市委常委、组织部部长 董亮 — but not 吉林市委书记讲话 (a sentence about the post's holder).
    rest = text[post.end():line_end]
    if rest.strip() and not rest.startswith((" ", "\u3000", "\t", "、")):
        return False
    return len(text[text.rfind("\n", 0, start) + 1:line_end].strip()) <= BYLINE_LINE_CHARS


@dataclass(frozen=True)
class Zones:
    """Where a report's title lines end (header_end), and where its first lines end and its last
    lines begin (byline_head, byline_tail): the only places a line cue can stand."""
    header_end: int
    byline_head: int
    byline_tail: int

    @classmethod
    def of(cls, text: str) -> "Zones":
        byline_head = head_end(text, BYLINE_HEAD_LINES, BYLINE_HEAD_CHARS)
        return cls(head_end(text[:byline_head], HEADER_LINES, HEADER_CHARS), byline_head,
                   tail_start(text, BYLINE_TAIL_LINES))


def find_mentions(text: str, zones: Zones | None = None) -> list[Mention]:
    """Every place name in `text` with its cues, before any is judged."""
    c = cues()
    zones = zones or Zones.of(text)
    header_end, byline_head, byline_tail = zones.header_end, zones.byline_head, zones.byline_tail
    body = BODY_PARAGRAPH.search(text, 0, byline_head)
    body_start = body.start() if body else byline_head
    mentions = []
    for start, end, surface, readings in find_names(text):
        mentions.append(Mention(
            start, end, surface, readings,
            org_cue=text.startswith(c.org_suffixes, _after_repeated_level(text, end)),
            author=(start < byline_head or start >= byline_tail) and _in_byline(text, start, end),
            header=start < header_end,
            elsewhere=(text[max(0, start - ELSEWHERE_REACH):start].endswith(c.elsewhere_prefixes)
                       or text.startswith(c.elsewhere_followers, end) or c.host.match(text, end) is not None),
        ))
    line_starts_with_names = False
    after_bureau = False
    for before, m in zip([None, *mentions], mentions):
        chained = before is not None and before.end == m.start
        # 中新网山东临沭6月1日电: past the bureau's province, the agency names where the story was filed
        from_bureau, after_bureau = chained and after_bureau, False
        # 赴浙江省安吉县: the county right after the province is just as much elsewhere, and so are the
        # places listed after it (赴杭州市临安区、湖州市安吉县，江苏省苏州市等地学习).
        listed = before is not None and text[before.end:m.start] in DESTINATION_LIST_SEPARATORS
        m.listed_away = (chained or listed) and before.elsewhere and not from_bureau
        m.elsewhere = m.elsewhere or m.listed_away
        m.word_start = chained or _at_word_start(text, m.start)
        if m.start < byline_head or m.start >= byline_tail:
            line_start = text.rfind("\n", 0, m.start) + 1
            # 江门市蓬江区：… — the names before this one on its line are the line's whole start.
            line_starts_with_names = (chained and before.start >= line_start and line_starts_with_names) or \
                _bare_line_start(text[line_start:m.start])
            m.cue = line_cue(text, m.start, m.end, line_starts_with_names, m.start < byline_head,
                             m.start < header_end) or \
                ("author" if m.author else "")
            if m.cue == "author" and body_start < m.start < byline_tail:
                m.cue = ""      # 海棠区委组织部： heading an example section once the body has begun
            if m.cue == BUREAU:
                m.cue, m.elsewhere = "", True       # the agency's bureau, not the story's place
                after_bureau = True
            elif from_bureau and m.start < header_end and c.dateline_after.match(text, m.end):
                m.cue = "dateline"
    # 北京市海淀区考察团: the city before a visiting district is just as much a visitor.
    for m, after in zip(reversed(mentions[:-1]), reversed(mentions[1:])):
        m.elsewhere = m.elsewhere or (after.elsewhere and m.end == after.start)
    for run in (*_place_lists(text, mentions), *_place_menus(text, mentions)):
        for m in run:
            m.elsewhere = True
    for m in mentions:
        if not m.org_cue and c.company_name.match(text, m.end):
            m.elsewhere = True      # 山东精工电子科技股份有限公司: a firm named after its province
    starts = [m.start for m in mentions]
    for marker in c.boilerplate.finditer(text):
        line_start, line_end = text.rfind("\n", 0, marker.start()) + 1, text.find("\n", marker.end())
        line_end = len(text) if line_end == -1 else line_end
        for m in mentions[bisect_left(starts, line_start):bisect_left(starts, line_end)]:
            m.boilerplate = True        # 凡注明来源为“海口网”的…版权均属海口网所有: the site's notice
    if "》" in text:
        for title in BOOK_TITLE.finditer(text):
            if not TRAILING_ASIDE.sub("", title.group()).endswith(c.rule_title_endings):
                continue        # 《江门日报》 is a source, not rules; …办法(试行) are
            for m in mentions[bisect_right(starts, title.start()):bisect_left(starts, title.end())]:
                m.elsewhere = True  # 《河南省选调生工作管理办法》: a province's rules, applied anywhere in it
    return mentions


HOST_REACH = 14            # 党委书记赵天杰等领导 | 陪同: a post, a name and 等领导 before the host's act
ELSEWHERE_REACH = 3        # the longest word before a place that sends it elsewhere (邀请了, 援建)
BUREAU = "bureau"          # line_cue's word for an agency's dateline (中新社拉萨电): a place elsewhere
MAX_COMPANY_NAME = 14      # characters between a place's name and 有限公司 in a firm's name
MAX_INSTITUTION_NAME = 4   # …and 大学 or 学院 in a college's (牡丹江医学院, 牡丹江师范学院)
LIST_SEPARATORS = frozenset({"、", "和", "及", "与", "以及"})
MIN_LISTED_PLACES = 3
BODY_PARAGRAPH = re.compile(r"^[^\n]{50,}[。！？][^\n]*$", re.M)     # a long line of sentences: the body has begun
DESTINATION_LIST_SEPARATORS = frozenset({"、", "，", ",", "和", "及", "与"})
TRAILING_ASIDE = re.compile(r"[（(][^（）()]{1,6}[）)]$")
BOOK_TITLE = re.compile(r"[《》][^《》\n。，,；;]{1,60}(?=》)")     # 《…》, and …》…》 where a title lost its opening mark
UNKNOWN_ITEM = re.compile(r"、[\u4e00-\u9fff]{2,4}、")     # 红河、文山、普洱、迪庆: an item the gazetteer reads otherwise


def _place_lists(text: str, mentions: list[Mention]) -> Iterator[list[Mention]]:
    """Runs of three or more places listed one after another (跨越辽宁、内蒙古、宁夏、甘肃五省,
    赴北京、上海、深圳等地): a route, a backdrop or destinations, never the one place that reports."""
    run: list[Mention] = []
    for m in mentions:
        if run and (text[run[-1].end:m.start] in LIST_SEPARATORS or UNKNOWN_ITEM.fullmatch(text, run[-1].end, m.start)):
            run.append(m)
            continue
        if len(run) >= MIN_LISTED_PLACES:
            yield run
        run = [m]
    if len(run) >= MIN_LISTED_PLACES:
        yield run


def _place_menus(text: str, mentions: list[Mention]) -> Iterator[list[Mention]]:
    """A site's menu of places, each with the same channel word (汉中新闻 留坝新闻 镇巴新闻 …):
    its channels, never the place the story is about."""
    run: list[Mention] = []
    channel = ""
    for m in mentions:
        gap = MENU_GAP.fullmatch(text, run[-1].end, m.start) if run else None
        if gap is not None and (len(run) == 1 or gap.group(1) == channel):
            channel = gap.group(1)
            run.append(m)
            continue
        if len(run) >= MIN_LISTED_PLACES:
            yield run
        run, channel = [m], ""
    if len(run) >= MIN_LISTED_PLACES:
        yield run


MENU_GAP = re.compile(r"([\u4e00-\u9fff]{1,4})[ \t\u3000|｜/]+")


def _only_names(before: str) -> bool:
    """Nothing but place names (and what _bare_line_start allows) before a name on its line:
    新泰市 in 新泰市西张庄镇党委."""
    stripped = before.strip().lstrip("【[（(《〔")
    stripped = stripped[2:] if stripped.startswith("中共") else stripped
    names = find_names(stripped)
    return bool(names) and names[0][0] == 0 and names[-1][1] == len(stripped) and all(
        a[1] == b[0] for a, b in zip(names, names[1:]))


def _after_repeated_level(text: str, end: int) -> int:
    """Where a place's own body (县委, 区委) begins after its name: 澧县县委 repeats the level (县) first."""
    return end + 1 if end < len(text) and text[end] == text[end - 1] and text[end] in LEVEL_CHARACTERS else end


LEVEL_CHARACTERS = frozenset("省市县区州旗盟镇乡")


def _bare_line_start(before: str) -> bool:
    """Nothing but space, an opening bracket or 中共 stands before a name on its line, or a series
    tag in brackets ((新时代新作为新篇章)福建：…), or an agency's 电题： (新华社福州9月9日电题：福建：…)."""
    before = SERIES_TAG.sub("", AGENCY_TITLE_LEAD.sub("", before.strip()))
    before = before.strip().lstrip("【[（(《〔")
    return before in ("", "中共")


SERIES_TAG = re.compile(r"^[（(【\[〔][^（）()【】\[\]〔〕\n]{2,40}[）)】\]〕]\s*")
AGENCY_TITLE_LEAD = re.compile(r"^.{0,24}电\s*题[：:]\s*")


def line_cue(text: str, start: int, end: int, starts_line: bool, in_head: bool, in_title: bool) -> str:
    """How the line of a name in a report's first or last lines presents it: ``author`` (安吉县委组织部
    on a line of its own, 作者单位：…), ``source`` (来源：蓬江组工), ``byline`` (安吉县融媒体中心),
    ``dateline`` (本报安吉讯) or ``title`` (蓬江：… at the start of a title line); "" for none."""
    c = cues()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[max(line_start, start - 14):start]
    if starts_line and c.department_line.match(text, _after_repeated_level(text, end), line_end):
        return "author"
    if in_head and before.endswith(c.dateline_before):
        return "dateline"       # 特约撰稿 苏念发自北京: the marker next to the name says what it is
    medium = next((suffix for suffix in c.media_suffixes if text.startswith(suffix, end)), "")
    marker = _last_match(c.author_marker, before)
    if marker is not None and AUTHOR_GAP.fullmatch(before, marker.end()):
        # 作者单位：安吉县委组织部 — but not 作者:李永春 (a person named 永春); 作者:义乌人才网 is a site
        return "byline" if medium else "author"
    marker = _last_match(c.source_marker, before)
    if marker is not None and (marker.end() == len(before) or before[marker.end()] in SOURCE_MARKER_ENDS) \
            and not ANOTHER_FIELD.search(before, marker.end()):
        # (来源：X, 来源 X — but not 拓宽了…的来源渠道，是深化拓展“莱西经验”, a word in a sentence)
        # 来源：西宁市委组织部: the locality's own organisation department reports its work, as an author
        return "author" if ORGANISATION_DEPARTMENT.match(text, end) else "source"
    if medium and not text.startswith(c.media_blockers_after, end + len(medium)):
        return "byline"         # 番禺融媒, 蓬江先锋 — but not 世业镇先锋村
    if not in_head:
        return ""
    if before.rstrip().endswith(c.agencies):      # 中新网 拉萨10月18日电: a space between them too
        # 中新社拉萨12月12日电 on 西藏's work: a national agency files from its bureau, most often
        # the provincial capital; where the story is, the text itself says
        return BUREAU
    if before.endswith(c.dateline_before) or c.dateline_after.match(text, end):
        return "dateline"
    # Only in the title lines: further down, "杜阮镇：…" heads a section on one of several townships.
    if in_title and starts_line and text.startswith(c.title_separators, end) and line_end - line_start <= TITLE_LINE_CHARS:
        return "title"
    return ""


# 来源:海安日报 发布开发区:海安经济技术开发区: a field of its own between the marker and the name
ANOTHER_FIELD = re.compile(r"\s\S{1,8}[:：]")
SOURCE_MARKER_ENDS = ":：　 \t|（(【["
ORGANISATION_DEPARTMENT = re.compile(r"(?:委|党委|党工委|工委)?组织部")
# Between 作者单位 and the author's body: 作者单位：中共…, and 作者：毛俊（中共…工委委员）, a name with its
# post in brackets; not 作者：李永春 (a person called 永春).
AUTHOR_GAP = re.compile(r"[\s　：:（(]*(?:[\u4e00-\u9fff]{2,4}[（(])?(?:中共)?")


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _at_word_start(text: str, start: int) -> bool:
    if start == 0 or not _is_ideograph(text[start - 1]):
        return True
    return text.endswith(cues().name_openers, max(0, start - 2), start)


def _is_ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


# --- Judging mentions -----------------------------------------------------------------------


def _is_word_not_place(text: str, m: Mention, strength: str, corps_text: bool) -> bool:
    """True when this reading of the mention is probably an ordinary word (step 2)."""
    c = cues()
    after = text[m.end:m.end + 2]
    if strength == STOP:
        return not m.org_cue
    if strength == WEAK:
        return not m.word_start or after.startswith(c.compound_followers)
    if strength == SHORT and text.startswith(c.programme_names_after, m.end):
        return True     # 泰山学者, 泰山产业领军人才, 钱江人才: a programme named after a place
    if strength == DIVISION:
        if after.startswith(c.division_blockers_after) or text[max(0, m.start - 4):m.start].endswith(c.division_blockers_before):
            return True
        if m.text[0].isdigit() and m.start and (text[m.start - 1].isdigit() or text[m.start - 1] in ".．"):
            return True     # 2149团, 1.5团: the end of another number
        return not (m.text.startswith("第") or corps_text or m.org_cue)
    return False


BELOW_COUNTY_ENDINGS = ("镇", "乡", "街道", "苏木", "村", "社区", "嘎查")     # townships' and villages' names
# A post and one character (a surname) right before a short name: the name is a person's (书记宋建华)
COMMON_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                   "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
                   "戴莫孔向汤")
PERSON_BEFORE = re.compile(r"(?:书记|主任|部长|局长|县长|区长|市长|镇长|乡长|主席|委员|党员|村民|同志|记者|通讯员|"
                           rf"代表|老师|校长|经理|队长|支书)[{COMMON_SURNAMES}]$")
PERSON_REACH = 4
ROAD_ENDINGS = ("路", "东路", "西路", "南路", "北路", "中路", "大道", "大街", "巷")
WORD_CONTEXT = 4      # characters either side of a short name that the segmenter reads with it


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """True when jieba's dictionary segments the name's neighbourhood so that a word ends inside the
    name or begins inside it and runs on past it. A word that begins with the whole name is the
    place's own (湖南日报, 上海大学, 拉萨贡嘎机场)."""
    left = start
    while left > max(0, start - WORD_CONTEXT) and _is_ideograph(text[left - 1]):
        left -= 1
    right = end
    while right < min(len(text), end + WORD_CONTEXT) and _is_ideograph(text[right]):
        right += 1
    if left == start and right == end:
        return False        # set apart by punctuation or the line's ends
    boundaries = lexicon().boundaries(text[left:right])
    start, end = start - left, end - left
    if start not in boundaries:
        return True
    word_end = next(b for b in boundaries if b >= end)
    return word_end != end and any(start < b < end for b in boundaries)


def _drop_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """Keep only the readings that may be places; mentions left with none are dropped."""
    # The Corps context: 兵团 named anywhere, or a bare division with its own body (十一师党委).
    # Only a division reading asks, so most texts are never scanned for it.
    divisions = [m for m in mentions if any(s == DIVISION for _, s in m.readings)]
    corps_text = bool(divisions) and (any(word in text for word in cues().corps_context)
                                      or any(m.org_cue for m in divisions))
    kept = []
    for m in mentions:
        readings = tuple((k, s) for k, s in m.readings if not _is_word_not_place(text, m, s, corps_text))
        if not m.org_cue and any(s == SHORT for _, s in readings) and (
                _inside_a_word(text, m.start, m.end) or text.startswith(BELOW_COUNTY_ENDINGS + ROAD_ENDINGS, m.end)
                or PERSON_BEFORE.search(text, max(0, m.start - PERSON_REACH), m.start)):
            # 部务会理论 (会理), 乡村振兴和基层 (兴和): the short name's characters belong to other words;
            # 宝丰镇龙井村: a township's or village's name that holds a county's short name; 玉林东路,
            # 延安路, 中山大道: a street named after a place; 村支书记宋建华: a person's given name
            readings = tuple((k, s) for k, s in readings if s != SHORT)
        if readings:
            m.readings = readings
            kept.append(m)
    return kept


def _needs_confirmation(gaz: Gazetteer, key: int, strength: str) -> bool:
    # 吉林, 新疆, 长春, 伊春: provinces and cities are commonly named by their short forms, and the
    # ones that are also words are stop-listed. Among ~3,000 counties and districts, short forms
    # collide with words and with each other far more often.
    return strength == SHORT and gaz.places[key].level not in ("province", "city")


def _confirmed(gaz: Gazetteer, key: int, strong_keys: set[int]) -> bool:
    """A short form is confirmed when the text names in full the place, its parent or a place in it."""
    parent = gaz.places[key].parent
    return key in strong_keys or parent in strong_keys or any(
        key in gaz.ancestors(k) for k in strong_keys)


def _resolve(gaz: Gazetteer, readings: tuple[tuple[int, str], ...], support: dict[int, float]) -> tuple[int, str] | None:
    """The one place a mention names, or None while it stays ambiguous (step 3)."""
    if len(readings) == 1:
        return readings[0]
    keys = [k for k, _ in readings]
    for k, s in readings:                  # 吉林 → 吉林省, 乌鲁木齐 → 乌鲁木齐市
        if all(k == other or k in gaz.ancestors(other) for other in keys):
            return k, s
    scored = sorted(((_context_support(gaz, k, support), k, s) for k, s in readings), reverse=True)
    if scored[0][0] > scored[1][0]:
        return scored[0][1], scored[0][2]
    provinces = [(k, s) for k, s in readings if gaz.places[k].level == "province"]
    # 海南 is the province unless the text points to 海南藏族自治州.
    return provinces[0] if len(provinces) == 1 and scored[0][0] == 0 else None


def _context_support(gaz: Gazetteer, key: int, support: dict[int, float]) -> float:
    """Weight of the resolved mentions of the place, the places it lies in and the places in it."""
    related = {key, *gaz.ancestors(key)}
    return sum(w for k, w in support.items() if k in related or key in gaz.ancestors(k))


def _weight(m: Mention) -> float:
    weight = FULL_WEIGHT if m.strength in (ALIAS, FULL, DIVISION) else SHORT_WEIGHT
    weight += CUE_BONUS * m.org_cue + HEADER_BONUS * m.header
    return weight * (ELSEWHERE_FACTOR if m.elsewhere else 1.0)


def _names_a_zone(text: str, end: int) -> bool:
    """凤阳经开区: a zone word after a name (within a few characters of the zone's own name)."""
    at = text.find("区", end, end + ZONE_WORD_REACH)
    return at != -1 and any(text.startswith(word, at + 1 - len(word)) for word in _zone_words()[0])


ZONE_WORD_REACH = 8


def _resolve_all(gaz: Gazetteer, mentions: list[Mention], text: str, self_level: str = "") -> list[Mention]:
    """Resolve strong names first; they then confirm and disambiguate the short ones."""
    support: dict[int, float] = defaultdict(float)

    def settle(batch: list[Mention]) -> list[Mention]:
        done = []
        for m in batch:
            chosen = _resolve(gaz, m.readings, support)
            if chosen:
                m.key, m.strength = chosen
                m.weight = _weight(m)
                support[m.key] += m.weight
                done.append(m)
        return done

    strong, weak = [], []
    for m in mentions:
        (strong if all(s in SETTLED_ALONE for _, s in m.readings) else weak).append(m)
    resolved = settle([m for m in strong if len(m.readings) == 1])
    ambiguous = [m for m in strong if len(m.readings) > 1]
    settled = settle(ambiguous)
    resolved += settled
    settled_ids = {id(m) for m in settled}
    strong_keys = set(support)
    # 琼海 ×4 in a text that names 海南: a short form said again and again within the place named
    # around it (in short too) is that place, where once it might be a word
    named_around = {k for m in weak for k, s in m.readings if not _needs_confirmation(gaz, k, s)}
    said = Counter(m.text for m in weak if not _names_a_zone(text, m.end))
    # 苏州太仓: a short form right after the name of the city it lies in
    ends = {m.end: m for m in mentions}
    for m in weak:
        # 蓬江 in the title of a text that says 我区: the short form of the place 我区 stands for.
        self_named = m.header and bool(self_level)
        m.readings = tuple((k, s) for k, s in m.readings if (m.org_cue and m.word_start) or m.cue
                           or not _needs_confirmation(gaz, k, s) or _confirmed(gaz, k, strong_keys)
                           or (self_named and _fits_level(gaz.places[k], self_level))
                           or (said[m.text] >= REPEATED_SHORT and gaz.places[k].parent in named_around)
                           or (m.start in ends and any(p == gaz.places[k].parent for p, _ in ends[m.start].readings)))
    resolved += settle([m for m in weak if m.readings])
    # 和平区 (天津 or 沈阳) in a text that names 沈阳 only in short: the short names settle it
    resolved += settle([m for m in ambiguous if id(m) not in settled_ids])
    return sorted(resolved, key=lambda m: m.start)


REPEATED_SHORT = 3


VISIT = re.compile("考察|学习|观摩|走访|参观|交流")     # not 调研: a superior's inspection of the place reported on


def _send_away_title_destinations(gaz: Gazetteer, text: str, resolved: list[Mention], title: str) -> None:
    """刘新建一行赴伊犁州走访考察: a place the title sends the reporters to (or pairs them with)
    is a destination wherever the text names it, and so is every place within it (伊宁市 of
    伊犁州): the text describes it at length, as the visitors saw it."""
    span = _title_span(text, title)
    if span is None:
        return
    title_start, title_end = span
    # a visit to learn or inspect, not cadres arriving to serve (到哈尔滨新区挂职, 抵达拉萨, 支援西藏)
    away = {m.key for m in resolved if title_start <= m.start < title_end and m.elsewhere
            and VISIT.search(text, m.end, title_end)}
    away -= {m.key for m in resolved if title_start <= m.start < title_end and not m.elsewhere}
    if not away:
        return
    for m in resolved:
        if not m.elsewhere and (m.key in away or not away.isdisjoint(gaz.ancestors(m.key))):
            m.elsewhere = True
            m.weight = _weight(m)


# --- Choosing the locality ------------------------------------------------------------------


@dataclass(frozen=True)
class RegionChoice:
    """The reporting locality and the evidence for it: the deciding mention's offsets and cue
    (``author``, ``source``, ``byline``, ``dateline``, ``title``, ``self_reference``, ``most_named``),
    or, for UNRECOGNISED, the candidates that were weighed (for the warning)."""
    region: Region
    start: int | None = None
    end: int | None = None
    cue: str = ""
    candidates: tuple[str, ...] = ()


@dataclass
class _Evidence:
    """What the resolved mentions of one text say, summed up per place."""
    mentions: list[Mention]
    own: dict[int, float]
    total: dict[int, float]
    count: dict[int, int]
    cued: set[int]
    self_level: str
    anaphor: int | None = None     # the place 该县 points back to, when the text never says 我县/本县/全县
    titled: frozenset[int] = frozenset()    # the places the title names (陕西榆林强化…: 陕西省, 榆林市)
    opening: frozenset[int] = frozenset()   # the places the first sentence names (广安市按照省委部署…)
    aided: frozenset[int] = frozenset()     # provinces the text's aid words point to (援疆 → 新疆)
    says_we: int = 0                        # how often 我市/本市 (not only 全市): the writer is the place itself


def _subtree_weights(gaz: Gazetteer, resolved: list[Mention]) -> tuple[dict[int, float], dict[int, float], dict[int, int], set[int]]:
    """(own weight, weight of the place and all places in it, mentions in it, places with a cue in it)."""
    own, total, count, cued = defaultdict(float), defaultdict(float), defaultdict(int), set()
    for m, after in zip(resolved, [*resolved[1:], None]):
        # 上海市嘉定区: a province named only to locate the place after it speaks for that place
        locates = after is not None and after.start == m.end and gaz.places[m.key].level == "province" \
            and m.key in gaz.ancestors(after.key)
        own[m.key] += 0.0 if locates else m.weight
        for k in (m.key, *gaz.ancestors(m.key)):
            total[k] += m.weight
            count[k] += 1
            if m.org_cue or m.header:
                cued.add(k)
    return own, total, count, cued


def self_reference_level(text: str) -> str:
    """The level word the text most uses for itself (我县, 本区, 全县 at half weight), or ""."""
    return self_reference(text)[0]


def self_reference(text: str) -> tuple[str, int]:
    """(self_reference_level, how often the text says 我X/本X at that level, not 该X or 全X)."""
    votes: dict[str, float] = defaultdict(float)
    strong: dict[str, int] = defaultdict(int)
    weak = _weak_self_prefixes()
    for match in cues().self_reference.finditer(text):
        prefix, level_word = match.groups()
        if prefix in weak:
            if not _ranked_within(text, match.start(), match.end()):
                votes[level_word] += SELF_WEAK_FACTOR
        else:
            votes[level_word] += 1.0
            if prefix != ANAPHORIC_PREFIX:
                strong[level_word] += 1     # 我市, 本市: the writer's own place; 该市 is an outsider's
    for level_word in _direct_body_levels(text):
        # 州直机关, 县直单位: the bodies right under the locality's own committee, named by its level
        votes[level_word] += SELF_WEAK_FACTOR
    if not votes:
        return "", 0
    best = max(votes, key=votes.get)
    if votes[best] >= 1.0 and list(votes.values()).count(votes[best]) == 1:
        return best, strong[best]
    return "", 0


ANAPHORIC_PREFIX = "该"
DIRECT_LEVELS = "州县市区旗盟"
DIRECT_BODY_WORDS = ("机关", "单位", "部门", "各")


def _direct_body_levels(text: str) -> Iterator[str]:
    """The level words of 州直机关, 县直单位 … (but not of a named place's: 自治区党委区直机关工委).
    A scan for 直, a rare character, not a pattern tried at every position."""
    at = text.find("直", 1)
    while at != -1:
        if text[at - 1] in DIRECT_LEVELS and text.startswith(DIRECT_BODY_WORDS, at + 1) \
                and (at < 2 or text[at - 2] not in "委府"):
            yield text[at - 1]
        at = text.find("直", at + 1)


CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n（）()]")
RANKING_REACH = 11          # 全省各区县（市）第一名: the ranking word within the clause after 全X
RANKED_PLACE_CHARS = 4      # 位于杭州全市前列: a place's name between the ranking verb and 全X
FIRST = "第一"              # 居全省第一, where it closes the clause (全市第一书记 is the city's own)


def _ranked_within(text: str, start: int, end: int) -> bool:
    """全X at text[start:end] is the wider place a ranking is made in (位居全省前列)."""
    before = text[max(0, start - RANKED_PLACE_CHARS - 2):start]
    if any(word in before for word in _ranking_words("ranking_before")):
        return True
    clause, *rest = CLAUSE_END.split(text[end:end + RANKING_REACH], maxsplit=1)
    return any(word in clause for word in _ranking_words("ranking_after")) or (clause.endswith(FIRST) and bool(rest))


@lru_cache(maxsize=None)
def _ranking_words(key: str) -> tuple[str, ...]:
    return tuple(word_list("region_cues.yaml", key))


def _anaphora_target(gaz: Gazetteer, text: str, resolved: list[Mention], self_level: str) -> int | None:
    """The place 该县/该区 points back to, in a text that never calls itself 我县/本县/全县: a writer
    from outside (a newspaper's feature) names a county and goes on with 该县. The nearest place of
    that level named before each 该X gets its vote; the one with most votes, if one has most."""
    if not self_level:
        return None
    references = [(match.start(), prefix) for match in cues().self_reference.finditer(text)
                  for prefix, level_word in [match.groups()] if level_word == self_level]
    if not references or any(prefix != ANAPHORIC_PREFIX for _, prefix in references):
        return None
    fitting = [m for m in resolved if not m.elsewhere and _fits_level(gaz.places[m.key], self_level)]
    votes: dict[int, int] = defaultdict(int)
    for start, _ in references:
        before = [m for m in fitting if m.end <= start]
        if before:
            votes[before[-1].key] += 1
    ranked = sorted(votes.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(votes, key=votes.get)


@lru_cache(maxsize=1)
def _weak_self_prefixes() -> frozenset[str]:
    return frozenset(word_list("region_cues.yaml", "self_reference_weak_prefixes"))


def _fits_level(place: Place, level_word: str) -> bool:
    levels, ending = SELF_LEVELS[level_word]
    if level_word == PROVINCE_WORD and place.name.endswith(CITY_WORD):
        return False        # 重庆市 says 我市, never 我省: 我省 beside it is another province
    return place.level in levels and (not ending or place.name.endswith(ending) or
                                      (ending == "州" and place.name.endswith("自治州")))


def _may_be_within(gaz: Gazetteer, key: int, level_word: str) -> bool:
    """Whether the place or one it lies in is of the level 我X names (本市 in a district of 天津市:
    a municipality is a 市 too)."""
    return any(_fits_level(gaz.places[k], level_word) or _municipality_of(gaz.places[k], level_word)
               for k in (key, *gaz.ancestors(key)))


def _municipality_of(place: Place, level_word: str) -> bool:
    """A municipality (天津市, 上海市) is a province that says 本市, a 市 too."""
    return level_word == CITY_WORD and place.level == "province" and place.name.endswith(CITY_WORD)


def _on_chain(gaz: Gazetteer, a: int, b: int) -> bool:
    return a == b or a in gaz.ancestors(b) or b in gaz.ancestors(a)


def _anchor(gaz: Gazetteer, ev: _Evidence, heaviest_province: int | None) -> tuple[int | None, tuple[str, ...]]:
    """The place the line cues point at (step 5): the one whose chain of places has the most cue
    strength, deepest first. Returns (key, candidates); key None with candidates when they split."""
    strong = [m for m in ev.mentions if m.cue and not m.elsewhere and _confirmed_cue(gaz, ev, m)]
    keys = {m.key for m in strong}
    support = {k: sum(CUE_STRENGTH[m.cue] for m in strong if m.key == k or m.key in gaz.ancestors(k)) for k in keys}
    ranked = sorted(keys, key=lambda k: (support[k], len(gaz.ancestors(k)), ev.total[k]), reverse=True)
    if not ranked:
        return None, ()
    best = ranked[0]
    rivals = [k for k in ranked[1:] if not _on_chain(gaz, best, k) and support[k] >= support[best]]
    if rivals and ev.total[rivals[0]] >= ev.total[best]:
        return None, tuple(gaz.places[k].name for k in (best, *rivals))
    # A publisher whose province the text names nowhere else, while it names another (a reprint
    # from 上海发布 of a report on 安吉县): not enough on its own.
    province = gaz.province_of(best).key
    # (The site's notices name it as often as they like: 凡注明来源为“海口网”…版权均属海口网所有.)
    def named_in(mentions: list[Mention]) -> int:
        return sum(1 for m in mentions if province in (m.key, *gaz.ancestors(m.key)))
    if (heaviest_province is not None and province != heaviest_province
            and support[best] < max(CUE_STRENGTH.values())
            and named_in([m for m in ev.mentions if not m.boilerplate]) <= named_in(strong)):
        return None, ()
    return best, ()


def _confirmed_cue(gaz: Gazetteer, ev: _Evidence, m: Mention) -> bool:
    """No bureau's or paper's name that the text never names again (新华网南京…电)."""
    return m.cue not in UNCONFIRMED_CUES or m.org_cue or _named_again(gaz, ev, m)


def _named_again(gaz: Gazetteer, ev: _Evidence, cued: Mention) -> bool:
    """The text names the place of a dateline, or a place in it, again, or speaks of itself at its
    level (我县; 全市 is as often a backdrop): a correspondent's bureau (新华网南京电 on a report by
    苏州市委组织部) is named only there."""
    return (any(m is not cued and (m.key == cued.key or cued.key in gaz.ancestors(m.key)) for m in ev.mentions)
            or (ev.says_we and _fits_level(gaz.places[cued.key], ev.self_level)))


def _heaviest_province(gaz: Gazetteer, ev: _Evidence) -> int | None:
    provinces = [k for k in ev.total if gaz.places[k].parent is None]
    return max(provinces, key=lambda k: ev.total[k]) if provinces else None


def _self_referenced(gaz: Gazetteer, ev: _Evidence, within: int | None) -> int | None:
    """The named place that 我县/本区 stand for: of that level, inside `within` (if given), the one
    in the title lines or else clearly the most named."""
    if not ev.self_level:
        return None
    if ev.anaphor is not None and (within is None or ev.anaphor == within or within in gaz.ancestors(ev.anaphor)):
        return ev.anaphor
    # 天水日报讯 … 来自我市: the publisher's city itself, when the text says 我市 (全市 is as often
    # the backdrop of a zone the city's paper reports on). But 全市 in a paper of a city (襄阳日报)
    # says no more for a county-level 市 in it (老河口市) than for the city itself.
    if within is not None and not ev.says_we and _fits_level(gaz.places[within], ev.self_level):
        return None
    fits = [k for k in ev.own if (_fits_level(gaz.places[k], ev.self_level) or _our_autonomous_region(gaz, ev, k))
            and (within is None or (k == within and ev.says_we) or within in gaz.ancestors(k))
            and not _is_aided(gaz, ev, k) and not _only_listed_away(gaz, ev, k)]
    if not fits:
        return None
    fitting = set(fits)
    headed = [m for m in ev.mentions if m.header and not m.elsewhere and m.key in fitting and _confirmed_cue(gaz, ev, m)]
    if ev.self_level == PROVINCE_WORD and ev.says_we <= 1 and any(
            (k in ev.titled or k in ev.opening) and ev.count.get(k, 0) >= 2
            and any(f in gaz.ancestors(k) and ev.total[k] > ev.own[f] for f in fitting) for k in ev.own):
        return None     # 赣江新区2022年党务工作会议召开。… 是我省…之年: the place the report opens with, named more, reports
    if headed:
        # The nearest: the first named in the title lines, or the narrower one named right after it
        # (泉州市晋江市).
        first = headed[0]
        after = next((m for m in headed[1:] if m.start == first.end and first.key in gaz.ancestors(m.key)), None)
        return (after or first).key
    ranked = sorted(fits, key=lambda k: ev.total[k], reverse=True)
    if len(ranked) == 1 or ev.total[ranked[0]] >= 1.5 * ev.total[ranked[1]]:
        return ranked[0]
    return None


def _our_autonomous_region(gaz: Gazetteer, ev: _Evidence, key: int) -> bool:
    """我区 in 宁夏回族自治区's own report; but 全区 alone is as often a district's."""
    place = gaz.places[key]
    return (ev.self_level == DISTRICT_WORD and ev.says_we > 0 and place.level == "province"
            and place.name.endswith(AUTONOMOUS_REGION))


DISTRICT_WORD, AUTONOMOUS_REGION = "区", "自治区"


def _descend(gaz: Gazetteer, ev: _Evidence, node: int | None = None) -> int | None:
    """From `node` (or the heaviest province) down, while one child clearly outweighs its siblings."""
    total, own, count, cued = ev.total, ev.own, ev.count, ev.cued
    children = defaultdict(list)
    for k in total:
        children[gaz.places[k].parent].append(k)
    start = node
    while children[node]:
        ranked = sorted(children[node], key=lambda k: total[k], reverse=True)
        best = ranked[0]
        if node is None and len(ranked) > 1 and (total[ranked[1]] >= total[best]
                                                 or total[best] < PROVINCE_SHARE * sum(total[k] for k in ranked)):
            return None         # two provinces tie, or a round-up of many places: no guess
        siblings = sum(total[k] for k in ranked)
        if node is not None and (total[best] < DOMINANCE * siblings
                                 or total[best] < _parent_share(gaz, ev, node, best) * own[node]
                                 or (count[best] < 2 and best not in cued)
                                 or (gaz.places[node].level != "province" and _introduces(gaz, ev, node, best))
                                 or (gaz.places[node].level == "city" and len(ranked) > 1
                                     and own[node] > total[best] and total[ranked[1]] >= SECOND_EXAMPLE * total[best])):
            # a city the title or the first sentence names keeps the report its county only illustrates;
            # so does a city named more than any of the counties it takes its examples from
            break
        node = best
    return node if node is not None else start


def _parent_share(gaz: Gazetteer, ev: _Evidence, node: int, child: int) -> float:
    """The share of its parent's own weight a child needs to take the report: more under a province,
    whose own reports name their counties and cities as examples (宁夏回族自治区各级组织部门… 兴庆区
    …项目), except for a 兵团 division, named among the places of the province it lies in."""
    if gaz.places[node].level != "province" or any(
            gaz.places[m.key].level == "corps_division" and (m.key == child or child in gaz.ancestors(m.key))
            for m in ev.mentions):
        return PARENT_SHARE
    return PROVINCE_PARENT_SHARE


def _title_span(text: str, title: str) -> tuple[int, int] | None:
    """Where the title stands in the text, if it does."""
    start = text.find(title) if title else -1
    return None if start == -1 else (start, start + len(title))


def _places_in_title(text: str, resolved: list[Mention], title: str) -> frozenset[int]:
    """The places named in the title line; none when the text has no title line of its own
    (a first sentence is no title)."""
    span = _title_span(text, title)
    if span is None:
        return frozenset()
    start, end = span
    if text.find("\n", end) == -1 or text[end:text.find("\n", end)].strip(TITLE_TAIL_MARKS):
        return frozenset()
    return frozenset(m.key for m in resolved if start <= m.start < end and not m.elsewhere)


def _places_in_opening(text: str, resolved: list[Mention], zones: Zones) -> frozenset[int]:
    """The places named in the text's first sentence that names any, when it begins in the head."""
    first = next((m for m in resolved if not m.elsewhere), None)
    if first is None or first.start >= zones.byline_head:
        return frozenset()
    end = SENTENCE_END.search(text, first.end)
    end = len(text) if end is None else end.start()
    return frozenset(m.key for m in resolved if first.start <= m.start < end and not m.elsewhere)


def _introduces(gaz: Gazetteer, ev: _Evidence, node: int, child: int) -> bool:
    """The title (or, unless the child outweighs it clearly, the first sentence) names `node` and
    neither names `child` nor a place in it."""
    def within(keys: frozenset[int]) -> bool:
        return any(k == child or child in gaz.ancestors(k) for k in keys)
    if node in ev.titled and not within(ev.titled):
        # 福建泉州有一场表彰仪式 … 中共鲤城区委组织部启动…: an outsider's title names the city, the
        # district's own body acts and outweighs it clearly
        return not (child in ev.cued and ev.total[child] >= OPENING_MARGIN * ev.own[node])
    return node in ev.opening and not within(ev.opening) and ev.total[child] < OPENING_MARGIN * ev.own[node]


def _is_aided(gaz: Gazetteer, ev: _Evidence, key: int) -> bool:
    return bool(ev.aided) and (key in ev.aided or not ev.aided.isdisjoint(gaz.ancestors(key)))


def _aided_provinces(gaz: Gazetteer, text: str) -> frozenset[int]:
    """The provinces an aid story's words name as aided (援疆, 援藏): 我省 there is the sender,
    never the aided province."""
    return frozenset(key for word, province in aid_words().items() if word in text
                     for key in gaz.by_name.get(province, ()))


@lru_cache(maxsize=1)
def aid_words() -> dict[str, str]:
    entries = load_yaml("region_cues.yaml").get("aid_words", {})
    if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
        raise ResourceError(f"{resource_path('region_cues.yaml')}: aid_words must map a word to a province")
    return dict(entries)


def _mentions_within(gaz: Gazetteer, ev: _Evidence, key: int) -> list[Mention]:
    """The mentions of the place and of the places in it."""
    return [m for m in ev.mentions if m.key == key or key in gaz.ancestors(m.key)]


def _only_elsewhere(gaz: Gazetteer, ev: _Evidence, key: int) -> bool:
    """Every mention of the place and the places in it names a destination (派驻X县…, 赴X县…)."""
    within = _mentions_within(gaz, ev, key)
    return bool(within) and all(m.elsewhere for m in within)


def _only_listed_away(gaz: Gazetteer, ev: _Evidence, key: int) -> bool:
    """Every mention of the place and the places in it follows another destination in its run
    (赴浙江省杭州市临安区、湖州市安吉县…等地学习): 我县 never stands for such a place. (A lone
    destination may be the writer's own: 刚到连云港工作 in a text that says 我市.)"""
    within = _mentions_within(gaz, ev, key)
    return bool(within) and all(m.listed_away for m in within)


def _deciding_mention(ev: _Evidence, key: int) -> Mention:
    """The mention that shows best why `key` was chosen: its strongest line cue, else its first
    mention in the title lines or with its own body (蓬江区委), else its first."""
    gaz = gazetteer()
    own = ([m for m in ev.mentions if m.key == key and not m.elsewhere] or [m for m in ev.mentions if m.key == key]
           or [m for m in ev.mentions if key in gaz.ancestors(m.key)])
    cued = [m for m in own if m.cue]
    if cued:
        return max(cued, key=lambda m: CUE_STRENGTH[m.cue])
    return next((m for m in own if m.header or m.org_cue), own[0])


def _choose(gaz: Gazetteer, ev: _Evidence) -> tuple[int | None, str, tuple[str, ...]]:
    """(chosen place, how it was chosen, candidates when none was) — steps 5 and 6."""
    anchor, split = _anchor(gaz, ev, _heaviest_province(gaz, ev))
    if split:
        return None, "", split
    if anchor is not None:
        cue = _deciding_mention(ev, anchor).cue
        # A publisher (江门日报, 来源：吉林发布) may be its district's or county's: look further down.
        # An author, a dateline or a title prefix names the locality itself; a 该区 in its text is
        # a place it reports on.
        if cue in PUBLISHER_CUES:
            referenced = _self_referenced(gaz, ev, anchor)
            if referenced is not None:
                return referenced, (cue if referenced == anchor else "self_reference"), ()
            if ev.self_level == PROVINCE_WORD and gaz.places[anchor].level == "province":
                # 信息来源：安徽日报 … 全省村级党组织换届…: a province's paper on its 全省 work; the
                # counties it names are examples
                return anchor, cue, ()
            chosen = _descend(gaz, ev, anchor)
            return chosen, (cue if chosen == anchor else "most_named"), ()
        return anchor, cue, ()
    referenced = _self_referenced(gaz, ev, None)
    if referenced is not None:
        return referenced, "self_reference", ()
    chosen = _descend(gaz, ev)
    if chosen is None or ev.total[chosen] < MIN_SUPPORT or _only_elsewhere(gaz, ev, chosen) \
            or (ev.self_level == PROVINCE_WORD and _is_aided(gaz, ev, chosen)) \
            or (ev.says_we >= MIN_WE and not _may_be_within(gaz, chosen, ev.self_level)) \
            or (ev.self_level and ev.total[chosen] <= MIN_SUPPORT and not _fits_level(gaz.places[chosen], ev.self_level)
                and not _municipality_of(gaz.places[chosen], ev.self_level)):
        # 我省援疆干部…新疆: the sender is unnamed; 我镇 in a text that names only its city, 我市 in
        # one that names only the county it aids, 全区…我区 in one that names 天津市 once: the writer
        # is a place the text leaves unnamed
        top = sorted(ev.own, key=ev.own.get, reverse=True)[:3]
        return None, "", tuple(gaz.places[k].name for k in top)
    return chosen, "most_named", ()


def resolved_mentions(text: str, self_level: str | None = None, zones: Zones | None = None) -> list[Mention]:
    """The place names of `text` that survive judging, each resolved to one place (for debugging)."""
    gaz = gazetteer()
    if self_level is None:
        self_level = self_reference_level(text)
    return _resolve_all(gaz, _drop_words(text, find_mentions(text, zones)), text, self_level)


def choose_region(text: str, title: str | None = None) -> RegionChoice:
    """The locality that reports and the mention that decided it.

    >>> choice = choose_region("中共安吉县委组织部\\n我县召开组织工作会议，赴上海市学习。")
    >>> choice.region.name, choice.cue, choice.start, choice.end
    ('安吉县', 'author', 2, 5)
    """
    gaz = gazetteer()
    self_level, says_we = self_reference(text)
    zones = Zones.of(text)
    found = _drop_words(text, find_mentions(text, zones))
    readable = frozenset(key for mention in found for key, _ in mention.readings)
    resolved = _resolve_all(gaz, found, text, self_level)
    title = document_title(text) if title is None else title
    _send_away_title_destinations(gaz, text, resolved, title)
    own, total, count, cued = _subtree_weights(gaz, resolved)
    ev = _Evidence(resolved, own, total, count, cued, self_level, _anaphora_target(gaz, text, resolved, self_level),
                   _places_in_title(text, resolved, title),
                   _places_in_opening(text, resolved, zones),
                   _aided_provinces(gaz, text), says_we)
    chosen, cue, candidates = _choose(gaz, ev)
    # A township with a line cue of its own (发布机构：乌盖苏木) reports, even in a text that says 我旗.
    township = find_township(gaz, text, chosen, ev.self_level, zones, readable)
    if township is not None and township.cue in PUBLISHER_CUES and chosen is not None and chosen in ev.titled \
            and ev.says_we and _fits_level(gaz.places[chosen], ev.self_level):
        township = None     # 甘州区村级干部管理办法 … 结合我区实际, posted by 大满镇: the district's own rules
    if township is None and cue in ("most_named", "") and ev.self_level and (
            chosen is None or not _fits_level(gaz.places[chosen], ev.self_level)):
        county = county_of_its_townships(gaz, text, ev.self_level)
        if county is not None:
            return county
        city = city_of_its_counties(gaz, ev)
        if city is not None:
            return city
    opening_end = _first_sentence_end(text)
    host = host_of_a_wider_meeting(gaz, text, ev, opening_end)
    if host is not None:
        return host
    if township is None and (cue == "most_named" or cue in PUBLISHER_CUES or chosen is None):
        # 海南省万宁市委书记…来到龙滚镇福塘村: the county's own body opens the report, whatever it visits
        if not any(m.key == chosen and m.org_cue and m.start < opening_end
                   and not TOWNSHIP_BODY_AFTER.match(text, m.end) and not _only_its_body_on_line(text, m.end)
                   for m in ev.mentions):
            township = most_named_township(gaz, text, chosen, ev.count.get(chosen, 0) if chosen is not None else 0,
                                           readable, opening_end)
    if township is None and cue in ("most_named", ""):
        township = township_closing_a_chain(gaz, text, ev, opening_end)
    if township is None and cue in ("most_named", "", *PUBLISHER_CUES):
        township = unlisted_township_after_its_county(gaz, text, ev, chosen, _second_sentence_end(text, opening_end))
    if township is None and cue == "most_named":
        township = unlisted_township_most_named(gaz, text, chosen, ev.count.get(chosen, 0), title)
    if township is None and chosen is None and len(ev.own) == 1:
        # 长营子镇 ×6 in a text that names only 辽宁, once and in short: the township, in that province
        only = next(iter(ev.own))
        if gaz.places[only].level == "province":
            township = unlisted_township_most_named(gaz, text, only, ev.count.get(only, 0))
    if township is not None:
        return township
    if cue not in ("author", "dateline", "title"):
        zone = zone_in_title(gaz, text, chosen, zones) or zone_by_its_word_in_title(gaz, text, title, ev.mentions)
        if zone is not None:
            return zone
    zone = zone_by_its_body(gaz, text, chosen, zones)
    # A line cue or 我县 named the locality already; but 全省/我省 is as often the backdrop of a zone.
    province_by_itself = chosen is not None and cue == "self_reference" and gaz.places[chosen].level == "province"
    if zone is None and (cue in ("most_named", "") or province_by_itself):
        zone = zone_most_named(gaz, text, chosen, ev.count.get(chosen, 0), province_by_itself)
    if zone is not None:
        return zone
    if chosen is not None and cue not in ("most_named", ""):
        zone = zone_holding_decider(gaz, text, chosen, _deciding_mention(ev, chosen))
        if zone is None and cue == "dateline":
            zone = zone_of_the_dateline_city(gaz, text, chosen, ev)
        if zone is not None:
            return zone
    if chosen is not None and cue in PUBLISHER_CUES:
        # 2018年雨湖工业集中区亮点工作… 来源：红网湘潭站: a medium's city gives way to the zone its title names
        zone = zone_most_named(gaz, text, chosen, ev.count.get(chosen, 0))
        span = _title_span(text, title)
        if zone is not None and span is not None and span[0] <= zone.start < span[1]:
            return zone
    # 全市…现场会议在高新区召开 … 高新区组织部: 全市 (never 我市) is as often the backdrop of the city's zone
    if chosen is not None and (cue in PUBLISHER_CUES or cue == "most_named"
                               or (cue == "self_reference" and not ev.says_we)):
        zone = city_zone_by_its_word(gaz, text, chosen, ev)
        if zone is not None:
            return zone
    if chosen is None or cue == "most_named":
        zone = listed_zone_by_its_word(gaz, text, chosen, ev)
        if zone is not None:
            return zone
    if chosen is None and ev.self_level == DISTRICT_WORD:
        # 来我区调研 … 经开区 ×7 … 聊城市人才政策: 我区 is the zone its city's word names
        cities = {k for k in ev.own if gaz.places[k].level == "city"}
        zone = city_zone_by_its_word(gaz, text, cities.pop(), ev) if len(cities) == 1 else None
        if zone is not None:
            return zone
    if chosen is None:
        unplaced = unplaced_full_name(gaz, found, resolved)
        if unplaced is not None:
            return unplaced
        head = (0, zones.byline_head)
        shared = dict.fromkeys(name for _, _, name in _townships_named(gaz, text, (head,))
                               if len(gaz.township_counties[name]) > 1)
        candidates += tuple(f"{name} ({len(gaz.township_counties[name])} 个县区 counties)" for name in shared)
        return RegionChoice(UNRECOGNISED, candidates=candidates)
    decider = _deciding_mention(ev, chosen)
    return RegionChoice(gaz.places[chosen].region, decider.start, decider.end, cue, ())


def unplaced_full_name(gaz: Gazetteer, found: list[Mention], resolved: list[Mention]) -> RegionChoice | None:
    """长安区召开…党务工作会议 (西安 or 石家庄, the text does not say): a full name that several
    places of one level share, named in the title or a line cue or at least twice, and no other
    place: the locality by its name, left unplaced, its candidates named — as an unplaced township."""
    settled = {id(m) for m in resolved}
    named: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        places = [gaz.places[k] for k, s in m.readings]
        if id(m) in settled or len(places) < 2 or m.elsewhere or any(s != FULL for _, s in m.readings) \
                or len({(p.name, p.level) for p in places}) != 1 or places[0].name != m.text:
            continue
        named[m.text].append(m)
    if len(named) != 1 or resolved:
        return None
    name, mentions = named.popitem()
    if len(mentions) < 2 and not any(m.header or m.cue for m in mentions):
        return None
    first = mentions[0]
    places = [gaz.places[k] for k, _ in first.readings]
    return RegionChoice(Region(name, level=places[0].level), first.start, first.end, first.cue or "most_named",
                        tuple(f"{p.region.province}{p.region.city}{p.name}" for p in places))


def detect_region(text: str) -> Region:
    """The locality that reports, or UNRECOGNISED when the text does not name it.

    >>> detect_region("中共江门市蓬江区委组织部：蓬江区召开组织工作会议。").name
    '蓬江区'
    >>> detect_region("我县召开组织工作会议。").name
    '未识别'
    """
    return choose_region(text).region


# --- Townships ------------------------------------------------------------------------------


def _counties_within(gaz: Gazetteer, key: int) -> list[int]:
    """The places whose townships may be the locality when `key` was chosen: itself if it has
    townships, and for a city its counties and districts; so too for a province, where they lie
    right below it (重庆市丰都县, 湖北省仙桃市)."""
    place = gaz.places[key]
    if place.level in ("city", "province") and place.key not in gaz.townships:
        return _township_holders_by_city().get(key, [])
    return [key] if key in gaz.townships else []


@lru_cache(maxsize=1)
def _township_holders_by_city() -> dict[int, list[int]]:
    gaz = gazetteer()
    by_city = defaultdict(list)
    for county in gaz.townships:
        by_city[gaz.places[county].parent].append(county)
    return dict(by_city)


def find_township(gaz: Gazetteer, text: str, chosen: int | None, self_level: str,
                  zones: Zones | None = None, readable: frozenset[int] = frozenset()) -> RegionChoice | None:
    """A township reports (step 7) when one of the chosen county's townships has a line cue of its
    own (棠下镇党委 on the author line, "棠下镇：…" as title), or the text calls itself 我镇/本街道 and
    names one of them in its title lines. Without a chosen county, only a township whose name no
    other county shares, or that one of the places the text names (even ambiguously: 普陀区) holds,
    and only with such a cue; a name several counties share with nothing to tell them apart is the
    township without its county, city and province (the candidates go to the warning)."""
    zones = zones or Zones.of(text)
    header_end, byline_head, byline_tail = zones.header_end, zones.byline_head, zones.byline_tail
    named = _townships_named(gaz, text, ((0, byline_head), (max(byline_head, byline_tail), len(text))))
    if not named:
        return None
    holders = set(_counties_within(gaz, chosen)) if chosen is not None else None
    township_self = bool(self_level) and SELF_LEVELS[self_level][0] == ("township",)
    best: tuple | None = None
    for start, end, name in named:
        counties = _counties_of_township(gaz, name, holders, readable)
        if not counties:
            continue          # not in the chosen place
        line_start = text.rfind("\n", 0, start) + 1
        starts_line = _bare_line_start(text[line_start:start]) or _only_names(text[line_start:start])
        cue = line_cue(text, start, end, starts_line, start < byline_head, start < header_end)
        if not cue and township_self and start < header_end:
            cue = "self_reference"
        if not cue and starts_line and start < byline_head and text.startswith(_subject_followers(), end) \
                and not _post_after_body(text, end):
            cue = "subject"     # 新泰市西张庄镇党委深入贯彻…, 茶园乡地处…: its body or its profile opens the report
        if not cue and start < byline_head and text[line_start:start].strip() \
                and STORY_OPENING.fullmatch(text, line_start, start):
            cue = "subject"     # 本报曲阜讯（通讯员…） 吴村镇围绕…: the township the story opens with
        rank = (CUE_STRENGTH.get(cue, 1.0), len(counties) == 1)     # a placed township before an unplaced one
        if cue and (best is None or rank > best[0]):
            best = (rank, counties, name, start, end, cue)
    if best is None:
        return None
    _, counties, name, start, end, cue = best
    return _township_choice(gaz, counties, name, start, end, cue)


@lru_cache(maxsize=1)
def _subject_followers() -> tuple[str, ...]:
    return cues().org_suffixes + tuple(word_list("region_cues.yaml", "profile_openers"))


POST_AFTER_BODY = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:党委|党工委|政府|人大|办事处)(?:副?书记|副?主任|委员|镇长|乡长|主席)")


def _post_after_body(text: str, end: int) -> bool:
    """乌兰木伦镇党委书记高中昌介绍说: the township's body names a speaker's post, not the body acting."""
    return POST_AFTER_BODY.match(text, end) is not None


def _only_its_body_on_line(text: str, end: int) -> bool:
    """昆都仑区人民政府 alone on its line: a site's name over the page, not the county's body acting."""
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end == -1 else line_end].strip()
    return rest in cues().org_suffixes


# After a county's name: its committee's body in a township (昌平区委回龙观街道工委), which is the township's.
TOWNSHIP_BODY_AFTER = re.compile(r"[\u4e00-\u9fff]?委?[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道|苏木)(?:党委|党工委|工委)")


# What may stand before the first word of a story: a dateline and its reporters (本报曲阜讯(通讯员张亚南) ,
# 据新华社北京电), then when (2月5日下午，近日，): 本报曲阜讯 吴村镇围绕…, 2月5日下午，万年埠街道召开…
STORY_OPENING = re.compile(r"\s*(?:(?:本报|据)?[\u4e00-\u9fff]{1,8}(?:讯|电)\s*(?:[（(][^（）()\n]{0,24}[）)])?[\s　]*)?"
                              r"(?:(?:\d{1,2}月(?:\d{1,2}日)?|近日|日前|近期|近年来|今年以来|去年以来)[上中下午晚]*[，,]?\s*)?")


def _counties_of_township(gaz: Gazetteer, name: str, holders: set[int] | None,
                          readable: frozenset[int]) -> list[int]:
    """The counties the township `name` may lie in: within the chosen place (`holders`), or else
    those that a place the text names holds, or else all that have one of that name."""
    counties = gaz.township_counties[name]
    if holders is not None:
        return [c for c in counties if c in holders]
    hinted = [c for c in counties if c in readable or gaz.places[c].parent in readable]
    if hinted or len(counties) == 1:
        return hinted or list(counties)
    # Unplaced, a name must say more than its ending: 新镇 and 口镇 are words too.
    stem = len(name) - len(_TOWNSHIP_END.search(name).group())
    return list(counties) if stem >= MIN_UNPLACED_STEM else []


def _township_choice(gaz: Gazetteer, counties: list[int], name: str, start: int, end: int,
                     cue: str) -> RegionChoice:
    if len(counties) == 1:
        return RegionChoice(gaz.township(counties[0], name), start, end, cue)
    candidates = tuple(gaz.township(c, name) for c in counties)
    return RegionChoice(Region(name, level="township"), start, end, cue,
                        tuple(f"{r.province}{r.city}{r.county}{r.name}" for r in candidates))


# --- Zones the gazetteer does not list -------------------------------------------------------

# Characters that end a place name: a zone's own name starts after the last of them (深圳市大鹏新区).
_PLACE_ENDS = "省市县区州盟旗镇乡"


@lru_cache(maxsize=1)
def _zone_by_body_pattern() -> re.Pattern:
    zone_words, bodies = _zone_words()
    return re.compile(rf"(?P<prefix>[\u4e00-\u9fff]{{2,6}}?)(?:{'|'.join(zone_words)})(?=(?:{'|'.join(bodies)}))")


def zone_by_its_body(gaz: Gazetteer, text: str, chosen: int | None, zones: Zones) -> RegionChoice | None:
    """A development zone or new area of the chosen city that the title lines name with its own
    administration (大鹏新区组织人事局, X开发区党工委): the zone reports, not its city.

    The gazetteer knows zones named by their city (X经开区) and the listed ones; a functional zone
    with a name of its own is known only by how the report presents itself."""
    if chosen is None or gaz.places[chosen].level not in ("city", "district"):
        return None
    city = gaz.places[chosen] if gaz.places[chosen].level == "city" else gaz.places[gaz.places[chosen].parent]
    for match in _zone_by_body_pattern().finditer(text, 0, zones.header_end):
        prefix = match.group("prefix")
        cut = _after_place_ending(prefix)       # 深圳市大鹏新区 → 大鹏新区
        name, start = match.group()[cut:], match.start() + cut
        if len(prefix) - cut < 2 or name in gaz.by_name or name in gaz.names or not _plausible_zone_stem(prefix[cut:]) \
                or name in _zone_words()[0]:
            continue              # too short to be a zone's name (盟|经济技术开发区), or a place already weighed
        above = city.region
        region = Region(name, above.province, above.name, "development_zone", latitude=above.latitude,
                        longitude=above.longitude, coordinates_of=above.coordinates_of)
        return RegionChoice(region, start, start + len(name), "author")
    return None


def county_of_its_townships(gaz: Gazetteer, text: str, self_level: str) -> RegionChoice | None:
    """The county 我县 stands for when the text never names it but names its townships (在我县开班 …
    在高官镇党群服务中心): the one county, of the level 我县/我区 says, that the townships named
    belong to, each township name belonging to that county alone. The deciding mention is the
    first such township."""
    votes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for start, end, name in _townships_named(gaz, text, ((0, len(text)),)):
        counties = gaz.township_counties[name]
        if len(counties) == 1 and _fits_level(gaz.places[counties[0]], self_level):
            votes[counties[0]].append((start, end))
    if len(votes) != 1:
        return None       # none, or townships of several counties: no guess
    (county, spans), = votes.items()
    return RegionChoice(gaz.places[county].region, spans[0][0], spans[0][1], "self_reference")


CITY_WORD = "市"


def city_of_its_counties(gaz: Gazetteer, ev: _Evidence) -> RegionChoice | None:
    """The city 我市 stands for when the text never names it but names two or more of its counties
    and no place outside it (我市…宝丰县赵庄镇…鲁山县电子商务协会). The deciding mention is the
    first county's."""
    if ev.self_level != CITY_WORD or not ev.says_we:
        return None
    named = [m for m in ev.mentions if not m.elsewhere]
    cities = {_city_of(gaz, m.key) for m in named}
    if len(cities) != 1 or None in cities:
        return None
    city, = cities
    counties = {m.key for m in named if m.key != city and gaz.places[m.key].level in ("county", "district")}
    if len(counties) < 2 or any(m.key == city for m in named) or gaz.places[city].level != "city":
        return None
    first = min((m for m in named if m.key in counties), key=lambda m: m.start)
    return RegionChoice(gaz.places[city].region, first.start, first.end, "self_reference")


def _city_of(gaz: Gazetteer, key: int) -> int | None:
    return next((k for k in (key, *gaz.ancestors(key)) if gaz.places[k].level == "city"), None)


@lru_cache(maxsize=1)
def _zone_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(zone words, longest first; the bodies that may follow them). Every zone word ends in 区
    (tests/extract/attribute/test_region_evidence.py checks), so a scan for 区 finds them all."""
    zone_words = tuple(sorted(word_list("region_cues.yaml", "zone_words"), key=len, reverse=True))
    return zone_words, tuple(sorted(word_list("region_cues.yaml", "zone_bodies"), key=len, reverse=True))


def _zones_named(text: str) -> Iterator[tuple[int, str, bool]]:
    """(start, name, followed by its body) of every X新区/X开发区/… with a prefix of 2 to 6
    Chinese characters, cut after the last place ending (盐城市建湖经济开发区 → 建湖经济开发区)."""
    zone_words, bodies = _zone_words()
    at = text.find("区")
    while at != -1:
        end = at + 1
        word = next((w for w in zone_words if text.endswith(w, 0, end)), "")
        if word:
            word_start = end - len(word)
            prefix_start = word_start
            while prefix_start > max(0, word_start - 6) and _is_ideograph(text[prefix_start - 1]):
                prefix_start -= 1
            prefix = text[prefix_start:word_start]
            cut = _after_place_ending(prefix)
            cut += _leading_province(prefix[cut:])        # 山东聊城鲁西经济开发区 → 聊城鲁西经济开发区
            while len(prefix) - cut >= 2 and not _plausible_zone_stem(prefix[cut:]):
                cut += 1        # 常务副区长沈昱就余杭经济开发区: the longest tail that can be a name
            if len(prefix) - cut >= 2:
                yield prefix_start + cut, text[prefix_start + cut:end], text.startswith(bodies, end)
        at = text.find("区", end)


def _after_place_ending(prefix: str) -> int:
    """Where a zone's own name starts in the characters before its zone word: after the last
    place ending (盐城市|建湖) that leaves it two characters; 泉州 and 苏州 end in 州 themselves."""
    for at in sorted((i for i, character in enumerate(prefix) if character in _PLACE_ENDS), reverse=True):
        if len(prefix) - (at + 1) >= 2:
            return at + 1
    return 0


def _leading_province(prefix: str) -> int:
    """The length of a province's name (山东, 山东省) opening `prefix` with more after it, else 0."""
    gaz = gazetteer()
    for length in (3, 2):
        name = prefix[:length]
        if len(prefix) - length >= 2 and any(
                gaz.places[key].level == "province" for key in gaz.names.get(name, {})):
            return length
    return 0


def _plausible_zone_stem(stem: str) -> bool:
    """A zone's own name holds no verb and no particle (部组织召开了开发区 is a sentence) and is no
    rank (国家级高新区, 区级高新区)."""
    if stem.endswith(RANK_ENDING) or stem.endswith(PARTY_NAMES):
        return False                # 国家级高新区; 中共经开区党工委 names no zone
    if AREA in stem:
        return False                # 自贸区保税区 (and 贸区保税区): two kinds of zone named together, neither's name
    if VISITING_PARTY in stem or any(len(word) > 1 and word in stem for word in cues().elsewhere_prefixes):
        return False                # 广宁一行前往合作区: a sentence about going to a zone
    if stem in gazetteer().names:
        return True                 # 咸安 (咸安区): a place's name, whatever its characters' parts of speech
    words = lexicon()
    return not any(words.word_class(token) == "act" or (len(token) == 1 and words.word_class(token) == "function")
                   for token in words.cut(stem))


VISITING_PARTY = "一行"       # 考察团一行, 广宁一行: the people travelling
AREA = "区"


ZONE_MIN_MENTIONS = 2
PARTY_NAMES = ("中共", "中国共产党", "共产党")


def zone_in_title(gaz: Gazetteer, text: str, chosen: int | None, zones: Zones) -> RegionChoice | None:
    """A zone the gazetteer does not list that opens a title line before its colon
    (蜀山经济技术开发区：“三强联动”…): a title prefix, which outweighs a source or a medium."""
    for start, name, _ in _zones_named(text[:zones.header_end]):
        end = start + len(name)
        line_start = text.rfind("\n", 0, start) + 1
        if name in gaz.by_name or name in gaz.names or not _bare_line_start(text[line_start:start]) \
                or not text.startswith(cues().title_separators, end):
            continue
        return RegionChoice(_zone_region(gaz, official_zone_name(text, name), chosen), start, end, "title")
    return None


def zone_by_its_word_in_title(gaz: Gazetteer, text: str, title: str, mentions: list[Mention]) -> RegionChoice | None:
    """A title that names a zone by its word alone (省领导调研新区国有企业党建工作), in a text that
    names one listed zone of that word (兰州新区): that zone's report, whoever visits it."""
    span = _title_span(text, title)
    if span is None:
        return None
    in_title = [m for m in mentions if span[0] <= m.start < span[1]]
    word = next((w for w in _zone_words()[0] if w in title), "")
    if not word:
        return None
    at = title.find(word)
    if any(m.start <= span[0] + at <= m.end for m in in_title) or _zone_prefix_before(title, at):
        return None         # 西安高新区, 某某新区 in the title: a name, weighed already
    zones = {m.key for m in mentions if gaz.places[m.key].level == "development_zone"
             and gaz.places[m.key].name.endswith(word)}
    if len(zones) != 1:
        return None
    key = zones.pop()
    first = next(m for m in mentions if m.key == key)
    return RegionChoice(gaz.places[key].region, first.start, first.end, "title")


def _zone_prefix_before(title: str, at: int) -> bool:
    """A name stands right before the zone word (蜀山经开区): not the word alone. Only an act or
    a mark before it leaves it bare (调研新区, 走进开发区, “新区”)."""
    before = title[max(0, at - 2):at]
    return bool(before) and not before.endswith(BARE_ZONE_LEADS) and _is_ideograph(before[-1])


BARE_ZONE_LEADS = ("调研", "走进", "来到", "前往", "深入", "视察", "考察", "在", "到", "赴", "全", "“", "《", "：", ":")


def zone_most_named(gaz: Gazetteer, text: str, chosen: int | None, chosen_mentions: int,
                    outnumber_province: bool = False) -> RegionChoice | None:
    """A zone the gazetteer does not list that the text names at least twice, or once with its
    own administration (西渡高新区工委), never as a destination, and at least as often as the
    place chosen otherwise: 建湖经济开发区 ×3 is not 建湖县, whose name it holds."""
    if chosen is not None and gaz.places[chosen].level not in ("province", "city", "district", "county"):
        return None
    found: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for start, name, with_body in _zones_named(text):
        if name in gaz.by_name or name in gaz.names:
            continue          # a place the index already weighed
        if text[max(0, start - ELSEWHERE_REACH):start].endswith(cues().elsewhere_prefixes):
            continue
        found[name].append((start, with_body))
    if not found:
        return None
    found = _short_names_joined(gaz, found)
    for name, spans in found.items():
        # 宁波南部商务区（以下简称南商）…南商结合…: the short name the text declares names it too
        at = text.find(name, spans[0][0])
        declared = ABBREVIATION.match(text, at + len(name)) if at != -1 else None
        if declared:
            alias = declared.group("alias")
            spans += [(start, False) for start in _occurrences(text, alias) if start > declared.end()]
    name, spans = max(found.items(), key=lambda item: (len(item[1]), any(body for _, body in item[1])))
    if len(spans) < ZONE_MIN_MENTIONS and not any(body for _, body in spans) \
            and _bare_zone_mentions(text, name) < ZONE_MIN_MENTIONS:
        return None
    if chosen is not None and (gaz.places[chosen].level != "province" or outnumber_province) \
            and len(spans) < chosen_mentions:
        return None
    first = text.find(name, spans[0][0])      # its first mention by that very name
    first = spans[0][0] if first == -1 else first
    return RegionChoice(_zone_region(gaz, official_zone_name(text, name), chosen), first, first + len(name),
                        "most_named")


ABBREVIATION = re.compile(r"[（(](?:以下)?简称[“\"]?(?P<alias>[\u4e00-\u9fff]{2,6})[”\"]?[)）]")


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


def city_zone_by_its_word(gaz: Gazetteer, text: str, chosen: int, ev: _Evidence) -> RegionChoice | None:
    """经开区创新…经开区建立…, published by 张家口新闻网: a report on its zone that names it by its
    zone word alone, more often than it names the city, is the city's zone of that word."""
    place = gaz.places[chosen]
    if place.level != "city" and not (place.level == "county" and place.name.endswith("市")):
        return None
    # The city on its paper's lines (本网(张家口新闻网)稿件…“张家口日报”) is no mention of its own work.
    own = [m for m in ev.mentions if m.key == chosen]
    publishing_lines = {text.rfind("\n", 0, m.start) for m in own if m.cue}
    chosen_mentions = sum(1 for m in own if text.rfind("\n", 0, m.start) not in publishing_lines)
    for word in CITY_ZONE_WORDS:
        if _bare_zone_mentions(text, word) < max(ZONE_MIN_MENTIONS, chosen_mentions + 1):
            continue
        stems = {place.short if len(place.short) >= 2 else place.name, place.name}
        keys = {key for stem in stems for key in gaz.names.get(stem + word, {})}
        if len(keys) == 1:
            start = text.find(word)
            return RegionChoice(gaz.places[keys.pop()].region, start, start + len(word), "most_named")
    return None


def listed_zone_by_its_word(gaz: Gazetteer, text: str, chosen: int | None, ev: _Evidence) -> RegionChoice | None:
    """杭州经济技术开发区管委会副主任… 近年来，开发区多举措…: a listed zone, named in full, that the
    report then calls by its zone word alone, as a subject, speaks of its own work (as 我区 would),
    over the places its cadres went to. Where a place was chosen by its name alone, the zone must lie
    within it."""
    picked = []
    for key in ev.own:
        place = gaz.places[key]
        if place.level != "development_zone" or (chosen is not None and chosen not in gaz.ancestors(key)) \
                or _only_elsewhere(gaz, ev, key):
            continue        # 来自贵州凯里经开区的挂职干部: a zone its cadres come from
        words = [word for word, officials in OFFICIAL_ZONE_WORDS.items()
                 if place.name.endswith((word,) + officials)]
        if words and max(_bare_zone_mentions(text, word) for word in words) >= ZONE_MIN_MENTIONS:
            picked.append(key)
    if len(picked) != 1:
        return None
    decider = _deciding_mention(ev, picked[0])
    return RegionChoice(gaz.places[picked[0]].region, decider.start, decider.end, "self_reference")


CITY_ZONE_WORDS = ("经开区", "高新区", "开发区")


def zone_of_the_dateline_city(gaz: Gazetteer, text: str, chosen: int, ev: _Evidence) -> RegionChoice | None:
    """本报大连讯 … 大连长兴岛经济技术开发区坚持…: a paper's bureau in a city reports on a zone of
    that city that the gazetteer does not list, named by the city's name and more often than the
    city is named anywhere else (its dateline aside)."""
    place = gaz.places[chosen]
    if place.level != "city":
        return None
    zone = zone_most_named(gaz, text, None, 0)
    if zone is None:
        return None
    names = [name for name in (place.name, place.short) if name]
    # by the city's name: within the zone's name, or right before its first mention (赣州蓉江新区)
    city_name = next((name for name in names if zone.region.name.startswith(name)), "")
    written_before = next((name for name in names if text.startswith(name, zone.start - len(name))), "")
    if not city_name and not written_before:
        return None
    bare_name = zone.region.name[len(city_name):]
    zone_mentions = text.count(bare_name)
    city_elsewhere = sum(1 for m in ev.mentions if m.key == chosen and m.cue != "dateline" and not m.elsewhere
                         and not text.startswith(zone.region.name, m.start) and not text.startswith(bare_name, m.end))
    if zone_mentions <= city_elsewhere:
        return None
    # the name as written, with the city's name before it where the zone's own leaves it out
    prefix = "" if city_name else written_before
    return RegionChoice(_zone_region(gaz, prefix + zone.region.name, chosen), zone.start - len(prefix), zone.end,
                        "most_named")


def zone_holding_decider(gaz: Gazetteer, text: str, chosen: int, decider: Mention) -> RegionChoice | None:
    """A zone the gazetteer does not list whose name holds the cued mention (来源：山东聊城鲁西经济开发区):
    the line names the zone, not its city."""
    line_start = text.rfind("\n", 0, decider.start) + 1
    line_end = text.find("\n", decider.end)
    line = text[line_start:len(text) if line_end == -1 else line_end]
    for start, name, _ in _zones_named(line):
        start += line_start
        if start == decider.end and not decider.text.endswith(FULL_NAME_ENDS):
            start, name = decider.start, decider.text + name        # 德州 + 云岭经济开发区
        if start <= decider.start and decider.end < start + len(name) and name not in gaz.by_name \
                and name not in gaz.names:
            return RegionChoice(_zone_region(gaz, official_zone_name(text, name), chosen), start, start + len(name),
                                decider.cue)
    return None


RANK_ENDING = "级"
FULL_NAME_ENDS = ("省", "市", "县", "区", "旗", "盟")     # 盐城市建湖经济开发区 is named without its city


def _short_names_joined(gaz: Gazetteer, found: dict[str, list[tuple[int, bool]]]) -> dict[str, list[tuple[int, bool]]]:
    """One zone under two names counts once: a short name for a full one whose own name adds a place
    (双凤开发区 for 长丰双凤经济开发区), and a name that only caught a word before it for the name
    itself (首届川渝高竹新区 for 川渝高竹新区). The pair's own names end alike, as do their zone words."""
    zone_words = _zone_words()[0]
    parts = {name: _split_zone_name(name, zone_words) for name in found}
    canonical = {name: name for name in found}
    for long in found:
        for short in found:
            own, word = parts[short]
            if len(short) < len(long) and parts[long][0].endswith(own) and parts[long][1].endswith(word):
                added = parts[long][0][:len(parts[long][0]) - len(own)]
                if added in gaz.names or len(found[long]) > len(found[short]):
                    canonical[short] = long     # 长丰 + 双凤…: a place added, or the name the text uses more
                else:
                    canonical[long] = short     # 首届 + 川渝高竹新区: a word caught before the name
    joined: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for name, spans in found.items():
        target, seen = name, {name}
        while canonical[target] not in seen:      # a chain of names; never round a loop
            target = canonical[target]
            seen.add(target)
        joined[target] += spans
    return {name: sorted(spans) for name, spans in joined.items()}


def _split_zone_name(name: str, zone_words: tuple[str, ...]) -> tuple[str, str]:
    """(own name, zone word): 长丰双凤经济开发区 → (长丰双凤, 经济开发区); zone words longest first."""
    word = next((w for w in zone_words if name.endswith(w)), "")
    return name[:len(name) - len(word)], word


def _bare_zone_mentions(text: str, name: str) -> int:
    """How often the zone calls itself by its zone word alone, as a subject or with 我/本/该/全
    (东临新区… 新区将思想建设摆在突出位置): not within a longer name. `name` may be the word itself."""
    return _bare_mentions(text, next((w for w in _zone_words()[0] if name.endswith(w)), ""))


def _bare_mentions(text: str, word: str) -> int:
    """How often `word` (a zone's or a township's level word) stands alone, after punctuation or a
    word that ends before it, never inside a longer name."""
    if not word:
        return 0
    return sum(1 for at in _occurrences(text, word)
               if not at or not _is_ideograph(text[at - 1]) or text[at - 1] in BARE_ZONE_PRECEDERS)


# Characters that end the word before a bare zone word, never a name's: 我/本/该/全, particles and
# prepositions (了, 为, 在, 对, 的, 和, 与, 到, 于, 把, 向, 由, 将), the end of 结合 (结合经开区实际).
BARE_ZONE_PRECEDERS = "我本该全了为在对的和与到于把向由将合"
# A zone's short word and the official ones it may stand for, the likelier first.
OFFICIAL_ZONE_WORDS = {"高新区": ("高新技术产业开发区",), "经开区": ("经济技术开发区", "经济开发区"),
                       "开发区": ("经济技术开发区", "经济开发区")}


def official_zone_name(text: str, name: str) -> str:
    """The zone's name as its official full form: the one the text also writes (兴县经开区 …
    兴县经济技术开发区), else, for 高新区, the one word it always stands for (吴中高新区 →
    吴中高新技术产业开发区); an ambiguous short word (经开区) stays as the text writes it."""
    stem, word = _split_zone_name(name, _zone_words()[0])
    official = OFFICIAL_ZONE_WORDS.get(word, ())
    written = next((stem + full for full in official if stem + full in text), "")
    if written:
        return written
    return stem + official[0] if len(official) == 1 else name


def _zone_region(gaz: Gazetteer, name: str, chosen: int | None) -> Region:
    """A zone under the chosen place: its city (a county's or district's city), its province; with
    none chosen, under the one place its own name holds (咸安经济开发区: 咸安区, so 咸宁市, 湖北省)."""
    if chosen is None:
        chosen = _place_of_zone_stem(gaz, name)
    if chosen is None:
        return Region(name, level="development_zone")
    above = gaz.places[chosen].region
    city = above.city or (above.name if gaz.places[chosen].level == "city" else "")
    return Region(name, above.province, city, "development_zone", latitude=above.latitude,
                  longitude=above.longitude, coordinates_of=above.coordinates_of)


def _place_of_zone_stem(gaz: Gazetteer, name: str) -> int | None:
    zone_words, _ = _zone_words()
    word = next((w for w in zone_words if name.endswith(w)), "")
    readings = gaz.names.get(name[:len(name) - len(word)], {}) if word else {}
    return next(iter(readings)) if len(readings) == 1 else None


# A township the report is about outnumbers its county's own name and the other townships named.
TOWNSHIP_MIN_MENTIONS = 2
TOWNSHIP_SHARE = 2 / 3


def most_named_township(gaz: Gazetteer, text: str, chosen: int | None, county_mentions: int,
                        readable: frozenset[int] = frozenset(), opening_end: int = 0) -> RegionChoice | None:
    """A township of the chosen county (or city) that the text names more often than the county
    itself and than all its other townships together (正阳县袁寨镇开展… 袁寨镇党委… 袁寨镇将…).

    Only for a county chosen as the most named place: an author, a source or 我县 speaks for the
    county, whose report may well dwell on one township. With no place chosen at all, a township
    whose name no other county has, named that often (中方镇 in a text that names no county); a
    name that several counties share is the township without its county (see find_township).
    With nothing chosen, a township the text names alone, in its first sentence, once is enough
    (历时两个多月，杨行镇16个行政村…完成换届。…经镇党委审议…)."""
    holders = set(_counties_within(gaz, chosen)) if chosen is not None else None
    if chosen is not None and gaz.places[chosen].level == "province":
        # 潮安区金石镇…, a province chosen because its county and a partner city split the weight:
        # the townships of the counties the text names in it
        holders |= {k for k in readable if k in gaz.townships and chosen in gaz.ancestors(k)}
    counts: dict[tuple[tuple[int, ...], str], list[tuple[int, int]]] = defaultdict(list)
    for start, end, name in _townships_named(gaz, text, ((0, len(text)),)):
        counties = _counties_of_township(gaz, name, holders, readable)
        if counties:
            counts[(tuple(counties), name)].append((start, end))
    if not counts:
        return None
    (counties, name), spans = max(counts.items(), key=lambda item: len(item[1]))
    all_mentions = sum(len(found) for found in counts.values())
    opens_alone = chosen is None and len(counts) == 1 and spans[0][0] < opening_end
    # 曲麻莱县叶格乡龙麻村: a county named only to place its township does not outweigh it
    county_names = tuple(n for key in counties for n in (gaz.places[key].name, gaz.places[key].short) if n)
    locating = sum(1 for start, _ in spans if text.endswith(county_names, 0, start))
    # 洪山区关山街举办…: a county named only ever to place its township speaks for it, once is enough
    only_locates = chosen is not None and locating > 0 and county_mentions == locating
    county_mentions -= locating
    # 2012年以来，普定县把党建作为…: a county that opens the report frames it; a township first named
    # later, and not named far more, is where one of its practices began
    county_opens = chosen is not None and opening_end and spans[0][0] >= opening_end \
        and any(name_ in text[:opening_end] for name_ in county_names)
    if county_opens and not only_locates and len(spans) < OPENING_COUNTY_FACTOR * county_mentions:
        return None
    if (len(spans) < TOWNSHIP_MIN_MENTIONS and not opens_alone and not only_locates) or len(spans) <= county_mentions \
            or len(spans) < TOWNSHIP_SHARE * all_mentions:
        return None
    start, end = spans[0]
    return _township_choice(gaz, list(counties), name, start, end, "most_named")


OPENING_COUNTY_FACTOR = 2


def township_closing_a_chain(gaz: Gazetteer, text: str, ev: _Evidence, opening_end: int) -> RegionChoice | None:
    """…城市基层党建活动——四川省绵阳市游仙区富乐街道首届联合组织生活举行: a township that closes a
    chain of province, city and county in the first sentence, and is named again, is what the
    report is about, whatever partner places it goes on to name."""
    opening = [m for m in ev.mentions if m.start < opening_end and not m.elsewhere]
    for index in range(len(opening) - 2):
        run = opening[index:index + 3]
        if not all(b.start == a.end and a.key in gaz.ancestors(b.key) for a, b in zip(run, run[1:])):
            continue
        county = run[-1]
        for start, end, name in _townships_named(gaz, text, ((county.end, min(len(text), county.end + MAX_TOWNSHIP_CHARS)),)):
            if start == county.end and county.key in gaz.township_counties.get(name, ()) and text.count(name) >= 2:
                return _township_choice(gaz, [county.key], name, start, end, "subject")
    return None


UNLISTED_LEVEL = re.compile(r"街道|镇|乡")
GENERIC_STEM_CHARACTERS = set("各全本该每乡镇村")     # 各乡镇, 全街道, 村镇: words, not names
TOWNSHIP_BODIES = ("党工委", "党委")
BARE_LEVEL_MENTIONS = 3


def unlisted_township_after_its_county(gaz: Gazetteer, text: str, ev: _Evidence, chosen: int | None,
                                       opening_end: int) -> RegionChoice | None:
    """观山湖区世纪城街道日前举行…, 苏州太仓娄东街道党工委…街道党工委…: a township the gazetteer does
    not list (a newer street), written right after its county in the opening and named again (or its
    body again by its level word), reports, inside the place chosen by its name alone."""
    for m in ev.mentions:
        if m.start >= opening_end:
            break
        if m.elsewhere or gaz.places[m.key].level not in ("county", "district") \
                or (chosen is not None and chosen != m.key and chosen not in gaz.ancestors(m.key)):
            continue
        level = UNLISTED_LEVEL.search(text, m.end + 2, m.end + 6)      # a stem of two to four characters
        if level is None:
            continue
        name = next((name for name in _township_names_ending_at(gaz, text, level.start(), level.end())
                     if level.end() - len(name) == m.end), "")      # the name that starts right after the county
        if not name or name in gaz.township_counties:
            continue        # none, or listed: the rules for named townships weigh it
        # …街道党工委 again, or 街道坚持…, 街道将… (the street speaking of itself by its level word)
        bodies = sum(text.count(level.group() + body) for body in TOWNSHIP_BODIES)
        if text.count(name) >= 2 or bodies >= 2 or _bare_mentions(text, level.group()) >= BARE_LEVEL_MENTIONS:
            return RegionChoice(gaz.township(m.key, name), m.end, level.end(), "subject")
    return None


LEVEL_WORD = re.compile(r"街道|苏木|镇|乡|街(?!道)")     # 海棠街: a 街道 as 天津 writes it
UNLISTED_MIN_MENTIONS = 3


def unlisted_township_most_named(gaz: Gazetteer, text: str, chosen: int, county_mentions: int,
                                 title: str = "") -> RegionChoice | None:
    """三江乡 ×10 in a report that names 汶川县 less: a township the gazetteer does not list under
    the place chosen (it lists the name elsewhere, or not at all, being older than the street),
    named at least three times and more than that place, is the place's township that reports.
    Under a province (the only place a text names) it is placed in the province alone."""
    place = gaz.places[chosen]
    if place.level not in ("county", "district", "city", "province"):
        return None
    listed_here = {name for key in _counties_within(gaz, chosen) for name in gaz.townships.get(key, ())}
    counts: Counter[str] = Counter()
    named = 0       # level words with a name before them
    for level in LEVEL_WORD.finditer(text):
        names = [name + STREET_SHORT_TAIL if name.endswith(STREET_SHORT) else name
                 for name in _township_names_ending_at(gaz, text, level.start(), level.end())]
        names = [name for name in names if name not in listed_here]
        counts.update(names)
        named += bool(names)
    if not counts:
        return None
    # 巴彦木仁苏木 over 木仁苏木 (said as often), 大顺镇 over 在大顺镇 (said once)
    name, times = max(counts.items(), key=lambda item: (item[1], len(item[0])))
    written = name if name in text else name.removesuffix(STREET_SHORT_TAIL)      # 海棠街道 as 海棠街
    # 北站街道组织开展…擂台赛 (the title): the township the title opens with, whatever its city's count
    outnumbers = times > county_mentions or title.startswith(written)
    if times < UNLISTED_MIN_MENTIONS or not outnumbers or times < TOWNSHIP_SHARE * named:
        return None
    start = text.find(written)
    if place.level in ("city", "province"):
        region = Region(name, place.region.province, place.name if place.level == "city" else "", "township",
                        latitude=place.region.latitude, longitude=place.region.longitude,
                        coordinates_of=place.region.coordinates_of)
    else:
        region = gaz.township(chosen, name)
    return RegionChoice(region, start, start + len(written), "most_named")


def _township_names_ending_at(gaz: Gazetteer, text: str, level_start: int, level_end: int) -> list[str]:
    """The township names that may end with the level word text[level_start:level_end] (大顺 + 镇):
    stems of two to four characters that start a word and hold no generic character, the whole
    naming no other place, with the level word a word of its own (not 城镇化, 父老乡亲, 城乡)."""
    window_start = max(0, level_start - 2 * WORD_CONTEXT)     # room for the segmenter to read the stem's start
    boundaries = lexicon().boundaries(text[window_start:level_end + WORD_CONTEXT])
    if level_end - window_start not in boundaries or level_start - window_start not in boundaries:
        return []       # the level word is a word of its own (长营子|镇), not the end of one (城乡, 强镇)
    names = []
    for length in (2, 3, 4):
        start = level_start - length
        if start < 0 or not all(_is_ideograph(c) for c in text[start:level_start]):
            break
        stem = text[start:level_start]
        if start - window_start in boundaries and not GENERIC_STEM_CHARACTERS.intersection(stem) \
                and text[start:level_end] not in gaz.names:
            names.append(text[start:level_end])
    return names


# not 全省: a province's area meeting (全省驻村工作片区座谈会在安溪县召开) is reported by the host on its own work
WIDER_MEETING = re.compile(r"全(?P<level>市|州|盟|县|旗|区)[^。！？!?\n]{2,40}?(?:会议|会|培训班|班)"
                           r"[^。！？!?\n，,]{0,4}?在(?P<venue>[^。！？!?\n，,]{2,16}?)(?:召开|举行|举办|开班|开幕)")


def host_of_a_wider_meeting(gaz: Gazetteer, text: str, ev: _Evidence, opening_end: int) -> RegionChoice | None:
    """全市基层党建推进会在仓山区召开 (the title or the first sentence): a meeting of the wider place,
    held in one of its places, is the wider place's report, named or not (九江 never is: 全市…培训班
    在永修举行), whatever the host's own media or leaders say."""
    match = WIDER_MEETING.search(text, 0, opening_end + 1)
    if match is None:
        return None
    venue_start, venue_end = match.span("venue")
    # the venue's mention, or one elsewhere of the name it opens with (…在永修举行 … 来源：中国永修)
    venue = next((m for m in ev.mentions if venue_start <= m.start < venue_end), None) or next(
        (m for m in ev.mentions if text.startswith(m.text, venue_start)), None)
    if venue is None:
        return None
    level = match.group("level")
    wider = next((key for key in gaz.ancestors(venue.key) if _fits_level(gaz.places[key], level)), None)
    if wider is None:
        return None
    return RegionChoice(gaz.places[wider].region, match.start(), match.start() + 2, "self_reference")


def _second_sentence_end(text: str, first_end: int) -> int:
    """The end of the sentence after the first, in the same paragraph (北京市委…印发的《意见》提出…。
    作为…，通州区九棵树街道立足辖区特点…。: a backdrop first, then the report's own place)."""
    end = SENTENCE_END.search(text, first_end + 1)
    if end is None or "\n" in text[first_end:end.start()]:
        return first_end
    return end.start()


def _first_sentence_end(text: str) -> int:
    end = SENTENCE_END.search(text)
    return len(text) if end is None else end.start()


def _townships_named(gaz: Gazetteer, text: str, zones: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str]]:
    """(start, end, name) of the township names within the zones of `text`: the longest name ending
    at each 镇, 乡, 街道 or 苏木 (one pass over the zones, whatever the number of townships)."""
    found = []
    for zone_start, zone_end in zones:
        for match in _TOWNSHIP_END.finditer(text, zone_start, zone_end):
            end = match.end()
            short = match.group() == STREET_SHORT
            for length in range(min(MAX_TOWNSHIP_CHARS, end - zone_start), 1, -1):
                name = text[end - length:end] + (STREET_SHORT_TAIL if short else "")
                if name in gaz.township_counties and (not short or _after_its_county(gaz, text, end - length, name)):
                    if length == 2 and not _opens_a_name(text, end - length):
                        break       # 先生店镇 holds 店镇 (佳县): a one-character stem inside a longer name
                    found.append((end - length, end, name))
                    break
    return found


STREET_SHORT, STREET_SHORT_TAIL = "街", "道"
NAME_OPENERS_BEFORE = set("县市区旗州盟在的和与、及到赴于")


def _opens_a_name(text: str, start: int) -> bool:
    """Nothing of a longer name comes right before `start`: punctuation, a place's level word
    (佳县店镇) or a particle."""
    return not start or not _is_ideograph(text[start - 1]) or text[start - 1] in NAME_OPENERS_BEFORE


def _after_its_county(gaz: Gazetteer, text: str, start: int, township: str) -> bool:
    """The county (or its short name) that holds `township` ends right at `start` (津南区海棠街)."""
    for county in gaz.township_counties[township]:
        place = gaz.places[county]
        if any(name and text.endswith(name, 0, start) for name in (place.name, place.short)):
            return True
    return False


# --- Looking regions up ---------------------------------------------------------------------


def lookup_region(name: str, province: str = "", city: str = "") -> Region | None:
    """The region a canonical name, full name or alias stands for; None when unknown or ambiguous.

    >>> lookup_region("汽开区").name
    '长春汽车经济技术开发区'
    >>> lookup_region("朝阳区") is None, lookup_region("朝阳区", province="吉林省").city
    (True, '长春市')
    """
    gaz = gazetteer()
    keys = {k for k, s in gaz.names.get(name, {}).items() if s in STRONG + (STOP, WEAK)}
    keys |= set(gaz.by_name.get(name, ()))
    regions = [gaz.places[k].region for k in sorted(keys)]
    regions = [r for r in regions if (not province or r.province == province) and (not city or r.city == city)]
    return regions[0] if len(regions) == 1 else None


def list_provinces() -> list[Region]:
    """The 34 province-level divisions, in code order, with their centres."""
    return [p.region for p in gazetteer().places if p.level == "province"]


def list_regions(level: str = "") -> list[Region]:
    """Every region of the gazetteer, or those of one level (see LEVELS)."""
    if level and level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    gaz = gazetteer()
    found = [p.region for p in gaz.places if not level or p.level == level]
    return found + list(gaz.all_townships()) if level in ("", "township") else found
