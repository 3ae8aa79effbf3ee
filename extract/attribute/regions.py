"""Which locality a report comes from: find the place names in a text, judge them, choose one.

The places, their names and the index over them are built in ``extract.attribute.gazetteer``, which also
says where the data comes from and what each Region field and level means; ``Region`` and
``LEVELS`` are re-exported here because callers ask this module for localities.

Our own resource (``extract/resources/``):
  region_cues.yaml      words around a name: 区委 after it, 赴 before it, an author's post

How ``detect_region`` chooses one locality among all the places a report names:
  1. find every name (full names, short forms, aliases, 兵团 division names) with the gazetteer's
     Aho–Corasick automaton, keeping the longest name where names overlap (蓬江区 over 蓬江);
  2. drop names that are probably words: stop-listed names; one-character-stem names (理县, 成县)
     unless they start a word (not "治理县域", "完成县委"); a bare division name (十一师) without
     兵团 context; and short forms of districts, counties and zones (蓬江) unless the text also
     names in full the place, its parent or a place inside it (蓬江区, 江门市) or its body (蓬江区委);
  3. resolve names several places share (朝阳区: 北京 or 长春) by the other places named; a short
     form shared by a place and one inside it means the larger one (吉林 → 吉林省); unresolved → dropped;
  4. weigh each mention: full names and aliases 1, short forms 0.5, more for a party body right after
     it (蓬江区委) or a place in the first lines, less after 赴/来自 (the report going elsewhere);
  5. a byline near the top or at the end ("吉林市委常委、组织部部长") decides outright; otherwise
     start at the province with the most weight and step down to a city, district or zone inside
     it while that child clearly dominates its siblings, because reports name their superiors
     often (省委, 吉林省) and themselves in more detail;
  6. too little evidence, a tie between provinces, or only 我县/我市 → UNRECOGNISED, never a guess.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import (ALIAS, DIVISION, FULL, LEVELS, SHORT, STOP, STRONG, WEAK, Gazetteer, Region,
                        find_names, gazetteer)
from ..resources import word_list
from ..read.structure import head_end, tail_start

__all__ = ["LEVELS", "UNRECOGNISED", "UNRECOGNISED_NAME", "Mention", "Region", "detect_region",
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
# A byline is a short line among the first lines or the last ones; a long line with 省委书记, or
# a photo caption in the middle, quotes a superior instead.
BYLINE_LINE_CHARS = 40
BYLINE_HEAD_LINES, BYLINE_HEAD_CHARS, BYLINE_TAIL_LINES = 10, 800, 3
# Choosing (step 5 and 6).
MIN_SUPPORT = 1.0          # at least one plain full-name mention, or two short ones
DOMINANCE = 0.6            # a child is "the" place only with this share of its siblings' weight
PARENT_SHARE = 0.2         # ... and with at least this share of the weight its parent has itself


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


@lru_cache(maxsize=1)
def cues() -> Cues:
    def words(key: str) -> tuple[str, ...]:
        # Longest first, so 党工委 is tried before 委.
        return tuple(sorted(word_list("region_cues.yaml", key), key=len, reverse=True))
    bodies = "|".join(("党工委", "党委", "工委", "委"))
    titles = "|".join(map(re.escape, words("author_titles")))
    author = re.compile(rf"(?:{bodies})?(?:{titles})|(?:{bodies})组织部\s*$")
    return Cues(words("org_suffixes"), author, words("elsewhere_prefixes"),
                words("compound_followers"), words("name_openers"), words("corps_context"),
                words("division_blockers_after"), words("division_blockers_before"))


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
    word_start: bool = True     # after punctuation, an opener (中共, 在) or another place name
    key: int | None = None      # the place it names, once resolved
    strength: str = ""
    weight: float = 0.0         # what it counts for, once resolved


def _in_byline(text: str, start: int, end: int) -> bool:
    """An author's post follows the name (吉林市委常委、组织部部长) in a short line."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not cues().author.match(text, end, line_end):
        return False
    return len(text[text.rfind("\n", 0, start) + 1:line_end].strip()) <= BYLINE_LINE_CHARS


def find_mentions(text: str) -> list[Mention]:
    """Every place name in `text` with its cues, before any is judged."""
    c = cues()
    header_end = head_end(text, HEADER_LINES, HEADER_CHARS)
    byline_head, byline_tail = head_end(text, BYLINE_HEAD_LINES, BYLINE_HEAD_CHARS), tail_start(text, BYLINE_TAIL_LINES)
    mentions = []
    for start, end, surface, readings in find_names(text):
        mentions.append(Mention(
            start, end, surface, readings,
            org_cue=text.startswith(c.org_suffixes, end),
            author=(start < byline_head or start >= byline_tail) and _in_byline(text, start, end),
            header=start < header_end,
            elsewhere=text[max(0, start - 2):start].endswith(c.elsewhere_prefixes),
        ))
    for before, m in zip([None, *mentions], mentions):
        chained = before is not None and before.end == m.start
        # 赴浙江省安吉县: the county right after the province is just as much elsewhere.
        m.elsewhere = m.elsewhere or (chained and before.elsewhere)
        m.word_start = chained or _at_word_start(text, m.start)
    return mentions


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
    if strength == DIVISION:
        if after.startswith(c.division_blockers_after) or text[max(0, m.start - 4):m.start].endswith(c.division_blockers_before):
            return True
        return not (m.text.startswith("第") or corps_text or m.org_cue)
    return False


def _drop_words(text: str, mentions: list[Mention]) -> list[Mention]:
    """Keep only the readings that may be places; mentions left with none are dropped."""
    # The Corps context: 兵团 named anywhere, or a bare division with its own body (十一师党委).
    corps_text = any(word in text for word in cues().corps_context) or any(
        m.org_cue for m in mentions if any(s == DIVISION for _, s in m.readings))
    kept = []
    for m in mentions:
        readings = tuple((k, s) for k, s in m.readings if not _is_word_not_place(text, m, s, corps_text))
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


def _resolve_all(gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
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
    resolved += settle([m for m in strong if len(m.readings) > 1])
    strong_keys = set(support)
    for m in weak:
        m.readings = tuple((k, s) for k, s in m.readings if m.org_cue
                           or not _needs_confirmation(gaz, k, s) or _confirmed(gaz, k, strong_keys))
    resolved += settle([m for m in weak if m.readings])
    return sorted(resolved, key=lambda m: m.start)


# --- Choosing the locality ------------------------------------------------------------------


def _subtree_weights(gaz: Gazetteer, resolved: list[Mention]) -> tuple[dict[int, float], dict[int, float], dict[int, int], set[int]]:
    """(own weight, weight of the place and all places in it, mentions in it, places with a cue in it)."""
    own, total, count, cued = defaultdict(float), defaultdict(float), defaultdict(int), set()
    for m in resolved:
        own[m.key] += m.weight
        for k in (m.key, *gaz.ancestors(m.key)):
            total[k] += m.weight
            count[k] += 1
            if m.org_cue or m.header:
                cued.add(k)
    return own, total, count, cued


def _from_author_line(gaz: Gazetteer, resolved: list[Mention], total: dict[int, float]) -> int | None:
    """The author's locality: the most specific place named in a byline (吉林市委常委 …)."""
    keys = {m.key for m in resolved if m.author}
    if not keys:
        return None
    deepest = [k for k in keys if not any(k in gaz.ancestors(o) for o in keys)]
    deepest.sort(key=lambda k: total[k], reverse=True)
    return deepest[0]


def _descend(gaz: Gazetteer, total, own, count, cued) -> int | None:
    """From the heaviest province down, while one child clearly outweighs its siblings (step 5)."""
    children = defaultdict(list)
    for k in total:
        children[gaz.places[k].parent].append(k)
    node = None
    while children[node]:
        ranked = sorted(children[node], key=lambda k: total[k], reverse=True)
        best = ranked[0]
        if node is None and len(ranked) > 1 and total[ranked[1]] >= total[best]:
            return None                                   # two provinces tie: no guess
        siblings = sum(total[k] for k in ranked)
        if node is not None and (total[best] < DOMINANCE * siblings
                                 or total[best] < PARENT_SHARE * own[node]
                                 or (count[best] < 2 and best not in cued)):
            break
        node = best
    return node


def _choose(gaz: Gazetteer, resolved: list[Mention]) -> int | None:
    own, total, count, cued = _subtree_weights(gaz, resolved)
    chosen = _from_author_line(gaz, resolved, total)
    if chosen is None:
        chosen = _descend(gaz, total, own, count, cued)
    if chosen is None or total[chosen] < MIN_SUPPORT:
        return None
    return chosen


def resolved_mentions(text: str) -> list[Mention]:
    """The place names of `text` that survive judging, each resolved to one place (for debugging)."""
    gaz = gazetteer()
    return _resolve_all(gaz, _drop_words(text, find_mentions(text)))


def detect_region(text: str) -> Region:
    """The locality that reports, or UNRECOGNISED when the text does not name it.

    >>> detect_region("中共江门市蓬江区委组织部：蓬江区召开组织工作会议。").name
    '蓬江区'
    >>> detect_region("我县召开组织工作会议。").name
    '未识别'
    """
    gaz = gazetteer()
    chosen = _choose(gaz, resolved_mentions(text))
    return UNRECOGNISED if chosen is None else gaz.places[chosen].region


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
    return [p.region for p in gazetteer().places if not level or p.level == level]
