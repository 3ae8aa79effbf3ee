"""Document year and date: publication lines, signatures, title years, and numbers that are not dates."""
from __future__ import annotations

import doctest
from pathlib import Path
from typing import NamedTuple

import pytest

from extract.attribute import dates
from extract.attribute.dates import detect_date, find_dates

RAW = Path(__file__).resolve().parents[3] / "data" / "raw"
BODY = "\n".join(f"第{i}段，坚持党建引领，推动高质量发展。" for i in range(1, 13))   # 12 lines of body


class Case(NamedTuple):
    text: str
    year: int | None
    date: str = ""


def idfn(case: Case) -> str:
    return f"{case.text.strip()[:16]}→{case.date or case.year}"


# A dated line near the top: the publication line of a web page.
PUBLICATION_CASES = [
    Case("人民网\n为谱写新篇章贡献力量\n2022年06月28日08:33 | 来源:人民网-吉林频道\n" + BODY, 2022, "2022-06-28"),
    Case("首页 / 十一师要闻\n2022-12-19 20:11:24 来源: 十一师融媒体中心\n" + BODY, 2022, "2022-12-19"),
    Case("发布时间：2023/3/5\n" + BODY, 2023, "2023-03-05"),
    Case("2023.02.27 汽开区召开党建工作会议\n" + BODY, 2023, "2023-02-27"),
    Case("发布日期：２０２３年２月２７日\n" + BODY, 2023, "2023-02-27"),
    Case("2023年2月27日 星期一\n" + BODY + "\n2021年7月1日，总书记发表重要讲话。" + "\n" + BODY, 2023, "2023-02-27"),
]

# A signature at the end of an official text.
SIGNATURE_CASES = [
    Case(BODY + "\n中共某县委组织部\n二〇二三年一月五日", 2023, "2023-01-05"),
    Case(BODY + "\n某区委组织部\n二〇二二年十二月三十一日\n", 2022, "2022-12-31"),
    Case(BODY + "\n某区委组织部\n2022年12月31日", 2022, "2022-12-31"),
]

# No dated line: the year the title area names, if any.
YEAR_ONLY_CASES = [
    Case("27日,汽开区召开2023年党的建设工作暨人才工作会议。\n" + BODY, 2023),
    Case("截至2022年底，全区共有党员1.2万名。\n" + BODY, 2022),
    Case("日期：2023年2月30日\n" + BODY, 2023),            # no such day: only the year is stated
    Case(BODY + "\n" + BODY + "\n2021年7月1日，总书记发表重要讲话。\n" + BODY, None),   # an event in the body
]

# Numbers that are not the document's year.
NOT_A_DATE_CASES = [
    Case("编号314151，共5年", None),
    Case("项目编号20221219，已完成", None),
    Case("2022-13-45 号码", None),
    Case("到2025年，全面建成人才高地。", None),
    Case("2035年远景目标", None),
    Case("1900年的事", None),
    Case("坚持党建引领，推动高质量发展。", None),
]


@pytest.mark.parametrize("case", PUBLICATION_CASES, ids=idfn)
def test_publication_line(case):
    assert detect_date(case.text) == (case.year, case.date)


@pytest.mark.parametrize("case", SIGNATURE_CASES, ids=idfn)
def test_signature_date(case):
    assert detect_date(case.text) == (case.year, case.date)


@pytest.mark.parametrize("case", YEAR_ONLY_CASES, ids=idfn)
def test_year_only(case):
    assert detect_date(case.text) == (case.year, case.date)


@pytest.mark.parametrize("case", NOT_A_DATE_CASES, ids=idfn)
def test_not_a_date(case):
    assert detect_date(case.text) == (case.year, case.date)


@pytest.mark.parametrize("doc, expected", [
    ("000_3f2de072fd874ba3", (2023, "")),            # "召开2023年党的建设工作…" in the opening lines
    ("001_a6e73fe7c5ebd397", (None, "")),            # only "6月28日至29日", no year
    ("002_2bc42b709efa2feb", (2022, "2022-06-28")),  # "2022年06月28日08:33 | 来源:人民网"
    ("003_c80e7640dadc126c", (None, "")),
    ("004_5f4d5ec5a18b3703", (2022, "2022-12-19")),  # "2022-12-19 20:11:24 来源: 十一师融媒体中心"
])
def test_seed_dates(doc, expected):
    assert detect_date((RAW / f"{doc}.txt").read_text(encoding="utf-8")) == expected


def test_find_dates_keeps_offsets_and_order():
    text = "甲2022年1月2日乙二〇二三年三月四日丙2021-05-06"
    assert [(offset, d.isoformat()) for offset, d in find_dates(text)] == [
        (1, "2022-01-02"), (11, "2023-03-04"), (21, "2021-05-06")]


def test_docstring_examples():
    assert doctest.testmod(dates).failed == 0
