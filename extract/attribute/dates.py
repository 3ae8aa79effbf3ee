"""The year or date a document states about itself.

A report carries its own date in a publication line near the top ("2022年06月28日08:33 | 来源:人民网",
"2022-12-19 20:11:24 来源: 十一师融媒体中心") or, for an official text, in a signature at the end
("二〇二三年一月五日"). Dates in the body are about events, often past ones ("2021年7月1日，总书记…"),
so they are not taken for the document's date. Without a dated line, the year is the one the title
area names ("汽开区召开2023年党的建设工作会议"), unless it is a target (到2025年, 2035年远景目标).
Nothing else is guessed: no year → (None, "").
"""
from __future__ import annotations

import re
from datetime import date

from ..read.structure import head_end, tail_start

FIRST_YEAR, LAST_YEAR = 1949, 2100
HEAD_LINES, HEAD_CHARS = 8, 600     # the title, byline and publication line
FOOT_LINES, FOOT_CHARS = 4, 300     # a signature and its date: short lines at the very end

_CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "○": 0}
# Full-width digits and separators (２０２２－１２－１９) read as ASCII; one character for one, so offsets hold.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
_ANY_FULL_WIDTH = re.compile("[０-９－／．]")


def _ascii_digits(text: str) -> str:
    # str.translate looks every character up in a dict: ~100 ns each, so only when needed.
    return text.translate(_FULL_WIDTH) if _ANY_FULL_WIDTH.search(text) else text

# Each pattern opens with a class, not a look-behind, so that re skips ahead in C: (?<!\d\d\d\d\d)
# after four digits says what (?<!\d) before them would.
_ARABIC_DATE = re.compile(r"""
    (?P<year>\d\d\d\d)(?<!\d\d\d\d\d)\s*
    (?: 年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]      # 2022年06月28日
      | (?P<sep>[-/.])(?P<month2>\d{1,2})(?P=sep)(?P<day2>\d{1,2})(?!\d)  # 2022-12-19, 2022/12/19, 2022.12.19
    )""", re.VERBOSE)

_CHINESE_DATE = re.compile(r"""
    (?P<year>[〇零○O一二三四五六七八九][〇零○O一二三四五六七八九]{3})年       # 二〇二三年
    (?P<month>[一二三四五六七八九十]{1,2})月         # 一月 … 十二月
    (?P<day>[一二三四五六七八九十]{1,3})日           # 五日, 二十八日, 三十一日
    """, re.VERBOSE)

# A year the text names: four digits and 年, not part of a longer number (314151年 is no year).
_YEAR = re.compile(r"(?P<year>\d\d\d\d)(?<!\d\d\d\d\d)\s*年")
# A target or horizon, not the document's year: 到2025年, 至2035年, 展望2035年, 2035年远景目标.
_TARGET_BEFORE = ("到", "至", "展望")
_TARGET_AFTER = ("远景", "前")


def _plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def _chinese_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十八 → 28, and digit by digit for years (二〇二三 → 2023)."""
    if "十" not in text:
        return int("".join(str(_CHINESE_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def _as_date(year: int, month: int, day: int) -> date | None:
    if not _plausible(year):
        return None
    try:
        return date(year, month, day)
    except ValueError:      # 2022-13-45 is a code or a phone number, not a date
        return None


def find_dates(text: str) -> list[tuple[int, date]]:
    """(offset, date) of every full, valid date in the text, in document order.

    >>> [(i, d.isoformat()) for i, d in find_dates("2022-12-19 20:11:24 来源: 十一师")]
    [(0, '2022-12-19')]
    """
    found = []
    text = _ascii_digits(text)
    for m in _ARABIC_DATE.finditer(text):
        month, day = (m["month"], m["day"]) if m["month"] else (m["month2"], m["day2"])
        found.append((m.start(), _as_date(int(m["year"]), int(month), int(day))))
    for m in _CHINESE_DATE.finditer(text):
        numbers = (_chinese_number(m[part]) for part in ("year", "month", "day"))
        found.append((m.start(), _as_date(*numbers)))
    return sorted((offset, d) for offset, d in found if d is not None)


def _document_date(text: str, head: str) -> date | None:
    """The first date of the head, else the last date of the foot; the body is not scanned."""
    in_head = find_dates(head)
    if in_head:
        return in_head[0][1]
    in_foot = find_dates(text[max(tail_start(text, FOOT_LINES), len(text) - FOOT_CHARS):])
    return in_foot[-1][1] if in_foot else None


def _head_year(head: str) -> int | None:
    """The first year the title area names, skipping targets (到2025年, 2035年远景目标)."""
    for m in _YEAR.finditer(head):
        if _plausible(int(m["year"])) and not _is_target(head, m.start(), m.end()):
            return int(m["year"])
    return None


def _is_target(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2):start]
    if before.endswith("截至"):      # 截至2022年底: a past year, not a target
        return False
    return before.endswith(_TARGET_BEFORE) or text.startswith(_TARGET_AFTER, end)


def detect_date(text: str) -> tuple[int | None, str]:
    """(year, ISO date) the document states about itself; (year, "") when only a year; (None, "").

    >>> detect_date("2022年06月28日08:33 | 来源:人民网")
    (2022, '2022-06-28')
    >>> detect_date("汽开区召开2023年党的建设工作会议")
    (2023, '')
    >>> detect_date("编号314151，共5年")
    (None, '')
    """
    head = _ascii_digits(text[:head_end(text, HEAD_LINES, HEAD_CHARS)])    # read by both, found once
    found = _document_date(text, head)
    if found:
        return found.year, found.isoformat()
    return _head_year(head), ""
