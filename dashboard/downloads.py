"""CSV downloads that open right in Excel and cannot run as formulas there.

UTF-8 with a byte-order mark, so Excel shows the Chinese rather than mojibake;
a text cell that begins with = + - @ (or a tab or carriage return, which Excel
also reads as a formula start) and goes on after it gets a leading apostrophe,
the OWASP advice against CSV injection. A cell that is that one character alone
(the qualifier codes `=`, `>`, `<`, `~`) cannot compute anything and is kept as
it is, so filtering the qualifier column on `=` finds its rows (LibreOffice
reads it back as `=`: tests/e2e checks). Numbers stay numbers: a negative value
is not text.
"""
from __future__ import annotations

import re

import pandas as pd

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A text cell made inert for spreadsheets; anything else unchanged.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("1.2万余人次"), safe_cell(-3.0), safe_cell("=")
    ("'=HYPERLINK(1)", '1.2万余人次', -3.0, '=')
    """
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The frame as CSV bytes: BOM, UTF-8, header row, formula-safe text cells."""
    out = frame.copy()
    for column in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[column]) or pd.api.types.is_bool_dtype(out[column])):
            text = out[column].astype("string").fillna("")
            risky = text.str.startswith(FORMULA_STARTS) & (text.str.len() > 1)
            out[column] = text.where(~risky, "'" + text)
    return (BOM + out.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


def file_name(*parts: str, suffix: str = ".csv") -> str:
    """A download's file name from its parts, without characters file systems refuse.

    >>> file_name("indicators", "talent", "人/次")
    'indicators_talent_人-次.csv'
    """
    cleaned = [re.sub(r'[\\/:*?"<>|\s]+', "-", p).strip("-") for p in parts if p]
    return "_".join(p for p in cleaned if p) + suffix
