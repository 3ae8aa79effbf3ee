"""Which locality a report comes from: a gazetteer of Chinese administrative divisions and a detector.

Data, read once per process at first use (the packages themselves are never imported):

- jionlp 1.5.31 (Apache-2.0), ``jionlp/dictionary/china_location.txt``: the tree province → city →
  county with 6-digit codes and a short name for each entry (蓬江区 → 蓬江), including ~145
  development zones (长春汽车经济技术开发区 220174 → 汽开区). State about 2021–22: it has 库车市
  (2019), 新星市 (2021), 莱芜区 (2019), not 白杨市 (2023). Only the province, city and county lines
  are read; the towns and villages below them (99% of the 12 MB file) are skipped.
- cpca 0.5.5 (MIT), ``cpca/resources/adcodes.csv``: code, name and centre longitude/latitude of every
  province, city and county. Older than its 2021 label (about 2018: still 莱芜市 and 库车县, no 北屯市,
  双河市, 可克达拉市, 昆玉市, 胡杨河市, 新星市). Used for coordinates only, joined by code.

Why both: jionlp's tree is newer and the only one that names development zones and short forms,
but it has no coordinates; cpca has coordinates but an older tree and no zones. Neither is imported:
``import jionlp`` prints a banner and takes ~0.3 s, ``import cpca`` pulls in pandas, and their
text-parsing APIs are far too slow for hundreds of thousands of documents. Reading the two files
and building the index takes ~0.2–0.4 s once per process; after that a report of 8 KB takes
~0.4 ms. jionlp costs 70 MB of disk for its 12 MB dictionary; its version is pinned because the
file's layout is not a public API.

Our own resources (``extract/resources/``):
  region_aliases.csv    names the gazetteer lacks (武汉经开区, 长春国际汽车城, national new areas)
  corps_divisions.csv   the 14 兵团 divisions and the city each is seated in
  region_stopwords.csv  place names that are also common words (和平, 振兴, 金山, 城区)
  region_cues.yaml      words around a name: 区委 after it, 赴 before it, an author's post

Region fields: ``name`` canonical name (蓬江区), ``province`` its province-level division (广东省),
``city`` the prefecture-level city it lies in (江门市; the place itself for a city or a county-level
city directly under its province; the municipality for a district of 北京市), ``level`` one of
LEVELS, ``latitude``/``longitude`` a centre (development zones and 兵团 divisions take their
city's), ``coordinates_of`` the gazetteer entry those coordinates belong to (蓬江区 itself, or 长春市
for 汽开区; "" when there are none), ``code`` the 6-digit code where the gazetteer has one.

How ``detect_region`` chooses one locality among all the places a report names:
  1. find every name (full names, short forms, aliases, 兵团 division names) with one Aho–Corasick
     automaton, keeping the longest name where names overlap (蓬江区 over 蓬江);
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

import csv
import importlib.util
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .resources import ResourceError, load_csv, resource_path, word_list

UNRECOGNISED_NAME = "未识别"
LEVELS = ("province", "city", "district", "county", "development_zone", "corps_division")


@dataclass(frozen=True)
class Region:
    name: str
    province: str = ""
    city: str = ""
    level: str = ""
    latitude: float | None = None
    longitude: float | None = None
    code: str = ""             # 6-digit administrative code; "" for aliases and 兵团 divisions
    coordinates_of: str = ""   # gazetteer entry whose centre latitude/longitude are; "" when none


UNRECOGNISED = Region(UNRECOGNISED_NAME)

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

# Strengths of a name, strongest first: aliases and full names count as they stand; division names,
# short forms and one-character-stem names are checked first (step 2); stop-listed full names count
# only when their party body follows (城区委).
ALIAS, FULL, DIVISION, SHORT, WEAK, STOP = "alias", "full", "division", "short", "weak", "stop"
STRENGTH_ORDER = (ALIAS, FULL, DIVISION, SHORT, WEAK, STOP)
STRONG = (ALIAS, FULL)

_ZONE_NAME = re.compile(r"开发区|高新技术|工业园区|产业园区|示范区|管理区|实验区|保税区|园区$")
_LEVEL_RANK = {"province": 0, "city": 1}
_CORPS = "新疆生产建设兵团"
_XINJIANG = "新疆维吾尔自治区"


# --- Gazetteer ------------------------------------------------------------------------------


@dataclass
class Place:
    """One gazetteer entry; `parent` is the key of the place it lies in (None for a province)."""
    key: int
    name: str
    level: str
    code: str = ""
    parent: int | None = None
    short: str = ""
    region: Region = UNRECOGNISED


class Gazetteer:
    """All places, their tree and the names that point at them."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.municipalities: set[int] = set()   # 北京市, 上海市, …: provinces that are also cities
        self.names: dict[str, dict[int, str]] = defaultdict(dict)   # surface form → {key: strength}
        self.by_name: dict[str, list[int]] = defaultdict(list)       # canonical name → keys
        self._ancestors: dict[int, tuple[int, ...]] = {}

    def add(self, name: str, level: str, code: str = "", parent: int | None = None, short: str = "") -> Place:
        place = Place(len(self.places), name, level, code, parent, short)
        self.places.append(place)
        self.by_name[name].append(place.key)
        return place

    def add_name(self, surface: str, key: int, strength: str) -> None:
        """Point `surface` at place `key`; a name given twice keeps its stronger reading."""
        known = self.names[surface].get(key)
        if known is None or STRENGTH_ORDER.index(strength) < STRENGTH_ORDER.index(known):
            self.names[surface][key] = strength

    def ancestors(self, key: int) -> tuple[int, ...]:
        """Keys of the places `key` lies in, nearest first."""
        if key not in self._ancestors:
            parent = self.places[key].parent
            self._ancestors[key] = () if parent is None else (parent, *self.ancestors(parent))
        return self._ancestors[key]

    def province_of(self, key: int) -> Place:
        chain = (key, *self.ancestors(key))
        return self.places[chain[-1]]

    def find(self, name: str, province: str = "", levels: tuple[str, ...] = ()) -> list[Place]:
        """Places whose canonical name is `name`, optionally within a province and of some levels."""
        found = (self.places[k] for k in self.by_name.get(name, ()))
        return [p for p in found if (not province or self.province_of(p.key).name == province)
                and (not levels or p.level in levels)]


def _package_file(package: str, *parts: str) -> Path:
    """A data file shipped inside an installed package, located without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(f"package {package!r} is not installed; see requirements.txt")
    path = Path(spec.submodule_search_locations[0], *parts)
    if not path.is_file():
        raise ResourceError(f"{path}: missing from the installed {package!r}")
    return path


def _read_jionlp_rows() -> list[tuple[int, str, str, str]]:
    """(depth, name, code, short) for the province (0), city (1) and county (2) lines."""
    rows = []
    with _package_file("jionlp", "dictionary", "china_location.txt").open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("\t\t\t"):    # towns and villages
                continue
            parts = line.strip().split("\t")
            if len(parts) == 3:               # uncoded lines are Taiwan's districts: only collisions
                rows.append((len(line) - len(line.lstrip("\t")), *parts))
    return rows


def _read_cpca_coordinates() -> dict[str, tuple[str, float, float]]:
    """6-digit code → (name, latitude, longitude), for the entries that have coordinates."""
    with _package_file("cpca", "resources", "adcodes.csv").open(encoding="utf-8", newline="") as f:
        return {row["adcode"][:6]: (row["name"], float(row["latitude"]), float(row["longitude"]))
                for row in csv.DictReader(f) if row["latitude"] and row["longitude"]}


def _county_level(name: str, code: str) -> str:
    # Codes xx71–xx79 are the statistics bureau's codes for zones run by a city, not districts.
    if "71" <= code[4:6] <= "79" or _ZONE_NAME.search(name):
        return "development_zone"
    if name.endswith("区") and not name.endswith("林区"):   # 神农架林区 is a county-level forest area
        return "district"
    return "county"


def _add_jionlp_places(gaz: Gazetteer) -> None:
    province = city = None
    for depth, name, code, short in _read_jionlp_rows():
        if depth == 0:
            province = city = gaz.add(name, "province", code, None, short)
        elif depth == 1:
            if code == province.code:            # 北京市 under 北京市: the municipality itself
                gaz.municipalities.add(province.key)
                city = province
            elif name == "省直辖行政区划":       # 仙桃市, 阿拉尔市: county-level, under the province
                city = province
            else:
                city = gaz.add(name, "city", code, province.key, short)
        elif depth == 2 and name != "市直辖行政区划":   # 东莞市, 中山市: cities without districts
            gaz.add(name, _county_level(name, code), code, city.key, short)


def _parent_for(gaz: Gazetteer, city: str, province: str, what: str) -> int:
    """Key of the city (or municipality) a resource row says a locality lies in."""
    found = gaz.find(city, province, ("city", "county", "province"))
    if len(found) != 1:
        raise ResourceError(f"{what}: city {city!r} in {province!r} is not one gazetteer place ({len(found)} found)")
    return found[0].key


def _add_alias_places(gaz: Gazetteer) -> None:
    """Localities region_aliases.csv defines (alias == canonical) become places under their city."""
    for row in load_csv("region_aliases.csv"):
        if row["alias"] == row["canonical"] and not gaz.find(row["canonical"], row["province"]):
            parent = _parent_for(gaz, row["city"], row["province"], f"region_aliases.csv {row['alias']}")
            gaz.add(row["canonical"], row["level"], "", parent)


def _add_corps_divisions(gaz: Gazetteer) -> None:
    for row in load_csv("corps_divisions.csv"):
        parent = _parent_for(gaz, row["city"], _XINJIANG, f"corps_divisions.csv {row['division']}")
        gaz.add(_CORPS + row["division"], "corps_division", "", parent, row["division"])


def _city_name(gaz: Gazetteer, place: Place) -> str:
    if place.level == "province":
        return place.name if place.key in gaz.municipalities else ""
    for key in (place.key, *gaz.ancestors(place.key)):
        here = gaz.places[key]
        if here.level == "city":
            return here.name
        parent = gaz.places[here.parent]
        if parent.level == "province":   # 海淀区 → 北京市; 阿拉尔市 is its own city
            return parent.name if parent.key in gaz.municipalities else here.name
    return ""


def _coordinates(gaz: Gazetteer, place: Place, centres: dict) -> tuple[float | None, float | None, str]:
    """(latitude, longitude, name of the entry they belong to): the place's own centre when cpca
    has it under the same code and a matching name (库车市 = 库车县 renamed), else its parent's."""
    for key in (place.key, *gaz.ancestors(place.key)):
        here = gaz.places[key]
        if here.level in ("development_zone", "corps_division"):
            continue   # by design these take their city's coordinates
        found = centres.get(here.code)
        if found and found[0][:2] == here.name[:2]:
            return found[1], found[2], here.name
    return None, None, ""


def _attach_regions(gaz: Gazetteer) -> None:
    centres = _read_cpca_coordinates()
    for place in gaz.places:
        latitude, longitude, source = _coordinates(gaz, place, centres)
        place.region = Region(place.name, gaz.province_of(place.key).name, _city_name(gaz, place),
                              place.level, latitude, longitude, place.code, source)


# --- Names ----------------------------------------------------------------------------------


def _stopwords() -> dict[str, str]:
    rows = load_csv("region_stopwords.csv")
    words = [row["word"] for row in rows]
    duplicates = sorted({w for w in words if words.count(w) > 1})
    if duplicates:
        raise ResourceError(f"{resource_path('region_stopwords.csv')}: repeats {duplicates}")
    return {row["word"]: row["reason"] for row in rows}


def _strength_of_full_name(name: str) -> str:
    # 理县, 成县, 芒市: a one-character stem hides inside compounds (治理县域, 建成县城).
    return WEAK if len(name) <= 2 else FULL


def _add_gazetteer_names(gaz: Gazetteer, stop: dict[str, str]) -> None:
    places = [p for p in gaz.places if p.level != "corps_division"]
    for place in places:
        gaz.add_name(place.name, place.key, STOP if place.name in stop else _strength_of_full_name(place.name))
    full_names = set(gaz.names)
    shared_shorts = defaultdict(int)
    for place in places:
        shared_shorts[place.short] += 1
    for place in places:
        short = place.short
        if place.level == "development_zone" and (short in stop or shared_shorts[short] > 1):
            _add_city_prefixed_zone_names(gaz, place, short)
        elif len(short) >= 2 and short != place.name and short not in stop:
            gaz.add_name(short, place.key, SHORT)
        # 大理州, 双江县, 鄂温克旗: the short form with the level word is what reports write.
        for long_form, level_word in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if place.name.endswith(long_form) and len(short) >= 2 and short + level_word not in full_names:
                gaz.add_name(short + level_word, place.key, FULL)


def _add_city_prefixed_zone_names(gaz: Gazetteer, zone: Place, short: str) -> None:
    """经开区 and 高新区 alone name dozens of zones; 长春经开区 and 长春市高新区 name one."""
    if not short or zone.parent is None:
        return
    city = gaz.places[zone.parent]
    for prefix in {city.name, city.short} - {""}:
        gaz.add_name(prefix + short, zone.key, FULL)


def _add_alias_names(gaz: Gazetteer) -> None:
    for row in load_csv("region_aliases.csv"):
        found = gaz.find(row["canonical"], row["province"])
        if len(found) != 1:
            raise ResourceError(f"region_aliases.csv: {row['canonical']!r} in {row['province']!r} "
                                f"is not one place ({len(found)} found)")
        place = found[0]
        if (place.level, place.region.city or row["city"]) != (row["level"], row["city"]):
            raise ResourceError(f"region_aliases.csv: {row['alias']!r} says {row['level']}/{row['city']}, "
                                f"the gazetteer {place.level}/{place.region.city}")
        gaz.add_name(row["alias"], place.key, ALIAS)


def _division_names(division: str) -> tuple[list[str], list[str]]:
    """(names that are unmistakable, bare names that need context) of 第十一师."""
    bare = division[1:]                                   # 十一师
    strong = [_CORPS + division, "兵团" + division, "兵团" + bare]
    return strong, [division, bare]


def _add_division_names(gaz: Gazetteer) -> None:
    rows = {_CORPS + row["division"]: row for row in load_csv("corps_divisions.csv")}
    for place in gaz.places:
        if place.level != "corps_division":
            continue
        row = rows[place.name]
        strong, bare = _division_names(row["division"])
        if row["common_name"]:   # 第一师阿拉尔市, and 一师阿拉尔市
            strong += [row["common_name"], row["common_name"][1:]]
        strong += [n for n in row["other_names"].split("|") if n]
        for name in strong:
            gaz.add_name(name, place.key, ALIAS)
        for name in bare:
            gaz.add_name(name, place.key, DIVISION)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer with all its names, built once per process (~0.3 s)."""
    gaz = Gazetteer()
    _add_jionlp_places(gaz)
    _add_alias_places(gaz)
    _add_corps_divisions(gaz)
    _attach_regions(gaz)
    stop = _stopwords()
    _add_gazetteer_names(gaz, stop)
    _add_alias_names(gaz)
    _add_division_names(gaz)
    return gaz


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


def _as_bytes(text: str) -> str:
    """The UTF-8 bytes of `text`, one character per byte.

    pyahocorasick finds a node's child by a linear search, and the root of a trie of Chinese names
    has ~1,500 children: on characters it spends ~4 ms on an 8 KB report, on bytes (at most 256
    children a node, a few dozen in practice) ~0.2 ms. UTF-8 never starts a character inside
    another, so a match in bytes is a match in characters."""
    return text.encode("utf-8").decode("latin-1")


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick.Automaton, list[tuple[str, tuple[tuple[int, str], ...], int, int]]]:
    """One automaton over every surface form.

    Its values index `forms`: (surface, ((key, strength), …), length in bytes, rank), where rank 0
    means the name may be a province, 1 a city, 2 anything smaller."""
    gaz = gazetteer()
    forms = []
    automaton = ahocorasick.Automaton()
    for surface, readings in gaz.names.items():
        rank = min(_LEVEL_RANK.get(gaz.places[k].level, 2) for k in readings)
        automaton.add_word(_as_bytes(surface), len(forms))
        forms.append((surface, tuple(readings.items()), len(surface.encode("utf-8")), rank))
    automaton.make_automaton()
    return automaton, forms


@dataclass
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


def _longest_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, form index) of the names in `text`, without overlaps: the longest name wins,
    then the larger place (新河北: 河北 the province, not 新河 the county), then the leftmost."""
    automaton, forms = _automaton()
    encoded = _as_bytes(text)
    spans = [(end + 1 - forms[i][2], end + 1, i) for end, i in automaton.iter(encoded)]
    spans.sort(key=lambda s: (s[0] - s[1], forms[s[2]][3], s[0]))
    taken = bytearray(len(encoded))
    kept = []
    for start, end, i in spans:
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, i))
    kept.sort()
    return _to_character_offsets(encoded, kept, forms)


def _to_character_offsets(encoded: str, kept: list[tuple[int, int]], forms: list) -> list[tuple[int, int, int]]:
    """Byte offsets (in document order) → character offsets, decoding each stretch once."""
    spans, byte_at, char_at = [], 0, 0
    for start, i in kept:
        char_at += len(encoded[byte_at:start].encode("latin-1").decode("utf-8"))
        byte_at = start
        spans.append((char_at, char_at + len(forms[i][0]), i))
    return spans


def _head_end(text: str, lines: int, chars: int) -> int:
    """Offset where the first `lines` non-empty lines end, at most `chars`."""
    seen, offset = 0, 0
    for line in text[:chars].splitlines(keepends=True):
        offset += len(line)
        seen += bool(line.strip())
        if seen >= lines:
            break
    return min(offset, chars)


def _tail_start(text: str, lines: int) -> int:
    """Offset where the last `lines` non-empty lines begin."""
    offset = len(text.rstrip())
    for _ in range(lines):
        offset = text.rfind("\n", 0, offset)
        if offset == -1:
            return 0
        while offset > 0 and not text[text.rfind("\n", 0, offset) + 1:offset].strip():
            offset = text.rfind("\n", 0, offset)   # skip blank lines
    return offset


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
    _, forms = _automaton()
    header_end = _head_end(text, HEADER_LINES, HEADER_CHARS)
    byline_head, byline_tail = _head_end(text, BYLINE_HEAD_LINES, BYLINE_HEAD_CHARS), _tail_start(text, BYLINE_TAIL_LINES)
    mentions = []
    for start, end, i in _longest_spans(text):
        surface, readings = forms[i][:2]
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
        (strong if all(s in STRONG + (DIVISION, STOP) for _, s in m.readings) else weak).append(m)
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
