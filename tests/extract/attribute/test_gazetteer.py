"""The gazetteer: its places, their levels and coordinates, and the resource files it reads."""
from __future__ import annotations

import doctest

import pytest

from extract.attribute import gazetteer as gazetteer_module
from extract.attribute.gazetteer import LEVELS, _regiment_names, find_names, gazetteer
from extract.attribute.regions import list_provinces, list_regions, lookup_region
from extract.resources import load_csv


# --- Places and coordinates ------------------------------------------------------------------


def test_provinces():
    provinces = list_provinces()
    assert len(provinces) == 34
    assert {"吉林省", "新疆维吾尔自治区", "北京市", "香港特别行政区"} <= {p.name for p in provinces}
    assert all(p.level == "province" and p.latitude is not None for p in provinces)


def test_every_region_has_a_level_and_coordinates():
    everything = list_regions()
    assert len(everything) > 3000
    assert {r.level for r in everything} == set(LEVELS)
    assert all(r.latitude is not None and r.longitude is not None and r.coordinates_of for r in everything)


def test_zones_and_divisions_take_their_city_coordinates():
    zone, city = lookup_region("长春汽车经济技术开发区"), lookup_region("长春市")
    assert (zone.latitude, zone.longitude, zone.coordinates_of) == (city.latitude, city.longitude, "长春市")
    division = lookup_region("新疆生产建设兵团第十一师")
    assert division.coordinates_of == "乌鲁木齐市"


def test_docstring_examples():
    result = doctest.testmod(gazetteer_module)
    assert result.attempted > 0 and result.failed == 0


# --- Resource files --------------------------------------------------------------------------


def test_region_aliases_file():
    rows = load_csv("region_aliases.csv")
    assert rows and set(rows[0]) == {"alias", "canonical", "province", "city", "level", "source"}
    aliases = [row["alias"] for row in rows]
    assert len(aliases) == len(set(aliases)), "an alias may name one locality only"
    for row in rows:
        assert row["level"] in LEVELS
        assert row["source"] in {"jionlp", "official", "press"}
        found = lookup_region(row["alias"])
        assert found is not None, row["alias"]
        assert (found.name, found.province, found.city, found.level) == (
            row["canonical"], row["province"], row["city"], row["level"])


def test_corps_divisions_file():
    rows = load_csv("corps_divisions.csv")
    assert set(rows[0]) == {"division", "common_name", "city", "other_names", "note"}
    numerals = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四".split()
    assert [row["division"] for row in rows] == [f"第{n}师" for n in numerals]
    for row in rows:
        assert not row["common_name"] or row["common_name"].startswith(row["division"])
        city = lookup_region(row["city"], "新疆维吾尔自治区")
        assert city is not None and city.level in ("city", "county"), row["city"]
        division = lookup_region("兵团" + row["division"])
        assert (division.level, division.city) == ("corps_division", city.city)


def test_corps_regiments_file():
    rows = load_csv("corps_regiments.csv")
    assert set(rows[0]) == {"division", "regiments"}
    divisions = {row["division"] for row in load_csv("corps_divisions.csv")}
    numbers = [number for row in rows for number in row["regiments"].split("|")]
    assert {row["division"] for row in rows} <= divisions
    assert all(number.isdigit() for number in numbers) and len(numbers) == len(set(numbers))


@pytest.mark.parametrize("number, names", [
    ("8", ["8团"]),
    ("47", ["47团", "四七团", "四十七团"]),
    ("10", ["10团", "一〇团", "十团"]),
    ("127", ["127团", "一二七团", "一百二十七团"]),
    ("101", ["101团", "一〇一团", "一百零一团"]),
    ("110", ["110团", "一一〇团", "一百一十团"]),
])
def test_a_regiment_is_written_in_digits_and_in_numerals(number, names):
    assert _regiment_names(number) == names


def test_region_stopwords_file():
    rows = load_csv("region_stopwords.csv")
    assert set(rows[0]) == {"word", "reason"}
    words = [row["word"] for row in rows]
    assert len(words) == len(set(words))
    assert {row["reason"] for row in rows} <= {"common_word", "directional", "generic_full_name", "generic_zone"}
    gazetteer_names = {p.name for p in gazetteer().places} | {p.short for p in gazetteer().places}
    dead = [w for w in words if w not in gazetteer_names]
    assert not dead, f"not a gazetteer name or short form, so the entry does nothing: {dead}"


# --- Finding names in a text -----------------------------------------------------------------


@pytest.mark.parametrize("text,names", [
    ("吉林市委组织部", ["吉林市"]),
    ("建设新河北", ["河北"]),
    ("吉林省吉林市", ["吉林省", "吉林市"]),
    ("长春市朝阳区召开会议", ["长春市", "朝阳区"]),
    ("我在北京市海淀区", ["北京市", "海淀区"]),
    ("召开组织工作会议", []),
    ("重庆南岸巧引人才", ["重庆南岸"]),
    ("长江南岸的村庄", []),
], ids=["the longest name over the names inside it", "a province over a county of the same length",
        "two names in a row", "a city and a district in it", "names after other text", "no name",
        "a stop-listed short form after its city's name is the district", "the stop-listed short form alone is a word"])
def test_find_names_keeps_the_winning_names_in_order(text, names):
    found = find_names(text)
    assert [surface for _, _, surface, _ in found] == names
    assert all(text[start:end] == surface for start, end, surface, _ in found), "character offsets"


def test_townships_have_a_name_before_their_level_word():
    """jionlp lists a bare 街道 under three counties: a level word alone names no township."""
    names = gazetteer().township_counties
    assert names and not any(name in ("乡", "镇", "街道", "苏木") for name in names)
