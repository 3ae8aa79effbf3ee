"""Numbers as a table cell shows them: in full or in 万/亿, with the qualifier's word (余/近/约).

A table cell holds text, not a float the grid formats and cuts: 37亿元 stays
37亿元 however narrow the column.
"""
from __future__ import annotations

import math

# Where the word goes: 1.2万余人次 (after the number), 近百名 and 约300人 (before it).
QUALIFIER_WORDS = {"=": ("", ""), ">": ("", "余"), "<": ("近", ""), "~": ("约", "")}
SCALES = ((1e8, "亿"), (1e4, "万"))
MAX_DECIMALS = 4         # 1.2345万 is still read at a glance; beyond it the number is written in full


def cn_amount(value: float | None) -> str:
    """A value in 万 (below 1亿) or 亿 when that is exact to four decimals, else in full; "" for no value.

    >>> cn_amount(3.7e9), cn_amount(12000), cn_amount(123456789), cn_amount(7430), cn_amount(4.0), cn_amount(2.5)
    ('37亿', '1.2万', '123,456,789', '7430', '4', '2.5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    for size, word in SCALES:
        scaled = value / size
        if size <= abs(value) < size * 1e4 and abs(scaled * 10 ** MAX_DECIMALS - round(scaled * 10 ** MAX_DECIMALS)) < 1e-6:
            return f"{scaled:,.{MAX_DECIMALS}f}".rstrip("0").rstrip(".") + word
    if float(value).is_integer():
        return f"{value:,.0f}" if abs(value) >= 1e4 else f"{value:.0f}"
    return f"{value:,.6g}"


def value_text(value: float | None, unit: str, qualifier: str) -> str:
    """The number as a report would write it, "" for a formula (no value).

    >>> value_text(12000, "人次", ">"), value_text(100, "名", "<"), value_text(3.7e9, "元", "="), value_text(None, "", "=")
    ('1.2万余人次', '近100名', '37亿元', '')
    """
    amount = cn_amount(value)
    if not amount:
        return ""
    before, after = QUALIFIER_WORDS.get(str(qualifier), ("", ""))
    return f"{before}{amount}{after}{unit or ''}"


def value_texts(values, units, qualifiers) -> list[str]:
    return [value_text(v, u, q) for v, u, q in zip(values, units, qualifiers)]
